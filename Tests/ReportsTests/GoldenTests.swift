import Reports
import SimTestSupport
import Testing

/// A few small golden files, each renderer on the fixed fixture at least once; the JSON
/// layout is checked structurally instead (``FigureRegistryTests``), so no reviewer has to
/// read thousands of lines of it.
@Suite struct GoldenTests {
    @Test func runReportMatchesItsGoldenFiles() throws {
        let report = ReportFixture.run()
        try GoldenFile.check(TableRenderer(colour: false).render(report), "run.table.txt")
        try GoldenFile.check(CSVRenderer().summary(report), "run.summary.csv")
        try GoldenFile.check(CSVRenderer().series(report), "run.series.csv")
    }

    @Test func comparisonMatchesItsGoldenFile() throws {
        try GoldenFile.check(TableRenderer(colour: false).render(ReportFixture.comparison()), "comparison.table.txt")
    }

    @Test func sweepMatchesItsGoldenFiles() throws {
        let sweep = ReportFixture.sweep()
        try GoldenFile.check(MarkdownRenderer().render(sweep), "sweep.md")
        try GoldenFile.check(CSVRenderer().series(sweep), "sweep.series.csv")
    }
}
