import ArgumentParser
import Foundation
import SimCore

/// The `sharesim` command: the root of every subcommand.
@main
struct Sharesim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sharesim",
        abstract: "A discrete-event simulator of shared-compute networks and multi-region clouds.",
        version: BuildConfiguration.version,
        subcommands: [BenchCommand.self]
    )

    /// Parses and runs a subcommand; bad input exits with status 2 and a one-line message.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                exit(withError: error)
            }
            let usageError = status == .validationFailure
            let text = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            FileHandle.standardError.write(Data(("sharesim: error: " + text + "\n").utf8))
            Foundation.exit(usageError ? 2 : 1)
        }
    }
}
