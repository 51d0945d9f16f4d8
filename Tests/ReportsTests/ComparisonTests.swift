import Reports
import SimTestSupport
import Testing

@Suite struct ComparisonTests {
    @Test func theSameRunOnBothSidesDiffersByExactlyZero() {
        let run = ReportFixture.run()
        let comparison = ComparisonReport(entries: [.init(label: "a", report: run), .init(label: "b", report: run)])
        #expect(comparison.commonRandomNumbers)
        #expect(!comparison.figures.isEmpty)
        for figure in comparison.figures {
            #expect(figure.differences[0] == nil)
            guard let difference = figure.differences[1] else {
                #expect(figure.estimates[1] == nil, "\(figure.key) has an estimate but no difference")
                continue
            }
            #expect(difference.mean == 0, "\(figure.key)")
            #expect(difference.halfWidth95 == 0, "\(figure.key)")
            #expect(!difference.significant, "\(figure.key)")
            #expect(difference.paired)
        }
    }

    @Test func aConstantShiftHasTheRightSignAndSizeAndIsSignificant() throws {
        let comparison = ReportFixture.comparison()
        let figure = try #require(comparison.figures.first { $0.key == "workload/web/throughputPerSecond" })
        let difference = try #require(figure.differences[1])
        #expect(difference.mean == 100)
        #expect(difference.halfWidth95 == 0)
        #expect(difference.significant)
        #expect(abs((difference.relativePercent ?? 0) - 100 * 100 / 1050) < 1e-9)
        // Figures the shift does not touch stay at zero.
        let latency = try #require(comparison.figures.first { $0.key == "workload/web/latencyP99" })
        #expect(latency.differences[1]?.mean == 0)
        #expect(latency.differences[1]?.significant == false)
    }

    @Test func aNoisyShiftGetsAPairedIntervalByHand() throws {
        // Shifts of +100 and +120: mean 110, differences' s = 10√2, standard error 10,
        // half-width 12.706 × 10 = 127.06: the interval includes zero.
        let baseline = ReportFixture.replications()
        let alternative = [
            ReportFixture.replication(0, webThroughputShift: 100),
            ReportFixture.replication(1, webThroughputShift: 120),
        ]
        let comparison = ComparisonReport(entries: [
            .init(
                label: "a",
                report: RunReport(scenarioName: "a", sharesimVersion: "t", wallTimeSeconds: nil, replications: baseline)
            ),
            .init(
                label: "b",
                report: RunReport(
                    scenarioName: "b",
                    sharesimVersion: "t",
                    wallTimeSeconds: nil,
                    replications: alternative
                )
            ),
        ])
        let figure = try #require(comparison.figures.first { $0.key == "workload/web/throughputPerSecond" })
        let difference = try #require(figure.differences[1])
        #expect(abs(difference.mean - 110) < 1e-9)
        #expect(abs((difference.halfWidth95 ?? 0) - 127.06) < 0.01)
        #expect(!difference.significant)
    }

    @Test func unequalReplicationCountsFallBackToAnUnpairedInterval() throws {
        let difference = try #require(
            FigureDifference(baseline: [1, 2, 3], alternative: [11, 12])
        )
        #expect(!difference.paired)
        #expect(difference.mean == 9.5)
        #expect(difference.significant)
    }

    @Test func theTableMarksSignificantDifferences() {
        let text = TableRenderer(colour: false).render(ReportFixture.comparison())
        #expect(text.contains("+100.0/s ± 0.0/s (+9.5%) *"))
        #expect(text.contains("Δ more-web"))
    }

    /// A baseline without drawn links against a topology that draws two.
    static func topologyComparison() -> ComparisonReport {
        ComparisonReport(entries: [
            .init(label: "today", report: ReportFixture.run()),
            .init(label: "backbone", report: ReportFixture.run(variant: "backbone", links: true)),
        ])
    }

    @Test func linksOnlyTheAlternativeDrawsAreComparedWithoutADifference() throws {
        let comparison = Self.topologyComparison()
        let peak = try #require(comparison.figure(FigureID(.linkPeakUtilisation, of: "cable")))
        #expect(peak.estimates[0] == nil)
        #expect(peak.estimates[1]?.mean == 1.0)
        #expect(peak.differences == [nil, nil])
        let bytes = try #require(comparison.figure(FigureID(.linkBytes, of: "trunk")))
        #expect(bytes.estimates[1]?.mean == 1.8e10)
        // The baseline's figures come first, in its own order; what only the alternative has
        // follows: its links, and the playback figures of its video class (a stream there).
        let baselineCount = ReportFixture.run().rows.count
        #expect(comparison.figures.prefix(baselineCount).map(\.id) == ReportFixture.run().rows.map(\.id))
        #expect(
            comparison.figures.dropFirst(baselineCount).allSatisfy {
                $0.id.descriptor.section == .link || $0.id.metric.isPlayback
            }
        )
        let playbackMetrics = FigureMetric.allCases.count { $0.isPlayback }
        #expect(comparison.figures.count == baselineCount + 2 * 5 + playbackMetrics)
    }

    @Test func linksAreShownInEveryFormatOfATopologyComparison() {
        let comparison = Self.topologyComparison()
        let csv = CSVRenderer().summary(comparison)
        #expect(csv.contains("link,cable,peakUtilisation,"))
        #expect(csv.contains("link,trunk,bytes,"))
        let json = JSONReportRenderer(includeWallTime: false).render(comparison)
        #expect(json.contains("\"link/cable/peakUtilisation\""))
        let table = TableRenderer(colour: false).render(comparison)
        #expect(table.contains("cable"))
        #expect(table.contains("trunk"))
        let html = HTMLRenderer().render(comparison)
        #expect(html.contains("cable"))
    }

    @Test func twoTopologiesWithTheSameLinkGetAPairedDifference() throws {
        let comparison = ComparisonReport(entries: [
            .init(label: "a", report: ReportFixture.run(links: true)),
            .init(label: "b", report: ReportFixture.run(variant: "b", links: true)),
        ])
        let down = try #require(comparison.figure(FigureID(.linkDown, of: "cable")))
        #expect(down.differences[1]?.mean == 0)
        #expect(down.differences[1]?.paired == true)
    }
}
