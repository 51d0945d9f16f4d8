#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Loads scenario files into trees, resolving `extends` and reporting every problem with a location.
///
/// `extends: base.yaml` (or a list of files, merged in order) at the top of a file is resolved
/// relative to that file, loaded recursively, and laid under it with ``ScenarioMerge``; the
/// `extends` key itself is removed. A file extending itself, directly or through others, is a
/// diagnostic at the `extends` value naming the whole cycle. Nodes keep the location of the
/// file they came from. Files are read from disk, or from a dictionary for tests.
public struct ScenarioLoader: Sendable {
    private let files: [String: String]?

    /// A loader reading files from disk.
    public init() {
        files = nil
    }

    /// A loader reading files from `files` (path to contents) instead of disk, for tests.
    ///
    /// Paths are looked up after lexical normalisation (`a/./b/../c.yaml` is `a/c.yaml`); if two
    /// keys normalise to the same path, the one sorting last wins.
    public init(files: [String: String]) {
        var normalized: [String: String] = [:]
        // Sorted, so that two spellings of one path resolve the same way on every run.
        for path in files.keys.sorted() { normalized[Self.normalize(path)] = files[path] }
        self.files = normalized
    }

    /// The tree of the file at `path` with its `extends` resolved; nil if it could not be read
    /// or parsed. Problems are added to `diagnostics`; locations use `path` as given.
    public func load(_ path: String, diagnostics: inout Diagnostics) -> ScenarioNode? {
        load(path, chain: [], requestedAt: nil, diagnostics: &diagnostics)
    }

    /// The tree of the file at `path` with its `extends` resolved, or a ``ScenarioError``
    /// carrying every diagnostic if any is an error.
    public func load(_ path: String) throws(ScenarioError) -> ScenarioNode {
        var diagnostics = Diagnostics()
        let node = load(path, diagnostics: &diagnostics)
        try diagnostics.throwIfErrors()
        guard let node else { throw ScenarioError(diagnostics) }
        return node
    }

    /// Parses `text` as if it were the file `file` (its `extends` resolved relative to `file`).
    public func parse(_ text: String, file: String, diagnostics: inout Diagnostics) -> ScenarioNode? {
        resolve(text, file: file, chain: [], diagnostics: &diagnostics)
    }

    // MARK: Internals

    private func load(
        _ path: String,
        chain: [String],
        requestedAt: SourceLocation?,
        diagnostics: inout Diagnostics
    ) -> ScenarioNode? {
        let text: String
        switch read(path) {
        case .success(let contents):
            text = contents
        case .failure(let problem):
            let what =
                requestedAt == nil ? "cannot read scenario file '\(path)'" : "cannot read extended file '\(path)'"
            diagnostics.error("\(what): \(problem.reason)", at: requestedAt ?? .startOf(path))
            return nil
        }
        return resolve(text, file: path, chain: chain, diagnostics: &diagnostics)
    }

    private func resolve(_ text: String, file: String, chain: [String], diagnostics: inout Diagnostics) -> ScenarioNode?
    {
        guard var root = YAMLReader.parse(text, file: file, diagnostics: &diagnostics) else { return nil }
        guard case .mapping(var entries) = root.content,
            let extendsIndex = entries.firstIndex(where: { $0.key == "extends" })
        else { return root }
        let extends = entries.remove(at: extendsIndex)
        root.content = .mapping(entries)
        let targets: [ScenarioNode]
        switch extends.value.content {
        case .scalar: targets = [extends.value]
        case .sequence(let elements): targets = elements
        case .null: targets = []
        case .mapping:
            diagnostics.error(
                "'extends' must name a file or a list of files, not a mapping",
                at: extends.value.location
            )
            return root
        }
        let chain = chain + [Self.normalize(file)]
        var base: ScenarioNode?
        for target in targets {
            guard let relative = target.scalarText, !relative.isEmpty else {
                diagnostics.error("'extends' must name a file, not \(target.summary)", at: target.location)
                continue
            }
            let path = Self.resolve(relative, against: file)
            if let start = chain.firstIndex(of: Self.normalize(path)) {
                let cycle = (chain[start...] + [Self.normalize(path)]).joined(separator: " -> ")
                diagnostics.error("'extends' cycle: \(cycle)", at: target.location)
                continue
            }
            guard let loaded = load(path, chain: chain, requestedAt: target.location, diagnostics: &diagnostics) else {
                continue
            }
            base = base.map { ScenarioMerge.merge(base: $0, override: loaded) } ?? loaded
        }
        guard let base else { return root }
        return ScenarioMerge.merge(base: base, override: root)
    }

    /// Why a file could not be read.
    private struct ReadFailure: Error {
        var reason: String
    }

    private func read(_ path: String) -> Result<String, ReadFailure> {
        if let files {
            guard let text = files[Self.normalize(path)] else { return .failure(ReadFailure(reason: "no such file")) }
            return .success(text)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            return .failure(ReadFailure(reason: "no such file"))
        }
        do {
            return .success(try String(contentsOfFile: path, encoding: .utf8))
        } catch {
            return .failure(ReadFailure(reason: "not readable as UTF-8 text"))
        }
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
