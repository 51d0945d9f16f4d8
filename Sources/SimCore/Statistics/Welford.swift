/// Running count, mean, variance, minimum and maximum of a stream of values, in one pass
/// (Welford's algorithm).
///
/// Numerically stable where the textbook `Σx² − n·mean²` is not: it keeps the mean and the
/// sum of squared deviations from it. Two accumulators over disjoint streams combine with
/// ``merge(_:)`` (Chan, Golub and LeVeque's parallel formula), so replications or shards can
/// be summarised separately and then together.
public struct Welford: Hashable, Sendable {
    /// The number of values recorded.
    public private(set) var count: Int = 0

    /// The arithmetic mean of the values; zero when there are none.
    public private(set) var mean: Double = 0

    /// The sum of squared deviations from the mean (M2).
    public private(set) var sumOfSquaredDeviations: Double = 0

    /// The smallest value recorded; `+infinity` when there are none.
    public private(set) var min: Double = .infinity

    /// The largest value recorded; `-infinity` when there are none.
    public private(set) var max: Double = -.infinity

    /// An empty accumulator.
    public init() {}

    /// An accumulator holding every value of `values`, in order.
    ///
    /// - Complexity: O(n).
    public init(_ values: some Sequence<Double>) {
        for value in values { record(value) }
    }

    /// Adds one value.
    ///
    /// - Complexity: O(1).
    public mutating func record(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (value - mean)
        if value < min { min = value }
        if value > max { max = value }
    }

    /// Adds every value that `other` holds, as if they had been recorded here after ours.
    ///
    /// The result equals the accumulator of the combined stream up to rounding.
    ///
    /// - Complexity: O(1).
    public mutating func merge(_ other: Welford) {
        if other.count == 0 { return }
        if count == 0 {
            self = other
            return
        }
        let total = count + other.count
        let delta = other.mean - mean
        let ownShare = Double(count) / Double(total)
        let otherShare = Double(other.count) / Double(total)
        mean = mean * ownShare + other.mean * otherShare
        sumOfSquaredDeviations +=
            other.sumOfSquaredDeviations
            + delta * delta * Double(count) * otherShare
        count = total
        min = Swift.min(min, other.min)
        max = Swift.max(max, other.max)
    }

    /// The sample variance, with Bessel's correction (divides by n − 1).
    ///
    /// Zero when fewer than two values were recorded: one value shows no spread. Use
    /// ``ConfidenceInterval`` for the honest answer there (an infinite interval).
    public var variance: Double {
        count > 1 ? sumOfSquaredDeviations / Double(count - 1) : 0
    }

    /// The population variance (divides by n); zero when nothing was recorded.
    public var populationVariance: Double {
        count > 0 ? sumOfSquaredDeviations / Double(count) : 0
    }

    /// The sample standard deviation, the square root of ``variance``.
    public var standardDeviation: Double { variance.squareRoot() }

    /// The standard error of the mean, `standardDeviation / √count`; zero below two values.
    public var standardError: Double {
        count > 1 ? (variance / Double(count)).squareRoot() : 0
    }
}
