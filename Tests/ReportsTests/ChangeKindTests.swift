import Foundation
import Reports
import ShareModel
import SimTestSupport
import Testing

/// Comparisons state a share's change in percentage points and every other change in
/// percent, in every format.
@Suite("Change kinds")
struct ChangeKindTests {
    /// The fixture with web's edge share set to `edge` of 100 served (the rest from eu-west).
    static func run(edgeShare edge: UInt64, label: String) -> ComparisonReport.Entry {
        let replications = ReportFixture.replications().map { replication in
            var replication = replication
            replication.workloads[0].servedBy.cloudByRegion = [100 - edge, 0]
            replication.workloads[0].servedBy.edge = edge
            replication.workloads[0].servedBy.shared = 0
            replication.workloads[0].servedBy.origin = 0
            return replication
        }
        let report = RunReport(
            scenarioName: label,
            sharesimVersion: "t",
            wallTimeSeconds: nil,
            replications: replications
        )
        return .init(label: label, report: report)
    }

    static let comparison = ComparisonReport(entries: [run(edgeShare: 62, label: "a"), run(edgeShare: 47, label: "b")])

    @Test("a share from 62% to 47% is -15.0 pp, not -24%")
    func shareInPercentagePoints() throws {
        let figure = try #require(Self.comparison.figure(.servedShare(of: "web", by: .edge)))
        #expect(figure.changeKind == .percentagePoints)
        let change = try #require(figure.changes[1])
        #expect(abs(change - -15) < 1e-9)
        #expect(figure.changes[0] == nil)
        let table = TableRenderer(colour: false).render(Self.comparison)
        #expect(table.contains("web · Edge                       62.0%  47.0%  -15.0 pp ± 0.0 pp *\n"))
        #expect(!table.contains("-24"))
        let markdown = MarkdownRenderer().render(Self.comparison)
        #expect(markdown.contains("| web · Edge | 62.0% | 47.0% | **-15.0 pp ± 0.0 pp \\*** |"))
        let html = HTMLRenderer().render(Self.comparison)
        #expect(html.contains("<td class=\"num significant\">-15.0 pp ± 0.0 pp *</td>"))
    }

    @Test("other figures change in percent of the baseline")
    func othersInPercent() throws {
        let comparison = ReportFixture.comparison()
        let figure = try #require(comparison.figure(FigureID(.throughput, of: "web")))
        #expect(figure.changeKind == .percent)
        #expect(figure.changes[1] == figure.differences[1]?.relativePercent)
        #expect(abs((figure.changes[1] ?? 0) - 100 * 100 / 1050) < 1e-9)
    }

    @Test("the summary CSV names the kind of each change and carries it")
    func csvCarriesTheKind() throws {
        let lines = CSVRenderer().summary(Self.comparison).split(separator: "\r\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(Array(header.suffix(2)) == ["change_kind", "change"])
        let edge = try #require(lines.first { $0.hasPrefix("servedBy,web,edge,Edge,fraction,b,") })
        let fields = edge.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(fields[fields.count - 2] == "percentage_points")
        #expect(abs((Double(fields[fields.count - 1]) ?? 0) - -15) < 1e-9)
        let baselineRow = try #require(lines.first { $0.hasPrefix("servedBy,web,edge,Edge,fraction,a,") })
        #expect(baselineRow.hasSuffix(",percentage_points,"))
        let throughput = try #require(
            lines.first { $0.hasPrefix("workload,web,throughputPerSecond,") && $0.contains(",b,") }
        )
        #expect(throughput.split(separator: ",", omittingEmptySubsequences: false).dropLast().last == "percent")
    }

    @Test("the JSON names the kind of each figure's change and carries the changes")
    func jsonCarriesTheKind() throws {
        let json = JSONReportRenderer(includeWallTime: false).render(Self.comparison)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(object["figures"] as? [[String: Any]])
        let edge = rows.filter { $0["figure"] as? String == "servedBy/web/edge" }
        #expect(edge.map { $0["changeKind"] as? String } == ["percentagePoints", "percentagePoints"])
        #expect(edge[0]["change"] is NSNull)
        #expect(abs((edge[1]["change"] as? Double ?? 0) - -15) < 1e-9)
        #expect(abs((edge[1]["diffMean"] as? Double ?? 0) - -0.15) < 1e-12)
    }
}
