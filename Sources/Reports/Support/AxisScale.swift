/// One axis of a chart: its range, ticks with labels, title, and how values map onto it.
struct ChartAxis: Sendable {
    /// The axis title, with its unit: `Throughput (req/s)`.
    var title: String
    /// The smallest and largest value the axis shows.
    var lower: Double
    var upper: Double
    /// Tick positions (in values) and their labels.
    var ticks: [(value: Double, label: String)]
    /// Whether values map logarithmically (all positive).
    var logarithmic: Bool = false

    /// Where `value` falls, 0 at ``lower`` to 1 at ``upper``, clamped to a little outside.
    func fraction(_ value: Double) -> Double {
        let result: Double
        if logarithmic {
            let v = Swift.max(value, lower)
            result = ChartMath.log10(v / lower) / ChartMath.log10(upper / lower)
        } else {
            result = upper == lower ? 0 : (value - lower) / (upper - lower)
        }
        return Swift.min(Swift.max(result, -0.05), 1.05)
    }

    /// A linear axis over `values` in `unit`, from zero when `fromZero`, with about five
    /// round ticks labelled in a scale chosen for the range (`200k`, `84 ms` → `(ms)`).
    /// With `percentagePoints`, fractions are changes of a share, labelled `+5 pp` (`(pp)`).
    static func linear(
        title: String,
        unit: FigureUnit,
        values: [Double],
        fromZero: Bool = true,
        percentagePoints: Bool = false,
        currency: String? = nil
    ) -> ChartAxis {
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if fromZero {
            low = Swift.min(low, 0)
            high = Swift.max(high, 0)
        }
        if unit == .fraction && fromZero && high <= 1 && low >= 0 { high = Swift.max(high, 0.000_1) }
        if high == low { high = low == 0 ? 1 : low + low.magnitude }
        // Round steps in the unit the ticks are shown in (minutes, not seconds).
        let divisor = TickScale(
            unit: unit,
            magnitude: Swift.max(high.magnitude, low.magnitude),
            step: 1,
            currency: currency
        )
        .divisor
        let step = ChartMath.niceStep((high - low) / divisor / 5) * divisor
        let lower = (low / step).rounded(.down) * step
        let upper = (high / step).rounded(.up) * step
        var scale = TickScale(
            unit: unit,
            magnitude: Swift.max(upper.magnitude, lower.magnitude),
            step: step,
            currency: currency
        )
        if percentagePoints && unit == .fraction {
            scale.suffix = " pp"
            scale.titleSuffix = " (pp)"
        }
        var ticks: [(value: Double, label: String)] = []
        var index = 0.0
        while true {
            let value = lower + index * step
            if value > upper + step / 2 { break }
            ticks.append((value, scale.label(value)))
            index += 1
        }
        return ChartAxis(title: title + scale.titleSuffix, lower: lower, upper: upper, ticks: ticks)
    }

    /// A logarithmic axis over the positive `values` in seconds, with ticks at 1, 2, 5 × 10ᵏ
    /// labelled with their own unit (`500 µs`, `2 ms`, `1 s`).
    static func logarithmicSeconds(title: String, values: [Double]) -> ChartAxis {
        let (lower, upper, ticks) = logarithmicTicks(values: values, defaultLow: 1e-3, defaultHigh: 1) {
            ChartMath.shortSeconds($0)
        }
        return ChartAxis(
            title: title + " (log scale)",
            lower: lower,
            upper: upper,
            ticks: ticks,
            logarithmic: true
        )
    }

    /// The bounds (powers of ten around the positive `values`, or around `defaultLow` and
    /// `defaultHigh` when there are none) and the ticks of a logarithmic axis: 1, 2, 5 × 10ᵏ,
    /// fewer per decade over more than two decades, each labelled by `label`.
    static func logarithmicTicks(
        values: [Double],
        defaultLow: Double,
        defaultHigh: Double,
        label: (Double) -> String
    ) -> (lower: Double, upper: Double, ticks: [(value: Double, label: String)]) {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        let low = positive.min() ?? defaultLow
        let high = Swift.max(positive.max() ?? defaultHigh, low * 1.000_001)
        let lower = ChartMath.powerOfTenBelow(low)
        var upper = ChartMath.powerOfTenBelow(high)
        if upper < high { upper *= 10 }
        let decades = Int(ChartMath.log10(upper / lower).rounded())
        let multipliers: [Double] = decades <= 2 ? [1, 2, 5] : decades <= 4 ? [1, 3] : [1]
        var ticks: [(value: Double, label: String)] = []
        var decade = lower
        while decade <= upper * 1.000_001 {
            for multiplier in multipliers {
                let value = decade * multiplier
                if value <= upper * 1.000_001 { ticks.append((value, label(value))) }
            }
            decade *= 10
        }
        return (lower, upper, ticks)
    }

    /// A value axis over `values` in `unit`: logarithmic (``logarithmic(title:unit:values:)``)
    /// when every value is positive and they span more than two decades (the largest over
    /// 100 times the smallest), so that small values are not flattened; else linear from zero.
    static func automatic(title: String, unit: FigureUnit, values: [Double], currency: String? = nil) -> ChartAxis {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), low > 0, high > 100 * low else {
            return linear(title: title, unit: unit, values: values, currency: currency)
        }
        return logarithmic(title: title, unit: unit, values: finite, currency: currency)
    }

    /// A logarithmic axis over the positive `values` in `unit`, with ticks at 1, 2, 5 × 10ᵏ
    /// (fewer per decade over many decades) labelled in human units: `500 µs`, `2 ms` for
    /// seconds; `10k`, `1M` with the unit in the title for the rest.
    static func logarithmic(title: String, unit: FigureUnit, values: [Double], currency: String? = nil) -> ChartAxis {
        if unit == .seconds { return logarithmicSeconds(title: title, values: values) }
        let (lower, upper, ticks) = logarithmicTicks(values: values, defaultLow: 1, defaultHigh: 10) { value in
            if unit == .fraction { return ChartMath.shortNumber(value * 100) + "%" }
            let (divisor, prefix) = ChartMath.siPrefix(value)
            return (unit == .money ? currency.map { $0 + " " } ?? "¤" : "") + ChartMath.shortNumber(value / divisor)
                + prefix
        }
        let symbol = unit == .money ? currency ?? unit.axisSymbol : unit.axisSymbol
        let suffix = unit == .fraction ? " (%, log scale)" : " (" + symbol + ", log scale)"
        return ChartAxis(title: title + suffix, lower: lower, upper: upper, ticks: ticks, logarithmic: true)
    }

    /// A categorical axis: one tick per label at positions 0, 1, … (range −0.5 … n − 0.5),
    /// or at the given numeric positions.
    static func categorical(title: String, labels: [String], positions: [Double]? = nil) -> ChartAxis {
        let values = positions ?? labels.indices.map(Double.init)
        let low = values.min() ?? 0
        let high = values.max() ?? 0
        let margin = positions == nil ? 0.5 : Swift.max((high - low) * 0.05, high == low ? 1 : 0)
        return ChartAxis(
            title: title,
            lower: low - margin,
            upper: high + margin,
            ticks: zip(values, labels).map { ($0, $1) }
        )
    }
}

/// How tick values of one unit print: a divisor, a suffix per tick, and a title suffix.
private struct TickScale {
    var divisor: Double
    var decimals: Int
    var prefix: String = ""
    var suffix: String
    var titleSuffix: String

    /// The scale of `unit` at `magnitude` with ticks `step` apart; money is labelled with
    /// `currency` (its ISO 4217 code), or `¤` without one.
    init(unit: FigureUnit, magnitude: Double, step: Double, currency: String? = nil) {
        switch unit {
        case .fraction:
            divisor = 0.01
            suffix = "%"
            titleSuffix = " (%)"
        case .seconds:
            (divisor, titleSuffix) =
                magnitude < 1e-3
                ? (1e-6, " (µs)")
                : magnitude < 1
                    ? (1e-3, " (ms)")
                    : magnitude <= 600 ? (1, " (s)") : magnitude <= 36_000 ? (60, " (min)") : (3600, " (h)")
            suffix = ""
        default:
            let (siDivisor, siPrefix) = ChartMath.siPrefix(magnitude)
            divisor = siDivisor
            suffix = siPrefix
            titleSuffix = " (" + (unit == .money ? currency ?? unit.axisSymbol : unit.axisSymbol) + ")"
            if unit == .money { prefix = currency.map { $0 + " " } ?? "¤" }
        }
        decimals = ChartMath.decimals(for: step / divisor)
    }

    func label(_ value: Double) -> String {
        let scaled = value / divisor
        let text = HumanFormat.fixed(scaled, decimals: decimals)
        return prefix + (text == "-0" ? "0" : text) + (scaled == 0 ? "" : suffix)
    }
}

extension FigureUnit {
    /// The unit as an axis title shows it: `req/s`, `bit/s`, `B`, `money units`.
    var axisSymbol: String {
        switch self {
        case .money: "money units"
        case .requests: "requests waiting"
        default: symbol
        }
    }
}

/// Small numeric helpers for charts, without Foundation.
enum ChartMath {
    /// 1, 2 or 5 × 10ᵏ, the smallest at or above `raw` (positive).
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0 && raw.isFinite else { return 1 }
        let magnitude = powerOfTenBelow(raw)
        let residual = raw / magnitude
        let multiplier: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10
        return multiplier * magnitude
    }

    /// The largest power of ten at or below `value` (positive).
    static func powerOfTenBelow(_ value: Double) -> Double {
        guard value > 0 && value.isFinite else { return 1 }
        var power = 1.0
        while power > value { power /= 10 }
        while power * 10 <= value { power *= 10 }
        return power
    }

    /// log₁₀ of a positive `value`, via the exponent and a series for the mantissa.
    static func log10(_ value: Double) -> Double {
        guard value > 0 && value.isFinite else { return 0 }
        // ln(x) = exponent × ln 2 + ln(significand), significand in [1, 2).
        let exponent = Double(value.exponent)
        let significand = value.significand
        // ln(s) = 2 atanh((s − 1)/(s + 1)), series converges fast for s in [1, 2).
        let z = (significand - 1) / (significand + 1)
        let z2 = z * z
        var term = z
        var sum = 0.0
        var k = 1.0
        for _ in 0..<30 {
            sum += term / k
            term *= z2
            k += 2
        }
        let ln = exponent * 0.693_147_180_559_945_3 + 2 * sum
        return ln / 2.302_585_092_994_046
    }

    /// Digits after the point that show `step` (a scaled tick step) exactly enough: 0 for 1,
    /// 1 for 0.5, 2 for 0.25.
    static func decimals(for step: Double) -> Int {
        var decimals = 0
        var scaled = step
        while decimals < 6 && (scaled - scaled.rounded()).magnitude > 1e-9 * Swift.max(1, scaled.magnitude) {
            scaled *= 10
            decimals += 1
        }
        return decimals
    }

    /// The SI divisor and prefix for numbers up to `magnitude`: (1000, "k") for 583 000.
    static func siPrefix(_ magnitude: Double) -> (Double, String) {
        let prefixes = ["", "k", "M", "G", "T", "P", "E"]
        var divisor = 1.0
        var index = 0
        while magnitude >= divisor * 1000 && index < prefixes.count - 1 {
            divisor *= 1000
            index += 1
        }
        return (divisor, prefixes[index])
    }

    /// A short number for a log-axis tick: `2`, `0.5`, `0.001` (up to six decimals, no
    /// trailing zeros, no exponent).
    static func shortNumber(_ value: Double) -> String {
        var text = HumanFormat.fixed(value, decimals: 6)
        guard text.contains(".") else { return text }
        while text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return text
    }

    /// A short duration for a log-axis tick: `500 µs`, `2 ms`, `1 s`, `20 s`.
    static func shortSeconds(_ value: Double) -> String {
        let (scaled, unit): (Double, String) =
            value < 1e-3 ? (value * 1e6, "µs") : value < 1 ? (value * 1e3, "ms") : (value, "s")
        let rounded = scaled.rounded()
        let text =
            (scaled - rounded).magnitude < 1e-6 * Swift.max(1, scaled)
            ? HumanFormat.fixed(rounded, decimals: 0) : HumanFormat.fixed(scaled, decimals: 1)
        return text + " " + unit
    }
}
