/// The Weibull distribution with a shape and a scale (lifetimes, time to failure).
///
/// Shape 1 is the exponential distribution with mean `scale`; shape below 1 has a heavier
/// tail (infant mortality), above 1 a lighter one (wear-out).
public struct WeibullDistribution: Distribution, Hashable {
    /// The shape parameter k (dimensionless, > 0).
    public let shape: Double
    /// The scale parameter λ, in the caller's unit (> 0).
    public let scale: Double
    /// 1 / shape, kept for sampling.
    @usableFromInline let inverseShape: Double

    /// The Weibull distribution with CDF 1 - e^-(x/scale)^shape.
    ///
    /// - Throws: ``DistributionError`` unless `shape` and `scale` are positive and finite.
    public init(shape: Double, scale: Double) throws(DistributionError) {
        try DistributionError.requirePositive(shape, "shape")
        try DistributionError.requirePositive(scale, "scale")
        self.shape = shape
        self.scale = scale
        self.inverseShape = 1 / shape
    }

    /// One sample: `scale * E^(1/shape)` with E standard exponential (inverse CDF).
    ///
    /// - Complexity: O(1) expected: one exponential sample, plus one `log` and one `exp`
    ///   unless the shape is 1.
    @inlinable
    public func sample(using stream: inout RandomStream) -> Double {
        let e = ExponentialDistribution.standardSample(using: &stream)
        if inverseShape == 1 { return scale * e }
        return scale * power(e, inverseShape)
    }

    /// scale · Γ(1 + 1/shape).
    public var mean: Double { scale * gammaFunction(1 + inverseShape) }

    /// scale² · (Γ(1 + 2/shape) - Γ(1 + 1/shape)²); infinite when Γ(1 + 2/shape) overflows.
    public var variance: Double {
        let g1 = gammaFunction(1 + inverseShape)
        let g2 = gammaFunction(1 + 2 * inverseShape)
        if !g2.isFinite { return .infinity }
        return scale * scale * Swift.max(g2 - g1 * g1, 0)
    }
}
