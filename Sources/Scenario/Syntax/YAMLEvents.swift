// libyaml as Yams builds it (its `CYaml` module): Yams's own composer hashes every mapping key
// before returning a tree, which costs time exponential in the input when a key is an alias
// of nested aliases, so scenarios are composed from libyaml's events instead (`YAMLComposer`).
internal import CYaml

/// One parsing event of a YAML stream, with where it starts (1-based line and column, in
/// Unicode scalars, as libyaml counts them).
struct YAMLEvent {
    /// What the event is.
    enum Kind {
        /// A document starts (explicitly with `---` or implicitly).
        case documentStart
        /// A document ends.
        case documentEnd
        /// `*anchor`: a reference to an earlier anchored node.
        case alias(anchor: String)
        /// A scalar's text (unescaped) and how it was written, with its anchor if it has one.
        case scalar(text: String, style: ScalarText.Style, anchor: String?)
        /// A list starts, with its anchor if it has one.
        case sequenceStart(anchor: String?)
        /// A list ends.
        case sequenceEnd
        /// A mapping starts, with its anchor if it has one.
        case mappingStart(anchor: String?)
        /// A mapping ends.
        case mappingEnd
        /// The stream starts or ends (the reader never hands these on).
        case stream
    }

    /// What the event is.
    var kind: Kind
    /// The 1-based line where the event starts.
    var line: Int
    /// The 1-based column (in Unicode scalars) where the event starts.
    var column: Int
}

/// A YAML syntax error as libyaml reports it: a message and a 1-based position.
struct YAMLSyntaxError: Error, Hashable {
    /// What is wrong, ready to print: `invalid YAML: did not find expected key (while parsing …)`.
    var message: String
    /// The 1-based line of the problem.
    var line: Int
    /// The 1-based column of the problem.
    var column: Int
}

/// Runs libyaml's event parser over a text, one event at a time.
enum YAMLEventReader {
    /// Hands every event of `text` (stream start and end left out) to `body` in order, until
    /// the stream ends or `body` returns false; returns libyaml's error if the text is not YAML.
    ///
    /// libyaml holds no more than one event at a time and keeps its own state on the heap, so
    /// memory and stack use do not grow with the text; its nesting limit (1,000) still applies.
    /// - Complexity: O(length of `text`) plus the work of `body`.
    static func read(_ text: String, _ body: (YAMLEvent) -> Bool) -> YAMLSyntaxError? {
        var bytes = Array(text.utf8)
        let count = bytes.count
        // libyaml refuses a null input pointer, which an empty array may give.
        if bytes.isEmpty { bytes.append(0) }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return YAMLSyntaxError(message: "cannot read YAML: out of memory", line: 1, column: 1)
        }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> YAMLSyntaxError? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return syntaxError(parser, bytes: buffer)
                }
                let converted = convert(event)
                let isEnd = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if isEnd { return nil }
                if case .stream = converted.kind { continue }
                if !body(converted) { return nil }
            }
        }
    }

    private static func convert(_ event: yaml_event_t) -> YAMLEvent {
        let kind: YAMLEvent.Kind
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            kind = .documentStart
        case YAML_DOCUMENT_END_EVENT:
            kind = .documentEnd
        case YAML_ALIAS_EVENT:
            kind = .alias(anchor: string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let style: ScalarText.Style
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .quoted
            case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: style = .block
            default: style = .plain
            }
            kind = .scalar(text: text, style: style, anchor: string(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
            kind = .sequenceStart(anchor: string(event.data.sequence_start.anchor))
        case YAML_SEQUENCE_END_EVENT:
            kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            kind = .mappingStart(anchor: string(event.data.mapping_start.anchor))
        case YAML_MAPPING_END_EVENT:
            kind = .mappingEnd
        default:
            kind = .stream
        }
        return YAMLEvent(kind: kind, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// The error libyaml stopped with, located at its problem mark (a reader error at the
    /// byte it could not decode).
    private static func syntaxError(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>) -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return YAMLSyntaxError(message: "cannot read YAML: out of memory", line: 1, column: 1)
        case YAML_READER_ERROR:
            let (line, column) = position(ofByte: parser.problem_offset, in: bytes)
            return YAMLSyntaxError(message: "cannot read YAML text: \(problem)", line: line, column: column)
        default:
            var message = "invalid YAML: \(problem)"
            if let context = parser.context.map({ String(cString: $0) }) {
                let mark = parser.context_mark
                message += " (\(context) at line \(mark.line + 1), column \(mark.column + 1))"
            }
            return YAMLSyntaxError(
                message: message,
                line: Int(parser.problem_mark.line) + 1,
                column: Int(parser.problem_mark.column) + 1
            )
        }
    }

    /// The 1-based line and column (in Unicode scalars) of the byte at `offset`.
    static func position(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Count the first byte of each UTF-8 sequence: one column per Unicode scalar.
                column += 1
            }
        }
        return (line, column)
    }
}
