import ArgumentParser
import Foundation
import Scenario

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
        var jobs: [SimulationJob] = []
        if let variants {
            let names = variants.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            guard names.count >= 2 else {
                throw CommandFailure.usage("--variants needs at least two names, got '\(variants)'")
            }
            let reference = ScenarioReference(argument: scenarios[0])
            let loaded = try reference.load()
            for (entry, name) in names.enumerated() {
                jobs += selection.jobs(
                    for: reference,
                    scenario: loaded,
                    variant: name,
                    entry: entry,
                    baseSeed: loaded.seed
                )
            }
        } else {
            var baseSeed: UInt64?
            for (entry, argument) in scenarios.enumerated() {
                let reference = ScenarioReference(argument: argument)
                let loaded = try reference.load()
                baseSeed = baseSeed ?? loaded.seed
                jobs += selection.jobs(
                    for: reference,
                    scenario: loaded,
                    variant: "base",
                    entry: entry,
                    baseSeed: baseSeed
                )
            }
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
