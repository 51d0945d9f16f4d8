/// A scalar read as number, optional multiplier and optional unit, before any kind is checked.
struct MeasuredText: Hashable, Sendable {
    /// The value in the base unit of its dimension.
    var value: Double
    /// What the unit makes it.
    var dimension: Dimension
    /// The currency code and the text after `/`, for money (`USD`, `GB`); nil otherwise.
    var currency: String?
    var moneyDenominator: String?

    /// Why text could not be measured; turned into a ``QuantityError`` once the kind is known.
    enum Failure: Error, Hashable {
        /// No number at the start (`fast`, ``).
        case notANumber
        /// `.inf`, `nan` and friends.
        case notFinite
        /// A unit nobody knows (`40 mbps`), with the unit text.
        case unknownUnit(String)

        func error(expecting kind: QuantityKind, text: String) -> QuantityError {
            let prefix = "expected \(kind.expectation), got '\(text)'"
            switch self {
            case .notANumber:
                return QuantityError(prefix)
            case .notFinite:
                return QuantityError("\(prefix) (not a finite number)")
            case .unknownUnit(let unit):
                let expected = Dimension.expected(by: kind)
                let preferred = QuantityUnit.all.filter { $0.dimension == expected }.map(\.symbol)
                let suggestion =
                    Suggestions.best(for: unit, among: preferred)
                    ?? Suggestions.best(for: unit, among: QuantityUnit.all.map(\.symbol))
                return QuantityError("\(prefix) (unknown unit '\(unit)')", suggestion: suggestion)
            }
        }
    }

    /// The spellings of infinities and NaN (lower-cased), refused as not finite.
    static let nonFinite: Set<String> = [
        ".inf", "+.inf", "-.inf", "inf", "+inf", "-inf", "infinity", "-infinity", ".nan", "nan",
    ]

    /// Splits `text` into number, multiplier and unit and converts to the unit's base.
    static func measure(_ rawText: String) -> Result<MeasuredText, Failure> {
        let text = rawText.trimmingSpaces
        if let value = plainNumber(text) { return .success(MeasuredText(value: value, dimension: .none)) }
        if nonFinite.contains(text.lowercased()) { return .failure(.notFinite) }
        guard let (numberText, exponent, rest) = splitNumber(text) else { return .failure(.notANumber) }
        var unitText = Substring(rest).trimmingSpaces
        // Allow spaces around the slash of a rate: `100 / min`.
        if unitText.contains("/") {
            unitText = unitText.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.trimmingSpaces }.joined(separator: "/")
        }
        if unitText.isEmpty {
            return number(numberText, exponent, unit: nil).map { MeasuredText(value: $0, dimension: .none) }
        }
        if let unit = QuantityUnit.named(unitText) {
            return number(numberText, exponent, unit: unit).map { MeasuredText(value: $0, dimension: unit.dimension) }
        }
        if let currency = moneyParts(unitText) {
            return number(numberText, exponent, unit: nil).map {
                MeasuredText(value: $0, dimension: .money, currency: currency.code, moneyDenominator: currency.per)
            }
        }
        if let first = unitText.first, let multiplier = QuantityUnit.multipliers.first(where: { $0.symbol == first }) {
            let afterMultiplier = Substring(unitText.dropFirst()).trimmingSpaces
            let scaled = exponent + multiplier.powerOfTen
            // A multiplier glued to a letter unit (`5 Ms`, `2 kh`) is almost always a misspelt
            // unit; every real prefixed unit (`ms`, `kB`, `Mbps`) is in the table. Write
            // `1.5k ms` or `583k/s` to mean a multiplier.
            if let next = unitText.dropFirst().first, next.isLetter {
                return .failure(.unknownUnit(unitText))
            }
            if afterMultiplier.isEmpty {
                return number(numberText, scaled, unit: nil).map { MeasuredText(value: $0, dimension: .none) }
            }
            if let unit = QuantityUnit.named(afterMultiplier) {
                return number(numberText, scaled, unit: unit).map { MeasuredText(value: $0, dimension: unit.dimension) }
            }
            if let currency = moneyParts(afterMultiplier) {
                return number(numberText, scaled, unit: nil).map {
                    MeasuredText(value: $0, dimension: .money, currency: currency.code, moneyDenominator: currency.per)
                }
            }
        }
        return .failure(.unknownUnit(unitText))
    }

    /// The value of `text` when it is only a decimal number (`4`, `-85.5`): the common case,
    /// read directly. Both ways round the same decimal to the nearest double, so they agree.
    static func plainNumber(_ text: String) -> Double? {
        var digits = 0
        var dots = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "-") where index == 0: break
            case UInt8(ascii: "."): dots += 1
            default: return nil
            }
        }
        // `1.` and `.5` are left to the full reader, like every other spelling.
        guard digits > 0, dots <= 1, text.utf8.last != UInt8(ascii: "."), text.utf8.first != UInt8(ascii: "."),
            !text.hasPrefix("-.")
        else { return nil }
        return Double(text)
    }

    /// `USD` or `USD/GB` → (`USD`, `GB`): three upper-case ASCII letters, optionally `/ per`.
    static func moneyParts(_ unit: String) -> (code: String, per: String?)? {
        let parts = unit.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let code = String(parts[0])
        guard code.count == 3, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        return (code, parts.count == 2 ? String(parts[1]) : nil)
    }

    /// The value of `digits` × 10^`exponent` × the unit's scale, with decimal scaling done exactly.
    static func number(_ digits: String, _ exponent: Int, unit: QuantityUnit?) -> Result<Double, Failure> {
        let power = exponent + (unit?.powerOfTen ?? 0)
        guard let scaled = Double("\(digits)e\(power)") else { return .failure(.notANumber) }
        guard let unit else { return .success(scaled) }
        return .success(scaled * unit.factor / unit.divisor)
    }

    /// Splits leading `[+-]digits[.digits][e[+-]digits]` (underscores between digits allowed)
    /// into its mantissa text (underscores removed), its exponent, and the rest of the text.
    static func splitNumber(_ text: String) -> (mantissa: String, exponent: Int, rest: String)? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var mantissa = ""
        func isDigit(_ i: Int) -> Bool { i < scalars.count && ("0"..."9").contains(scalars[i]) }
        if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
            mantissa.unicodeScalars.append(scalars[index])
            index += 1
        }
        var digitCount = 0
        func readDigits() {
            while index < scalars.count {
                if isDigit(index) {
                    mantissa.unicodeScalars.append(scalars[index])
                    digitCount += 1
                } else if scalars[index] == "_", digitCount > 0, isDigit(index + 1) {
                    // A separator between digits: `10_000`.
                } else {
                    break
                }
                index += 1
            }
        }
        readDigits()
        if index < scalars.count, scalars[index] == "." {
            if isDigit(index + 1) {
                mantissa.append(digitCount == 0 ? "0." : ".")
                index += 1
                readDigits()
            } else if digitCount > 0 {
                index += 1  // `1.` means 1
            }
        }
        guard digitCount > 0 else { return nil }
        var exponent = 0
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            var probe = index + 1
            var sign = 1
            if probe < scalars.count, scalars[probe] == "+" || scalars[probe] == "-" {
                sign = scalars[probe] == "-" ? -1 : 1
                probe += 1
            }
            if isDigit(probe) {
                var value = 0
                while isDigit(probe), value < 100_000 {
                    value = value * 10 + Int(scalars[probe].value - 48)
                    probe += 1
                }
                while isDigit(probe) { probe += 1 }
                exponent = sign * value
                index = probe
            }
        }
        var rest = ""
        rest.unicodeScalars.append(contentsOf: scalars[index...])
        return (mantissa, exponent, rest)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
