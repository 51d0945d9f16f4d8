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
