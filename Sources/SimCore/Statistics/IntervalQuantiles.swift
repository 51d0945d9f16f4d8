/// The median and 99th percentile of the durations observed in each fixed-length interval:
/// latency percentiles over time, so an outage window shows as a spike.
///
/// Intervals are `[origin + k × interval, origin + (k + 1) × interval)`, as in
/// ``IntervalSeries``. The open interval's durations are counted in 960 log-linear buckets
/// (exact below 32 ns, then 16 per power of two, so a bucket spans at most 1/16 of its lower
/// bound); when an observation lands in a later interval the open one is closed and only its
/// two percentiles are kept. A percentile is the nearest-rank bucket's midpoint, clamped to
/// the interval's smallest and largest observation: within 3.2% of the exact nearest-rank
/// value, and exact when every duration in the interval is equal.
///
/// Memory: 7.5 KB of counts plus 24 bytes per interval with observations. Recording is O(1)
/// and allocation-free except when an interval closes (O(960) then, amortised over the
/// interval's observations).
public struct IntervalQuantiles: Sendable, Equatable {
    /// The percentiles of one closed interval.
    public struct Point: Sendable, Equatable {
        /// The interval's number k, counted from the origin.
        public var index: Int64
        /// The nearest-rank median of the interval's durations.
        public var p50: SimDuration
        /// The nearest-rank 99th percentile of the interval's durations.
        public var p99: SimDuration
    }

    /// The number of buckets: 32 exact ones below 32 ns, then 16 per power of two up to 2^63.
    static let bucketCount = 960

    /// The start of the first interval.
    public let origin: SimTime
    /// The length of every interval; positive.
    public let interval: SimDuration

    private var counts: [UInt64]
    private var openIndex: Int64 = 0
    private var openCount: UInt64 = 0
    private var openSmallest = Int64.max
    private var openLargest = Int64.min
    /// Closed intervals with observations, in increasing index order.
    private var closed: [Point] = []

    /// An empty series of intervals of length `interval` (positive) from `origin`.
    public init(interval: SimDuration, origin: SimTime = .zero) {
        precondition(interval > .zero, "interval quantiles need a positive interval, got \(interval)")
        self.interval = interval
        self.origin = origin
        counts = Array(repeating: 0, count: Self.bucketCount)
    }

    /// Records `duration` (negative ones count as zero), observed at `time`.
    ///
    /// `time` must not fall in an interval before the current one (as ``IntervalSeries``).
    ///
    /// - Complexity: O(1), or O(buckets) when it closes the open interval.
    public mutating func record(_ duration: SimDuration, at time: SimTime) {
        let index = intervalIndex(of: time)
        if index != openIndex {
            precondition(index > openIndex, "observation at \(time) falls in an interval that is already closed")
            close()
            openIndex = index
        }
        let nanoseconds = max(duration.nanoseconds, 0)
        counts[Self.bucket(of: nanoseconds)] &+= 1
        openCount += 1
        openSmallest = min(openSmallest, nanoseconds)
        openLargest = max(openLargest, nanoseconds)
    }

    /// The percentiles of every interval that starts before `end`, nil for intervals with no
    /// observation; one entry per interval from `origin`, as ``IntervalSeries/points(until:)``.
    ///
    /// - Complexity: O(intervals + buckets).
    public func points(until end: SimTime) -> [Point?] {
        guard end > origin else { return [] }
        let span = (end - origin).nanoseconds
        let count = (span - 1) / interval.nanoseconds + 1
        var result: [Point?] = Array(repeating: nil, count: Int(count))
        for point in closed where point.index < count {
            result[Int(point.index)] = point
        }
        if openCount > 0, openIndex < count {
            result[Int(openIndex)] = openPoint()
        }
        return result
    }

    /// The bucket of a non-negative duration in nanoseconds.
    @inline(__always)
    static func bucket(of nanoseconds: Int64) -> Int {
        if nanoseconds < 32 { return Int(nanoseconds) }
        let exponent = Int64.bitWidth - 1 - nanoseconds.leadingZeroBitCount
        let sub = Int((nanoseconds >> (exponent - 4)) & 15)
        return (exponent - 3) * 16 + sub
    }

    /// The smallest and one past the largest duration of `bucket`, in nanoseconds.
    static func bounds(of bucket: Int) -> (low: Int64, high: Int64) {
        if bucket < 32 { return (Int64(bucket), Int64(bucket) + 1) }
        let exponent = bucket / 16 + 3
        let sub = Int64(bucket % 16)
        let width = Int64(1) << (exponent - 4)
        let low = (16 + sub) * width
        return (low, low.addingReportingOverflow(width).overflow ? .max : low + width)
    }

    private func intervalIndex(of time: SimTime) -> Int64 {
        precondition(time >= origin, "observation at \(time) is before the origin \(origin)")
        return (time - origin).nanoseconds / interval.nanoseconds
    }

    /// Keeps the open interval's percentiles (if it has observations) and empties it.
    private mutating func close() {
        guard openCount > 0 else { return }
        closed.append(openPoint())
        for bucket in counts.indices { counts[bucket] = 0 }
        openCount = 0
        openSmallest = .max
        openLargest = .min
    }

    private func openPoint() -> Point {
        Point(index: openIndex, p50: percentile(50), p99: percentile(99))
    }

    /// The nearest-rank `percent` percentile (1...100) of the open interval (which has
    /// observations): the value of rank ⌈percent × n / 100⌉, in integers.
    private func percentile(_ percent: UInt64) -> SimDuration {
        let rank = max(1, (percent * openCount + 99) / 100)
        var seen: UInt64 = 0
        for bucket in counts.indices {
            seen += counts[bucket]
            if seen >= rank {
                let (low, high) = Self.bounds(of: bucket)
                let middle = low + (high - low) / 2
                return SimDuration(nanoseconds: min(max(middle, openSmallest), openLargest))
            }
        }
        return SimDuration(nanoseconds: openLargest)
    }
}
