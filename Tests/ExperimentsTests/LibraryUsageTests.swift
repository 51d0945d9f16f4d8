import Foundation
import Reports
import Scenario
import ShareModel
import SimCore
import Testing

/// The README's "Use ShareSim as a library" example compiles and runs as written: the code
/// between the markers below is the README's block, line for line.
@Suite("Library usage")
struct LibraryUsageTests {
    static func example() throws -> RunReport {
        // README:begin
        // A model written in code, as scenario text: one zone of two servers, M/M/2 at 1.5/s.
        let text = """
            name: tiny-queue
            description: An M/M/2 queue in one zone.
            duration: 1 h
            workloads:
              - {name: orders, kind: transaction, service: exp(1 s)}
            regions:
              - {name: r, location: [30, 120], zones: [{name: r-a, servers: 2}]}
            populations:
              - {name: users, location: [30, 120], workloads: [{workload: orders, rate: 1.5/s}]}
            """
        var scenario = try Scenario.parse(text, name: "tiny-queue.yaml")
        scenario.spec.duration = .hours(2)  // the spec is a value: change it in code
        let replications = try (1...4).map { replication in
            try ModelRun.run(scenario.spec, seed: scenario.seed(forReplication: replication))
        }
        let report = RunReport(
            scenarioName: scenario.name,
            sharesimVersion: "example",
            wallTimeSeconds: nil,
            replications: replications
        )
        if let wait = report.row(FigureID(.zoneMeanWait, of: "r-a"))?.estimate {
            print("mean wait", HumanFormat.estimate(wait, .seconds))  // Erlang C: 1.29 s
        }
        // README:end
        return report
    }

    @Test("the example runs and measures the M/M/2 wait Erlang C predicts")
    func runs() throws {
        let report = try Self.example()
        let wait = try #require(report.row(FigureID(.zoneMeanWait, of: "r-a"))?.estimate)
        #expect(wait.n == 4)
        // Erlang C for c = 2, a = 1.5: P(wait) = 9/14, Wq = P(wait) / (c·μ − λ) = 9/7 s.
        let halfWidth = try #require(wait.halfWidth95)
        #expect(abs(wait.mean - 9.0 / 7.0) < max(2 * halfWidth, 0.05 * 9.0 / 7.0))
    }

    @Test("the README shows the example exactly as this file compiles it")
    func readmeMatches() throws {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: here, encoding: .utf8)
        func dedented(_ lines: [Substring]) -> [String] {
            let indent =
                lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
            return lines.map { String($0.dropFirst(min(indent, $0.count))) }
        }
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let begin = try #require(sourceLines.firstIndex { $0.hasSuffix("// README:begin") })
        let end = try #require(sourceLines.firstIndex { $0.hasSuffix("// README:end") })
        let readmeLines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        let heading = try #require(readmeLines.firstIndex { $0 == "## Use ShareSim as a library" })
        let open = try #require(
            readmeLines[heading...].indices.first {
                readmeLines[$0] == "```swift" && readmeLines[$0 + 1] == "import Reports"
            }
        )
        let close = try #require(readmeLines[(open + 1)...].firstIndex { $0 == "```" })
        let shown = Array(readmeLines[(open + 1)..<close])
        let importsEnd = try #require(shown.firstIndex { $0.isEmpty })
        #expect(shown[..<importsEnd] == ["import Reports", "import Scenario", "import ShareModel", "import SimCore"])
        #expect(dedented(Array(shown[(importsEnd + 1)...])) == dedented(Array(sourceLines[(begin + 1)..<end])))
    }
}
