/// The bounded (truncated) Pareto distribution on `lower...upper` with tail index `shape`:
/// heavy-tailed sizes and service times that still have a largest value.
///
/// Density α L^α x^(-α-1) / (1 - (L/H)^α) on [L, H].
public struct BoundedParetoDistribution: Distribution, Hashable {
    /// The tail index α (dimensionless, > 0): smaller means heavier.
    public let shape: Double
    /// The smallest value L, in the caller's unit (> 0).
    public let lower: Double
    /// The largest value H, in the caller's unit (> L).
    public let upper: Double
    /// 1 - (L/H)^α: the probability mass the untruncated Pareto puts on [L, H].
    @usableFromInline let massInRange: Double
    /// -1 / α, kept for sampling.
    @usableFromInline let negativeInverseShape: Double

    /// The bounded Pareto distribution with tail index `shape` on `lower...upper`.
    ///
    /// - Throws: ``DistributionError`` unless `shape` and `lower` are positive and finite and
    ///   `upper` is finite and greater than `lower`.
    public init(shape: Double, lower: Double, upper: Double) throws(DistributionError) {
        try DistributionError.requirePositive(shape, "shape")
        try DistributionError.requirePositive(lower, "lower")
        try DistributionError.requireFinite(upper, "upper")
        guard upper > lower else {
            throw DistributionError(
                parameter: "upper",
                problem: "must be greater than lower (\(DistributionError.format(lower))), "
                    + "got \(DistributionError.format(upper))"
            )
        }
        self.shape = shape
        self.lower = lower
        self.upper = upper
        // 1 - e^(-α ln(H/L)), accurate when it is small.
        let exponent = shape * naturalLog(upper / lower)
        self.massInRange = exponent * exponentialMinusOneOverX(-exponent)
        self.negativeInverseShape = -1 / shape
    }

    /// One sample in `lower...upper` by inversion: L (1 - U (1 - (L/H)^α))^(-1/α).
    ///
    /// - Complexity: O(1): one draw, one `log`, one `exp`.
    @inlinable
    public func sample(using stream: inout RandomStream) -> Double {
        let y = 1 - stream.nextUnit() * massInRange
        let x = lower * exponential(naturalLog(y) * negativeInverseShape)
        return Swift.min(Swift.max(x, lower), upper)
    }

    /// E[X^m] = α L^m ln(H/L) · expm1((m-α) ln(H/L)) / ((m-α) ln(H/L)) / (1 - (L/H)^α).
    func rawMoment(_ m: Double) -> Double {
        let logRatio = naturalLog(upper / lower)
        return shape * power(lower, m) * logRatio * exponentialMinusOneOverX((m - shape) * logRatio) / massInRange
    }

    /// The mean, finite for every α because the support is bounded.
    public var mean: Double { rawMoment(1) }

    /// The variance, E[X²] - E[X]².
    public var variance: Double {
        let m1 = rawMoment(1)
        return Swift.max(rawMoment(2) - m1 * m1, 0)
    }
}
