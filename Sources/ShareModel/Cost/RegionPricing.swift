/// The index of a priced region: its position in a ``PriceList``'s ``PriceList/regions``.
///
/// Regions are interned to these dense ids once; a ``CostLedger`` stores one slot per id and
/// every result lists regions in id order, never in hashing order.
public struct CostRegionID: Hashable, Comparable, Sendable {
    /// The index into the price list and the ledger's per-region tables.
    public var index: UInt32
    /// The region at `index`.
    @inlinable public init(_ index: UInt32) { self.index = index }
    @inlinable public static func < (lhs: CostRegionID, rhs: CostRegionID) -> Bool { lhs.index < rhs.index }
}

/// Decimal units used by every cost figure: operators bill in powers of ten, not of two.
public enum CostUnits {
    /// Seconds in one hour: 3,600.
    public static let secondsPerHour: Double = 3_600
    /// Seconds in one day: 86,400.
    public static let secondsPerDay: Double = 86_400
    /// Bytes in one gigabyte: 10⁹ (decimal GB, not GiB).
    public static let bytesPerGB: Double = 1e9
    /// Bytes in one terabyte: 10¹² (decimal TB, not TiB).
    public static let bytesPerTB: Double = 1e12
    /// Requests in one million: 10⁶.
    public static let requestsPerMillion: Double = 1e6
}

/// What one cloud region charges, in the price list's currency.
///
/// Compute is billed on demand per busy core-hour (3,600 core-seconds) and, for capacity
/// reserved or provisioned, per core-hour of every core of the region's zones for the whole
/// run, used or not. Egress is billed per decimal gigabyte (10⁹ bytes), or on the 95th
/// percentile of the region egress link's 5-minute rates (``PercentilePrice``), or both.
/// Valid by construction: the initialiser throws ``SpecError`` naming the field at fault.
public struct RegionPricing: Hashable, Sendable {
    /// The region's name (`cn-hangzhou`), used in messages and reports.
    public let region: String
    /// Money units per core-hour of busy compute (on demand); finite, ≥ 0.
    public let pricePerCoreHour: Double
    /// Money units per egress gigabyte (10⁹ bytes); finite, ≥ 0.
    public let pricePerEgressGB: Double
    /// Money units per provisioned core-hour, paid for every core of the region's zones over
    /// the whole measured span whether busy or not; finite, ≥ 0.
    public let pricePerProvisionedCoreHour: Double
    /// The price of the region egress link's percentile rate, if egress is billed that way.
    public let egress95th: PercentilePrice?
    /// Money units per gigabyte (10⁹ bytes) received over the region's ingress (backhaul,
    /// such as a leased cross-border line carrying camera video); finite, ≥ 0.
    public let pricePerIngressGB: Double
    /// The price of the ingress link's percentile rate, if the backhaul is billed that way.
    public let ingress95th: PercentilePrice?

    /// The prices of `region`: `pricePerCoreHour` money units per busy core-hour,
    /// `pricePerEgressGB` per egress GB (10⁹ bytes), `pricePerProvisionedCoreHour` per
    /// provisioned core-hour, `egress95th` on the egress link's percentile rate, and the
    /// backhaul: `pricePerIngressGB` per ingress GB and `ingress95th` on the ingress link's
    /// percentile rate.
    ///
    /// - Throws: ``SpecError`` about the region if the name is empty (field `name`) or a price
    ///   is NaN, infinite or negative (field `price.core_hour`, `price.egress`,
    ///   `price.provisioned_core_hour` or `price.ingress`).
    public init(
        region: String,
        pricePerCoreHour: Double,
        pricePerEgressGB: Double,
        pricePerProvisionedCoreHour: Double = 0,
        egress95th: PercentilePrice? = nil,
        pricePerIngressGB: Double = 0,
        ingress95th: PercentilePrice? = nil
    ) throws(SpecError) {
        let element = SpecElement.region(region)
        guard !region.isEmpty else { throw SpecError(element, .name, .emptyName) }
        try SpecError.requireNonNegative(pricePerCoreHour, element, .price.child("core_hour"))
        try SpecError.requireNonNegative(pricePerEgressGB, element, .price.child("egress"))
        try SpecError.requireNonNegative(pricePerProvisionedCoreHour, element, .price.child("provisioned_core_hour"))
        try SpecError.requireNonNegative(pricePerIngressGB, element, .price.child("ingress"))
        self.region = region
        self.pricePerCoreHour = pricePerCoreHour
        self.pricePerEgressGB = pricePerEgressGB
        self.pricePerProvisionedCoreHour = pricePerProvisionedCoreHour
        self.egress95th = egress95th
        self.pricePerIngressGB = pricePerIngressGB
        self.ingress95th = ingress95th
    }

    /// The money units charged for `coreSeconds` busy core-seconds: core-hours × price.
    @inlinable public func computeCost(coreSeconds: Double) -> Double {
        coreSeconds / CostUnits.secondsPerHour * pricePerCoreHour
    }

    /// The money units charged for `bytes` bytes of egress: decimal GB × price.
    @inlinable public func egressCost(bytes: UInt64) -> Double {
        Double(bytes) / CostUnits.bytesPerGB * pricePerEgressGB
    }
}

/// What one edge site's uplink is billed, in the price list's currency: per GB sent, on the
/// percentile of its 5-minute rates, or both.
public struct EdgeSitePricing: Hashable, Sendable {
    /// The edge site's name.
    public let site: String
    /// Money units per gigabyte (10⁹ bytes) the site sends; finite, ≥ 0.
    public let pricePerEgressGB: Double
    /// The price of the uplink's percentile rate, if billed that way.
    public let egress95th: PercentilePrice?

    /// The prices of edge site `site`.
    ///
    /// - Throws: ``SpecError`` about the site if the name is empty or the per-GB price is
    ///   NaN, infinite or negative (field `price.egress`).
    public init(site: String, pricePerEgressGB: Double, egress95th: PercentilePrice? = nil) throws(SpecError) {
        let element = SpecElement.edgeSite(site)
        guard !site.isEmpty else { throw SpecError(element, .name, .emptyName) }
        try SpecError.requireNonNegative(pricePerEgressGB, element, .price.child("egress"))
        self.site = site
        self.pricePerEgressGB = pricePerEgressGB
        self.egress95th = egress95th
    }
}

/// What a shared pool's devices are paid, in the price list's currency: per GB they serve,
/// on the percentile of the pool's 5-minute rates, and per GB-day of storage they lend.
public struct SharedPoolPricing: Hashable, Sendable {
    /// The pool's name.
    public let pool: String
    /// Money units per gigabyte (10⁹ bytes) served; finite, ≥ 0.
    public let pricePerGB: Double
    /// The price of the pool's percentile rate (all its devices' uploads summed), if paid so.
    public let bandwidth95th: PercentilePrice?
    /// Money units per gigabyte-day (10⁹ bytes lent for 86,400 s) of storage; finite, ≥ 0.
    public let pricePerStorageGBDay: Double

    /// The prices of shared pool `pool`.
    ///
    /// - Throws: ``SpecError`` about the pool if the name is empty or a price is NaN,
    ///   infinite or negative (field `price.per_gb` or `price.storage_gb_day`).
    public init(
        pool: String,
        pricePerGB: Double,
        bandwidth95th: PercentilePrice? = nil,
        pricePerStorageGBDay: Double = 0
    ) throws(SpecError) {
        let element = SpecElement.sharedPool(pool)
        guard !pool.isEmpty else { throw SpecError(element, .name, .emptyName) }
        try SpecError.requireNonNegative(pricePerGB, element, .price.child("per_gb"))
        try SpecError.requireNonNegative(pricePerStorageGBDay, element, .price.child("storage_gb_day"))
        self.pool = pool
        self.pricePerGB = pricePerGB
        self.bandwidth95th = bandwidth95th
        self.pricePerStorageGBDay = pricePerStorageGBDay
    }
}

/// Every price a run is billed at, in one currency: one ``RegionPricing`` per region,
/// indexed by ``CostRegionID``, the edge sites' and shared pools' prices in spec order, and
/// the money paid per credit earned by shared devices.
public struct PriceList: Hashable, Sendable {
    /// The ISO 4217 code of every amount (`CNY`), or nil when built in code without one.
    public let currency: String?
    /// The regions' prices; `regions[i]` prices ``CostRegionID`` `i`. Names are unique.
    public let regions: [RegionPricing]
    /// The edge sites' prices, one per edge site of the spec in order, or empty (unpriced).
    public let edgeSites: [EdgeSitePricing]
    /// The shared pools' prices, one per pool of the spec in order, or empty (unpriced).
    public let sharedPools: [SharedPoolPricing]
    /// Money units paid to shared devices per credit they earn; finite, ≥ 0.
    public let pricePerCredit: Double

    /// A price list in `currency` over `regions` (in id order), `edgeSites` and `sharedPools`
    /// (spec order, or empty), paying `pricePerCredit` money units per credit.
    ///
    /// - Throws: ``SpecError`` if `pricePerCredit` is NaN, infinite or negative (element `cost`,
    ///   field `credit`), or two regions share a name (the later region, field `name`).
    public init(
        currency: String? = nil,
        regions: [RegionPricing],
        edgeSites: [EdgeSitePricing] = [],
        sharedPools: [SharedPoolPricing] = [],
        pricePerCredit: Double
    ) throws(SpecError) {
        try SpecError.requireNonNegative(pricePerCredit, .cost, .credit)
        // Quadratic, but there are tens of regions; no Set, so no hashing order.
        for later in regions.indices {
            for earlier in 0..<later where regions[earlier].region == regions[later].region {
                throw SpecError(.region(regions[later].region), .name, .duplicateName(regions[later].region))
            }
        }
        precondition(regions.count <= Int(UInt32.max), "price list: more regions than 32-bit ids")
        self.currency = currency
        self.regions = regions
        self.edgeSites = edgeSites
        self.sharedPools = sharedPools
        self.pricePerCredit = pricePerCredit
    }

    /// The id of the region named `name`, or nil if none has it.
    ///
    /// - Complexity: O(*n*) in the number of regions; intern once at load, not per event.
    public func regionID(named name: String) -> CostRegionID? {
        regions.firstIndex { $0.region == name }.map { CostRegionID(UInt32($0)) }
    }

    /// The prices of `region`, which must be one of this list's ids.
    public subscript(region: CostRegionID) -> RegionPricing {
        precondition(Int(region.index) < regions.count, "price list: unknown region id \(region.index)")
        return regions[Int(region.index)]
    }
}
