/// The lognormal distribution: e^X where X is normal with mean `mu` and standard deviation
/// `sigma` (skewed, positive quantities such as file sizes and session lengths).
public struct LogNormalDistribution: Distribution, Hashable {
    /// The mean of the underlying normal (of the logarithm of a sample).
    public let mu: Double
    /// The standard deviation of the underlying normal; zero gives e^mu every time.
    public let sigma: Double

    /// The lognormal distribution whose logarithm is N(mu, sigma²).
    ///
    /// - Throws: ``DistributionError`` if `mu` is not finite or `sigma` is negative or not
    ///   finite.
    public init(mu: Double, sigma: Double) throws(DistributionError) {
        try DistributionError.requireFinite(mu, "mu")
        try DistributionError.requireNonNegative(sigma, "sigma")
        self.mu = mu
        self.sigma = sigma
    }

    /// The lognormal distribution with the given mean and standard deviation of the samples
    /// themselves (not of their logarithm), in the caller's unit.
    ///
    /// sigma² = ln(1 + sd²/mean²), mu = ln(mean) - sigma²/2.
    ///
    /// - Throws: ``DistributionError`` unless `mean` is positive and finite and
    ///   `standardDeviation` is zero or more and finite.
    public static func fromMeanAndStandardDeviation(
        mean: Double,
        standardDeviation: Double
    ) throws(DistributionError) -> LogNormalDistribution {
        try DistributionError.requirePositive(mean, "mean")
        try DistributionError.requireNonNegative(standardDeviation, "standardDeviation")
        let ratio = standardDeviation / mean
        let sigmaSquared = logOnePlus(ratio * ratio)
        guard sigmaSquared.isFinite else {
            throw DistributionError(
                parameter: "standardDeviation",
                problem: "is too large relative to the mean, got \(DistributionError.format(standardDeviation))"
            )
        }
        return try LogNormalDistribution(mu: naturalLog(mean) - 0.5 * sigmaSquared, sigma: sigmaSquared.squareRoot())
    }

    /// One sample: e^(mu + sigma z) with z standard normal.
    ///
    /// - Complexity: O(1) expected: one normal sample and one `exp`.
    @inlinable
    public func sample(using stream: inout RandomStream) -> Double {
        exponential(mu + sigma * NormalDistribution.standardSample(using: &stream))
    }

    /// e^(mu + sigma²/2).
    public var mean: Double { exponential(mu + 0.5 * sigma * sigma) }

    /// (e^(sigma²) - 1) e^(2 mu + sigma²).
    public var variance: Double {
        let sigmaSquared = sigma * sigma
        return exponentialMinusOne(sigmaSquared) * exponential(2 * mu + sigmaSquared)
    }
}
