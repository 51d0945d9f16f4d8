public import SimCore

/// The latency buckets of a live run: the bounds `/metrics` exports per workload class and
/// the finer ones its sliding-window percentiles are read from.
public enum LiveLatencyBounds {
    /// The Prometheus histogram's bucket bounds (`le`): 1, 2.5, 5, 10, 25, 50, 100, 250 and
    /// 500 ms for transactions and page loads (SLOs of 100 ms to 1.5 s fall on or between
    /// them), then 1, 2.5, 5, 10 and 30 s and 1, 2, 5, 10 and 30 min for downloads and
    /// streams; longer latencies count only in `+Inf`.
    public static let exported: [SimDuration] = [
        .milliseconds(1), .microseconds(2_500), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .milliseconds(2_500), .seconds(5), .seconds(10), .seconds(30), .minutes(1), .minutes(2), .minutes(5),
        .minutes(10), .minutes(30),
    ]

    /// The tenths of the window's bounds within one decade: 1, 1.1, 1.2, …, 8, 9 (steps of
    /// 15% at most).
    static let windowMantissaTenths: [Int64] = [
        10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 25, 28, 32, 36, 40, 45, 50, 56, 63, 71, 80, 90,
    ]

    /// The sliding window's bounds: 22 a decade (``windowMantissaTenths``) from 0.1 ms to
    /// 90,000 s, so a windowed percentile is at most 15% above the exact one; latencies over
    /// 90,000 s read as 90,000 s.
    public static let window: [SimDuration] = (0..<9).flatMap { decade in
        var scale: Int64 = 10_000  // tenths of 0.1 ms in nanoseconds
        for _ in 0..<decade { scale *= 10 }
        return windowMantissaTenths.map { SimDuration(nanoseconds: $0 * scale) }
    }

    /// The shortest window: a live dashboard's percentiles cover at least the last 30 s.
    public static let shortestWindow = SimDuration.seconds(30)

    /// The number of slots a window is kept in: it covers between 9/10 and all of its length.
    public static let windowSlots = 10

    /// The window for a run whose report interval is `interval`: the longer of
    /// ``shortestWindow`` and one interval (so each interval's frame sees every latency since
    /// the one before), in ``windowSlots`` slots.
    public static func window(interval: SimDuration) -> SlidingLatencyWindow {
        let length = max(shortestWindow, interval)
        let slot = SimDuration(nanoseconds: max(1, length.nanoseconds / Int64(windowSlots)))
        return SlidingLatencyWindow(bounds: window, slotLength: slot, slotCount: windowSlots)
    }
}

/// One workload class's latencies as a live run shows them: over the measured time so far
/// in the exported buckets, and over the sliding window that ends at the time asked.
public struct LiveLatency: Sendable, Equatable {
    /// The workload class.
    public var workload: String
    /// Served requests' latencies since the warm-up, in ``LiveLatencyBounds/exported``.
    public var buckets: LatencyBuckets
    /// Served requests' latencies in the window, in ``LiveLatencyBounds/window``.
    public var window: LatencyBuckets
    /// The window's length (it holds between 9/10 of it and all of it).
    public var windowLength: SimDuration
}

/// What a class records for a live run: its latencies in the exported buckets and in the
/// sliding window.
struct LiveLatencyTally: Sendable {
    var buckets = LatencyBuckets(bounds: LiveLatencyBounds.exported)
    var recent: SlidingLatencyWindow

    /// Records `latency` of a request answered at `time`; O(log bounds), no allocation.
    mutating func record(_ latency: SimDuration, at time: SimTime) {
        buckets.record(latency)
        recent.record(latency, at: time)
    }
}

extension WorldModel {
    /// Makes every workload class also count its latencies for ``liveLatency(at:)`` from now
    /// on (a live run calls it once, before running; other runs do not pay for it).
    ///
    /// - Complexity: O(classes × window slots × window bounds).
    public mutating func recordLiveLatency() {
        for index in classes.indices where classes[index].tally.live == nil {
            classes[index].tally.live = LiveLatencyTally(recent: LiveLatencyBounds.window(interval: spec.interval))
        }
    }

    /// Each workload class's latencies at `time` (the simulation's current time), in the
    /// spec's order; empty buckets unless ``recordLiveLatency()`` was called.
    ///
    /// - Complexity: O(classes × window slots × window bounds).
    public func liveLatency(at time: SimTime) -> [LiveLatency] {
        let unrecorded = LiveLatencyTally(recent: LiveLatencyBounds.window(interval: spec.interval))
        return classes.indices.map { index in
            let tally = classes[index].tally.live ?? unrecorded
            return LiveLatency(
                workload: spec.workloadClasses[index].name,
                buckets: tally.buckets,
                window: tally.recent.buckets(at: time),
                windowLength: tally.recent.length
            )
        }
    }
}
