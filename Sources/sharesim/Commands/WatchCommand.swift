import ArgumentParser
import Experiments
import Foundation

/// `sharesim watch SCENARIO`: runs a scenario file, then re-runs it whenever the file (or a
/// file it extends) changes, showing which headline figures moved.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Re-run a scenario file whenever it (or a file it extends) changes, showing what moved.",
        discussion: "An invalid file prints its diagnostics and the watch goes on. Ctrl-C stops (exit status 130)."
    )

    @Argument(help: "A scenario file.")
    var scenario: String

    @Option(help: "Run this variant of the scenario (see the scenario's `variants`).")
    var variant: String = "base"

    @Flag(help: "Exit after the first successful re-run (for scripts and tests).")
    var onceAfterChange = false

    func run() throws {
        let reference = ScenarioReference(argument: scenario)
        guard !reference.isBuiltin else {
            throw ExperimentError.usage("watch needs a scenario file; '\(scenario)' is not one")
        }
        guard FileManager.default.fileExists(atPath: reference.location) else {
            throw ExperimentError.usage("no such scenario file: \(reference.location)")
        }
        let session = try WatchSession(
            path: reference.location,
            variant: variant,
            onceAfterChange: onceAfterChange,
            output: { FileHandle.standardOutput.write(Data($0.utf8)) },
            diagnostics: { FileHandle.standardError.write(Data($0.utf8)) }
        )
        switch try session.run() {
        case .rerunDone: return
        case .interrupted: throw ExperimentError.interrupted
        }
    }
}
