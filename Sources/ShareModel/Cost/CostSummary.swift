/// The cost of one region in a ``CostSummary``, in money units.
public struct RegionCost: Hashable, Sendable {
    /// The region's id in the ``PriceList``.
    public let id: CostRegionID
    /// The region's name, from its ``RegionPricing``.
    public let region: String
    /// Busy core-seconds billed.
    public let busyCoreSeconds: Double
    /// Egress bytes billed.
    public let egressBytes: UInt64
    /// Money units for compute: busy core-seconds / 3,600 × ``RegionPricing/pricePerCoreHour``.
    public let compute: Double
    /// Money units for egress: bytes / 10⁹ × ``RegionPricing/pricePerEgressGB``.
    public let egress: Double
    /// Money units in all: `compute + egress`.
    public var total: Double { compute + egress }
}

/// What a run cost, priced from a ``CostLedger`` with a ``PriceList``; all money in
/// currency-agnostic money units, all sizes decimal (1 GB = 10⁹ bytes, 1 TB = 10¹² bytes).
///
/// Unit costs are nil when their denominator is zero (no request completed, no byte
/// delivered), so no figure is ever NaN or infinite from a division by zero.
public struct CostSummary: Hashable, Sendable {
    /// Per-region compute and egress, in ``CostRegionID`` order.
    public let regions: [RegionCost]
    /// Money units for compute over every region (summed in id order).
    public let compute: Double
    /// Money units for egress over every region (summed in id order).
    public let egress: Double
    /// Credits earned by shared devices.
    public let creditsEarned: Double
    /// Money units paid to shared devices: credits × ``PriceList/pricePerCredit``.
    public let credits: Double
    /// Requests completed.
    public let requestsCompleted: UInt64
    /// Bytes delivered to clients.
    public let bytesDelivered: UInt64

    /// Money units in all: `compute + egress + credits`.
    public var total: Double { compute + egress + credits }

    /// Money units per million completed requests: total / (requests / 10⁶); nil if no
    /// request completed.
    public var costPerMillionRequests: Double? {
        guard requestsCompleted > 0 else { return nil }
        return total / (Double(requestsCompleted) / CostUnits.requestsPerMillion)
    }

    /// Money units per terabyte delivered: total / (bytes / 10¹²), with 1 TB = 10¹² bytes;
    /// nil if no byte was delivered.
    public var costPerTBDelivered: Double? {
        guard bytesDelivered > 0 else { return nil }
        return total / (Double(bytesDelivered) / CostUnits.bytesPerTB)
    }

    /// Prices `ledger` at `prices`.
    ///
    /// - Precondition: `prices` has exactly `ledger.regionCount` regions.
    /// - Complexity: O(*regions*).
    public init(ledger: CostLedger, prices: PriceList) {
        precondition(
            prices.regions.count == ledger.regionCount,
            "cost summary: \(prices.regions.count) priced regions for a ledger of \(ledger.regionCount)"
        )
        var regions: [RegionCost] = []
        regions.reserveCapacity(ledger.regionCount)
        var compute = 0.0
        var egress = 0.0
        for index in 0..<ledger.regionCount {
            let pricing = prices.regions[index]
            let coreSeconds = ledger.busyCoreSeconds[index]
            let bytes = ledger.egressBytes[index]
            let cost = RegionCost(
                id: CostRegionID(UInt32(index)),
                region: pricing.region,
                busyCoreSeconds: coreSeconds,
                egressBytes: bytes,
                compute: pricing.computeCost(coreSeconds: coreSeconds),
                egress: pricing.egressCost(bytes: bytes)
            )
            compute += cost.compute
            egress += cost.egress
            regions.append(cost)
        }
        self.regions = regions
        self.compute = compute
        self.egress = egress
        self.creditsEarned = ledger.credits
        self.credits = ledger.credits * prices.pricePerCredit
        self.requestsCompleted = ledger.requestsCompleted
        self.bytesDelivered = ledger.bytesDelivered
    }
}
