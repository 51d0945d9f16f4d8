import SimCore
import Testing

@testable import ShareModel

@Suite("Billing: percentiles, samples, proration")
struct BillingTests {
    @Test("nearest rank: of 20 samples the 95th is the 19th smallest, the top 5% dropped")
    func nearestRankOnHandMadeSamples() {
        // 1...20 shuffled by hand: order must not matter.
        let samples: [Double] = [7, 20, 3, 14, 1, 18, 9, 12, 5, 16, 2, 19, 11, 8, 15, 4, 17, 6, 13, 10]
        #expect(BandwidthSamples.nearestRank(samples, percentile: 95) == 19)
        #expect(BandwidthSamples.nearestRank(samples, percentile: 100) == 20)
        #expect(BandwidthSamples.nearestRank(samples, percentile: 50) == 10)
        #expect(BandwidthSamples.nearestRank(samples, percentile: 5) == 1)
        #expect(BandwidthSamples.nearestRank(samples, percentile: 0.1) == 1)
        // A month of 5-minute samples, 8,640 of them, rank 8,208: the top 432 dropped.
        let month = (1...8_640).map(Double.init)
        #expect(BandwidthSamples.nearestRank(month, percentile: 95) == 8_208)
        #expect(BandwidthSamples.nearestRank([], percentile: 95) == 0)
    }

    @Test("a transfer over three buckets: end buckets get their overlap, the middle one its full share")
    func samplesSpreadEvenly() {
        var samples = BandwidthSamples(linkCount: 2, from: SimTime(.seconds(100)), to: SimTime(.seconds(1_000)))
        #expect(samples.bucketCount == 3)
        // 10 Mbit/s (1.25e6 B/s) for 600 s, from 250 s to 850 s: 150 s, 300 s, 150 s of buckets 0, 1, 2.
        samples.record(link: 1, bytes: 7.5e8, from: SimTime(.seconds(250)), to: SimTime(.seconds(850)))
        let rates = samples.samplesMbps(link: 1)
        #expect(rates.count == 3)
        for (rate, expected) in zip(rates, [5.0, 10, 5]) { #expect(abs(rate - expected) < 1e-9 * expected) }
        #expect(samples.samplesMbps(link: 0) == [0, 0, 0])
        // Bytes before the span are left out: the same rate from 0 s keeps only 100...400 s.
        var early = BandwidthSamples(linkCount: 1, from: SimTime(.seconds(100)), to: SimTime(.seconds(1_000)))
        early.record(link: 0, bytes: 5e8, from: .zero, to: SimTime(.seconds(400)))
        let earlyRates = early.samplesMbps(link: 0)
        #expect(abs(earlyRates[0] - 10) < 1e-9 && earlyRates[1] == 0 && earlyRates[2] == 0)
        // A last bucket shorter than 5 minutes averages over its own length: 60 s at 8 Mbit/s.
        var short = BandwidthSamples(linkCount: 1, from: .zero, to: SimTime(.seconds(360)))
        short.record(link: 0, bytes: 6e7, from: SimTime(.seconds(300)), to: SimTime(.seconds(360)))
        #expect(short.bucketCount == 2)
        #expect(abs(short.samplesMbps(link: 0)[1] - 8) < 1e-9)
        // Many buckets: the difference array fills every full bucket in between.
        var long = BandwidthSamples(linkCount: 1, from: .zero, to: SimTime(.seconds(86_400)))
        long.record(link: 0, bytes: 1.25e6 * 86_400, from: .zero, to: SimTime(.seconds(86_400)))
        #expect(long.samplesMbps(link: 0).allSatisfy { abs($0 - 10) < 1e-9 })
        #expect(abs(long.percentileMbps(link: 0, percentile: 95) - 10) < 1e-9)
    }

    @Test("a monthly 95th price is prorated: a day of 100 Mbit/s at 30 per Mbit/s-month costs 100")
    func proration() throws {
        let monthly = try PercentilePrice(pricePerMbps: 30, period: .month)
        #expect(monthly.cost(mbps: 100, seconds: 86_400) == 100)
        #expect(monthly.cost(mbps: 100, seconds: 30 * 86_400) == 3_000)
        let daily = try PercentilePrice(pricePerMbps: 2, period: .day, percentile: 100)
        #expect(daily.cost(mbps: 50, seconds: 43_200) == 50)
    }

    @Test("a percentile outside (0, 100] or a negative price is an error naming its key")
    func percentilePriceErrors() {
        for bad in [0.0, -5, 100.5, .nan, .infinity] {
            #expect(throws: SpecError.self) {
                try PercentilePrice(pricePerMbps: 1, period: .month, percentile: bad)
            }
        }
        do {
            _ = try PercentilePrice(
                pricePerMbps: -1,
                period: .day,
                element: .region("hz"),
                field: SpecField.price.child("egress_95th")
            )
            Issue.record("a negative price was accepted")
        } catch {
            #expect(error.element == .region("hz"))
            #expect(error.field == SpecField.price.child("egress_95th").child("mbps"))
        }
        #expect(throws: SpecError.self) {
            try RegionPricing(region: "hz", pricePerCoreHour: 0, pricePerEgressGB: 0, pricePerProvisionedCoreHour: -1)
        }
        #expect(throws: SpecError.self) { try SharedPoolPricing(pool: "p", pricePerGB: 0, pricePerStorageGBDay: -0.1) }
        #expect(throws: SpecError.self) { try EdgeSitePricing(site: "e", pricePerEgressGB: .nan) }
    }

    @Test("provisioned cores, storage lent, edge and pool bytes and credits are priced item by item")
    func ledgerItems() throws {
        let prices = try PriceList(
            currency: "CNY",
            regions: [
                RegionPricing(
                    region: "hz",
                    pricePerCoreHour: 0.5,
                    pricePerEgressGB: 0.25,
                    pricePerProvisionedCoreHour: 0.125
                )
            ],
            edgeSites: [EdgeSitePricing(site: "e", pricePerEgressGB: 0.0625)],
            sharedPools: [SharedPoolPricing(pool: "p", pricePerGB: 0.03125, pricePerStorageGBDay: 0.5)],
            pricePerCredit: 2
        )
        var ledger = CostLedger(
            prices: prices,
            edgeSiteCount: 1,
            poolCount: 1,
            measuredFrom: .zero,
            to: SimTime(.seconds(7_200))
        )
        ledger.recordProvisioned(region: CostRegionID(0), coreSeconds: 8 * 7_200)  // 16 core-hours × 0.125 = 2
        ledger.recordEdge(site: 0, bytes: 16_000_000_000, from: .zero, to: SimTime(.seconds(10)))  // 16 GB × 1/16 = 1
        ledger.recordPool(pool: 0, bytes: 32_000_000_000, from: .zero, to: SimTime(.seconds(10)))  // 32 GB × 1/32 = 1
        ledger.recordStorage(pool: 0, byteSeconds: 4e9 * 86_400)  // 4 GB-days × 0.5 = 2
        ledger.recordCredits(0.25, pool: 0)  // 0.25 × 2 = 0.5
        ledger.recordCompleted(requests: 4, bytesDelivered: 48_000_000_000)
        let summary = ledger.summary(prices: prices)
        #expect(summary.currency == "CNY")
        #expect(summary.provisioned == 2 && summary.regions[0].provisioned == 2)
        #expect(summary.edge == 1 && summary.edgeSites[0].total == 1)
        #expect(summary.sharedPerGB == 1 && summary.sharedStorage == 2 && summary.credits == 0.5)
        #expect(summary.sharedPools[0].total == 3.5)
        #expect(summary.total == 6.5)
        // 6.5 over 2 hours.
        #expect(summary.costPerHour == 3.25)
        #expect(summary.regions[0].egress95thMbps == nil)
    }
}

@Suite("Billing in the whole model")
struct WorldBillingTests {
    /// One region whose 10 Mbit/s egress is billed per GB and on the 95th percentile, one
    /// population downloading 1.5 GB objects at `lambda`/s, for 3,000 s (ten 5-minute samples).
    func billedDownloadSpec(lambda: Double) throws -> ModelSpec {
        let here = try WorldFixture.place(30.27, 120.15)
        let content = ContentSpec(catalogueSize: 1, zipfExponent: 0.8, objectBytes: try WorldFixture.constant(1.5e9))
        return ModelSpec(
            regions: [
                try WorldFixture.region(
                    "hz",
                    at: here,
                    zones: [("hz-a", 4)],
                    service: [try WorldFixture.constant(0.001)],
                    egress: 1e7
                )
            ],
            populations: [
                PopulationSpec(
                    name: "users",
                    location: here,
                    accessBitsPerSecond: 1e10,
                    demands: [WorkloadDemand(workloadClass: "files", rate: try WorldFixture.rate(lambda))]
                )
            ],
            workloadClasses: [WorkloadClassSpec(name: "files", kind: .download(content))],
            latency: try WorldFixture.latency(),
            prices: try PriceList(
                currency: "CNY",
                regions: [
                    RegionPricing(
                        region: "hz",
                        pricePerCoreHour: 0,
                        pricePerEgressGB: 0.5,
                        pricePerProvisionedCoreHour: 0.25,
                        egress95th: try PercentilePrice(pricePerMbps: 30, period: .month)
                    )
                ],
                pricePerCredit: 0
            ),
            duration: .seconds(3_000),
            interval: .seconds(300)
        )
    }

    @Test("the memory estimate counts two Doubles per 5-minute sample of each link billed on a percentile")
    func samplesInResourceEstimate() throws {
        let estimate = try billedDownloadSpec(lambda: 1).resourceEstimate
        let item = try #require(estimate.items.first { $0.element == .region("hz") })
        #expect(item.field == SpecField.price.child("egress_95th"))
        #expect(item.bytes == 10 * 16)
        #expect(item.what == "10 5-minute samples")
    }

    @Test("one 1.5 GB transfer alone on a 10 Mbit/s billed link: 95th = 10 Mbit/s, cost exactly computable")
    func oneTransferAloneOnBilledLink() throws {
        let spec = try billedDownloadSpec(lambda: 1.0 / 2_000)
        // The first seed (in order, so the test is fixed) whose run has exactly one download,
        // served: its 1,200 s transfer covers at least one whole 5-minute bucket alone.
        let found = try (UInt64(1)...200).lazy.map { seed in (seed, try ModelRun.run(spec, seed: seed)) }
            .first { $0.1.workloads[0].arrived == 1 && $0.1.workloads[0].served == 1 }
        let (seed, results) = try #require(found)
        let cost = try #require(results.cost, "seed \(seed)")
        #expect(cost.currency == "CNY")
        // Ten samples: the 95th is the 10th smallest, the largest, a full bucket at the link rate.
        let mbps = try #require(cost.regions[0].egress95thMbps)
        #expect(abs(mbps - 10) < 1e-9, "seed \(seed): \(mbps)")
        // 10 Mbit/s × 30 per Mbit/s-month × 3,000 s / 2,592,000 s.
        let expected95th = 10.0 * 30 * 3_000 / 2_592_000
        #expect(abs(cost.egress95th - expected95th) < 1e-9 * expected95th)
        // 1.5 GB at 0.5 per GB; 4 cores × 3,000 s = 10/3 core-hours at 0.25.
        #expect(abs(cost.egress - 0.75) < 1e-12)
        #expect(abs(cost.provisioned - 4.0 * 3_000 / 3_600 * 0.25) < 1e-12)
        #expect(abs(cost.total - (cost.egress + cost.egress95th + cost.provisioned + cost.compute)) < 1e-12)
        #expect(abs(try #require(cost.perHour) - cost.total / (3_000.0 / 3_600)) < 1e-12)
    }
}
