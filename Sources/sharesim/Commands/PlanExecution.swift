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
        let outcome = try runner.run(plan, progress: TerminalProgress.hooks())
        for failure in outcome.failures {
            FileHandle.standardError.write(Data("sharesim: error: \(failure)\n".utf8))
        }
        if execution.shard != nil {
            let finished = outcome.results.count { $0 != nil }
            let message =
                "sharesim: this shard finished \(finished) simulation\(finished == 1 ? "" : "s")"
                + (resultsPath.map { "; results in \($0) (combine the shards with `sharesim merge`)" } ?? "") + "\n"
            FileHandle.standardError.write(Data(message.utf8))
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

/// Progress lines on standard error, only when it is a terminal (never on standard output).
enum TerminalProgress {
    /// The runner's hooks, or nil when standard error is not a terminal.
    static func hooks() -> ExperimentRunner.Progress? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let start = ProcessClock.nanoseconds()
        var shown = false
        var lastShown: UInt64 = 0
        func show(_ line: String) {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            shown = true
        }
        return ExperimentRunner.Progress(
            jobEnded: { done, total in
                let elapsed = Double(ProcessClock.nanoseconds() - start) * 1e-9
                guard total > 1, elapsed >= 1 || shown else { return }
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
                guard elapsed >= 1, now - lastShown >= 250_000_000 else { return }
                lastShown = now
                let fraction = end.nanoseconds == 0 ? 1 : Double(simulated.nanoseconds) / Double(end.nanoseconds)
                let left = fraction > 0 ? elapsed / fraction - elapsed : 0
                show(
                    "\(simulated) of \(end.sinceStart) simulated (\(Int(fraction * 100))%), "
                        + "\(HumanNumbers.compact(Double(events) / elapsed)) events/s, "
                        + "about \(HumanNumbers.fixed(left, decimals: 0)) s left"
                )
            },
            finished: { if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
        )
    }
}
