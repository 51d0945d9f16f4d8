/// Applies many path overrides to one tree, in order, with the same results and errors as
/// ``ScenarioNode/set(_:at:)`` one at a time, but in time linear in the overrides and the
/// parts of the tree they touch.
///
/// One at a time, each override searches every list and mapping on its path and copies it
/// to change one element: k overrides into a list of m cost k × m. Here each node on a path
/// is opened once into a mutable working node that indexes its keys or names, later
/// overrides reuse it, and the tree is rebuilt once at the end. An index of names is built
/// again only after an override replaced an element or changed a `name`.
struct OverrideBatch {
    /// A node being changed: its original, the children changed so far, and its index.
    private final class Work {
        var node: ScenarioNode
        /// Changed children by position; the entries or elements of `node` there are stale.
        var children: [Int: Work] = [:]
        /// Mapping keys by position.
        var keys: [String: Int]?
        /// The first position of each element name in a list (rebuilt when stale).
        var names: [String: Int]?

        init(_ node: ScenarioNode) {
            self.node = node
        }

        /// The working node of the child at `position`.
        func child(at position: Int) -> Work {
            if let child = children[position] { return child }
            let original: ScenarioNode
            switch node.content {
            case .mapping(let entries): original = entries[position].value
            case .sequence(let elements): original = elements[position]
            case .scalar, .null: preconditionFailure("a scalar has no children")
            }
            let child = Work(original)
            children[position] = child
            return child
        }

        /// The position of each mapping key.
        func keyIndex(_ entries: [MappingEntry]) -> [String: Int] {
            if let keys { return keys }
            var index: [String: Int] = Dictionary(minimumCapacity: entries.count)
            for (position, entry) in entries.enumerated() where index[entry.key] == nil { index[entry.key] = position }
            keys = index
            return index
        }

        /// The element names of a list as they stand now, in order (nil for an element without one).
        func currentNames(_ elements: [ScenarioNode]) -> [String?] {
            elements.indices.map { position in
                guard let child = children[position] else { return elements[position].name }
                return child.name
            }
        }

        /// This node's `name` as it stands now, if it is a mapping with a scalar name.
        var name: String? {
            guard case .mapping(let entries) = node.content, let position = keyIndex(entries)["name"] else {
                return nil
            }
            if let child = children[position] { return child.node.scalarText }
            return entries[position].value.scalarText
        }

        /// The first position of each name in the list.
        func nameIndex(_ elements: [ScenarioNode]) -> [String: Int] {
            if let names { return names }
            var index: [String: Int] = [:]
            for (position, name) in currentNames(elements).enumerated() {
                if let name, index[name] == nil { index[name] = position }
            }
            names = index
            return index
        }

        /// The tree with every change written in.
        func built() -> ScenarioNode {
            guard !children.isEmpty else { return node }
            var result = node
            switch node.content {
            case .mapping(var entries):
                result.content = .null
                for (position, child) in children { entries[position].value = child.built() }
                result.content = .mapping(entries)
            case .sequence(var elements):
                result.content = .null
                for (position, child) in children { elements[position] = child.built() }
                result.content = .sequence(elements)
            case .scalar, .null:
                break
            }
            return result
        }
    }

    private let root: Work

    /// A batch over `tree`.
    init(_ tree: ScenarioNode) {
        root = Work(tree)
    }

    /// The tree with every override so far applied.
    var tree: ScenarioNode { root.built() }

    /// Sets the node `path` leads to to `value`, as ``ScenarioNode/set(_:at:)`` does; on
    /// failure nothing changes.
    ///
    /// - Complexity: O(path length) amortised, once the nodes on the path are indexed.
    func set(_ value: ScenarioNode, at path: ScenarioPath) throws(PathError) {
        var current = root
        for index in path.segments.indices {
            let segment = path.segments[index]
            let isLast = index == path.segments.count - 1
            switch current.node.content {
            case .mapping(var entries):
                if let position = current.keyIndex(entries)[segment] {
                    guard !isLast else {
                        current.children[position] = Work(value)
                        return
                    }
                    // A changed `name` makes the names of the list holding this mapping stale.
                    current = current.child(at: position)
                    continue
                }
                guard isLast else {
                    throw PathError(
                        path: path,
                        segmentIndex: index,
                        message: "no field '\(segment)' in \(Self.describe(path, upTo: index))",
                        suggestion: Suggestions.best(for: segment, among: entries.map(\.key))
                    )
                }
                current.node.content = .null
                current.keys?[segment] = entries.count
                entries.append(MappingEntry(key: segment, keyLocation: value.location, value: value))
                current.node.content = .mapping(entries)
                return
            case .sequence(let elements):
                let position: Int
                if let named = current.nameIndex(elements)[segment] {
                    position = named
                } else if let number = Int(segment), elements.indices.contains(number) {
                    position = number
                } else {
                    let names = current.currentNames(elements).compactMap { $0 }
                    let where_ = Self.describe(path, upTo: index)
                    throw PathError(
                        path: path,
                        segmentIndex: index,
                        message: names.isEmpty
                            ? "no element '\(segment)' in \(where_) (a list of \(elements.count); use an index from 0)"
                            : "no element named '\(segment)' in \(where_)",
                        suggestion: Suggestions.best(for: segment, among: names)
                    )
                }
                let renames = isLast || (index + 2 == path.segments.count && path.segments[index + 1] == "name")
                if renames { current.names = nil }
                guard !isLast else {
                    current.children[position] = Work(value)
                    return
                }
                current = current.child(at: position)
            case .scalar, .null:
                throw PathError(
                    path: path,
                    segmentIndex: index,
                    message: "cannot look up '\(segment)' in \(Self.describe(path, upTo: index)), which is "
                        + current.node.summary
                )
            }
        }
    }

    /// `'a.b'` for the node reached by the first `count` segments, or `the scenario` for the root.
    private static func describe(_ path: ScenarioPath, upTo count: Int) -> String {
        count == 0 ? "the scenario" : "'\(path.segments.prefix(count).joined(separator: "."))'"
    }
}
