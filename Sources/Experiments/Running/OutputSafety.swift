import Foundation
import Reports
import Scenario

/// Keeps a command from writing over what it reads: no report, series or results file may be
/// a scenario file or a file one extends.
public enum OutputSafety {
    /// The files a command will write: the report and its series CSV (from `output`), and the
    /// results file, each with the flag that names it.
    public static func outputs(of output: ReportOutput, resultsPath: String?) -> [(flag: String, path: String)] {
        var paths: [(flag: String, path: String)] = []
        if let path = output.path {
            paths.append(("--output", path))
            if output.format == .csv { paths.append(("--output", ReportFormat.seriesPath(forSummaryPath: path))) }
        }
        if let resultsPath { paths.append(("--results", resultsPath)) }
        return paths
    }

    /// Throws when one of `outputs` is the same file as one of `inputs` (through symbolic
    /// links and relative paths too).
    ///
    /// - Throws: ``ExperimentError/usage(_:)`` naming the flag and the file.
    public static func check(_ outputs: [(flag: String, path: String)], against inputs: Set<String>) throws {
        let readPaths = Set(inputs.map(canonical))
        for output in outputs where readPaths.contains(canonical(output.path)) {
            throw ExperimentError.usage(
                "\(output.flag) \(output.path) is an input of this command (a scenario file or one it extends); "
                    + "writing it would destroy it: choose another path"
            )
        }
    }

    /// The files `plan` reads: each scenario file of its jobs and every file those extend
    /// (built-in scenarios read none).
    public static func inputs(of plan: ExperimentPlan) throws -> Set<String> {
        var files: Set<String> = []
        var seen: Set<String> = []
        for reference in plan.jobs.map(\.scenario) where !reference.isBuiltin {
            guard seen.insert(reference.location).inserted else { continue }
            files.insert(reference.location)
            files.formUnion(try reference.load().sourceFiles)
        }
        return files
    }

    /// `path` absolute, standardised, with symbolic links resolved where it exists.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
