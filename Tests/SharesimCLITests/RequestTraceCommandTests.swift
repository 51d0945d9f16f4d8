import Foundation
import SimTestSupport
import Testing

/// `--trace-requests FILE`: per-request records joined in job order (the same bytes with
/// any number of workers), in CSV or JSON lines, with no effect on the report; bad flags
/// exit 2 before anything runs.
@Suite("Request trace command")
struct RequestTraceCommandTests {
    /// Orders into one small zone, with a queue limit so that some are rejected.
    static let scenario = """
        duration: 2 min
        warmup: 10 s
        replications: 2
        workloads:
          - {name: orders, kind: transaction, service: exp(50 ms)}
        regions:
          - {name: r, location: [30, 120], zones: [{name: r-a, servers: 1, queue: 5}]}
        populations:
          - {name: east, location: [31, 121], workloads: [{workload: orders, rate: 18/s}]}
        variants:
          - {name: busy, set: {populations.east.workloads.0.rate: 25/s}}
        """

    @Test("one worker or two: byte-identical records and reports, and the report as without records")
    func workersAgree() throws {
        let fixture = try ScenarioFixture()
        let path = try fixture.write("s.yaml", Self.scenario)
        var traces: [String] = []
        var reports: [String] = []
        for jobs in ["0", "2"] {
            let trace = fixture.path("t\(jobs).jsonl")
            let report = fixture.path("r\(jobs).json")
            let result = try CLIRunner.run([
                "compare", path, "--variants", "base,busy", "--jobs", jobs, "--reproducible", "--output", report,
                "--trace-requests", trace, "--trace-sample", "0.25",
            ])
            #expect(result.status == 0, "\(result.standardError)")
            traces.append(try String(contentsOfFile: trace, encoding: .utf8))
            reports.append(try String(contentsOfFile: report, encoding: .utf8))
            #expect(!FileManager.default.fileExists(atPath: trace + ".parts"), "the parts are removed once joined")
            let lines = traces.last!.split(separator: "\n").count
            #expect(result.standardError.contains("wrote \(lines) request record(s) to \(trace)"))
        }
        #expect(traces[0] == traces[1])
        #expect(reports[0] == reports[1])
        let plain = fixture.path("plain.json")
        let without = try CLIRunner.run([
            "compare", path, "--variants", "base,busy", "--reproducible", "--output", plain,
        ])
        #expect(without.status == 0)
        #expect(try String(contentsOfFile: plain, encoding: .utf8) == reports[0], "recording changes no figure")
        // Lines come in job order: base replications 1 and 2, then busy's; each is one object.
        var order: [String] = []
        var records = 0
        for line in traces[0].split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let job = "\(object["variant"] as? String ?? "?")/\(object["replication"] as? Int ?? 0)"
            if order.last != job { order.append(job) }
            let steps = try #require(object["steps"] as? [[String: Any]])
            #expect(steps.first?["start"] as? Double == object["created"] as? Double)
            #expect(steps.last?["end"] as? Double == object["ended"] as? Double)
            records += 1
        }
        #expect(order == ["base/1", "base/2", "busy/1", "busy/2"])
        // About a quarter of 4 runs × 130 s × about 20 orders/s (18/s and 25/s): 2,600.
        #expect((2_000...3_200).contains(records), "\(records)")
    }

    @Test("CSV: a header, a row per request whose phase columns add up to its latency")
    func csvRows() throws {
        let fixture = try ScenarioFixture()
        let path = try fixture.write("s.yaml", Self.scenario)
        let trace = fixture.path("t.csv")
        let result = try CLIRunner.run([
            "run", path, "--replications", "1", "--trace-requests", trace, "--trace-sample", "1", "--jobs", "0",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(header.prefix(4) == ["variant", "replication", "serial", "workload"])
        let latency = try #require(header.firstIndex(of: "latency_s"))
        let first = try #require(header.firstIndex(of: "travel_s"))
        let last = try #require(header.firstIndex(of: "backoff_s"))
        let outcome = try #require(header.firstIndex(of: "outcome"))
        var outcomes: Set<String> = []
        // 130 s at 18/s: about 2,340 orders, every one recorded.
        #expect((2_100...2_600).contains(lines.count - 1), "\(lines.count)")
        for line in lines.dropFirst() {
            // No field of this scenario needs quotes except `steps` (it has no comma either).
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(fields.count == header.count)
            let phases = fields[first...last].map { Double($0)! }.reduce(0, +)
            #expect(abs(phases - Double(fields[latency])!) < 1e-6, "\(line)")
            outcomes.insert(fields[outcome])
        }
        #expect(outcomes.isSuperset(of: ["served", "rejected"]), "\(outcomes)")
    }

    @Test("bad flags: exit 2 with the flag named, nothing run")
    func badFlags() throws {
        let fixture = try ScenarioFixture()
        let path = try fixture.write("s.yaml", Self.scenario)
        let cases: [([String], String)] = [
            (["--trace-requests", fixture.path("t.txt")], "name a .csv, .jsonl or .ndjson file"),
            (
                ["--trace-requests", fixture.path("t.csv"), "--trace-sample", "0"],
                "--trace-sample must be a share in (0, 1]"
            ),
            (["--trace-requests", fixture.path("t.csv"), "--trace-sample", "1.5"], "--trace-sample must be a share"),
            (["--trace-sample", "0.5"], "--trace-sample needs --trace-requests"),
        ]
        for (flags, message) in cases {
            let result = try CLIRunner.run(["run", path] + flags)
            #expect(result.status == 2, "\(flags): \(result.standardError)")
            #expect(result.standardError.contains(message), "\(flags): \(result.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.path("t.csv")))
    }
}
