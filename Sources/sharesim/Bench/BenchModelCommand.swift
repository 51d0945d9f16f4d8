import ArgumentParser
import Foundation
import HostRuntime
import ShareModel
import SimCore

/// `sharesim bench model`: the whole model at scale: a large shared pool, a global cloud.
struct BenchModelCommand: ParsableCommand {
    /// Which model to run.
    enum Workload: String, ExpressibleByArgument, CaseIterable {
        /// A pool of home devices with churn serving video, with a cloud fallback.
        case pool
        /// 29 regions and 87 zones serving orders.
        case cloud
    }

    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract:
            "The whole model at scale: `pool` (10^6 devices with churn) or `cloud` (29 regions, 87 zones, 100k TPS)."
    )

    @Argument(help: "pool or cloud.")
    var workload: Workload = .pool

    @Option(help: "Devices in the pool (1k to 20M).")
    var devices = CountArgument(1_000_000)

    @Option(help: "Requests per second: video downloads (pool) or orders (cloud); 1 to 10M.")
    var rate: Double?

    @Option(help: "Simulated seconds to run (1 to 86,400).")
    var seconds: Double?

    @Option(help: "Output format: text (one line) or json (one object).")
    var format: BenchFormat = .text

    @Option(help: "Seed of the run (0 to 2^64-1).")
    var seed: UInt64 = 1

    func validate() throws {
        try validateCount(devices.value, flag: "--devices", in: 1_000...20_000_000)
        if let rate { try validateReal(rate, flag: "--rate", in: 1...10_000_000) }
        if let seconds { try validateReal(seconds, flag: "--seconds", in: 1...86_400) }
    }

    func run() throws {
        try BenchRunner.checkBuild()
        let spec: ModelSpec
        switch workload {
        case .pool:
            spec = try ModelBenchmarks.sharedPool(
                devices: devices.value,
                requestsPerSecond: rate ?? 2_000,
                duration: .seconds(seconds ?? 3_600)
            )
        case .cloud:
            spec = try ModelBenchmarks.multiRegionCloud(
                regions: 29,
                zonesPerRegion: 3,
                transactionsPerSecond: rate ?? 100_000,
                duration: .seconds(seconds ?? 60)
            )
        }
        let baseline = try ProcessMemory.residentBytes()
        let (results, wall) = try ProcessClock.measure { () throws -> ModelResults in try ModelRun.run(spec, seed: seed)
        }
        let peak = try ProcessMemory.peakResidentBytes()
        let simulated = spec.warmup.seconds + spec.duration.seconds
        let served = results.workloads.reduce(0) { $0 + $1.served }
        var record = BenchmarkRecord(name: "model-\(workload.rawValue)")
        record.set("devices", .integer(Int64(spec.sharedPools.first?.pool.deviceCount ?? 0)))
        record.set("zones", .integer(Int64(spec.zones.count)))
        record.set("simulated_seconds", .real(simulated))
        record.set("wall_seconds", .real(wall))
        record.set("speed_vs_real_time", .real(simulated / wall))
        record.set("events", .unsigned(results.eventsProcessed))
        record.set("events_per_second", .real(Double(results.eventsProcessed) / wall))
        record.set("requests_served", .unsigned(served))
        record.set("requests_per_second", .real(Double(served) / wall))
        record.set("peak_rss_bytes", .unsigned(peak))
        record.set("rss_growth_bytes", .unsigned(peak > baseline ? peak - baseline : 0))
        EngineBenchmarks.describeHost(in: &record)
        let subject =
            workload == .pool
            ? "\(HumanNumbers.compact(Double(devices.value))) devices"
            : "\(spec.regions.count) regions, \(spec.zones.count) zones"
        record.summary =
            "model \(workload.rawValue) (\(subject)): \(HumanNumbers.compact(simulated)) simulated s in "
            + "\(HumanNumbers.fixed(wall, decimals: 2)) s = \(HumanNumbers.significant(simulated / wall, digits: 3))x real time; "
            + "\(HumanNumbers.compact(Double(results.eventsProcessed) / wall)) events/s, "
            + "\(HumanNumbers.compact(Double(served) / wall)) requests/s; peak RSS \(HumanNumbers.bytes(Double(peak)))"
        BenchRunner.emit(record, format: format)
    }
}
