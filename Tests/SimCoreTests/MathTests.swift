import Testing

@testable import SimCore

/// The plain-Swift elementary functions that SimCore uses instead of the C library.
///
/// Reference values are the exact results rounded to double, computed with mpmath at 300 bits
/// (`mpmath.tan`, `mpmath.erfc`) from the exact double arguments written here.
@Suite("Math: tangent and complementary error function")
struct MathTests {
    /// (x, tan x rounded to double).
    static let tangentReferences: [(x: Double, value: Double)] = [
        (1e-300, 1e-300),
        (1e-10, 1e-10),
        (7.450580596923828e-09, 7.450580596923828e-09),
        (1e-05, 1.0000000000333334e-05),
        (0.1, 0.10033467208545055),
        (0.5, 0.5463024898437905),
        (0.674335479736328, 0.799335257107169),
        (0.6743354797363281, 0.7993352571071692),
        (0.75, 0.9315964599440725),
        (0.7853981633974483, 0.9999999999999999),
        (0.7853984832763672, 1.0000006397580423),
        (0.8, 1.0296385570503641),
        (1.0, 1.5574077246549023),
        (1.2, 2.5721516221263188),
        (1.5, 14.101419947171719),
        (1.5707963267948961, 1978937966095219.0),
        (1.5707963267948966, 1.633123935319537e+16),
        (1.6, -34.232532735557314),
        (2.0, -2.185039863261519),
        (2.5, -0.7470222972386603),
        (3.0, -0.1425465430742778),
        (3.141592653589793, -1.2246467991473532e-16),
        (4.0, 1.1578212823495775),
        (4.71238898038469, 5443746451065123.0),
        (6.283185307179586, -2.4492935982947064e-16),
        (10.0, 0.6483608274590866),
        (100.0, -0.5872139151569291),
        (1000.0, 1.4703241557027185),
        (1570.7963267948967, 6.666535247945037e-14),
        (12345.678, -0.9914971407432149),
        (100000.0, -0.035771662952898776),
        (1000000.0, -0.373624453987599),
        (1647098.5, -1.091601892600877),
        (-0.3, -0.30933624960962325),
        (-1.0, -1.5574077246549023),
        (-2.0, 2.185039863261519),
        (0.07853981633974483, 0.07870170682461844),
        (1.2566370614359172, 3.0776835371752527),
        (1.5393804002589986, 31.820515953773853),
    ]

    @Test("the tangent is within one ulp of the exact value, with and without reduction")
    func tangentMatchesReferenceValues() {
        for row in Self.tangentReferences {
            let t = tangent(row.x)
            #expect((t - row.value).magnitude <= row.value.ulp, "tan(\(row.x)) = \(t), expected \(row.value)")
        }
    }

    @Test("the tangent is odd, keeps zero's sign and is NaN at infinity")
    func tangentSymmetryAndSpecialValues() {
        var x = 1e-9
        while x < tangentArgumentLimit {
            #expect(tangent(-x) == -tangent(x), "x \(x)")
            x *= 1.37
        }
        #expect(tangent(0) == 0 && tangent(0).sign == .plus)
        #expect(tangent(-0.0) == 0 && tangent(-0.0).sign == .minus)
        #expect(tangent(.infinity).isNaN)
        #expect(tangent(-.infinity).isNaN)
        #expect(tangent(.nan).isNaN)
    }

    /// (x, erfc x rounded to double).
    static let complementaryErrorReferences: [(x: Double, value: Double)] = [
        (1e-20, 1.0),
        (1e-10, 0.999999999887162),
        (0.1, 0.887537083981715),
        (0.24999999999999997, 0.7236736098317631),
        (0.25, 0.7236736098317631),
        (0.5, 0.4795001221869535),
        (0.8, 0.2578990352923395),
        (0.8437499999999999, 0.23277433876765843),
        (0.84375, 0.23277433876765838),
        (1.0, 0.15729920705028513),
        (1.2, 0.08968602177036464),
        (1.2499999999999998, 0.07709987174354183),
        (1.25, 0.07709987174354177),
        (1.5, 0.033894853524689274),
        (2.0, 0.004677734981047266),
        (2.857141494750976, 5.331274941213432e-05),
        (2.8571414947509766, 5.3312749412134176e-05),
        (3.0, 2.209049699858544e-05),
        (4.0, 1.541725790028002e-08),
        (5.0, 1.537459794428035e-12),
        (6.0, 2.1519736712498913e-17),
        (8.0, 1.1224297172982926e-29),
        (10.0, 2.088487583762545e-45),
        (15.0, 7.212994172451207e-100),
        (20.0, 5.395865611607901e-176),
        (25.0, 8.300172571196523e-274),
        (26.5, 2.2109076642637343e-307),
        (-1e-10, 1.000000000112838),
        (-0.1, 1.1124629160182848),
        (-0.5, 1.5204998778130465),
        (-1.0, 1.8427007929497148),
        (-1.3, 1.9340079449406524),
        (-2.0, 1.9953222650189528),
        (-3.0, 1.9999779095030015),
        (-5.0, 1.9999999999984626),
        (-5.9, 2.0),
        (0.7071067811865476, 0.3173105078629141),
        (1.3859038243496777, 0.05000000000000004),
    ]

    @Test("erfc is within three ulps of the exact value on every branch")
    func complementaryErrorFunctionMatchesReferenceValues() {
        for row in Self.complementaryErrorReferences {
            let value = complementaryErrorFunction(row.x)
            #expect(
                (value - row.value).magnitude <= 3 * row.value.ulp,
                "erfc(\(row.x)) = \(value), expected \(row.value)"
            )
        }
    }

    @Test("erfc underflows gradually, saturates at 0 and 2, and keeps NaN")
    func complementaryErrorFunctionLimits() {
        // erfc(27) = 5.23705e-319, the subnormal 105_999 · 2^-1074 when rounded; erfc vanishes
        // in double precision from 27.3.
        let subnormal = complementaryErrorFunction(27)
        let expected = 105_999 * Double.leastNonzeroMagnitude
        #expect((subnormal - expected).magnitude <= 2 * Double.leastNonzeroMagnitude)
        #expect(complementaryErrorFunction(27.3) == 0)
        #expect(complementaryErrorFunction(28) == 0)
        #expect(complementaryErrorFunction(40) == 0)
        #expect(complementaryErrorFunction(.infinity) == 0)
        #expect(complementaryErrorFunction(-6) == 2)
        #expect(complementaryErrorFunction(-40) == 2)
        #expect(complementaryErrorFunction(-.infinity) == 2)
        #expect(complementaryErrorFunction(0) == 1)
        #expect(complementaryErrorFunction(-0.0) == 1)
        #expect(complementaryErrorFunction(.nan).isNaN)
    }

    @Test("erfc(x) + erfc(−x) = 2")
    func complementaryErrorFunctionReflection() {
        for step in 0...600 {
            let x = Double(step) * 0.01
            let sum = complementaryErrorFunction(x) + complementaryErrorFunction(-x)
            #expect((sum - 2).magnitude <= 2 * 2.0.ulp, "x \(x): \(sum)")
        }
    }

    @Test("StatisticsMath forwards to the plain-Swift functions")
    func statisticsMathForwards() {
        for x in [1e-300, 1e-8, 0.3, 1, 2.5, 17, 1e10] {
            #expect(StatisticsMath.log(x) == naturalLog(x))
            #expect(StatisticsMath.log1p(x) == logOnePlus(x))
            #expect(StatisticsMath.exp(-x) == exponential(-x))
            #expect(StatisticsMath.erfc(x) == complementaryErrorFunction(x))
            #expect(StatisticsMath.erfc(-x) == complementaryErrorFunction(-x))
        }
        for x in [1e-10, 0.3, 1, 1.5, 3, 1e6] {
            #expect(StatisticsMath.tan(x) == tangent(x))
            #expect(StatisticsMath.tan(-x) == tangent(-x))
        }
    }

    @Test("the normal upper tail matches mpmath")
    func normalUpperTailMatchesReferenceValues() {
        // 0.5 erfc(z / √2) at 300 bits; rounding z / √2 costs about z² ulps of relative error.
        let cases: [(z: Double, tail: Double)] = [
            (-1, 0.8413447460685429),
            (1.959963984540054, 0.025000000000000015),
            (2.5758293035489, 0.005000000000000011),
            (5, 2.866515718791939e-07),
            (10, 7.619853024160525e-24),
        ]
        for c in cases {
            let tail = StatisticsMath.normalUpperTail(c.z)
            #expect((tail - c.tail).magnitude <= 1e-13 * c.tail, "z \(c.z): \(tail) vs \(c.tail)")
        }
    }

    /// (p, tan(π (p − 1/2))): the Cauchy quantile, which is Student's t with 1 degree of freedom.
    static let cauchyReferences: [(p: Double, value: Double)] = [
        (0.51, 0.03142626604335118),
        (0.6, 0.32491969623290623),
        (0.75, 1.0),
        (0.9, 3.077683537175254),
        (0.975, 12.706204736174694),
        (0.995, 63.656741162871526),
        (0.9999, 3183.0987571185015),
        (0.9999999999, 3183098598.467148),
        (0.49, -0.03142626604335118),
        (0.25, -1.0),
        (0.1, -3.077683537175253),
        (0.025, -12.706204736174705),
        (0.001, -318.30883898555044),
        (1e-10, -3183098861.837907),
    ]

    @Test("Student's t with 1 degree of freedom matches the exact Cauchy quantile to 1e-13")
    func cauchyQuantileMatchesReferenceValues() {
        for row in Self.cauchyReferences {
            let t = StudentT.quantile(row.p, degreesOfFreedom: 1)
            #expect((t - row.value).magnitude <= 1e-13 * row.value.magnitude, "p \(row.p): \(t) vs \(row.value)")
        }
    }
}
