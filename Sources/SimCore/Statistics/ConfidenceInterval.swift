/// A Student-t confidence interval for a mean, from independent replications.
///
/// Built from one value per replication (each replication's mean latency, say), it assumes
/// those values are independent and roughly normal, which is what replications with
/// different seeds and a long enough run give.
///
/// With a single replication there is no spread to measure: the half-width is `+infinity`,
/// so ``lower`` is `-infinity`, ``upper`` is `+infinity`, and ``excludesZero`` is false.
///
/// ```swift
/// let ci = ConfidenceInterval.of([1, 2, 3, 4, 5])    // 3 ± 1.963 at 95%
/// ```
public struct ConfidenceInterval: Hashable, Sendable {
    /// The sample mean, the centre of the interval.
    public var mean: Double

    /// Half the width of the interval, non-negative; `+infinity` when `count == 1`.
    public var halfWidth: Double

    /// The confidence level, in (0, 1): 0.95 for a 95% interval.
    public var level: Double

    /// The number of replications the interval was built from; at least 1.
    public var count: Int

    /// Creates an interval from its parts.
    public init(mean: Double, halfWidth: Double, level: Double, count: Int) {
        self.mean = mean
        self.halfWidth = halfWidth
        self.level = level
        self.count = count
    }

    /// The interval over `values`, one per replication, at confidence `level` (0.95 by
    /// default); `values` must not be empty.
    ///
    /// Half-width `t(1 − (1 − level)/2, n − 1) × s / √n`, with `s` the sample standard
    /// deviation; `+infinity` for a single value.
    ///
    /// - Complexity: O(n).
    public static func of(_ values: [Double], level: Double = 0.95) -> ConfidenceInterval {
        of(Welford(values), level: level)
    }

    /// The interval over the values summarised by `statistics`, at confidence `level`.
    ///
    /// - Complexity: O(1).
    public static func of(_ statistics: Welford, level: Double = 0.95) -> ConfidenceInterval {
        precondition(statistics.count > 0, "a confidence interval needs at least one value")
        precondition(level > 0 && level < 1, "a confidence level must be in (0, 1), got \(level)")
        let halfWidth: Double
        if statistics.count == 1 {
            halfWidth = .infinity
        } else {
            let t = StudentT.twoSidedCriticalValue(level: level, degreesOfFreedom: statistics.count - 1)
            halfWidth = t * statistics.standardError
        }
        return ConfidenceInterval(mean: statistics.mean, halfWidth: halfWidth, level: level, count: statistics.count)
    }

    /// The lower end, `mean − halfWidth`.
    public var lower: Double { mean - halfWidth }

    /// The upper end, `mean + halfWidth`.
    public var upper: Double { mean + halfWidth }

    /// Whether zero lies outside the closed interval: for a difference, whether it is
    /// significant at this level.
    public var excludesZero: Bool { lower > 0 || upper < 0 }

    /// Whether `value` lies in the closed interval `[lower, upper]`.
    public func contains(_ value: Double) -> Bool {
        lower <= value && value <= upper
    }

    /// The half-width relative to the mean's magnitude (0.05 for ±5%); `+infinity` for a
    /// zero mean with a positive half-width, zero when both are zero.
    public var relativeHalfWidth: Double {
        if halfWidth == 0 { return 0 }
        return halfWidth / mean.magnitude
    }
}
