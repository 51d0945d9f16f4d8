/// The output formats of a report: what `--format` accepts and what a file's extension implies.
public enum ReportFormat: String, Hashable, Sendable, CaseIterable, Codable {
    /// Aligned plain-text tables (the default on a terminal).
    case table
    /// JSON in the `sharesim.report/2` schema.
    case json
    /// CSV: a summary file, and the time series as a second file.
    case csv
    /// Markdown, for design documents.
    case md
    /// One self-contained HTML file with inline SVG charts.
    case html

    /// The format named `name`, case-insensitively: `table` (also `text`, `txt`), `json`,
    /// `csv`, `md` (also `markdown`), `html` (also `htm`); nil for anything else.
    public init?(name: String) {
        switch name.lowercased() {
        case "table", "text", "txt": self = .table
        case "json": self = .json
        case "csv": self = .csv
        case "md", "markdown": self = .md
        case "html", "htm": self = .html
        default: return nil
        }
    }

    /// The format a file path's extension implies (`report.html` → `.html`,
    /// `out/summary.CSV` → `.csv`, `notes.markdown` → `.md`, `run.txt` → `.table`); nil
    /// without a known extension.
    public init?(inferringFrom path: String) {
        let fileName = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        self.init(name: String(fileName[fileName.index(after: dot)...]))
    }

    /// The file extension to write, without the dot: `txt`, `json`, `csv`, `md`, `html`.
    public var fileExtension: String {
        self == .table ? "txt" : rawValue
    }

    /// The path of the series CSV that goes with summary CSV `path`: `out.csv` →
    /// `out.series.csv`, `out` → `out.series.csv`.
    public static func seriesPath(forSummaryPath path: String) -> String {
        let lower = path.lowercased()
        let stem = lower.hasSuffix(".csv") ? String(path.dropLast(4)) : path
        return stem + ".series.csv"
    }

    /// Renders `report` in this format; for CSV, the summary (use `CSVRenderer.series`
    /// for the second file).
    ///
    /// - Parameters:
    ///   - colour: ANSI colour in the table format (see ``TableRenderer/shouldUseColour(isTerminal:environment:)``).
    ///   - includeWallTime: write the wall time in JSON; false for byte-identical output.
    public func render(_ report: Report, colour: Bool = false, includeWallTime: Bool = true) -> String {
        switch self {
        case .table: TableRenderer(colour: colour).render(report)
        case .json: JSONReportRenderer(includeWallTime: includeWallTime).render(report)
        case .csv: CSVRenderer().summary(report)
        case .md: MarkdownRenderer().render(report)
        case .html: HTMLRenderer().render(report)
        }
    }
}
