/// The kinds of value a scenario field can hold, each with its base unit.
///
/// Parse a scalar's text with ``parse(_:)``: the result is in the kind's base unit (seconds,
/// bits per second, bytes, events per second, a 0…1 fraction, or a plain number). Quantities
/// carry their unit in the file (`40 ms`, `100 Mbps`, `2 TB`, `583k/s`); a bare number is
/// accepted only by ``fraction``, ``count``, ``number`` and ``integer``. The multipliers `k`,
/// `M`, `G` (10³, 10⁶, 10⁹) may stand alone (`300k`), precede a rate's slash (`583k/s`), or
/// precede a unit after a space (`1.5k ms`); glued to a letter (`5 Ms`) they are rejected as a
/// probably misspelt unit.
public enum QuantityKind: String, Hashable, Sendable, CaseIterable {
    /// A time interval in seconds: `ns`, `us`/`µs`, `ms`, `s`, `min`, `h`, `d`/`day(s)`,
    /// `week(s)`, `yr`/`year(s)` (365 days); also `sec`, `hour(s)`, `minute(s)`.
    case duration
    /// A data rate in bits per second: `bps`, `kbps`, `Mbps`, `Gbps`, `Tbps` (decimal), the
    /// `bit/s` spellings, and bytes per second `B/s`, `kB/s`, `MB/s`, `GB/s`, `TB/s` (×8).
    case dataRate
    /// A data size in bytes: `B`, `kB`/`KB`, `MB`, `GB`, `TB`, `PB` (decimal) and `KiB`, `MiB`,
    /// `GiB`, `TiB`, `PiB` (binary).
    case dataSize
    /// Events per second: a count per duration unit, `583k/s`, `30M/yr`, `100/min`, `5/h`.
    case eventRate
    /// A fraction from 0 to 1: `15%` or a plain number such as `0.15`.
    case fraction
    /// A non-negative whole number: `300`, `10_000`, `1e6`, `300k`, `1.5M`, `2G`.
    case count
    /// Any finite number, negative allowed: `-3.5`, `1e-3`.
    case number
    /// Any whole number, negative allowed.
    case integer

    /// What a valid value looks like, for messages: `a duration such as '40 ms' or '2 h'`.
    public var expectation: String {
        switch self {
        case .duration: return "a duration such as '40 ms' or '2 h'"
        case .dataRate: return "a data rate such as '100 Mbps' or '1.5 Gbps'"
        case .dataSize: return "a data size such as '2 TB' or '512 MiB'"
        case .eventRate: return "an event rate such as '583k/s' or '30M/yr'"
        case .fraction: return "a fraction such as '15%' or 0.15"
        case .count: return "a whole number such as 300, '300k' or '1.5M'"
        case .number: return "a number"
        case .integer: return "a whole number"
        }
    }

    /// The unit ``parse(_:)`` returns: `seconds`, `bits per second`, `bytes`, …
    public var baseUnit: String {
        switch self {
        case .duration: return "seconds"
        case .dataRate: return "bits per second"
        case .dataSize: return "bytes"
        case .eventRate: return "events per second"
        case .fraction: return "fraction of 1"
        case .count, .number, .integer: return "no unit"
        }
    }

    /// The largest magnitude accepted, in the base unit, and how messages write it; nil for
    /// plain numbers. Far beyond any real network (a thousand terabits per second, an exabyte, a billion
    /// events per second, a century), so that sizes times rates times durations stay finite and
    /// inside 64-bit counters.
    public var largest: (value: Double, text: String)? {
        switch self {
        case .duration: return (100 * 365 * 86_400, "100 years")
        case .dataRate: return (1e15, "1000 Tbps")
        case .dataSize: return (1e18, "1 EB")
        case .eventRate: return (1e9, "1G/s")
        case .count, .integer: return (9_007_199_254_740_992, "2^53")
        case .fraction, .number: return nil
        }
    }

    /// Whether values below zero are accepted by default: only plain numbers and integers.
    public var allowsNegativeByDefault: Bool { self == .number || self == .integer }

    /// The value of `text` in this kind's base unit, or why it is not one.
    ///
    /// NaN and infinities are always rejected; negative values unless
    /// ``allowsNegativeByDefault``; magnitudes above ``largest``. Counts and integers must be
    /// whole.
    public func parse(_ text: String) -> Result<Double, QuantityError> {
        parse(text, allowingNegative: allowsNegativeByDefault)
    }

    /// The value of `text` in this kind's base unit, accepting negative values if `allowingNegative`.
    public func parse(_ text: String, allowingNegative: Bool) -> Result<Double, QuantityError> {
        let measured: MeasuredText
        switch MeasuredText.measure(text) {
        case .success(let value): measured = value
        case .failure(let failure): return .failure(failure.error(expecting: self, text: text))
        }
        guard measured.dimension.isAccepted(by: self) else {
            return .failure(QuantityError("expected \(expectation), got '\(text)' (\(measured.dimension.phrase))"))
        }
        let value = measured.value
        guard value.isFinite else {
            return .failure(QuantityError("expected \(expectation), got '\(text)' (not a finite number)"))
        }
        if !allowingNegative, value < 0 {
            return .failure(QuantityError("expected \(expectation), got '\(text)' (a negative value)"))
        }
        switch self {
        case .fraction:
            guard (0...1).contains(value) else {
                return .failure(QuantityError("expected \(expectation) between 0 and 1, got '\(text)'"))
            }
        case .count, .integer:
            guard value.rounded(.towardZero) == value else {
                return .failure(QuantityError("expected \(expectation), got '\(text)' (not a whole number)"))
            }
        default:
            break
        }
        if let largest, abs(value) > largest.value {
            return .failure(QuantityError("expected \(expectation), got '\(text)' (more than \(largest.text))"))
        }
        return .success(value == 0 ? 0 : value)  // no -0.0
    }
}

/// Why a scalar is not a valid quantity: a message naming what was expected and what was found.
///
/// Reads like `expected a duration such as '40 ms' or '2 h', got '40 Mbps' (a data rate)`;
/// ``suggestion`` holds a unit the text probably meant (`Mbps` for `mbps`).
public struct QuantityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, without location or field name.
    public var message: String
    /// A unit the text probably meant, if one is close.
    public var suggestion: String?

    /// An error with `message` and an optional `suggestion`.
    public init(_ message: String, suggestion: String? = nil) {
        self.message = message
        self.suggestion = suggestion
    }

    /// The message, with `; did you mean 'x'?` when there is a suggestion.
    public var description: String {
        suggestion.map { "\(message); did you mean '\($0)'?" } ?? message
    }
}
