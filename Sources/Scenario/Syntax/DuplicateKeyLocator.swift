/// Finds where the repeated keys of a mapping are, when Yams rejects a document for them.
///
/// Yams refuses a mapping with a repeated key before giving back any tree, and reports only
/// the first occurrence of one of the keys (its `duplicatedKeysInMapping` error). A person needs
/// the second one. For a block mapping, the sibling keys sit at the same column on later lines,
/// so this scans forward from the reported key until the mapping's indentation ends. Flow
/// mappings (`{a: 1, a: 2}`) fall back to the position Yams gave.
enum DuplicateKeyLocator {
    /// One diagnostic per repeated occurrence of each of `keys`, or one at `firstKeyAt` when the
    /// occurrences cannot be found in `text`.
    static func diagnostics(keys: [String], firstKeyAt start: SourceLocation, text: String) -> Diagnostics {
        var diagnostics = Diagnostics()
        let siblings = blockMappingKeys(startingAt: start, in: TextPosition.lines(of: text))
        for key in keys {
            let lines = siblings.filter { $0.key == key }.map(\.line)
            if lines.count >= 2 {
                for line in lines.dropFirst() {
                    diagnostics.error(
                        "duplicate key '\(key)' in this mapping (first at line \(lines[0]))",
                        at: SourceLocation(file: start.file, line: line, column: start.column)
                    )
                }
            } else {
                diagnostics.error("duplicate key '\(key)' in this mapping", at: start)
            }
        }
        return diagnostics
    }

    /// The keys of the block mapping whose first key is at `start`, with their 1-based lines.
    static func blockMappingKeys(
        startingAt start: SourceLocation,
        in lines: [[Unicode.Scalar]]
    ) -> [(key: String, line: Int)] {
        var keys: [(key: String, line: Int)] = []
        let column = start.column - 1
        var lineIndex = start.line - 1
        while lineIndex < lines.count {
            let line = lines[lineIndex]
            defer { lineIndex += 1 }
            guard let firstText = line.firstIndex(where: { $0 != " " }), line[firstText] != "#" else { continue }
            if lineIndex == start.line - 1 {
                // The first key may follow a `- ` on its line; read it at the reported column.
                if let key = key(in: line, at: column) { keys.append((key, lineIndex + 1)) }
                continue
            }
            if firstText < column { break }
            if firstText == column, let key = key(in: line, at: column) { keys.append((key, lineIndex + 1)) }
        }
        return keys
    }

    /// The key text of a `key: value` line starting at `column`, unquoting a quoted key.
    static func key(in line: [Unicode.Scalar], at column: Int) -> String? {
        guard column < line.count else { return nil }
        let rest = line[column...]
        if let quote = rest.first, quote == "'" || quote == "\"" {
            let body = rest.dropFirst()
            guard let close = body.firstIndex(of: quote) else { return nil }
            return String(String.UnicodeScalarView(body[..<close]))
        }
        var index = rest.startIndex
        while index < rest.endIndex {
            if rest[index] == ":", index + 1 == rest.endIndex || rest[index + 1] == " " {
                var text = String(String.UnicodeScalarView(rest[..<index]))
                while text.last == " " { text.removeLast() }
                return text
            }
            index += 1
        }
        return nil
    }
}
