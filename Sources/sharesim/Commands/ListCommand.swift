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
            let variants = scenario.variants.isEmpty ? "" : "variants: " + scenario.variantNames.joined(separator: ", ")
            let sweep = scenario.sweep.map {
                "sweep: \($0.path) over \($0.values.map(\.description).joined(separator: ", "))"
            }
            let extras = [variants, sweep ?? ""].filter { !$0.isEmpty }.joined(separator: "; ")
            if !extras.isEmpty { print(String(repeating: " ", count: width + 2) + extras) }
        }
    }
}
