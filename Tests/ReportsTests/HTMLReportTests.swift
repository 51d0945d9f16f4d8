import Foundation
import Reports
import ShareModel
import SimTestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct HTMLReportTests {
    @Test func aRunPageIsWellFormedAndHoldsEverySeries() throws {
        let html = HTMLRenderer().render(ReportFixture.run())
        let document = try XMLDocument(xmlString: html, options: [])
        // web (~1k/s) and video (~20/s) differ by more than 10×: one chart each.
        let throughput = try lines(document, chart: "throughput-over-time")
        #expect(throughput.map(\.name) == ["web", "video \"HD\", EU"])
        #expect(try document.nodes(forXPath: "//*[@id='throughput-over-time-2']").count == 1)
        #expect(throughput.allSatisfy { $0.points == 3 })
        let cdf = try lines(document, chart: "latency-cdf")
        #expect(cdf.count == 2)
        #expect(cdf.allSatisfy { $0.points == LatencyResults.cdfPercentiles.count })
        #expect(LatencyResults.cdfPercentiles.count == 37)
        // Each interval's p99 and p50: web (~1.2 s at its spike) and video (~5.5 s) are within
        // 10×, so one chart holds both classes' lines.
        let overTime = try lines(document, chart: "latency-over-time")
        #expect(overTime.map(\.name) == ["web p99", "web p50", "video \"HD\", EU p99", "video \"HD\", EU p50"])
        #expect(overTime.map(\.points) == [3, 3, 3, 3])
        let bars = try document.nodes(
            forXPath: "//*[@id='utilisation-by-region']//*[local-name()='rect'][@class='bar']"
        )
        #expect(bars.count == 2)
        let segments = try document.nodes(forXPath: "//*[@id='served-by']//*[local-name()='rect'][@class='segment']")
        #expect(segments.count == 10)
        let tables = try document.nodes(forXPath: "//table")
        #expect(tables.count == 9)
    }

    @Test("money in a priced run's page, tables and charts, carries the run's currency code, never ¤")
    func moneyCarriesTheCurrency() throws {
        let html = HTMLRenderer().render(ReportFixture.run())
        #expect(!html.contains("¤"))
        #expect(html.contains("Cost (USD)"))
        #expect(html.contains("USD 23.79"))
        let comparison = HTMLRenderer().render(ReportFixture.comparison())
        #expect(!comparison.contains("¤"))
    }

    @Test func aRunPageLeadsWithTheQuestionAndHeadlineFigures() throws {
        let html = HTMLRenderer().render(ReportFixture.run())
        let document = try XMLDocument(xmlString: html, options: [])
        let question = try document.nodes(forXPath: "//p[@class='question']")
        #expect(question.map(\.stringValue) == ["Does the edge keep web fast as load grows?"])
        // The headline table comes before the facts, and names each figure with its entity.
        let firstTable = try document.nodes(forXPath: "(//section[@class='table'])[1]/@id")
        #expect(firstTable.map(\.stringValue) == ["headline"])
        let names = try document.nodes(forXPath: "//section[@id='headline']//tbody/tr/td[1]").map(\.stringValue)
        #expect(
            names == [
                "web · Throughput", "web · Latency p99", "web · Served by Edge", "eu-west · Utilisation",
                "Cost · Total",
            ]
        )
        #expect(html.range(of: "id=\"headline\"")!.lowerBound < html.range(of: "class=\"facts\"")!.lowerBound)
        // One chart per unit, in declaration order, before every other chart.
        let charts = try document.nodes(forXPath: "//figure/*[local-name()='svg']/@id").map(\.stringValue)
        #expect(Array(charts.prefix(4)) == ["headline-1", "headline-2", "headline-3", "headline-4"])
        let shares = try document.nodes(forXPath: chart("headline-3") + "//*[local-name()='rect'][@class='bar']")
        #expect(shares.count == 2)
    }

    @Test func aRunWithoutAFocusHasNoQuestionOrHeadline() throws {
        let html = HTMLRenderer().render(ReportFixture.run(focus: nil))
        #expect(!html.contains("class=\"question\""))
        #expect(!html.contains("headline"))
    }

    @Test func pagesAreSelfContained() {
        for html in [
            HTMLRenderer().render(ReportFixture.run()), HTMLRenderer().render(ReportFixture.comparison()),
            HTMLRenderer().render(ReportFixture.sweep()),
        ] {
            let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            #expect(!withoutNamespace.contains("http://"))
            #expect(!withoutNamespace.contains("https://"))
            #expect(!html.contains("<script"))
            #expect(!html.contains("<link"))
            #expect(!html.contains("@import"))
            #expect(!html.contains("url("))
        }
    }

    @Test func aComparisonPageHasBarsWithWhiskersPerRun() throws {
        let html = HTMLRenderer().render(ReportFixture.comparison())
        let document = try XMLDocument(xmlString: html, options: [])
        let bars = try document.nodes(forXPath: chart("compare-throughput") + "//*[local-name()='rect'][@class='bar']")
        #expect(bars.count == 4)
        let whiskers = try document.nodes(
            forXPath: chart("compare-throughput") + "//*[local-name()='path'][@class='whisker']"
        )
        #expect(whiskers.count == 4)
        // The change charts: the scenario's headline figures first, then the registry's; shares
        // and utilisations change in percentage points, the rest relatively.
        let charts = try document.nodes(forXPath: "//figure/*[local-name()='svg']/@id").map(\.stringValue)
        #expect(Array(charts.prefix(3)) == ["compare-change", "compare-change-points", "headline-1"])
        let change = try document.nodes(forXPath: "//*[@id='compare-change']//*[local-name()='rect'][@class='bar']")
        #expect(change.count == 5)
        let categories = try document.nodes(
            forXPath: "//*[@id='compare-change']//*[local-name()='text'][@class='tick'][@text-anchor='middle']"
        ).map(\.stringValue)
        #expect(Array(categories.prefix(2)) == ["web", "throughput"])
        let points = try document.nodes(
            forXPath: "//*[@id='compare-change-points']//*[local-name()='rect'][@class='bar']"
        )
        #expect(points.count == 3)
        let pointTicks = try document.nodes(
            forXPath: "//*[@id='compare-change-points']//*[local-name()='text'][@class='axis-title']"
        ).map(\.stringValue)
        #expect(pointTicks.contains("Change (pp)"))
        let cells = try document.nodes(forXPath: "//td[contains(@class,'significant')]")
        #expect(!cells.isEmpty)
    }

    @Test func aComparisonOverlaysTheRunsLatencyDistributions() throws {
        let html = HTMLRenderer().render(ReportFixture.comparison())
        let document = try XMLDocument(xmlString: html, options: [])
        for index in 1...2 {
            let overlay = try lines(document, chart: "compare-latency-cdf-\(index)")
            #expect(overlay.map(\.name) == ["baseline", "more-web"])
            #expect(overlay.allSatisfy { $0.points == LatencyResults.cdfPercentiles.count })
        }
        let titles = try document.nodes(
            forXPath: "//*[@id='compare-latency-cdf-2']//*[local-name()='text'][@class='axis-title']"
        ).map(\.stringValue)
        #expect(titles.contains("End-to-end latency (log scale)"))
    }

    @Test func aSweepPageHasLinesWithBandsAgainstTheValue() throws {
        let html = HTMLRenderer().render(ReportFixture.sweep())
        let document = try XMLDocument(xmlString: html, options: [])
        let throughput = try lines(document, chart: "sweep-throughput")
        #expect(throughput.count == 2)
        #expect(throughput.allSatisfy { $0.points == 3 })
        let bands = try document.nodes(
            forXPath: chart("sweep-throughput") + "//*[local-name()='polygon'][@class='band']"
        )
        #expect(bands.count == 2)
    }

    @Test func textIsEscaped() {
        let html = HTMLRenderer().render(ReportFixture.run())
        #expect(html.contains("video &quot;HD&quot;, EU"))
    }

    /// An XPath for chart `id`, or the charts `id-1`, `id-2`, … it was split into.
    private func chart(_ id: String) -> String {
        "//*[local-name()='svg'][@id='\(id)' or starts-with(@id,'\(id)-')]"
    }

    /// The series lines of chart `id`: name and number of points.
    private func lines(_ document: XMLDocument, chart id: String) throws -> [(name: String, points: Int)] {
        let path = chart(id) + "//*[local-name()='polyline'][@class='series']"
        let names = try document.nodes(forXPath: path + "/@data-series").map { $0.stringValue ?? "" }
        let points = try document.nodes(forXPath: path + "/@points").map {
            ($0.stringValue ?? "").split(separator: " ").count
        }
        #expect(names.count == points.count)
        return zip(names, points).map { ($0, $1) }
    }
}

@Suite("HTML interval labels")
struct HTMLIntervalLabelTests {
    @Test("charts of one replication claim no 95% interval; of several, they say so")
    func intervalLabels() {
        let one = RunReport(
            scenarioName: "one",
            sharesimVersion: "t",
            wallTimeSeconds: nil,
            replications: [ReportFixture.replication(0)]
        )
        #expect(!HTMLRenderer().render(one).contains("95%"))
        #expect(HTMLRenderer().render(ReportFixture.run()).contains("Utilisation by region (95% interval)"))
    }
}
