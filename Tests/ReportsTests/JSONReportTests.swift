import Foundation
import Reports
import SimTestSupport
import Testing

@Suite struct JSONReportTests {
    @Test func schemaIsTheFirstKeyAndKindTheSecond() {
        let text = JSONReportRenderer().render(ReportFixture.run())
        #expect(text.hasPrefix("{\n  \"schema\": \"sharesim.report/1\",\n  \"kind\": \"run\",\n"))
    }

    @Test func identicalRunsGiveIdenticalBytes() {
        let renderer = JSONReportRenderer(includeWallTime: false)
        var first = ReportFixture.run()
        var second = ReportFixture.run()
        first = RunReport(metadata: with(first.metadata, wallTime: 1.25), replications: first.replications)
        second = RunReport(metadata: with(second.metadata, wallTime: 9.5), replications: second.replications)
        #expect(renderer.render(first) == renderer.render(second))
        #expect(renderer.render(first).contains("\"wallTimeSeconds\": null"))
    }

    @Test func theOutputDecodesBackToTheSameReport() throws {
        let report = ReportFixture.run()
        let text = JSONReportRenderer().render(report)
        let decoded = try JSONDecoder().decode(RunReport.self, from: Data(text.utf8))
        #expect(decoded == report)
        let comparison = ReportFixture.comparison()
        let decodedComparison = try JSONDecoder().decode(
            ComparisonReport.self,
            from: Data(JSONReportRenderer().render(comparison).utf8)
        )
        #expect(decodedComparison == comparison)
        let sweep = ReportFixture.sweep()
        let decodedSweep = try JSONDecoder().decode(
            SweepReport.self,
            from: Data(JSONReportRenderer().render(sweep).utf8)
        )
        #expect(decodedSweep == sweep)
    }

    @Test func anotherSchemaIsRefused() {
        let text = JSONReportRenderer().render(ReportFixture.run())
            .replacingOccurrences(of: "sharesim.report/1", with: "sharesim.report/99")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RunReport.self, from: Data(text.utf8))
        }
    }

    @Test func missingValuesAreNullAndTheTextIsValidJSON() throws {
        let text = JSONReportRenderer().render(ReportFixture.run())
        #expect(text.contains("\"sloAttainment\": null"))
        #expect(text.contains("\"halfWidth95\": "))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        #expect(object is [String: Any])
    }

    private func with(_ metadata: RunMetadata, wallTime: Double) -> RunMetadata {
        var copy = metadata
        copy.wallTimeSeconds = wallTime
        return copy
    }
}
