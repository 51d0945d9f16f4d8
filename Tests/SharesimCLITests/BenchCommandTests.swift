import Foundation
import Testing

@Suite("sharesim bench")
struct BenchCommandTests {
    /// Bad flag values and the flag each error must name.
    static let badInputs: [([String], String)] = [
        (["bench", "hold", "--pending", "-5"], "--pending"),
        (["bench", "hold", "--pending", "0"], "--pending"),
        (["bench", "hold", "--pending", "1e12"], "--pending"),
        (["bench", "hold", "--ops", "0"], "--ops"),
        (["bench", "hold", "--ops", "abc"], "--ops"),
        (["bench", "phold", "--lps", "0"], "--lps"),
        (["bench", "phold", "--lps", "2.5"], "--lps"),
        (["bench", "phold", "--events-per-lp", "-1"], "--events-per-lp"),
        (["bench", "phold", "--lps", "10M", "--events-per-lp", "1000"], "--lps"),
        (["bench", "phold", "--end", "nan"], "--end"),
        (["bench", "phold", "--end", "-3"], "--end"),
        (["bench", "phold", "--end", "0"], "--end"),
        (["bench", "phold", "--lps", "1M", "--end", "1e6"], "--end"),
        (["bench", "mmc", "--servers", "0"], "--servers"),
        (["bench", "mmc", "--lambda", "0"], "--lambda"),
        (["bench", "mmc", "--lambda", "inf"], "--lambda"),
        (["bench", "mmc", "--mu", "-1"], "--mu"),
        (["bench", "mmc", "--lambda", "9", "--servers", "8", "--mu", "1"], "--lambda"),
        (["bench", "mmc", "--customers", "10"], "--customers"),
        (["bench", "mmc", "--lambda", "1e-12"], "--lambda"),
        (["bench", "mmc", "--mu", "1e-300"], "--mu"),
        (["bench", "mmc", "--lambda", "1e12", "--servers", "1000000"], "--lambda"),
        (["bench", "phold", "--lps", "100k", "--end", "20000"], "--end"),
        (["bench", "mmc", "--seed", "-1"], "--seed"),
        (["bench", "hold", "--format", "xml"], "--format"),
        (["bench", "hold", "--queue", "splay"], "--queue"),
        (["bench", "hold", "--frobnicate"], "--frobnicate"),
        (["bench", "model", "cloud", "--rate", "2G"], "--rate"),
        (["bench", "model", "pool", "--devices", "2T"], "--devices"),
        (["bench", "hold", "--pending", "3G"], "--pending"),
        (["bench", "model", "saturated", "--seconds", "5"], "--seconds"),
        (["bench", "model", "cloud", "--devices", "2M"], "--devices"),
        (["bench", "model", "cloud", "--rate", "5x"], "--rate"),
        (["bench", "model", "topology", "--devices", "2M"], "--devices"),
        (["bench", "model", "topology", "--seconds", "0"], "--seconds"),
        (["run", "--output", "report.pdf"], "--output"),
    ]

    @Test("rates and counts take k, M and G suffixes, as the README says")
    func scaledRates() throws {
        let result = try CLIRunner.run([
            "bench", "model", "cloud", "--rate", "2.5k", "--seconds", "1", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.contains("\"name\":\"model-cloud\"") || result.standardOutput.contains("model-cloud")
        )
        let mmc = try CLIRunner.run([
            "bench", "mmc", "--lambda", "1.5k", "--mu", "1k", "--servers", "2", "--customers", "2k",
        ])
        #expect(mmc.status == 0, "\(mmc.standardError)")
        #expect(mmc.standardOutput.contains("lambda=1500"))
    }

    @Test("every bad flag value exits with status 2 and one line naming the flag", arguments: badInputs)
    func badFlags(arguments: [String], flag: String) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 2, "\(arguments) exited \(result.status): \(result.standardError)")
        let lines = result.standardError.split(separator: "\n").filter { !$0.contains("warning:") }
        #expect(lines.count == 1, "one line of error, got: \(result.standardError)")
        #expect(result.standardError.contains(flag), "the error names \(flag): \(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    /// Sizes within the flags' ranges that no machine of ours can hold, and the start of the
    /// refusal: the flag, what it asks for, and the estimate (then this machine's memory).
    static let tooBig: [([String], String)] = [
        (["bench", "model", "pool", "--devices", "1e12"], "--devices: 1,000,000,000,000 devices need about 62 TiB"),
        (["bench", "model", "pool", "--rate", "1G"], "--rate: about 8,000,000,000 requests in flight need about"),
        (["bench", "hold", "--pending", "2G"], "--pending: 2,000,000,000 pending events need about 115 GiB"),
        (
            ["bench", "phold", "--lps", "10M", "--events-per-lp", "200", "--end", "1"],
            "--lps: 10,000,000 LPs with 200 events each need about 116 GiB"
        ),
    ]

    @Test("sizes beyond this machine's memory are refused up front with the estimate, status 2", arguments: tooBig)
    func refusedForMemory(arguments: [String], start: String) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 2, "\(arguments) exited \(result.status): \(result.standardError)")
        let lines = result.standardError.split(separator: "\n").filter { !$0.contains("warning:") }
        #expect(lines.count == 1, "one line of error, got: \(result.standardError)")
        #expect(lines.first?.hasPrefix("sharesim: error: " + start) == true, "\(result.standardError)")
        #expect(lines.first?.contains("; this machine has ") == true)
        #expect(result.standardOutput.isEmpty)
    }

    @Test("bench mmc --format json prints one object with the documented keys and the Erlang C value")
    func mmcJSON() throws {
        let result = try CLIRunner.run(["bench", "mmc", "--customers", "20k", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        )
        for key in [
            "benchmark", "events", "wall_seconds", "events_per_second", "peak_rss_bytes",
            "wq_simulated", "wq_analytic", "customers_per_second",
        ] {
            #expect(object[key] != nil, "missing key \(key)")
        }
        #expect(object["benchmark"] as? String == "mmc")
        // Erlang C for c = 8, lambda = 7, mu = 1: P(wait) = Wq = 0.635316...
        let analytic = try #require(object["wq_analytic"] as? Double)
        #expect(abs(analytic - 0.635_316_017_536_429_4) < 1e-12)
        // Every customer arrives and departs: two events each.
        #expect(object["events"] as? Int == 40_000)
    }

    @Test("the same benchmark and seed give the same simulated result", arguments: ["heap", "ladder"])
    func pholdDeterministic(queue: String) throws {
        let arguments = ["bench", "phold", "--lps", "100", "--end", "50", "--format", "json", "--queue", queue]
        let first = try CLIRunner.run(arguments)
        let second = try CLIRunner.run(arguments)
        let other = try CLIRunner.run(arguments + ["--seed", "2"])
        func figures(_ result: CLIResult) throws -> (Int, String) {
            let object = try #require(
                JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
            )
            return (try #require(object["events"] as? Int), try #require(checksumField(result.standardOutput)))
        }
        let a = try figures(first)
        let b = try figures(second)
        let c = try figures(other)
        #expect(a == b)
        #expect(a.1 != c.1)
    }

    @Test("heap and ladder queues process the same PHOLD events")
    func queuesAgree() throws {
        let base = ["bench", "phold", "--lps", "500", "--end", "20", "--format", "json", "--queue"]
        let heap = try CLIRunner.run(base + ["heap"]).standardOutput
        let ladder = try CLIRunner.run(base + ["ladder"]).standardOutput
        #expect(checksumField(heap) != nil)
        #expect(checksumField(heap) == checksumField(ladder))
    }

    @Test("bench hold reports bytes per pending event and the same checksum on either queue")
    func holdJSON() throws {
        func run(_ queue: String) throws -> (object: [String: Any], text: String) {
            let result = try CLIRunner.run([
                "bench", "hold", "--pending", "1k", "--ops", "20k", "--format", "json",
                "--queue", queue,
            ])
            #expect(result.status == 0, "\(result.standardError)")
            let object = try #require(
                JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
            )
            return (object, result.standardOutput)
        }
        let heap = try run("heap")
        let ladder = try run("ladder")
        #expect(heap.object["events"] as? Int == 20_000)
        #expect(heap.object["pending"] as? Int == 1_000)
        #expect(heap.object["bytes_per_pending"] is Double)
        #expect(checksumField(heap.text) != nil)
        #expect(checksumField(heap.text) == checksumField(ladder.text))
    }

    @Test("sharesim --version prints the version")
    func version() throws {
        let result = try CLIRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "0.2.0")
    }
}

/// The raw `"checksum":N` field of a JSON line (a UInt64 may not fit the parser's Int).
func checksumField(_ text: String) -> String? {
    text.split(separator: ",").first { $0.hasPrefix("\"checksum\"") }.map(String.init)
}
