/// Student's t distribution: quantiles for confidence intervals over replications.
///
/// Quantiles are computed, not looked up: the distribution function comes from the
/// regularized incomplete beta function (a continued fraction), and a quantile is found by
/// Newton's method on it, safeguarded by bisection, to about 12 significant digits. One and
/// two degrees of freedom have closed forms; above 10,000 degrees of freedom the
/// Cornish–Fisher expansion around the normal quantile is exact to double precision, and
/// infinite degrees of freedom give the normal distribution itself.
///
/// ```swift
/// StudentT.twoSidedCriticalValue(level: 0.95, degreesOfFreedom: 4)   // 2.7764…
/// StudentT.quantile(0.975, degreesOfFreedom: .infinity)             // 1.9599…
/// ```
public enum StudentT {
    /// The t value that a two-sided interval at confidence `level` reaches on each side:
    /// the `(1 + level) / 2` quantile.
    ///
    /// - Parameters:
    ///   - level: the confidence level, strictly between 0 and 1 (0.95 for 95%).
    ///   - degreesOfFreedom: at least 1; `n − 1` for an interval from n replications.
    public static func twoSidedCriticalValue(level: Double, degreesOfFreedom: Int) -> Double {
        twoSidedCriticalValue(level: level, degreesOfFreedom: Double(degreesOfFreedom))
    }

    /// The t value that a two-sided interval at confidence `level` reaches on each side, for
    /// real-valued (for example Welch–Satterthwaite) or infinite degrees of freedom (≥ 1).
    public static func twoSidedCriticalValue(level: Double, degreesOfFreedom: Double) -> Double {
        precondition(level > 0 && level < 1, "a confidence level must be in (0, 1), got \(level)")
        checkDegreesOfFreedom(degreesOfFreedom)
        return upperQuantile(tail: (1 - level) / 2, degreesOfFreedom: degreesOfFreedom)
    }

    /// The `probability` quantile: the t below which a t-distributed variable falls with
    /// that probability.
    ///
    /// - Parameters:
    ///   - probability: in [0, 1]; 0 and 1 give −∞ and +∞.
    ///   - degreesOfFreedom: at least 1.
    public static func quantile(_ probability: Double, degreesOfFreedom: Int) -> Double {
        quantile(probability, degreesOfFreedom: Double(degreesOfFreedom))
    }

    /// The `probability` quantile for real-valued or infinite degrees of freedom (≥ 1).
    public static func quantile(_ probability: Double, degreesOfFreedom: Double) -> Double {
        precondition(
            probability >= 0 && probability <= 1,
            "a probability must be in [0, 1], got \(probability)"
        )
        checkDegreesOfFreedom(degreesOfFreedom)
        if probability == 0.5 { return 0 }
        if probability > 0.5 {
            return upperQuantile(tail: 1 - probability, degreesOfFreedom: degreesOfFreedom)
        }
        return -upperQuantile(tail: probability, degreesOfFreedom: degreesOfFreedom)
    }

    /// The probability that a t-distributed variable is at most `t` (the distribution
    /// function), for degrees of freedom ≥ 1 or infinite.
    public static func cumulativeProbability(_ t: Double, degreesOfFreedom: Double) -> Double {
        checkDegreesOfFreedom(degreesOfFreedom)
        precondition(!t.isNaN, "t must be a number")
        let tail = upperTail(t.magnitude, degreesOfFreedom: degreesOfFreedom)
        return t < 0 ? tail : 1 - tail
    }

    // MARK: - Internals

    /// Above this many degrees of freedom the Cornish–Fisher expansion replaces the search.
    /// There its relative error is below 1e-15 up to the 1 − 1e-14 quantile, while the search
    /// loses digits to cancellation between large log-gamma values.
    static let expansionThreshold = 10_000.0

    private static func checkDegreesOfFreedom(_ degreesOfFreedom: Double) {
        precondition(
            degreesOfFreedom >= 1,
            "Student's t needs at least 1 degree of freedom, got \(degreesOfFreedom)"
        )
    }

    /// The t with `P(T > t) = tail`, for `tail` in [0, 0.5].
    static func upperQuantile(tail: Double, degreesOfFreedom nu: Double) -> Double {
        if tail <= 0 { return .infinity }
        if tail >= 0.5 { return 0 }
        if nu == .infinity { return StatisticsMath.normalUpperQuantile(tail: tail) }
        if nu == 1 {
            // Cauchy: P(T > t) = 1/2 − atan(t)/π.
            return 1 / StatisticsMath.tan(StatisticsMath.pi * tail)
        }
        if nu == 2 {
            // P(T > t) = (1 − t/√(t² + 2)) / 2, so t = (1 − 2q) / √(2q(1 − q)).
            return (1 - 2 * tail) / (2 * tail * (1 - tail)).squareRoot()
        }
        let start = cornishFisher(normal: StatisticsMath.normalUpperQuantile(tail: tail), degreesOfFreedom: nu)
        if nu > expansionThreshold { return start }
        return solveUpperTail(tail, degreesOfFreedom: nu, start: start)
    }

    /// The Cornish–Fisher expansion of the t quantile in powers of 1/ν around the normal
    /// quantile `z` (Abramowitz and Stegun 26.7.5, four terms).
    static func cornishFisher(normal z: Double, degreesOfFreedom nu: Double) -> Double {
        let z2 = z * z
        let g1 = z * (z2 + 1) / 4
        let g2 = z * ((5 * z2 + 16) * z2 + 3) / 96
        let g3 = z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384
        let g4 = z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160
        return z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu
    }

    /// Newton's method on `P(T > t) = tail` from `start`, kept inside a shrinking bracket.
    private static func solveUpperTail(_ tail: Double, degreesOfFreedom nu: Double, start: Double) -> Double {
        // P(T > t) falls as t grows: lo has a tail above the target, hi one at or below it.
        var lo = 0.0
        var hi = Swift.max(start, 1)
        while upperTail(hi, degreesOfFreedom: nu) > tail {
            lo = hi
            hi *= 2
            if hi == .infinity { return .infinity }
        }
        var t = Swift.min(Swift.max(start, lo), hi)
        let logDensityConstant =
            StatisticsMath.logGamma((nu + 1) / 2) - StatisticsMath.logGamma(nu / 2)
            - 0.5 * StatisticsMath.log(nu * StatisticsMath.pi)
        for _ in 0..<200 {
            let error = upperTail(t, degreesOfFreedom: nu) - tail
            if error == 0 { return t }
            if error > 0 { lo = t } else { hi = t }
            let density = StatisticsMath.exp(
                logDensityConstant - (nu + 1) / 2 * StatisticsMath.log1p(t * t / nu)
            )
            var next = t + error / density
            if !(next > lo && next < hi) { next = lo + (hi - lo) / 2 }
            if (next - t).magnitude <= 1e-14 * next.magnitude || next == lo || next == hi { return next }
            t = next
        }
        return t
    }

    /// `P(T > t)` for `t ≥ 0`: half the regularized incomplete beta `I_x(ν/2, 1/2)`,
    /// `x = ν / (ν + t²)`.
    static func upperTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        if t == .infinity { return 0 }
        if nu == .infinity { return StatisticsMath.normalUpperTail(t) }
        let t2 = t * t
        let x = nu / (nu + t2)
        let complement = t2 / (nu + t2)
        return 0.5 * StatisticsMath.regularizedIncompleteBeta(a: nu / 2, b: 0.5, x: x, complement: complement)
    }
}

extension StatisticsMath {
    /// `P(Z > z)` for a standard normal Z.
    static func normalUpperTail(_ z: Double) -> Double {
        0.5 * StatisticsMath.erfc(z / 2.0.squareRoot())
    }

    /// The z with `P(Z > z) = tail` for a standard normal Z, `tail` in (0, 1), to double
    /// precision.
    ///
    /// Starts from Abramowitz and Stegun 26.2.23 (error below 4.5e-4) and polishes with
    /// Halley steps on the `erfc`-based tail.
    static func normalUpperQuantile(tail: Double) -> Double {
        precondition(tail > 0 && tail < 1, "a tail probability must be in (0, 1), got \(tail)")
        if tail > 0.5 { return -normalUpperQuantile(tail: 1 - tail) }
        if tail == 0.5 { return 0 }
        let w = (-2 * StatisticsMath.log(tail)).squareRoot()
        var z =
            w - (2.515_517 + w * (0.802_853 + w * 0.010_328))
            / (1 + w * (1.432_788 + w * (0.189_269 + w * 0.001_308)))
        let inverseRootTwoPi = 0.398_942_280_401_432_7
        for _ in 0..<8 {
            let density = inverseRootTwoPi * StatisticsMath.exp(-z * z / 2)
            if density == 0 { break }
            let u = (normalUpperTail(z) - tail) / density
            let step = u / (1 - z * u / 2)
            z += step
            if step.magnitude <= 1e-16 * z.magnitude { break }
        }
        return z
    }
}

extension StatisticsMath {
    /// The regularized incomplete beta function `I_x(a, b)`, for `a, b > 0` and `x` in [0, 1];
    /// `complement` must be `1 − x`, passed separately so that callers can compute it without
    /// cancellation.
    ///
    /// Evaluates the continued fraction (modified Lentz) on whichever side of the mean
    /// converges fast, using `I_x(a, b) = 1 − I_{1−x}(b, a)` for the other.
    static func regularizedIncompleteBeta(a: Double, b: Double, x: Double, complement y: Double) -> Double {
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        let logFront =
            StatisticsMath.logGamma(a + b) - StatisticsMath.logGamma(a) - StatisticsMath.logGamma(b)
            + a * StatisticsMath.log(x) + b * StatisticsMath.log(y)
        let front = StatisticsMath.exp(logFront)
        if x < (a + 1) / (a + b + 2) {
            return front * incompleteBetaFraction(a: a, b: b, x: x) / a
        }
        return 1 - front * incompleteBetaFraction(a: b, b: a, x: y) / b
    }

    /// The continued fraction of `I_x(a, b)` (Numerical Recipes' `betacf`).
    private static func incompleteBetaFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if d.magnitude < tiny { d = tiny }
        d = 1 / d
        var h = d
        for step in 1...100_000 {
            let m = Double(step)
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if d.magnitude < tiny { d = tiny }
            c = 1 + aa / c
            if c.magnitude < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if d.magnitude < tiny { d = tiny }
            c = 1 + aa / c
            if c.magnitude < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if (delta - 1).magnitude < 1e-16 { break }
        }
        return h
    }
}
