/// Turns one node into a typed value, or says what was expected: the `as:` of ``MappingReader``.
///
/// Use the built-in parsers by leading dot: `.duration` (seconds), `.dataRate` (bit/s),
/// `.dataSize` (bytes), `.eventRate` (per second), `.fraction`, `.count` (`Int`), `.number`,
/// `.integer`, `.string`, `.name`, `.bool`, `.money`, `.price(per:)`, `.simDuration`,
/// `.oneOf(["lru", "fifo"])`, `.oneOf(MyEnum.self)`. Narrow them with `.atLeast(1)`,
/// `.positive`, `.atMost(_:)` or ``map(_:)``.
public struct ValueParser<Value>: Sendable {
    /// What a valid value looks like, for messages (`a duration such as '40 ms' or '2 h'`).
    public let expectation: String
    private let body: @Sendable (ScenarioNode) -> Result<Value, ValueError>

    /// A parser described by `expectation` that runs `body` on a node.
    public init(expecting expectation: String, _ body: @escaping @Sendable (ScenarioNode) -> Result<Value, ValueError>)
    {
        self.expectation = expectation
        self.body = body
    }

    /// The value `node` holds, or why it is not valid.
    public func parse(_ node: ScenarioNode) -> Result<Value, ValueError> {
        body(node)
    }

    /// A parser whose result is transformed by `transform`.
    public func map<T>(_ transform: @escaping @Sendable (Value) -> T) -> ValueParser<T> {
        let body = self.body
        return ValueParser<T>(expecting: expectation) { body($0).map(transform) }
    }

    /// A parser that also requires `predicate`, failing with `got 'x' (\(requirement))` otherwise.
    ///
    /// `requirement` completes "expected …, got 'x' (…)", as in `must be at least 1`.
    public func require(_ requirement: String, _ predicate: @escaping @Sendable (Value) -> Bool) -> ValueParser<Value> {
        let body = self.body
        let expectation = self.expectation
        return ValueParser(expecting: expectation) { node in
            body(node).flatMap { value in
                predicate(value)
                    ? .success(value)
                    : .failure(ValueError("expected \(expectation), got \(node.summary) (\(requirement))"))
            }
        }
    }

    /// The parser for a scalar whose text `parse` turns into a value; other nodes are rejected.
    public static func scalar(
        expecting expectation: String,
        _ parse: @escaping @Sendable (String) -> Result<Value, QuantityError>
    ) -> ValueParser<Value> {
        ValueParser(expecting: expectation) { node in
            guard let text = node.scalarText else {
                return .failure(ValueError("expected \(expectation), got \(node.summary)"))
            }
            return parse(text).mapError { ValueError($0.message, suggestion: $0.suggestion) }
        }
    }
}

/// Why a node is not a valid value: a message (what was expected, what was found) and a suggestion.
///
/// ``MappingReader`` prefixes the field and element (`invalid 'timeout' in zone 'hk-1a': …`) and
/// reports it at the node, or at ``location`` when the parser points somewhere more precise.
public struct ValueError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the value.
    public var message: String
    /// What was probably meant.
    public var suggestion: String?
    /// Where to report it, if not at the node that was parsed (such as one list element).
    public var location: SourceLocation?

    /// An error with `message`, an optional `suggestion`, and optionally its own `location`.
    public init(_ message: String, suggestion: String? = nil, at location: SourceLocation? = nil) {
        self.message = message
        self.suggestion = suggestion
        self.location = location
    }

    /// The message with `; did you mean 'x'?` when there is a suggestion.
    public var description: String {
        suggestion.map { "\(message); did you mean '\($0)'?" } ?? message
    }
}

extension ValueParser where Value == Double {
    /// A value of `kind` in its base unit (see ``QuantityKind``).
    public static func quantity(_ kind: QuantityKind) -> ValueParser<Double> {
        .scalar(expecting: kind.expectation) { kind.parse($0) }
    }

    /// A non-negative duration in seconds: `40 ms`, `2 h`.
    public static var duration: ValueParser<Double> { .quantity(.duration) }
    /// A duration in seconds that may be negative (an offset): `-8 h`.
    public static var signedDuration: ValueParser<Double> {
        .scalar(expecting: QuantityKind.duration.expectation) {
            QuantityKind.duration.parse($0, allowingNegative: true)
        }
    }
    /// A non-negative data rate in bits per second: `100 Mbps`, `12.5 MB/s`.
    public static var dataRate: ValueParser<Double> { .quantity(.dataRate) }
    /// A non-negative data size in bytes: `2 TB`, `512 MiB`.
    public static var dataSize: ValueParser<Double> { .quantity(.dataSize) }
    /// A non-negative event rate per second: `583k/s`, `30M/yr`.
    public static var eventRate: ValueParser<Double> { .quantity(.eventRate) }
    /// A fraction from 0 to 1: `15%`, `0.15`.
    public static var fraction: ValueParser<Double> { .quantity(.fraction) }
    /// Any finite number.
    public static var number: ValueParser<Double> { .quantity(.number) }
}

extension ValueParser where Value == Int {
    /// A non-negative whole number: `300`, `10_000`, `300k`, `1.5M`.
    public static var count: ValueParser<Int> {
        ValueParser<Double>.quantity(.count).map { Int($0) }
    }
    /// Any whole number, negative allowed.
    public static var integer: ValueParser<Int> {
        ValueParser<Double>.quantity(.integer).map { Int($0) }
    }
}

extension ValueParser where Value == String {
    /// Any scalar's text as written (`no` stays `no`; numbers stay text).
    public static var string: ValueParser<String> {
        .scalar(expecting: "text") { .success($0) }
    }

    /// A non-empty name without leading or trailing spaces, such as a region or zone name.
    public static var name: ValueParser<String> {
        .scalar(expecting: "a name") { text in
            if text.isEmpty { return .failure(QuantityError("expected a name, got an empty text")) }
            if text.trimmingSpaces != text {
                return .failure(QuantityError("expected a name, got '\(text)' (leading or trailing spaces)"))
            }
            return .success(text)
        }
    }

    /// One of `choices`, exactly; otherwise lists them and suggests the closest.
    public static func oneOf(_ choices: [String]) -> ValueParser<String> {
        let expectation = "one of " + choices.map { "'\($0)'" }.joined(separator: ", ")
        return .scalar(expecting: expectation) { text in
            if choices.contains(text) { return .success(text) }
            return .failure(
                QuantityError(
                    "expected \(expectation), got '\(text)'",
                    suggestion: Suggestions.best(for: text, among: choices)
                )
            )
        }
    }
}

extension ValueParser where Value: CaseIterable & RawRepresentable & Sendable, Value.RawValue == String {
    /// One of the raw values of `Value`'s cases, in declaration order.
    public static func oneOf(_ type: Value.Type) -> ValueParser<Value> {
        let cases = Array(Value.allCases)
        return ValueParser<String>.oneOf(cases.map(\.rawValue)).map { text in
            // `oneOf` accepted the text, so a case with that raw value exists.
            Value(rawValue: text) ?? cases[0]
        }
    }
}

extension ValueParser where Value == Bool {
    /// `true` or `false` (also `True`/`TRUE`/`False`/`FALSE`); `yes`/`no`/`on`/`off` are rejected.
    public static var bool: ValueParser<Bool> {
        .scalar(expecting: "true or false") { text in
            switch text {
            case "true", "True", "TRUE": return .success(true)
            case "false", "False", "FALSE": return .success(false)
            default:
                let hint =
                    ["yes", "Yes", "on", "On"].contains(text)
                    ? "true"
                    : ["no", "No", "off", "Off"].contains(text) ? "false" : nil
                return .failure(QuantityError("expected true or false, got '\(text)'", suggestion: hint))
            }
        }
    }
}

extension ValueParser where Value == Money {
    /// Money, optionally per something: `0.12 USD/GB`, `0.05 USD/h`, `3 USD`.
    public static var money: ValueParser<Money> {
        .scalar(expecting: Money.expectation) { Money.parse($0) }
    }

    /// Money charged per a basis of `kind`: `.price(per: .dataSize)` takes `0.12 USD/GB`.
    public static func price(per kind: PriceBasis.Kind) -> ValueParser<Money> {
        let example: String
        switch kind {
        case .dataSize: example = "a price per data size such as '0.12 USD/GB'"
        case .duration: example = "a price per time such as '0.05 USD/h'"
        case .count: example = "a price per count such as '0.4 USD/M'"
        }
        return .scalar(expecting: example) { text in
            Money.parse(text).flatMap { money in
                money.per?.kind == kind
                    ? .success(money) : .failure(QuantityError("expected \(example), got '\(text)'"))
            }
        }
    }
}

extension ValueParser where Value: Comparable & Sendable {
    /// The same parser, also requiring the value to be at least `minimum`.
    public func atLeast(_ minimum: Value) -> ValueParser<Value> {
        require("must be at least \(minimum)") { $0 >= minimum }
    }

    /// The same parser, also requiring the value to be at most `maximum`.
    public func atMost(_ maximum: Value) -> ValueParser<Value> {
        require("must be at most \(maximum)") { $0 <= maximum }
    }
}

extension ValueParser where Value: Comparable & AdditiveArithmetic & Sendable {
    /// The same parser, also requiring the value to be greater than zero.
    public var positive: ValueParser<Value> {
        require("must be greater than 0") { $0 > .zero }
    }
}
