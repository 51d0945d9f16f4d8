import ArgumentParser
import Experiments
import Foundation

/// `sharesim compare A.yaml B.yaml ...` or `sharesim compare S.yaml --variants base,x,...`:
/// runs each with the same seeds per replication and lays them side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare scenarios or variants side by side, with paired differences and 95% intervals.",
        discussion: "Replication i of every entry runs with the same seed (common random numbers), so "
            + "differences are paired; each figure's difference against the first entry is marked where "
            + "its 95% confidence interval excludes zero."
    )

    @Argument(help: "Scenario files or built-in names (one, with --variants; or several).")
    var scenarios: [String]

    @Option(help: "Comma-separated variants of the one scenario, e.g. base,zone-outage.")
    var variants: String?

    @OptionGroup var selection: ScenarioSelection
    @OptionGroup var report: ReportOptions
    @OptionGroup var execution: ExecutionOptions

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("name the scenarios to compare") }
        if variants == nil, scenarios.count < 2 {
            throw ValidationError("compare needs two scenarios, or one scenario with --variants a,b")
        }
        if variants != nil, scenarios.count != 1 {
            throw ValidationError("--variants compares the variants of one scenario; name exactly one")
        }
    }

    func run() throws {
        let plan: ExperimentPlan
        if let variants {
            let names = variants.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            plan = try .comparison(
                ScenarioReference(argument: scenarios[0]),
                variants: names,
                selection: selection.plan
            )
        } else {
            plan = try .comparison(scenarios.map(ScenarioReference.init(argument:)), selection: selection.plan)
        }
        try PlanExecution.execute(plan, execution: execution, report: report)
    }
}
