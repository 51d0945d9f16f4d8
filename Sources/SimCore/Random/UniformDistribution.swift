/// The continuous uniform distribution on `lower...upper`.
public struct UniformDistribution: Distribution, Hashable {
    /// The smallest value, in the caller's unit.
    public let lower: Double
    /// The largest value, in the caller's unit.
    public let upper: Double

    /// Values spread evenly between `lower` and `upper`.
    ///
    /// `lower == upper` is allowed and gives that value every time.
    ///
    /// - Throws: ``DistributionError`` if a bound is not finite, if `upper < lower`, or if
    ///   `upper - lower` overflows.
    public init(lower: Double, upper: Double) throws(DistributionError) {
        try DistributionError.requireFinite(lower, "lower")
        try DistributionError.requireFinite(upper, "upper")
        guard upper >= lower else {
            throw DistributionError(
                parameter: "upper",
                problem: "must not be less than lower (\(DistributionError.format(lower))), "
                    + "got \(DistributionError.format(upper))"
            )
        }
        guard (upper - lower).isFinite else {
            throw DistributionError(parameter: "upper", problem: "is too far from lower: upper - lower overflows")
        }
        self.lower = lower
        self.upper = upper
    }

    /// One sample in `lower...upper`, from one 53-bit draw.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func sample(using stream: inout RandomStream) -> Double {
        Swift.min(lower + (upper - lower) * stream.nextUnit(), upper)
    }

    /// (lower + upper) / 2.
    public var mean: Double { lower + (upper - lower) * 0.5 }

    /// (upper - lower)² / 12.
    public var variance: Double { (upper - lower) * (upper - lower) / 12 }
}
