/// The time-weighted average of a piecewise-constant signal: utilisation, queue length,
/// devices online.
///
/// The signal holds each recorded value until the next record. Time is accounted in whole
/// nanoseconds (durations are exact integers); the area under the signal is a `Double` in
/// value × nanoseconds, so a signal of small integers over spans below 2^53 ns (104 days) has
/// an exactly represented area.
///
/// ```swift
/// var busy = TimeWeightedMean(initialValue: 0, at: .zero)
/// busy.record(1, at: SimTime(.seconds(2)))   // busy from 2 s
/// busy.record(0, at: SimTime(.seconds(5)))   // idle from 5 s
/// busy.mean(until: SimTime(.seconds(10)))    // 0.3
/// ```
public struct TimeWeightedMean: Hashable, Sendable {
    /// The value the signal holds now, since ``lastChange``.
    public private(set) var current: Double

    /// The start of the averaging window: construction time, or the last ``reset(at:)``.
    public private(set) var start: SimTime

    /// The time of the last ``record(_:at:)`` (or of the start if nothing was recorded since).
    public private(set) var lastChange: SimTime

    /// The smallest value the signal has taken since ``start``, including zero-length values.
    public private(set) var min: Double

    /// The largest value the signal has taken since ``start``, including zero-length values.
    public private(set) var max: Double

    /// The area under the signal from ``start`` to ``lastChange``, in value × nanoseconds.
    private var area: Double

    /// A signal that holds `initialValue` from `start` on.
    public init(initialValue: Double = 0, at start: SimTime = .zero) {
        precondition(initialValue.isFinite, "a signal value must be finite, got \(initialValue)")
        current = initialValue
        self.start = start
        lastChange = start
        min = initialValue
        max = initialValue
        area = 0
    }

    /// Sets the signal to `value` from `time` on; `time` must not be earlier than ``lastChange``.
    ///
    /// Several records at the same instant are allowed: only the last one holds for any time.
    ///
    /// - Complexity: O(1).
    public mutating func record(_ value: Double, at time: SimTime) {
        precondition(
            time >= lastChange,
            "time went backwards: record at \(time) after a record at \(lastChange)"
        )
        precondition(value.isFinite, "a signal value must be finite, got \(value) at \(time)")
        area += current * Double((time - lastChange).nanoseconds)
        lastChange = time
        current = value
        if value < min { min = value }
        if value > max { max = value }
    }

    /// The area under the signal from ``start`` to `end`, in value × seconds.
    ///
    /// `end` must not be earlier than ``lastChange``; the current value holds until `end`.
    ///
    /// - Complexity: O(1).
    public func integral(until end: SimTime) -> Double {
        areaNanoseconds(until: end) / 1e9
    }

    /// The time-weighted mean of the signal from ``start`` to `end`, in the signal's unit.
    ///
    /// `end` must not be earlier than ``lastChange``; the current value holds until `end`.
    /// For an empty window (`end == start`) the mean is the current value.
    ///
    /// - Complexity: O(1).
    public func mean(until end: SimTime) -> Double {
        let window = (end - start).nanoseconds
        if window == 0 { return current }
        return areaNanoseconds(until: end) / Double(window)
    }

    /// Starts a new averaging window at `time`, for warm-up deletion.
    ///
    /// Keeps the current value and drops the area recorded so far; ``min`` and ``max``
    /// restart from the current value. `time` must not be earlier than ``lastChange``.
    public mutating func reset(at time: SimTime) {
        precondition(
            time >= lastChange,
            "time went backwards: reset at \(time) after a record at \(lastChange)"
        )
        start = time
        lastChange = time
        area = 0
        min = current
        max = current
    }

    /// The area from ``start`` to `end`, in value × nanoseconds.
    private func areaNanoseconds(until end: SimTime) -> Double {
        precondition(
            end >= lastChange,
            "cannot average until \(end): the signal was already recorded at \(lastChange)"
        )
        return area + current * Double((end - lastChange).nanoseconds)
    }
}
