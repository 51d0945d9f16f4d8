import Testing

@testable import ShareModel
@testable import SimCore

/// The "during outages" figures: which requests arrived while something was down, and what
/// became of them.
@Suite("Requests during outages")
struct OutageWindowTests {
    @Test(
        "the outage clock: overlapping outages make one spell, spells count from the warm-up's end, an open one until the end"
    )
    func clock() {
        let start = SimTime(.seconds(10))
        func at(_ seconds: Int64) -> SimTime { SimTime(.seconds(seconds)) }
        var clock = OutageClock()
        clock.change(wentDown: true, at: at(5), measuringFrom: start)
        clock.change(wentDown: true, at: at(12), measuringFrom: start)
        clock.change(wentDown: false, at: at(15), measuringFrom: start)
        #expect(clock.isAnyDown)
        clock.change(wentDown: false, at: at(20), measuringFrom: start)
        #expect(!clock.isAnyDown)
        // 5 s to 20 s, of which 10 s after the warm-up.
        #expect(clock.measuredSeconds(until: at(100), measuringFrom: start) == 10)
        clock.change(wentDown: true, at: at(90), measuringFrom: start)
        #expect(clock.measuredSeconds(until: at(100), measuringFrom: start) == 20)
        var warmupOnly = OutageClock()
        warmupOnly.change(wentDown: true, at: at(1), measuringFrom: start)
        warmupOnly.change(wentDown: false, at: at(3), measuringFrom: start)
        #expect(warmupOnly.measuredSeconds(until: at(100), measuringFrom: start) == 0)
    }

    /// A near region and a far one, one zone each with 100 cores serving orders in a constant
    /// 0.1 s, 100 orders a second from next to the near one, and the near zone down from
    /// 100 s to 160 s of a 300 s run; no retries.
    static func spec(farRegion: Bool) throws -> ModelSpec {
        let here = try WorldFixture.place(30.27, 120.15)
        let service = [try WorldFixture.constant(0.1)]
        var regions = [try WorldFixture.region("near", at: here, zones: [("near-a", 100)], service: service)]
        if farRegion {
            let beijing = try WorldFixture.place(39.90, 116.40)
            regions.append(try WorldFixture.region("far", at: beijing, zones: [("far-a", 100)], service: service))
        }
        return ModelSpec(
            regions: regions,
            populations: [
                PopulationSpec(
                    name: "users",
                    location: here,
                    demands: [WorkloadDemand(workloadClass: "orders", rate: try WorldFixture.rate(100))]
                )
            ],
            workloadClasses: [WorkloadClassSpec(name: "orders", kind: .transaction)],
            retry: .none,
            latency: try WorldFixture.latency(),
            outages: [
                try ScheduledOutage(target: .zone("near-a"), start: SimTime(.seconds(100)), duration: .seconds(60))
            ],
            duration: .seconds(300),
            interval: .seconds(30)
        )
    }

    @Test("orders arriving while the near zone is down: exactly those the far zone serves, at the far zone's latency")
    func failover() throws {
        let orders = try ModelRun.run(try Self.spec(farRegion: true), seed: 3).workloads[0]
        let during = try #require(orders.duringOutages)
        #expect(abs(during.windowSeconds - 60) < 1e-9)
        // Nearest-healthy routing sends an order to the far zone exactly when it arrives in
        // the window (the routing decision is made on arrival), and every one is served.
        #expect(during.arrived == orders.servedBy.cloudByRegion[1])
        #expect(during.served == during.arrived && during.lost == 0)
        // Poisson arrivals: 100/s × 60 s, within 5 standard deviations (√6,000 ≈ 77).
        #expect(abs(Double(during.arrived) - 6_000) <= 5 * 6_000.0.squareRoot(), "\(during.arrived)")
        // Every order takes its round trip plus 0.1 s: the far zone's is the longest latency
        // of the run, and every order in the window has it.
        let p99 = try #require(during.latencyP99)
        let p50 = try #require(during.latencyP50)
        #expect(abs(p99 - orders.latency.max) <= 0.01 * orders.latency.max, "\(p99) vs max \(orders.latency.max)")
        #expect(abs(p50 - p99) <= 0.01 * p99)
        #expect(orders.latency.p50 < 0.9 * p99)
    }

    @Test("orders arriving while the only zone is down are all lost; with nothing down there are no outage figures")
    func nowhereToGo() throws {
        let orders = try ModelRun.run(try Self.spec(farRegion: false), seed: 3).workloads[0]
        let during = try #require(orders.duringOutages)
        #expect(abs(during.windowSeconds - 60) < 1e-9)
        #expect(during.lost == during.arrived && during.served == 0 && during.latencyP99 == nil)
        // Those lost on arrival are the rejected ones; the failed were in the zone when it went down.
        #expect(orders.rejected == during.arrived)
        #expect(abs(Double(during.arrived) - 6_000) <= 5 * 6_000.0.squareRoot(), "\(during.arrived)")
        var calm = try Self.spec(farRegion: false)
        calm.outages = []
        #expect(try ModelRun.run(calm, seed: 3).workloads[0].duringOutages == nil)
    }
}
