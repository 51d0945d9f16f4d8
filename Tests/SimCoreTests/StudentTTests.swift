import Testing

@testable import SimCore

@Suite("Student's t distribution")
struct StudentTStatisticTests {
    /// Published two-sided 95% critical values, t(0.975, df), to the digits tables print.
    static let table: [(degreesOfFreedom: Double, value: Double)] = [
        (1, 12.706), (2, 4.303), (3, 3.182), (4, 2.776), (5, 2.571), (6, 2.447), (7, 2.365),
        (8, 2.306), (9, 2.262), (10, 2.228), (15, 2.131), (20, 2.086), (25, 2.060), (29, 2.045),
        (30, 2.042), (40, 2.021), (60, 2.000), (100, 1.984), (120, 1.980), (.infinity, 1.960),
    ]

    @Test(
        "the 0.975 quantile agrees with the published table to 4 significant digits",
        arguments: table
    )
    func quantileMatchesTable(row: (degreesOfFreedom: Double, value: Double)) {
        let t = StudentT.quantile(0.975, degreesOfFreedom: row.degreesOfFreedom)
        #expect(abs(t - row.value) / row.value < 5e-4, "df \(row.degreesOfFreedom): \(t)")
    }

    @Test("a 95% two-sided critical value is the 0.975 quantile")
    func twoSidedIsTheUpperQuantile() {
        for df in [1, 2, 3, 7, 30, 1000] {
            let twoSided = StudentT.twoSidedCriticalValue(level: 0.95, degreesOfFreedom: df)
            let quantile = StudentT.quantile(0.975, degreesOfFreedom: df)
            #expect(abs(twoSided - quantile) <= 1e-12 * quantile)
        }
    }

    @Test("more precise reference values agree to 9 significant digits")
    func preciseReferenceValues() {
        // Reference values from SciPy 1.17 (scipy.stats.t.ppf, scipy.stats.norm.ppf).
        let cases: [(p: Double, df: Double, value: Double)] = [
            (0.975, 1, 12.706_204_736_174_694),
            (0.975, 2, 4.302_652_729_749_462),
            (0.995, 1, 63.656_741_162_871_526),
            (0.975, 3, 3.182_446_305_283_708),
            (0.975, 4, 2.776_445_105_197_793),
            (0.975, 10, 2.228_138_851_986_274),
            (0.95, 5, 2.015_048_373_333_023),
            (0.995, 30, 2.749_995_653_567_225),
            (0.975, .infinity, 1.959_963_984_540_054),
            (0.995, .infinity, 2.575_829_303_548_900),
        ]
        for c in cases {
            let t = StudentT.quantile(c.p, degreesOfFreedom: c.df)
            #expect(abs(t - c.value) / c.value < 1e-9, "p \(c.p), df \(c.df): \(t) vs \(c.value)")
        }
    }

    @Test("the quantile inverts the distribution function")
    func quantileInvertsTheDistributionFunction() {
        for df in [1.0, 2, 3, 4.5, 8, 17, 250, 5000] {
            for p in [0.001, 0.025, 0.1, 0.4, 0.6, 0.9, 0.975, 0.999] {
                let t = StudentT.quantile(p, degreesOfFreedom: df)
                let back = StudentT.cumulativeProbability(t, degreesOfFreedom: df)
                #expect(abs(back - p) < 1e-12, "df \(df), p \(p): t \(t), back \(back)")
            }
        }
    }

    @Test("the quantile is antisymmetric around one half")
    func quantileIsAntisymmetric() {
        for df in [1.0, 3, 12, 90] {
            #expect(StudentT.quantile(0.5, degreesOfFreedom: df) == 0)
            let upper = StudentT.quantile(0.9, degreesOfFreedom: df)
            let lower = StudentT.quantile(0.1, degreesOfFreedom: df)
            #expect(abs(upper + lower) <= 1e-12 * upper)
        }
    }

    @Test("critical values fall steadily towards the normal value as degrees of freedom grow")
    func criticalValuesDecreaseTowardsNormal() {
        var previous = Double.infinity
        for df in 1...400 {
            let t = StudentT.twoSidedCriticalValue(level: 0.95, degreesOfFreedom: df)
            #expect(t < previous, "df \(df)")
            previous = t
        }
        #expect(previous > 1.959_963_984_540_054)
    }

    @Test("the Cornish-Fisher expansion meets the exact search where they hand over")
    func expansionMatchesSearchAtTheThreshold() {
        // Below the threshold the quantile comes from the search; compare it with the
        // expansion there, where the expansion is already far more precise than needed.
        for df in [StudentT.expansionThreshold / 2, StudentT.expansionThreshold] {
            for tail in [0.0005, 0.025, 0.2] {
                let z = StatisticsMath.normalUpperQuantile(tail: tail)
                let expansion = StudentT.cornishFisher(normal: z, degreesOfFreedom: df)
                let searched = StudentT.quantile(1 - tail, degreesOfFreedom: df)
                #expect(abs(searched - expansion) / searched < 1e-9, "df \(df), tail \(tail)")
            }
        }
    }

    @Test("the normal quantile inverts the normal tail")
    func normalQuantileInvertsTheTail() {
        for tail in [1e-12, 1e-6, 0.001, 0.025, 0.3, 0.5, 0.7, 0.999] {
            let z = StatisticsMath.normalUpperQuantile(tail: tail)
            let back = StatisticsMath.normalUpperTail(z)
            #expect(abs(back - tail) / tail < 1e-13, "tail \(tail): z \(z), back \(back)")
        }
    }

    @Test("log-gamma matches factorials and the half-integer value")
    func logGammaMatchesKnownValues() {
        // Absolute errors of a few ulps of ln(15!), where small arguments are shifted to.
        #expect(abs(StatisticsMath.logGamma(1)) < 1e-14)
        #expect(abs(StatisticsMath.logGamma(2)) < 1e-14)
        #expect(abs(StatisticsMath.logGamma(10) - 12.801_827_480_081_469) < 1e-13)
        #expect(abs(StatisticsMath.logGamma(0.5) - 0.572_364_942_924_700_1) < 1e-14)
        #expect(abs(StatisticsMath.logGamma(100) - 359.134_205_369_575_4) < 1e-11)
    }
}
