import Foundation
import SimTestSupport
import Testing

/// Reports lead with the scenario's question and headline figures, and a misspelt figure in
/// a scenario file stops the command with its place.
@Suite("Report focus commands")
struct ReportFocusCommandTests {
    static let short = ["--duration", "10 min", "--set", "warmup=1 min", "--reproducible", "--quiet", "--jobs", "0"]

    @Test("a run's Markdown starts with the question, then the headline figures")
    func runLeadsWithTheQuestion() throws {
        let result = try CLIRunner.run(["run", "xunlei-hongkong", "--format", "md"] + Self.short)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            Array(lines.prefix(9)) == [
                "# ShareSim report: xunlei-hongkong", "", "## Question", "",
                "Can OneThing Cloud boxes in Hong Kong's homes carry Hong Kong's video demand, and what does that "
                    + "change against serving it from mainland and overseas data centers?",
                "", "## Headline figures", "", "| Figure | Value |",
            ]
        )
        // A stream's latency is said to be its session's length, once, among the notes.
        #expect(result.standardOutput.components(separatedBy: "A stream's latency is its session's length").count == 2)
        let names = lines.dropFirst(10).prefix { $0.hasPrefix("| ") }.map { $0.split(separator: "|")[0] }
        #expect(
            names.map { $0.trimmingCharacters(in: .whitespaces) } == [
                "hk-video · Start-up delay p50", "hk-video · Start-up delay p99", "hk-video · Rebuffering ratio",
                "hk-video · Served by Shared devices", "Cost · Per TB delivered", "Cost · Total",
                "hk-onething · Paid per device per month",
                "cn-shenzhen · Egress 95th",
            ]
        )
    }

    @Test("a comparison's first rows are the headline figures, shares changing in percentage points")
    func comparisonLeadsWithTheHeadline() throws {
        let result = try CLIRunner.run(["compare", "xunlei-hongkong", "--variants", "base,cloud-only"] + Self.short)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[1] == "Question")
        #expect(lines[3] == "Headline figures")
        #expect(lines[6].hasPrefix("  hk-video · Start-up delay p50 "))
        #expect(lines[8].hasPrefix("  hk-video · Rebuffering ratio "))
        #expect(lines[9].hasPrefix("  hk-video · Served by Shared devices "))
        #expect(lines[9].hasSuffix(" pp"))
    }

    @Test("a misspelt headline figure exits 2 at its file, line and column, with a suggestion")
    func misspeltFigure() throws {
        let fixture = try ScenarioFixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let shown = try CLIRunner.run(["show", "xunlei-hongkong"]).standardOutput
        let text = shown.replacingOccurrences(
            of: "    - workload/hk-video/startupDelayP50\n",
            with: "    - workload/hk-video/startupDelyP50\n"
        )
        let path = try fixture.write("mine.yaml", text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("startupDelyP50") }) + 1
        for arguments in [["run", path, "--quiet"], ["validate", path]] {
            let result = try CLIRunner.run(arguments)
            #expect(result.status == 2)
            #expect(
                result.standardError.hasPrefix(
                    "\(path):\(line):7: error: unknown figure 'workload/hk-video/startupDelyP50' in 'report.headline'"
                )
            )
            #expect(result.standardError.hasSuffix("did you mean 'workload/hk-video/startupDelayP50'?\n"))
        }
    }
}
