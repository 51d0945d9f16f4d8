/// The billable quantities of a run, accumulated as it goes; priced later by a ``PriceList``.
///
/// Per region (a dense ``CostRegionID``): busy core-seconds and egress bytes. For the whole
/// run: credits earned by shared devices, requests completed and bytes delivered to clients.
/// Recording is O(1) and allocation-free; ledgers from parallel runs or shards combine with
/// ``merge(_:)``, and ``summary(prices:)`` turns one into a ``CostSummary``.
public struct CostLedger: Hashable, Sendable {
    /// Busy core-seconds per region, indexed by ``CostRegionID``.
    public private(set) var busyCoreSeconds: [Double]
    /// Egress bytes per region, indexed by ``CostRegionID``.
    public private(set) var egressBytes: [UInt64]
    /// Credits earned by shared devices (see ``SharedPool/totalCredits``); paid at
    /// ``PriceList/pricePerCredit`` money units each.
    public private(set) var credits: Double
    /// Requests completed (served) in the run.
    public private(set) var requestsCompleted: UInt64
    /// Bytes delivered to clients by completed requests.
    public private(set) var bytesDelivered: UInt64

    /// An empty ledger for `regionCount` regions, ids `0..<regionCount`.
    public init(regionCount: Int) {
        precondition(regionCount >= 0 && regionCount <= Int(UInt32.max), "cost ledger: bad region count \(regionCount)")
        busyCoreSeconds = Array(repeating: 0, count: regionCount)
        egressBytes = Array(repeating: 0, count: regionCount)
        credits = 0
        requestsCompleted = 0
        bytesDelivered = 0
    }

    /// An empty ledger with one slot per region of `prices`.
    public init(prices: PriceList) {
        self.init(regionCount: prices.regions.count)
    }

    /// The number of regions this ledger has slots for.
    public var regionCount: Int { busyCoreSeconds.count }

    /// Adds `coreSeconds` busy core-seconds (cores × seconds busy) to `region`.
    ///
    /// - Precondition: `coreSeconds` is finite and non-negative; `region` is in range.
    /// - Complexity: O(1).
    public mutating func recordCompute(region: CostRegionID, coreSeconds: Double) {
        precondition(coreSeconds.isFinite && coreSeconds >= 0, "cost ledger: bad core-seconds \(coreSeconds)")
        precondition(Int(region.index) < regionCount, "cost ledger: unknown region id \(region.index)")
        busyCoreSeconds[Int(region.index)] += coreSeconds
    }

    /// Adds `bytes` bytes sent out of `region` (egress).
    ///
    /// The total saturates at `UInt64.max` (18 EB) rather than trapping.
    ///
    /// - Precondition: `region` is in range.
    /// - Complexity: O(1).
    public mutating func recordEgress(region: CostRegionID, bytes: UInt64) {
        precondition(Int(region.index) < regionCount, "cost ledger: unknown region id \(region.index)")
        egressBytes[Int(region.index)] = Self.saturatingSum(egressBytes[Int(region.index)], bytes)
    }

    /// Adds `credits` credits earned by shared devices (not money: priced at
    /// ``PriceList/pricePerCredit``).
    ///
    /// - Precondition: `credits` is finite and non-negative.
    /// - Complexity: O(1).
    public mutating func recordCredits(_ credits: Double) {
        precondition(credits.isFinite && credits >= 0, "cost ledger: bad credits \(credits)")
        self.credits += credits
    }

    /// Adds `requests` completed requests that delivered `bytesDelivered` bytes in all.
    ///
    /// The totals saturate at `UInt64.max` rather than trapping.
    ///
    /// - Complexity: O(1).
    public mutating func recordCompleted(requests: UInt64 = 1, bytesDelivered: UInt64) {
        requestsCompleted = Self.saturatingSum(requestsCompleted, requests)
        self.bytesDelivered = Self.saturatingSum(self.bytesDelivered, bytesDelivered)
    }

    /// `a + b`, or `UInt64.max` when that overflows.
    static func saturatingSum(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    /// Adds every quantity of `other` to this ledger, region by region.
    ///
    /// Integer totals merge exactly; floating-point ones (core-seconds, credits) are summed,
    /// so merging in a fixed order (job order) keeps results reproducible.
    ///
    /// - Precondition: both ledgers have the same ``regionCount``.
    /// - Complexity: O(*regions*).
    public mutating func merge(_ other: CostLedger) {
        precondition(
            other.regionCount == regionCount,
            "cost ledger: merging \(other.regionCount) regions into \(regionCount)"
        )
        for region in 0..<regionCount {
            busyCoreSeconds[region] += other.busyCoreSeconds[region]
            egressBytes[region] = Self.saturatingSum(egressBytes[region], other.egressBytes[region])
        }
        credits += other.credits
        requestsCompleted = Self.saturatingSum(requestsCompleted, other.requestsCompleted)
        bytesDelivered = Self.saturatingSum(bytesDelivered, other.bytesDelivered)
    }

    /// This ledger with every quantity of `other` added; see ``merge(_:)``.
    public func merging(_ other: CostLedger) -> CostLedger {
        var merged = self
        merged.merge(other)
        return merged
    }

    /// The money this ledger costs at `prices`.
    ///
    /// - Precondition: `prices` has exactly ``regionCount`` regions.
    /// - Complexity: O(*regions*).
    public func summary(prices: PriceList) -> CostSummary {
        CostSummary(ledger: self, prices: prices)
    }
}
