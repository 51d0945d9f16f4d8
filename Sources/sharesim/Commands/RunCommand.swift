import ArgumentParser
import Experiments
import Scenario

/// `sharesim run [SCENARIO]`: runs a scenario (the built-in default when none is named) and
/// prints or writes its report.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario and report throughput, latency, who served what, utilisation and cost.",
        discussion: "SCENARIO is a file or a built-in name (see `sharesim list`); without one, the built-in "
            + "\(BuiltinScenarios.defaultName) runs."
    )

    @Argument(help: "A scenario file or a built-in scenario name.")
    var scenario: String?

    @Option(help: "Run this variant of the scenario (see the scenario's `variants`).")
    var variant: String = "base"

    @OptionGroup var selection: ScenarioSelection
    @OptionGroup var report: ReportOptions
    @OptionGroup var execution: ExecutionOptions

    func run() throws {
        let plan = try ExperimentPlan.run(
            ScenarioReference(argument: scenario),
            variant: variant,
            selection: selection.plan
        )
        try PlanExecution.execute(plan, execution: execution, report: report)
    }
}
