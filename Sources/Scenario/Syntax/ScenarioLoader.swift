/// Loads scenario files into trees, resolving `extends` and reporting every problem with a location.
///
/// `extends: base.yaml` (or a list of files, merged in order) at the top of a file is resolved
/// relative to that file and laid under it with ``ScenarioMerge``; the `extends` key itself is
/// removed. Each file is read, parsed and resolved once however often it is extended (files
/// are known by their canonical path), the chain is walked with an explicit stack, and the
/// ``ScenarioLimits`` on files, chain length, nodes and merging hold for the whole scenario.
/// A file extending itself, directly or through others, is a diagnostic at the `extends` value
/// naming the whole cycle. Nodes keep the location of the file they came from. Files are read
/// from disk, or from a dictionary for tests.
public struct ScenarioLoader: Sendable {
    private let files: [String: String]?
    /// The limits every load enforces.
    public let limits: ScenarioLimits

    /// A loader reading files from disk.
    public init(limits: ScenarioLimits = .standard) {
        files = nil
        self.limits = limits
    }

    /// A loader reading files from `files` (path to contents) instead of disk, for tests.
    ///
    /// Paths are looked up after lexical normalisation (`a/./b/../c.yaml` is `a/c.yaml`); if two
    /// keys normalise to the same path, the one sorting last wins.
    public init(files: [String: String], limits: ScenarioLimits = .standard) {
        var normalized: [String: String] = [:]
        // Sorted, so that two spellings of one path resolve the same way on every run.
        for path in files.keys.sorted() { normalized[Self.normalize(path)] = files[path] }
        self.files = normalized
        self.limits = limits
    }

    /// The tree of the file at `path` with its `extends` resolved; nil if it could not be read
    /// or parsed. Problems are added to `diagnostics`; locations use `path` as given.
    public func load(_ path: String, diagnostics: inout Diagnostics) -> ScenarioNode? {
        var resolver = ExtendsResolver(loader: self)
        let node = resolver.resolve(path)
        diagnostics.append(contentsOf: resolver.diagnostics)
        return node
    }

    /// The tree of the file at `path` with its `extends` resolved, or a ``ScenarioError``
    /// carrying every diagnostic if any is an error.
    public func load(_ path: String) throws(ScenarioError) -> ScenarioNode {
        try loadListingFiles(path).tree
    }

    /// The tree of the file at `path` with its `extends` resolved, and the path of every file
    /// read for it (that file first, each once, absolute and standardised): a file whose every
    /// node was overridden, or that holds nothing but `extends`, is listed too.
    ///
    /// - Throws: ``ScenarioError`` carrying every diagnostic if any is an error.
    public func loadListingFiles(_ path: String) throws(ScenarioError) -> (tree: ScenarioNode, files: [String]) {
        var resolver = ExtendsResolver(loader: self)
        let node = resolver.resolve(path)
        try resolver.diagnostics.throwIfErrors()
        guard let node else { throw ScenarioError(resolver.diagnostics) }
        return (node, resolver.reads.map(Self.absolute))
    }

    /// Parses `text` as if it were the file `file` (its `extends` resolved relative to `file`).
    public func parse(_ text: String, file: String, diagnostics: inout Diagnostics) -> ScenarioNode? {
        var resolver = ExtendsResolver(loader: self)
        let node = resolver.resolve(file, text: text)
        diagnostics.append(contentsOf: resolver.diagnostics)
        return node
    }

    // MARK: Files

    /// The text of the file at `path`, or why it cannot be read.
    func read(_ path: String) -> Result<String, ScenarioFileReader.Failure> {
        guard let files else { return ScenarioFileReader.read(path, limit: limits.fileBytes) }
        guard let text = files[Self.normalize(path)] else {
            return .failure(ScenarioFileReader.Failure(reason: "no such file"))
        }
        let size = text.utf8.count
        guard size <= limits.fileBytes else {
            return .failure(ScenarioFileReader.Failure(reason: ScenarioLimits.tooLarge(size, limit: limits.fileBytes)))
        }
        return .success(text)
    }

    /// The one name of the file at `path` however it is spelt: its canonical path on disk
    /// (links resolved), its normalised path among in-memory files and built-ins.
    func key(for path: String) -> String {
        if files != nil || path.hasPrefix(BuiltinScenarios.scheme) { return Self.normalize(path) }
        return ScenarioFileReader.canonicalPath(path)
    }

    /// `relative` resolved against the directory of `file`; absolute paths are kept. Within
    /// the built-in library (`builtin:NAME`), `extends: other.yaml` names `builtin:other`.
    static func resolve(_ relative: String, against file: String) -> String {
        if file.hasPrefix(BuiltinScenarios.scheme) {
            let name = relative.hasSuffix(".yaml") ? String(relative.dropLast(5)) : relative
            return BuiltinScenarios.scheme + name
        }
        if relative.hasPrefix("/") { return normalize(relative) }
        guard let slash = file.lastIndex(of: "/") else { return normalize(relative) }
        return normalize(String(file[...slash]) + relative)
    }

    /// `path` with `.` segments, empty segments and `x/..` pairs removed, lexically.
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
