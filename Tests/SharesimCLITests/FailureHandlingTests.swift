import Foundation
import SimTestSupport
import Testing

@Suite("Write failures, hang-ups and damaged results files")
struct FailureHandlingTests {
    @Test("A results file that cannot be written stops the run, keeps what finished and exits 1")
    func resultsFileWriteFailure() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let output = fixture.path("report.json")
        let result = try CLIRunner.run([
            "run", file, "--replications", "3", "--duration", "200 s", "--jobs", "0", "--results", "/dev/full",
            "--output", output, "--quiet",
        ])
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "sharesim: error: cannot write the results file: /dev/full: write failed: No space left on device"
            ),
            "\(result.standardError)"
        )
        #expect(result.standardError.contains("2 simulation(s) were not run"), "\(result.standardError)")
        let report = try String(contentsOfFile: output, encoding: .utf8)
        #expect(report.contains("\"complete\": false"))
        #expect(report.contains("\"replications\": 1"), "the one simulation that finished is in the report")
    }

    @Test("SIGHUP stops a long simulation running in this process at once, like SIGTERM", arguments: [SIGHUP, SIGTERM])
    func hangUpDuringOneSimulation(signal: Int32) throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["run", file, "--replications", "1", "--duration", "300 d", "--jobs", "0", "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        Thread.sleep(forTimeInterval: 1)
        kill(process.processIdentifier, signal)
        let started = Date()
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.contains("interrupted; finished results were kept"), "\(text)")
    }

    @Test("A results line whose result does not decode is named by file and line")
    func damagedStoredResult() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let results = fixture.path("r.jsonl")
        let arguments = ["run", file, "--replications", "2", "--duration", "100 s", "--jobs", "0", "--quiet"]
        let first = try CLIRunner.run(arguments + ["--results", results])
        #expect(first.status == 0, "\(first.standardError)")
        var lines = try String(contentsOfFile: results, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        lines[1] = lines[1].replacingOccurrences(of: #"\"results\":"#, with: #"\"resultz\":"#)
        try (lines.joined(separator: "\n") + "\n").write(toFile: results, atomically: true, encoding: .utf8)
        let resumed = try CLIRunner.run(arguments + ["--results", results, "--resume"])
        #expect(resumed.status == 1)
        #expect(
            resumed.standardError.contains("sharesim: error: \(results):2: the result of '"),
            "\(resumed.standardError)"
        )
        #expect(resumed.standardError.contains("cannot be read (missing 'results'); "), "\(resumed.standardError)")
        #expect(resumed.standardError.contains("delete that line, or run without --resume"))
    }
}
