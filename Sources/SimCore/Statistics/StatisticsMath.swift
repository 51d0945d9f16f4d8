#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few elementary functions the statistics need, as thin wrappers over the C library.
///
/// Each wrapper names the C module explicitly, so a module-level `log` or `exp` declared
/// elsewhere in SimCore can neither shadow these nor be shadowed by them. Everything here is
/// pure and thread-safe: no function touches C global state (C's `lgamma` writes `signgam`,
/// so ``logGamma(_:)`` is computed here instead).
enum StatisticsMath {
    /// The natural logarithm of `x`.
    @inline(__always)
    static func log(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.log(x)
        #elseif canImport(Musl)
        Musl.log(x)
        #elseif canImport(Darwin)
        Darwin.log(x)
        #endif
    }

    /// `log(1 + x)`, accurate for `x` near zero.
    @inline(__always)
    static func log1p(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.log1p(x)
        #elseif canImport(Musl)
        Musl.log1p(x)
        #elseif canImport(Darwin)
        Darwin.log1p(x)
        #endif
    }

    /// `e` raised to `x`.
    @inline(__always)
    static func exp(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.exp(x)
        #elseif canImport(Musl)
        Musl.exp(x)
        #elseif canImport(Darwin)
        Darwin.exp(x)
        #endif
    }

    /// The tangent of `x` radians.
    @inline(__always)
    static func tan(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.tan(x)
        #elseif canImport(Musl)
        Musl.tan(x)
        #elseif canImport(Darwin)
        Darwin.tan(x)
        #endif
    }

    /// The complementary error function, `1 - erf(x)`, accurate in the far tail.
    @inline(__always)
    static func erfc(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.erfc(x)
        #elseif canImport(Musl)
        Musl.erfc(x)
        #elseif canImport(Darwin)
        Darwin.erfc(x)
        #endif
    }

    /// `ln Γ(x)` for `x > 0`, to about 15 significant digits.
    ///
    /// Stirling's series with five Bernoulli terms, after shifting `x` up to at least 15 with
    /// `Γ(x) = Γ(x + n) / (x (x + 1) … (x + n − 1))`; the first omitted term is below 1e-16
    /// there. Written out because C's `lgamma` is not thread-safe (it writes `signgam`).
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
        let series = inverse * (1.0 / 12 + inverseSquared * (-1.0 / 360 + inverseSquared * (1.0 / 1260
            + inverseSquared * (-1.0 / 1680 + inverseSquared * (1.0 / 1188)))))
        let halfLogTwoPi = 0.918_938_533_204_672_7
        let stirling = (shifted - 0.5) * log(shifted) - shifted + halfLogTwoPi + series
        return stirling - log(product)
    }

    /// π, to double precision.
    static let pi = 3.141_592_653_589_793
}
