import Foundation
import Reports

/// What `run`, `compare` and `sweep` do once their simulations are done: write the report
/// (marked incomplete when interrupted), report failures, and choose the exit status.
enum RunOutcomeHandling {
    static func finish(
        _ outcome: ExperimentRunner.Outcome,
        sharded: Bool,
        report options: ReportOptions,
        resultsPath: String?
    ) throws {
        let finished = outcome.results.compactMap { $0 }
        for failure in outcome.failures {
            FileHandle.standardError.write(Data("sharesim: error: \(failure)\n".utf8))
        }
        if sharded {
            let message =
                "sharesim: this shard finished \(finished.count) simulation\(finished.count == 1 ? "" : "s")"
                + (resultsPath.map { "; results in \($0) (combine the shards with `sharesim merge`)" } ?? "") + "\n"
            FileHandle.standardError.write(Data(message.utf8))
            if outcome.interrupted { throw CommandFailure.interrupted }
            if !outcome.failures.isEmpty {
                throw CommandFailure.failed("\(outcome.failures.count) simulation(s) failed")
            }
            return
        }
        let complete = outcome.isComplete
        if !finished.isEmpty {
            try options.write(try ReportAssembly.report(finished, wallSeconds: outcome.wallSeconds, complete: complete))
        }
        if outcome.interrupted { throw CommandFailure.interrupted }
        if !outcome.failures.isEmpty {
            throw CommandFailure.failed("\(outcome.failures.count) simulation(s) failed; the report covers the others")
        }
    }
}
