/// Renders reports as aligned plain-text tables for a terminal: units on every number,
/// human scales (`583.0k/s`, `12.4 Gbit/s`, `84.2 ms`), `±` 95% half-widths.
///
/// With `colour` on, headings are bold, significant differences yellow and an interrupted
/// run red (ANSI escapes). The caller decides: colour only when the output is a terminal and
/// `NO_COLOR` is unset (see ``shouldUseColour(isTerminal:environment:)``).
public struct TableRenderer: Sendable {
    /// Whether to write ANSI colour escapes.
    public var colour: Bool

    /// A renderer, with or without colour.
    public init(colour: Bool) {
        self.colour = colour
    }

    /// Whether a terminal renderer should colour: the output is a terminal and `NO_COLOR` is
    /// unset or empty (https://no-color.org), and `TERM` is not `dumb`.
    ///
    /// - Parameters:
    ///   - isTerminal: whether standard output is a terminal (the CLI asks `isatty`).
    ///   - environment: the process environment.
    public static func shouldUseColour(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    /// The text of a run report, ending with a newline.
    public func render(_ report: RunReport) -> String { render(ReportLayout.document(report)) }

    /// The text of a comparison, ending with a newline.
    public func render(_ comparison: ComparisonReport) -> String { render(ReportLayout.document(comparison)) }

    /// The text of a sweep, ending with a newline.
    public func render(_ sweep: SweepReport) -> String { render(ReportLayout.document(sweep)) }

    /// The text of any report, ending with a newline.
    public func render(_ report: Report) -> String {
        switch report {
        case .run(let run): render(run)
        case .comparison(let comparison): render(comparison)
        case .sweep(let sweep): render(sweep)
        }
    }

    private func render(_ document: ReportDocument) -> String {
        var lines: [String] = [style(document.title, .title), ""]
        if let question = document.question {
            lines += [style("Question", .heading), "  " + question, ""]
        }
        if let headline = document.headline {
            lines += render(headline) + [""]
        }
        let labelWidth = document.facts.map(\.label.count).max() ?? 0
        for fact in document.facts {
            let value = fact.warning ? style(fact.value, .warning) : fact.value
            lines.append("  " + pad(fact.label, to: labelWidth, .left) + "  " + value)
        }
        for table in document.tables {
            lines.append("")
            lines += render(table)
        }
        if !document.notes.isEmpty {
            lines.append("")
            lines += document.notes.map { style($0, .dim) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func render(_ table: TextTable) -> [String] {
        let widths = table.headers.indices.map { column in
            max(table.headers[column].count, table.rows.map { element($0, column)?.text.count ?? 0 }.max() ?? 0)
        }
        var lines = [style(table.title, .heading)]
        lines.append(
            "  "
                + table.headers.indices.map {
                    style(pad(table.headers[$0], to: widths[$0], table.alignments[$0]), .bold)
                }
                .joined(separator: "  ")
        )
        lines.append("  " + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        for row in table.rows {
            let cells = table.headers.indices.map { column -> String in
                let cell = element(row, column) ?? ""
                let text = pad(cell.text, to: widths[column], table.alignments[column])
                return cell.highlight ? style(text, .highlight) : text
            }
            lines.append(trimmedRight("  " + cells.joined(separator: "  ")))
        }
        return lines
    }

    private enum Style {
        case title, heading, bold, highlight, warning, dim
    }

    private func style(_ text: String, _ style: Style) -> String {
        guard colour else { return text }
        let code =
            switch style {
            case .title: "1;4"
            case .heading: "1;36"
            case .bold: "1"
            case .highlight: "1;33"
            case .warning: "1;31"
            case .dim: "2"
            }
        return "\u{1B}[" + code + "m" + text + "\u{1B}[0m"
    }

    private func pad(_ text: String, to width: Int, _ alignment: TextTable.Alignment) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return alignment == .left ? text + padding : padding + text
    }

    private func trimmedRight(_ text: String) -> String {
        guard colour == false else { return text }
        var result = Substring(text)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }
}
