import ArgumentParser
import Experiments

/// `sharesim init NAME [--output FILE] [--force]`: writes a built-in scenario to a file to edit.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a built-in scenario to a YAML file of your own, to edit and run.",
        discussion: "Writes what `sharesim show NAME` prints (resolved when it extends another, so it stands alone)."
    )

    @Argument(help: "A built-in scenario name (see `sharesim list`).")
    var name: String

    @Option(help: "The file to write (default: NAME.yaml in this folder; a folder: NAME.yaml in it).")
    var output: String?

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func run() throws {
        print(try ScenarioInit.write(builtin: name, to: output, force: force))
    }
}
