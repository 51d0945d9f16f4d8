import ShareModel

/// The scenario's currency as read: the declared one (`currency:`) and its exchange rates,
/// or, without a declaration, the currency of the first price read and where it was.
struct CurrencyContext {
    /// The `currency:` code, when declared and valid.
    var declared: String?
    /// Units of the scenario currency per unit of each other currency, in file order.
    var rates: [(code: String, rate: Double)] = []
    /// Without a declaration: the first price's currency and where it was written.
    var implied: (code: String, location: SourceLocation)?

    /// The scenario's currency: declared, else implied by its prices, else nil.
    var code: String? { declared ?? implied?.code }
}

extension ScenarioBuilder {
    /// A price per `per` (or a plain amount when nil) as a parser.
    static func moneyParser(per kind: PriceBasis.Kind?) -> ValueParser<Money> {
        kind.map { ValueParser<Money>.price(per: $0) } ?? .money
    }

    /// Reads `currency:` (an ISO 4217 code) and `exchange_rates:` (`{USD: 7.1}`: units of the
    /// scenario currency per unit of each other), reporting ill-formed or unknown codes, rates
    /// that are not finite and positive, and rates without a declared currency.
    mutating func readCurrency(_ top: inout MappingReader) {
        if let entry = top.entry("currency") {
            let code = entry.value.scalarText ?? ""
            if let problem = CurrencyCode.problem(with: code) {
                top.error("invalid 'currency' in scenario: \(problem)", at: entry.value)
            } else {
                currency.declared = code
            }
        }
        guard let entry = top.entry("exchange_rates"), !entry.value.isNull else { return }
        guard let rates = entry.value.mappingEntries else {
            top.error(
                "invalid 'exchange_rates' in scenario: expected a mapping such as '{USD: 7.1}', got "
                    + entry.value.summary,
                at: entry.value
            )
            return
        }
        if top.entry("currency") == nil {
            top.error(
                "'exchange_rates' in scenario needs 'currency': the ISO 4217 code every amount is converted to",
                at: entry.value
            )
        }
        for rate in rates {
            if let problem = CurrencyCode.problem(with: rate.key) {
                top.error("invalid key '\(rate.key)' in 'exchange_rates': \(problem)", at: rate.value)
                continue
            }
            guard case .success(let value) = ValueParser<Double>.number.parse(rate.value), value.isFinite, value > 0
            else {
                top.error(
                    "invalid 'exchange_rates.\(rate.key)' in scenario: expected a finite rate greater than 0 "
                        + "(units of the scenario currency per \(rate.key)), got \(rate.value.summary)",
                    at: rate.value
                )
                continue
            }
            currency.rates.append((rate.key, value))
        }
    }

    /// The price under `key` in `reader`, per byte, per second or per item (or a plain
    /// amount when `per` is nil), converted to the scenario currency; nil when absent or
    /// invalid (reported at the value: an unknown code, or a currency with no rate).
    mutating func price(
        _ reader: inout MappingReader,
        _ key: String,
        per kind: PriceBasis.Kind?,
        required: Bool = false
    ) -> Double? {
        guard let entry = reader.entry(key), !entry.value.isNull else {
            if required { reader.error("missing required field '\(key)' in \(reader.context)") }
            return nil
        }
        guard let money = reader.decode(entry.value, field: key, as: Self.moneyParser(per: kind)) else { return nil }
        let fail = { (reader: inout MappingReader, text: String) in
            reader.error("invalid '\(key)' in \(reader.context): \(text)", at: entry.value)
        }
        if let problem = CurrencyCode.problem(with: money.currency) {
            fail(&reader, problem)
            return nil
        }
        guard let scenarioCurrency = currency.code else {
            currency.implied = (money.currency, entry.value.location)
            return money.amountPerBaseUnit
        }
        if money.currency == scenarioCurrency { return money.amountPerBaseUnit }
        let rateText = "{\(money.currency): <\(scenarioCurrency) per \(money.currency)>}"
        if currency.declared != nil {
            guard let rate = currency.rates.first(where: { $0.code == money.currency })?.rate else {
                fail(
                    &reader,
                    "priced in \(money.currency) but the scenario's currency is \(scenarioCurrency) and "
                        + "'exchange_rates' has no \(money.currency) rate: add 'exchange_rates: \(rateText)'"
                )
                return nil
            }
            return money.amountPerBaseUnit * rate
        }
        let first = currency.implied.map { " (line \($0.location.line))" } ?? ""
        fail(
            &reader,
            "priced in \(money.currency) but an earlier price\(first) is in \(scenarioCurrency): mixed currencies "
                + "need 'currency: \(scenarioCurrency)' and 'exchange_rates: \(rateText)'"
        )
        return nil
    }

    /// A percentile price under `key` (`{mbps: 30 CNY, per: month, percentile: 95}`) of
    /// `element`, whose prices sit under `price` in the file; nil when absent or invalid.
    mutating func percentilePrice(
        _ reader: inout MappingReader,
        _ key: String,
        of element: SpecElement
    ) -> PercentilePrice? {
        let parts = reader.mapping(key) { nested -> (Double?, String?, Double) in
            let mbps = self.price(&nested, "mbps", per: nil, required: true)
            let per = nested.oneOf("per", PercentilePrice.Period.allCases.map(\.rawValue))
            let percentile = nested.optional("percentile", as: .number, default: 95)
            return (mbps, per, percentile)
        }
        guard let parts, let mbps = parts.0, let per = parts.1.flatMap(PercentilePrice.Period.init(rawValue:))
        else { return nil }
        do {
            return try PercentilePrice(
                pricePerMbps: mbps,
                period: per,
                percentile: parts.2,
                element: element,
                field: SpecField.price.child(key)
            )
        } catch {
            report(error, in: &reader)
            return nil
        }
    }
}
