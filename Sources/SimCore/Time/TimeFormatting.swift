/// Renders nanosecond counts as short human strings, with the standard library alone.
enum TimeFormatting {
    /// Units from largest to smallest: (nanoseconds per unit, symbol).
    private static let units: [(Int64, String)] = [
        (86_400_000_000_000, "d"),
        (3_600_000_000_000, "h"),
        (60_000_000_000, "min"),
        (1_000_000_000, "s"),
        (1_000_000, "ms"),
        (1_000, "µs"),
        (1, "ns"),
    ]

    /// `nanoseconds` in the largest unit it reaches, with up to three decimals and no
    /// trailing zeros: `40 ms`, `1.5 s`, `2 h`, `-3 µs`, `0 s`.
    static func describe(nanoseconds: Int64) -> String {
        if nanoseconds == 0 { return "0 s" }
        if nanoseconds == .max { return "∞" }
        let negative = nanoseconds < 0
        let magnitude = nanoseconds.magnitude
        for (scale, symbol) in units where magnitude >= UInt64(scale) {
            let text = decimal(magnitude, over: UInt64(scale))
            return (negative ? "-" : "") + text + " " + symbol
        }
        return "0 s"
    }

    /// `value / scale` with three decimals, rounded half up, trailing zeros removed.
    static func decimal(_ value: UInt64, over scale: UInt64) -> String {
        if scale == 1 { return String(value) }
        let (whole, remainder) = value.quotientAndRemainder(dividingBy: scale)
        // Thousandths, rounded; computed in floating point only for the fraction.
        var thousandths = UInt64((Double(remainder) / Double(scale) * 1000).rounded())
        var integer = whole
        if thousandths == 1000 {
            integer += 1
            thousandths = 0
        }
        if thousandths == 0 { return String(integer) }
        var fraction = String(thousandths)
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return String(integer) + "." + fraction
    }
}
