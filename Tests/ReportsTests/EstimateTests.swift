import Reports
import SimTestSupport
import Testing

@Suite struct EstimateTests {
    @Test func twoReplicationsGiveTheStudentTHalfWidthByHand() throws {
        // web throughput: 1000 and 1100 req/s. s = 100/√2, standard error = s/√2 = 50,
        // half-width = t(0.975, 1) × 50 = 12.706 × 50 = 635.3.
        let estimate = try #require(ReportFixture.run().figures.workloads[0].throughputPerSecond)
        #expect(estimate.mean == 1050)
        #expect(estimate.n == 2)
        let halfWidth = try #require(estimate.halfWidth95)
        // 12.706 is t rounded to three decimals (12.7062…): allow 0.0005 × 50.
        #expect(abs(halfWidth - 12.706 * 50) < 0.03)
    }

    @Test func oneReplicationHasNoInterval() throws {
        let estimate = try #require(Estimate(values: [3.5]))
        #expect(estimate.mean == 3.5)
        #expect(estimate.halfWidth95 == nil)
        #expect(estimate.n == 1)
        #expect(Estimate(values: []) == nil)
    }

    @Test func undefinedFiguresAreNil() throws {
        // video has no objective: no SLO attainment in either replication.
        let report = ReportFixture.run()
        #expect(report.figures.workloads[1].sloAttainment == nil)
        #expect(report.figures.workloads[1].sloSeconds == nil)
        // The first interval's video latency is missing in replication 0 only.
        let latency = try #require(report.figures.series[0].workloads[1].meanLatencySeconds)
        #expect(latency.n == 1)
    }

    @Test func servedByIncludesEveryRegionInOrder() throws {
        let shares = ReportFixture.run().figures.workloads[0].servedBy
        #expect(shares.map(\.source) == ["edge", "shared", "cloud:eu-west", "cloud:us-east", "origin"])
        let total = shares.compactMap { $0.share?.mean }.reduce(0, +)
        #expect(abs(total - 1) < 1e-12)
    }

    @Test func regionQueueSumsItsZonesAndAvailabilityIsCapacityWeighted() throws {
        let region = ReportFixture.run().figures.regions[0]
        // Zones eu-west-a (1.25, 1.75) and eu-west-b (0.5, 1.0): sums 1.75 and 2.75.
        #expect(region.meanQueueLength?.mean == 2.25)
        let availability = try #require(region.availability)
        #expect(abs(availability.mean - 0.995) < 1e-12)
    }
}
