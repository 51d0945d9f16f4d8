import Foundation
import SimTestSupport
import Testing

@Suite("merge refuses parts that do not belong together, one line each")
struct MergeRefusalTests {
    /// Runs shard `shard` of 2 of the queue fixture (4 replications) into `part`.
    func shard(_ shard: Int, of file: String, into part: String, seed: String = "1") throws {
        let result = try CLIRunner.run([
            "run", file, "--replications", "4", "--duration", "50 s", "--jobs", "0", "--seed", seed, "--quiet",
            "--shard", "\(shard)/2", "--results", part,
        ])
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test("A part named twice, another version's lines and another seed are each named")
    func mismatches() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let first = fixture.path("p1.jsonl")
        let second = fixture.path("p2.jsonl")
        try shard(1, of: file, into: first)
        try shard(2, of: file, into: second, seed: "9")
        let twice = try CLIRunner.run(["merge", first, first, fixture.path("./p1.jsonl"), "--format", "json"])
        #expect(twice.status == 2)
        #expect(twice.standardError.contains("sharesim: error: \(first) is named twice"), "\(twice.standardError)")
        let seeds = try CLIRunner.run(["merge", first, second, "--format", "json"])
        #expect(seeds.status == 2)
        let seedLines = seeds.standardError.split(separator: "\n").map(String.init)
        #expect(seedLines.count == 2, "\(seedLines)")
        #expect(seedLines.allSatisfy { $0.contains("ran with seed 9, the first part with 1; give every shard") })
        #expect(seeds.standardOutput.isEmpty)
        let text = try String(contentsOfFile: first, encoding: .utf8)
        let older = text.replacingOccurrences(of: "\"id\":\"sharesim=", with: "\"id\":\"sharesim=0.1.9-")
        try older.write(toFile: first, atomically: true, encoding: .utf8)
        try shard(2, of: file, into: second)
        let versions = try CLIRunner.run(["merge", first, second, "--format", "json"])
        #expect(versions.status == 2)
        let lines = versions.standardError.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.allSatisfy { $0.contains(".jsonl:") && $0.contains("written by another version of ShareSim") })
        #expect(lines.allSatisfy { $0.contains("(sharesim=0.1.9-") })
    }

    @Test("A part that ends with a torn line is named among what is missing")
    func tornPart() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let first = fixture.path("p1.jsonl")
        let second = fixture.path("p2.jsonl")
        try shard(1, of: file, into: first)
        try shard(2, of: file, into: second)
        var text = try String(contentsOfFile: second, encoding: .utf8)
        text.removeLast(40)  // The last result's line loses its end and newline.
        try text.write(toFile: second, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["merge", first, second, "--format", "json", "--reproducible"])
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "1 of 4 simulations are missing; \(second) ends with a torn line (its shard stopped while writing"
            ),
            "\(result.standardError)"
        )
        #expect(result.standardOutput.contains("\"complete\": false"))
    }
}
