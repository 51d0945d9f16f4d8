/// Builds a ``ScenarioNode`` tree from libyaml's events, within a budget of nodes and nesting.
///
/// The tree is built with an explicit stack, never by recursion, so the stack does not grow
/// with the input. An alias is replaced by the anchored node: the tree shares it, so memory
/// stays proportional to the text, but every later walk (merging, decoding) sees it
/// expanded. So each alias is charged what it stands for (the size of the anchored node,
/// aliases inside it expanded) before it is used, and the first node or alias that takes
/// the count past ``ScenarioLimits/nodes``, or the nesting past ``ScenarioLimits/depth``,
/// stops composition with an error located there and naming the alias: a billion-laughs
/// file costs a few microseconds per line, never the billion.
///
/// Mapping keys must be scalars and unique: a non-scalar key or a repeated key is an error
/// at that key, its value is left out, and composition goes on. A merge key (`<<: *base`,
/// or a list of aliases, earlier ones winning) lays the entries of the merged mappings
/// under the mapping's own keys, at the position of the `<<`. Tags are ignored: scalars keep
/// their text, and plain `~`, `null`, `Null`, `NULL` and the empty scalar are null.
struct YAMLComposer {
    /// The file named in every location.
    let file: String
    /// The limits to enforce.
    let limits: ScenarioLimits
    /// The most nodes this document may add (what other files of the scenario left over).
    let nodeAllowance: Int
    /// Problems found so far.
    private(set) var diagnostics = Diagnostics()
    /// Nodes composed so far, each alias counted as the nodes it stands for.
    private(set) var nodeCount = 0
    /// Whether composition stopped because the node allowance ran out.
    private(set) var ranOutOfNodes = false

    /// An anchored node, with what using it costs.
    private struct Anchored {
        var node: ScenarioNode
        /// Nodes in `node`, aliases expanded.
        var size: Int
        /// Levels of lists and mappings in `node` (0 for a scalar).
        var height: Int
    }

    /// A list or mapping being built (a class, so the stack's top is updated in place).
    private final class Frame {
        let isMapping: Bool
        let location: SourceLocation
        let anchor: String?
        var elements: [ScenarioNode] = []
        var entries: [MappingEntry] = []
        /// Each key of `entries` with its line, once there are too many entries to search.
        var keyLines: [String: Int]?
        /// The key whose value comes next, where it is, and whether it is a merge key (`<<`).
        var pendingKey: (key: String, location: SourceLocation, isMerge: Bool)?
        /// The line of the merge key (`<<`), once there is one.
        var mergeLine: Int?
        /// Whether the next value is left out (its key was refused).
        var dropsValue = false
        /// Whether the node being read is a key (mappings alternate keys and values).
        var expectsKey = true
        /// The entries a `<<` merge key brings, and the index in `entries` where they go.
        var merge: (index: Int, entries: [MappingEntry])?
        /// Nodes in this frame so far, itself included.
        var size = 1
        /// The greatest height among its children.
        var childHeight = 0

        init(isMapping: Bool, location: SourceLocation, anchor: String?) {
            self.isMapping = isMapping
            self.location = location
            self.anchor = anchor
        }
    }

    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var anchorCount = 0
    private var aliasCount = 0
    /// Set when a key is not a scalar: events are skipped until the key's subtree closes.
    private var skipDepth = 0
    private var root: ScenarioNode?
    private var documents = 0
    /// Set when composition stopped for good (a limit, an unknown alias, a second document).
    private var stopped = false

    /// The texts that a plain scalar uses to mean null (YAML 1.2 core schema).
    static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// A composer for `file` that may add at most `nodeAllowance` nodes.
    init(file: String, limits: ScenarioLimits, nodeAllowance: Int) {
        self.file = file
        self.limits = limits
        self.nodeAllowance = nodeAllowance
    }

    /// The tree of the single document in `text`; nil (with diagnostics) if the text is not
    /// YAML or a limit was crossed. An empty document is a null node at 1:1.
    ///
    /// - Complexity: O(length of `text`); independent of what aliases expand to.
    mutating func compose(_ text: String) -> ScenarioNode? {
        let failure = YAMLEventReader.read(text) { event in
            handle(event)
            return !stopped
        }
        if let failure {
            diagnostics.error(failure.message, at: at(failure.line, failure.column))
            return nil
        }
        if stopped { return nil }
        return root ?? .null(at: .startOf(file))
    }

    // MARK: Events

    private mutating func handle(_ event: YAMLEvent) {
        let location = at(event.line, event.column)
        if skipDepth > 0 {
            skip(event)
            return
        }
        switch event.kind {
        case .documentStart:
            documents += 1
            if documents > 1 {
                stop("a scenario file holds one YAML document; a second one starts here", at: location)
            }
        case .documentEnd, .stream:
            break
        case .alias(let anchor):
            alias(anchor, at: location)
        case .scalar(let text, let style, let anchor):
            guard charge(1, at: location, alias: nil) else { return }
            if readsKey {
                let key = ScenarioNode(.scalar(ScalarText(text, style: style)), at: location)
                register(anchor, node: key, size: 1, height: 0, at: location)
                addKey(text, isMerge: text == "<<" && style == .plain, at: location)
                return
            }
            let node: ScenarioNode =
                style == .plain && Self.nullSpellings.contains(text)
                ? .null(at: location) : ScenarioNode(.scalar(ScalarText(text, style: style)), at: location)
            register(anchor, node: node, size: 1, height: 0, at: location)
            add(node, size: 1, height: 0)
        case .sequenceStart(let anchor), .mappingStart(let anchor):
            let isMapping: Bool
            if case .mappingStart = event.kind { isMapping = true } else { isMapping = false }
            if readsKey {
                diagnostics.error("a mapping key must be text, not \(isMapping ? "a mapping" : "a list")", at: location)
                skipDepth = 1
                return
            }
            guard stack.count < limits.depth else {
                stop("lists and mappings nest more than \(limits.depth) deep here", at: location)
                return
            }
            guard charge(1, at: location, alias: nil) else { return }
            stack.append(Frame(isMapping: isMapping, location: location, anchor: anchor))
        case .sequenceEnd, .mappingEnd:
            close()
        }
    }

    /// Whether the next node is a key of the innermost mapping.
    private var readsKey: Bool {
        guard let top = stack.last else { return false }
        return top.isMapping && top.expectsKey
    }

    /// The line of `key` in the mapping of the frame at `index`, if it has the key.
    private func line(of key: String, frame index: Int) -> Int? {
        if let lines = stack[index].keyLines { return lines[key] }
        return stack[index].entries.first { $0.key == key }?.keyLocation.line
    }

    /// Skips the events of a refused key's subtree; when it closes, the key's value is dropped.
    private mutating func skip(_ event: YAMLEvent) {
        switch event.kind {
        case .sequenceStart, .mappingStart: skipDepth += 1
        case .sequenceEnd, .mappingEnd: skipDepth -= 1
        default: break
        }
        if skipDepth == 0 { refuseValue() }
    }

    /// Marks the current mapping's next value as dropped, after a refused key.
    private mutating func refuseValue() {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].expectsKey = false
        stack[stack.count - 1].dropsValue = true
    }

    private mutating func alias(_ anchor: String, at location: SourceLocation) {
        if readsKey {
            diagnostics.error("a mapping key must be text, not an alias ('*\(anchor)')", at: location)
            refuseValue()
            return
        }
        aliasCount += 1
        guard aliasCount <= limits.aliases else {
            stop("more than \(ScenarioLimits.grouped(limits.aliases)) aliases in one file", at: location)
            return
        }
        guard let anchored = anchors[anchor] else {
            stop("unknown alias '*\(anchor)': no anchor '&\(anchor)' comes before it", at: location)
            return
        }
        guard stack.count + anchored.height <= limits.depth else {
            stop(
                "alias '*\(anchor)' nests lists and mappings more than \(limits.depth) deep here",
                at: location
            )
            return
        }
        guard charge(anchored.size, at: location, alias: anchor) else { return }
        add(anchored.node, size: anchored.size, height: anchored.height)
    }

    /// Counts `size` more nodes; false (having stopped with an error) if that crosses the allowance.
    private mutating func charge(_ size: Int, at location: SourceLocation, alias: String?) -> Bool {
        guard nodeCount + size > nodeAllowance else {
            nodeCount += size
            return true
        }
        ranOutOfNodes = true
        let limit = ScenarioLimits.grouped(limits.nodes)
        let scope = "YAML nodes (aliases expanded, extended files included)"
        if let alias {
            stop(
                "alias '*\(alias)' stands for \(ScenarioLimits.grouped(size)) nodes, which takes the scenario "
                    + "past its limit of \(limit) \(scope)",
                at: location
            )
        } else {
            stop("the scenario has more than \(limit) \(scope)", at: location)
        }
        return false
    }

    private mutating func register(
        _ anchor: String?,
        node: ScenarioNode,
        size: Int,
        height: Int,
        at location: SourceLocation
    ) {
        guard let anchor else { return }
        anchorCount += 1
        guard anchorCount <= limits.anchors else {
            stop("more than \(ScenarioLimits.grouped(limits.anchors)) anchors in one file", at: location)
            return
        }
        anchors[anchor] = Anchored(node: node, size: size, height: height)
    }

    // MARK: Building

    private mutating func close() {
        guard let frame = stack.popLast() else { return }
        let height = frame.childHeight + 1
        let node: ScenarioNode
        if frame.isMapping {
            if let merge = frame.merge {
                // Explicit keys win over merged ones.
                let explicit = Set(frame.entries.map(\.key))
                frame.entries.insert(contentsOf: merge.entries.filter { !explicit.contains($0.key) }, at: merge.index)
            }
            node = .mapping(frame.entries, at: frame.location)
        } else {
            node = .sequence(frame.elements, at: frame.location)
        }
        register(frame.anchor, node: node, size: frame.size, height: height, at: frame.location)
        add(node, size: frame.size, height: height)
    }

    /// Puts a finished node where it belongs: the root, a list element or a mapping value.
    private mutating func add(_ node: ScenarioNode, size: Int, height: Int) {
        guard !stopped else { return }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let index = stack.count - 1
        stack[index].size += size
        stack[index].childHeight = max(stack[index].childHeight, height)
        guard stack[index].isMapping else {
            stack[index].elements.append(node)
            return
        }
        stack[index].expectsKey = true
        if stack[index].dropsValue {
            stack[index].dropsValue = false
            return
        }
        guard let pending = stack[index].pendingKey else { return }
        stack[index].pendingKey = nil
        if pending.isMerge {
            stack[index].merge = (stack[index].entries.count, mergeSources(node))
        } else {
            stack[index].entries.append(MappingEntry(key: pending.key, keyLocation: pending.location, value: node))
            if stack[index].keyLines == nil, stack[index].entries.count > 16 {
                var lines: [String: Int] = [:]
                for entry in stack[index].entries { lines[entry.key] = entry.keyLocation.line }
                stack[index].keyLines = lines
            }
        }
    }

    /// Records the scalar key `key` of the innermost mapping; a repeated key is reported and
    /// its value will be dropped. Keys keep their text as written: `~: 1` has the key `~`.
    private mutating func addKey(_ key: String, isMerge: Bool, at location: SourceLocation) {
        let index = stack.count - 1
        stack[index].size += 1
        stack[index].expectsKey = false
        let firstLine = isMerge ? stack[index].mergeLine : line(of: key, frame: index)
        if let firstLine {
            diagnostics.error("duplicate key '\(key)' in this mapping (first at line \(firstLine))", at: location)
            stack[index].dropsValue = true
            return
        }
        if isMerge {
            stack[index].mergeLine = location.line
        } else if stack[index].keyLines != nil {
            stack[index].keyLines?[key] = location.line
        }
        stack[index].pendingKey = (key, location, isMerge)
    }

    /// The entries a merge key's value brings: a mapping's, or those of a list of mappings
    /// (an earlier mapping wins over a later one for the same key).
    private mutating func mergeSources(_ value: ScenarioNode) -> [MappingEntry] {
        switch value.content {
        case .mapping(let entries):
            return entries
        case .sequence(let elements):
            var result: [MappingEntry] = []
            var seen: Set<String> = []
            for element in elements {
                guard let entries = element.mappingEntries else {
                    diagnostics.error(
                        "a merge key ('<<') list must hold mappings, not \(element.summary)",
                        at: element.location
                    )
                    continue
                }
                for entry in entries where seen.insert(entry.key).inserted { result.append(entry) }
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

    private mutating func stop(_ message: String, at location: SourceLocation) {
        diagnostics.error(message, at: location)
        stopped = true
    }

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}
