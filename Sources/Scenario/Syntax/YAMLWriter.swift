internal import Yams

/// Writes a ``ScenarioNode`` tree as YAML text that ``YAMLReader`` reads back to the same
/// content (``ScenarioNode/sameContent(as:)``): the counterpart of the reader, for
/// `sharesim show` and `sharesim init`.
///
/// The layout follows the scenario files: block style, keys in the tree's order, a blank line
/// between top-level entries, and a list or mapping of a few short scalars in flow style
/// (`location: [22.3, 114.2]`, `zones: {count: 2, servers: 1, cores: 4}`). Text with a line
/// break is written as a literal block (`|`), other block text folded (`>`), text that was
/// quoted stays quoted, and plain text
/// the reader would take for something else (null, a merge key, a comment) is quoted by the
/// emitter (libyaml, through Yams). Comments are not kept: the tree has none.
public enum YAMLWriter {
    /// The longest flow collection, in characters of its scalars and separators, written on one line.
    static let flowLength = 60

    /// `node` as YAML text, ending with a line break; long text is folded near `width` columns.
    ///
    /// - Throws: ``ScenarioError`` at the node's location if libyaml refuses to write it (which
    ///   no tree the reader makes causes).
    /// - Complexity: O(nodes + text).
    public static func text(of node: ScenarioNode, width: Int = 88) throws(ScenarioError) -> String {
        // Each top-level entry on its own, so they can be parted by blank lines.
        let parts: [Node]
        if let entries = node.mappingEntries, !entries.isEmpty {
            parts = entries.map { Node.mapping(Node.Mapping([(key($0.key), yaml($0.value))])) }
        } else {
            parts = [yaml(node)]
        }
        var texts: [String] = []
        for part in parts {
            do {
                texts.append(try Yams.serialize(node: part, width: width, allowUnicode: true))
            } catch {
                var diagnostics = Diagnostics()
                diagnostics.error("cannot write the scenario as YAML: \(error)", at: node.location)
                throw ScenarioError(diagnostics)
            }
        }
        return texts.joined(separator: "\n")
    }

    /// A mapping key: plain unless the reader would take it for a merge key or null.
    private static func key(_ text: String) -> Node {
        let reserved = text == "<<" || YAMLComposer.nullSpellings.contains(text)
        return .scalar(Node.Scalar(text, .implicit, reserved ? .singleQuoted : .plain))
    }

    /// The Yams node for `node`, recursively.
    private static func yaml(_ node: ScenarioNode) -> Node {
        switch node.content {
        case .null:
            return .scalar(Node.Scalar("null", .implicit, .plain))
        case .scalar(let scalar):
            return .scalar(Node.Scalar(scalar.text, .implicit, style(of: scalar)))
        case .sequence(let elements):
            let style: Node.Sequence.Style = fitsOnOneLine(elements) ? .flow : .block
            return .sequence(Node.Sequence(elements.map(yaml), .implicit, style))
        case .mapping(let entries):
            let style: Node.Mapping.Style =
                fitsOnOneLine(entries.map(\.value), keys: entries.map(\.key)) ? .flow : .block
            return .mapping(Node.Mapping(entries.map { (key($0.key), yaml($0.value)) }, .implicit, style))
        }
    }

    /// How to write `scalar` so that it reads back as the same text and kind.
    private static func style(of scalar: ScalarText) -> Node.Scalar.Style {
        if scalar.text.contains("\n") { return .literal }
        if scalar.style == .block { return .folded }
        if scalar.style == .quoted || YAMLComposer.nullSpellings.contains(scalar.text) { return .singleQuoted }
        return .plain
    }

    /// Whether a collection of `values` (with `keys` for a mapping) is short enough for flow
    /// style: non-empty, scalars or nulls on one line only, at most ``flowLength`` characters.
    private static func fitsOnOneLine(_ values: [ScenarioNode], keys: [String] = []) -> Bool {
        guard !values.isEmpty else { return false }
        var length = keys.reduce(0) { $0 + $1.count + 2 }
        for value in values {
            switch value.content {
            case .null: length += 6
            case .scalar(let scalar) where !scalar.text.contains("\n"): length += scalar.text.count + 2
            default: return false
            }
            if length > flowLength { return false }
        }
        return true
    }
}
