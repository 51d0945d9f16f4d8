import SimCore
import Testing

@testable import ShareModel

@Suite("Resource estimates and run limits")
struct ResourceLimitTests {
    @Test("The estimate counts classes, devices, cache indexes, cores, latency entries and outage windows exactly")
    func estimateItems() throws {
        let spec = try WorldModelTests().mixedSpec()
        let estimate = spec.resourceEstimate
        let items = estimate.items.map { "\($0.element) \($0.field) \($0.what) \(Int($0.bytes))" }
        #expect(
            items == [
                "scenario workloads 3 workload classes (two latency histograms each: all requests, "
                    + "and those during outages) 1867776",
                "shared pool 'hk-homes' devices 2,000 devices 136000",
                "workload 'video' catalogue 2,000 objects indexed by edge site 'hk-edge' 32000",
                "zone 'hz-a' servers 40 cores 2080",
                "zone 'hz-b' servers 40 cores 2080",
                "zone 'hk-a' servers 20 cores 1040",
                "random failure 1 (edge-site hk-edge) edge_site 2 outage windows of edge-site hk-edge 300",
                "scenario latency 36 latency table entries 288",
            ]
        )
        // Each class's histogram: 38 buckets of 1,024 eight-byte counts (1 ns to 24 h, 3 digits);
        // two per class, as the spec has random failures.
        let expectedBytes: Double = 2 * 3 * 38 * 1_024 * 8 + 136_000 + 32_000 + 2_080 + 2_080 + 1_040 + 300 + 288
        #expect(estimate.bytes == expectedBytes)
        // 660 s of 242 requests/s at 4 events each; 2,000 devices starting and switching
        // every 200 s on average (sessions of 300 s on and 100 s off); two outage windows of
        // the edge (a 396 s cycle in 660 s), each going down and up.
        let arrivals: Double = 242 * 660 * 4
        let churn: Double = 2_000 * (1 + 2 * 660 / 400)
        let expectedEvents: Double = arrivals + churn + 4
        #expect(abs(estimate.events - expectedEvents) < 1e-6)
    }

    @Test("A pool of the largest device count is estimated at hundreds of gigabytes")
    func hugePool() throws {
        var spec = try WorldModelTests().mixedSpec()
        spec.sharedPools[0].pool.deviceCount = SharedPoolSpec.maximumDeviceCount
        let largest = try #require(spec.resourceEstimate.items.first)
        #expect(largest.what == "4,294,967,294 devices")
        #expect(largest.bytes == 4_294_967_294 * 68)
    }

    @Test("An overloaded zone stops at the limit of requests in flight with the breach's time")
    func breachStopsTheRun() throws {
        // One core serving 1 request/s against 100 arrivals/s: the backlog grows by about 99/s,
        // so 500 requests are in flight after about 500 / 99 = 5.05 s.
        let spec = try WorldModelTests().singleZoneSpec(
            cores: 1,
            lambda: 100,
            duration: .seconds(100),
            warmup: .zero
        )
        var simulation = try ModelRun.prepare(spec, seed: 3, limits: RunLimits(maxRequestsInFlight: 500))
        #expect(throws: RunLimitBreach.self) { try ModelRun.finish(&simulation) }
        let breach = try #require(simulation.model.limitBreach)
        #expect(breach.requestsInFlight == 500)
        // Arrivals by 5 s are Poisson with a standard deviation of about 22, a quarter second.
        #expect(abs(breach.time.seconds - 500.0 / 99) < 1)
        #expect(breach.description.hasPrefix("the run stopped at \(breach.time.sinceStart) of 1.667 min: "))
        #expect(breach.description.contains(": 500 requests were in flight (under 1 MB), the most this run"))
        // The same run without a limit finishes.
        #expect(throws: Never.self) { _ = try ModelRun.run(spec, seed: 3) }
    }

    @Test("Memory budgets give request limits: at least 10,000, proportional above")
    func limitsFromMemory() {
        let each = Double(RunLimits.bytesPerRequestInFlight)
        #expect(RunLimits(memoryBytes: 0).maxRequestsInFlight == 10_000)
        #expect(RunLimits(memoryBytes: each * 1_000_000).maxRequestsInFlight == 1_000_000)
        #expect(RunLimits.unlimited.maxRequestsInFlight == .max)
    }

    @Test("Edge caches count bytes of huge objects without overflowing")
    func hugeObjects() throws {
        var cache = try LRUCache(capacityBytes: 1_000_000_000_000_000_000, catalogueSize: 20)
        for object in 0..<20 { cache.access(object: object, size: 1_000_000_000_000_000) }
        for object in 0..<20 { cache.access(object: object, size: 1_000_000_000_000_000) }
        #expect(cache.missBytes == 2e16)
        #expect(cache.hitBytes == 2e16)
    }
}
