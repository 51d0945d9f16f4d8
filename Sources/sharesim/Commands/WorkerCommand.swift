import ArgumentParser
import Experiments
import HostRuntime
import ShareModel

/// `sharesim worker`: runs simulations sent as JSON lines on standard input (started by
/// `run`, `compare` and `sweep` with `--jobs`; not for direct use).
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run simulation jobs from standard input (used by --jobs; not for direct use).",
        shouldDisplay: false
    )

    @Option(help: "The most requests in flight each simulation may hold (set by the parent from its memory).")
    var maxRequestsInFlight = Int.max

    func run() throws {
        let limits = RunLimits(maxRequestsInFlight: maxRequestsInFlight)
        try WorkerServer.serve { try ExperimentRunner.handle($0, limits: limits) }
    }
}
