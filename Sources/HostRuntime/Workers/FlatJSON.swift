/// The tiny JSON subset the worker wire protocol and results files use: one object per
/// line whose values are all strings, such as `{"job":"rep=1","payload":"{\"seed\":1}"}`.
///
/// Writing is deterministic: keys in the order given, `"` `\` and control characters
/// escaped (`\n`, `\r`, `\t`, `\b`, `\f`, others as `\u00XX`), everything else (including
/// non-ASCII text) copied as UTF-8. So a string round-trips byte for byte and an encoded
/// line never contains a raw newline. Reading accepts any valid JSON object of string
/// values (any key order, whitespace, every escape including surrogate pairs) and rejects
/// duplicate keys.
enum FlatJSON {
    /// A malformed line; the message says what was wrong and where.
    struct SyntaxError: Error, Equatable {
        let message: String
    }

    /// `pairs` as one JSON object, without a newline.
    static func object(_ pairs: KeyValuePairs<String, String>) -> String {
        var text = "{"
        for (index, pair) in pairs.enumerated() {
            if index > 0 { text += "," }
            appendString(pair.key, to: &text)
            text += ":"
            appendString(pair.value, to: &text)
        }
        text += "}"
        return text
    }

    /// Appends `string` as a quoted, escaped JSON string.
    static func appendString(_ string: String, to text: inout String) {
        text.unicodeScalars.append("\"")
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{8}": text += "\\b"
            case "\u{C}": text += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        text.unicodeScalars.append("\"")
    }

    /// The members of the object in `bytes`, in the order they appear.
    ///
    /// - Throws: ``SyntaxError`` unless `bytes` is exactly one JSON object whose values are
    ///   all strings, with no key repeated.
    static func parseObject(_ bytes: some Collection<UInt8>) throws(SyntaxError) -> [(key: String, value: String)] {
        var parser = Parser(bytes: Array(bytes))
        return try parser.object()
    }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func object() throws(SyntaxError) -> [(key: String, value: String)] {
            skipWhitespace()
            try expect(UInt8(ascii: "{"))
            var members: [(key: String, value: String)] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                position += 1
            } else {
                while true {
                    skipWhitespace()
                    let key = try string()
                    guard !members.contains(where: { $0.key == key }) else {
                        throw SyntaxError(message: "duplicate key \"\(key)\"")
                    }
                    skipWhitespace()
                    try expect(UInt8(ascii: ":"))
                    skipWhitespace()
                    guard peek() == UInt8(ascii: "\"") else {
                        throw SyntaxError(message: "the value of \"\(key)\" is not a string")
                    }
                    let value = try string()
                    members.append((key, value))
                    skipWhitespace()
                    if peek() == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    try expect(UInt8(ascii: "}"))
                    break
                }
            }
            skipWhitespace()
            guard position == bytes.count else {
                throw SyntaxError(message: "text after the object at byte \(position)")
            }
            return members
        }

        private func peek() -> UInt8? {
            position < bytes.count ? bytes[position] : nil
        }

        private mutating func skipWhitespace() {
            while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
        }

        private mutating func expect(_ byte: UInt8) throws(SyntaxError) {
            guard peek() == byte else {
                let found = peek().map { "'\(Character(Unicode.Scalar($0)))'" } ?? "the end of the line"
                throw SyntaxError(
                    message: "expected '\(Character(Unicode.Scalar(byte)))' at byte \(position), found \(found)"
                )
            }
            position += 1
        }

        private mutating func string() throws(SyntaxError) -> String {
            try expect(UInt8(ascii: "\""))
            var utf8: [UInt8] = []
            while true {
                guard let byte = peek() else { throw SyntaxError(message: "unterminated string") }
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    guard let text = String(validating: utf8, as: UTF8.self) else {
                        throw SyntaxError(message: "a string is not valid UTF-8")
                    }
                    return text
                case UInt8(ascii: "\\"):
                    try escape(into: &utf8)
                case ..<0x20:
                    throw SyntaxError(message: "raw control character in a string at byte \(position - 1)")
                default:
                    utf8.append(byte)
                }
            }
        }

        private mutating func escape(into utf8: inout [UInt8]) throws(SyntaxError) {
            guard let byte = peek() else { throw SyntaxError(message: "unterminated escape") }
            position += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "u"):
                var value = try hex4()
                if (0xD800..<0xDC00).contains(value) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard peek() == UInt8(ascii: "\\") else { throw SyntaxError(message: "unpaired surrogate") }
                    position += 1
                    try expect(UInt8(ascii: "u"))
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw SyntaxError(message: "unpaired surrogate") }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(value) {
                    throw SyntaxError(message: "unpaired surrogate")
                }
                guard let scalar = Unicode.Scalar(value) else { throw SyntaxError(message: "invalid \\u escape") }
                utf8.append(contentsOf: String(Character(scalar)).utf8)
            default:
                throw SyntaxError(message: "invalid escape '\\\(Character(Unicode.Scalar(byte)))'")
            }
        }

        private mutating func hex4() throws(SyntaxError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = peek(), let digit = Self.hexValue(byte) else {
                    throw SyntaxError(message: "invalid \\u escape")
                }
                position += 1
                value = value << 4 | digit
            }
            return value
        }

        private static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }
    }
}
