import ArgumentParser
import Experiments
import Foundation
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
                let check = ResourceCheck(simultaneous: 1, force: false)
                for warning in try check.check(try scenario.variantsAndSweepPoints()) {
                    FileHandle.standardError.write(Data("sharesim: warning: \(file): \(warning)\n".utf8))
                }
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
