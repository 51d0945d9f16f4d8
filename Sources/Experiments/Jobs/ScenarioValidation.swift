import Scenario
import ShareModel

/// `sharesim validate`: one scenario file or built-in name checked with every variant and
/// sweep point, and against this machine's memory, without running it.
public struct ScenarioValidation: Sendable {
    /// The line to print when it is valid: `FILE: ok (NAME, 3 variants, a sweep of 4 values)`.
    public var summary: String?
    /// Warnings (workload priorities no zone acts on, a simulation that will take long), each
    /// without a prefix.
    public var warnings: [String] = []
    /// The problems, one line each, as `FILE:LINE:COLUMN: error: message`.
    public var problems: [String] = []

    /// Checks the scenario `argument` names (a file, else a built-in name).
    public init(checking argument: String) {
        do {
            let scenario = try ScenarioReference(argument: argument).load()
            // Priorities that act nowhere are said before any run (a run's report says them too).
            warnings =
                scenario.spec.priorityWarnings
                + (try ResourceCheck(simultaneous: 1, force: false).check(try scenario.variantsAndSweepPoints()))
            let extras = scenario.extrasSummary
            summary = "\(argument): ok (\(scenario.name)\(extras.isEmpty ? "" : ", " + extras))"
        } catch let error as ScenarioError {
            problems = error.diagnostics.map(\.description)
        } catch {
            problems = ["\(argument): error: \(error)"]
        }
    }
}
