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
    /// Bytes in one gigabyte: 10⁹ (decimal GB, not GiB).
    public static let bytesPerGB: Double = 1e9
    /// Bytes in one terabyte: 10¹² (decimal TB, not TiB).
    public static let bytesPerTB: Double = 1e12
    /// Requests in one million: 10⁶.
    public static let requestsPerMillion: Double = 1e6
}

/// What one cloud region charges, in currency-agnostic money units.
///
/// Prices are per core-hour of busy compute (3,600 core-seconds) and per decimal gigabyte
/// (10⁹ bytes) of egress. Valid by construction: the initialiser throws ``SpecError``
/// naming the field at fault.
public struct RegionPricing: Hashable, Sendable {
    /// The region's name (`cn-hangzhou`), used in messages and reports.
    public let region: String
    /// Money units per core-hour of busy compute; finite, ≥ 0.
    public let pricePerCoreHour: Double
    /// Money units per egress gigabyte (10⁹ bytes); finite, ≥ 0.
    public let pricePerEgressGB: Double

    /// The prices of `region`: `pricePerCoreHour` money units per busy core-hour and
    /// `pricePerEgressGB` money units per egress GB (10⁹ bytes).
    ///
    /// - Throws: ``SpecError`` about the region if the name is empty (field `name`) or a price
    ///   is NaN, infinite or negative (field `price.core_hour` or `price.egress`).
    public init(region: String, pricePerCoreHour: Double, pricePerEgressGB: Double) throws(SpecError) {
        let element = SpecElement.region(region)
        guard !region.isEmpty else { throw SpecError(element, .name, .emptyName) }
        try SpecError.requireNonNegative(pricePerCoreHour, element, .price.child("core_hour"))
        try SpecError.requireNonNegative(pricePerEgressGB, element, .price.child("egress"))
        self.region = region
        self.pricePerCoreHour = pricePerCoreHour
        self.pricePerEgressGB = pricePerEgressGB
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

/// Every price a run is billed at: one ``RegionPricing`` per region, indexed by
/// ``CostRegionID``, and the money paid per credit earned by shared devices.
public struct PriceList: Hashable, Sendable {
    /// The regions' prices; `regions[i]` prices ``CostRegionID`` `i`. Names are unique.
    public let regions: [RegionPricing]
    /// Money units paid to shared devices per credit they earn; finite, ≥ 0.
    public let pricePerCredit: Double

    /// A price list over `regions` (in id order) paying `pricePerCredit` money units per credit.
    ///
    /// - Throws: ``SpecError`` if `pricePerCredit` is NaN, infinite or negative (element `cost`,
    ///   field `credit`), or two regions share a name (the later region, field `name`).
    public init(regions: [RegionPricing], pricePerCredit: Double) throws(SpecError) {
        try SpecError.requireNonNegative(pricePerCredit, .cost, .credit)
        // Quadratic, but there are tens of regions; no Set, so no hashing order.
        for later in regions.indices {
            for earlier in 0..<later where regions[earlier].region == regions[later].region {
                throw SpecError(.region(regions[later].region), .name, .duplicateName(regions[later].region))
            }
        }
        precondition(regions.count <= Int(UInt32.max), "price list: more regions than 32-bit ids")
        self.regions = regions
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
