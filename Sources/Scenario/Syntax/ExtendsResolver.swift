/// Resolves the `extends` of one scenario: each file read, parsed and resolved once, the
/// chain walked with an explicit stack, and every ``ScenarioLimits`` on files held.
///
/// A depth-first walk: a file's frame stays on the stack while the files it extends are
/// resolved (each in turn, in the order listed), then its own tree is laid over their merge
/// and the result is remembered by the file's canonical key. A file met again is taken from
/// that memory (diamonds cost one load and one resolution per file), a file named twice in a
/// row in one list is merged once, and a file met while still on the stack is a cycle.
/// Problems are diagnostics at the `extends` value that caused them, and resolution goes on
/// with the other files, except when a budget (nodes, merging) runs out.
struct ExtendsResolver {
    /// Where files come from, and the limits.
    let loader: ScenarioLoader
    /// Problems found so far.
    private(set) var diagnostics = Diagnostics()
    /// The path of every file read, in the order read (each at most once).
    private(set) var reads: [String] = []
    /// How many merges of two trees were made.
    private(set) var merges = 0

    /// One file named by an `extends` value, and where it was named.
    private struct Target {
        var path: String
        var location: SourceLocation
    }

    /// A file whose extended files are being resolved.
    private struct Frame {
        var key: String
        var path: String
        /// The file's own tree, `extends` removed.
        var root: ScenarioNode
        var targets: [Target] = []
        /// Where `extends` is written, for problems of the merge as a whole.
        var extendsLocation: SourceLocation
        /// The index in `targets` of the next file to resolve.
        var next = 0
        /// The merge of the extended files resolved so far.
        var base: ScenarioNode?
    }

    /// What became of a file that left the stack.
    private enum Outcome {
        case resolved(ScenarioNode)
        case failed
    }

    private var stack: [Frame] = []
    /// The index in `stack` of each file on it, by key.
    private var onStack: [String: Int] = [:]
    private var outcomes: [String: Outcome] = [:]
    private var nodes = 0
    private var mergeVisits = 0
    private var reportedFileLimit = false
    /// Set when a budget ran out: nothing more is read or merged.
    private var stopped = false

    init(loader: ScenarioLoader) {
        self.loader = loader
    }

    /// The tree of the file at `path` (or of `text`, read as that file), `extends` resolved;
    /// nil if it could not be read or parsed.
    ///
    /// - Complexity: O(total size of the distinct files, plus the merging, which
    ///   ``ScenarioLimits/mergeVisits`` bounds); the stack holds at most
    ///   ``ScenarioLimits/extendsDepth`` frames.
    mutating func resolve(_ path: String, text: String? = nil) -> ScenarioNode? {
        let key = loader.key(for: path)
        guard let first = open(path, key: key, text: text, requestedAt: nil) else { return nil }
        push(first)
        while !stopped, let index = stack.indices.last {
            guard stack[index].next < stack[index].targets.count else {
                let frame = stack.removeLast()
                onStack[frame.key] = nil
                var tree = frame.root
                if let base = frame.base {
                    guard let merge = merged(base: base, override: frame.root, at: frame.extendsLocation) else {
                        return nil
                    }
                    tree = merge
                }
                outcomes[frame.key] = .resolved(tree)
                if stack.isEmpty { return tree }
                layUnder(tree, frame: stack.count - 1)
                continue
            }
            let target = stack[index].targets[stack[index].next]
            stack[index].next += 1
            follow(target, from: index)
        }
        return nil
    }

    // MARK: Steps

    /// Resolves one `extends` target of the frame at `index`: from memory, or by pushing it.
    private mutating func follow(_ target: Target, from index: Int) {
        let key = loader.key(for: target.path)
        if let start = onStack[key] {
            let cycle = (stack[start...].map { ScenarioLoader.normalize($0.path) } + [target.path])
            diagnostics.error("'extends' cycle: \(cycle.joined(separator: " -> "))", at: target.location)
            return
        }
        switch outcomes[key] {
        case .resolved(let tree):
            layUnder(tree, frame: index)
            return
        case .failed:
            return
        case nil:
            break
        }
        let limits = loader.limits
        guard stack.count < limits.extendsDepth else {
            diagnostics.error(
                "'extends' chain is longer than \(limits.extendsDepth) files: '\(target.path)' would be file "
                    + "\(stack.count + 1)",
                at: target.location
            )
            return
        }
        guard outcomes.count + stack.count < limits.files else {
            if !reportedFileLimit {
                reportedFileLimit = true
                diagnostics.error(
                    "'extends' names more than \(limits.files) files in all: '\(target.path)' would be file "
                        + "\(limits.files + 1)",
                    at: target.location
                )
            }
            return
        }
        guard let frame = open(target.path, key: key, text: nil, requestedAt: target.location) else {
            outcomes[key] = .failed
            return
        }
        push(frame)
    }

    private mutating func push(_ frame: Frame) {
        onStack[frame.key] = stack.count
        stack.append(frame)
    }

    /// Reads and parses one file (or `text` as that file) and lists what it extends.
    private mutating func open(
        _ path: String,
        key: String,
        text: String?,
        requestedAt: SourceLocation?
    ) -> Frame? {
        let contents: String
        if let text {
            contents = text
        } else {
            switch loader.read(path) {
            case .success(let read):
                contents = read
            case .failure(let problem):
                let what = requestedAt == nil ? "cannot read scenario file" : "cannot read extended file"
                diagnostics.error("\(what) '\(path)': \(problem.reason)", at: requestedAt ?? .startOf(path))
                return nil
            }
        }
        reads.append(path)
        let limits = loader.limits
        let parsed = YAMLReader.parse(
            contents,
            file: path,
            limits: limits,
            nodeAllowance: limits.nodes - nodes,
            diagnostics: &diagnostics
        )
        nodes += parsed.nodes
        guard var root = parsed.node else {
            // A file over the node budget leaves none for the others: one error is enough.
            if parsed.ranOutOfNodes { stopped = true }
            return nil
        }
        guard case .mapping(var entries) = root.content,
            let extendsIndex = entries.firstIndex(where: { $0.key == "extends" })
        else {
            return Frame(key: key, path: path, root: root, extendsLocation: root.location)
        }
        let extends = entries.remove(at: extendsIndex)
        root.content = .mapping(entries)
        var frame = Frame(key: key, path: path, root: root, extendsLocation: extends.value.location)
        let named: [ScenarioNode]
        switch extends.value.content {
        case .scalar: named = [extends.value]
        case .sequence(let elements): named = elements
        case .null: named = []
        case .mapping:
            diagnostics.error(
                "'extends' must name a file or a list of files, not a mapping",
                at: extends.value.location
            )
            named = []
        }
        for node in named {
            guard let relative = node.scalarText, !relative.isEmpty else {
                diagnostics.error("'extends' must name a file, not \(node.summary)", at: node.location)
                continue
            }
            let target = ScenarioLoader.resolve(relative, against: path)
            // Merging the same tree twice in a row changes nothing: a file named again right
            // after itself is merged once.
            if frame.targets.last?.path == target { continue }
            frame.targets.append(Target(path: target, location: node.location))
        }
        return frame
    }

    /// Lays `tree` (a resolved extended file) over the base of the frame at `index`.
    private mutating func layUnder(_ tree: ScenarioNode, frame index: Int) {
        guard let base = stack[index].base else {
            stack[index].base = tree
            return
        }
        if let merge = merged(base: base, override: tree, at: stack[index].extendsLocation) {
            stack[index].base = merge
        }
    }

    /// `override` merged over `base`, counted against ``ScenarioLimits/mergeVisits``; nil
    /// (having stopped) when that runs out.
    private mutating func merged(
        base: ScenarioNode,
        override: ScenarioNode,
        at location: SourceLocation
    ) -> ScenarioNode? {
        merges += 1
        let result = ScenarioMerge.merge(base: base, override: override, visits: &mergeVisits)
        let limit = loader.limits.mergeVisits
        guard mergeVisits <= limit else {
            diagnostics.error(
                "merging the files 'extends' names visits more than \(ScenarioLimits.grouped(limit)) nodes",
                at: location
            )
            stopped = true
            return nil
        }
        return result
    }
}
