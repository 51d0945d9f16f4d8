import ArgumentParser
import Foundation
import Scenario

/// `sharesim sweep S.yaml [--set PATH=V1,V2,...]`: runs the scenario's sweep (or the one
/// given) and reports each figure against the swept value.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario at each value of one parameter and report every figure against it."
    )

    @Argument(help: "A scenario file or a built-in scenario name.")
    var scenario: String

    @Option(help: "The sweep: PATH=V1,V2,... (default: the scenario's own `sweep`; `--set PATH=V1,V2,...` works too).")
    var over: String?

    @Option(help: "Sweep this variant of the scenario.")
    var variant: String = "base"

    @OptionGroup var selection: ScenarioSelection
    @OptionGroup var report: ReportOptions
    @OptionGroup var execution: ExecutionOptions

    func run() throws {
        let reference = ScenarioReference(argument: scenario)
        let loaded = try reference.load()
        // `--set PATH=V1,V2,...` (a list) is the sweep; single-valued --set entries stay overrides.
        var selection = selection
        var over = over
        if over == nil, let index = selection.settings.firstIndex(where: { $0.contains(",") }) {
            over = selection.settings.remove(at: index)
        }
        let path: String
        let values: [String]
        if let over {
            let parts = over.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw CommandFailure.usage("--over expects PATH=V1,V2,..., got '\(over)'")
            }
            path = parts[0]
            values = parts[1].split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        } else if let sweep = loaded.sweep {
            path = sweep.path.description
            values = try sweep.values.map { node in
                guard let text = node.scalarText else {
                    throw CommandFailure.usage(
                        "\(node.location): a sweep value must be a single value, got \(node.summary)"
                    )
                }
                return text
            }
        } else {
            throw CommandFailure.usage("scenario '\(loaded.name)' has no sweep; give one with --over PATH=V1,V2,...")
        }
        guard values.count >= 2 else { throw CommandFailure.usage("a sweep needs at least two values") }
        var jobs: [SimulationJob] = []
        for value in values {
            jobs += selection.jobs(
                for: reference,
                scenario: loaded,
                variant: variant,
                extraSettings: [SimulationJob.Setting(path: path, value: value)]
            )
        }
        try ScenarioSelection.check(jobs)
        let runner = ExperimentRunner(execution: execution, defaultResultsPath: report.defaultResultsPath)
        let outcome = try runner.run(jobs)
        try RunOutcomeHandling.finish(
            outcome,
            sharded: execution.shard != nil,
            report: report,
            resultsPath: execution.results ?? report.defaultResultsPath
        )
    }
}
