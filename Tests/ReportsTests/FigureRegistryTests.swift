import Foundation
import Reports
import ShareModel
import SimTestSupport
import Testing

/// The registry is the one source of figures: every row, chart, headline and dashboard
/// figure comes from it, and every figure it names exists in a report.
@Suite("Figure registry")
struct FigureRegistryTests {
    @Test("every metric has its own descriptor, with a key unique within its section")
    func descriptors() {
        #expect(FigureRegistry.descriptors.count == FigureMetric.allCases.count)
        for descriptor in FigureRegistry.descriptors {
            #expect(descriptor.metric.descriptor == descriptor)
            #expect(!descriptor.label.isEmpty && !descriptor.key.isEmpty)
        }
        for section in FigureSection.allCases {
            let keys = FigureMetric.all(in: section).map(\.descriptor.key)
            #expect(!keys.isEmpty, "section \(section) has no metric")
            #expect(Set(keys).count == keys.count, "section \(section) repeats a key")
        }
    }

    @Test("a run report has every registry figure exactly once per entity, and nothing else")
    func everyFigureOnce() throws {
        let report = ReportFixture.run()
        let first = report.replications[0]
        var expected: [FigureID] = []
        // The fixture has no health checks and its runs had nothing down: the figures that exist
        // only when measured (detection, outages) have no rows.
        func all(in section: FigureSection) -> [FigureMetric] {
            FigureMetric.all(in: section).filter { !$0.descriptor.onlyWhenMeasured }
        }
        for workload in first.workloads {
            expected += all(in: .workload).map { FigureID($0, of: workload.name) }
            let sources = [ServedBySource.edge, .shared] + first.regions.map { .cloud(region: $0.name) } + [.origin]
            expected += sources.map { FigureID.servedShare(of: workload.name, by: $0) }
        }
        expected += first.regions.flatMap { region in
            all(in: .region).map { FigureID($0, of: region.name) }
        }
        expected += first.zones.flatMap { zone in all(in: .zone).map { FigureID($0, of: zone.name) } }
        expected += first.edgeSites.flatMap { site in
            all(in: .edgeSite).map { FigureID($0, of: site.name) }
        }
        expected += first.sharedPools.flatMap { pool in
            all(in: .sharedPool).map { FigureID($0, of: pool.name) }
        }
        expected += all(in: .cost).map { FigureID($0) }
        #expect(report.rows.map(\.id) == expected)
        #expect(Set(report.rows.map(\.key)).count == report.rows.count)
    }

    @Test("the figures about outages have rows, with the runs' values, once a run measured an outage")
    func outageFigures() throws {
        var replications = ReportFixture.replications()
        replications[1].workloads[0].duringOutages = OutageWindowResults(
            windowSeconds: 60,
            arrived: 600,
            served: 590,
            lost: 10,
            latencyP50: 0.05,
            latencyP99: 0.4
        )
        let report = RunReport(
            scenarioName: "fixture-cdn",
            scenarioDescription: "",
            variant: nil,
            sharesimVersion: "0.0.0-test",
            wallTimeSeconds: 1,
            focus: nil,
            replications: replications
        )
        let web = try #require(report.replications.first?.workloads.first?.name)
        let lost = try #require(report.row(FigureID(.lostDuringOutages, of: web)))
        #expect(lost.values == [nil, 10])
        #expect(report.row(FigureID(.latencyP99DuringOutages, of: web))?.values == [nil, 0.4])
        #expect(report.row(FigureID(.arrivedDuringOutages, of: web))?.values == [nil, 600])
        // The other class measured no outage in either run: no rows.
        let video = report.replications[0].workloads[1].name
        #expect(report.row(FigureID(.lostDuringOutages, of: video)) == nil)
    }

    @Test("every chart, headline and dashboard figure names a figure the report has")
    func chartsNameExistingFigures() throws {
        let report = ReportFixture.run(links: true)
        let rows = Set(report.rows.map(\.id.metric))
        for chart in FigureChart.allCases {
            let charted = FigureRegistry.descriptors(in: chart)
            #expect(!charted.isEmpty, "no figure is shown in \(chart)")
            for descriptor in charted {
                #expect(rows.contains(descriptor.metric), "\(chart) shows \(descriptor.key), which no report has")
            }
        }
        let page = LiveDashboard.page(title: "t", controlToken: "0123456789abcdef")
        for descriptor in FigureRegistry.descriptors(in: .liveDashboard) {
            #expect(page.contains("figures." + descriptor.key), "the dashboard never reads \(descriptor.key)")
        }
        for descriptor in FigureRegistry.descriptors(in: .prometheus) {
            #expect(descriptor.prometheusName?.hasPrefix("sharesim_") == true)
        }
    }

    @Test("the JSON names each figure with its registry key, section, metric, label and unit")
    func jsonFigures() throws {
        let json = JSONReportRenderer(includeWallTime: false).render(ReportFixture.comparison())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(object["figures"] as? [[String: Any]])
        let comparison = ReportFixture.comparison()
        // One row per figure and run, the runs of a figure together.
        #expect(rows.count == comparison.figures.count * comparison.entries.count)
        for (index, expected) in comparison.figures.enumerated() {
            for row in rows[(2 * index)..<(2 * index + 2)] {
                #expect(row["figure"] as? String == expected.id.key)
                #expect(row["section"] as? String == expected.id.descriptor.section.rawValue)
                #expect(row["subject"] as? String == expected.id.subject)
                #expect(row["metric"] as? String == expected.id.metricKey)
                #expect(row["label"] as? String == expected.id.label)
                let unit = try #require(row["unit"] as? String)
                #expect(FigureUnit(rawValue: unit) == expected.id.descriptor.unit)
                #expect(FigureID(key: expected.id.key) == expected.id)
            }
        }
        #expect(rows.first?["figure"] as? String == "workload/web/throughputPerSecond")
    }

    @Test("JSON -> report -> JSON is the identity for runs, comparisons and sweeps")
    func roundTrip() throws {
        let renderer = JSONReportRenderer(includeWallTime: false)
        let decoder = JSONDecoder()
        let run = renderer.render(ReportFixture.run())
        #expect(renderer.render(try decoder.decode(RunReport.self, from: Data(run.utf8))) == run)
        let comparison = renderer.render(ReportFixture.comparison())
        #expect(renderer.render(try decoder.decode(ComparisonReport.self, from: Data(comparison.utf8))) == comparison)
        let sweep = renderer.render(ReportFixture.sweep())
        #expect(renderer.render(try decoder.decode(SweepReport.self, from: Data(sweep.utf8))) == sweep)
    }

    @Test("headline changes say which way is better")
    func headlineDirection() throws {
        let before = HeadlineFigures(ReportFixture.replication(0))
        var faster = ReportFixture.replication(0)
        faster.workloads[0].latency.p99 /= 2
        let lines = HeadlineFigures(faster).changes(from: before)
        #expect(lines == ["web · Latency p99: 84.2 ms -> 42.1 ms (-50.0%, better)"])
    }

    @Test("watch and live print the scenario's own headline figures, in its order, when it declares them")
    func headlineFollowsTheScenario() throws {
        let run = ReportFixture.replication(1)
        let figures = HeadlineFigures(run, focus: ReportFixture.focus).figures
        #expect(figures.map(\.id) == ReportFixture.focus.headline)
        // Read by name: eu-west is region 0, web is class 0; values as the model gave them.
        #expect(figures[0].value == run.workloads[0].throughputPerSecond)
        #expect(figures[1].value == run.workloads[0].latency.p99)
        #expect(figures[2].value == Double(run.workloads[0].servedBy.edge) / Double(run.workloads[0].servedBy.total))
        #expect(figures[3].value == run.regions[0].utilisation)
        #expect(figures[4].value == run.cost?.total)
        // Without a focus, the registry's headline for every class.
        #expect(HeadlineFigures(run, focus: nil) == HeadlineFigures(run))
        #expect(HeadlineFigures(run).figures.first?.id == FigureID(.throughput, of: "web"))
        // A figure of an entity the run lacks is left out, not a crash.
        let missing = ReportFocus(question: nil, headline: [FigureID(.zoneUtilisation, of: "nowhere")])
        #expect(HeadlineFigures(run, focus: missing).figures.isEmpty)
    }
}

/// Every arrived request is served, rejected, failed or unfinished, and success is served
/// over arrived, so work still in flight at the end counts against it.
@Suite("Honest totals")
struct HonestTotalsTests {
    @Test("unfinished is each run's in-flight count; success is served / arrived, not served / ended")
    func unfinishedAndSuccess() throws {
        let replications = ReportFixture.replications()
        let report = ReportFixture.run()
        let web = try #require(report.figures.workloads.first)
        let runs = replications.map { $0.workloads[0] }
        for run in runs {
            #expect(run.arrived == run.served + run.rejected + run.failed + run.inFlight)
        }
        let unfinished = runs.map { Double($0.inFlight) }.reduce(0, +) / Double(runs.count)
        #expect(web.unfinished?.mean == unfinished)
        let success = runs.map { Double($0.served) / Double($0.arrived) }.reduce(0, +) / Double(runs.count)
        #expect(abs((web.successRatio?.mean ?? 0) - success) < 1e-15)
        // The first replication: 29,400 of 30,000 served is 98.0%, where served over ended
        // (29,950) would claim 98.16%.
        #expect(runs[0].successRatio == 0.98)
        let table = TableRenderer(colour: false).render(report)
        #expect(table.contains("Unfinished"))
        let csv = CSVRenderer().summary(report)
        #expect(csv.contains(",unfinished,"))
    }
}
