import ArgumentParser
import Experiments
import Foundation
import HostRuntime
import Scenario
import SimCore

/// The `sharesim` command: the root of every subcommand.
@main
struct Sharesim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sharesim",
        abstract: "A discrete-event simulator of shared-compute networks and multi-region clouds.",
        version: BuildConfiguration.version,
        subcommands: [
            RunCommand.self, CompareCommand.self, SweepCommand.self, LiveCommand.self, WatchCommand.self,
            ValidateCommand.self, ListCommand.self, ShowCommand.self, InitCommand.self, MergeCommand.self,
            WorkerCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: nil
    )

    /// Parses and runs a subcommand; bad input exits with status 2 and a one-line message.
    ///
    /// ArgumentParser's own entry point exits with 64 and prints the usage; ShareSim's
    /// contract is status 2 and one line naming the flag, so errors are mapped here.
    static func main() async {
        ProcessStart.prepare()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ScenarioError {
            fail(error.diagnostics.map(\.description).joined(separator: "\n"), status: 2)
        } catch let error as ExperimentError {
            switch error {
            case .usage(let message): fail(message, status: 2)
            case .failed(let message): fail(message, status: 1)
            case .interrupted: fail("interrupted; finished results were kept", status: 130)
            }
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

    /// Prints `message` on standard error (prefixed with `sharesim: error:` unless every line
    /// already names its file) and exits with `status`.
    static func fail(_ message: String, status: Int32) -> Never {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.contains(": error: ") || line.contains(": warning: ") ? String(line) : "sharesim: error: " + line
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        Foundation.exit(status)
    }
}
