/// A dotted path into a scenario tree, as `variants`, `sweep` and `--set` write it.
///
/// Each segment addresses a mapping key, or in a list either the element whose `name` is the
/// segment or, failing that, the element at a 0-based index:
/// `regions.cn-hangzhou.zones.cn-hangzhou-a.servers`, `workloads.0.rate`. Names cannot contain
/// dots.
public struct ScenarioPath: Hashable, Sendable, CustomStringConvertible {
    /// The segments in order.
    public var segments: [String]

    /// A path of `segments`.
    public init(_ segments: [String]) {
        self.segments = segments
    }

    /// Splits `text` at dots; nil if it is empty or has an empty segment (`a..b`, `.a`).
    public init?(parsing text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !text.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        segments = parts
    }

    /// The segments joined with dots.
    public var description: String { segments.joined(separator: ".") }
}

/// Why a path does not lead anywhere in a tree: which segment failed, why, and what was meant.
public struct PathError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The full path.
    public var path: ScenarioPath
    /// The index in ``ScenarioPath/segments`` of the segment that did not match.
    public var segmentIndex: Int
    /// What went wrong, naming the segment: `no field 'zonse' in 'regions.cn-hangzhou'`.
    public var message: String
    /// The key or name probably meant.
    public var suggestion: String?

    /// The failing segment's text.
    public var segment: String { path.segments[segmentIndex] }

    /// `message; did you mean 'x'?`.
    public var description: String {
        suggestion.map { "\(message); did you mean '\($0)'?" } ?? message
    }

    /// This error as a diagnostic at `location` (where the override was written), prefixed
    /// with the path: `cannot apply 'a.b': no field 'b' in 'a'`.
    public func diagnostic(at location: SourceLocation) -> Diagnostic {
        .error("cannot apply '\(path)': \(message)", at: location, suggestion: suggestion)
    }
}

extension ScenarioNode {
    /// The node `path` leads to.
    public func node(at path: ScenarioPath) throws(PathError) -> ScenarioNode {
        var current = self
        for index in path.segments.indices {
            let found = try current.step(path, index)
            guard let position = found else {
                throw PathError(
                    path: path,
                    segmentIndex: index,
                    message: "no field '\(path.segments[index])' in \(Self.describe(path, upTo: index))",
                    suggestion: Suggestions.best(
                        for: path.segments[index],
                        among: current.mappingEntries?.map(\.key) ?? []
                    )
                )
            }
            current = current.child(at: position)
        }
        return current
    }

    /// The node `path` leads to, or nil when it leads nowhere: for pointing a message at the
    /// deepest place that exists.
    public func nodeIfPresent(at path: ScenarioPath) -> ScenarioNode? {
        do {
            return try node(at: path)
        } catch {
            return nil
        }
    }

    /// Replaces the node `path` leads to with `value`.
    ///
    /// Every segment but the last must exist. The last may name a key the mapping lacks: it
    /// is appended (a misspelt one is then reported by the ``MappingReader`` as an unknown
    /// field at `value`'s location). In lists the last segment must match an element.
    public mutating func set(_ value: ScenarioNode, at path: ScenarioPath) throws(PathError) {
        try set(value, at: path, from: 0)
    }

    private mutating func set(_ value: ScenarioNode, at path: ScenarioPath, from index: Int) throws(PathError) {
        let isLast = index == path.segments.count - 1
        guard let position = try step(path, index) else {
            let segment = path.segments[index]
            if isLast, case .mapping(var entries) = content {
                entries.append(MappingEntry(key: segment, keyLocation: value.location, value: value))
                content = .mapping(entries)
                return
            }
            throw PathError(
                path: path,
                segmentIndex: index,
                message: "no field '\(segment)' in \(Self.describe(path, upTo: index))",
                suggestion: Suggestions.best(for: segment, among: mappingEntries?.map(\.key) ?? [])
            )
        }
        var child = self.child(at: position)
        if isLast {
            child = value
        } else {
            try child.set(value, at: path, from: index + 1)
        }
        replaceChild(at: position, with: child)
    }

    /// Where a segment leads from this node: an index into the entries or elements, or nil
    /// for a missing mapping key. Throws for lists without a match and for scalars.
    private func step(_ path: ScenarioPath, _ index: Int) throws(PathError) -> Int? {
        let segment = path.segments[index]
        switch content {
        case .mapping(let entries):
            return entries.firstIndex { $0.key == segment }
        case .sequence(let elements):
            if let named = elements.firstIndex(where: { $0.name == segment }) { return named }
            if let number = Int(segment), elements.indices.contains(number) { return number }
            let names = elements.compactMap(\.name)
            let where_ = Self.describe(path, upTo: index)
            let message =
                names.isEmpty
                ? "no element '\(segment)' in \(where_) (a list of \(elements.count); use an index from 0)"
                : "no element named '\(segment)' in \(where_)"
            throw PathError(
                path: path,
                segmentIndex: index,
                message: message,
                suggestion: Suggestions.best(for: segment, among: names)
            )
        case .scalar, .null:
            throw PathError(
                path: path,
                segmentIndex: index,
                message: "cannot look up '\(segment)' in \(Self.describe(path, upTo: index)), which is \(summary)"
            )
        }
    }

    private func child(at position: Int) -> ScenarioNode {
        switch content {
        case .mapping(let entries): return entries[position].value
        case .sequence(let elements): return elements[position]
        case .scalar, .null: preconditionFailure("a scalar has no children")
        }
    }

    private mutating func replaceChild(at position: Int, with child: ScenarioNode) {
        switch content {
        case .mapping(var entries):
            entries[position].value = child
            content = .mapping(entries)
        case .sequence(var elements):
            elements[position] = child
            content = .sequence(elements)
        case .scalar, .null:
            preconditionFailure("a scalar has no children")
        }
    }

    /// `'a.b'` for the node reached by the first `count` segments, or `the scenario` for the root.
    private static func describe(_ path: ScenarioPath, upTo count: Int) -> String {
        count == 0 ? "the scenario" : "'\(path.segments.prefix(count).joined(separator: "."))'"
    }
}
