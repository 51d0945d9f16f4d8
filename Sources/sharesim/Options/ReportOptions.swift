import ArgumentParser
import Foundation
import HostRuntime
import Reports

/// Where and how a command writes its report.
struct ReportOptions: ParsableArguments {
    @Option(help: "Report format: table, json, csv, md or html (default: from --output's extension, else table).")
    var format: String?

    @Option(
        help: "Write the report to this file (atomically) instead of standard output; csv also writes NAME.series.csv."
    )
    var output: String?

    @Flag(help: "With csv on standard output, print the time series instead of the summary.")
    var series = false

    @Flag(help: "Leave the wall time out of the report, so identical runs give identical bytes.")
    var reproducible = false

    func validate() throws {
        if let format, ReportFormat(name: format) == nil {
            throw ValidationError("--format must be table, json, csv, md or html, got '\(format)'")
        }
        if let output, output.isEmpty { throw ValidationError("--output needs a file name") }
    }

    /// The format to render.
    var resolvedFormat: ReportFormat {
        if let format, let named = ReportFormat(name: format) { return named }
        if let output, let inferred = ReportFormat(inferringFrom: output) { return inferred }
        return .table
    }

    /// The results file next to `--output`, when there is one.
    var defaultResultsPath: String? {
        output.map { $0 + ".results.jsonl" }
    }

    /// Renders `report` and writes it: to `--output` atomically (with the series CSV next
    /// to a CSV summary), or to standard output.
    func write(_ report: Report) throws {
        let format = resolvedFormat
        let colour =
            output == nil && format == .table
            && TableRenderer.shouldUseColour(
                isTerminal: isatty(STDOUT_FILENO) == 1,
                environment: ProcessInfo.processInfo.environment
            )
        var text = format.render(report, colour: colour, includeWallTime: !reproducible)
        if format == .csv, series || output != nil {
            let seriesText = CSVRenderer().series(report)
            if let output {
                try Self.writeFile(ReportFormat.seriesPath(forSummaryPath: output), seriesText)
            } else {
                text = seriesText
            }
        }
        if let output {
            try Self.writeFile(output, text)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    static func writeFile(_ path: String, _ text: String) throws {
        do {
            try AtomicFile.write(path: path, contents: text)
        } catch {
            throw CommandFailure.failed("cannot write \(path): \(error)")
        }
    }
}
