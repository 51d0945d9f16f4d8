/// An instant of simulated time: nanoseconds since the start of the run.
///
/// Instants and durations are different types: an instant plus a duration is an instant,
/// and the difference of two instants is a duration; two instants cannot be added.
/// Events at the same instant fire in the order they were scheduled.
public struct SimTime: Hashable, Comparable, Sendable {
    /// Nanoseconds since the start of the run (time zero).
    public var nanoseconds: Int64

    /// Creates the instant `nanoseconds` after time zero.
    @inlinable
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// Time zero, the start of every run.
    public static let zero = SimTime(nanoseconds: 0)

    /// The latest representable instant, used as "the end of time" (about 292 years).
    public static let distantFuture = SimTime(nanoseconds: .max)

    /// The instant `duration` after time zero.
    @inlinable
    public init(_ sinceStart: SimDuration) {
        self.nanoseconds = sinceStart.nanoseconds
    }

    /// The time since time zero, as a duration.
    @inlinable public var sinceStart: SimDuration { SimDuration(nanoseconds: nanoseconds) }

    /// Seconds since time zero, as a floating-point number (for statistics and reports).
    @inlinable public var seconds: Double { Double(nanoseconds) * 1e-9 }

    @inlinable
    public static func < (lhs: SimTime, rhs: SimTime) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    /// The instant `rhs` after `lhs`, saturating at ``distantFuture``.
    @inlinable
    public static func + (lhs: SimTime, rhs: SimDuration) -> SimTime {
        let (sum, overflow) = lhs.nanoseconds.addingReportingOverflow(rhs.nanoseconds)
        if overflow { return rhs.nanoseconds < 0 ? SimTime(nanoseconds: .min) : .distantFuture }
        return SimTime(nanoseconds: sum)
    }

    /// The instant `rhs` before `lhs`, saturating.
    @inlinable
    public static func - (lhs: SimTime, rhs: SimDuration) -> SimTime {
        lhs + SimDuration(nanoseconds: rhs.nanoseconds == .min ? .max : -rhs.nanoseconds)
    }

    /// The duration from `rhs` to `lhs`, saturating.
    @inlinable
    public static func - (lhs: SimTime, rhs: SimTime) -> SimDuration {
        SimDuration(nanoseconds: lhs.nanoseconds) - SimDuration(nanoseconds: rhs.nanoseconds)
    }

    /// Moves `lhs` forward by `rhs`, saturating.
    @inlinable
    public static func += (lhs: inout SimTime, rhs: SimDuration) {
        lhs = lhs + rhs
    }
}

extension SimTime: CustomStringConvertible {
    /// The instant as the time since the start: `t=1.5 s`.
    public var description: String { "t=" + TimeFormatting.describe(nanoseconds: nanoseconds) }
}
