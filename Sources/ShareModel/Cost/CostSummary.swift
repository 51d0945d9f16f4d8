/// The cost of one region in a ``CostSummary``, in the price list's currency.
public struct RegionCost: Hashable, Sendable {
    /// The region's id in the ``PriceList``.
    public let id: CostRegionID
    /// The region's name, from its ``RegionPricing``.
    public let region: String
    /// Busy core-seconds billed.
    public let busyCoreSeconds: Double
    /// Egress bytes billed.
    public let egressBytes: UInt64
    /// On-demand compute: busy core-seconds / 3,600 × ``RegionPricing/pricePerCoreHour``.
    public let compute: Double
    /// Egress per GB: bytes / 10⁹ × ``RegionPricing/pricePerEgressGB``.
    public let egress: Double
    /// Provisioned compute: provisioned core-hours × ``RegionPricing/pricePerProvisionedCoreHour``.
    public var provisioned: Double = 0
    /// Egress on the percentile: percentile Mbit/s × price, prorated (``PercentilePrice``).
    public var egress95th: Double = 0
    /// The egress link's billed percentile rate in Mbit/s, or nil when not billed so.
    public var egress95thMbps: Double? = nil
    /// Ingress (backhaul) bytes billed.
    public var ingressBytes: UInt64 = 0
    /// The backhaul: ingress bytes / 10⁹ × ``RegionPricing/pricePerIngressGB`` plus the
    /// ingress link's percentile rate × its price, prorated.
    public var backhaul: Double = 0
    /// The ingress link's billed percentile rate in Mbit/s, or nil when not billed so.
    public var backhaul95thMbps: Double? = nil
    /// Everything the region costs.
    public var total: Double { compute + provisioned + egress + egress95th + backhaul }
}

/// The cost of one edge site or shared pool in a ``CostSummary``, in the price list's currency.
public struct SiteCost: Hashable, Sendable {
    /// The site's name.
    public let site: String
    /// Bytes the site (or the pool's devices) sent.
    public let bytes: UInt64
    /// Per-GB charge: bytes / 10⁹ × the per-GB price.
    public let perGB: Double
    /// Percentile charge: percentile Mbit/s × price, prorated (``PercentilePrice``).
    public let percentile: Double
    /// The billed percentile rate in Mbit/s, or nil when not billed so.
    public let percentileMbps: Double?
    /// Storage lent: GB-days × the price (pools only, else 0).
    public let storage: Double
    /// Credits paid to the pool's devices at the credit price (pools only, else 0).
    public let credits: Double
    /// Everything the site costs.
    public var total: Double { perGB + percentile + storage + credits }
}

/// What a run cost, priced from a ``CostLedger`` with a ``PriceList``; all money in the price
/// list's currency, all sizes decimal (1 GB = 10⁹ bytes, 1 TB = 10¹² bytes).
///
/// Unit costs are nil when their denominator is zero (no request completed, no byte
/// delivered, no time measured), so no figure is ever NaN or infinite from a division by zero.
public struct CostSummary: Hashable, Sendable {
    /// The currency of every amount, when the price list has one.
    public var currency: String? = nil
    /// Per-region costs, in ``CostRegionID`` order.
    public let regions: [RegionCost]
    /// Per edge site, in spec order (empty when edge sites are unpriced).
    public var edgeSites: [SiteCost] = []
    /// Per shared pool, in spec order (empty when pools are unpriced).
    public var sharedPools: [SiteCost] = []
    /// On-demand compute over every region (summed in id order).
    public let compute: Double
    /// Egress per GB over every region (summed in id order).
    public let egress: Double
    /// Provisioned compute over every region.
    public var provisioned: Double = 0
    /// Egress on the percentile over every region.
    public var egress95th: Double = 0
    /// Backhaul (region ingress) per GB and on the percentile, over every region.
    public var backhaul: Double = 0
    /// Edge sites' delivery: per GB and on the percentile.
    public var edge: Double = 0
    /// Shared devices paid per GB served.
    public var sharedPerGB: Double = 0
    /// Shared devices paid on the pools' percentile rates.
    public var shared95th: Double = 0
    /// Shared devices paid for storage lent.
    public var sharedStorage: Double = 0
    /// Credits earned by shared devices.
    public let creditsEarned: Double
    /// Money paid to shared devices for credits: credits × ``PriceList/pricePerCredit``.
    public let credits: Double
    /// Requests completed.
    public let requestsCompleted: UInt64
    /// Bytes delivered to clients.
    public let bytesDelivered: UInt64
    /// Seconds measured.
    public var measuredSeconds: Double = 0

    /// Everything: compute (on demand and provisioned), egress (per GB and percentile), edge,
    /// shared devices (per GB, percentile, storage), credits and backhaul.
    public var total: Double {
        compute + provisioned + egress + egress95th + edge + sharedPerGB + shared95th + sharedStorage + credits
            + backhaul
    }

    /// Money per million completed requests: total / (requests / 10⁶); nil if no
    /// request completed.
    public var costPerMillionRequests: Double? {
        guard requestsCompleted > 0 else { return nil }
        return total / (Double(requestsCompleted) / CostUnits.requestsPerMillion)
    }

    /// Money per terabyte delivered: total / (bytes / 10¹²), with 1 TB = 10¹² bytes;
    /// nil if no byte was delivered.
    public var costPerTBDelivered: Double? {
        guard bytesDelivered > 0 else { return nil }
        return total / (Double(bytesDelivered) / CostUnits.bytesPerTB)
    }

    /// Money per hour of the measured span at its load: total / measured hours; nil when
    /// nothing was measured. A scenario that models a peak gives the cost of a peak hour.
    public var costPerHour: Double? {
        guard measuredSeconds > 0 else { return nil }
        return total / (measuredSeconds / CostUnits.secondsPerHour)
    }

    /// Prices `ledger` at `prices`.
    ///
    /// - Precondition: `prices` has exactly `ledger.regionCount` regions.
    /// - Complexity: O(*regions* + *sites* + *billed links* × *samples* log *samples*).
    public init(ledger: CostLedger, prices: PriceList) {
        precondition(
            prices.regions.count == ledger.regionCount,
            "cost summary: \(prices.regions.count) priced regions for a ledger of \(ledger.regionCount)"
        )
        let seconds = ledger.measuredSeconds
        func percentile(_ link: Int, _ price: PercentilePrice?) -> (cost: Double, mbps: Double?) {
            guard let price, link >= 0, let samples = ledger.samples else { return (0, nil) }
            let mbps = samples.percentileMbps(link: link, percentile: price.percentile)
            return (price.cost(mbps: mbps, seconds: seconds), mbps)
        }
        var regions: [RegionCost] = []
        regions.reserveCapacity(ledger.regionCount)
        var compute = 0.0
        var egress = 0.0
        var provisioned = 0.0
        var egress95th = 0.0
        var backhaul = 0.0
        for index in 0..<ledger.regionCount {
            let pricing = prices.regions[index]
            let coreSeconds = ledger.busyCoreSeconds[index]
            let bytes = ledger.egressBytes[index]
            let billed = percentile(ledger.regionSampleLink[index], pricing.egress95th)
            let ingressBilled = percentile(ledger.regionIngressSampleLink[index], pricing.ingress95th)
            let ingressBytes = ledger.ingressBytes[index]
            let cost = RegionCost(
                id: CostRegionID(UInt32(index)),
                region: pricing.region,
                busyCoreSeconds: coreSeconds,
                egressBytes: bytes,
                compute: pricing.computeCost(coreSeconds: coreSeconds),
                egress: pricing.egressCost(bytes: bytes),
                provisioned: ledger.provisionedCoreSeconds[index] / CostUnits.secondsPerHour
                    * pricing.pricePerProvisionedCoreHour,
                egress95th: billed.cost,
                egress95thMbps: billed.mbps,
                ingressBytes: ingressBytes,
                backhaul: Double(ingressBytes) / CostUnits.bytesPerGB * pricing.pricePerIngressGB + ingressBilled.cost,
                backhaul95thMbps: ingressBilled.mbps
            )
            backhaul += cost.backhaul
            compute += cost.compute
            egress += cost.egress
            provisioned += cost.provisioned
            egress95th += cost.egress95th
            regions.append(cost)
        }
        var edgeSites: [SiteCost] = []
        var edge = 0.0
        for (index, pricing) in prices.edgeSites.enumerated() where index < ledger.edgeBytes.count {
            let bytes = ledger.edgeBytes[index]
            let billed = percentile(ledger.edgeSampleLink[index], pricing.egress95th)
            let cost = SiteCost(
                site: pricing.site,
                bytes: bytes,
                perGB: Double(bytes) / CostUnits.bytesPerGB * pricing.pricePerEgressGB,
                percentile: billed.cost,
                percentileMbps: billed.mbps,
                storage: 0,
                credits: 0
            )
            edge += cost.total
            edgeSites.append(cost)
        }
        var sharedPools: [SiteCost] = []
        var sharedPerGB = 0.0
        var shared95th = 0.0
        var sharedStorage = 0.0
        for (index, pricing) in prices.sharedPools.enumerated() where index < ledger.poolBytes.count {
            let bytes = ledger.poolBytes[index]
            let billed = percentile(ledger.poolSampleLink[index], pricing.bandwidth95th)
            let gbDays = ledger.poolStorageByteSeconds[index] / CostUnits.bytesPerGB / CostUnits.secondsPerDay
            let cost = SiteCost(
                site: pricing.pool,
                bytes: bytes,
                perGB: Double(bytes) / CostUnits.bytesPerGB * pricing.pricePerGB,
                percentile: billed.cost,
                percentileMbps: billed.mbps,
                storage: gbDays * pricing.pricePerStorageGBDay,
                credits: ledger.poolCredits[index] * prices.pricePerCredit
            )
            sharedPerGB += cost.perGB
            shared95th += cost.percentile
            sharedStorage += cost.storage
            sharedPools.append(cost)
        }
        self.currency = prices.currency
        self.regions = regions
        self.edgeSites = edgeSites
        self.sharedPools = sharedPools
        self.compute = compute
        self.egress = egress
        self.provisioned = provisioned
        self.egress95th = egress95th
        self.backhaul = backhaul
        self.edge = edge
        self.sharedPerGB = sharedPerGB
        self.shared95th = shared95th
        self.sharedStorage = sharedStorage
        self.creditsEarned = ledger.credits
        self.credits = ledger.credits * prices.pricePerCredit
        self.requestsCompleted = ledger.requestsCompleted
        self.bytesDelivered = ledger.bytesDelivered
        self.measuredSeconds = seconds
    }
}
