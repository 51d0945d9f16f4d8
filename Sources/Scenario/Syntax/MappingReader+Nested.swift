extension MappingReader {
    /// Reads the mapping under `key` with a nested reader, finishing it and keeping its diagnostics.
    ///
    /// The nested context defaults to `'<key>' in <context>`. Returns nil if the key is absent
    /// (reported when `required`) or null; a present non-mapping is reported by the nested reader.
    public mutating func mapping<T>(
        _ key: String,
        context nestedContext: String? = nil,
        required: Bool = false,
        _ body: (inout MappingReader) -> T
    ) -> T? {
        guard let entry = entry(key), !entry.value.isNull else {
            if required { error("missing required field '\(key)' in \(context)") }
            return nil
        }
        var nested = MappingReader(entry.value, context: nestedContext ?? "'\(key)' in \(context)")
        let result = body(&nested)
        append(contentsOf: nested.finish())
        return result
    }

    /// Reads a collection of named elements under `key`, each with a nested reader and its name.
    ///
    /// Accepts both spellings, keeping file order:
    /// a list of mappings with a `name` field (`regions: [{name: cn-hangzhou, …}]`), or a
    /// mapping keyed by name (`shared_pools: {hk-homes: {…}}`). Each element's context is
    /// `<element> '<name>'` (`region 'cn-hangzhou'`). A missing or repeated name is reported
    /// (a repeated one as `duplicate region name 'x' (first at line N)`) and that element
    /// skipped; elements for which `body` returns nil are left out.
    public mutating func named<T>(
        _ key: String,
        element: String,
        required: Bool = false,
        _ body: (inout MappingReader, String) -> T?
    ) -> [T]? {
        guard let entry = entry(key), !entry.value.isNull else {
            if required { error("missing required field '\(key)' in \(context)") }
            return nil
        }
        var items: [(name: String, nameLocation: SourceLocation, node: ScenarioNode)] = []
        switch entry.value.content {
        case .sequence(let elements):
            for (index, elementNode) in elements.enumerated() {
                guard elementNode.mappingEntries != nil else {
                    error(
                        "invalid '\(key)[\(index)]' in \(context): expected a mapping for a \(element), got "
                            + "\(elementNode.summary)",
                        at: elementNode
                    )
                    continue
                }
                guard let nameEntry = elementNode.entry("name") else {
                    error(
                        "missing required field 'name' in \(element) \(index + 1) of '\(key)' in \(context)",
                        at: elementNode
                    )
                    continue
                }
                guard case .success(let name) = ValueParser<String>.name.parse(nameEntry.value) else {
                    error(
                        "invalid 'name' in \(element) \(index + 1) of '\(key)' in \(context): expected a name, "
                            + "got \(nameEntry.value.summary)",
                        at: nameEntry.value
                    )
                    continue
                }
                items.append((name, nameEntry.value.location, elementNode))
            }
        case .mapping(let entries):
            for named in entries {
                items.append((named.key, named.keyLocation, named.value))
            }
        case .scalar, .null:
            error(
                "invalid '\(key)' in \(context): expected a list of \(element)s with names, got \(entry.value.summary)",
                at: entry.value
            )
            return nil
        }
        var results: [T] = []
        // The line where each name first appears.
        var seen: [String: Int] = [:]
        for item in items {
            if let line = seen[item.name] {
                error("duplicate \(element) name '\(item.name)' (first at line \(line))", at: item.nameLocation)
                continue
            }
            seen[item.name] = item.nameLocation.line
            var nested = MappingReader(item.node, context: "\(element) '\(item.name)'")
            if item.node.entry("name") != nil {
                if let stated = nested.node("name")?.scalarText, stated != item.name {
                    nested.error("\(element) '\(item.name)' states a different name '\(stated)'")
                }
            }
            let result = body(&nested, item.name)
            append(contentsOf: nested.finish())
            if let result { results.append(result) }
        }
        return results
    }

    /// Reads each element of the list under `key` as a mapping with a nested reader.
    ///
    /// Element contexts are `<element> <n> of '<key>' in <context>` (n from 1). Nil if absent
    /// (reported when `required`); elements for which `body` returns nil are left out.
    public mutating func mappings<T>(
        _ key: String,
        element: String,
        required: Bool = false,
        _ body: (inout MappingReader) -> T?
    ) -> [T]? {
        guard let elements = sequence(key, required: required) else { return nil }
        var results: [T] = []
        for (index, elementNode) in elements.enumerated() {
            var nested = MappingReader(elementNode, context: "\(element) \(index + 1) of '\(key)' in \(context)")
            let result = body(&nested)
            append(contentsOf: nested.finish())
            if let result { results.append(result) }
        }
        return results
    }
}
