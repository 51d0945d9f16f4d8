import Foundation
import SimTestSupport
import Testing

/// `sharesim` with arrival traces: a bad trace is located, exits 2 and writes nothing; the
/// built-in replay scenario runs from any folder.
@Suite("Trace command")
struct TraceCommandTests {
    static let scenario = """
        duration: 60 s
        workloads:
          - {name: orders, kind: transaction, service: exp(20 ms)}
        regions:
          - {name: r, location: [30, 120], zones: [{name: r-a, servers: 8}]}
        populations:
          - {name: east, location: [31, 121], workloads: []}
        traces: [{file: trace.csv}]
        """

    @Test("a trace that goes back in time or names an unknown workload: FILE:LINE:COLUMN, exit 2, nothing written")
    func badTraceExitsTwo() throws {
        let fixture = try ScenarioFixture()
        let path = try fixture.write("s.yaml", Self.scenario)
        let trace = try fixture.write(
            "trace.csv",
            "time,workload,population\n1,orders,east\n0.5,orders,east\n2,oders,east\n"
        )
        let output = fixture.path("report.json")
        let result = try CLIRunner.run(["run", path, "--output", output])
        #expect(result.status == 2)
        #expect(
            result.standardError.contains("\(trace):3:1: error: trace: time goes backwards"),
            "\(result.standardError)"
        )
        #expect(result.standardError.contains("\(trace):4:3: error: trace: unknown workload 'oders'"))
        #expect(result.standardError.contains("did you mean 'orders'?"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let missing = try CLIRunner.run([
            "validate",
            try fixture.write("m.yaml", Self.scenario.replacingOccurrences(of: "trace.csv", with: "gone.csv")),
        ])
        #expect(missing.status == 2 && missing.standardError.contains("cannot read trace 'gone.csv': no such file"))
    }

    @Test("a good trace runs, and the built-in replay scenario runs from any folder")
    func goodTraceRuns() throws {
        let fixture = try ScenarioFixture()
        let path = try fixture.write("s.yaml", Self.scenario)
        _ = try fixture.write("trace.csv", "time,workload,population\n1,orders,east\n2,orders,east\n")
        let result = try CLIRunner.run(["run", path, "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let figures = report?["figures"] as? [[String: Any]] ?? []
        let arrived = figures.first { $0["figure"] as? String == "workload/orders/arrived" }
        #expect(arrived?["mean"] as? Double == 2, "both rows of the trace arrive")
        let builtin = try CLIRunner.run(["validate", "replay-trace"], in: URL(fileURLWithPath: fixture.path(".")))
        #expect(builtin.status == 0, "\(builtin.standardError)")
    }

    @Test("a replayed trace gives byte-identical reports with one worker or two; replications differ only in draws")
    func workersAgree() throws {
        let fixture = try ScenarioFixture()
        let path = try fixture.write("s.yaml", Self.scenario)
        let rows = (1...400).map { "\(Double($0) * 0.1),orders,east" }
        _ = try fixture.write("trace.csv", "time,workload,population\n" + rows.joined(separator: "\n") + "\n")
        var reports: [String] = []
        for jobs in ["1", "2"] {
            let output = fixture.path("r\(jobs).json")
            let arguments = ["run", path, "--replications", "3", "--jobs", jobs, "--reproducible", "--output", output]
            let result = try CLIRunner.run(arguments)
            #expect(result.status == 0, "\(result.standardError)")
            reports.append(try String(contentsOfFile: output, encoding: .utf8))
        }
        #expect(reports[0] == reports[1])
        let report = try JSONSerialization.jsonObject(with: Data(reports[0].utf8)) as? [String: Any]
        let figures = report?["figures"] as? [[String: Any]] ?? []
        let arrived = figures.first { $0["figure"] as? String == "workload/orders/arrived" }
        #expect(
            arrived?["low"] as? Double == 400 && arrived?["high"] as? Double == 400,
            "every replication replays 400"
        )
        let latency = figures.first { $0["figure"] as? String == "workload/orders/latencyP50" }
        #expect(latency?["low"] as? Double != latency?["high"] as? Double, "service times are drawn per replication")
    }

    @Test("`init replay-trace` writes the trace it names beside the scenario, which then validates")
    func initWritesTraces() throws {
        let fixture = try ScenarioFixture()
        let folder = URL(fileURLWithPath: fixture.path("."))
        let written = try CLIRunner.run(["init", "replay-trace"], in: folder)
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.standardOutput.contains("traces/hk-video-10min.csv"))
        let trace = try String(contentsOfFile: fixture.path("traces/hk-video-10min.csv"), encoding: .utf8)
        #expect(trace.split(separator: "\n").count == 3 + 3_654, "two comment lines, the header and 3,654 arrivals")
        let validated = try CLIRunner.run(["validate", "replay-trace.yaml"], in: folder)
        #expect(validated.status == 0, "\(validated.standardError)")
    }
}
