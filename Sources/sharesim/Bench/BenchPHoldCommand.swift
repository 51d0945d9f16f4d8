import ArgumentParser
import Experiments
import HostRuntime
import SimCore

/// `sharesim bench phold`: the PHOLD benchmark.
struct BenchPHoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phold",
        abstract: "PHOLD: each event schedules one at a random LP at now + 0.1 + Exp(1)."
    )

    @Option(help: "Logical processes (1 to 10M).")
    var lps = CountArgument(1_000)

    @Option(name: .customLong("events-per-lp"), help: "Initial events per LP (1 to 1000; LPs x events: 2G at most).")
    var eventsPerLP = CountArgument(10)

    @Option(help: "Simulated end time in time units (one unit = 1 s), greater than 0 and at most 1e6.")
    var end: Double = 1_000

    @OptionGroup var options: BenchOptions

    func validate() throws {
        try validateCount(lps.value, flag: "--lps", in: 1...10_000_000)
        try validateCount(eventsPerLP.value, flag: "--events-per-lp", in: 1...1_000)
        guard lps.value * eventsPerLP.value <= 2_000_000_000 else {
            throw ValidationError("--lps x --events-per-lp must be at most 2G, got \(lps.value * eventsPerLP.value)")
        }
        guard end.isFinite, end > 0, end <= 1e6 else {
            throw ValidationError("--end must be a number greater than 0 and at most 1e6, got \(end)")
        }
        // Each pending event fires about once per 1.1 time units.
        let expected = Double(lps.value * eventsPerLP.value) * end / 1.1
        guard expected <= 1e10 else {
            throw ValidationError(
                "--end \(end) with \(lps.value * eventsPerLP.value) pending events would run about "
                    + "\(Int(expected)) events; keep it under 1e10"
            )
        }
    }

    func run() throws {
        try BenchRunner.checkBuild()
        try BenchmarkFootprint.phold(lps: lps.value, events: eventsPerLP.value, queue: options.queue.choice).check()
        let record = try EngineBenchmarks.phold(
            logicalProcesses: lps.value,
            eventsPerProcess: eventsPerLP.value,
            end: .seconds(end),
            queue: options.queue.choice,
            seed: options.seed
        )
        BenchRunner.emit(record, format: options.format)
    }
}
