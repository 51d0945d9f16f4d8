/// A length of simulated time, as a whole number of nanoseconds.
///
/// Durations are exact: adding and comparing them never rounds. Constructors from
/// floating-point values round to the nearest nanosecond and saturate at the bounds of
/// `Int64` (about ±292 years), so an absurd input never traps.
public struct SimDuration: Hashable, Comparable, Sendable {
    /// The length in nanoseconds; negative for a duration that goes backwards.
    public var nanoseconds: Int64

    /// Creates a duration of `nanoseconds` nanoseconds.
    @inlinable
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// The zero-length duration.
    public static let zero = SimDuration(nanoseconds: 0)

    /// The longest representable duration; used as "never".
    public static let max = SimDuration(nanoseconds: .max)

    @inlinable
    public static func < (lhs: SimDuration, rhs: SimDuration) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }
}

extension SimDuration {
    /// A duration of `value` nanoseconds.
    @inlinable public static func nanoseconds<Count: BinaryInteger>(_ value: Count) -> SimDuration {
        scaled(value, by: 1)
    }
    /// A duration of `value` microseconds, saturating on overflow.
    @inlinable public static func microseconds<Count: BinaryInteger>(_ value: Count) -> SimDuration {
        scaled(value, by: 1_000)
    }
    /// A duration of `value` milliseconds, saturating on overflow.
    @inlinable public static func milliseconds<Count: BinaryInteger>(_ value: Count) -> SimDuration {
        scaled(value, by: 1_000_000)
    }
    /// A duration of `value` seconds, saturating on overflow.
    @inlinable public static func seconds<Count: BinaryInteger>(_ value: Count) -> SimDuration {
        scaled(value, by: 1_000_000_000)
    }
    /// A duration of `value` minutes, saturating on overflow.
    @inlinable public static func minutes<Count: BinaryInteger>(_ value: Count) -> SimDuration {
        scaled(value, by: 60_000_000_000)
    }
    /// A duration of `value` hours, saturating on overflow.
    @inlinable public static func hours<Count: BinaryInteger>(_ value: Count) -> SimDuration {
        scaled(value, by: 3_600_000_000_000)
    }

    /// A duration of `value` seconds (fractional), rounded to the nearest nanosecond.
    ///
    /// NaN gives zero; values beyond the representable range saturate.
    @inlinable
    public static func seconds(_ value: Double) -> SimDuration {
        SimDuration(nanoseconds: saturatingNanoseconds(value * 1e9))
    }

    /// A duration of `value` milliseconds (fractional), rounded to the nearest nanosecond.
    @inlinable
    public static func milliseconds(_ value: Double) -> SimDuration {
        SimDuration(nanoseconds: saturatingNanoseconds(value * 1e6))
    }

    /// The duration in seconds, as a floating-point number (for statistics and reports).
    @inlinable public var seconds: Double { Double(nanoseconds) * 1e-9 }

    /// The duration in milliseconds, as a floating-point number.
    @inlinable public var milliseconds: Double { Double(nanoseconds) * 1e-6 }

    @inlinable
    static func scaled<Count: BinaryInteger>(_ value: Count, by factor: Int64) -> SimDuration {
        guard let exact = Int64(exactly: value) else { return SimDuration(nanoseconds: value < 0 ? .min : .max) }
        let (product, overflow) = exact.multipliedReportingOverflow(by: factor)
        if overflow { return SimDuration(nanoseconds: (exact < 0) != (factor < 0) ? .min : .max) }
        return SimDuration(nanoseconds: product)
    }

    /// Rounds `nanoseconds` to the nearest `Int64` (halves away from zero, as `rounded()`),
    /// saturating instead of trapping.
    ///
    /// Truncates and then looks at the fraction, which `nanoseconds - truncated` gives exactly,
    /// so that no call to the C library's `round` is made on every scheduled event.
    @inlinable
    @inline(__always)
    static func saturatingNanoseconds(_ nanoseconds: Double) -> Int64 {
        if nanoseconds.isNaN { return 0 }
        if nanoseconds >= 9.223_372_036_854_775e18 { return .max }
        if nanoseconds <= -9.223_372_036_854_775e18 { return .min }
        let truncated = Int64(nanoseconds)
        let fraction = nanoseconds - Double(truncated)
        if fraction >= 0.5 { return truncated &+ 1 }
        if fraction <= -0.5 { return truncated &- 1 }
        return truncated
    }
}

extension SimDuration {
    /// The sum of two durations, saturating on overflow.
    @inlinable
    public static func + (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
        let (sum, overflow) = lhs.nanoseconds.addingReportingOverflow(rhs.nanoseconds)
        if overflow { return SimDuration(nanoseconds: rhs.nanoseconds < 0 ? .min : .max) }
        return SimDuration(nanoseconds: sum)
    }

    /// The difference of two durations, saturating on overflow.
    @inlinable
    public static func - (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
        let (difference, overflow) = lhs.nanoseconds.subtractingReportingOverflow(rhs.nanoseconds)
        if overflow { return SimDuration(nanoseconds: rhs.nanoseconds > 0 ? .min : .max) }
        return SimDuration(nanoseconds: difference)
    }

    /// The duration repeated `factor` times, saturating on overflow.
    @inlinable
    public static func * (lhs: SimDuration, factor: Int64) -> SimDuration {
        scaled(lhs.nanoseconds, by: factor)
    }
}

extension SimDuration: CustomStringConvertible {
    /// The duration in the largest unit that keeps it readable: `40 ms`, `2 s`, `1.5 h`.
    public var description: String { TimeFormatting.describe(nanoseconds: nanoseconds) }
}
