import Histogram

/// A latency distribution in whole nanoseconds, over an HdrHistogram: fixed relative
/// precision, constant memory, mergeable across replications and shards.
///
/// Values from 1 ns to ``highestTrackable`` (one hour by default) are kept to
/// `significantDigits` decimal digits (3 by default: within 0.1%). Nothing is dropped: a
/// longer duration is recorded as ``highestTrackable`` and counted in ``overflowCount``; a
/// negative one is recorded as zero and counted in ``underflowCount``. ``mean`` is exact
/// (over the recorded, clamped values), not rebuilt from the buckets.
///
/// With 3 digits and a one-hour range the counts take about 270 KB; recording is O(1) and
/// allocation-free.
///
/// ```swift
/// var latency = LatencyHistogram()
/// latency.record(.milliseconds(42))
/// latency.percentile(99)            // SimDuration
/// latency.summary.p999
/// ```
public struct LatencyHistogram: Sendable, Equatable {
    /// The bucket counts, in nanoseconds.
    private var histogram: Histogram<UInt64>

    /// The exact sum of the recorded (clamped) values, in nanoseconds.
    private var sum: UInt128 = 0

    /// The longest duration kept as itself; longer ones are clamped to it.
    public let highestTrackable: SimDuration

    /// The number of decimal digits each value is kept to (1 to 5).
    public let significantDigits: Int

    /// How many recorded durations were longer than ``highestTrackable`` and clamped to it.
    public private(set) var overflowCount: Int = 0

    /// How many recorded durations were negative and clamped to zero.
    public private(set) var underflowCount: Int = 0

    /// The bytes of bucket counts a histogram for `highestTrackable` at `significantDigits`
    /// holds (the HDR layout: 2^⌈log2(2·10^digits)⌉ sub-buckets, half of them per bucket past
    /// the first, enough buckets to reach `highestTrackable` from 1 ns, 8 bytes per count).
    ///
    /// For 24 h at 3 digits: 38,912 counts, 311,296 bytes.
    public static func countsBytes(highestTrackable: SimDuration, significantDigits: Int = 3) -> Int {
        let digits = Swift.min(Swift.max(significantDigits, 1), 5)
        var power = 1
        for _ in 0..<digits { power *= 10 }
        var subBuckets = 1
        while subBuckets < 2 * power { subBuckets *= 2 }
        let highest = Swift.max(highestTrackable.nanoseconds, 2)
        var buckets = 1
        var reach = Int64(subBuckets)
        while reach <= highest, reach < Int64.max / 2 {
            reach *= 2
            buckets += 1
        }
        return (buckets + 1) * (subBuckets / 2) * MemoryLayout<UInt64>.stride
    }

    /// An empty histogram for durations up to `highestTrackable` (at least 2 ns), kept to
    /// `significantDigits` decimal digits (1 to 5).
    public init(highestTrackable: SimDuration = .hours(1), significantDigits: Int = 3) {
        precondition(
            highestTrackable.nanoseconds >= 2,
            "a latency histogram needs a highest trackable value of at least 2 ns, got \(highestTrackable)"
        )
        guard let digits = SignificantDigits(rawValue: Int8(clamping: significantDigits)), significantDigits >= 1
        else {
            preconditionFailure("significant digits must be 1 to 5, got \(significantDigits)")
        }
        self.highestTrackable = highestTrackable
        self.significantDigits = significantDigits
        histogram = Histogram(
            lowestDiscernibleValue: 1,
            highestTrackableValue: UInt64(highestTrackable.nanoseconds),
            numberOfSignificantValueDigits: digits
        )
    }

    /// Records one duration, clamping it into `0 ... highestTrackable`.
    ///
    /// - Complexity: O(1).
    public mutating func record(_ duration: SimDuration) {
        let value: UInt64
        if duration.nanoseconds < 0 {
            underflowCount += 1
            value = 0
        } else if duration > highestTrackable {
            overflowCount += 1
            value = UInt64(highestTrackable.nanoseconds)
        } else {
            value = UInt64(duration.nanoseconds)
        }
        let recorded = histogram.record(value)
        precondition(recorded, "HdrHistogram refused \(value) ns below its highest trackable value")
        sum += UInt128(value)
    }

    /// Adds every duration recorded in `other`, which must have the same range and precision.
    ///
    /// - Complexity: O(number of buckets).
    public mutating func merge(_ other: LatencyHistogram) {
        precondition(
            highestTrackable == other.highestTrackable && significantDigits == other.significantDigits,
            "cannot merge latency histograms of different layouts: up to \(highestTrackable) with "
                + "\(significantDigits) digits, and up to \(other.highestTrackable) with "
                + "\(other.significantDigits) digits"
        )
        histogram.add(other.histogram)
        sum += other.sum
        overflowCount += other.overflowCount
        underflowCount += other.underflowCount
    }

    /// Forgets every recorded duration, for warm-up deletion; keeps the layout.
    ///
    /// - Complexity: O(number of buckets).
    public mutating func reset() {
        histogram.reset()
        sum = 0
        overflowCount = 0
        underflowCount = 0
    }

    /// The number of durations recorded, clamped ones included.
    public var count: Int { Int(histogram.totalCount) }

    /// Whether nothing has been recorded.
    public var isEmpty: Bool { histogram.totalCount == 0 }

    /// The exact mean of the recorded (clamped) durations, rounded to the nanosecond;
    /// zero when empty.
    public var mean: SimDuration {
        let total = UInt128(histogram.totalCount)
        if total == 0 { return .zero }
        let rounded = (sum + total / 2) / total
        return SimDuration(nanoseconds: Int64(rounded))
    }

    /// The shortest recorded duration, exact; zero when empty.
    public var min: SimDuration { SimDuration(nanoseconds: Int64(histogram.min)) }

    /// The longest recorded (clamped) duration, exact; zero when empty.
    public var max: SimDuration { SimDuration(nanoseconds: Int64(histogram.maxRecorded)) }

    /// The duration at or below which `percent` percent of the recorded durations fall,
    /// within the histogram's precision; zero when empty.
    ///
    /// - Parameter percent: in 0 ... 100 (99.9 for p99.9); 0 gives ``min``, 100 gives ``max``.
    /// - Complexity: O(number of buckets).
    public func percentile(_ percent: Double) -> SimDuration {
        precondition(percent >= 0 && percent <= 100, "a percentile must be in 0 ... 100, got \(percent)")
        if isEmpty { return .zero }
        return SimDuration(nanoseconds: Int64(histogram.valueAtPercentile(percent)))
    }

    /// The usual report figures: count, mean, p50, p90, p99, p99.9 and max.
    ///
    /// - Complexity: O(number of buckets).
    public var summary: LatencySummary {
        LatencySummary(
            count: count,
            mean: mean,
            p50: percentile(50),
            p90: percentile(90),
            p99: percentile(99),
            p999: percentile(99.9),
            max: max
        )
    }
}

/// The figures of a latency distribution that reports show.
public struct LatencySummary: Hashable, Sendable {
    /// The number of durations recorded.
    public var count: Int

    /// The exact mean duration.
    public var mean: SimDuration

    /// The median, within the histogram's precision.
    public var p50: SimDuration

    /// The 90th percentile, within the histogram's precision.
    public var p90: SimDuration

    /// The 99th percentile, within the histogram's precision.
    public var p99: SimDuration

    /// The 99.9th percentile, within the histogram's precision.
    public var p999: SimDuration

    /// The longest duration recorded (after clamping), exact.
    public var max: SimDuration

    /// Creates a summary from its parts.
    public init(
        count: Int,
        mean: SimDuration,
        p50: SimDuration,
        p90: SimDuration,
        p99: SimDuration,
        p999: SimDuration,
        max: SimDuration
    ) {
        self.count = count
        self.mean = mean
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.p999 = p999
        self.max = max
    }
}
