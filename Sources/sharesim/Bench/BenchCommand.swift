import ArgumentParser
import Foundation
import HostRuntime
import SimCore

/// `sharesim bench`: engine benchmarks, run in a release build.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the engine: hold, PHOLD and M/M/c benchmarks.",
        discussion: "Build with `swift build -c release` first; debug builds are many times slower.",
        subcommands: [
            BenchSuiteCommand.self, BenchHoldCommand.self, BenchPHoldCommand.self, BenchMMcCommand.self,
            BenchModelCommand.self,
        ],
        defaultSubcommand: BenchSuiteCommand.self
    )
}

/// Shared behaviour of the benchmark subcommands.
enum BenchRunner {
    /// Refuses builds that would give meaningless figures; warns about debug builds.
    static func checkBuild() throws {
        if BuildConfiguration.internalChecksEnabled {
            throw ValidationError("this build has SHARESIM_INTERNAL_CHECKS on; rebuild without it to benchmark")
        }
        if !BuildConfiguration.isOptimized {
            let warning = "sharesim: warning: debug build; run `swift build -c release` for real figures\n"
            FileHandle.standardError.write(Data(warning.utf8))
        }
    }

    /// Prints `record` in `format` on standard output.
    static func emit(_ record: BenchmarkRecord, format: BenchFormat) {
        switch format {
        case .text: print(record.summary)
        case .json: print(record.json)
        }
    }
}
