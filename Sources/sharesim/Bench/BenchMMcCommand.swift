import ArgumentParser
import HostRuntime
import SimCore

/// `sharesim bench mmc`: an M/M/c queue checked against Erlang C.
struct BenchMMcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mmc",
        abstract: "An M/M/c queue on the engine, with simulated and Erlang C mean wait in queue."
    )

    @Option(help: "Servers c (1 to 1M).")
    var servers = CountArgument(8)

    @Option(help: "Arrival rate lambda per second (1e-6 to 1e6; lambda < c x mu).")
    var lambda = ScaledNumber(7)

    @Option(help: "Service rate mu per second per server (1e-6 to 1e6).")
    var mu = ScaledNumber(1)

    @Option(help: "Customers (1k to 5G); the first 1% are warm-up.")
    var customers = CountArgument(10_000_000)

    @OptionGroup var options: BenchOptions

    func validate() throws {
        try validateCount(servers.value, flag: "--servers", in: 1...1_000_000)
        try validateReal(lambda.value, flag: "--lambda", in: 1e-6...1e6)
        try validateReal(mu.value, flag: "--mu", in: 1e-6...1e6)
        try validateCount(customers.value, flag: "--customers", in: 1_000...5_000_000_000)
        guard lambda.value < Double(servers.value) * mu.value else {
            throw ValidationError(
                "--lambda \(lambda.value) must be below --servers x --mu = \(Double(servers.value) * mu.value), "
                    + "or the queue grows without bound"
            )
        }
    }

    func run() throws {
        try BenchRunner.checkBuild()
        let record = try EngineBenchmarks.mmc(
            servers: servers.value,
            arrivalRate: lambda.value,
            serviceRate: mu.value,
            customers: UInt64(customers.value),
            queue: options.queue.choice,
            seed: options.seed
        )
        BenchRunner.emit(record, format: options.format)
    }
}
