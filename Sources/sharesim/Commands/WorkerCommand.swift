import ArgumentParser
import Experiments
import HostRuntime

/// `sharesim worker`: runs simulations sent as JSON lines on standard input (started by
/// `run`, `compare` and `sweep` with `--jobs`; not for direct use).
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run simulation jobs from standard input (used by --jobs; not for direct use).",
        shouldDisplay: false
    )

    func run() throws {
        try WorkerServer.serve(handler: ExperimentRunner.handle)
    }
}
