import Testing

@testable import SimCore

@Suite("Latency buckets and sliding window")
struct LatencyBucketsTests {
    @Test("a duration counts in the first bucket whose bound is at least it; sums and percentiles are exact")
    func buckets() {
        var buckets = LatencyBuckets(bounds: [.milliseconds(10), .seconds(1)])
        for duration: SimDuration in [
            .zero, .milliseconds(10), .nanoseconds(-1), .nanoseconds(10_000_001), .seconds(1), .seconds(5),
        ] {
            buckets.record(duration)
        }
        #expect(buckets.counts == [3, 2, 1])
        #expect(buckets.cumulativeCounts == [3, 5, 6])
        #expect(buckets.count == 6)
        #expect(buckets.sumSeconds == 6.020000001)
        #expect(buckets.percentile(50) == .milliseconds(10), "rank 3 of 6 is in the first bucket")
        #expect(buckets.percentile(51) == .seconds(1), "rank 4 of 6 is in the second")
        #expect(buckets.percentile(100) == .seconds(1), "the overflow bucket reads as the largest bound")
        #expect(buckets.percentile(0) == .milliseconds(10), "rank at least 1")
        buckets.reset()
        #expect(buckets.counts == [0, 0, 0] && buckets.percentile(99) == nil && buckets.sumSeconds == 0)
    }

    @Test("adding buckets adds their counts and sums")
    func add() {
        var first = LatencyBuckets(bounds: [.milliseconds(1)])
        var second = first
        first.record(.microseconds(10))
        second.record(.seconds(2))
        second.record(.milliseconds(1))
        first.add(second)
        #expect(first.counts == [2, 1])
        #expect(first.sumSeconds == 2.00101)
    }

    /// A 30 s window of ten 3 s slots, over bounds 10 ms, 20 ms, 100 ms, 1 s, 5 s.
    static func window() -> SlidingLatencyWindow {
        SlidingLatencyWindow(
            bounds: [.milliseconds(10), .milliseconds(20), .milliseconds(100), .seconds(1), .seconds(5)],
            slotLength: .seconds(3),
            slotCount: 10
        )
    }

    /// Each whole second in `seconds`: 99 requests answered in 10 ms and one in 20 ms.
    static func normal(_ window: inout SlidingLatencyWindow, _ seconds: ClosedRange<Int64>) {
        for second in seconds {
            for _ in 0..<99 { window.record(.milliseconds(10), at: SimTime(.seconds(second))) }
            window.record(.milliseconds(20), at: SimTime(.seconds(second)))
        }
    }

    @Test("windowed p50 and p99 of a known sequence: steady, a spike during an outage, then recovered")
    func outageSpike() {
        var window = Self.window()
        #expect(window.length == .seconds(30))
        #expect(window.percentile(99, at: .zero) == nil, "empty")
        Self.normal(&window, 0...29)
        // At 29.5 s the window is slots 0 to 9 (0 to 30 s): 3,000 requests, 2,970 of them in
        // 10 ms, so rank 2,970 (p99) is 10 ms and rank 2,971 (p99.1) is 20 ms.
        #expect(window.percentile(50, at: SimTime(.milliseconds(29_500))) == .milliseconds(10))
        #expect(window.percentile(99, at: SimTime(.milliseconds(29_500))) == .milliseconds(10))
        #expect(window.percentile(99.1, at: SimTime(.milliseconds(29_500))) == .milliseconds(20))
        // An outage from 30 s to 35 s: 100 requests a second answered in 4 s.
        for second in Int64(30)...35 {
            for _ in 0..<100 { window.record(.seconds(4), at: SimTime(.seconds(second))) }
        }
        // At 35.5 s the window is slots 2 to 11 (6 to 36 s): 2,400 normal (2,376 in 10 ms,
        // 24 in 20 ms) and 600 slow; p99 (rank 2,970) is slow, p50 (rank 1,500) is not.
        let during = SimTime(.milliseconds(35_500))
        #expect(window.buckets(at: during).counts == [2_376, 24, 0, 0, 600, 0])
        #expect(window.percentile(99, at: during) == .seconds(5))
        #expect(window.percentile(50, at: during) == .milliseconds(10))
        #expect(window.percentile(79, at: during) == .milliseconds(10), "rank 2,370")
        #expect(window.percentile(81, at: during) == .seconds(5), "rank 2,430: past the 2,400 normal ones")
        // Recovery from 36 s: at 65.5 s the window is slots 12 to 21 (36 to 66 s), all normal.
        Self.normal(&window, 36...62)
        // At 62 s the window (slots 11 to 20, 33 to 63 s) still holds the outage's last 300.
        #expect(window.buckets(at: SimTime(.seconds(62))).counts[4] == 300)
        #expect(window.percentile(99, at: SimTime(.seconds(62))) == .seconds(5))
        Self.normal(&window, 63...65)
        let after = SimTime(.milliseconds(65_500))
        #expect(window.buckets(at: after).counts == [2_970, 30, 0, 0, 0, 0])
        #expect(window.percentile(99, at: after) == .milliseconds(10))
    }

    @Test("a slot left from a lap before is not counted, and is cleared when reused")
    func staleSlots() {
        var window = Self.window()
        window.record(.seconds(1), at: SimTime(.seconds(1)))
        #expect(window.buckets(at: SimTime(.seconds(29))).count == 1)
        #expect(window.buckets(at: SimTime(.seconds(30))).count == 0, "slot 0 is out of the window at 30 s")
        // 31 s is slot 10, the same ring position as slot 0: reused, not added to.
        window.record(.milliseconds(5), at: SimTime(.seconds(31)))
        #expect(window.buckets(at: SimTime(.seconds(31))).counts == [1, 0, 0, 0, 0, 0])
        #expect(window.percentile(100, at: SimTime(.seconds(100))) == nil)
    }
}
