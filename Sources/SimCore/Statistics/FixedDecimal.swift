/// Decimal text of a number with a fixed count of digits after the point: deterministic,
/// locale-free, never in exponent notation (the one implementation every report, table and
/// benchmark line uses).
public enum FixedDecimal {
    /// `value` with `decimals` (0...9) digits after the point, rounded half away from zero
    /// on the decimal value: `text(84.25, decimals: 1)` is `84.3`; nil when `value` is not
    /// finite. Magnitudes of 9e18 and more (after scaling) fall back to Swift's description.
    public static func text(_ value: Double, decimals: Int) -> String? {
        guard value.isFinite else { return nil }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value.magnitude * scale).rounded(.toNearestOrAwayFromZero)
        guard rounded < 9e18 else { return "\(value)" }
        let units = UInt64(rounded)
        let whole = units / UInt64(scale)
        let fraction = units % UInt64(scale)
        var text = (value < 0 && units != 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }
}
