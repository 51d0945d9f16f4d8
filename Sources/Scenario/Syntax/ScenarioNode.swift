/// One node of a scenario document: a scalar, a mapping, a sequence or null, with where it came from.
///
/// This is the syntax tree everything else works on: ``YAMLReader`` builds it from YAML,
/// ``ScenarioMerge`` and ``ScenarioPath`` rewrite it, ``MappingReader`` decodes it. Mapping
/// entries keep file order (never hashing order). Scalars keep their text exactly as written:
/// nothing is resolved to numbers or booleans here, so `name: no` stays the text `no`.
/// Equality compares content and locations; use ``sameContent(as:)`` to ignore locations.
public struct ScenarioNode: Hashable, Sendable, CustomStringConvertible {
    /// What a node holds.
    public enum Content: Hashable, Sendable {
        /// An explicit or implicit null (`~`, `null`, or nothing after `key:`).
        case null
        /// A scalar's text and how it was written.
        case scalar(ScalarText)
        /// A sequence's elements in order.
        case sequence([ScenarioNode])
        /// A mapping's entries in file order; keys are unique after reading.
        case mapping([MappingEntry])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts: for a mapping, its first key; for a block sequence, its first `-`.
    public var location: SourceLocation

    /// A node holding `content`, located at `location`.
    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// A plain (unquoted) scalar holding `text`.
    public static func scalar(_ text: String, at location: SourceLocation) -> ScenarioNode {
        ScenarioNode(.scalar(ScalarText(text, style: .plain)), at: location)
    }

    /// A mapping of `entries`, in the given order.
    public static func mapping(_ entries: [MappingEntry], at location: SourceLocation) -> ScenarioNode {
        ScenarioNode(.mapping(entries), at: location)
    }

    /// A sequence of `elements`.
    public static func sequence(_ elements: [ScenarioNode], at location: SourceLocation) -> ScenarioNode {
        ScenarioNode(.sequence(elements), at: location)
    }

    /// A null node.
    public static func null(at location: SourceLocation) -> ScenarioNode {
        ScenarioNode(.null, at: location)
    }

    /// Whether the node is null.
    public var isNull: Bool { content == .null }

    /// The scalar's text, or nil if the node is not a scalar.
    public var scalarText: String? {
        if case .scalar(let scalar) = content { return scalar.text }
        return nil
    }

    /// The mapping's entries in file order, or nil if the node is not a mapping.
    public var mappingEntries: [MappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The sequence's elements, or nil if the node is not a sequence.
    public var sequenceElements: [ScenarioNode]? {
        if case .sequence(let elements) = content { return elements }
        return nil
    }

    /// The value under `key` if this is a mapping that has it.
    public subscript(key: String) -> ScenarioNode? {
        mappingEntries?.first { $0.key == key }?.value
    }

    /// The entry under `key` (key, its location and value) if this is a mapping that has it.
    public func entry(_ key: String) -> MappingEntry? {
        mappingEntries?.first { $0.key == key }
    }

    /// The text of this mapping's `name` field, if it is a mapping with a scalar `name`.
    ///
    /// Named mappings are how lists of regions, zones and pools are addressed by path and merged.
    public var name: String? { self["name"]?.scalarText }

    /// The nodes in this tree, itself included; a subtree that appears twice (an alias)
    /// counts twice, as every walk over the tree sees it.
    ///
    /// - Complexity: O(the count).
    public var nodeCount: Int {
        var count = 0
        var pending = [self]
        while let node = pending.popLast() {
            count += 1
            switch node.content {
            case .null, .scalar: break
            case .sequence(let elements): pending += elements
            case .mapping(let entries):
                count += entries.count
                pending += entries.map(\.value)
            }
        }
        return count
    }

    /// Whether the two trees hold the same content, ignoring locations and scalar styles.
    public func sameContent(as other: ScenarioNode) -> Bool {
        switch (content, other.content) {
        case (.null, .null):
            return true
        case let (.scalar(a), .scalar(b)):
            return a.text == b.text
        case let (.sequence(a), .sequence(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.sameContent(as: $1) }
        case let (.mapping(a), .mapping(b)):
            return a.count == b.count
                && zip(a, b).allSatisfy { $0.key == $1.key && $0.value.sameContent(as: $1.value) }
        default:
            return false
        }
    }

    /// What kind of node this is, for messages: `a mapping`, `a list`, `null`, `'40 ms'`.
    public var summary: String {
        switch content {
        case .null: return "nothing (null)"
        case .scalar(let scalar): return "'\(scalar.text)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// A one-line flow-style rendering, such as `{name: a, servers: 3, tags: [x, y]}`.
    ///
    /// Meant for tests and messages, not for writing files: text is not escaped.
    public var description: String {
        switch content {
        case .null:
            return "null"
        case .scalar(let scalar):
            return scalar.style == .plain ? scalar.text : "'\(scalar.text)'"
        case .sequence(let elements):
            return "[" + elements.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

/// A scalar's text exactly as the file has it, and whether it was quoted.
public struct ScalarText: Hashable, Sendable {
    /// How a scalar was written.
    public enum Style: Hashable, Sendable {
        /// Unquoted: `40 ms`.
        case plain
        /// Single- or double-quoted: `'40 ms'`.
        case quoted
        /// A literal (`|`) or folded (`>`) block.
        case block
    }

    /// The text after YAML unescaping (quotes removed).
    public var text: String
    /// How it was written.
    public var style: Style

    /// A scalar of `text` written in `style`.
    public init(_ text: String, style: Style) {
        self.text = text
        self.style = style
    }
}

/// One `key: value` pair of a mapping, with where the key is.
public struct MappingEntry: Hashable, Sendable {
    /// The key's text.
    public var key: String
    /// Where the key is: unknown-field and duplicate-key diagnostics point here.
    public var keyLocation: SourceLocation
    /// The value.
    public var value: ScenarioNode

    /// An entry `key: value` with its key at `keyLocation`.
    public init(key: String, keyLocation: SourceLocation, value: ScenarioNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
