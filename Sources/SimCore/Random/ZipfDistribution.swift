/// The Zipf distribution over ranks 1...n with P(k) ∝ k^-s: content popularity.
///
/// Sampling is rejection-inversion (Hörmann & Derflinger 1996, "Rejection-inversion to
/// generate variates from monotone discrete distributions"): exact, O(1) memory and O(1)
/// expected time for every n and every s >= 0, including s = 1. Each try costs one draw, an
/// `exp` and a `log`; a squeeze accepts about 98% of tries without more math, and the
/// expected number of tries is below 1.02 for 0 < s <= 3 (measured). s = 0 is the uniform
/// distribution and takes one bounded integer draw.
public struct ZipfDistribution: Distribution, Hashable {
    /// The exponent s (dimensionless, >= 0): 0 is uniform, larger is more skewed.
    public let exponent: Double
    /// The number of ranks n (>= 1); ranks are 1...n, 1 the most popular.
    public let count: Int
    /// n, as a `Double`.
    @usableFromInline let countAsDouble: Double
    /// H(n + 1/2), where H is the integral of h(x) = x^-s (see ``hIntegral(_:exponent:)``).
    @usableFromInline let hIntegralOfCount: Double
    /// H(3/2) - 1 = H(3/2) - h(1).
    @usableFromInline let hIntegralOfFirst: Double
    /// The squeeze constant: a try with k - x <= squeeze is accepted without more math.
    @usableFromInline let squeeze: Double
    /// The generalised harmonic number H(n, s) = Σ k^-s, the normalising constant.
    let harmonicNumber: Double
    /// Σ k^-(s-1) / H(n, s).
    public let mean: Double
    /// Σ k^-(s-2) / H(n, s) - mean².
    public let variance: Double

    /// The Zipf distribution over `1...count` with exponent `exponent`.
    ///
    /// - Throws: ``DistributionError`` if `exponent` is negative or not finite, or `count`
    ///   is not in `1...2^53`.
    /// - Complexity: O(min(n, 2048)): harmonic numbers are summed directly up to 2,047 terms
    ///   and the rest uses the Euler–Maclaurin formula, accurate to about 1e-15 relative.
    ///   So n = 10^9 builds as fast as n = 10^4.
    public init(exponent: Double, count: Int) throws(DistributionError) {
        try DistributionError.requireNonNegative(exponent, "exponent")
        guard count >= 1, count <= 1 << 53 else {
            throw DistributionError(parameter: "count", problem: "must be between 1 and 2^53, got \(count)")
        }
        self.exponent = exponent
        self.count = count
        self.countAsDouble = Double(count)
        self.hIntegralOfCount = ZipfDistribution.hIntegral(countAsDouble + 0.5, exponent: exponent)
        self.hIntegralOfFirst = ZipfDistribution.hIntegral(1.5, exponent: exponent) - 1
        self.squeeze =
            2
            - ZipfDistribution.hIntegralInverse(
                ZipfDistribution.hIntegral(2.5, exponent: exponent) - ZipfDistribution.h(2, exponent: exponent),
                exponent: exponent
            )
        let harmonic = ZipfDistribution.generalizedHarmonic(count: count, exponent: exponent)
        let mean = ZipfDistribution.generalizedHarmonic(count: count, exponent: exponent - 1) / harmonic
        let secondMoment = ZipfDistribution.generalizedHarmonic(count: count, exponent: exponent - 2) / harmonic
        self.harmonicNumber = harmonic
        self.mean = mean
        self.variance = Swift.max(secondMoment - mean * mean, 0)
    }

    /// One rank in `1...count`, with P(k) = k^-s / H(n, s).
    ///
    /// - Complexity: O(1) expected.
    @inlinable
    public func sampleRank(using stream: inout RandomStream) -> Int {
        if exponent == 0 {
            return Int(truncatingIfNeeded: stream.nextInt(below: UInt64(count))) &+ 1
        }
        while true {
            // u is uniform on (H(3/2) - 1, H(n + 1/2)]; x = H⁻¹(u) is continuous, k its rank.
            let u = hIntegralOfCount + stream.nextUnit() * (hIntegralOfFirst - hIntegralOfCount)
            let x = ZipfDistribution.hIntegralInverse(u, exponent: exponent)
            // x > 0, so truncation rounds x + 1/2 down; clamping first keeps it in Int64 range.
            let k = Swift.max(Double(Int64(Swift.min(x + 0.5, countAsDouble))), 1)
            if k - x <= squeeze {
                return Int(k)
            }
            // The exact test: accept when u falls in the last h(k) below H(k + 1/2), a strip
            // whose width is rank k's weight.
            let hIntegralBelowK =
                ZipfDistribution.hIntegral(k + 0.5, exponent: exponent)
                - ZipfDistribution.h(k, exponent: exponent)
            if u >= hIntegralBelowK {
                return Int(k)
            }
        }
    }

    /// One rank, as a `Double` (see ``sampleRank(using:)``).
    ///
    /// - Complexity: O(1) expected.
    @inlinable
    public func sample(using stream: inout RandomStream) -> Double {
        Double(sampleRank(using: &stream))
    }

    /// The exact probability of rank `rank`: rank^-s / H(n, s); zero outside `1...count`.
    ///
    /// - Complexity: O(1).
    public func probability(ofRank rank: Int) -> Double {
        guard rank >= 1, rank <= count else { return 0 }
        return power(Double(rank), -exponent) / harmonicNumber
    }

    /// h(x) = x^-s, the unnormalised probability of rank x.
    @inlinable
    static func h(_ x: Double, exponent: Double) -> Double {
        exponential(-exponent * naturalLog(x))
    }

    /// H(x) = (x^(1-s) - 1) / (1 - s), an antiderivative of h (ln x when s = 1), computed
    /// without cancellation near s = 1.
    @inlinable
    static func hIntegral(_ x: Double, exponent: Double) -> Double {
        let logX = naturalLog(x)
        return exponentialMinusOneOverX((1 - exponent) * logX) * logX
    }

    /// The inverse of ``hIntegral(_:exponent:)``: (1 + (1 - s) u)^(1/(1-s)) (e^u when s = 1).
    @inlinable
    static func hIntegralInverse(_ u: Double, exponent: Double) -> Double {
        var t = u * (1 - exponent)
        if t < -1 { t = -1 }  // only reachable through rounding
        return exponential(logOnePlusOverX(t) * u)
    }

    /// The generalised harmonic number Σ_{k=1}^{n} k^-t, for any real t.
    ///
    /// Sums the first 2,047 terms directly (compensated), then adds the rest with the
    /// Euler–Maclaurin formula to the fifth derivative, whose remainder is below 1e-20 of
    /// the sum for n > 2,048.
    ///
    /// - Complexity: O(min(n, 2048)).
    static func generalizedHarmonic(count n: Int, exponent t: Double) -> Double {
        let directTerms = 2_047
        var sum = 0.0
        var compensation = 0.0
        for k in stride(from: Swift.min(n, directTerms), through: 1, by: -1) {
            // Neumaier's compensated summation, smallest terms first when t > 0.
            let term = power(Double(k), -t)
            let next = sum + term
            if sum.magnitude >= term.magnitude {
                compensation += (sum - next) + term
            } else {
                compensation += (term - next) + sum
            }
            sum = next
        }
        if n <= directTerms { return sum + compensation }
        let a = Double(directTerms + 1)
        let b = Double(n)
        let logRatio = naturalLog(b / a)
        let integral = power(a, 1 - t) * logRatio * exponentialMinusOneOverX((1 - t) * logRatio)
        let ends = 0.5 * (power(a, -t) + power(b, -t))
        // f^(2j-1)(x) = -(t)_(2j-1) x^(-t-2j+1), (t)_m the rising factorial.
        let rising1 = t
        let rising3 = t * (t + 1) * (t + 2)
        let rising5 = rising3 * (t + 3) * (t + 4)
        let derivative1 = -rising1 * (power(b, -t - 1) - power(a, -t - 1))
        let derivative3 = -rising3 * (power(b, -t - 3) - power(a, -t - 3))
        let derivative5 = -rising5 * (power(b, -t - 5) - power(a, -t - 5))
        let corrections = derivative1 / 12 - derivative3 / 720 + derivative5 / 30_240
        return (sum + compensation) + (integral + ends + corrections)
    }
}
