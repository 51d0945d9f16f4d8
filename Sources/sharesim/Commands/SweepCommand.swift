import ArgumentParser
import Experiments
import Foundation

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
        // `--set PATH=V1,V2,...` (a list) is the sweep; single-valued --set entries stay overrides.
        var selection = selection
        var over = over
        if over == nil, let index = selection.settings.firstIndex(where: { $0.contains(",") }) {
            over = selection.settings.remove(at: index)
        }
        let sweep = try over.map { text in
            guard let setting = SimulationJob.Setting(parsing: text) else {
                throw ExperimentError.usage("--over expects PATH=V1,V2,..., got '\(text)'")
            }
            return setting
        }
        let plan = try ExperimentPlan.sweep(
            ScenarioReference(argument: scenario),
            variant: variant,
            path: sweep?.path,
            values: sweep?.value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } ?? [],
            selection: selection.plan
        )
        try PlanExecution.execute(plan, execution: execution, report: report)
    }
}
