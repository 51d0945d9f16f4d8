import ArgumentParser
import HostRuntime

/// A number on the command line, with an optional k/M/G suffix: `583k`, `1.5M`, `0.25`, `1e6`.
struct ScaledNumber: ExpressibleByArgument, Sendable {
    /// The number, suffix applied.
    let value: Double

    init(_ value: Double) { self.value = value }

    init?(argument: String) {
        guard let value = HumanNumbers.parse(argument) else { return nil }
        self.value = value
    }

    var defaultValueDescription: String { HumanNumbers.significant(value, digits: 6) }
}

/// A whole count on the command line: `1000000`, `1_000_000`, `1e6`, `1M` or `100k`.
struct CountArgument: ExpressibleByArgument, Sendable {
    /// The count.
    let value: Int

    init(_ value: Int) { self.value = value }

    init?(argument: String) {
        guard let scaled = ScaledNumber(argument: argument)?.value, scaled == scaled.rounded(), abs(scaled) < 9e18
        else { return nil }
        value = Int(scaled)
    }

    var defaultValueDescription: String { String(value) }
}

/// Checks that `value` of `flag` lies in `range`; the error names the flag and the range.
func validateCount(_ value: Int, flag: String, in range: ClosedRange<Int>) throws {
    guard range.contains(value) else {
        throw ValidationError("\(flag) must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
    }
}

/// Checks that `value` of `flag` is finite and in `range`.
func validateReal(_ value: Double, flag: String, in range: ClosedRange<Double>) throws {
    guard value.isFinite, range.contains(value) else {
        throw ValidationError(
            "\(flag) must be a number between \(range.lowerBound) and \(range.upperBound), got \(value)"
        )
    }
}
