import Foundation
import Testing

@testable import SimCore

/// Per-interval percentiles against exact nearest-rank values computed here from the same
/// observations.
@Suite("Interval quantiles")
struct IntervalQuantilesTests {
    /// The exact nearest-rank `percent` percentile of `values`: the ⌈percent × n / 100⌉-th smallest.
    static func nearestRank(_ percent: Int, _ values: [Int64]) -> Int64 {
        let sorted = values.sorted()
        let rank = max(1, (percent * sorted.count + 99) / 100)
        return sorted[rank - 1]
    }

    @Test("every bucket's bounds are contiguous and map back to it; a bucket spans at most 1/16 of its floor")
    func buckets() {
        var expectedLow: Int64 = 0
        for bucket in 0..<IntervalQuantiles.bucketCount {
            let (low, high) = IntervalQuantiles.bounds(of: bucket)
            #expect(low == expectedLow, "bucket \(bucket)")
            #expect(IntervalQuantiles.bucket(of: low) == bucket)
            #expect(IntervalQuantiles.bucket(of: high - 1) == bucket || high == .max)
            if low >= 32 { #expect((high - low) * 16 <= low) }
            expectedLow = high
        }
        #expect(IntervalQuantiles.bucket(of: .max) == IntervalQuantiles.bucketCount - 1)
    }

    @Test("log-uniform latencies: p50 and p99 within 1/32 of the exact nearest rank in every interval")
    func againstExactNearestRank() {
        var random = RandomStream(seed: 7, name: "interval quantiles")
        var quantiles = IntervalQuantiles(interval: .seconds(10), origin: .zero + .seconds(5))
        var perInterval: [[Int64]] = Array(repeating: [], count: 6)
        for step in 0..<30_000 {
            let time = SimTime.zero + .seconds(5) + .milliseconds(Int64(step * 2))
            let interval = step * 2 / 10_000
            // Quiet interval 3: nothing recorded there.
            if interval == 3 { continue }
            // 10 µs to 100 s, log-uniform; interval 4 is 20x slower (an outage's retries).
            var nanoseconds = Int64(1e4 * pow(10, 7 * random.nextUnit()))
            if interval == 4 { nanoseconds *= 20 }
            perInterval[interval].append(nanoseconds)
            quantiles.record(SimDuration(nanoseconds: nanoseconds), at: time)
        }
        let points = quantiles.points(until: .zero + .seconds(65))
        #expect(points.count == 6)
        for (index, values) in perInterval.enumerated() {
            guard !values.isEmpty else {
                #expect(points[index] == nil)
                continue
            }
            guard let point = points[index] else {
                Issue.record("interval \(index) has no point")
                continue
            }
            #expect(point.index == Int64(index))
            for (percent, got) in [(50, point.p50), (99, point.p99)] {
                let exact = Double(Self.nearestRank(percent, values))
                #expect(abs(Double(got.nanoseconds) - exact) <= exact / 32, "interval \(index) p\(percent)")
            }
        }
    }

    @Test("equal durations give themselves exactly; one observation is its own p50 and p99")
    func exactWhenEqual() {
        var quantiles = IntervalQuantiles(interval: .seconds(1))
        for step in 0..<100 {
            quantiles.record(.microseconds(12_345), at: .zero + .milliseconds(Int64(step)))
        }
        quantiles.record(.nanoseconds(987_654_321), at: .zero + .milliseconds(1_500))
        quantiles.record(.nanoseconds(-5), at: .zero + .milliseconds(2_500))
        let points = quantiles.points(until: .zero + .milliseconds(2_600))
        #expect(points.map { $0?.p50 } == [.microseconds(12_345), .nanoseconds(987_654_321), .zero])
        #expect(points.map { $0?.p99 } == [.microseconds(12_345), .nanoseconds(987_654_321), .zero])
        // 99 at 1 ms and 1 at 1 s: the 99th of 100 is still 1 ms; 99 and 2 make it 1 s.
        var tail = IntervalQuantiles(interval: .seconds(10))
        for step in 0..<99 { tail.record(.milliseconds(1), at: .zero + .milliseconds(Int64(step))) }
        tail.record(.seconds(1), at: .zero + .seconds(1))
        #expect(tail.points(until: .zero + .seconds(10)).first??.p99 == .milliseconds(1))
        tail.record(.seconds(1), at: .zero + .seconds(2))
        // (The bucket's midpoint, within 1/32 of 1 s: only the interval's extremes are exact.)
        let p99 = tail.points(until: .zero + .seconds(10)).first??.p99.nanoseconds ?? 0
        #expect(abs(p99 - 1_000_000_000) <= 1_000_000_000 / 32)
    }
}
