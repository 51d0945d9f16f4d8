/// Writes a ``JSONNode`` as indented JSON text, deterministically.
///
/// Two-space indentation; objects one member per line; arrays of scalars on one line
/// (`[1, 2, 3]`), other arrays one item per line. Numbers in Swift's shortest round-trip
/// form (`0.1`, `3.0`, `1e-05`), non-finite numbers as `null`. Strings escape `"`, `\` and
/// control characters; everything else is written as UTF-8.
enum JSONWriter {
    /// The text of `node`, ending with a newline.
    static func write(_ node: JSONNode) -> String {
        var output = ""
        write(node, indent: 0, into: &output)
        output.append("\n")
        return output
    }

    private static func write(_ node: JSONNode, indent: Int, into output: inout String) {
        switch node {
        case .null: output.append("null")
        case .bool(let value): output.append(value ? "true" : "false")
        case .integer(let text): output.append(text)
        case .number(let value): output.append(number(value))
        case .string(let value): output.append(quoted(value))
        case .array(let items):
            if items.isEmpty {
                output.append("[]")
            } else if items.allSatisfy(\.isScalar) {
                output.append("[")
                for (index, item) in items.enumerated() {
                    if index > 0 { output.append(", ") }
                    write(item, indent: indent, into: &output)
                }
                output.append("]")
            } else {
                output.append("[\n")
                for (index, item) in items.enumerated() {
                    output.append(String(repeating: " ", count: indent + 2))
                    write(item, indent: indent + 2, into: &output)
                    output.append(index == items.count - 1 ? "\n" : ",\n")
                }
                output.append(String(repeating: " ", count: indent) + "]")
            }
        case .object(let members):
            if members.isEmpty {
                output.append("{}")
                return
            }
            output.append("{\n")
            for (index, member) in members.enumerated() {
                output.append(String(repeating: " ", count: indent + 2))
                output.append(quoted(member.key))
                output.append(": ")
                write(member.value, indent: indent + 2, into: &output)
                output.append(index == members.count - 1 ? "\n" : ",\n")
            }
            output.append(String(repeating: " ", count: indent) + "}")
        }
    }

    /// The shortest text that reads back as `value`; `null` when it is not finite.
    static func number(_ value: Double) -> String {
        value.isFinite ? value.description : "null"
    }

    /// `value` as a JSON string literal.
    static func quoted(_ value: String) -> String {
        var output = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{08}": output.append("\\b")
            case "\u{0C}": output.append("\\f")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
        return output
    }
}

extension JSONNode {
    /// Whether the node is a scalar (not an array or object).
    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}
