/// A probability distribution over real numbers that a model draws samples from.
///
/// Conforming types are small value types with validated parameters (their initialisers
/// throw ``DistributionError``). Models hold a concrete type, or ``SampledDistribution``
/// when the family is chosen by a scenario, never `any Distribution`: sampling then
/// specialises and inlines.
///
/// Every family in SimCore samples without state (its `sample` does not mutate), so the
/// same value can be shared; the requirement is `mutating` only so that a future stateful
/// sampler can conform.
public protocol Distribution: Sendable {
    /// One sample, drawn with random numbers from `stream`.
    ///
    /// The same stream state always gives the same sample, on every platform.
    mutating func sample(using stream: inout RandomStream) -> Double

    /// The expected value of a sample (analytic); `.infinity` when it is infinite.
    var mean: Double { get }

    /// The variance of a sample (analytic); `.infinity` when it is infinite.
    var variance: Double { get }
}

extension Distribution {
    /// The standard deviation of a sample: the square root of ``variance``.
    public var standardDeviation: Double { variance.squareRoot() }
}
