import Foundation
import Scenario
import SimTestSupport
import Testing

/// The `report:` block: the question a scenario asks and the figures that answer it.
@Suite("Report request")
struct ReportRequestTests {
    static let text =
        ScenarioFixture.queue.replacingOccurrences(of: "sources: []\n", with: "")
            + """

            report:
              question: How long do orders wait?
              headline:
                - workload/orders/latencyP99
                - region/r/utilisation
              charts: [workload/orders/latencyP50]

            """

    @Test("the question and figure names are read, each name with its line and column")
    func readsTheBlock() throws {
        let scenario = try Scenario.parse(Self.text, name: "q.yaml")
        let report = try #require(scenario.report)
        #expect(report.question == "How long do orders wait?")
        #expect(report.headline.map(\.name) == ["workload/orders/latencyP99", "region/r/utilisation"])
        #expect(report.headline.map(\.location.description) == ["q.yaml:31:7", "q.yaml:32:7"])
        #expect(report.charts.map(\.name) == ["workload/orders/latencyP50"])
    }

    @Test("a scenario without the block has no request")
    func absent() throws {
        #expect(try Scenario.parse(ScenarioFixture.queue, name: "q.yaml").report == nil)
    }

    @Test("a figure that is not text, and an unknown key, are errors at their place")
    func badEntries() {
        let text = Self.text.replacingOccurrences(of: "    - region/r/utilisation\n", with: "    - {a: 1}\n")
            .replacingOccurrences(of: "  question:", with: "  questions: x\n  question:")
        #expect(throws: ScenarioError.self) { try Scenario.parse(text, name: "q.yaml") }
        do {
            _ = try Scenario.parse(text, name: "q.yaml")
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(
                lines == [
                    "q.yaml:29:3: error: unknown field 'questions' in 'report' in scenario; did you mean 'question'?",
                    "q.yaml:33:7: error: invalid 'headline[1]' in 'report': expected a figure name such as "
                        + "'workload/web/latencyP99', got a mapping",
                ]
            )
        }
    }

    @Test("a variant keeps the block")
    func variantsKeepIt() throws {
        let scenario = try Scenario.parse(Self.text, name: "q.yaml").applying(variant: "double")
        #expect(scenario.report?.headline.count == 2)
    }
}
