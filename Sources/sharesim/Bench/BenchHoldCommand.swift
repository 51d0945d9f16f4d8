import ArgumentParser
import Experiments
import HostRuntime
import SimCore

/// `sharesim bench hold`: the hold model on the pending-event set.
struct BenchHoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold",
        abstract: "The classic hold model: N pending events, M remove-then-insert operations."
    )

    @Option(help: "Events kept pending (1 to 2G, as memory allows: about 62 bytes each in the ladder, 24 in the heap).")
    var pending = CountArgument(1_000_000)

    @Option(help: "Hold operations (1 to 10G, about 20 minutes at 10^6 pending).")
    var ops = CountArgument(10_000_000)

    @OptionGroup var options: BenchOptions

    func validate() throws {
        try validateCount(pending.value, flag: "--pending", in: 1...2_000_000_000)
        try validateCount(ops.value, flag: "--ops", in: 1...10_000_000_000)
    }

    func run() throws {
        try BenchRunner.checkBuild()
        try BenchmarkFootprint.hold(pending: pending.value, queue: options.queue.choice).check()
        let record = try EngineBenchmarks.hold(
            pending: pending.value,
            operations: ops.value,
            queue: options.queue.choice,
            seed: options.seed
        )
        BenchRunner.emit(record, format: options.format)
    }
}
