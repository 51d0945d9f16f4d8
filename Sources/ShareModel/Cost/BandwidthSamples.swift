public import SimCore

/// The bytes each billed link carried in every 5-minute bucket of the measured span, the
/// samples that 95th-percentile billing is computed from.
///
/// A transfer's bytes are spread evenly over the time it took (``record(link:bytes:from:to:)``):
/// the two end buckets get their overlap directly and the full buckets between get a step
/// in a difference array, so recording is O(1) and allocation-free whatever the transfer's
/// length. This is exact for a transfer alone on its link (its rate is constant); when flows
/// share a link their rates change as others come and go, and the even spread is an
/// approximation of when the bytes moved (the total per link is always exact).
///
/// Storage is two `Double`s per link and bucket, allocated once from the run length: a
/// 30-day run has 8,640 buckets, 138 KB per link.
public struct BandwidthSamples: Hashable, Sendable {
    /// The length of one sample, 5 minutes, as carriers bill.
    public static let sampleLength = SimDuration.seconds(300)

    /// The start of the first bucket (the end of the warm-up).
    public let start: SimTime
    /// The end of the last bucket (the end of the run); the last bucket may be shorter.
    public let end: SimTime
    /// The number of links sampled.
    public let linkCount: Int
    /// The number of buckets per link: ⌈(end − start) / 5 min⌉, at least 1.
    public let bucketCount: Int
    /// Bytes added to one bucket directly, `link * bucketCount + bucket`.
    private var direct: [Double]
    /// Difference array of the bytes every full bucket between a transfer's ends receives.
    private var steps: [Double]

    /// Empty samples of `linkCount` links over `start..<end`.
    ///
    /// - Precondition: `end > start`, `linkCount ≥ 0`.
    public init(linkCount: Int, from start: SimTime, to end: SimTime) {
        precondition(end > start && linkCount >= 0, "bandwidth samples: empty span or bad link count")
        let length = Self.sampleLength.nanoseconds
        let span = (end - start).nanoseconds
        self.start = start
        self.end = end
        self.linkCount = linkCount
        bucketCount = Int((span + length - 1) / length)
        direct = Array(repeating: 0, count: linkCount * bucketCount)
        steps = Array(repeating: 0, count: linkCount * (bucketCount + 1))
    }

    /// Adds `bytes` sent over `link` evenly between `from` and `to`; only the part inside the
    /// sampled span is kept. A transfer with `to == from` lands in the bucket holding `to`.
    ///
    /// - Precondition: `link < linkCount`, `bytes` finite and ≥ 0, `to ≥ from`.
    /// - Complexity: O(1), no allocation.
    public mutating func record(link: Int, bytes: Double, from: SimTime, to: SimTime) {
        assert(link >= 0 && link < linkCount && bytes >= 0 && to >= from, "bandwidth samples: bad record")
        let length = Self.sampleLength.nanoseconds
        let base = link * bucketCount
        let origin = start.nanoseconds
        if to == from {
            guard to >= start, to <= end else { return }
            let bucket = min(Int((to.nanoseconds - origin) / length), bucketCount - 1)
            direct[base + bucket] += bytes
            return
        }
        let first = max(from, start).nanoseconds
        let last = min(to, end).nanoseconds
        guard last > first else { return }
        let rate = bytes / Double((to - from).nanoseconds)
        let b0 = Int((first - origin) / length)
        let b1 = Int((last - origin - 1) / length)
        if b0 == b1 {
            direct[base + b0] += rate * Double(last - first)
            return
        }
        direct[base + b0] += rate * Double(origin + Int64(b0 + 1) * length - first)
        direct[base + b1] += rate * Double(last - (origin + Int64(b1) * length))
        if b1 > b0 + 1 {
            let stepBase = link * (bucketCount + 1)
            steps[stepBase + b0 + 1] += rate * Double(length)
            steps[stepBase + b1] -= rate * Double(length)
        }
    }

    /// Adds `other`'s bytes (samples of the same links over the same span) bucket by bucket.
    ///
    /// - Precondition: same span and link count.
    /// - Complexity: O(links × buckets).
    public mutating func merge(_ other: BandwidthSamples) {
        precondition(
            other.start == start && other.end == end && other.linkCount == linkCount,
            "bandwidth samples: merging samples of another span"
        )
        for index in direct.indices { direct[index] += other.direct[index] }
        for index in steps.indices { steps[index] += other.steps[index] }
    }

    /// The average rate of `link` in each bucket, in Mbit/s (10⁶ bit/s), in time order; the
    /// last bucket's average is over its own (possibly shorter) length.
    ///
    /// - Complexity: O(buckets).
    public func samplesMbps(link: Int) -> [Double] {
        precondition(link >= 0 && link < linkCount, "bandwidth samples: unknown link \(link)")
        let length = Self.sampleLength.nanoseconds
        let base = link * bucketCount
        let stepBase = link * (bucketCount + 1)
        var running = 0.0
        var samples: [Double] = []
        samples.reserveCapacity(bucketCount)
        for bucket in 0..<bucketCount {
            running += steps[stepBase + bucket]
            let bucketStart = start.nanoseconds + Int64(bucket) * length
            let seconds = Double(min(length, end.nanoseconds - bucketStart)) * 1e-9
            samples.append((direct[base + bucket] + running) * 8 / seconds / 1e6)
        }
        return samples
    }

    /// The `percentile`-th percentile of `link`'s 5-minute average rates, in Mbit/s.
    ///
    /// - Complexity: O(buckets × log buckets).
    public func percentileMbps(link: Int, percentile: Double) -> Double {
        Self.nearestRank(samplesMbps(link: link), percentile: percentile)
    }

    /// The nearest-rank `percentile`-th percentile of `samples`, the way carriers bill: sort
    /// ascending and take the ⌈p/100 × n⌉-th value (for p = 95, drop the top 5%); 0 when
    /// there are no samples.
    ///
    /// - Precondition: `percentile` in (0, 100].
    /// - Complexity: O(n log n).
    public static func nearestRank(_ samples: [Double], percentile: Double) -> Double {
        precondition(percentile > 0 && percentile <= 100, "nearest rank: percentile \(percentile) outside (0, 100]")
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        // p × n / 100, not p / 100 × n: 95 × 20 / 100 is exactly 19.
        let rank = Int((percentile * Double(sorted.count) / 100).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
