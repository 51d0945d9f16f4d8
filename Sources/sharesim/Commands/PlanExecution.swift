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
        let outcome = try runner.run(plan, progress: TerminalProgress.hooks(quiet: execution.quiet))
        for failure in outcome.failures {
            FileHandle.standardError.write(Data("sharesim: error: \(failure)\n".utf8))
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

/// Progress on standard error (never on standard output): one line redrawn in place on a
/// terminal; elsewhere (CI logs, Slurm) a new line every 5 s; nothing with `--quiet`.
enum TerminalProgress {
    /// The runner's hooks, or nil with `quiet`.
    static func hooks(quiet: Bool) -> ExperimentRunner.Progress? {
        guard !quiet else { return nil }
        let terminal = isatty(STDERR_FILENO) == 1
        let every: UInt64 = terminal ? 250_000_000 : 5_000_000_000
        let start = ProcessClock.nanoseconds()
        var shown = false
        var lastShown: UInt64 = 0
        func show(_ line: String) {
            lastShown = ProcessClock.nanoseconds()
            FileHandle.standardError.write(Data((terminal ? "\r\u{1B}[K" + line : "sharesim: " + line + "\n").utf8))
            shown = true
        }
        return ExperimentRunner.Progress(
            jobEnded: { done, total in
                let now = ProcessClock.nanoseconds()
                let elapsed = Double(now - start) * 1e-9
                guard total > 1, terminal ? elapsed >= 1 || shown : now - max(start, lastShown) >= every else { return }
                let left = elapsed / Double(done) * Double(total - done)
                show(
                    "simulations \(done)/\(total) (\(done * 100 / total)%), "
                        + "\(HumanNumbers.fixed(elapsed, decimals: 1)) s elapsed, "
                        + "about \(HumanNumbers.fixed(left, decimals: 0)) s left"
                )
            },
            simulationAdvanced: { simulated, end, events in
                let now = ProcessClock.nanoseconds()
                let elapsed = Double(now - start) * 1e-9
                guard elapsed >= 1, now - max(start, lastShown) >= every else { return }
                let fraction = end.nanoseconds == 0 ? 1 : Double(simulated.nanoseconds) / Double(end.nanoseconds)
                let left = fraction > 0 ? elapsed / fraction - elapsed : 0
                show(
                    "\(simulated) of \(end.sinceStart) simulated (\(Int(fraction * 100))%), "
                        + "\(HumanNumbers.compact(Double(events) / elapsed)) events/s, "
                        + "about \(HumanNumbers.fixed(left, decimals: 0)) s left"
                )
            },
            finished: { if shown && terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
        )
    }
}
