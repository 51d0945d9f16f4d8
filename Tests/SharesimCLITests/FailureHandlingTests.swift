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
        lines[1] = lines[1].replacingOccurrences(of: #""results":"#, with: #""resultz":"#)
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

@Suite("Stopped workers")
struct StoppedWorkerTests {
    /// The ids of the running children of process `parent`, read from `/proc`.
    static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let id = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == parent ? id : nil
        }
    }

    @Test("A worker stopped with SIGSTOP is replaced and its simulation retried; the run completes")
    func stoppedWorkerIsReplaced() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let output = fixture.path("report.json")
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = [
            "run", file, "--replications", "3", "--duration", "100000 s", "--jobs", "2", "--output", output,
            "--quiet", "--reproducible",
        ]
        try process.run()
        var stopped: Int32?
        for _ in 0..<200 where stopped == nil {
            stopped = Self.children(of: process.processIdentifier).first
            if stopped == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        let worker = try #require(stopped, "no worker started")
        kill(worker, SIGSTOP)
        let deadline = Date().addingTimeInterval(180)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        if process.isRunning {
            process.terminate()
            kill(worker, SIGKILL)
            Issue.record("the run hung behind a stopped worker")
            return
        }
        #expect(process.terminationStatus == 0)
        let report = try String(contentsOfFile: output, encoding: .utf8)
        #expect(report.contains("\"complete\": true"))
        #expect(report.contains("\"replications\": 3"))
        // The stopped worker was killed (a zombie or gone), not left stopped.
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(worker)/stat") || !Self.isStopped(worker))
    }

    static func isStopped(_ id: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(id)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first == "T"
    }
}

@Suite("Outputs that would destroy inputs, and flags that need a results file")
struct OutputSafetyTests {
    @Test("--output or --results naming the scenario or a file it extends is refused and the file is untouched")
    func outputsOverInputs() throws {
        let fixture = try ScenarioFixture()
        let base = try fixture.write("base.yaml", ScenarioFixture.queue)
        let child = try fixture.write("child.yaml", "extends: base.yaml\nseed: 7\n")
        let before = try String(contentsOfFile: base, encoding: .utf8)
        for arguments in [
            ["run", child, "--output", base, "--format", "json"],
            ["run", child, "--results", base],
            ["run", child, "--output", fixture.path("./child.yaml"), "--format", "json"],
        ] {
            let result = try CLIRunner.run(arguments + ["--duration", "10 s", "--quiet"])
            #expect(result.status == 2, "\(arguments)")
            #expect(
                result.standardError.contains("is an input of this command (a scenario file or one it extends)"),
                "\(result.standardError)"
            )
        }
        #expect(try String(contentsOfFile: base, encoding: .utf8) == before)
        #expect(try String(contentsOfFile: child, encoding: .utf8) == "extends: base.yaml\nseed: 7\n")
    }

    @Test("--shard without a results file is refused; --resume works with --output alone")
    func resultsFileRequirements() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let shard = try CLIRunner.run(["run", file, "--shard", "1/2", "--duration", "10 s", "--quiet"])
        #expect(shard.status == 2)
        #expect(shard.standardError.contains("--shard needs --results PATH (or --output)"), "\(shard.standardError)")
        let resumeAlone = try CLIRunner.run(["run", file, "--resume", "--duration", "10 s", "--quiet"])
        #expect(resumeAlone.status == 2)
        #expect(resumeAlone.standardError.contains("--resume needs --results PATH"))
        let output = fixture.path("report.json")
        let arguments = ["run", file, "--output", output, "--duration", "10 s", "--quiet", "--jobs", "0"]
        let first = try CLIRunner.run(arguments)
        #expect(first.status == 0, "\(first.standardError)")
        let resumed = try CLIRunner.run(arguments + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        let lines = try String(contentsOfFile: output + ".results.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
    }
}

@Suite("A scenario edited during a run")
struct PinnedScenarioTests {
    @Test("Editing a file the scenario extends during a run with workers changes nothing in its report")
    func editDuringRun() throws {
        let fixture = try ScenarioFixture()
        let base = try fixture.write("base.yaml", ScenarioFixture.queue)
        let child = try fixture.write("child.yaml", "extends: base.yaml\nduration: 20000 s\n")
        let arguments = ["run", child, "--replications", "6", "--jobs", "2", "--format", "json", "--reproducible"]
        let untouched = try CLIRunner.run(arguments + ["--quiet"])
        #expect(untouched.status == 0, "\(untouched.standardError)")
        let output = fixture.path("edited.json")
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments + ["--output", output, "--quiet"]
        try process.run()
        // Edit the extended file once the first simulation has finished.
        let results = output + ".results.jsonl"
        for _ in 0..<1_200 {
            let text = (try? String(contentsOfFile: results, encoding: .utf8)) ?? ""
            if text.contains("\n") { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let slower = ScenarioFixture.queue.replacingOccurrences(of: "rate: 1.5/s", with: "rate: 0.5/s")
        try slower.write(toFile: base, atomically: true, encoding: .utf8)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == untouched.standardOutput)
        let lines = try String(contentsOfFile: results, encoding: .utf8)
        #expect(!lines.contains("pinnedTexts"), "results lines do not carry the scenario's texts")
    }

    @Test("A file that only extends another is sent to the workers too")
    func extendsOnlyFile() throws {
        let fixture = try ScenarioFixture()
        _ = try fixture.write("base.yaml", ScenarioFixture.queue)
        _ = try fixture.write("middle.yaml", "extends: base.yaml\n")
        let top = try fixture.write("top.yaml", "extends: middle.yaml\nduration: 2000 s\n")
        let arguments = ["run", top, "--replications", "2", "--format", "json", "--reproducible", "--quiet"]
        let inProcess = try CLIRunner.run(arguments + ["--jobs", "0"])
        let workers = try CLIRunner.run(arguments + ["--jobs", "2"])
        #expect(workers.status == 0, "\(workers.standardError)")
        #expect(inProcess.status == 0 && workers.standardOutput == inProcess.standardOutput)
    }
}
