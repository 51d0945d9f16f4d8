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
    let even =
        w
        * (3.999_999_999_940_941_908e-01
            + w * (2.222_219_843_214_978_396e-01 + w * 1.531_383_769_920_937_332e-01))
    let odd =
        z
        * (6.666_666_666_666_735_130e-01
            + w
            * (2.857_142_874_366_239_149e-01 + w * (1.818_357_216_161_805_012e-01 + w * 1.479_819_860_511_658_591e-01)))
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
    let c =
        r - t
        * (1.666_666_666_666_660_190_37e-01
            + t
            * (-2.777_777_777_701_559_338_42e-03
                + t
                * (6.613_756_321_437_934_361_17e-05
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

// MARK: - Tangent

/// 2/π to 53 bits, for choosing the multiple of π/2 nearest to an argument.
private let twoOverPi = 6.366_197_723_675_813_824_33e-01
/// The first 33 bits of π/2: `n * halfPi1` is exact for `|n| < 2^20`.
private let halfPi1 = 1.570_796_326_734_125_614_17e+00
/// π/2 − `halfPi1`.
private let halfPi1Tail = 6.077_100_506_506_192_249_32e-11
/// The next 33 bits of π/2.
private let halfPi2 = 6.077_100_506_303_965_976_60e-11
/// π/2 − (`halfPi1` + `halfPi2`).
private let halfPi2Tail = 2.022_266_248_795_950_631_54e-21
/// The next 33 bits of π/2.
private let halfPi3 = 2.022_266_248_711_166_455_80e-21
/// π/2 − (`halfPi1` + `halfPi2` + `halfPi3`).
private let halfPi3Tail = 8.478_427_660_368_899_569_97e-32

/// The largest magnitude ``tangent(_:)`` reduces: 2^20 · π/2, rounded down (about 1.647e6).
/// Up to there `n · halfPi1` is exact, so the three-step Cody–Waite reduction below is good
/// to well over 100 bits.
let tangentArgumentLimit = 1_647_099.0

/// The tangent of `x` radians, for `|x| < 1_647_099` (2^20 · π/2); NaN for NaN and ±infinity.
///
/// fdlibm's `tan`: `x` is reduced to `y = x − n π/2` (|y| ≤ π/4, carried as a head and a
/// tail) by Cody–Waite steps against a 3 × 33-bit split of π/2, then `tan(y)` or
/// `−1/tan(y)` comes from a degree-27 odd minimax polynomial. Within one ulp of the exact
/// result; bit-identical on every platform. Larger arguments would need Payne–Hanek
/// reduction and are refused.
@usableFromInline
func tangent(_ x: Double) -> Double {
    let magnitude = x.magnitude
    // tan x = x (1 + x²/3 + …) rounds to x itself below 2^-27; this also keeps −0.
    if magnitude < 0x1p-27 { return x }
    // |x| up to just above π/4 (high word 0x3fe921fb) needs no reduction.
    if magnitude < 7.853_984_832_763_671_875e-01 { return tangentKernel(x, 0, negatedReciprocal: false) }
    guard magnitude.isFinite else { return .nan }
    precondition(
        magnitude < tangentArgumentLimit,
        "tangent reduces arguments only up to \(tangentArgumentLimit) in magnitude, got \(x)"
    )
    let reduced = reduceByHalfPi(x)
    return tangentKernel(reduced.head, reduced.tail, negatedReciprocal: reduced.quadrant & 1 == 1)
}

/// The biased exponent field of `x`.
@inline(__always)
private func biasedExponent(_ x: Double) -> Int {
    Int(truncatingIfNeeded: x.bitPattern &>> 52) & 0x7ff
}

/// `x` with the low 32 bits of its significand cleared, so that products of two such
/// values are exact.
@inline(__always)
private func highPart(_ x: Double) -> Double {
    Double(bitPattern: x.bitPattern & 0xffff_ffff_0000_0000)
}

/// `x − n π/2 = head + tail` with `n` the nearest integer to `x · 2/π`, for
/// `|x| < tangentArgumentLimit` (fdlibm's medium-size `__ieee754_rem_pio2`).
private func reduceByHalfPi(_ x: Double) -> (quadrant: Int, head: Double, tail: Double) {
    // Round to the nearest integer by adding and removing 1.5 * 2^52, as in exponential(_:).
    let n = (x * twoOverPi + 0x1.8p52) - 0x1.8p52
    var r = x - n * halfPi1  // exact
    var w = n * halfPi1Tail
    var head = r - w
    let exponent = biasedExponent(x)
    // If the first step cancelled more than 16 bits, subtract the next 33 bits of π/2 too,
    // and the last 33 if more than 49 cancelled; each step keeps its rounding error in w.
    if exponent - biasedExponent(head) > 16 {
        var t = r
        w = n * halfPi2
        r = t - w
        w = n * halfPi2Tail - ((t - r) - w)
        head = r - w
        if exponent - biasedExponent(head) > 49 {
            t = r
            w = n * halfPi3
            r = t - w
            w = n * halfPi3Tail - ((t - r) - w)
            head = r - w
        }
    }
    return (Int(n), head, (r - head) - w)
}

/// `tan(x + y)`, or `−1 / tan(x + y)` when `negatedReciprocal` is true, for `|x| ≲ π/4` and
/// `y` a tail below half an ulp of `x` (fdlibm's `__kernel_tan`, 2004 revision). `x` must not
/// be zero.
private func tangentKernel(_ x: Double, _ y: Double, negatedReciprocal: Bool) -> Double {
    var x = x
    var y = y
    let negative = x.sign == .minus
    // Above 0.6744, use tan(π/4 − u) = (1 − tan u) / (1 + tan u) with the small u instead.
    let nearQuarterPi = x.magnitude >= 6.743_354_797_363_281_25e-01
    if nearQuarterPi {
        if negative {
            x = -x
            y = -y
        }
        x = (7.853_981_633_974_482_789_99e-01 - x) + (3.061_616_997_868_383_017_93e-17 - y)
        y = 0
    }
    let z = x * x
    let w = z * z
    // tan x = x + T0 x³ + … + T12 x^27, the odd and even T-terms in w = x⁴ evaluated apart.
    var r =
        1.333_333_333_332_012_426_99e-01 + w
        * (2.186_948_829_485_954_245_99e-02
            + w
            * (3.592_079_107_591_312_353_56e-03 + w
                * (5.880_412_408_202_640_968_74e-04
                    + w * (7.817_944_429_395_570_923_00e-05 + w * -1.855_863_748_552_754_566_54e-05))))
    let v =
        z
        * (5.396_825_397_622_605_213_77e-02 + w
            * (8.863_239_823_599_300_057_37e-03
                + w
                * (1.456_209_454_325_290_255_16e-03 + w
                    * (2.464_631_348_184_699_068_12e-04
                        + w * (7.140_724_913_826_081_903_05e-05 + w * 2.590_730_518_636_337_128_84e-05)))))
    let s = z * x
    r = y + z * (s * (r + v) + y)
    r += 3.333_333_333_333_340_919_86e-01 * s
    let sum = x + r
    if nearQuarterPi {
        let one = negatedReciprocal ? -1.0 : 1.0
        let result = one - 2 * (x - (sum * sum / (sum + one) - r))
        return negative ? -result : result
    }
    if !negatedReciprocal { return sum }
    // −1 / (x + r), accurately: split sum and its reciprocal into high halves and correct.
    let sumHigh = highPart(sum)
    let sumLow = r - (sumHigh - x)  // sumHigh + sumLow = x + r
    let reciprocal = -1 / sum
    let reciprocalHigh = highPart(reciprocal)
    let residual = 1 + reciprocalHigh * sumHigh
    return reciprocalHigh + reciprocal * (residual + reciprocalHigh * sumLow)
}

// MARK: - Complementary error function

/// 0.84506291151 rounded to single precision: erf(1 + s) = `erfAtOne` + P(s) / Q(s).
private let erfAtOne = 8.450_629_115_104_675_292_97e-01

/// The complementary error function `erfc(x) = 1 − erf(x)`, accurate in the far right tail:
/// 2 at −infinity, 0 at +infinity (and from about 27.2 on, where it underflows).
///
/// fdlibm's `erfc`: rational minimax approximations on [0, 0.84375), [0.84375, 1.25),
/// [1.25, 1/0.35) and [1/0.35, 28), the last two of `log(x erfc(x)) + x² + 0.5625` in
/// `1/x²`, with the exponentials from ``exponential(_:)``. Within 2.5 ulp of the exact
/// result, as glibc's `erfc` is; bit-identical on every platform.
@usableFromInline
func complementaryErrorFunction(_ x: Double) -> Double {
    if x.isNaN { return x }
    let magnitude = x.magnitude
    if magnitude < 0.843_75 {
        if magnitude < 0x1p-56 { return 1 - x }
        // erf(x) = x + x R(x²) with R = P / Q.
        let z = x * x
        let p =
            1.283_791_670_955_125_585_61e-01 + z
            * (-3.250_421_072_470_014_993_70e-01
                + z
                * (-2.848_174_957_559_851_047_66e-02 + z
                    * (-5.770_270_296_489_441_591_57e-03
                        + z * -2.376_301_665_665_016_260_84e-05)))
        let q =
            1 + z
            * (3.979_172_239_591_553_528_19e-01 + z
                * (6.502_224_998_876_729_444_85e-02
                    + z
                    * (5.081_306_281_875_765_627_76e-03 + z
                        * (1.324_947_380_043_216_445_26e-04
                            + z * -3.960_228_278_775_368_123_20e-06))))
        let y = p / q
        if x < 0.25 { return 1 - (x + x * y) }
        return 0.5 - (x * y + (x - 0.5))
    }
    if magnitude < 1.25 {
        // erf(1 + s) = erfAtOne + P(s) / Q(s).
        let s = magnitude - 1
        let p =
            -2.362_118_560_752_659_440_77e-03 + s
            * (4.148_561_186_837_483_316_66e-01
                + s
                * (-3.722_078_760_357_013_238_47e-01 + s
                    * (3.183_466_199_011_617_536_74e-01
                        + s
                        * (-1.108_946_942_823_966_774_76e-01 + s
                            * (3.547_830_432_561_823_593_71e-02
                                + s * -2.166_375_594_868_790_843_00e-03)))))
        let q =
            1 + s
            * (1.064_208_804_008_442_282_86e-01 + s
                * (5.403_979_177_021_710_489_37e-01
                    + s
                    * (7.182_865_441_419_626_628_68e-02 + s
                        * (1.261_712_198_087_616_421_12e-01
                            + s * (1.363_708_391_202_905_073_62e-02 + s * 1.198_449_984_679_910_741_70e-02)))))
        return x > 0 ? (1 - erfAtOne) - p / q : 1 + (erfAtOne + p / q)
    }
    if magnitude >= 28 { return x > 0 ? 0 : 2 }
    // From 1/0.35 (high word 0x4006db6d) on, and below −6, erfc(−|x|) is 2 to double precision.
    let pastOneOverPointThirtyFive = magnitude >= 2.857_141_494_750_976_562_5
    if pastOneOverPointThirtyFive, x < 0, magnitude >= 6 { return 2 }
    // erfc(x) = exp(−x² − 0.5625 + R(s) / S(s)) / x with s = 1/x².
    let s = 1 / (magnitude * magnitude)
    let ratio: Double
    if !pastOneOverPointThirtyFive {
        let r =
            -9.864_944_034_847_148_227_05e-03 + s
            * (-6.938_585_727_071_817_643_72e-01
                + s
                * (-1.055_862_622_532_329_098_14e+01 + s
                    * (-6.237_533_245_032_600_603_96e+01
                        + s
                        * (-1.623_966_694_625_734_703_55e+02 + s
                            * (-1.846_050_929_067_110_359_94e+02
                                + s * (-8.128_743_550_630_659_342_46e+01 + s * -9.814_329_344_169_145_485_92e+00))))))
        let q =
            1 + s
            * (1.965_127_166_743_925_712_92e+01 + s
                * (1.376_577_541_435_190_426_00e+02
                    + s
                    * (4.345_658_774_752_292_288_21e+02 + s
                        * (6.453_872_717_332_678_803_36e+02
                            + s
                            * (4.290_081_400_275_678_333_86e+02 + s
                                * (1.086_350_055_417_794_351_34e+02
                                    + s
                                    * (6.570_249_770_319_281_701_35e+00
                                        + s * -6.042_441_521_485_809_874_38e-02)))))))
        ratio = r / q
    } else {
        let r =
            -9.864_942_924_700_099_285_97e-03 + s
            * (-7.992_832_376_805_230_065_74e-01
                + s
                * (-1.775_795_491_775_475_198_89e+01 + s
                    * (-1.606_363_848_558_219_160_62e+02
                        + s
                        * (-6.375_664_433_683_896_277_22e+02 + s
                            * (-1.025_095_131_611_077_249_54e+03
                                + s * -4.835_191_916_086_513_970_19e+02)))))
        let q =
            1 + s
            * (3.033_806_074_348_245_829_24e+01 + s
                * (3.257_925_129_965_739_188_26e+02
                    + s
                    * (1.536_729_586_084_436_959_94e+03 + s
                        * (3.199_858_219_508_595_539_08e+03
                            + s
                            * (2.553_050_406_433_164_425_83e+03 + s
                                * (4.745_285_412_069_553_672_15e+02
                                    + s * -2.244_095_244_658_581_833_62e+01))))))
        ratio = r / q
    }
    // −x² = −h² + (h − x)(h + x) with h the high half of x, so h² is exact.
    let h = highPart(magnitude)
    let r = exponential(-h * h - 0.5625) * exponential((h - magnitude) * (h + magnitude) + ratio)
    return x > 0 ? r / magnitude : 2 - r / magnitude
}

// MARK: - Sine, cosine and arcsine

/// The sine of `x` radians, for `|x| < 1_647_099` (2^20 · π/2); NaN for NaN and ±infinity.
///
/// fdlibm's `sin`: the same Cody–Waite reduction as ``tangent(_:)`` gives `y = x − n π/2`
/// (|y| ≤ π/4, as a head and a tail), then the quadrant `n mod 4` picks ±`sin y` or ±`cos y`
/// from the kernels. Within one ulp of the exact result; bit-identical on every platform.
@usableFromInline
func sine(_ x: Double) -> Double {
    let magnitude = x.magnitude
    // Up to just above π/4 (high word 0x3fe921fb) no reduction; below 2^-26, sin x rounds to x
    // (this also keeps −0).
    if magnitude < 7.853_984_832_763_671_875e-01 {
        if magnitude < 0x1p-26 { return x }
        return sineKernel(x, 0, hasTail: false)
    }
    guard magnitude.isFinite else { return .nan }
    precondition(
        magnitude < tangentArgumentLimit,
        "sine reduces arguments only up to \(tangentArgumentLimit) in magnitude, got \(x)"
    )
    let reduced = reduceByHalfPi(x)
    switch reduced.quadrant & 3 {
    case 0: return sineKernel(reduced.head, reduced.tail, hasTail: true)
    case 1: return cosineKernel(reduced.head, reduced.tail)
    case 2: return -sineKernel(reduced.head, reduced.tail, hasTail: true)
    default: return -cosineKernel(reduced.head, reduced.tail)
    }
}

/// The cosine of `x` radians, for `|x| < 1_647_099` (2^20 · π/2); NaN for NaN and ±infinity.
///
/// fdlibm's `cos`, reduced like ``sine(_:)``. Within one ulp of the exact result;
/// bit-identical on every platform.
@usableFromInline
func cosine(_ x: Double) -> Double {
    let magnitude = x.magnitude
    if magnitude < 7.853_984_832_763_671_875e-01 {
        // Below 2^-27 · √2 (high word 0x3e46a09e), cos x = 1 − x²/2 rounds to 1.
        if magnitude < 1.053_670_928_286_010_2e-08 { return 1 }
        return cosineKernel(x, 0)
    }
    guard magnitude.isFinite else { return .nan }
    precondition(
        magnitude < tangentArgumentLimit,
        "cosine reduces arguments only up to \(tangentArgumentLimit) in magnitude, got \(x)"
    )
    let reduced = reduceByHalfPi(x)
    switch reduced.quadrant & 3 {
    case 0: return cosineKernel(reduced.head, reduced.tail)
    case 1: return -sineKernel(reduced.head, reduced.tail, hasTail: true)
    case 2: return -cosineKernel(reduced.head, reduced.tail)
    default: return sineKernel(reduced.head, reduced.tail, hasTail: true)
    }
}

/// `sin(x + y)` for `|x| ≤ π/4` and `y` a tail below half an ulp of `x` (fdlibm's
/// `__kernel_sin`): `x + S1 x³ + … + S6 x¹³`, a degree-13 odd minimax polynomial with
/// |error| < 2^-58. `hasTail: false` means `y` is known to be zero.
private func sineKernel(_ x: Double, _ y: Double, hasTail: Bool) -> Double {
    let s1 = -1.666_666_666_666_663_243_48e-01
    let z = x * x
    let v = z * x
    let r =
        8.333_333_333_322_489_461_24e-03 + z
        * (-1.984_126_982_985_794_931_34e-04
            + z
            * (2.755_731_370_707_006_767_89e-06 + z
                * (-2.505_076_025_340_686_341_95e-08
                    + z * 1.589_690_995_211_550_102_21e-10)))
    if !hasTail { return x + v * (s1 + z * r) }
    // sin(x + y) ≈ sin x + y cos x ≈ sin x + y (1 − x²/2).
    return x - ((z * (0.5 * y - v * r) - y) - v * s1)
}

/// `cos(x + y)` for `|x| ≤ π/4` and `y` a tail below half an ulp of `x` (fdlibm's
/// `__kernel_cos`, FreeBSD revision): `1 − x²/2 + C1 x⁴ + … + C6 x¹⁴`, with `1 − x²/2`
/// split so that its rounding error is added back.
private func cosineKernel(_ x: Double, _ y: Double) -> Double {
    let z = x * x
    var w = z * z
    let r =
        z
        * (4.166_666_666_666_660_190_37e-02 + z
            * (-1.388_888_888_887_410_957_49e-03
                + z * 2.480_158_728_947_672_941_78e-05))
        + w * w
        * (-2.755_731_435_139_066_330_35e-07 + z
            * (2.087_572_321_298_174_827_90e-09
                + z * -1.135_964_755_778_819_482_65e-11))
    let halfSquare = 0.5 * z
    w = 1 - halfSquare
    return w + (((1 - w) - halfSquare) + (z * r - x * y))
}

/// π/2 as a head (its double rounding) and a tail: `halfPiHead + halfPiTail` is π/2 to
/// about 2^-106.
private let halfPiHead = 1.570_796_326_794_896_558_00e+00
/// π/2 − `halfPiHead`.
private let halfPiTail = 6.123_233_995_736_766_035_87e-17
/// π/4 rounded to double.
private let quarterPiHead = 7.853_981_633_974_482_789_99e-01

/// The arcsine of `x` in radians, in [−π/2, π/2]; NaN outside [−1, 1] and for NaN.
///
/// fdlibm's `asin`: below 0.5, `x + x R(x²)` with `R` a rational minimax approximation of
/// degree (6, 4); above, `π/2 − 2 asin(√((1 − |x|)/2))` with the square root split into a
/// high half and a correction so that no bits are lost. Within one ulp of the exact
/// result; bit-identical on every platform (`squareRoot()` is correctly rounded by IEEE 754).
@usableFromInline
func arcSine(_ x: Double) -> Double {
    let magnitude = x.magnitude
    if magnitude >= 1 {
        if magnitude == 1 { return x * halfPiHead + x * halfPiTail }
        return .nan  // |x| > 1, or NaN
    }
    if magnitude < 0.5 {
        // Below 2^-27, asin x = x (1 + x²/6 + …) rounds to x; this also keeps −0.
        if magnitude < 0x1p-27 { return x }
        return x + x * arcSineRational(x * x)
    }
    let w = 1 - magnitude
    let t = w * 0.5
    let ratio = arcSineRational(t)
    let s = t.squareRoot()
    let result: Double
    // Above 0.975 (high word 0x3fef3333) the plain formula is accurate enough.
    if magnitude >= 9.749_999_046_325_683_593_75e-01 {
        result = halfPiHead - (2 * (s + s * ratio) - halfPiTail)
    } else {
        // s = high + c with high the top 32 bits of s, so 2·high is exact and c small.
        let high = highPart(s)
        let c = (t - high * high) / (s + high)
        let p = 2 * s * ratio - (halfPiTail - 2 * c)
        let q = quarterPiHead - 2 * high
        result = quarterPiHead - (p - q)
    }
    return x.sign == .minus ? -result : result
}

/// `R(t) = P(t) / Q(t)` with `asin x = x + x R(x²)` near zero (fdlibm's `pS0…pS5`, `qS1…qS4`).
private func arcSineRational(_ t: Double) -> Double {
    let p =
        t
        * (1.666_666_666_666_666_574_15e-01 + t
            * (-3.255_658_186_224_009_154_05e-01
                + t
                * (2.012_125_321_348_629_258_81e-01 + t
                    * (-4.005_553_450_067_941_140_27e-02
                        + t * (7.915_349_942_898_145_321_76e-04 + t * 3.479_331_075_960_211_675_70e-05)))))
    let q =
        1 + t
        * (-2.403_394_911_734_414_218_78e+00 + t
            * (2.020_945_760_233_505_694_71e+00
                + t * (-6.882_839_716_054_532_930_30e-01 + t * 7.703_815_055_590_193_527_91e-02)))
    return p / q
}

// MARK: - Public surface

/// Elementary functions for other modules, bit-identical on every platform.
///
/// The C library's `sin`, `log` or `exp` may differ in the last bit between platforms and
/// library versions, which would make a run's numbers depend on the machine. These use only
/// IEEE 754 arithmetic (fdlibm's algorithms in plain Swift), so the same arguments give the
/// same bits everywhere; each is within one ulp of the exact result. Use them for anything
/// that reaches a simulation's results.
public enum PortableMath {
    /// The sine of `x` radians, for `|x| < 1_647_099`; NaN for NaN and ±infinity.
    ///
    /// Bit-identical on every platform. Traps beyond the reduction limit (2^20 · π/2),
    /// which no angle of geography or phase of a daily cycle reaches.
    @inlinable public static func sin(_ x: Double) -> Double { sine(x) }

    /// The cosine of `x` radians, for `|x| < 1_647_099`; NaN for NaN and ±infinity.
    ///
    /// Bit-identical on every platform. Traps beyond the reduction limit (2^20 · π/2).
    @inlinable public static func cos(_ x: Double) -> Double { cosine(x) }

    /// The tangent of `x` radians, for `|x| < 1_647_099`; NaN for NaN and ±infinity.
    ///
    /// Bit-identical on every platform. Traps beyond the reduction limit (2^20 · π/2).
    @inlinable public static func tan(_ x: Double) -> Double { tangent(x) }

    /// The arcsine of `x`, in radians in [−π/2, π/2]; NaN outside [−1, 1].
    ///
    /// Bit-identical on every platform.
    @inlinable public static func asin(_ x: Double) -> Double { arcSine(x) }

    /// The square root of `x`; NaN below zero.
    ///
    /// Correctly rounded by IEEE 754, hence bit-identical on every platform.
    @inlinable public static func sqrt(_ x: Double) -> Double { x.squareRoot() }

    /// The natural logarithm of `x`: NaN below zero, −infinity at zero.
    ///
    /// Bit-identical on every platform.
    @inlinable public static func log(_ x: Double) -> Double { naturalLog(x) }

    /// e raised to `x`: zero below about −745, +infinity above about 709.78.
    ///
    /// Bit-identical on every platform.
    @inlinable public static func exp(_ x: Double) -> Double { exponential(x) }
}
