public import SimCore

/// The billable quantities of a run, accumulated as it goes; priced later by a ``PriceList``.
///
/// Per region (a dense ``CostRegionID``): busy and provisioned core-seconds and egress bytes.
/// Per edge site and shared pool (spec order): bytes sent; per pool, storage byte-seconds
/// lent and credits. For every link billed on a percentile (``PercentilePrice``): its
/// 5-minute samples (``BandwidthSamples``). For the whole run: requests completed, bytes
/// delivered and the measured seconds. Recording is O(1) and allocation-free; ledgers from
/// shards of one run combine with ``merge(_:)``, and ``summary(prices:)`` turns one into a
/// ``CostSummary``.
public struct CostLedger: Hashable, Sendable {
    /// Provisioned core-seconds per region (every core of its zones × measured seconds).
    public private(set) var provisionedCoreSeconds: [Double]
    /// Bytes each edge site sent, in spec order.
    public private(set) var edgeBytes: [UInt64]
    /// Bytes each shared pool's devices sent, in spec order.
    public private(set) var poolBytes: [UInt64]
    /// Credits each shared pool's devices earned, in spec order.
    public private(set) var poolCredits: [Double]
    /// Storage lent by each shared pool, in byte-seconds, in spec order.
    public private(set) var poolStorageByteSeconds: [Double]
    /// The measured span's length in seconds (the base of prorated and per-hour figures).
    public private(set) var measuredSeconds: Double
    /// The 5-minute samples of every link billed on a percentile, or nil when none is.
    public private(set) var samples: BandwidthSamples?
    /// The sample link of each region's egress, or -1 when not sampled.
    public let regionSampleLink: [Int]
    /// The sample link of each region's ingress (backhaul), or -1 when not sampled.
    public let regionIngressSampleLink: [Int]
    /// Ingress (backhaul) bytes per region, indexed by ``CostRegionID``.
    public private(set) var ingressBytes: [UInt64]
    /// The sample link of each edge site's uplink, or -1 when not sampled.
    public let edgeSampleLink: [Int]
    /// The sample link of each shared pool (its devices' uploads summed), or -1.
    public let poolSampleLink: [Int]
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

    /// An empty ledger for `regionCount` regions, ids `0..<regionCount`, `edgeSiteCount` edge
    /// sites and `poolCount` shared pools, sampling nothing.
    public init(regionCount: Int, edgeSiteCount: Int = 0, poolCount: Int = 0) {
        precondition(regionCount >= 0 && regionCount <= Int(UInt32.max), "cost ledger: bad region count \(regionCount)")
        busyCoreSeconds = Array(repeating: 0, count: regionCount)
        provisionedCoreSeconds = Array(repeating: 0, count: regionCount)
        egressBytes = Array(repeating: 0, count: regionCount)
        ingressBytes = egressBytes
        edgeBytes = Array(repeating: 0, count: edgeSiteCount)
        poolBytes = Array(repeating: 0, count: poolCount)
        poolCredits = Array(repeating: 0, count: poolCount)
        poolStorageByteSeconds = Array(repeating: 0, count: poolCount)
        credits = 0
        requestsCompleted = 0
        bytesDelivered = 0
        measuredSeconds = 0
        samples = nil
        regionSampleLink = Array(repeating: -1, count: regionCount)
        regionIngressSampleLink = regionSampleLink
        edgeSampleLink = Array(repeating: -1, count: edgeSiteCount)
        poolSampleLink = Array(repeating: -1, count: poolCount)
    }

    /// An empty ledger with one slot per region, edge site and pool of `prices`.
    public init(prices: PriceList) {
        self.init(
            regionCount: prices.regions.count,
            edgeSiteCount: prices.edgeSites.count,
            poolCount: prices.sharedPools.count
        )
    }

    /// An empty ledger for a run measured over `start..<end` with `edgeSiteCount` edge sites
    /// and `poolCount` pools, sampling every link `prices` bills on a percentile.
    ///
    /// - Precondition: `end > start`; `prices` lists no edge sites or exactly
    ///   `edgeSiteCount`, and no pools or exactly `poolCount`.
    public init(prices: PriceList, edgeSiteCount: Int, poolCount: Int, measuredFrom start: SimTime, to end: SimTime) {
        precondition(prices.edgeSites.isEmpty || prices.edgeSites.count == edgeSiteCount, "cost ledger: edge prices")
        precondition(prices.sharedPools.isEmpty || prices.sharedPools.count == poolCount, "cost ledger: pool prices")
        var links = 0
        func slot(_ billed: Bool) -> Int {
            guard billed else { return -1 }
            links += 1
            return links - 1
        }
        let regionLinks = prices.regions.map { slot($0.egress95th != nil) }
        let edgeLinks = (0..<edgeSiteCount).map { index in
            slot(index < prices.edgeSites.count && prices.edgeSites[index].egress95th != nil)
        }
        let poolLinks = (0..<poolCount).map { index in
            slot(index < prices.sharedPools.count && prices.sharedPools[index].bandwidth95th != nil)
        }
        let ingressLinks = prices.regions.map { slot($0.ingress95th != nil) }
        busyCoreSeconds = Array(repeating: 0, count: prices.regions.count)
        provisionedCoreSeconds = busyCoreSeconds
        egressBytes = Array(repeating: 0, count: prices.regions.count)
        ingressBytes = egressBytes
        edgeBytes = Array(repeating: 0, count: edgeSiteCount)
        poolBytes = Array(repeating: 0, count: poolCount)
        poolCredits = Array(repeating: 0, count: poolCount)
        poolStorageByteSeconds = poolCredits
        credits = 0
        requestsCompleted = 0
        bytesDelivered = 0
        measuredSeconds = (end - start).seconds
        samples = links > 0 ? BandwidthSamples(linkCount: links, from: start, to: end) : nil
        regionSampleLink = regionLinks
        regionIngressSampleLink = ingressLinks
        edgeSampleLink = edgeLinks
        poolSampleLink = poolLinks
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
    /// ``PriceList/pricePerCredit``), to pool `pool`'s own tally too when given.
    ///
    /// - Precondition: `credits` is finite and non-negative.
    /// - Complexity: O(1).
    public mutating func recordCredits(_ credits: Double, pool: Int? = nil) {
        precondition(credits.isFinite && credits >= 0, "cost ledger: bad credits \(credits)")
        self.credits += credits
        if let pool { poolCredits[pool] += credits }
    }

    /// Adds `bytes` sent out of `region` between `from` and `to`: counted for per-GB egress
    /// (see ``recordEgress(region:bytes:)``) and sampled when the region is billed on a
    /// percentile.
    ///
    /// - Complexity: O(1), no allocation.
    public mutating func recordEgress(region: CostRegionID, bytes: UInt64, from: SimTime, to: SimTime) {
        recordEgress(region: region, bytes: bytes)
        let link = regionSampleLink[Int(region.index)]
        if link >= 0 { samples?.record(link: link, bytes: Double(bytes), from: from, to: to) }
    }

    /// Adds `bytes` received by `region` over its ingress (backhaul) between `from` and `to`:
    /// counted for per-GB backhaul and sampled when the region's ingress is billed on a
    /// percentile. The total saturates at `UInt64.max`.
    ///
    /// - Complexity: O(1), no allocation.
    public mutating func recordIngress(region: CostRegionID, bytes: UInt64, from: SimTime, to: SimTime) {
        let index = Int(region.index)
        ingressBytes[index] = Self.saturatingSum(ingressBytes[index], bytes)
        let link = regionIngressSampleLink[index]
        if link >= 0 { samples?.record(link: link, bytes: Double(bytes), from: from, to: to) }
    }

    /// Adds `bytes` edge site `site` (spec index) sent between `from` and `to`.
    ///
    /// - Complexity: O(1), no allocation.
    public mutating func recordEdge(site: Int, bytes: UInt64, from: SimTime, to: SimTime) {
        edgeBytes[site] = Self.saturatingSum(edgeBytes[site], bytes)
        let link = edgeSampleLink[site]
        if link >= 0 { samples?.record(link: link, bytes: Double(bytes), from: from, to: to) }
    }

    /// Adds `bytes` the devices of pool `pool` (spec index) sent between `from` and `to`.
    ///
    /// - Complexity: O(1), no allocation.
    public mutating func recordPool(pool: Int, bytes: UInt64, from: SimTime, to: SimTime) {
        poolBytes[pool] = Self.saturatingSum(poolBytes[pool], bytes)
        let link = poolSampleLink[pool]
        if link >= 0 { samples?.record(link: link, bytes: Double(bytes), from: from, to: to) }
    }

    /// Adds `coreSeconds` provisioned core-seconds (cores × seconds provisioned) to `region`.
    ///
    /// - Complexity: O(1).
    public mutating func recordProvisioned(region: CostRegionID, coreSeconds: Double) {
        precondition(coreSeconds.isFinite && coreSeconds >= 0, "cost ledger: bad core-seconds \(coreSeconds)")
        provisionedCoreSeconds[Int(region.index)] += coreSeconds
    }

    /// Sets the measured span's length to `seconds` (shorter than planned when a run stops
    /// early); prorated and per-hour figures use it.
    public mutating func endMeasurement(seconds: Double) {
        precondition(seconds.isFinite && seconds >= 0, "cost ledger: bad measured seconds \(seconds)")
        measuredSeconds = seconds
    }

    /// Adds `byteSeconds` of storage lent (bytes × seconds) by pool `pool`.
    ///
    /// - Complexity: O(1).
    public mutating func recordStorage(pool: Int, byteSeconds: Double) {
        precondition(byteSeconds.isFinite && byteSeconds >= 0, "cost ledger: bad byte-seconds \(byteSeconds)")
        poolStorageByteSeconds[pool] += byteSeconds
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

    /// Adds every quantity of `other` (a shard of the same run: same shape and span) to this
    /// ledger, region by region; samples add bucket by bucket, the measured span is shared.
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
        precondition(
            other.edgeBytes.count == edgeBytes.count && other.poolBytes.count == poolBytes.count
                && other.regionSampleLink == regionSampleLink && other.edgeSampleLink == edgeSampleLink
                && other.poolSampleLink == poolSampleLink
                && other.regionIngressSampleLink == regionIngressSampleLink,
            "cost ledger: merging ledgers of different shapes"
        )
        for region in 0..<regionCount {
            busyCoreSeconds[region] += other.busyCoreSeconds[region]
            provisionedCoreSeconds[region] += other.provisionedCoreSeconds[region]
            egressBytes[region] = Self.saturatingSum(egressBytes[region], other.egressBytes[region])
            ingressBytes[region] = Self.saturatingSum(ingressBytes[region], other.ingressBytes[region])
        }
        for site in edgeBytes.indices { edgeBytes[site] = Self.saturatingSum(edgeBytes[site], other.edgeBytes[site]) }
        for pool in poolBytes.indices {
            poolBytes[pool] = Self.saturatingSum(poolBytes[pool], other.poolBytes[pool])
            poolCredits[pool] += other.poolCredits[pool]
            poolStorageByteSeconds[pool] += other.poolStorageByteSeconds[pool]
        }
        measuredSeconds = max(measuredSeconds, other.measuredSeconds)
        if let theirs = other.samples {
            if samples == nil { samples = theirs } else { samples?.merge(theirs) }
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
