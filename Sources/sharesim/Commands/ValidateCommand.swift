import ArgumentParser
import Experiments
import Scenario

/// `sharesim validate FILE...`: checks scenario files without running them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files (and their variants and sweeps) without running them.",
        discussion: "Prints every problem as FILE:LINE:COLUMN: error: message; exits with status 2 if any file has one."
    )

    @Argument(help: "Scenario files, or built-in scenario names.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one scenario file") }
    }

    func run() throws {
        var problems: [String] = []
        for file in files {
            do {
                let scenario = try ScenarioReference(argument: file).load()
                try scenario.checkVariantsAndSweep()
                let extras = scenario.extrasSummary
                print("\(file): ok (\(scenario.name)\(extras.isEmpty ? "" : ", " + extras))")
            } catch let error as ScenarioError {
                problems += error.diagnostics.map(\.description)
            } catch {
                problems.append("\(file): error: \(error)")
            }
        }
        guard problems.isEmpty else {
            throw ExperimentError.usage(problems.joined(separator: "\n"))
        }
    }
}
