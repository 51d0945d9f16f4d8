// Elementary functions in plain Swift: the only place where SimCore does transcendental math.
//
// SimCore imports nothing but the standard library, and the C library's `log` and `exp` may
// differ in the last bit from one platform to the next, which would make a run's numbers
// depend on the machine. These versions use only IEEE 754 arithmetic (no fused
// multiply-add, no tables), so they return the same bits everywhere. They follow the
// classic argument-reduction-plus-minimax-polynomial scheme of Sun's fdlibm (the
// polynomial coefficients are its published ones) and stay within one ulp of the
// correctly rounded result.

/// ln 2, split so that `k * ln2High` is exact for every exponent `k` of a `Double`.
private let ln2High = 6.931_471_803_691_238_164_90e-01
/// The rest of ln 2: `ln2High + ln2Low` is ln 2 to about 2^-85.
private let ln2Low = 1.908_214_929_270_587_700_02e-10

/// The natural logarithm of `x`: NaN below zero, -infinity at zero.
///
/// Within one ulp of the exact result; bit-identical on every platform.
@usableFromInline
func naturalLog(_ x: Double) -> Double {
    guard x > 0 else { return x == 0 ? -.infinity : .nan }
    guard x.isFinite else { return x }
    // x = 2^k * m with m in [sqrt(2)/2, sqrt(2)), then log x = k ln 2 + log(1 + f), f = m - 1.
    let bits = x.bitPattern
    let biasedExponent = Int(truncatingIfNeeded: bits &>> 52)
    var k: Double
    var m: Double
    if biasedExponent != 0 {
        // Normal: read the exponent and significand straight from the bits.
        k = Double(biasedExponent &- 1023)
        m = Double(bitPattern: bits & 0x000f_ffff_ffff_ffff | 0x3ff0_0000_0000_0000)
    } else {
        k = Double(x.exponent)
        m = x.significand
    }
    if m > 1.414_213_562_373_095_1 {
        m *= 0.5
        k += 1
    }
    let f = m - 1
    // log(1 + f) = 2 atanh(s) with s = f / (2 + f), as an odd series in s.
    let s = f / (2 + f)
    let z = s * s
    let w = z * z
    let even = w * (3.999_999_999_940_941_908e-01
        + w * (2.222_219_843_214_978_396e-01 + w * 1.531_383_769_920_937_332e-01))
    let odd = z * (6.666_666_666_666_735_130e-01
        + w * (2.857_142_874_366_239_149e-01 + w * (1.818_357_216_161_805_012e-01 + w * 1.479_819_860_511_658_591e-01)))
    let r = odd + even
    let halfSquare = 0.5 * f * f
    return k * ln2High - ((halfSquare - (s * (halfSquare + r) + k * ln2Low)) - f)
}

/// e raised to `x`: zero below about -745, +infinity above about 709.78.
///
/// Within one ulp of the exact result; bit-identical on every platform.
@usableFromInline
func exponential(_ x: Double) -> Double {
    if x.isNaN { return x }
    if x > 7.097_827_128_933_839_730_96e+02 { return .infinity }
    if x < -7.451_332_191_019_411_084_20e+02 { return 0 }
    if x.magnitude < 0x1p-28 { return 1 + x }
    // x = k ln 2 + r with |r| <= ln 2 / 2, then e^x = 2^k e^r.
    // Round to the nearest integer by adding and removing 1.5 * 2^52 (exact for |x| < 2^51):
    // `rounded()` would call the C library's `rint` on baseline x86-64.
    let k = (x * 1.442_695_040_888_963_387_00 + 0x1.8p52) - 0x1.8p52
    let high = x - k * ln2High
    let low = k * ln2Low
    let r = high - low
    let t = r * r
    let c = r - t * (1.666_666_666_666_660_190_37e-01
        + t * (-2.777_777_777_701_559_338_42e-03
            + t * (6.613_756_321_437_934_361_17e-05
                + t * (-1.653_390_220_546_525_153_90e-06 + t * 4.138_136_797_057_238_460_39e-08))))
    let y = 1 - ((low - (r * c) / (2 - c)) - high)
    let exponent = Int(k)
    if exponent > -1022, exponent < 1024 {
        // 2^k is a normal number here, and y * 2^k is exact.
        return y * Double(bitPattern: UInt64(truncatingIfNeeded: exponent &+ 1023) &<< 52)
    }
    return Double(sign: .plus, exponent: exponent, significand: y)
}

/// `x` raised to `y`, for `x >= 0`: computed as e^(y log x).
///
/// The relative error is about `|y log x|` ulps, so keep `|y log x|` moderate (it is,
/// for every use in SimCore: sampling and moments, never accumulation).
@usableFromInline
func power(_ x: Double, _ y: Double) -> Double {
    if y == 0 { return 1 }
    if x == 0 { return y > 0 ? 0 : .infinity }
    if x == 1 { return 1 }
    return exponential(y * naturalLog(x))
}

/// log(1 + x) / x, accurate even when `x` is tiny (1 at zero).
///
/// Uses Kahan's trick: with `u = 1 + x` rounded, `log(u) / (u - 1)` has the right value
/// because the rounding error of `u` cancels between numerator and denominator.
@usableFromInline
func logOnePlusOverX(_ x: Double) -> Double {
    let u = 1 + x
    if u == 1 { return 1 - 0.5 * x }
    if u == .infinity { return 0 }
    return naturalLog(u) / (u - 1)
}

/// (e^x - 1) / x, accurate even when `x` is tiny (1 at zero).
///
/// Kahan's companion trick: with `u = e^x` rounded, `(u - 1) / log(u)`.
@usableFromInline
func exponentialMinusOneOverX(_ x: Double) -> Double {
    let u = exponential(x)
    if u == 1 { return 1 + 0.5 * x }
    if u == .infinity { return .infinity }
    if u == 0 { return -1 / x }
    return (u - 1) / naturalLog(u)
}

/// log(1 + x), accurate when `x` is tiny.
@usableFromInline
func logOnePlus(_ x: Double) -> Double {
    if x == .infinity { return x }
    return x * logOnePlusOverX(x)
}

/// e^x - 1, accurate when `x` is tiny.
@usableFromInline
func exponentialMinusOne(_ x: Double) -> Double {
    if x == .infinity { return x }
    if x == -.infinity { return -1 }
    return x * exponentialMinusOneOverX(x)
}

/// The Lanczos coefficients for g = 7, n = 9 (Godfrey), good to about 1e-15 relative.
private let lanczosCoefficients: [Double] = [
    0.999_999_999_999_809_93, 676.520_368_121_885_1, -1_259.139_216_722_402_8,
    771.323_428_777_653_13, -176.615_029_162_140_59, 12.507_343_278_686_905,
    -0.138_571_095_265_720_12, 9.984_369_578_019_571_6e-6, 1.505_632_735_149_311_6e-7,
]

/// ln Γ(x) for `x > 0` (Lanczos approximation), about 1e-15 relative accuracy.
///
/// Used for moments (the Weibull mean), never on a sampling path.
func logGamma(_ x: Double) -> Double {
    precondition(x > 0, "logGamma is defined here for positive arguments only, got \(x)")
    if x < 0.5 {
        // Γ(x) = Γ(x + 1) / x keeps the series in its accurate range without a sine.
        return logGamma(x + 1) - naturalLog(x)
    }
    let z = x - 1
    var sum = lanczosCoefficients[0]
    for index in 1..<lanczosCoefficients.count {
        sum += lanczosCoefficients[index] / (z + Double(index))
    }
    let t = z + 7.5
    return 0.918_938_533_204_672_741_78 + (z + 0.5) * naturalLog(t) - t + naturalLog(sum)
}

/// Γ(x) for `x > 0`; +infinity once it overflows (x > about 171.6).
func gammaFunction(_ x: Double) -> Double {
    exponential(logGamma(x))
}
