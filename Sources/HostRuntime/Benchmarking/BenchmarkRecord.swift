/// The result of one benchmark: named figures in a fixed order, rendered as one JSON
/// object or one human line.
///
/// Keys keep the order they were added in, so two runs render their fields identically.
public struct BenchmarkRecord: Sendable, Equatable {
    /// One figure's value.
    public enum Value: Sendable, Equatable {
        /// A signed whole number.
        case integer(Int64)
        /// An unsigned whole number (counts, checksums, bytes).
        case unsigned(UInt64)
        /// A floating-point number; non-finite values render as JSON `null`.
        case real(Double)
        /// A string.
        case text(String)
    }

    /// The benchmark's name, such as `phold`; also the JSON key `benchmark`.
    public let name: String
    /// The figures, in insertion order.
    public private(set) var fields: [(key: String, value: Value)] = []
    /// The human summary line, written by the benchmark.
    public var summary: String = ""

    /// An empty record for benchmark `name`.
    public init(name: String) {
        self.name = name
    }

    /// Appends the figure `key`; keys should be snake_case and unique.
    public mutating func set(_ key: String, _ value: Value) {
        fields.append((key, value))
    }

    /// The value of `key`, if present.
    public subscript(key: String) -> Value? {
        fields.first { $0.key == key }?.value
    }

    /// The record as a single-line JSON object whose first key is `benchmark`.
    public var json: String {
        var parts = ["\"benchmark\":" + JSONText.string(name)]
        for (key, value) in fields {
            parts.append(JSONText.string(key) + ":" + JSONText.value(value))
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    /// Two records are equal when name, summary and every field (in order) are.
    public static func == (lhs: BenchmarkRecord, rhs: BenchmarkRecord) -> Bool {
        lhs.name == rhs.name && lhs.summary == rhs.summary
            && lhs.fields.elementsEqual(rhs.fields) {
                $0.key == $1.key && $0.value == $1.value
            }
    }
}

/// Minimal JSON text for benchmark records (the report JSON lives in Reports).
enum JSONText {
    /// `text` as a JSON string literal with the required escapes.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A value as JSON; non-finite reals become `null`.
    static func value(_ value: BenchmarkRecord.Value) -> String {
        switch value {
        case .integer(let number): return String(number)
        case .unsigned(let number): return String(number)
        case .real(let number): return number.isFinite ? "\(number)" : "null"
        case .text(let text): return string(text)
        }
    }
}
