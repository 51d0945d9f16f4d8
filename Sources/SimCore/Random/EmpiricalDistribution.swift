/// A distribution given by a table: the points of an empirical cumulative distribution
/// function (CDF), read either as a continuous curve or as discrete values.
///
/// The table is a list of points (value, cumulative probability) with both columns
/// non-decreasing and the last probability exactly 1. Point i says "a fraction `p[i]` of
/// samples are at most `v[i]`". Two readings:
///
/// - ``Interpolation/linear`` (the default): the CDF is the straight line between
///   consecutive points, so samples spread uniformly between `v[i-1]` and `v[i]` with
///   probability `p[i] - p[i-1]`; the first point's probability `p[0]` (often 0) is an
///   atom at `v[0]`. Quantiles interpolate linearly.
/// - ``Interpolation/discrete``: samples take only the listed values, `v[i]` with
///   probability `p[i] - p[i-1]` (and `v[0]` with `p[0]`). ``weighted(_:)`` builds this
///   form from (value, weight) pairs.
///
/// Sampling is inversion by binary search: O(log n) for n points, one draw per sample.
public struct EmpiricalDistribution: Distribution, Hashable {
    /// How the table's points are read: a continuous CDF or a list of discrete values.
    public enum Interpolation: Hashable, Sendable {
        /// Straight lines between the points: a continuous distribution (plus an atom at the
        /// first value if its probability is positive).
        case linear
        /// Only the listed values occur, each with the probability step at its point.
        case discrete
    }

    /// One point of the table: the fraction `cumulativeProbability` of samples are at most
    /// `value`.
    public struct Point: Hashable, Sendable {
        /// A value, in the caller's unit.
        public var value: Double
        /// The probability of a sample at most ``value``, in [0, 1].
        public var cumulativeProbability: Double

        /// A point of the CDF: P(sample ≤ `value`) = `cumulativeProbability`.
        public init(value: Double, cumulativeProbability: Double) {
            self.value = value
            self.cumulativeProbability = cumulativeProbability
        }
    }

    /// The values of the table, non-decreasing.
    public let values: [Double]
    /// The cumulative probabilities of the table, non-decreasing, ending at 1.
    public let cumulativeProbabilities: [Double]
    /// How the points are read.
    public let interpolation: Interpolation

    /// The distribution whose CDF passes through `points`, read as `interpolation` says.
    ///
    /// - Throws: ``DistributionError`` if the table is empty, a value is not finite, values
    ///   decrease, a probability is outside [0, 1] or decreases, or the last probability is
    ///   not 1.
    /// - Complexity: O(n).
    public init(points: [Point], interpolation: Interpolation = .linear) throws(DistributionError) {
        guard !points.isEmpty else {
            throw DistributionError(parameter: "points", problem: "must not be empty")
        }
        for (index, point) in points.enumerated() {
            try DistributionError.requireFinite(point.value, "points[\(index)].value")
            let p = point.cumulativeProbability
            guard p >= 0, p <= 1 else {
                throw DistributionError(
                    parameter: "points[\(index)].cumulativeProbability",
                    problem: "must be between 0 and 1, got \(DistributionError.format(p))"
                )
            }
            if index > 0 {
                let previous = points[index - 1]
                guard point.value >= previous.value else {
                    throw DistributionError(
                        parameter: "points[\(index)].value",
                        problem: "must not be less than the previous value "
                            + "(\(DistributionError.format(previous.value))), "
                            + "got \(DistributionError.format(point.value))"
                    )
                }
                guard p >= previous.cumulativeProbability else {
                    throw DistributionError(
                        parameter: "points[\(index)].cumulativeProbability",
                        problem: "must not be less than the previous probability "
                            + "(\(DistributionError.format(previous.cumulativeProbability))), "
                            + "got \(DistributionError.format(p))"
                    )
                }
            }
        }
        guard let last = points.last, last.cumulativeProbability == 1 else {
            throw DistributionError(
                parameter: "points[\(points.count - 1)].cumulativeProbability",
                problem: "must be 1 (the last point ends the CDF), got "
                    + DistributionError.format(points[points.count - 1].cumulativeProbability)
            )
        }
        self.values = points.map(\.value)
        self.cumulativeProbabilities = points.map(\.cumulativeProbability)
        self.interpolation = interpolation
    }

    /// The discrete distribution that takes each value with probability proportional to its
    /// weight (values may come in any order; equal values add up).
    ///
    /// - Throws: ``DistributionError`` if the list is empty, a value is not finite, a weight
    ///   is negative or not finite, or all weights are zero.
    /// - Complexity: O(n log n).
    public static func weighted(
        _ table: [(value: Double, weight: Double)]
    ) throws(DistributionError) -> EmpiricalDistribution {
        guard !table.isEmpty else {
            throw DistributionError(parameter: "table", problem: "must not be empty")
        }
        var total = 0.0
        for (index, entry) in table.enumerated() {
            try DistributionError.requireFinite(entry.value, "table[\(index)].value")
            try DistributionError.requireNonNegative(entry.weight, "table[\(index)].weight")
            total += entry.weight
        }
        guard total > 0, total.isFinite else {
            throw DistributionError(
                parameter: "table",
                problem: "weights must add up to a positive finite total, got \(DistributionError.format(total))"
            )
        }
        // Sort by value, ties by position, so the result does not depend on sort stability.
        let order = table.indices.sorted { (table[$0].value, $0) < (table[$1].value, $1) }
        var points: [Point] = []
        points.reserveCapacity(table.count)
        var running = 0.0
        for index in order {
            running += table[index].weight
            points.append(Point(value: table[index].value, cumulativeProbability: Swift.min(running / total, 1)))
        }
        points[points.count - 1].cumulativeProbability = 1
        return try EmpiricalDistribution(points: points, interpolation: .discrete)
    }

    /// The value below which a fraction `probability` of samples fall (the inverse CDF).
    ///
    /// `probability` is clamped to [0, 1]. This is the right-continuous inverse: it finds
    /// the first point whose cumulative probability exceeds `probability`; a linear table
    /// interpolates from the point before it (so `quantile(p[i])` is `v[i]`), a discrete
    /// table returns that point's value. Values with zero probability are never returned
    /// for `probability < 1`; `quantile(1)` is the last value.
    ///
    /// - Complexity: O(log n).
    public func quantile(_ probability: Double) -> Double {
        let p = Swift.min(Swift.max(probability, 0), 1)
        // The first point whose cumulative probability exceeds p.
        var low = 0
        var high = cumulativeProbabilities.count
        while low < high {
            let middle = (low + high) / 2
            if cumulativeProbabilities[middle] > p { high = middle } else { low = middle + 1 }
        }
        if low == cumulativeProbabilities.count { return values[values.count - 1] }
        if low == 0 || interpolation == .discrete { return values[low] }
        let p0 = cumulativeProbabilities[low - 1]
        let p1 = cumulativeProbabilities[low]
        let v0 = values[low - 1]
        let v1 = values[low]
        return v0 + (v1 - v0) * ((p - p0) / (p1 - p0))
    }

    /// One sample by inversion: ``quantile(_:)`` of a uniform draw in [0, 1).
    ///
    /// - Complexity: O(log n) for n points.
    @inlinable
    public func sample(using stream: inout RandomStream) -> Double {
        quantile(stream.nextUnit())
    }

    /// The first and second raw moments, E[X] and E[X²].
    private var rawMoments: (first: Double, second: Double) {
        var first = cumulativeProbabilities[0] * values[0]
        var second = cumulativeProbabilities[0] * values[0] * values[0]
        for index in 1..<values.count {
            let mass = cumulativeProbabilities[index] - cumulativeProbabilities[index - 1]
            let a = values[index - 1]
            let b = values[index]
            switch interpolation {
            case .linear:
                first += mass * (a + b) * 0.5
                second += mass * (a * a + a * b + b * b) / 3
            case .discrete:
                first += mass * b
                second += mass * b * b
            }
        }
        return (first, second)
    }

    /// The mean of the distribution the table describes.
    ///
    /// - Complexity: O(n).
    public var mean: Double { rawMoments.first }

    /// The variance of the distribution the table describes.
    ///
    /// - Complexity: O(n).
    public var variance: Double {
        let moments = rawMoments
        return Swift.max(moments.second - moments.first * moments.first, 0)
    }
}
