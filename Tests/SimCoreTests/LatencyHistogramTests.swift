import Testing

@testable import SimCore

@Suite("Latency histogram")
struct LatencyHistogramStatisticTests {
    /// 1 ms, 2 ms, …, 10,000 ms, once each.
    static func uniformMilliseconds() -> LatencyHistogram {
        var histogram = LatencyHistogram()
        for ms in 1...10_000 {
            histogram.record(.milliseconds(Int64(ms)))
        }
        return histogram
    }

    /// Whether `actual` is within `relative` of `expected`.
    static func isClose(_ actual: SimDuration, _ expected: SimDuration, relative: Double = 1e-3) -> Bool {
        abs(Double(actual.nanoseconds - expected.nanoseconds)) <= relative * Double(expected.nanoseconds)
    }

    @Test("percentiles of 1 to 10,000 ms fall within HdrHistogram's 3-digit precision")
    func percentilesOfAUniformSet() {
        let histogram = Self.uniformMilliseconds()
        #expect(histogram.count == 10_000)
        #expect(Self.isClose(histogram.percentile(50), .milliseconds(5_000)))
        #expect(Self.isClose(histogram.percentile(90), .milliseconds(9_000)))
        #expect(Self.isClose(histogram.percentile(99), .milliseconds(9_900)))
        #expect(Self.isClose(histogram.percentile(99.9), .milliseconds(9_990)))
        #expect(histogram.percentile(100) == .milliseconds(10_000))
        #expect(histogram.percentile(0) == .milliseconds(1))
    }

    @Test("the counts' memory follows HdrHistogram's layout")
    func countsBytes() {
        // 2,048 sub-buckets for 3 digits; 1 ns to 24 h (8.64e13 ns) needs 37 buckets, as
        // 2,048 · 2^36 > 8.64e13 ≥ 2,048 · 2^35; the counts are (37 + 1) · 1,024 of 8 bytes.
        #expect(LatencyHistogram.countsBytes(highestTrackable: .hours(24)) == 38 * 1_024 * 8)
        // 1 h (3.6e12 ns): 32 buckets, as 2,048 · 2^31 > 3.6e12 ≥ 2,048 · 2^30.
        #expect(LatencyHistogram.countsBytes(highestTrackable: .hours(1)) == 33 * 1_024 * 8)
        // 2 digits: 256 sub-buckets; 1 s (1e9 ns): 23 buckets, as 256 · 2^22 > 1e9 ≥ 256 · 2^21.
        #expect(LatencyHistogram.countsBytes(highestTrackable: .seconds(1), significantDigits: 2) == 24 * 128 * 8)
    }

    @Test("max, min and mean are exact")
    func extremesAndMeanAreExact() {
        let histogram = Self.uniformMilliseconds()
        #expect(histogram.max == .milliseconds(10_000))
        #expect(histogram.min == .milliseconds(1))
        // (1 + 10,000) / 2 ms.
        #expect(histogram.mean == .microseconds(5_000_500))
    }

    @Test("the summary gathers count, mean, percentiles and max")
    func summaryGathersTheFigures() {
        let histogram = Self.uniformMilliseconds()
        let summary = histogram.summary
        #expect(summary.count == 10_000)
        #expect(summary.mean == histogram.mean)
        #expect(summary.p50 == histogram.percentile(50))
        #expect(summary.p90 == histogram.percentile(90))
        #expect(summary.p99 == histogram.percentile(99))
        #expect(summary.p999 == histogram.percentile(99.9))
        #expect(summary.max == .milliseconds(10_000))
    }

    @Test("durations longer than the range are clamped and counted, not dropped")
    func overflowIsClampedAndCounted() {
        var histogram = LatencyHistogram(highestTrackable: .seconds(10))
        histogram.record(.seconds(1))
        histogram.record(.seconds(11))
        histogram.record(.hours(5))
        #expect(histogram.count == 3)
        #expect(histogram.overflowCount == 2)
        #expect(histogram.underflowCount == 0)
        #expect(histogram.max == .seconds(10))
        #expect(histogram.percentile(100) == .seconds(10))
        #expect(histogram.mean == .seconds(7))
    }

    @Test("a duration of exactly the highest trackable value is not an overflow")
    func highestTrackableValueIsInRange() {
        var histogram = LatencyHistogram()
        histogram.record(.hours(1))
        #expect(histogram.overflowCount == 0)
        #expect(histogram.max == .hours(1))
    }

    @Test("negative durations are recorded as zero and counted as underflow")
    func underflowIsClampedAndCounted() {
        var histogram = LatencyHistogram()
        histogram.record(.nanoseconds(-5))
        histogram.record(.nanoseconds(10))
        #expect(histogram.count == 2)
        #expect(histogram.underflowCount == 1)
        #expect(histogram.min == .zero)
        #expect(histogram.mean == .nanoseconds(5))
    }

    @Test("small durations are kept to the nanosecond")
    func smallDurationsAreExact() {
        var histogram = LatencyHistogram()
        for ns in 1...1_000 {
            histogram.record(.nanoseconds(Int64(ns)))
        }
        #expect(histogram.percentile(50) == .nanoseconds(500))
        #expect(histogram.percentile(99.9) == .nanoseconds(999))
        #expect(histogram.max == .nanoseconds(1_000))
    }

    @Test("merging two histograms equals recording both streams into one")
    func mergeEqualsTheCombinedStream() {
        var first = LatencyHistogram(highestTrackable: .seconds(1))
        var second = LatencyHistogram(highestTrackable: .seconds(1))
        var combined = LatencyHistogram(highestTrackable: .seconds(1))
        for i in 1...3_000 {
            let duration = SimDuration.microseconds(Int64(i * i % 997_001))
            if i % 3 == 0 { first.record(duration) } else { second.record(duration) }
            combined.record(duration)
        }
        first.record(.seconds(2))
        combined.record(.seconds(2))
        first.merge(second)
        #expect(first == combined)
        #expect(first.count == 3_001)
        #expect(first.overflowCount == 1)
        #expect(first.summary == combined.summary)
    }

    @Test("an empty histogram reports zeros")
    func emptyHistogramReportsZeros() {
        let histogram = LatencyHistogram()
        #expect(histogram.isEmpty)
        #expect(histogram.count == 0)
        #expect(histogram.mean == .zero)
        #expect(histogram.percentile(99) == .zero)
        #expect(histogram.max == .zero)
        #expect(
            histogram.summary
                == LatencySummary(
                    count: 0,
                    mean: .zero,
                    p50: .zero,
                    p90: .zero,
                    p99: .zero,
                    p999: .zero,
                    max: .zero
                )
        )
    }

    @Test("reset forgets everything recorded during warm-up")
    func resetForgetsEverything() {
        var histogram = Self.uniformMilliseconds()
        histogram.record(.hours(2))
        histogram.reset()
        #expect(histogram == LatencyHistogram())
        histogram.record(.milliseconds(3))
        #expect(histogram.summary.p50 == histogram.percentile(50))
        #expect(Self.isClose(histogram.percentile(50), .milliseconds(3)))
        #expect(histogram.overflowCount == 0)
    }
}
