import Testing

@testable import SimCore

@Suite("Simulated time")
struct TimeTests {
    @Test("readable constructors give exact nanoseconds")
    func constructors() {
        #expect(SimDuration.milliseconds(40).nanoseconds == 40_000_000)
        #expect(SimDuration.seconds(2).nanoseconds == 2_000_000_000)
        #expect(SimDuration.microseconds(7).nanoseconds == 7_000)
        #expect(SimDuration.minutes(3).nanoseconds == 180_000_000_000)
        #expect(SimDuration.hours(1).nanoseconds == 3_600_000_000_000)
        #expect(SimDuration.seconds(0.1).nanoseconds == 100_000_000)
        #expect(SimDuration.milliseconds(2.5).nanoseconds == 2_500_000)
    }

    @Test("constructors saturate instead of trapping")
    func saturation() {
        #expect(SimDuration.hours(Int64.max) == .max)
        #expect(SimDuration.seconds(1e300) == .max)
        #expect(SimDuration.seconds(-1e300).nanoseconds == .min)
        #expect(SimDuration.seconds(Double.nan) == .zero)
        #expect(SimTime.distantFuture + .seconds(1) == .distantFuture)
        #expect(SimDuration.nanoseconds(5) * -Int64.max == SimDuration(nanoseconds: .min))
        #expect(SimDuration.nanoseconds(-5) * -Int64.max == .max)
    }

    @Test("rounding to nanoseconds equals rounded() (halves away from zero), edge cases and a million draws")
    func roundingMatchesTheStandardLibrary() {
        let edges: [Double] = [
            0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.499_999_999_999_999_94, -0.499_999_999_999_999_94,
            0.500_000_000_000_000_1, 4_503_599_627_370_495.5, -4_503_599_627_370_495.5, 4_503_599_627_370_497,
            9_007_199_254_740_994, 1e15 + 0.5, 9.223_372_036_854_774e18, -9.223_372_036_854_774e18,
            Double.leastNonzeroMagnitude, -Double.leastNonzeroMagnitude, 1e-300,
        ]
        for value in edges {
            #expect(SimDuration.saturatingNanoseconds(value) == Int64(value.rounded()), "\(value)")
        }
        var stream = RandomStream(seed: 5, name: "rounding")
        var mismatches = 0
        for _ in 0..<1_000_000 {
            // Magnitudes from 1e-3 to 1e18, either sign, plus exact halves now and then.
            var value = exponential(stream.nextUnit() * 48 - 7) * (stream.nextUnit() < 0.5 ? -1 : 1)
            if stream.nextUnit() < 0.1 { value = value.rounded(.down) + 0.5 }
            if SimDuration.saturatingNanoseconds(value) != Int64(value.rounded()) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test("instants and durations combine as instants and intervals")
    func arithmetic() {
        let start = SimTime(.seconds(10))
        let later = start + .milliseconds(250)
        #expect(later.nanoseconds == 10_250_000_000)
        #expect(later - start == .milliseconds(250))
        #expect(later - .milliseconds(250) == start)
        #expect(SimDuration.seconds(1) + .milliseconds(1) == .milliseconds(1001))
        #expect(SimDuration.milliseconds(3) * 4 == .milliseconds(12))
    }

    @Test("durations format in the largest readable unit")
    func formatting() {
        #expect(SimDuration.milliseconds(40).description == "40 ms")
        #expect(SimDuration.seconds(2).description == "2 s")
        #expect(SimDuration.milliseconds(1500).description == "1.5 s")
        #expect(SimDuration.minutes(90).description == "1.5 h")
        #expect(SimDuration.nanoseconds(12).description == "12 ns")
        #expect(SimDuration.microseconds(-3).description == "-3 µs")
        #expect(SimDuration.zero.description == "0 s")
        #expect(SimDuration.nanoseconds(1_999_999_999).description == "2 s")
        #expect(SimTime(.seconds(90)).description == "t=1.5 min")
    }
}
