import ArgumentParser
import Experiments
import Foundation
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
        if format == nil, let output, ReportOutput.hasUnknownExtension(output) {
            throw ValidationError(
                "--output '\(output)': no report format writes that extension; use .txt, .json, .csv, .md or .html, "
                    + "or name one with --format"
            )
        }
    }

    /// The output the flags describe.
    var destination: ReportOutput {
        let format =
            format.flatMap(ReportFormat.init(name:)) ?? output.flatMap(ReportFormat.init(inferringFrom:)) ?? .table
        return ReportOutput(format: format, path: output, seriesOnStandardOutput: series, reproducible: reproducible)
    }

    /// Renders `report` and writes it to `--output`, or prints it (with colour on a terminal).
    func write(_ report: Report) throws {
        let destination = destination
        let colour =
            output == nil && destination.format == .table
            && TableRenderer.shouldUseColour(
                isTerminal: isatty(STDOUT_FILENO) == 1,
                environment: ProcessInfo.processInfo.environment
            )
        let text = try destination.write(report, colour: colour)
        if !text.isEmpty { FileHandle.standardOutput.write(Data(text.utf8)) }
        for warning in report.warnings { FileHandle.standardError.write(Data("sharesim: warning: \(warning)\n".utf8)) }
    }
}
