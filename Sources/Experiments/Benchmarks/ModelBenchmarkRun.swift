public import HostRuntime
import ShareModel
import SimCore

/// `sharesim bench model`: the whole model at scale, timed, as a benchmark record.
public enum ModelBenchmarkRun {
    /// Which model to run.
    public enum Workload: Hashable, Sendable {
        /// A pool of `devices` home devices with churn serving video, with a cloud fallback.
        case pool(devices: Int)
        /// 29 regions and 87 zones serving orders.
        case cloud
        /// 10^4 concurrent transfers on saturated links, replaced as they finish.
        case saturated
        /// 3,200 edge sites and 1,000 zones in 29 regions, 300 populations sending orders
        /// and downloads, routed to the nearest healthy site and at the lowest expected latency.
        case topology

        /// `pool`, `cloud`, `saturated` or `topology`.
        public var name: String {
            switch self {
            case .pool: "pool"
            case .cloud: "cloud"
            case .saturated: "saturated"
            case .topology: "topology"
            }
        }

        /// The workload called `name` (see ``name``), with `devices` for the pool (10^6 when nil).
        ///
        /// - Throws: ``ExperimentError/usage(_:)`` for a name that is none of them.
        public static func named(_ name: String, devices: Int?) throws(ExperimentError) -> Workload {
            switch name {
            case "pool": .pool(devices: devices ?? 1_000_000)
            case "cloud": .cloud
            case "saturated": .saturated
            case "topology": .topology
            default: throw .usage("no model benchmark is called '\(name)' (pool, cloud, saturated, topology)")
            }
        }
    }

    /// Runs `workload` at `rate` requests per second (default: 2,000 video downloads for the
    /// pool, 100,000 orders for the cloud) for `seconds` simulated seconds (default: an hour,
    /// a minute) and returns the record: wall time, speed against real time, events and
    /// requests per second, peak memory. `saturated` takes neither; `topology` reports its
    /// build time and cost per request as well (see ``runTopology(rate:seconds:seed:)``).
    ///
    /// - Throws: ``ExperimentError/usage(_:)`` before anything is built when the run would need
    ///   more memory than this machine has (see ``footprint(_:rate:)``) or more devices than a
    ///   pool can hold; errors of the run.
    public static func run(
        _ workload: Workload,
        rate: Double?,
        seconds: Double?,
        seed: UInt64,
        machineBytes: Double = MachineMemory.bytes
    ) throws -> BenchmarkRecord {
        try footprint(workload, rate: rate).check(machineBytes: machineBytes)
        if case .pool(let devices) = workload, devices > SharedPoolSpec.maximumDeviceCount {
            throw ExperimentError.usage(
                "--devices: a pool holds at most \(ModelSpec.grouped(Double(SharedPoolSpec.maximumDeviceCount))) "
                    + "devices (device numbers are 32-bit), got \(ModelSpec.grouped(Double(devices)))"
            )
        }
        if workload == .saturated { return try runSaturated(seed: seed) }
        if workload == .topology { return try runTopology(rate: rate, seconds: seconds, seed: seed) }
        let spec: ModelSpec
        switch workload {
        case .pool(let devices):
            spec = try ModelBenchmarks.sharedPool(
                devices: devices,
                requestsPerSecond: rate ?? 2_000,
                duration: .seconds(seconds ?? 3_600)
            )
        case .cloud, .saturated, .topology:
            spec = try ModelBenchmarks.multiRegionCloud(
                regions: 29,
                zonesPerRegion: 3,
                transactionsPerSecond: rate ?? 100_000,
                duration: .seconds(seconds ?? 60)
            )
        }
        let baseline = try ProcessMemory.residentBytes()
        let (results, wall) = try ProcessClock.measure { () throws -> ModelResults in
            try ModelRun.run(spec, seed: seed)
        }
        let peak = try ProcessMemory.peakResidentBytes()
        let simulated = spec.warmup.seconds + spec.duration.seconds
        let served = results.workloads.reduce(0) { $0 + $1.served }
        var record = BenchmarkRecord(name: "model-\(workload.name)")
        let devices = spec.sharedPools.first?.pool.deviceCount ?? 0
        record.set("devices", .integer(Int64(devices)))
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
        if devices > 0 { record.set("peak_rss_bytes_per_device", .real(Double(peak) / Double(devices))) }
        EngineBenchmarks.describeHost(in: &record)
        let subject: String
        switch workload {
        case .pool(let devices): subject = "\(HumanNumbers.compact(Double(devices))) devices"
        case .cloud, .saturated, .topology: subject = "\(spec.regions.count) regions, \(spec.zones.count) zones"
        }
        record.summary =
            "model \(workload.name) (\(subject)): \(HumanNumbers.compact(simulated)) simulated s in "
            + "\(HumanNumbers.fixed(wall, decimals: 2)) s = "
            + "\(HumanNumbers.significant(simulated / wall, digits: 3))x real time; "
            + "\(HumanNumbers.compact(Double(results.eventsProcessed) / wall)) events/s, "
            + "\(HumanNumbers.compact(Double(served) / wall)) requests/s; peak RSS \(HumanNumbers.bytes(Double(peak)))"
        if devices > 0 {
            record.summary += " (\(HumanNumbers.fixed(Double(peak) / Double(devices), decimals: 1)) bytes per device)"
        }
        return record
    }

    /// Runs the closed loop of ``SaturatedFlowBenchmark`` on each topology (10^4 flows)
    /// for at least two wall seconds each, and returns flow events per second.
    static func runSaturated(seed: UInt64) throws -> BenchmarkRecord {
        var record = BenchmarkRecord(name: "model-saturated")
        var parts: [String] = []
        for topology in SaturatedFlowBenchmark.Topology.allCases {
            var bench = try SaturatedFlowBenchmark(topology, flows: 10_000, seed: seed)
            bench.run(completions: 200)
            let warmEvents = bench.flowEvents
            var wall = 0.0
            while wall < 2, bench.flowEvents - warmEvents < 2_000_000 {
                let ((), seconds) = ProcessClock.measure { bench.run(completions: 500) }
                wall += seconds
            }
            let events = bench.flowEvents - warmEvents
            let key = topology.rawValue
            record.set("\(key)_flows", .integer(Int64(bench.flowCount)))
            record.set("\(key)_flow_events", .integer(Int64(events)))
            record.set("\(key)_wall_seconds", .real(wall))
            record.set("\(key)_flow_events_per_second", .real(Double(events) / wall))
            parts.append("\(topology.rawValue) \(HumanNumbers.compact(Double(events) / wall)) flow events/s")
        }
        EngineBenchmarks.describeHost(in: &record)
        record.summary = "model saturated (10k flows): " + parts.joined(separator: ", ")
        return record
    }
}
