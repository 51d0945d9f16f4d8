import HostRuntime
public import Reports

/// Where and how a report is written: the format, and a file (written atomically) or
/// standard output.
public struct ReportOutput: Hashable, Sendable {
    /// The format to render.
    public var format: ReportFormat
    /// The file to write, or nil for standard output.
    public var path: String?
    /// With CSV on standard output: print the time series instead of the summary.
    public var seriesOnStandardOutput: Bool
    /// Leave the wall time out, so identical runs give identical bytes.
    public var reproducible: Bool

    /// An output from its parts.
    public init(format: ReportFormat, path: String?, seriesOnStandardOutput: Bool = false, reproducible: Bool = false) {
        self.format = format
        self.path = path
        self.seriesOnStandardOutput = seriesOnStandardOutput
        self.reproducible = reproducible
    }

    /// Whether `path` ends in an extension that names no report format (`out.pdf`); a path
    /// without an extension (`report`) has none to be wrong.
    public static func hasUnknownExtension(_ path: String) -> Bool {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return ReportFormat(inferringFrom: path) == nil
    }

    /// The results file that goes with `path` (`PATH.results.jsonl`), when there is a path.
    public var defaultResultsPath: String? {
        path.map { $0 + ".results.jsonl" }
    }

    /// Renders `report`; writes it (and, for a CSV summary, the series CSV next to it) to
    /// ``path`` atomically, and returns the text for standard output (empty when written).
    ///
    /// - Parameter colour: ANSI colour in the table format.
    /// - Throws: ``ExperimentError/failed(_:)`` naming the file that could not be written.
    public func write(_ report: Report, colour: Bool = false) throws -> String {
        var text = format.render(report, colour: colour, includeWallTime: !reproducible)
        if format == .csv, seriesOnStandardOutput || path != nil {
            let series = CSVRenderer().series(report)
            if let path {
                try Self.writeFile(ReportFormat.seriesPath(forSummaryPath: path), series)
            } else {
                text = series
            }
        }
        guard let path else { return text }
        try Self.writeFile(path, text)
        return ""
    }

    private static func writeFile(_ path: String, _ text: String) throws {
        do {
            try AtomicFile.write(path: path, contents: text)
        } catch {
            throw ExperimentError.failed("cannot write \(path): \(error)")
        }
    }
}

extension ExperimentRunner.Outcome {
    /// What a shard says when it is done: how many simulations it finished and where their
    /// results are (to combine with `sharesim merge`).
    public func shardSummary(resultsPath: String?) -> String {
        let finished = results.count { $0 != nil }
        return "this shard finished \(finished) simulation\(finished == 1 ? "" : "s")"
            + (resultsPath.map { "; results in \($0) (combine the shards with `sharesim merge`)" } ?? "")
    }

    /// The `kind` report of the jobs that finished, marked incomplete unless all did; nil
    /// when none did.
    public func report(kind: ReportKind, reproducible: Bool) throws -> Report? {
        let finished = results.compactMap { $0 }
        guard !finished.isEmpty else { return nil }
        return try ReportAssembly.report(
            finished,
            kind: kind,
            wallSeconds: reproducible ? nil : wallSeconds,
            complete: isComplete
        )
    }
}
