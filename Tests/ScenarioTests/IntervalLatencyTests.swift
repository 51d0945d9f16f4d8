import Scenario
import ShareModel
import Testing

/// Each interval's own latency percentiles show an outage window that whole-run percentiles
/// average away.
@Suite("Interval latency percentiles")
struct IntervalLatencyTests {
    static let scenario = """
        duration: 6 min
        warmup: 0 s
        interval: 1 min
        workloads:
          - {name: orders, kind: transaction, service: 10 ms}
        regions:
          - {name: near, location: [30, 120], zones: [{name: near-a, servers: 100, cores: 10}]}
          - {name: far, location: [40, 100], zones: [{name: far-a, servers: 100, cores: 10}]}
        populations:
          - {name: users, location: [30, 120], workloads: [{workload: orders, rate: 20/s}]}
        failures:
          - {zone: near-a, at: 2 min, for: 2 min}
        """

    @Test("a zone outage moves p50 and p99 of exactly the intervals it covers to the far region's latency")
    func outageWindow() throws {
        let results = try ModelRun.run(try Scenario.parse(Self.scenario, name: "q.yaml").spec, seed: 5)
        let points = results.series.map { $0.workloads[0] }
        #expect(points.count == 6)
        // Constant service, ample cores, no jitter: every request of an interval takes the
        // same time, so p50 and p99 equal the interval's mean (kept by a separate sum).
        for index in [0, 1, 2, 3, 5] {
            let point = points[index]
            let mean = try #require(point.meanLatencySeconds)
            #expect(abs((point.latencyP50Seconds ?? 0) - mean) < 1e-12 * mean, "interval \(index)")
            #expect(abs((point.latencyP99Seconds ?? 0) - mean) < 1e-12 * mean, "interval \(index)")
        }
        let near = try #require(points[0].latencyP99Seconds)
        let far = try #require(points[2].latencyP99Seconds)
        #expect(far > 2 * near)
        #expect(points[3].latencyP99Seconds == far && points[1].latencyP99Seconds == near)
        // Interval 4 holds the few requests sent far just before the zone came back (under 1%):
        // its p99 is the near latency again, while the whole run's p99 sits at the far one.
        #expect(points[4].latencyP99Seconds == near && points[5].latencyP50Seconds == near)
        #expect(abs(results.workloads[0].latency.p99 - far) < 0.001 * far)
    }
}
