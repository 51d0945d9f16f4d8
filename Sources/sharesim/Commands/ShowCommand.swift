import ArgumentParser
import Experiments
import Foundation

/// `sharesim show NAME|FILE [--variant V]`: prints a scenario's YAML.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a scenario's YAML: as written, or resolved (what it extends merged in, a variant applied).",
        discussion: "A file that extends nothing prints as written, comments included; otherwise the resolved "
            + "scenario prints as YAML that stands alone and runs to the same results."
    )

    @Argument(help: "A built-in scenario name (see `sharesim list`) or a scenario file.")
    var scenario: String

    @Option(help: "Apply this variant (the other variants are left out).")
    var variant: String?

    func run() throws {
        let text = try ScenarioReference(argument: scenario).standaloneText(variant: variant)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
