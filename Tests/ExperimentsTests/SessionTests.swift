import Dispatch
import Foundation
import HostRuntime
import Reports
import Scenario
import ShareModel
import SimCore
import SimTestSupport
import Testing

@testable import Experiments

/// The live and watch sessions, driven in this process (no binary spawned).
@Suite("Live and watch sessions", .serialized)
struct SessionTests {
    @Test(
        "a live run at full speed reaches its end, publishes figures from the registry, and exports them",
        .timeLimit(.minutes(1))
    )
    func live() throws {
        let scenario = try Scenario.parse(ScenarioFixture.queue, name: "q.yaml")
        let session = try LiveSession(
            scenarioName: scenario.name,
            spec: scenario.spec,
            seed: 1,
            settings: LiveSettings(
                speed: .unlimited,
                listen: try ListenAddress(parsing: "127.0.0.1:0"),
                controlToken: .generate(),
                exitAtEnd: true
            ),
            note: { _ in }
        )
        #expect(try session.boundPort > 0)
        let ending = try session.run()
        guard case .finished = ending else {
            Issue.record("the run did not finish")
            return
        }
        #expect(session.isFinished)
        let results = session.snapshot
        let served = results.workloads[0].served
        #expect(served > 0)
        let frame = LiveFrame(session: session, results: results)
        #expect(frame.finished && frame.progress == 1)
        let shown = Set(frame.workloads[0].figures.keys)
        let expected = FigureRegistry.descriptors(in: .liveDashboard).filter { $0.section == .workload }.map(\.key)
        #expect(shown == Set(expected))
        #expect(frame.regions.map(\.name) == ["r"])
        // The dashboard's p50 and p99 are over the window (one 1,000 s interval), not the run.
        let latency = session.liveLatency
        #expect(frame.latencyWindowSeconds == 1_000)
        let window = latency[0].window
        #expect(window.count > 0 && window.count < served)
        #expect(frame.workloads[0].figures["latencyP99"] == window.percentile(99).map { Double($0.nanoseconds) / 1e9 })
        #expect(frame.workloads[0].figures["latencyP50"] == window.percentile(50).map { Double($0.nanoseconds) / 1e9 })
        #expect(frame.json.contains("\"latencyWindowSeconds\":1000,"))
        let text = PrometheusText.format(LiveMetrics.metrics(results: results, session: session))
        #expect(text.contains("# TYPE sharesim_served_total counter\n"))
        #expect(text.contains("sharesim_served_total{class=\"orders\"} \(served)\n"))
        #expect(text.contains("# TYPE sharesim_throughput_per_second gauge\n"))
        #expect(!text.contains("sharesim_cost_total"))
        #expect(!text.contains("quantile="), "no percentile gauges: latency is a histogram")
        let exposition = try PrometheusExposition(text)
        let histogram = try #require(exposition.family("sharesim_latency_seconds"))
        #expect(histogram.type == "histogram")
        let buckets = histogram.samples.filter { $0.name == "sharesim_latency_seconds_bucket" }
        #expect(buckets.map { $0.labelOrder } == Array(repeating: ["class", "le"], count: 20))
        #expect(
            buckets.dropLast().map { Double($0.labels["le"] ?? "") ?? -1 }
                == LiveLatencyBounds.exported.map { Double($0.nanoseconds) / 1e9 }
        )
        #expect(buckets.last?.labels["le"] == "+Inf")
        #expect(buckets.map(\.value) == latency[0].buckets.cumulativeCounts.map { Double($0) })
        #expect(buckets.last?.value == Double(served))
        let sum = histogram.samples.first { $0.name == "sharesim_latency_seconds_sum" }
        #expect(sum?.value == latency[0].buckets.sumSeconds)
        #expect(abs((sum?.value ?? 0) / Double(served) - results.workloads[0].latency.mean) < 1e-6)
    }

    @Test("a watch session prints the headline table, then what moved after an edit", .timeLimit(.minutes(1)))
    func watch() throws {
        let fixture = try ScenarioFixture()
        let path = try fixture.write("q.yaml", ScenarioFixture.queue)
        let printed = Printed()
        let session = try WatchSession(
            path: path,
            variant: "base",
            onceAfterChange: true,
            output: { text in
                printed.append(text)
                guard printed.count == 1 else { return }
                DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(300)) {
                    let edited = ScenarioFixture.queue.replacingOccurrences(of: "rate: 1.5/s", with: "rate: 1.8/s")
                    try? edited.write(toFile: path, atomically: true, encoding: .utf8)
                }
            },
            diagnostics: { _ in }
        )
        guard case .rerunDone = try session.run() else {
            Issue.record("the watch did not re-run")
            return
        }
        let lines = printed.all
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("tiny-queue\n  orders · Throughput") == true)
        #expect(lines.last?.contains("re-ran tiny-queue after a change") == true)
        #expect(lines.last?.contains("orders · Throughput: ") == true && lines.last?.contains(" -> ") == true)
    }
}

/// Text collected from a session's output closure (called on the loop's thread).
private final class Printed: @unchecked Sendable {
    // Invariant: every access holds `lock`.
    private let lock = NSLock()
    private var texts: [String] = []

    func append(_ text: String) { lock.withLock { texts.append(text) } }
    var count: Int { lock.withLock { texts.count } }
    var all: [String] { lock.withLock { texts } }
}
