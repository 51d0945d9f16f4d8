import ArgumentParser
import Scenario

/// `sharesim list`: the built-in scenarios, one line each, with their variants and sweep.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the built-in scenarios (the files of Simulations/, built into sharesim)."
    )

    func run() throws {
        for line in try BuiltinScenarios.listing() { print(line) }
    }
}
