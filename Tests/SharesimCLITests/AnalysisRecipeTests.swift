import Foundation
import SimTestSupport
import Testing

/// `docs/analysis.md` as a test: its shell commands write a run's CSV summary, series CSV,
/// JSON report and results file (simulated time shortened), then its standard-library Python
/// block, taken from the page as written, loads them all and checks that they agree, exiting
/// non-zero on any mismatch. Without `python3` the test is skipped with the reason;
/// `SHARESIM_REQUIRE_PYTHON=1` (CI) makes that a failure.
@Suite("docs/analysis.md runs against a fresh run")
struct AnalysisRecipeTests {
    /// The fenced blocks of `docs/analysis.md` whose info string is `language`, in order.
    static func blocks(_ language: String) throws -> [String] {
        let page = ReadmeText.root.appendingPathComponent("docs/analysis.md")
        var blocks: [String] = []
        var block: [Substring]?
        for line in try String(contentsOf: page, encoding: .utf8).split(
            separator: "\n",
            omittingEmptySubsequences: false
        ) {
            if line.hasPrefix("```") {
                if let finished = block { blocks.append(finished.joined(separator: "\n") + "\n") }
                block = line == "```" + language ? [] : nil
            } else {
                block?.append(line)
            }
        }
        return blocks
    }

    /// `python3` on `PATH`; cancels (skips) the test when it is missing, or fails it when
    /// `SHARESIM_REQUIRE_PYTHON=1`.
    static func python() throws -> URL {
        if let python = SlurmCluster.program("python3") { return python }
        if ProcessInfo.processInfo.environment["SHARESIM_REQUIRE_PYTHON"] == "1" {
            throw PythonMissing()
        }
        try Test.cancel(
            "python3 is not on PATH (apt-get install python3); SHARESIM_REQUIRE_PYTHON=1 makes this a failure"
        )
    }

    /// Thrown when `SHARESIM_REQUIRE_PYTHON=1` and there is no `python3`.
    struct PythonMissing: Error, CustomStringConvertible {
        var description: String { "SHARESIM_REQUIRE_PYTHON=1, but python3 is not on PATH" }
    }

    @Test("the page's commands write the files and its standard-library block loads and checks them")
    func standardLibraryRecipe() throws {
        let python = try Self.python()
        let commands = try Self.blocks("sh").flatMap { $0.split(separator: "\n").map(String.init) }
        #expect(commands.count == 2)
        let scripts = try Self.blocks("python").filter { !$0.contains("pandas") }
        #expect(scripts.count == 1, "exactly one Python block without pandas")
        let script = try #require(scripts.first)
        #expect(!script.contains("import pandas") && !script.contains("matplotlib"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-analysis-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in commands {
            let words = ReadmeCommandsTests.words(command)
            #expect(words.first == "sharesim", "\(command)")
            // Six 10 s intervals after a 1 s warm-up: enough to compare a series.
            let arguments =
                Array(words.dropFirst()) + [
                    "--duration", "60 s", "--set", "warmup=1 s", "--set", "interval=10 s", "--quiet",
                ]
            let result = try CLIRunner.run(arguments, in: folder)
            #expect(result.status == 0, "`\(command)` exited \(result.status): \(result.standardError)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["run.csv", "run.json", "run.results.jsonl", "run.series.csv"])

        let run = try CLIRunner.runProgram(python, ["-c", script], in: folder)
        #expect(run.status == 0, "the recipe failed: \(run.standardError)")
        #expect(run.standardOutput.hasSuffix("6 intervals, 3 replications: all agree\n"), "\(run.standardOutput)")

        // The checks can fail: a JSON report whose p99 differs from the summary's stops the script.
        let json = folder.appendingPathComponent("run.json")
        let report = try String(contentsOf: json, encoding: .utf8)
        let figure = try #require(report.range(of: #""figure": "workload/hk-video/latencyP99","#))
        let mean = try #require(report.range(of: #""mean": "#, range: figure.upperBound..<report.endIndex))
        let tampered = report[..<mean.upperBound] + "1" + report[mean.upperBound...]
        try tampered.write(to: json, atomically: true, encoding: .utf8)
        let broken = try CLIRunner.runProgram(python, ["-c", script], in: folder)
        #expect(broken.status == 1)
        #expect(broken.standardError.contains("run.* do not agree: p99 of hk-video"), "\(broken.standardError)")
    }
}
