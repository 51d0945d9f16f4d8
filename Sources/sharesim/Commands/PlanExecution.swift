import Experiments
import Foundation
import HostRuntime
import Reports
import SimCore

/// What `run`, `compare` and `sweep` share: run the plan with progress on a terminal, write
/// the report (marked incomplete when interrupted), report failures, choose the exit status.
enum PlanExecution {
    static func execute(_ plan: ExperimentPlan, execution: ExecutionOptions, report: ReportOptions) throws {
        let resultsPath = execution.results ?? report.destination.defaultResultsPath
        let runner = ExperimentRunner(options: try execution.runnerOptions(defaultResultsPath: resultsPath))
        let trace = runner.options.requestTrace.map { [(flag: "--trace-requests", path: $0.path)] } ?? []
        try OutputSafety.check(
            OutputSafety.outputs(of: report.destination, resultsPath: resultsPath) + trace,
            against: try OutputSafety.inputs(of: plan)
        )
        try runner.options.requireResultsFile()
        let check = ResourceCheck(simultaneous: runner.simultaneous(plan), force: execution.force)
        for warning in try check.check(plan) {
            FileHandle.standardError.write(Data("sharesim: warning: \(warning)\n".utf8))
        }
        let outcome = try runner.run(plan, progress: TerminalProgress.hooks(quiet: execution.quiet))
        for failure in outcome.failures {
            FileHandle.standardError.write(Data("sharesim: error: \(failure)\n".utf8))
        }
        if let trace = runner.options.requestTrace, let joined = outcome.requestRecords {
            FileHandle.standardError.write(Data((RequestTrace.summary(joined, of: trace) + "\n").utf8))
        }
        if execution.shard != nil {
            FileHandle.standardError.write(
                Data(("sharesim: " + outcome.shardSummary(resultsPath: resultsPath) + "\n").utf8)
            )
        } else if let made = try outcome.report(kind: plan.kind, reproducible: report.reproducible) {
            try report.write(made)
        }
        if outcome.interrupted { throw ExperimentError.interrupted }
        if !outcome.failures.isEmpty {
            let rest = execution.shard != nil ? "" : "; the report covers the others"
            throw ExperimentError.failed("\(outcome.failures.count) simulation(s) failed" + rest)
        }
    }
}

/// Progress on standard error (never on standard output); nothing with `--quiet`.
enum TerminalProgress {
    /// The runner's hooks, or nil with `quiet`.
    static func hooks(quiet: Bool) -> ExperimentRunner.Progress? {
        guard !quiet else { return nil }
        return ProgressLines.hooks(terminal: isatty(STDERR_FILENO) == 1) {
            FileHandle.standardError.write(Data($0.utf8))
        }
    }
}
