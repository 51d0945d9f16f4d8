import SimCore

/// Short human renderings of counts, rates and sizes for one-line summaries.
public enum HumanNumbers {
    /// `value` with a k/M/G suffix and three significant digits: `12.4M`, `583k`, `950`.
    public static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        let (scaled, suffix): (Double, String) =
            magnitude >= 1e9
            ? (value / 1e9, "G")
            : magnitude >= 1e6
                ? (value / 1e6, "M")
                : magnitude >= 1e3 ? (value / 1e3, "k") : (value, "")
        return significant(scaled, digits: 3) + suffix
    }

    /// A byte count in binary units: `31.2 MiB`.
    public static func bytes(_ count: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = count
        var unit = 0
        while abs(value) >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return significant(value, digits: 3) + " " + units[unit]
    }

    /// The number `text` writes, with `_` separators allowed and an optional k/K, M or G
    /// suffix: `583k` is 583,000, `1.5M`, `1_000_000`, `1e6`, `0.25`; nil for anything else
    /// (and for infinities and NaN). The inverse of ``compact(_:)``, for command-line flags.
    public static func parse(_ text: String) -> Double? {
        var digits = String(text.filter { $0 != "_" })
        var multiplier = 1.0
        if let last = digits.last, let scale = ["k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9][String(last)] {
            multiplier = scale
            digits.removeLast()
        }
        guard !digits.isEmpty, let number = Double(digits), number.isFinite else { return nil }
        return number * multiplier
    }

    /// `value` rounded to `digits` significant digits, without exponent notation.
    public static func significant(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        if value == 0 { return "0" }
        var decimals = digits - 1
        var probe = abs(value)
        while probe >= 10 && decimals > 0 {
            probe /= 10
            decimals -= 1
        }
        while probe < 1 && decimals < 9 {
            probe *= 10
            decimals += 1
        }
        return fixed(value, decimals: decimals)
    }

    /// `value` with exactly `decimals` digits after the point.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        FixedDecimal.text(value, decimals: decimals) ?? significant(value, digits: 1)
    }
}
