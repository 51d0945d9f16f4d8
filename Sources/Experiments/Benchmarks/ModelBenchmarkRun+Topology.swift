import HostRuntime
import ShareModel
import SimCore

extension ModelBenchmarkRun {
    /// Builds the full-size topology of ``ModelBenchmarks/topology(_:requestsPerSecond:routing:duration:)``
    /// (3,200 edge sites, 1,000 zones, 300 populations) and runs it at `rate` requests per
    /// second (default 100,000, half orders, half downloads) for `seconds` simulated seconds
    /// (default 10), routed in turn to the nearest healthy site, at the lowest expected
    /// latency, by power of two choices and by weight (every site weight 1), the last two
    /// drawing among all 4,200 sites of a request's kind; returns the record: each build's time (validation, candidate lists, first
    /// arrivals) apart from its run, and each run's wall time per request and events per
    /// second, and peak memory.
    static func runTopology(rate: Double?, seconds: Double?, seed: UInt64) throws -> BenchmarkRecord {
        var record = BenchmarkRecord(name: "model-topology")
        var parts: [String] = []
        let baseline = try ProcessMemory.residentBytes()
        var size = ""
        let sites = try ModelBenchmarks.topology(.full, requestsPerSecond: 1, duration: .seconds(1)).siteNames
        let everySiteOnce = RoutingPolicy.weighted(Dictionary(uniqueKeysWithValues: sites.map { ($0, 1.0) }))
        for routing in [RoutingPolicy.nearestHealthy, .lowestLatency, .powerOfTwoChoices, everySiteOnce] {
            let spec = try ModelBenchmarks.topology(
                .full,
                requestsPerSecond: rate ?? 100_000,
                routing: routing,
                duration: .seconds(seconds ?? 10)
            )
            var (simulation, build) = try ProcessClock.measure { () throws(SpecErrors) in
                try ModelRun.prepare(spec, seed: seed)
            }
            let (results, wall) = try ProcessClock.measure { () throws(RunLimitBreach) in
                try ModelRun.finish(&simulation)
            }
            let arrived = results.workloads.reduce(0) { $0 + $1.arrived }
            let nanosecondsPerRequest = wall * 1e9 / Double(max(1, arrived))
            let eventsPerSecond = Double(results.eventsProcessed) / wall
            if routing == .nearestHealthy {
                record.set("regions", .integer(Int64(spec.regions.count)))
                record.set("zones", .integer(Int64(spec.zones.count)))
                record.set("edge_sites", .integer(Int64(spec.edgeSites.count)))
                record.set("populations", .integer(Int64(spec.populations.count)))
                record.set("simulated_seconds", .real(spec.warmup.seconds + spec.duration.seconds))
                size =
                    "\(spec.edgeSites.count) edge sites, \(spec.zones.count) zones, "
                    + "\(spec.populations.count) populations"
            }
            let key =
                switch routing {
                case .nearestHealthy: "nearest_healthy"
                case .lowestLatency: "lowest_latency"
                case .powerOfTwoChoices: "power_of_two"
                default: "weighted"
                }
            record.set("\(key)_build_seconds", .real(build))
            record.set("\(key)_wall_seconds", .real(wall))
            record.set("\(key)_events", .unsigned(results.eventsProcessed))
            record.set("\(key)_events_per_second", .real(eventsPerSecond))
            record.set("\(key)_requests_arrived", .unsigned(arrived))
            record.set("\(key)_ns_per_request", .real(nanosecondsPerRequest))
            parts.append(
                "\(routing.name): built in \(HumanNumbers.fixed(build, decimals: 2)) s, "
                    + "\(HumanNumbers.compact(nanosecondsPerRequest)) ns/request, "
                    + "\(HumanNumbers.compact(eventsPerSecond)) events/s"
            )
        }
        let peak = try ProcessMemory.peakResidentBytes()
        record.set("peak_rss_bytes", .unsigned(peak))
        record.set("rss_growth_bytes", .unsigned(peak > baseline ? peak - baseline : 0))
        EngineBenchmarks.describeHost(in: &record)
        record.summary =
            "model topology (\(size)): " + parts.joined(separator: "; ")
            + "; peak RSS \(HumanNumbers.bytes(Double(peak)))"
        return record
    }
}
