import ArgumentParser
import Experiments
import Foundation

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
            let check = ScenarioValidation(checking: file)
            for warning in check.warnings {
                FileHandle.standardError.write(Data("sharesim: warning: \(file): \(warning)\n".utf8))
            }
            if let summary = check.summary { print(summary) }
            problems += check.problems
        }
        guard problems.isEmpty else { throw ExperimentError.usage(problems.joined(separator: "\n")) }
    }
}
