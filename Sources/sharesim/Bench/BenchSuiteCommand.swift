import ArgumentParser
import HostRuntime

/// `sharesim bench suite`: the standard set of engine benchmarks, one line each.
struct BenchSuiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suite",
        abstract: "Run the standard engine benchmarks (hold at 10^6 pending, PHOLD at 10^4 and 10^6 pending, M/M/c)."
    )

    @Option(help: "Output format: text (one line per benchmark) or json (one object per line).")
    var format: BenchFormat = .text

    func run() throws {
        try BenchRunner.checkBuild()
        for benchmark in EngineBenchmarks.standardSuite { BenchRunner.emit(try benchmark(), format: format) }
    }
}
