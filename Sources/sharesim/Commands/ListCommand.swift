import ArgumentParser
import Foundation
import Scenario

/// `sharesim list`: the built-in scenarios, one line each.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the built-in scenarios (the files of Simulations/, built into sharesim)."
    )

    func run() throws {
        let names = BuiltinScenarios.names
        let width = names.map(\.count).max() ?? 0
        for name in names {
            let scenario = try BuiltinScenarios.scenario(named: name)
            let summary = scenario.description.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let marker = name == BuiltinScenarios.defaultName ? " (default)" : ""
            print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + summary + marker)
            if let extras = scenario.variantsAndSweep { print(String(repeating: " ", count: width + 2) + extras) }
        }
    }
}
