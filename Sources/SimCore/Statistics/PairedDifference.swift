/// The difference between two configurations compared replication by replication with
/// common random numbers.
///
/// Replication i of the baseline and of the alternative run with the same seed, so their
/// random draws match and much of the noise cancels in `alternative[i] − baseline[i]`.
/// The interval is the Student-t interval of those n differences (n − 1 degrees of freedom),
/// usually much narrower than comparing two independent intervals.
///
/// ```swift
/// let d = PairedDifference(baseline: cloudOnly, alternative: withSharedPool)
/// d.meanDifference                 // alternative − baseline, in the metric's unit
/// d.interval.excludesZero          // significant at 95%?
/// d.relativeDifferencePercent      // −12.5 for 12.5% lower
/// ```
public struct PairedDifference: Hashable, Sendable {
    /// The mean of the baseline's per-replication values.
    public var baselineMean: Double

    /// The mean of the alternative's per-replication values.
    public var alternativeMean: Double

    /// The confidence interval of the mean difference `alternative − baseline`.
    public var interval: ConfidenceInterval

    /// Pairs `baseline[i]` with `alternative[i]` (same length, at least one pair, same seeds)
    /// and builds the interval at confidence `level` (0.95 by default).
    ///
    /// Identical arrays give a difference of exactly zero with a zero half-width (for two or
    /// more pairs). One pair gives an infinite half-width, as ``ConfidenceInterval`` does.
    ///
    /// - Complexity: O(n).
    public init(baseline: [Double], alternative: [Double], level: Double = 0.95) {
        precondition(
            baseline.count == alternative.count,
            "paired values need the same replications: \(baseline.count) baseline values, "
                + "\(alternative.count) alternative values"
        )
        precondition(!baseline.isEmpty, "a paired difference needs at least one pair")
        var differences = Welford()
        for (a, b) in zip(baseline, alternative) {
            differences.record(b - a)
        }
        baselineMean = Welford(baseline).mean
        alternativeMean = Welford(alternative).mean
        interval = ConfidenceInterval.of(differences, level: level)
    }

    /// The mean of the differences `alternative[i] − baseline[i]`, in the metric's unit.
    public var meanDifference: Double { interval.mean }

    /// The half-width of the interval of the mean difference.
    public var halfWidth: Double { interval.halfWidth }

    /// The number of pairs.
    public var count: Int { interval.count }

    /// The mean difference as a percentage of the baseline mean's magnitude: `+10` when the
    /// alternative is 10% higher; `nil` when the baseline mean is zero.
    public var relativeDifferencePercent: Double? {
        baselineMean == 0 ? nil : 100 * meanDifference / baselineMean.magnitude
    }

    /// The half-width as a percentage of the baseline mean's magnitude; `nil` when the
    /// baseline mean is zero.
    ///
    /// This treats the baseline mean as exact, a good approximation when the baseline's own
    /// relative error is small.
    public var relativeHalfWidthPercent: Double? {
        baselineMean == 0 ? nil : 100 * halfWidth / baselineMean.magnitude
    }
}
