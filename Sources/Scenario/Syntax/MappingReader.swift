/// Decodes one mapping field by field, recording a diagnostic for every problem and going on.
///
/// Create one over a mapping node with a context naming the element (`scenario`,
/// `zone 'hk-1a'`), ask for fields with ``required(_:as:)``, ``optional(_:as:default:)`` and
/// friends, then call ``finish()``: it reports every key that was never asked for as
/// `unknown field 'regoins' in scenario; did you mean 'regions'?` and hands back the
/// diagnostics. A missing or invalid field gives nil (or the default) so decoding continues
/// and all problems are reported at once. Nested mappings and lists are read with closures
/// (``mapping(_:context:required:_:)``, ``named(_:element:required:_:)``) that finish the
/// nested reader and merge its diagnostics automatically; inside such a closure use only the
/// nested reader (the outer one is busy). The usual entry point is
/// ``read(_:context:into:_:)``.
///
/// A null node reads as an empty mapping, so `failures:` with nothing after it is allowed and
/// only its required fields are reported missing.
public struct MappingReader: Sendable {
    /// The node being read.
    public let node: ScenarioNode
    /// The element this mapping describes, as messages name it: `zone 'hk-1a'`.
    public let context: String
    /// Everything recorded so far, in order.
    public private(set) var diagnostics = Diagnostics()

    private let entries: [MappingEntry]
    /// The position of each key in `entries`, for mappings too long to search.
    private let positions: [String: Int]?
    private var consumed: [Bool]
    /// Every key asked for, in the order first asked: the candidates for suggestions.
    private var knownKeys: [String] = []
    private var finished = false

    /// A reader over `node` describing `context`; records an error if `node` is not a mapping.
    public init(_ node: ScenarioNode, context: String) {
        self.node = node
        self.context = context
        switch node.content {
        case .mapping(let entries):
            self.entries = entries
        case .null:
            entries = []
        case .scalar, .sequence:
            entries = []
            diagnostics.error("expected a mapping of fields for \(context), got \(node.summary)", at: node.location)
        }
        consumed = Array(repeating: false, count: entries.count)
        positions = Self.positions(of: entries)
    }

    /// An index of `entries` by key when there are more than a few (keys are unique), so that
    /// asking for a field costs O(1) however long the mapping.
    private static func positions(of entries: [MappingEntry]) -> [String: Int]? {
        guard entries.count > 16 else { return nil }
        var positions: [String: Int] = Dictionary(minimumCapacity: entries.count)
        for (index, entry) in entries.enumerated() where positions[entry.key] == nil { positions[entry.key] = index }
        return positions
    }

    private func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return entries.firstIndex { $0.key == key }
    }

    /// Reads `node` as `context` with `body`, finishes, and adds the diagnostics to `diagnostics`.
    ///
    /// ```swift
    /// var diagnostics = Diagnostics()
    /// let zone = MappingReader.read(node, context: "zone 'hk-1a'", into: &diagnostics) { zone in
    ///     (servers: zone.required("servers", as: .count),
    ///      timeout: zone.optional("timeout", as: .duration, default: 30))
    /// }
    /// ```
    public static func read<T>(
        _ node: ScenarioNode,
        context: String,
        into diagnostics: inout Diagnostics,
        _ body: (inout MappingReader) -> T
    ) -> T {
        var reader = MappingReader(node, context: context)
        let result = body(&reader)
        diagnostics.append(contentsOf: reader.finish())
        return result
    }

    // MARK: Raw access

    /// The keys of the mapping in file order.
    public var keys: [String] { entries.map(\.key) }

    /// Whether the mapping has `key` (without marking it read).
    public func contains(_ key: String) -> Bool {
        position(of: key) != nil
    }

    /// The entry under `key`, marking it read and known; nil if absent.
    public mutating func entry(_ key: String) -> MappingEntry? {
        noteKnown(key)
        guard let index = position(of: key) else { return nil }
        consumed[index] = true
        return entries[index]
    }

    /// The node under `key`, marking it read; nil if absent. Null values are returned as nodes.
    public mutating func node(_ key: String) -> ScenarioNode? {
        entry(key)?.value
    }

    /// Every entry in file order, all marked read: for free-form mappings such as a variant's
    /// `path: value` overrides or `assumptions`.
    public mutating func allEntries() -> [MappingEntry] {
        for index in consumed.indices { consumed[index] = true }
        return entries
    }

    /// Marks `keys` as read without decoding them (documentation fields such as `description`).
    public mutating func ignore(_ keys: String...) {
        for key in keys { _ = entry(key) }
    }

    /// Adds `keys` to the fields suggestions are drawn from, without reading them.
    public mutating func expect(_ keys: String...) {
        for key in keys { noteKnown(key) }
    }

    // MARK: Typed fields

    /// The value of a field that must be present and valid; nil (with a diagnostic) otherwise.
    ///
    /// A missing key is reported at the mapping (`missing required field 'servers' in zone
    /// 'hk-1a'`), a null value at the value, an invalid one at the value with the parser's
    /// message (`invalid 'servers' in zone 'hk-1a': expected a whole number …`).
    public mutating func required<T>(_ key: String, as parser: ValueParser<T>) -> T? {
        guard let entry = entry(key) else {
            diagnostics.error("missing required field '\(key)' in \(context)", at: node.location)
            return nil
        }
        guard !entry.value.isNull else {
            diagnostics.error("missing value for required field '\(key)' in \(context)", at: entry.value.location)
            return nil
        }
        return decode(entry.value, field: key, as: parser)
    }

    /// The value of an optional field, or nil if it is absent or null; invalid values are reported.
    public mutating func optional<T>(_ key: String, as parser: ValueParser<T>) -> T? {
        guard let value = node(key), !value.isNull else { return nil }
        return decode(value, field: key, as: parser)
    }

    /// The value of an optional field, or `defaultValue` if it is absent, null or invalid
    /// (invalid values are reported).
    public mutating func optional<T>(_ key: String, as parser: ValueParser<T>, default defaultValue: T) -> T {
        optional(key, as: parser) ?? defaultValue
    }

    /// A required text field (any scalar, as written).
    public mutating func string(_ key: String) -> String? {
        required(key, as: .string)
    }

    /// An optional `true`/`false` field with a default.
    public mutating func bool(_ key: String, default defaultValue: Bool) -> Bool {
        optional(key, as: .bool, default: defaultValue)
    }

    /// A field that must be one of `choices`; if `defaultValue` is given it is optional.
    public mutating func oneOf(_ key: String, _ choices: [String], default defaultValue: String? = nil) -> String? {
        if let defaultValue { return optional(key, as: .oneOf(choices), default: defaultValue) }
        return required(key, as: .oneOf(choices))
    }

    /// A list field whose elements are each parsed with `parser`; each bad element is reported
    /// (as `invalid 'tags[1]' in …`) and left out. Nil if absent (reported when `required`).
    public mutating func list<T>(_ key: String, of parser: ValueParser<T>, required: Bool = false) -> [T]? {
        guard let elements = sequence(key, required: required) else { return nil }
        var values: [T] = []
        for (index, element) in elements.enumerated() {
            if let value = decode(element, field: "\(key)[\(index)]", as: parser) { values.append(value) }
        }
        return values
    }

    /// The elements of a list field, checked to be a list; nil if absent (reported when
    /// `required`), null, or not a list (reported).
    public mutating func sequence(_ key: String, required: Bool = false) -> [ScenarioNode]? {
        guard let entry = entry(key), !entry.value.isNull else {
            if required { diagnostics.error("missing required field '\(key)' in \(context)", at: node.location) }
            return nil
        }
        guard let elements = entry.value.sequenceElements else {
            diagnostics.error(
                "invalid '\(key)' in \(context): expected a list, got \(entry.value.summary)",
                at: entry.value.location
            )
            return nil
        }
        return elements
    }

    // MARK: Reporting

    /// Records an error at `location` (by default the mapping itself).
    public mutating func error(_ message: String, at location: SourceLocation? = nil, suggestion: String? = nil) {
        diagnostics.error(message, at: location ?? node.location, suggestion: suggestion)
    }

    /// Records an error at `node`.
    public mutating func error(_ message: String, at node: ScenarioNode, suggestion: String? = nil) {
        diagnostics.error(message, at: node.location, suggestion: suggestion)
    }

    /// Records a warning at `location` (by default the mapping itself).
    public mutating func warning(_ message: String, at location: SourceLocation? = nil, suggestion: String? = nil) {
        diagnostics.warning(message, at: location ?? node.location, suggestion: suggestion)
    }

    /// Records `<context> refers to unknown <kind> '<name>'; did you mean '<closest>'?` at `location`.
    public mutating func unknownReference(
        _ name: String,
        kind: String,
        candidates: [String],
        at location: SourceLocation
    ) {
        diagnostics.unknownReference(name, kind: kind, from: context, candidates: candidates, at: location)
    }

    /// Adds diagnostics found elsewhere (such as by a nested reader read by hand).
    public mutating func append(contentsOf other: Diagnostics) {
        diagnostics.append(contentsOf: other)
    }

    /// Reports every key never read as an unknown field and returns all diagnostics.
    ///
    /// Suggestions come from the keys asked for (read or not) and those passed to ``expect(_:)``,
    /// for the first ``suggestionLimit`` unknown fields (a mapping of a hundred thousand
    /// misspelt keys stays linear). Calling it again reports nothing new.
    public mutating func finish() -> Diagnostics {
        if !finished {
            finished = true
            var suggestionsLeft = Self.suggestionLimit
            for (index, entry) in entries.enumerated() where !consumed[index] {
                var suggestion: String?
                if suggestionsLeft > 0 {
                    suggestionsLeft -= 1
                    suggestion = Suggestions.best(for: entry.key, among: knownKeys)
                }
                diagnostics.error(
                    "unknown field '\(entry.key)' in \(context)",
                    at: entry.keyLocation,
                    suggestion: suggestion
                )
            }
        }
        return diagnostics
    }

    /// The most unknown fields of one mapping that get a "did you mean".
    public static let suggestionLimit = 20

    // MARK: Internals

    /// Parses `value` with `parser`, reporting `invalid '<field>' in <context>: …` on failure.
    mutating func decode<T>(_ value: ScenarioNode, field: String, as parser: ValueParser<T>) -> T? {
        switch parser.parse(value) {
        case .success(let result):
            return result
        case .failure(let failure):
            diagnostics.error(
                "invalid '\(field)' in \(context): \(failure.message)",
                at: failure.location ?? value.location,
                suggestion: failure.suggestion
            )
            return nil
        }
    }

    private mutating func noteKnown(_ key: String) {
        if !knownKeys.contains(key) { knownKeys.append(key) }
    }
}
