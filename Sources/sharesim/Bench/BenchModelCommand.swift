import ArgumentParser
import Experiments
import HostRuntime

/// `sharesim bench model`: the whole model at scale: a large shared pool, a global cloud.
struct BenchModelCommand: ParsableCommand {
    /// Which model to run: a pool of home devices with churn serving video with a cloud
    /// fallback, 29 regions and 87 zones serving orders, 10^4 transfers on saturated links,
    /// or 3,200 edge sites and 1,000 zones (build time and cost per request).
    enum Workload: String, ExpressibleByArgument, CaseIterable { case pool, cloud, saturated, topology }

    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "The whole model at scale: `pool` (10^6 devices), `cloud`, `saturated` (10^4 flows) or `topology`."
    )

    @Argument(help: "pool, cloud, saturated or topology (3,200 edge sites, 1,000 zones).")
    var workload: Workload = .pool

    @Option(help: "Devices in the pool (1k or more, as memory allows: about 68 bytes each; default 1M); pool only.")
    var devices: CountArgument?

    @Option(help: "Requests per second: video (pool), orders (cloud), both (topology); 1 to 1G (583k, 1.2M).")
    var rate: ScaledNumber?

    @Option(help: "Simulated seconds to run (1 to 86,400).")
    var seconds: Double?

    @Option(help: "Output format: text (one line) or json (one object).")
    var format: BenchFormat = .text

    @Option(help: "Seed of the run (0 to 2^64-1).")
    var seed: UInt64 = 1

    func validate() throws {
        if let devices { try validateCount(devices.value, flag: "--devices", in: 1_000...1_000_000_000_000) }
        if workload != .pool, devices != nil { throw ValidationError("--devices applies to `pool` only") }
        if workload == .saturated, rate != nil || seconds != nil {
            throw ValidationError("--rate and --seconds do not apply to `saturated` (it runs 10^4 flows for 2 s)")
        }
        if let rate { try validateReal(rate.value, flag: "--rate", in: 1...1e9) }
        if let seconds { try validateReal(seconds, flag: "--seconds", in: 1...86_400) }
    }

    func run() throws {
        try BenchRunner.checkBuild()
        let record = try ModelBenchmarkRun.run(
            try ModelBenchmarkRun.Workload.named(workload.rawValue, devices: devices?.value),
            rate: rate?.value,
            seconds: seconds,
            seed: seed
        )
        BenchRunner.emit(record, format: format)
    }
}
