import Dispatch
import Foundation
import HostRuntime
import Reports
import Scenario
import ShareModel
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
        let text = PrometheusText.format(LiveMetrics.metrics(results: results, session: session))
        #expect(text.contains("# TYPE sharesim_served_total counter\n"))
        #expect(text.contains("sharesim_served_total{class=\"orders\"} \(served)\n"))
        #expect(text.contains("sharesim_latency_seconds{class=\"orders\",quantile=\"0.99\"} "))
        #expect(text.contains("# TYPE sharesim_throughput_per_second gauge\n"))
        #expect(!text.contains("sharesim_cost_total"))
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
