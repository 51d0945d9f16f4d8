import Foundation
import SimTestSupport
import Testing

/// Results files with each result embedded as a JSON object, and files in the string form
/// earlier builds wrote, which `--resume` and `merge` still read.
@Suite("results files: embedded JSON and the older string form")
struct ResultsFileFormatTests {
    /// A results line written as `{"id":"ID","payload":{...}}` rewritten in the older form,
    /// the payload as an escaped JSON string (as earlier builds wrote it).
    static func olderForm(_ line: Substring) throws -> String {
        let marker = try #require(line.range(of: #","payload":"#))
        let payload = line[marker.upperBound...].dropLast()
        var escaped = ""
        for character in payload {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            default: escaped.append(character)
            }
        }
        return line[..<marker.upperBound] + "\"" + escaped + "\"}"
    }

    /// The lines of the file at `path`.
    static func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    }

    /// Writes `lines`, each ended by a newline, to `path`.
    static func write(_ lines: [String], to path: String) throws {
        try lines.map { $0 + "\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("every line is a JSON object whose payload is the result object itself")
    func embedded() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let results = fixture.path("results.jsonl")
        let run = try CLIRunner.run(["run", file, "--results", results, "--jobs", "2", "--quiet"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = try Self.lines(results)
        #expect(lines.count == 3)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object.keys.sorted() == ["id", "payload"])
            let payload = try #require(object["payload"] as? [String: Any], "\(line.prefix(200))")
            #expect(payload.keys.sorted() == ["job", "results", "scenarioDescription", "scenarioName"])
            #expect(line.hasPrefix(#"{"id":"sharesim="#) && line.contains(#"","payload":{"job":{"#))
        }
    }

    @Test("a results file in the older string form, or mixing both, resumes and merges to the same bytes")
    func olderFormResumesAndMerges() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let arguments = ["run", file, "--replications", "4", "--jobs", "0", "--quiet"]
        let json = ["--format", "json", "--reproducible"]
        let results = fixture.path("results.jsonl")
        let whole = try CLIRunner.run(arguments + json + ["--results", results])
        #expect(whole.status == 0, "\(whole.standardError)")
        let lines = try Self.lines(results)
        #expect(lines.count == 4)

        // All four in the older form, the last one missing: only it runs again, in the new form.
        let older = try lines.map(Self.olderForm)
        #expect(older.allSatisfy { $0.contains(#","payload":"{\"job\":{"#) })
        try Self.write(Array(older.dropLast()), to: results)
        let resumed = try CLIRunner.run(arguments + json + ["--results", results, "--resume"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardOutput == whole.standardOutput)
        let after = try Self.lines(results)
        #expect(after.count == 4)
        #expect(after.dropLast().map(String.init) == Array(older.dropLast()))
        #expect(after.last.map(String.init) == lines.last.map(String.init))

        // Merging a part in the older form with a part mixing both forms.
        for shard in 1...2 {
            let part = try CLIRunner.run(
                arguments + ["--shard", "\(shard)/2", "--results", fixture.path("p\(shard).jsonl")]
            )
            #expect(part.status == 0, "\(part.standardError)")
        }
        let firstLines = try Self.lines(fixture.path("p1.jsonl"))
        try FileManager.default.copyItem(atPath: fixture.path("p1.jsonl"), toPath: fixture.path("p1-again.jsonl"))
        try Self.write(firstLines.map(Self.olderForm), to: fixture.path("p1.jsonl"))
        let second = try Self.lines(fixture.path("p2.jsonl"))
        #expect(second.count == 2)
        try Self.write([try Self.olderForm(second[0]), String(second[1])], to: fixture.path("p2.jsonl"))
        let merged = try CLIRunner.run(["merge", fixture.path("p1.jsonl"), fixture.path("p2.jsonl")] + json)
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == whole.standardOutput)
        // The same results in both forms (a shard run twice) are the same results, not a conflict.
        let twice = try CLIRunner.run(
            ["merge", fixture.path("p1.jsonl"), fixture.path("p2.jsonl"), fixture.path("p1-again.jsonl")] + json
        )
        #expect(twice.status == 0, "\(twice.standardError)")
        #expect(twice.standardOutput == whole.standardOutput)
    }
}
