/// What physical dimension a scalar's unit gives it.
enum Dimension: Hashable, Sendable {
    /// No unit: a plain number, perhaps with a `k`/`M`/`G` multiplier.
    case none
    case duration
    case dataRate
    case dataSize
    case eventRate
    case percent
    /// A currency code (`USD`, `0.12 USD/GB`): money is parsed by ``Money``, not by a kind.
    case money

    /// How a value of this dimension is named in messages: `(a data rate)`.
    var phrase: String {
        switch self {
        case .none: return "a number without a unit"
        case .duration: return "a duration"
        case .dataRate: return "a data rate"
        case .dataSize: return "a data size"
        case .eventRate: return "an event rate"
        case .percent: return "a percentage"
        case .money: return "an amount of money"
        }
    }

    /// Whether `kind` accepts a value of this dimension.
    func isAccepted(by kind: QuantityKind) -> Bool {
        switch kind {
        case .duration: return self == .duration
        case .dataRate: return self == .dataRate
        case .dataSize: return self == .dataSize
        case .eventRate: return self == .eventRate
        case .fraction: return self == .percent || self == .none
        case .count, .number, .integer: return self == .none
        }
    }

    /// The dimension `kind` asks for, used to pick unit suggestions.
    static func expected(by kind: QuantityKind) -> Dimension {
        switch kind {
        case .duration: return .duration
        case .dataRate: return .dataRate
        case .dataSize: return .dataSize
        case .eventRate: return .eventRate
        case .fraction: return .percent
        case .count, .number, .integer: return .none
        }
    }
}

/// A unit symbol and its size in base units: `10^powerOfTen × factor ÷ divisor`.
///
/// Powers of ten are applied through the decimal exponent of the number's text, so `40 ms`
/// is exactly the `Double` nearest 0.04 and `1.5 Gbps` exactly 1.5e9; divisors (seconds per
/// hour, per year) are divided last, so `30M/yr` equals `30e6 / (365 × 86400)`.
struct QuantityUnit: Sendable {
    let symbol: String
    let dimension: Dimension
    let powerOfTen: Int
    let factor: Double
    let divisor: Double

    init(_ symbol: String, _ dimension: Dimension, powerOfTen: Int = 0, factor: Double = 1, divisor: Double = 1) {
        self.symbol = symbol
        self.dimension = dimension
        self.powerOfTen = powerOfTen
        self.factor = factor
        self.divisor = divisor
    }

    /// Every unit, in a fixed order (suggestions prefer earlier entries on no tie).
    static let all: [QuantityUnit] =
        durations + eventRates + dataRates + dataSizes + [QuantityUnit("%", .percent, powerOfTen: -2)]

    /// Duration units as (symbol, power of ten, factor in seconds).
    static let durationScales: [(symbol: String, powerOfTen: Int, factor: Double)] = [
        ("ns", -9, 1), ("us", -6, 1), ("µs", -6, 1), ("μs", -6, 1), ("ms", -3, 1),
        ("s", 0, 1), ("sec", 0, 1), ("second", 0, 1), ("seconds", 0, 1),
        ("min", 0, 60), ("minute", 0, 60), ("minutes", 0, 60),
        ("h", 0, 3_600), ("hr", 0, 3_600), ("hour", 0, 3_600), ("hours", 0, 3_600),
        ("d", 0, 86_400), ("day", 0, 86_400), ("days", 0, 86_400),
        ("week", 0, 604_800), ("weeks", 0, 604_800),
        ("yr", 0, 31_536_000), ("year", 0, 31_536_000), ("years", 0, 31_536_000),
    ]

    static let durations: [QuantityUnit] = durationScales.map {
        QuantityUnit($0.symbol, .duration, powerOfTen: $0.powerOfTen, factor: $0.factor)
    }

    /// `/s`, `/min`, `/h`, `/day`, `/yr`, …: a count per duration, divided by its seconds.
    static let eventRates: [QuantityUnit] =
        durationScales.map {
            QuantityUnit("/" + $0.symbol, .eventRate, powerOfTen: -$0.powerOfTen, divisor: $0.factor)
        } + [QuantityUnit("Hz", .eventRate)]

    static let dataRates: [QuantityUnit] = [
        QuantityUnit("bps", .dataRate), QuantityUnit("kbps", .dataRate, powerOfTen: 3),
        QuantityUnit("Mbps", .dataRate, powerOfTen: 6), QuantityUnit("Gbps", .dataRate, powerOfTen: 9),
        QuantityUnit("Tbps", .dataRate, powerOfTen: 12),
        QuantityUnit("bit/s", .dataRate), QuantityUnit("kbit/s", .dataRate, powerOfTen: 3),
        QuantityUnit("Mbit/s", .dataRate, powerOfTen: 6), QuantityUnit("Gbit/s", .dataRate, powerOfTen: 9),
        QuantityUnit("Tbit/s", .dataRate, powerOfTen: 12),
        QuantityUnit("B/s", .dataRate, factor: 8), QuantityUnit("kB/s", .dataRate, powerOfTen: 3, factor: 8),
        QuantityUnit("KB/s", .dataRate, powerOfTen: 3, factor: 8),
        QuantityUnit("MB/s", .dataRate, powerOfTen: 6, factor: 8),
        QuantityUnit("GB/s", .dataRate, powerOfTen: 9, factor: 8),
        QuantityUnit("TB/s", .dataRate, powerOfTen: 12, factor: 8),
    ]

    static let dataSizes: [QuantityUnit] = [
        QuantityUnit("B", .dataSize), QuantityUnit("byte", .dataSize), QuantityUnit("bytes", .dataSize),
        QuantityUnit("kB", .dataSize, powerOfTen: 3), QuantityUnit("KB", .dataSize, powerOfTen: 3),
        QuantityUnit("MB", .dataSize, powerOfTen: 6), QuantityUnit("GB", .dataSize, powerOfTen: 9),
        QuantityUnit("TB", .dataSize, powerOfTen: 12), QuantityUnit("PB", .dataSize, powerOfTen: 15),
        QuantityUnit("KiB", .dataSize, factor: 1_024), QuantityUnit("MiB", .dataSize, factor: 1_048_576),
        QuantityUnit("GiB", .dataSize, factor: 1_073_741_824),
        QuantityUnit("TiB", .dataSize, factor: 1_099_511_627_776),
        QuantityUnit("PiB", .dataSize, factor: 1_125_899_906_842_624),
    ]

    /// The unit spelt exactly `symbol`, if any.
    static func named(_ symbol: String) -> QuantityUnit? {
        bySymbol[symbol]
    }

    /// Every unit by symbol (the first, if a symbol were listed twice).
    private static let bySymbol: [String: QuantityUnit] = Dictionary(all.map { ($0.symbol, $0) }) { first, _ in first }

    /// The decimal multipliers that may precede a unit or stand alone.
    static let multipliers: [(symbol: Character, powerOfTen: Int)] = [("k", 3), ("M", 6), ("G", 9)]
}
