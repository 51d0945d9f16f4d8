import Testing

@testable import ShareModel

/// Prices used throughout: `hz` at 0.05 per core-hour and 0.08 per GB, `sg` at 0.5 and 0.25,
/// shared devices paid 0.5 per credit. Chosen so every hand-computed figure is exact in binary.
private func testPrices() throws -> PriceList {
    try PriceList(
        regions: [
            RegionPricing(region: "hz", pricePerCoreHour: 0.05, pricePerEgressGB: 0.08),
            RegionPricing(region: "sg", pricePerCoreHour: 0.5, pricePerEgressGB: 0.25),
        ],
        pricePerCredit: 0.5
    )
}

private let hz = CostRegionID(0)
private let sg = CostRegionID(1)

@Suite("Cost")
struct CostTests {
    @Test("3,600 core-seconds at 0.05 per core-hour cost 0.05; 2.5e9 egress bytes at 0.08 per GB cost 0.2")
    func computeAndEgressArithmetic() throws {
        let prices = try testPrices()
        var ledger = CostLedger(prices: prices)
        ledger.recordCompute(region: hz, coreSeconds: 3_600)
        ledger.recordEgress(region: hz, bytes: 2_500_000_000)
        ledger.recordCompleted(requests: 1_000, bytesDelivered: 500_000_000_000)
        let summary = ledger.summary(prices: prices)

        #expect(summary.compute == 0.05)
        #expect(summary.egress == 0.2)
        #expect(summary.credits == 0)
        #expect(summary.total == 0.25)
        // 0.25 over 1,000 requests = 0.25 / 0.001 million = 250 per million.
        #expect(summary.costPerMillionRequests == 250)
        // 0.25 over 5e11 bytes = 0.25 / 0.5 TB = 0.5 per TB.
        #expect(summary.costPerTBDelivered == 0.5)
        #expect(
            summary.regions[0]
                == RegionCost(
                    id: hz,
                    region: "hz",
                    busyCoreSeconds: 3_600,
                    egressBytes: 2_500_000_000,
                    compute: 0.05,
                    egress: 0.2
                )
        )
        #expect(summary.regions[1].total == 0)
    }

    @Test("regions, credits and unit costs add up over several regions")
    func multiRegionTotals() throws {
        let prices = try testPrices()
        var ledger = CostLedger(prices: prices)
        // Recorded sg first: results still come in id order.
        ledger.recordCompute(region: sg, coreSeconds: 7_200)  // 2 core-hours × 0.5 = 1.0
        ledger.recordEgress(region: sg, bytes: 4_000_000_000)  // 4 GB × 0.25 = 1.0
        ledger.recordCompute(region: hz, coreSeconds: 1_800)  // 0.5 core-hours × 0.05 = 0.025
        ledger.recordCompute(region: hz, coreSeconds: 1_800)  // total 1 core-hour: 0.05
        ledger.recordEgress(region: hz, bytes: 2_500_000_000)  // 2.5 GB × 0.08 = 0.2
        ledger.recordCredits(3)  // 3 × 0.5 = 1.5
        ledger.recordCredits(0.5)  // 0.5 × 0.5 = 0.25
        ledger.recordCompleted(requests: 2_000_000, bytesDelivered: 1_000_000_000_000)
        ledger.recordCompleted(bytesDelivered: 1_000_000_000_000)  // one more request, 1 TB more

        let summary = CostSummary(ledger: ledger, prices: prices)
        #expect(summary.regions.map(\.id) == [hz, sg])
        #expect(summary.regions.map(\.region) == ["hz", "sg"])
        #expect(summary.regions[0].compute == 0.05)
        #expect(summary.regions[0].egress == 0.2)
        #expect(summary.regions[1].compute == 1.0)
        #expect(summary.regions[1].egress == 1.0)
        #expect(summary.regions[1].total == 2.0)
        #expect(summary.compute == 0.05 + 1.0)
        #expect(summary.egress == 0.2 + 1.0)
        #expect(summary.creditsEarned == 3.5)
        #expect(summary.credits == 1.75)
        #expect(summary.requestsCompleted == 2_000_001)
        #expect(summary.bytesDelivered == 2_000_000_000_000)
        let total = (0.05 + 1.0) + (0.2 + 1.0) + 1.75
        #expect(summary.total == total)
        #expect(summary.costPerMillionRequests == total / 2.000001)
        #expect(summary.costPerTBDelivered == total / 2)
    }

    @Test("credits alone are priced at the price per credit")
    func creditsOnly() throws {
        let prices = try PriceList(regions: [], pricePerCredit: 0.25)
        var ledger = CostLedger(prices: prices)
        ledger.recordCredits(8)
        ledger.recordCompleted(requests: 4_000_000, bytesDelivered: 4_000_000_000_000)
        let summary = ledger.summary(prices: prices)
        #expect(summary.regions.isEmpty)
        #expect(summary.total == 2)
        #expect(summary.costPerMillionRequests == 0.5)
        #expect(summary.costPerTBDelivered == 0.5)
    }

    @Test("zero requests or zero bytes give nil unit costs, never NaN or infinity")
    func zeroDenominators() throws {
        let prices = try testPrices()
        let empty = CostLedger(prices: prices).summary(prices: prices)
        #expect(empty.total == 0)
        #expect(empty.costPerMillionRequests == nil)
        #expect(empty.costPerTBDelivered == nil)

        var costlyButIdle = CostLedger(prices: prices)
        costlyButIdle.recordCompute(region: sg, coreSeconds: 3_600)
        let idle = costlyButIdle.summary(prices: prices)
        #expect(idle.total == 0.5)
        #expect(idle.costPerMillionRequests == nil)
        #expect(idle.costPerTBDelivered == nil)

        // Requests that delivered no bytes (transactions): per-million defined, per-TB nil.
        var transactions = costlyButIdle
        transactions.recordCompleted(requests: 500_000, bytesDelivered: 0)
        let tx = transactions.summary(prices: prices)
        #expect(tx.costPerMillionRequests == 1.0)
        #expect(tx.costPerTBDelivered == nil)

        // Bytes with zero cost: unit costs are 0, not NaN.
        var free = CostLedger(prices: prices)
        free.recordCompleted(requests: 10, bytesDelivered: 10)
        let freeSummary = free.summary(prices: prices)
        #expect(freeSummary.costPerMillionRequests == 0)
        #expect(freeSummary.costPerTBDelivered == 0)
    }

    @Test("merging two ledgers equals one ledger with all the records")
    func mergeEqualsSingleLedger() throws {
        let prices = try testPrices()
        var all = CostLedger(prices: prices)
        var first = CostLedger(prices: prices)
        var second = CostLedger(prices: prices)
        // Records alternate between the two halves; integer and half-integer values add exactly.
        let records: [(region: CostRegionID, coreSeconds: Double, bytes: UInt64, credits: Double, delivered: UInt64)] =
            [
                (hz, 3_600, 2_500_000_000, 1.5, 1_000),
                (sg, 120.5, 7, 0, 0),
                (hz, 0, 0, 2, 123_456_789),
                (sg, 86_400, 1_000_000_000_000, 0.25, 42),
                (hz, 1, 1, 1, 1),
            ]
        for (n, record) in records.enumerated() {
            func apply(_ ledger: inout CostLedger) {
                ledger.recordCompute(region: record.region, coreSeconds: record.coreSeconds)
                ledger.recordEgress(region: record.region, bytes: record.bytes)
                ledger.recordCredits(record.credits)
                ledger.recordCompleted(bytesDelivered: record.delivered)
            }
            apply(&all)
            if n.isMultiple(of: 2) { apply(&first) } else { apply(&second) }
        }
        let merged = first.merging(second)
        #expect(merged == all)
        #expect(second.merging(first) == all)
        #expect(merged.summary(prices: prices) == all.summary(prices: prices))
        #expect(merged.requestsCompleted == 5)
        #expect(merged.busyCoreSeconds == [3_601, 86_520.5])

        var inPlace = first
        inPlace.merge(second)
        #expect(inPlace == all)
        #expect(all.merging(CostLedger(regionCount: 2)) == all)
    }

    @Test("a negative, NaN or infinite price throws naming the field", arguments: [-0.01, -.infinity, .infinity, .nan])
    func invalidPricesNameTheField(_ bad: Double) throws {
        let coreHour = #expect(throws: SpecError.self) {
            try RegionPricing(region: "hz", pricePerCoreHour: bad, pricePerEgressGB: 0.08)
        }
        #expect(coreHour?.element == .region("hz"))
        #expect(coreHour?.field == .price.child("core_hour"))

        let egress = #expect(throws: SpecError.self) {
            try RegionPricing(region: "hz", pricePerCoreHour: 0.05, pricePerEgressGB: bad)
        }
        #expect(egress?.element == .region("hz"))
        #expect(egress?.field.description == "price.egress")

        let credit = #expect(throws: SpecError.self) { try PriceList(regions: [], pricePerCredit: bad) }
        #expect(credit?.element == .cost)
        #expect(credit?.field == .credit)
    }

    @Test("zero prices are valid")
    func zeroPricesAreValid() throws {
        let free = try RegionPricing(region: "free", pricePerCoreHour: 0, pricePerEgressGB: 0)
        #expect(free.computeCost(coreSeconds: 1e9) == 0)
        #expect(free.egressCost(bytes: .max) == 0)
        _ = try PriceList(regions: [free], pricePerCredit: 0)
    }

    @Test("error messages name element, field and the problem")
    func errorDescriptions() {
        let negative = #expect(throws: SpecError.self) {
            try RegionPricing(region: "cn-hangzhou", pricePerCoreHour: 0.05, pricePerEgressGB: -0.5)
        }
        #expect(
            negative?.description
                == "region 'cn-hangzhou': price.egress: must not be negative, got -0.5"
        )

        let unnamed = #expect(throws: SpecError.self) {
            try RegionPricing(region: "", pricePerCoreHour: 0.05, pricePerEgressGB: 0.08)
        }
        #expect(unnamed?.description == "region: name: must not be empty")
    }

    @Test("a price list rejects a region named twice and finds regions by name")
    func priceListNames() throws {
        let a = try RegionPricing(region: "a", pricePerCoreHour: 1, pricePerEgressGB: 1)
        let b = try RegionPricing(region: "b", pricePerCoreHour: 2, pricePerEgressGB: 2)
        let duplicate = #expect(throws: SpecError.self) { try PriceList(regions: [a, b, a], pricePerCredit: 0) }
        #expect(duplicate?.element == .region("a") && duplicate?.field == .name)
        #expect(duplicate?.description == "region 'a': name: repeats the name 'a'")

        let prices = try PriceList(regions: [a, b], pricePerCredit: 0)
        #expect(prices.regionID(named: "b") == CostRegionID(1))
        #expect(prices.regionID(named: "c") == nil)
        #expect(prices[CostRegionID(0)] == a)
    }
}
