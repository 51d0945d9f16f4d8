import SimCore

/// Samples of the remaining length of a session in progress at a random instant of a
/// stationary renewal process: the equilibrium (residual) distribution, with density
/// (1 − F(x)) / mean.
///
/// It is drawn as U · L, with U uniform on [0, 1) and L the length-biased session (density
/// x f(x) / mean), which has a closed form for the families a session uses:
/// - constant c: L = c;
/// - exponential: the residual is the distribution itself (memoryless);
/// - uniform on [a, b]: L = √(a² + u (b² − a²));
/// - lognormal(μ, σ): L is lognormal(μ + σ², σ);
/// - Weibull(k, λ): (L/λ)^k is Gamma(1 + 1/k), drawn by Marsaglia and Tsang's method;
/// - bounded Pareto(α, lo, hi): L has density ∝ x^(−α) on [lo, hi], drawn by inverse CDF.
///
/// For the other families (empirical, Zipf) it returns nil and the caller starts a fresh
/// session instead, which needs a warm-up of a few mean cycles before the online fraction
/// is stationary.
enum EquilibriumResidual {
    /// One residual session length, in the distribution's unit, or nil if the family has
    /// no closed form here.
    static func sample(of distribution: SampledDistribution, using stream: inout RandomStream) -> Double? {
        switch distribution {
        case .exponential(let exponential):
            return exponential.sample(using: &stream)
        case .constant(let constant):
            return stream.nextUnit() * constant.value
        case .uniform(let uniform):
            let a = uniform.lower
            let b = uniform.upper
            let length = PortableMath.sqrt(a * a + stream.nextUnit() * (b * b - a * a))
            return stream.nextUnit() * length
        case .logNormal(let logNormal):
            let z = NormalDistribution.standardSample(using: &stream)
            let length = PortableMath.exp(logNormal.mu + logNormal.sigma * logNormal.sigma + logNormal.sigma * z)
            return stream.nextUnit() * length
        case .weibull(let weibull):
            let gamma = gammaSample(shape: 1 + 1 / weibull.shape, using: &stream)
            let length = weibull.scale * power(gamma, 1 / weibull.shape)
            return stream.nextUnit() * length
        case .boundedPareto(let pareto):
            let u = stream.nextUnit()
            let exponent = 1 - pareto.shape
            let length: Double
            if abs(exponent) < 1e-9 {
                length = pareto.lower * power(pareto.upper / pareto.lower, u)
            } else {
                let low = power(pareto.lower, exponent)
                let high = power(pareto.upper, exponent)
                length = min(max(power(low + u * (high - low), 1 / exponent), pareto.lower), pareto.upper)
            }
            return stream.nextUnit() * length
        case .normal, .empirical, .zipf:
            return nil
        }
    }

    /// x^y for x > 0, bit-identical on every platform.
    static func power(_ x: Double, _ y: Double) -> Double {
        PortableMath.exp(y * PortableMath.log(x))
    }

    /// One Gamma(shape, 1) sample for shape ≥ 1 (Marsaglia and Tsang, 2000).
    static func gammaSample(shape: Double, using stream: inout RandomStream) -> Double {
        assert(shape >= 1, "gammaSample needs shape >= 1, got \(shape)")
        let d = shape - 1.0 / 3.0
        let c = 1 / PortableMath.sqrt(9 * d)
        while true {
            let z = NormalDistribution.standardSample(using: &stream)
            let t = 1 + c * z
            guard t > 0 else { continue }
            let v = t * t * t
            let u = stream.nextOpenUnit()
            if PortableMath.log(u) < 0.5 * z * z + d - d * v + d * PortableMath.log(v) {
                return d * v
            }
        }
    }
}
