/// The few elementary functions the statistics need, under the names the statistics code uses.
///
/// Each one forwards to the plain-Swift implementation in `Random/Math.swift`, so SimCore
/// needs no C library and its statistics give the same bits on every platform. Qualifying the
/// calls (`StatisticsMath.log`) keeps these names from colliding with any other module-level
/// `log` or `exp`. Everything here is pure and thread-safe.
enum StatisticsMath {
    /// The natural logarithm of `x`.
    static func log(_ x: Double) -> Double {
        naturalLog(x)
    }

    /// `log(1 + x)`, accurate for `x` near zero.
    static func log1p(_ x: Double) -> Double {
        logOnePlus(x)
    }

    /// `e` raised to `x`.
    static func exp(_ x: Double) -> Double {
        exponential(x)
    }

    /// The tangent of `x` radians, for `|x|` below about 1.6e6 (see ``tangent(_:)``).
    static func tan(_ x: Double) -> Double {
        tangent(x)
    }

    /// The complementary error function, `1 - erf(x)`, accurate in the far tail.
    static func erfc(_ x: Double) -> Double {
        complementaryErrorFunction(x)
    }

    /// `ln Γ(x)` for `x > 0`, to about 15 significant digits.
    ///
    /// Stirling's series with five Bernoulli terms, after shifting `x` up to at least 15 with
    /// `Γ(x) = Γ(x + n) / (x (x + 1) … (x + n − 1))`; the first omitted term is below 1e-16
    /// there.
    static func logGamma(_ x: Double) -> Double {
        precondition(x > 0, "logGamma is defined here only for x > 0, got \(x)")
        var shifted = x
        var product = 1.0
        while shifted < 15 {
            product *= shifted
            shifted += 1
        }
        let inverse = 1 / shifted
        let inverseSquared = inverse * inverse
        // Bernoulli terms B_2k / (2k (2k - 1) x^(2k - 1)), k = 1 ... 5.
        let series =
            inverse
            * (1.0 / 12 + inverseSquared
                * (-1.0 / 360 + inverseSquared
                    * (1.0 / 1260
                        + inverseSquared * (-1.0 / 1680 + inverseSquared * (1.0 / 1188)))))
        let halfLogTwoPi = 0.918_938_533_204_672_7
        let stirling = (shifted - 0.5) * log(shifted) - shifted + halfLogTwoPi + series
        return stirling - log(product)
    }

    /// π, to double precision.
    static let pi = 3.141_592_653_589_793
}
