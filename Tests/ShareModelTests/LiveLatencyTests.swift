import SimCore
import Testing

@testable import ShareModel

@Suite("Live latency buckets")
struct LiveLatencyTests {
    @Test("the exported bounds are the documented ones; the window's run 0.1 ms to 90,000 s, 22 a decade")
    func bounds() {
        #expect(
            LiveLatencyBounds.exported.map { Double($0.nanoseconds) / 1e9 } == [
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1_800,
            ]
        )
        let window = LiveLatencyBounds.window
        #expect(window.count == 198)
        #expect(window.first == .microseconds(100) && window.last == .seconds(90_000))
        #expect(
            Array(window.prefix(8)) == [100, 110, 120, 130, 140, 150, 160, 180].map { SimDuration.microseconds($0) }
        )
        #expect(zip(window, window.dropFirst()).allSatisfy { $0.nanoseconds * 23 > $1.nanoseconds * 20 }, "≤ 15%")
        #expect(LiveLatencyBounds.window(interval: .seconds(5)).length == .seconds(30))
        #expect(LiveLatencyBounds.window(interval: .seconds(500)).slotLength == .seconds(50))
    }

    @Test("a run's exported bucket counts equal a count of the latencies it recorded, at every bound")
    func countsMatchRecordedLatencies() throws {
        let spec = try WorldModelTests().singleZoneSpec(
            cores: 2,
            lambda: 1.8,
            duration: .seconds(2_000),
            warmup: .seconds(100)
        )
        var simulation = try ModelRun.prepare(spec, seed: 7)
        simulation.model.classes[0].tally.latencyLog = []
        simulation.model.recordLiveLatency()
        let results = try ModelRun.finish(&simulation)
        let log = try #require(simulation.model.classes[0].tally.latencyLog)
        let live = simulation.model.liveLatency(at: simulation.now)
        #expect(live.map(\.workload) == ["orders"])
        let buckets = live[0].buckets
        let expected = LiveLatencyBounds.exported.map { bound in UInt64(log.filter { $0 <= bound }.count) }
        #expect(buckets.cumulativeCounts == expected + [UInt64(log.count)])
        #expect(UInt64(log.count) == results.workloads[0].served)
        #expect(log.count > 3_000, "a run long enough to fill several buckets")
        #expect(Set(buckets.counts.filter { $0 > 0 }).count >= 4)
        let nanoseconds = log.reduce(Int64(0)) { $0 + $1.nanoseconds }
        #expect(buckets.sumSeconds == Double(nanoseconds / 1_000_000_000) + Double(nanoseconds % 1_000_000_000) * 1e-9)
        // The window (one 500 s interval, longer than 30 s) holds only the latest answers.
        #expect(live[0].windowLength == .seconds(500))
        #expect(live[0].window.count > 0 && live[0].window.count < UInt64(log.count))
    }

    @Test("a run that did not ask for live latency records none (batch runs do not pay for it)")
    func notRecordedOutsideLiveRuns() throws {
        let spec = try WorldModelTests().singleZoneSpec(
            cores: 2,
            lambda: 1,
            duration: .seconds(200),
            warmup: .seconds(10)
        )
        var simulation = try ModelRun.prepare(spec, seed: 3)
        let results = try ModelRun.finish(&simulation)
        #expect(results.workloads[0].served > 0)
        #expect(simulation.model.classes[0].tally.live == nil)
        let live = simulation.model.liveLatency(at: simulation.now)
        #expect(live[0].buckets.count == 0 && live[0].window.count == 0)
    }

    @Test("taking the nearby zone down by hand lifts the windowed p99; it falls back once the window has passed")
    func manualOutageSpike() throws {
        let here = try WorldFixture.place(30.27, 120.15)
        let frankfurt = try WorldFixture.place(50.11, 8.68)
        let service = [try WorldFixture.constant(0.01)]
        let spec = ModelSpec(
            regions: [
                try WorldFixture.region("hz", at: here, zones: [("hz-a", 50)], service: service),
                try WorldFixture.region("fra", at: frankfurt, zones: [("fra-a", 50)], service: service),
            ],
            populations: [
                PopulationSpec(
                    name: "users",
                    location: here,
                    demands: [WorkloadDemand(workloadClass: "orders", rate: try WorldFixture.rate(20))]
                )
            ],
            workloadClasses: [WorkloadClassSpec(name: "orders", kind: .transaction)],
            latency: try WorldFixture.latency(),
            warmup: .seconds(10),
            duration: .seconds(300),
            interval: .seconds(10)
        )
        var simulation = try ModelRun.prepare(spec, seed: 1)
        simulation.model.recordLiveLatency()
        func windowed(until seconds: Int64) -> (p50: SimDuration?, p99: SimDuration?) {
            _ = simulation.run(until: SimTime(.seconds(seconds)))
            let window = simulation.model.liveLatency(at: simulation.now)[0].window
            return (window.percentile(50), window.percentile(99))
        }
        let before = windowed(until: 100)
        Self.setOutage(of: "hz-a", down: true, in: &simulation)
        let during = windowed(until: 140)
        Self.setOutage(of: "hz-a", down: false, in: &simulation)
        let justAfter = windowed(until: 150)
        let recovered = windowed(until: 185)
        let steady = try #require(before.p99)
        // Served from Frankfurt, each answer crosses ~9,000 km twice more.
        #expect(try #require(during.p99) > steady + .milliseconds(50))
        #expect(try #require(during.p50) > steady + .milliseconds(50), "the whole window is in the outage")
        #expect(justAfter.p99 == during.p99, "the window still holds the outage")
        #expect(recovered.p99 == before.p99 && recovered.p50 == before.p50, "the window has passed it")
    }

    /// Takes zone `zone` down or up, as `POST /control` does.
    static func setOutage(
        of zone: String,
        down: Bool,
        in simulation: inout Simulation<WorldModel, DefaultPendingEventSet>
    ) {
        simulation.model.setOutage(of: .zone(zone), down: down, scheduler: &simulation.scheduler)
    }
}
