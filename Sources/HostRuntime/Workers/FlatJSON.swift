/// The tiny JSON subset the worker wire protocol and results files use: one object per
/// line whose values are strings, such as `{"job":"rep=1","payload":"{\"seed\":1}"}`, or, in
/// a results file, also a JSON value written as itself (`{"id":"rep=1","payload":{"mean":1.5}}`).
///
/// Writing is deterministic: keys in the order given, `"` `\` and control characters
/// escaped (`\n`, `\r`, `\t`, `\b`, `\f`, others as `\u00XX`), everything else (including
/// non-ASCII text) copied as UTF-8. So a string round-trips byte for byte and an encoded
/// line never contains a raw newline. Reading accepts any valid JSON object of string
/// values (any key order, whitespace, every escape including surrogate pairs) and rejects
/// duplicate keys; ``parseObjectKeepingValues(_:)`` also accepts any other JSON value and
/// keeps its exact text.
enum FlatJSON {
    /// A malformed line; the message says what was wrong and where.
    struct SyntaxError: Error, Equatable {
        let message: String
    }

    /// A member's value as read by ``parseObjectKeepingValues(_:)``.
    enum Value: Equatable {
        /// A JSON string: its contents, unescaped.
        case string(String)
        /// Any other JSON value (object, array, number, `true`, `false`, `null`): its exact
        /// text as it appears in the line.
        case json(String)
    }

    /// The deepest nesting of arrays and objects a value may have (deeper input is rejected
    /// rather than risking the stack).
    static let maximumDepth = 512

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

    /// Whether `text` can be written into a line as itself: exactly one JSON value other than
    /// a string (a string would read back as its contents), with no whitespace around it and
    /// no line break anywhere (so the line stays one line). Linear in the length of `text`.
    static func isSingleLineValue(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first != UInt8(ascii: "\""), !Parser.isWhitespace(first),
            !bytes.contains(0x0A), !bytes.contains(0x0D)
        else { return false }
        var parser = Parser(bytes: bytes)
        do {
            try parser.skipValue(depth: 0)
        } catch {
            return false
        }
        return parser.position == bytes.count
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
        return try parser.object(keepingValues: false).map { member throws(SyntaxError) in
            guard case .string(let value) = member.value else {
                throw SyntaxError(message: "the value of \"\(member.key)\" is not a string")
            }
            return (member.key, value)
        }
    }

    /// The members of the object in `bytes`, in the order they appear; a value that is not a
    /// string is validated and kept as its exact text (``Value/json(_:)``).
    ///
    /// - Throws: ``SyntaxError`` unless `bytes` is exactly one JSON object with no key
    ///   repeated at its top level, nested at most ``maximumDepth`` deep.
    static func parseObjectKeepingValues(
        _ bytes: some Collection<UInt8>
    ) throws(SyntaxError) -> [(key: String, value: Value)] {
        var parser = Parser(bytes: Array(bytes))
        return try parser.object(keepingValues: true)
    }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// The top-level object; with `keepingValues` false, a value that is not a string is
        /// an error at once.
        mutating func object(keepingValues: Bool) throws(SyntaxError) -> [(key: String, value: Value)] {
            skipWhitespace()
            try expect(UInt8(ascii: "{"))
            var members: [(key: String, value: Value)] = []
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
                    if peek() == UInt8(ascii: "\"") {
                        members.append((key, .string(try string())))
                    } else {
                        guard keepingValues else {
                            throw SyntaxError(message: "the value of \"\(key)\" is not a string")
                        }
                        let start = position
                        try skipValue(depth: 0)
                        // Strings inside were checked to be UTF-8; everything else is ASCII.
                        members.append((key, .json(String(decoding: bytes[start..<position], as: UTF8.self))))
                    }
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

        /// Moves past one JSON value starting at the current byte (no whitespace before it),
        /// checking its syntax; `depth` is how many arrays and objects enclose it.
        mutating func skipValue(depth: Int) throws(SyntaxError) {
            guard let byte = peek() else { throw SyntaxError(message: "expected a value at the end of the line") }
            switch byte {
            case UInt8(ascii: "\""):
                _ = try string()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < FlatJSON.maximumDepth else {
                    throw SyntaxError(
                        message: "values nested more than \(FlatJSON.maximumDepth) deep at byte \(position)"
                    )
                }
                try skipContainer(isObject: byte == UInt8(ascii: "{"), depth: depth + 1)
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default:
                throw SyntaxError(
                    message: "expected a value at byte \(position), found '\(Character(Unicode.Scalar(byte)))'"
                )
            }
        }

        /// Moves past an object or array whose opening bracket is the current byte.
        private mutating func skipContainer(isObject: Bool, depth: Int) throws(SyntaxError) {
            let close = UInt8(ascii: isObject ? "}" : "]")
            position += 1
            skipWhitespace()
            if peek() == close {
                position += 1
                return
            }
            while true {
                skipWhitespace()
                if isObject {
                    _ = try string()
                    skipWhitespace()
                    try expect(UInt8(ascii: ":"))
                    skipWhitespace()
                }
                try skipValue(depth: depth)
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(close)
                return
            }
        }

        private mutating func literal(_ word: String) throws(SyntaxError) {
            let expected = word.utf8
            guard bytes.count - position >= expected.count,
                bytes[position..<position + expected.count].elementsEqual(expected)
            else { throw SyntaxError(message: "invalid literal at byte \(position)") }
            position += expected.count
        }

        /// Moves past a number: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?.
        private mutating func number() throws(SyntaxError) {
            let start = position
            if peek() == UInt8(ascii: "-") { position += 1 }
            if peek() == UInt8(ascii: "0") {
                position += 1
            } else if digits() == 0 {
                throw SyntaxError(message: "invalid number at byte \(start)")
            }
            if peek() == UInt8(ascii: ".") {
                position += 1
                guard digits() > 0 else { throw SyntaxError(message: "invalid number at byte \(start)") }
            }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                position += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
                guard digits() > 0 else { throw SyntaxError(message: "invalid number at byte \(start)") }
            }
        }

        /// Moves past a run of decimal digits and returns how many there were.
        private mutating func digits() -> Int {
            var count = 0
            while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                position += 1
                count += 1
            }
            return count
        }

        /// Whether `byte` is JSON whitespace (space, tab, line feed, carriage return).
        static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        private func peek() -> UInt8? {
            position < bytes.count ? bytes[position] : nil
        }

        private mutating func skipWhitespace() {
            while let byte = peek(), Self.isWhitespace(byte) { position += 1 }
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
