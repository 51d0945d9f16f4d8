import SimCore

/// Short human renderings of figures with their unit: `583.0k/s`, `12.4 Gbit/s`, `84.2 ms`.
///
/// Deterministic and locale-free: the same number always gives the same text.
public enum HumanFormat {
    /// `value` in `unit`, scaled for reading: `583.0k/s`, `12.4 Gbit/s`, `84.2 ms`, `97.3%`,
    /// `12.4 GB`, `CNY 1,234.56` (`¤1,234.56` when `currency` is nil); `—` for a non-finite value.
    public static func format(_ value: Double, _ unit: FigureUnit, currency: String? = nil) -> String {
        guard value.isFinite else { return "—" }
        switch unit {
        case .requestsPerSecond: return si(value, decimals: 1, separator: "") + "/s"
        case .bitsPerSecond: return si(value, decimals: 1, separator: " ") + "bit/s"
        case .seconds: return seconds(value)
        case .fraction: return percent(value)
        case .count: return count(value)
        case .requests: return decimal(value, small: 2) + " req"
        case .bytes: return si(value, decimals: 1, separator: " ", wholeBelowThousand: true) + "B"
        case .money: return money(value, currency: currency)
        case .cores: return count(value) + " cores"
        case .devices: return count(value) + " devices"
        case .credits: return count(value) + " credits"
        }
    }

    /// A difference in `unit` with an explicit sign: `+1.2k/s`, `-3.1 ms`; zero has none.
    public static func signed(_ value: Double, _ unit: FigureUnit, currency: String? = nil) -> String {
        guard value.isFinite else { return "—" }
        let text = format(value.magnitude, unit, currency: currency)
        if value > 0 { return "+" + text }
        if value < 0 { return "-" + text }
        return text
    }

    /// An estimate with its interval when there is one: `583.0k/s ± 1.2k/s`, or `—` for nil.
    public static func estimate(_ estimate: Estimate?, _ unit: FigureUnit, currency: String? = nil) -> String {
        guard let estimate else { return "—" }
        let mean = format(estimate.mean, unit, currency: currency)
        guard let halfWidth = estimate.halfWidth95 else { return mean }
        return mean + " ± " + format(halfWidth, unit, currency: currency)
    }

    /// A duration in seconds: `850 µs`, `84.2 ms`, `1.25 s`, `12.5 min`, `2.0 h`, `0 s`.
    public static func seconds(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let magnitude = value.magnitude
        if magnitude == 0 { return "0 s" }
        if magnitude < 1e-3 { return fixed(value * 1e6, decimals: 1) + " µs" }
        if magnitude < 1 { return fixed(value * 1e3, decimals: 1) + " ms" }
        if magnitude < 120 { return fixed(value, decimals: 2) + " s" }
        if magnitude < 7200 { return fixed(value / 60, decimals: 1) + " min" }
        return fixed(value / 3600, decimals: 1) + " h"
    }

    /// A fraction (0...1) as a percentage: `97.3%`, with two decimals from 99% to 100%
    /// (`99.95%`) so that high attainments stay distinguishable.
    public static func percent(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let magnitude = value.magnitude
        let decimals = magnitude >= 0.99 && magnitude < 1 ? 2 : 1
        return fixed(value * 100, decimals: decimals) + "%"
    }

    /// A count: exact below 1000 (`950`, `3.5` for a fractional mean), scaled above (`12.4k`).
    public static func count(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value.magnitude < 1000 {
            return value == value.rounded() ? fixed(value, decimals: 0) : fixed(value, decimals: 1)
        }
        return si(value, decimals: 1, separator: "")
    }

    /// Money with thousands separators after its ISO 4217 code (`CNY 1,234.56`, `CNY 12.4M`),
    /// or after `¤` when the currency is unknown (`¤1,234.56`).
    public static func money(_ value: Double, currency: String? = nil) -> String {
        guard value.isFinite else { return "—" }
        let sign = value < 0 ? "-" : ""
        let symbol = currency.map { $0 + " " } ?? "¤"
        if value.magnitude >= 1e6 { return sign + symbol + si(value.magnitude, decimals: 1, separator: "") }
        return sign + symbol + grouped(fixed(value.magnitude, decimals: 2))
    }

    /// `value` with an SI prefix (k, M, G, T, P, E) and `decimals` digits after the point
    /// (one more below 10 with a prefix), `separator` between number and prefix: `583.0k`,
    /// `12.4 G`, `1.05k`; values below 1 keep two more digits (`0.042`).
    public static func si(
        _ value: Double,
        decimals: Int,
        separator: String,
        wholeBelowThousand: Bool = false
    ) -> String {
        guard value.isFinite else { return "—" }
        let prefixes = ["", "k", "M", "G", "T", "P", "E"]
        var scaled = value
        var index = 0
        while scaled.magnitude >= 1000 && index < prefixes.count - 1 {
            scaled /= 1000
            index += 1
        }
        if index == 0 {
            if wholeBelowThousand && scaled == scaled.rounded() {
                return fixed(scaled, decimals: 0) + separator
            }
            if scaled != 0 && scaled.magnitude < 1 {
                return fixed(scaled, decimals: decimals + 2) + separator
            }
        }
        // Below 10 after scaling, one more digit: `1.05k`, `8.10 G` (but `583.0k`, `12.4 G`).
        func digits(_ value: Double) -> Int { index > 0 && value.magnitude < 9.995 ? decimals + 1 : decimals }
        var text = fixed(scaled, decimals: digits(scaled))
        // Rounding may carry to 1000.0: move to the next prefix.
        if (text.hasPrefix("1000") || text.hasPrefix("-1000")) && index < prefixes.count - 1 {
            scaled /= 1000
            index += 1
            text = fixed(scaled, decimals: digits(scaled))
        }
        return text + separator + prefixes[index]
    }

    /// `value` with `decimals` (0...9) digits after the point, no exponent, no locale:
    /// `fixed(84.25, decimals: 1)` is `84.3` (half away from zero on the decimal value).
    public static func fixed(_ value: Double, decimals: Int) -> String {
        FixedDecimal.text(value, decimals: decimals) ?? "—"
    }

    /// `decimal` with two decimals below 10 and one above, scaled from 1000 on.
    static func decimal(_ value: Double, small: Int) -> String {
        if value.magnitude >= 1000 { return si(value, decimals: 1, separator: "") }
        return fixed(value, decimals: value.magnitude < 10 ? small : 1)
    }

    /// `1234567.89` → `1,234,567.89` (thousands separators in the whole part).
    static func grouped(_ text: String) -> String {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = Array(parts[0])
        var result = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0 && (whole.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        if parts.count > 1 { result += "." + parts[1] }
        return result
    }
}
