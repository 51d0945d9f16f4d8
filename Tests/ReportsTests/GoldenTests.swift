import Reports
import Testing

/// Every renderer on the fixed fixture, against files under `Golden/`.
@Suite struct GoldenTests {
    @Test func runReportMatchesItsGoldenFiles() throws {
        let report = ReportFixture.run()
        try GoldenFile.check(TableRenderer(colour: false).render(report), "run.table.txt")
        try GoldenFile.check(JSONReportRenderer().render(report), "run.json")
        try GoldenFile.check(CSVRenderer().summary(report), "run.summary.csv")
        try GoldenFile.check(CSVRenderer().series(report), "run.series.csv")
        try GoldenFile.check(MarkdownRenderer().render(report), "run.md")
    }

    @Test func comparisonMatchesItsGoldenFiles() throws {
        let comparison = ReportFixture.comparison()
        try GoldenFile.check(TableRenderer(colour: false).render(comparison), "comparison.table.txt")
        try GoldenFile.check(JSONReportRenderer().render(comparison), "comparison.json")
        try GoldenFile.check(CSVRenderer().summary(comparison), "comparison.summary.csv")
        try GoldenFile.check(CSVRenderer().series(comparison), "comparison.series.csv")
        try GoldenFile.check(MarkdownRenderer().render(comparison), "comparison.md")
    }

    @Test func sweepMatchesItsGoldenFiles() throws {
        let sweep = ReportFixture.sweep()
        try GoldenFile.check(TableRenderer(colour: false).render(sweep), "sweep.table.txt")
        try GoldenFile.check(JSONReportRenderer().render(sweep), "sweep.json")
        try GoldenFile.check(CSVRenderer().summary(sweep), "sweep.summary.csv")
        try GoldenFile.check(CSVRenderer().series(sweep), "sweep.series.csv")
        try GoldenFile.check(MarkdownRenderer().render(sweep), "sweep.md")
    }
}
