/// An amount of money in a currency, optionally per some quantity: `0.12 USD/GB`, `0.05 USD/h`, `3 USD`.
///
/// The currency is any three upper-case letters and is not converted or checked against other
/// fields; that is the caller's business. ``per`` says what the amount buys: a data size
/// (`/GB`), a duration (`/h`, also written `/core-h` for compute) or a count (`/M` for per
/// million). ``amountPerBaseUnit`` divides it down to per byte, per second or per item.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    /// The number written before the currency (multipliers applied): `0.12` for `0.12 USD/GB`.
    public var amount: Double
    /// The three-letter currency code as written: `USD`.
    public var currency: String
    /// What the amount is charged per, or nil for a plain amount.
    public var per: PriceBasis?

    /// `amount` of `currency`, per `per` when given.
    public init(amount: Double, currency: String, per: PriceBasis? = nil) {
        self.amount = amount
        self.currency = currency
        self.per = per
    }

    /// The amount per byte, per second or per item (or the plain amount when ``per`` is nil).
    public var amountPerBaseUnit: Double {
        guard let per else { return amount }
        return amount / per.quantity
    }

    /// `0.12 USD per 1e9 bytes`, for messages and tests.
    public var description: String {
        guard let per else { return "\(amount) \(currency)" }
        return "\(amount) \(currency) per \(per)"
    }

    /// What money is expected to look like, for messages.
    public static let expectation = "an amount of money such as '0.12 USD/GB' or '0.05 USD/h'"

    /// The largest amount accepted (10⁹ of any currency per unit), so that costs summed over a
    /// run stay finite.
    public static let largestAmount = 1e9

    /// Parses `0.12 USD/GB`, `0.05 USD/h`, `0.05 USD/core-h`, `2 USD/M` or `300 USD`.
    ///
    /// The amount must be finite and not negative. The part after `/` is a data size, a
    /// duration or a count with an optional number (`/GB`, `/100 GB`, `/h`, `/M`, `/1000`).
    public static func parse(_ text: String) -> Result<Money, QuantityError> {
        let failure = "expected \(expectation), got '\(text)'"
        let measured: MeasuredText
        switch MeasuredText.measure(text) {
        case .success(let value): measured = value
        case .failure(.notFinite): return .failure(QuantityError("\(failure) (not a finite number)"))
        case .failure(.unknownUnit(let unit)): return .failure(QuantityError("\(failure) (unknown unit '\(unit)')"))
        case .failure(.notANumber): return .failure(QuantityError(failure))
        }
        guard measured.dimension == .money, let currency = measured.currency else {
            let phrase = measured.dimension == .none ? "a number without a currency" : measured.dimension.phrase
            return .failure(QuantityError("\(failure) (\(phrase))"))
        }
        guard measured.value.isFinite, measured.value >= 0 else {
            return .failure(QuantityError("\(failure) (not a finite, non-negative amount)"))
        }
        guard measured.value <= largestAmount else {
            return .failure(QuantityError("\(failure) (more than 1G, the largest amount accepted)"))
        }
        guard let denominator = measured.moneyDenominator else {
            return .success(Money(amount: measured.value, currency: currency))
        }
        switch PriceBasis.parse(denominator) {
        case .some(let basis):
            return .success(Money(amount: measured.value, currency: currency, per: basis))
        case .none:
            return .failure(
                QuantityError(
                    "\(failure) (cannot charge per '\(denominator)'; use a data size, a duration or a count)"
                )
            )
        }
    }
}

/// What a price is charged per: a data size, a duration or a number of items.
public enum PriceBasis: Hashable, Sendable, CustomStringConvertible {
    /// Per this many bytes: `/GB` is 1e9.
    case dataSize(bytes: Double)
    /// Per this many seconds: `/h` and `/core-h` are 3,600.
    case duration(seconds: Double)
    /// Per this many items: `/M` is 1e6.
    case count(Double)

    /// The kind of a basis without its size, for asking for one (``ValueParser/price(per:)``).
    public enum Kind: Hashable, Sendable {
        /// Per bytes.
        case dataSize
        /// Per seconds.
        case duration
        /// Per items.
        case count
    }

    /// The kind of this basis.
    public var kind: Kind {
        switch self {
        case .dataSize: return .dataSize
        case .duration: return .duration
        case .count: return .count
        }
    }

    /// The size of the basis in bytes, seconds or items.
    public var quantity: Double {
        switch self {
        case .dataSize(let bytes): return bytes
        case .duration(let seconds): return seconds
        case .count(let items): return items
        }
    }

    /// `1e9 bytes`, `3600 s`, `1e6 items`.
    public var description: String {
        switch self {
        case .dataSize(let bytes): return "\(bytes) bytes"
        case .duration(let seconds): return "\(seconds) s"
        case .count(let items): return "\(items) items"
        }
    }

    /// The basis written after the `/` of a price, or nil if it is not one.
    static func parse(_ text: String) -> PriceBasis? {
        var text = text.trimmingSpaces
        if text.hasPrefix("core-") { text.removeFirst("core-".count) }
        // A bare unit or multiplier means one of it: `GB` is `1 GB`, `M` is `1M`.
        let numbered = (text.first.map { $0.isNumber } ?? false) ? text : "1 " + text
        guard case .success(let measured) = MeasuredText.measure(numbered),
            measured.value.isFinite, measured.value > 0
        else { return nil }
        switch measured.dimension {
        case .dataSize: return .dataSize(bytes: measured.value)
        case .duration: return .duration(seconds: measured.value)
        case .none: return .count(measured.value)
        default: return nil
        }
    }
}
