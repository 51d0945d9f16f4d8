import ArgumentParser
import HostRuntime
import SimCore

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
        // Hold first, while the process is small; bytes per event compare resident sizes
        // sampled around each run, so the order of the two queues does not matter.
        let emit = { (record: BenchmarkRecord) in BenchRunner.emit(record, format: format) }
        emit(try EngineBenchmarks.hold(pending: 1_000_000, operations: 10_000_000, queue: .heap, seed: 1))
        emit(try EngineBenchmarks.hold(pending: 1_000_000, operations: 10_000_000, queue: .ladder, seed: 1))
        emit(
            try EngineBenchmarks.phold(
                logicalProcesses: 1_000,
                eventsPerProcess: 10,
                end: .seconds(1_000),
                queue: .ladder,
                seed: 1
            )
        )
        emit(
            try EngineBenchmarks.phold(
                logicalProcesses: 100_000,
                eventsPerProcess: 10,
                end: .seconds(10),
                queue: .ladder,
                seed: 1
            )
        )
        emit(
            try EngineBenchmarks.mmc(
                servers: 8,
                arrivalRate: 7,
                serviceRate: 1,
                customers: 10_000_000,
                queue: .ladder,
                seed: 1
            )
        )
    }
}
