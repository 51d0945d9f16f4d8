/// A monotone count of events, such as requests served or transfers failed.
///
/// A counter only goes up (``reset()`` aside, for warm-up deletion); divide it by a
/// simulated duration with ``rate(over:)`` to get events per second.
public struct Counter: Hashable, Sendable {
    /// The number of events counted so far; never negative.
    @inlinable public var count: Int { _count }

    @usableFromInline var _count: Int

    /// A counter that starts at `count` events (zero by default).
    public init(_ count: Int = 0) {
        precondition(count >= 0, "a counter cannot start negative, got \(count)")
        _count = count
    }

    /// Counts one more event.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func increment() {
        _count += 1
    }

    /// Counts `events` more events; `events` must not be negative.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func add(_ events: Int) {
        precondition(events >= 0, "a counter only goes up, cannot add \(events)")
        _count += events
    }

    /// Adds the count of `other`, as if its events had been counted here.
    ///
    /// - Complexity: O(1).
    public mutating func merge(_ other: Counter) {
        _count += other._count
    }

    /// Sets the count back to zero, to drop the events of a warm-up period.
    public mutating func reset() {
        _count = 0
    }

    /// The count per second of simulated time over `duration`, which must be positive.
    ///
    /// - Returns: events per second; `count / duration.seconds`.
    public func rate(over duration: SimDuration) -> Double {
        precondition(duration > .zero, "a rate needs a positive duration, got \(duration)")
        return Double(count) / (Double(duration.nanoseconds) / 1e9)
    }
}
