/// Durations counted into fixed buckets with inclusive upper bounds, as a Prometheus
/// histogram counts them: a duration `d` falls in the first bucket whose bound `b` has
/// `d <= b`, or in the overflow bucket above the largest bound.
///
/// Counting is exact (whole nanoseconds compared with whole nanoseconds); the counts are
/// allocated once, so ``record(_:)`` is O(log bounds) and allocation-free.
///
/// ```swift
/// var buckets = LatencyBuckets(bounds: [.milliseconds(10), .seconds(1)])
/// buckets.record(.milliseconds(10))   // in the first bucket: 10 ms <= 10 ms
/// buckets.record(.seconds(5))         // in the overflow bucket
/// buckets.cumulativeCounts            // [1, 1, 2]
/// ```
public struct LatencyBuckets: Sendable, Equatable {
    /// The inclusive upper bounds, strictly increasing, in nanoseconds.
    private let boundNanoseconds: [Int64]
    /// The count of each bucket (not cumulative); the last one is the overflow bucket.
    public private(set) var counts: [UInt64]
    /// The exact sum of the recorded durations (negative ones as zero), in nanoseconds.
    private var sumNanoseconds: UInt128 = 0

    /// Empty buckets with inclusive upper bounds `bounds`.
    ///
    /// - Precondition: `bounds` is not empty, strictly increasing and at least zero.
    public init(bounds: [SimDuration]) {
        precondition(!bounds.isEmpty, "latency buckets need at least one bound")
        precondition(bounds[0] >= .zero, "latency bucket bounds must be at least zero, got \(bounds[0])")
        for (lower, upper) in zip(bounds, bounds.dropFirst()) {
            precondition(lower < upper, "latency bucket bounds must increase strictly: \(lower) then \(upper)")
        }
        boundNanoseconds = bounds.map(\.nanoseconds)
        counts = Array(repeating: 0, count: bounds.count + 1)
    }

    /// The inclusive upper bounds, strictly increasing (the overflow bucket has none).
    public var bounds: [SimDuration] { boundNanoseconds.map(SimDuration.init(nanoseconds:)) }

    /// Counts one duration; a negative one counts as zero.
    ///
    /// - Complexity: O(log bounds), no allocation.
    public mutating func record(_ duration: SimDuration) {
        let value = Swift.max(0, duration.nanoseconds)
        var low = 0
        var high = boundNanoseconds.count
        while low < high {
            let middle = (low + high) / 2
            if boundNanoseconds[middle] < value { low = middle + 1 } else { high = middle }
        }
        counts[low] += 1
        sumNanoseconds += UInt128(value)
    }

    /// Adds `other`'s counts, which must have the same bounds.
    ///
    /// - Complexity: O(bounds).
    public mutating func add(_ other: LatencyBuckets) {
        precondition(boundNanoseconds == other.boundNanoseconds, "cannot add latency buckets of different bounds")
        for index in counts.indices { counts[index] += other.counts[index] }
        sumNanoseconds += other.sumNanoseconds
    }

    /// Forgets every count; keeps the bounds and the storage.
    ///
    /// - Complexity: O(bounds), no allocation.
    public mutating func reset() {
        for index in counts.indices { counts[index] = 0 }
        sumNanoseconds = 0
    }

    /// The number of durations recorded.
    public var count: UInt64 { counts.reduce(0, +) }

    /// The exact sum of the recorded durations (negative ones as zero), in seconds.
    public var sumSeconds: Double {
        Double(sumNanoseconds / 1_000_000_000) + Double(sumNanoseconds % 1_000_000_000) * 1e-9
    }

    /// For each bound and then the overflow bucket, how many durations were at most that
    /// bound (the last: all of them), as Prometheus writes `_bucket{le=...}` samples.
    public var cumulativeCounts: [UInt64] {
        var total: UInt64 = 0
        return counts.map { count in
            total += count
            return total
        }
    }

    /// The nearest-rank percentile rounded up to a bound: the smallest bound at or below
    /// which at least `percent` percent of the durations fall (rank ⌈percent/100 × count⌉,
    /// at least 1); the largest bound when that rank is in the overflow bucket; `nil` when
    /// nothing has been recorded.
    ///
    /// - Parameter percent: in 0 ... 100.
    /// - Complexity: O(bounds).
    public func percentile(_ percent: Double) -> SimDuration? {
        Self.percentile(percent, of: counts, bounds: boundNanoseconds)
    }

    /// ``percentile(_:)`` over bucket `counts` for `bounds` (in nanoseconds).
    static func percentile(_ percent: Double, of counts: [UInt64], bounds: [Int64]) -> SimDuration? {
        precondition(percent >= 0 && percent <= 100, "a percentile must be in 0 ... 100, got \(percent)")
        let total = counts.reduce(0, +)
        guard total > 0 else { return nil }
        // Multiplied before divided, so whole percents of whole counts give exact ranks.
        let rank = Swift.max(1, UInt64((percent * Double(total) / 100).rounded(.up)))
        var seen: UInt64 = 0
        for (index, count) in counts.enumerated() {
            seen += count
            if seen >= rank { return SimDuration(nanoseconds: bounds[Swift.min(index, bounds.count - 1)]) }
        }
        return SimDuration(nanoseconds: bounds[bounds.count - 1])
    }

    /// The bounds in nanoseconds, for windows that sum several bucket sets.
    var rawBounds: [Int64] { boundNanoseconds }
}

/// Latencies of the last stretch of simulated time, for percentiles that follow the run
/// (a live dashboard's p99 that spikes during an outage and recovers after it).
///
/// The window is ``slotCount`` slots of ``slotLength`` each, a ring of ``LatencyBuckets``:
/// a latency recorded at time `t` goes to slot `⌊t / slotLength⌋`, and the window at `t`
/// holds that slot and the `slotCount - 1` before it, so it covers between
/// `(slotCount - 1) × slotLength` and `slotCount × slotLength` of the latest simulated time.
/// Recording is O(log bounds) and allocation-free; a slot is cleared (O(bounds)) when the
/// ring comes round to it.
public struct SlidingLatencyWindow: Sendable, Equatable {
    /// The simulated time one slot covers.
    public let slotLength: SimDuration
    /// The number of slots in the window.
    public let slotCount: Int
    private var slots: [LatencyBuckets]
    /// The slot number (time / slotLength) each ring position holds; -1 for none yet.
    private var slotNumbers: [Int64]

    /// An empty window of `slotCount` slots of `slotLength`, counting into buckets with
    /// inclusive upper bounds `bounds` (which set the percentiles' resolution).
    ///
    /// - Precondition: `slotLength` is positive, `slotCount` at least 1; `bounds` as for
    ///   ``LatencyBuckets/init(bounds:)``.
    public init(bounds: [SimDuration], slotLength: SimDuration, slotCount: Int) {
        precondition(slotLength > .zero, "a latency window needs a positive slot length, got \(slotLength)")
        precondition(slotCount >= 1, "a latency window needs at least one slot, got \(slotCount)")
        self.slotLength = slotLength
        self.slotCount = slotCount
        // One storage per slot from the start, so recording never copies a shared one.
        slots = (0..<slotCount).map { _ in LatencyBuckets(bounds: bounds) }
        slotNumbers = Array(repeating: -1, count: slotCount)
    }

    /// The longest stretch of simulated time the window covers: `slotCount × slotLength`.
    public var length: SimDuration { slotLength * Int64(slotCount) }

    /// Records `latency`, of a request answered at `time` (at or after the previous one's).
    ///
    /// - Complexity: O(log bounds), no allocation.
    public mutating func record(_ latency: SimDuration, at time: SimTime) {
        let number = Swift.max(0, time.nanoseconds) / slotLength.nanoseconds
        let position = Int(number % Int64(slotCount))
        if slotNumbers[position] != number {
            slots[position].reset()
            slotNumbers[position] = number
        }
        slots[position].record(latency)
    }

    /// The latencies in the window at `time`, as one set of buckets.
    ///
    /// - Complexity: O(slots × bounds).
    public func buckets(at time: SimTime) -> LatencyBuckets {
        let current = Swift.max(0, time.nanoseconds) / slotLength.nanoseconds
        var total = LatencyBuckets(bounds: slots[0].bounds)
        for (position, number) in slotNumbers.enumerated() where number >= 0 && number <= current {
            if current - number < Int64(slotCount) { total.add(slots[position]) }
        }
        return total
    }

    /// The nearest-rank percentile of the latencies in the window at `time`, rounded up to
    /// a bucket bound (see ``LatencyBuckets/percentile(_:)``); `nil` when the window is empty.
    ///
    /// - Complexity: O(slots × bounds).
    public func percentile(_ percent: Double, at time: SimTime) -> SimDuration? {
        buckets(at: time).percentile(percent)
    }
}
