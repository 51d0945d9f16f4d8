internal import Yams

/// Reads YAML text into a ``ScenarioNode`` tree with a location on every node.
///
/// Uses Yams' node API (`Yams.compose`), whose marks are 1-based lines and columns in Unicode
/// scalars. Only the first document is read; a second one is a diagnostic. Anchors and aliases
/// are expanded (an alias's nodes keep the anchor's locations) and YAML merge keys (`<<: *base`)
/// are applied, explicit keys winning. Scalars are not resolved to numbers or booleans.
public enum YAMLReader {
    /// Parses `text` as the contents of `file` (a path used only in locations).
    ///
    /// Records a diagnostic for a YAML syntax error (at the position Yams reports), a
    /// duplicate key, or a non-text mapping key. Returns nil only when the text is not YAML at
    /// all; an empty document is a null node at 1:1.
    public static func parse(_ text: String, file: String, diagnostics: inout Diagnostics) -> ScenarioNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(contentsOf: syntaxDiagnostics(for: error, text: text, file: file))
            return nil
        } catch {
            diagnostics.error("cannot read YAML: \(error)", at: .startOf(file))
            return nil
        }
        guard let root else { return .null(at: .startOf(file)) }
        var converter = NodeConverter(file: file)
        let node = converter.convert(root)
        diagnostics.append(contentsOf: converter.diagnostics)
        return node
    }

    /// Turns a Yams error into diagnostics located where Yams says the problem is.
    static func syntaxDiagnostics(for error: YamlError, text: String, file: String) -> Diagnostics {
        var diagnostics = Diagnostics()
        func location(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line, column: mark.column)
        }
        func explain(_ problem: String, _ context: YamlError.Context?) -> String {
            guard let context else { return "invalid YAML: \(problem)" }
            return
                "invalid YAML: \(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            diagnostics.error(explain(problem, context), at: location(mark))
        case .reader(let problem, let offset, _, _):
            let at = offset.map { TextPosition.location(ofCharacterOffset: $0, in: text, file: file) }
            diagnostics.error("cannot read YAML text: \(problem)", at: at ?? .startOf(file))
        case .duplicatedKeysInMapping(let duplicates, let context):
            diagnostics.append(
                contentsOf: DuplicateKeyLocator.diagnostics(
                    keys: duplicates,
                    firstKeyAt: location(context.mark),
                    text: text
                )
            )
        default:
            diagnostics.error("cannot read YAML: \(error)", at: .startOf(file))
        }
        return diagnostics
    }
}

/// Converts a Yams node tree into ``ScenarioNode``s, collecting diagnostics as it goes.
struct NodeConverter {
    let file: String
    var diagnostics = Diagnostics()

    init(file: String) {
        self.file = file
    }

    /// The texts that a plain scalar uses to mean null (YAML 1.2 core schema).
    static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return .startOf(file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    mutating func convert(_ node: Node) -> ScenarioNode {
        switch node {
        case .scalar(let scalar):
            let at = location(scalar.mark)
            switch scalar.style {
            case .singleQuoted, .doubleQuoted:
                return ScenarioNode(.scalar(ScalarText(scalar.string, style: .quoted)), at: at)
            case .literal, .folded:
                return ScenarioNode(.scalar(ScalarText(scalar.string, style: .block)), at: at)
            case .plain, .any:
                if Self.nullSpellings.contains(scalar.string) { return .null(at: at) }
                return .scalar(scalar.string, at: at)
            }
        case .sequence(let sequence):
            return .sequence(sequence.map { convert($0) }, at: location(sequence.mark))
        case .mapping(let mapping):
            return convertMapping(mapping)
        case .alias(let alias):
            // The parser resolves aliases itself; this only happens for hand-built trees.
            diagnostics.error("unresolved YAML alias '\(alias.anchor)'", at: location(alias.mark))
            return .null(at: location(alias.mark))
        }
    }

    mutating func convertMapping(_ mapping: Node.Mapping) -> ScenarioNode {
        let at = location(mapping.mark)
        var entries: [MappingEntry] = []
        // Entries from merge keys (`<<`), with the index in `entries` where they belong.
        var merged: [(index: Int, entries: [MappingEntry])] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                let keyAt = location(keyNode.mark)
                diagnostics.error("a mapping key must be text, not \(convert(keyNode).summary)", at: keyAt)
                continue
            }
            let key = keyScalar.string
            let keyAt = location(keyScalar.mark)
            if key == "<<", keyScalar.style == .plain {
                merged.append((entries.count, mergeSources(convert(valueNode))))
                continue
            }
            if let first = entries.first(where: { $0.key == key }) {
                diagnostics.error(
                    "duplicate key '\(key)' in this mapping (first at line \(first.keyLocation.line))",
                    at: keyAt
                )
                continue
            }
            entries.append(MappingEntry(key: key, keyLocation: keyAt, value: convert(valueNode)))
        }
        // Apply merge keys last to first so earlier insertion indices stay valid; explicit keys
        // and earlier merges win.
        for (index, sourceEntries) in merged.reversed() {
            var insert: [MappingEntry] = []
            for entry in sourceEntries
            where !entries.contains(where: { $0.key == entry.key })
                && !insert.contains(where: { $0.key == entry.key })
            {
                insert.append(entry)
            }
            entries.insert(contentsOf: insert, at: index)
        }
        return .mapping(entries, at: at)
    }

    /// The entries a merge key's value contributes: a mapping, or a list of mappings (earlier wins).
    mutating func mergeSources(_ value: ScenarioNode) -> [MappingEntry] {
        switch value.content {
        case .mapping(let entries):
            return entries
        case .sequence(let elements):
            var result: [MappingEntry] = []
            for element in elements {
                guard let entries = element.mappingEntries else {
                    diagnostics.error(
                        "a merge key ('<<') list must hold mappings, not \(element.summary)",
                        at: element.location
                    )
                    continue
                }
                result.append(contentsOf: entries.filter { entry in !result.contains { $0.key == entry.key } })
            }
            return result
        default:
            diagnostics.error(
                "a merge key ('<<') needs a mapping or a list of mappings, not \(value.summary)",
                at: value.location
            )
            return []
        }
    }
}
