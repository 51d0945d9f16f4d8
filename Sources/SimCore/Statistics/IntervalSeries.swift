/// One interval of an ``IntervalSeries``: what was observed in `[start, start + length)`.
public struct IntervalPoint: Hashable, Sendable {
    /// The first instant of the interval.
    public var start: SimTime

    /// The length of the interval: the series' interval, or less for a last, partial interval.
    public var length: SimDuration

    /// The number of observations in the interval; zero for an interval with none.
    public var count: Int

    /// The sum of the observed values in the interval, in the values' unit.
    public var sum: Double

    /// Creates a point from its parts; `length` must be positive.
    public init(start: SimTime, length: SimDuration, count: Int, sum: Double) {
        self.start = start
        self.length = length
        self.count = count
        self.sum = sum
    }

    /// The mean observed value, or `nil` for an interval without observations.
    public var mean: Double? { count > 0 ? sum / Double(count) : nil }

    /// Observations per second of simulated time (requests/s for a series of requests).
    public var rate: Double { Double(count) / seconds }

    /// The sum per second of simulated time (bytes/s for a series of transfer sizes).
    public var sumRate: Double { sum / seconds }

    /// The length in seconds, correctly rounded (a division, not a multiplication by 1e-9).
    private var seconds: Double { Double(length.nanoseconds) / 1e9 }
}

/// A time series of observations in fixed-length intervals: requests per interval, bytes
/// served per interval, mean latency per interval.
///
/// Intervals are `[origin + k × interval, origin + (k + 1) × interval)` for k = 0, 1, …; each
/// observation goes to the interval that holds its time. Only intervals with observations
/// are stored, so a run with long quiet gaps costs memory per busy interval, and
/// ``points(until:)`` fills the gaps with zero-count points.
///
/// Observations come in time order, as a simulation produces them, but only loosely: an
/// observation may carry any time within the current interval or later (a completion
/// recorded at its request's arrival time is fine while that interval is still open).
///
/// ```swift
/// var served = IntervalSeries(interval: .seconds(10))
/// served.record(1500, at: now)                     // bytes of one transfer
/// let series = served.points(until: end)           // one point per 10 s
/// ```
public struct IntervalSeries: Hashable, Sendable {
    /// One stored interval: its number k and what it holds.
    private struct Bucket: Hashable, Sendable {
        var index: Int64
        var count: Int
        var sum: Double
    }

    /// The start of the first interval.
    public let origin: SimTime

    /// The length of every interval; positive.
    public let interval: SimDuration

    /// Closed intervals with at least one observation, in increasing index order.
    private var closed: [Bucket] = []

    /// The interval that takes observations now (possibly still empty).
    private var open = Bucket(index: 0, count: 0, sum: 0)

    /// The number of observations in all intervals.
    public private(set) var totalCount: Int = 0

    /// The sum of all observed values.
    public private(set) var totalSum: Double = 0

    /// An empty series of intervals of length `interval` (positive), starting at `origin`.
    public init(interval: SimDuration, origin: SimTime = .zero) {
        precondition(interval > .zero, "an interval series needs a positive interval, got \(interval)")
        self.interval = interval
        self.origin = origin
    }

    /// Records one observation of `value` at `time`.
    ///
    /// `time` must not be earlier than `origin` nor fall in an interval before the current one.
    ///
    /// - Complexity: amortised O(1), however many empty intervals it skips.
    public mutating func record(_ value: Double, at time: SimTime) {
        record(count: 1, sum: value, at: time)
    }

    /// Records `count` observations (non-negative) whose values add up to `sum`, at `time`.
    ///
    /// Use it to add a batch at once, or `count: 1, sum: 0` to count a bare event.
    ///
    /// - Complexity: amortised O(1), however many empty intervals it skips.
    public mutating func record(count: Int, sum: Double, at time: SimTime) {
        precondition(count >= 0, "an observation count cannot be negative, got \(count)")
        let index = intervalIndex(of: time)
        if index != open.index {
            precondition(
                index > open.index,
                "observation at \(time) falls in an interval that is already closed "
                    + "(the current one starts at \(intervalStart(open.index)))"
            )
            if open.count > 0 || open.sum != 0 { closed.append(open) }
            open = Bucket(index: index, count: 0, sum: 0)
        }
        open.count += count
        open.sum += sum
        totalCount += count
        totalSum += sum
    }

    /// One point per interval that starts before `end`, from `origin` on, empty ones included.
    ///
    /// Call it with `end` at or after the last observation (the end of the run, or `now`).
    /// The last point is shorter than ``interval`` when `end` falls inside it, and its rate is
    /// per its own length. Each point holds every observation of its interval; observations
    /// in intervals that start at or after `end` are in no point. An `end` at or before
    /// `origin` gives no points.
    ///
    /// - Complexity: O(number of points + stored intervals).
    public func points(until end: SimTime) -> [IntervalPoint] {
        guard end > origin else { return [] }
        let pointCount = intervalCount(until: end)
        var result: [IntervalPoint] = []
        result.reserveCapacity(Int(clamping: pointCount))
        var stored = closed.makeIterator()
        var next = stored.next()
        for index in 0..<pointCount {
            var count = 0
            var sum = 0.0
            if let bucket = next, bucket.index == index {
                count = bucket.count
                sum = bucket.sum
                next = stored.next()
            } else if next == nil, open.index == index {
                count = open.count
                sum = open.sum
            }
            result.append(point(index: index, end: end, count: count, sum: sum))
        }
        return result
    }

    /// The number of the interval holding `time`.
    private func intervalIndex(of time: SimTime) -> Int64 {
        precondition(time >= origin, "observation at \(time) is before the series origin \(origin)")
        return (time - origin).nanoseconds / interval.nanoseconds
    }

    /// The first instant of interval number `index`.
    private func intervalStart(_ index: Int64) -> SimTime {
        origin + interval * index
    }

    /// The number of intervals that start before `end` (which is after `origin`).
    private func intervalCount(until end: SimTime) -> Int64 {
        let span = (end - origin).nanoseconds
        return span / interval.nanoseconds + (span % interval.nanoseconds == 0 ? 0 : 1)
    }

    /// The point for interval `index`, cut at `end`.
    private func point(index: Int64, end: SimTime, count: Int, sum: Double) -> IntervalPoint {
        let start = intervalStart(index)
        let length = Swift.min(interval, end - start)
        return IntervalPoint(start: start, length: length, count: count, sum: sum)
    }
}

/// One interval of a ``TimeWeightedSeries``: how a signal behaved in `[start, start + length)`.
public struct TimeWeightedPoint: Hashable, Sendable {
    /// The first instant of the interval.
    public var start: SimTime

    /// The length of the interval: the series' interval, or less for a last, partial interval.
    public var length: SimDuration

    /// The time-weighted mean of the signal over the interval, in the signal's unit.
    public var mean: Double

    /// The smallest value the signal held in the interval.
    public var min: Double

    /// The largest value the signal held in the interval.
    public var max: Double

    /// Creates a point from its parts.
    public init(start: SimTime, length: SimDuration, mean: Double, min: Double, max: Double) {
        self.start = start
        self.length = length
        self.mean = mean
        self.min = min
        self.max = max
    }
}

/// The per-interval time-weighted mean of a piecewise-constant signal: utilisation or
/// devices online per interval.
///
/// The interval twin of ``TimeWeightedMean``: the signal holds each recorded value until the
/// next record, with exact nanosecond accounting. Only intervals in which the signal
/// changed are stored; ``points(until:)`` fills the quiet ones with the value that held.
///
/// ```swift
/// var online = TimeWeightedSeries(initialValue: 0, interval: .minutes(1))
/// online.record(120, at: now)                      // devices online from now on
/// let perMinute = online.points(until: end)        // mean, min, max per minute
/// ```
public struct TimeWeightedSeries: Hashable, Sendable {
    /// One interval in which the signal changed, closed at its end.
    private struct Bucket: Hashable, Sendable {
        var index: Int64
        /// Value × nanoseconds over the whole interval.
        var area: Double
        var min: Double
        var max: Double
        /// The value that held at the end of the interval, and on until the next change.
        var endValue: Double
    }

    /// The start of the first interval, where the signal takes its initial value.
    public let origin: SimTime

    /// The length of every interval; positive.
    public let interval: SimDuration

    /// The value the signal holds now, since ``lastChange``.
    public private(set) var current: Double

    /// The time of the last change (or ``origin`` if there was none).
    public private(set) var lastChange: SimTime

    /// The value at ``origin``.
    private let initialValue: Double

    /// Closed intervals in which the signal changed (and interval 0), in increasing index
    /// order; the intervals between them were quiet.
    private var closed: [Bucket] = []

    /// The interval of the last change: its index, area until ``lastChange``, min and max.
    private var open: Bucket

    /// A signal that holds `initialValue` from `origin` on, averaged per `interval` (positive).
    public init(initialValue: Double = 0, interval: SimDuration, origin: SimTime = .zero) {
        precondition(interval > .zero, "a time-weighted series needs a positive interval, got \(interval)")
        precondition(initialValue.isFinite, "a signal value must be finite, got \(initialValue)")
        self.interval = interval
        self.origin = origin
        self.initialValue = initialValue
        current = initialValue
        lastChange = origin
        open = Bucket(index: 0, area: 0, min: initialValue, max: initialValue, endValue: initialValue)
    }

    /// Sets the signal to `value` from `time` on; `time` must not be earlier than ``lastChange``.
    ///
    /// - Complexity: amortised O(1), however many intervals it skips.
    public mutating func record(_ value: Double, at time: SimTime) {
        precondition(
            time >= lastChange,
            "time went backwards: record at \(time) after a record at \(lastChange)"
        )
        precondition(value.isFinite, "a signal value must be finite, got \(value) at \(time)")
        let index = (time - origin).nanoseconds / interval.nanoseconds
        let start = intervalStart(index)
        if index == open.index {
            open.area += current * Double((time - lastChange).nanoseconds)
        } else {
            open.area += current * Double((intervalStart(open.index + 1) - lastChange).nanoseconds)
            open.endValue = current
            closed.append(open)
            // The old value held from the start of this interval until `time`, if at all.
            let held = (time - start).nanoseconds
            open = Bucket(
                index: index,
                area: current * Double(held),
                min: held > 0 ? current : value,
                max: held > 0 ? current : value,
                endValue: value
            )
        }
        lastChange = time
        current = value
        open.min = Swift.min(open.min, value)
        open.max = Swift.max(open.max, value)
    }

    /// One point per interval that starts before `end`, from `origin` on, quiet ones included.
    ///
    /// `end` must not be earlier than ``lastChange``; the current value holds until `end`.
    /// The last point is shorter than ``interval`` when `end` falls inside it. An `end` at
    /// ``origin`` gives no points.
    ///
    /// - Complexity: O(number of points + stored intervals).
    public func points(until end: SimTime) -> [TimeWeightedPoint] {
        precondition(
            end >= lastChange,
            "cannot close the series at \(end): the signal was already recorded at \(lastChange)"
        )
        guard end > origin else { return [] }
        let span = (end - origin).nanoseconds
        let pointCount = span / interval.nanoseconds + (span % interval.nanoseconds == 0 ? 0 : 1)
        var result: [TimeWeightedPoint] = []
        result.reserveCapacity(Int(clamping: pointCount))
        var stored = closed.makeIterator()
        var next = stored.next()
        // The value in force through the next quiet interval.
        var quietValue = initialValue
        for index in 0..<pointCount {
            let start = intervalStart(index)
            let length = Swift.min(interval, end - start)
            if let bucket = next, bucket.index == index {
                result.append(
                    TimeWeightedPoint(
                        start: start,
                        length: length,
                        mean: bucket.area / Double(length.nanoseconds),
                        min: bucket.min,
                        max: bucket.max
                    )
                )
                quietValue = bucket.endValue
                next = stored.next()
            } else if next == nil, open.index == index {
                let area = open.area + current * Double((start + length - lastChange).nanoseconds)
                result.append(
                    TimeWeightedPoint(
                        start: start,
                        length: length,
                        mean: area / Double(length.nanoseconds),
                        min: open.min,
                        max: open.max
                    )
                )
                quietValue = current
            } else {
                result.append(
                    TimeWeightedPoint(
                        start: start,
                        length: length,
                        mean: quietValue,
                        min: quietValue,
                        max: quietValue
                    )
                )
            }
        }
        return result
    }

    /// The first instant of interval number `index`.
    private func intervalStart(_ index: Int64) -> SimTime {
        origin + interval * index
    }
}
