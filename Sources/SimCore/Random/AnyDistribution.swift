/// Any of SimCore's distribution families, as one concrete enum: what a model holds when a
/// scenario chooses the family, without an existential (`any Distribution`).
///
/// ``sample(using:)`` is one switch over a closed set of cases, so it inlines and
/// specialises like the concrete types do.
public enum SampledDistribution: Distribution, Hashable {
    /// Always the same value.
    case constant(ConstantDistribution)
    /// Uniform on an interval.
    case uniform(UniformDistribution)
    /// Exponential.
    case exponential(ExponentialDistribution)
    /// Normal.
    case normal(NormalDistribution)
    /// Lognormal.
    case logNormal(LogNormalDistribution)
    /// Weibull.
    case weibull(WeibullDistribution)
    /// Bounded Pareto.
    case boundedPareto(BoundedParetoDistribution)
    /// From a table.
    case empirical(EmpiricalDistribution)
    /// Zipf ranks, as `Double`.
    case zipf(ZipfDistribution)

    /// One sample from the wrapped distribution.
    ///
    /// - Complexity: that of the wrapped distribution's `sample`.
    @inlinable
    public func sample(using stream: inout RandomStream) -> Double {
        switch self {
        case .constant(let distribution): distribution.sample(using: &stream)
        case .uniform(let distribution): distribution.sample(using: &stream)
        case .exponential(let distribution): distribution.sample(using: &stream)
        case .normal(let distribution): distribution.sample(using: &stream)
        case .logNormal(let distribution): distribution.sample(using: &stream)
        case .weibull(let distribution): distribution.sample(using: &stream)
        case .boundedPareto(let distribution): distribution.sample(using: &stream)
        case .empirical(let distribution): distribution.sample(using: &stream)
        case .zipf(let distribution): distribution.sample(using: &stream)
        }
    }

    /// The wrapped distribution's mean.
    public var mean: Double {
        switch self {
        case .constant(let distribution): distribution.mean
        case .uniform(let distribution): distribution.mean
        case .exponential(let distribution): distribution.mean
        case .normal(let distribution): distribution.mean
        case .logNormal(let distribution): distribution.mean
        case .weibull(let distribution): distribution.mean
        case .boundedPareto(let distribution): distribution.mean
        case .empirical(let distribution): distribution.mean
        case .zipf(let distribution): distribution.mean
        }
    }

    /// The wrapped distribution's variance.
    public var variance: Double {
        switch self {
        case .constant(let distribution): distribution.variance
        case .uniform(let distribution): distribution.variance
        case .exponential(let distribution): distribution.variance
        case .normal(let distribution): distribution.variance
        case .logNormal(let distribution): distribution.variance
        case .weibull(let distribution): distribution.variance
        case .boundedPareto(let distribution): distribution.variance
        case .empirical(let distribution): distribution.variance
        case .zipf(let distribution): distribution.variance
        }
    }
}
