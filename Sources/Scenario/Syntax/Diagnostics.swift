/// An ordered collection of diagnostics, so decoding can report every problem instead of the first.
///
/// Append as problems are found (``entries`` keeps that order); print ``sorted`` (by file,
/// line, column, ties in the order found). Call ``throwIfErrors()`` at the end of a stage:
/// it throws a ``ScenarioError`` holding everything when any error was recorded.
public struct Diagnostics: Hashable, Sendable, CustomStringConvertible {
    /// Every diagnostic, in the order it was recorded.
    public private(set) var entries: [Diagnostic] = []

    /// An empty collection.
    public init() {}

    /// A collection holding `diagnostics` in the given order.
    public init(_ diagnostics: [Diagnostic]) {
        entries = diagnostics
    }

    /// Whether nothing was recorded.
    public var isEmpty: Bool { entries.isEmpty }

    /// Whether at least one error (not just warnings) was recorded.
    public var hasErrors: Bool { entries.contains { $0.severity == .error } }

    /// How many errors were recorded.
    public var errorCount: Int { entries.count { $0.severity == .error } }

    /// The diagnostics ordered by file, line and column; equal locations keep recording order.
    public var sorted: [Diagnostic] {
        // Sort indices so that ties keep the order in which they were recorded (a stable sort).
        entries.indices
            .sorted { (entries[$0].location, $0) < (entries[$1].location, $1) }
            .map { entries[$0] }
    }

    /// Records `diagnostic`.
    public mutating func append(_ diagnostic: Diagnostic) {
        entries.append(diagnostic)
    }

    /// Records every diagnostic of `other`, after those already here.
    public mutating func append(contentsOf other: Diagnostics) {
        entries.append(contentsOf: other.entries)
    }

    /// Records an error at `location`.
    public mutating func error(_ message: String, at location: SourceLocation, suggestion: String? = nil) {
        entries.append(.error(message, at: location, suggestion: suggestion))
    }

    /// Records a warning at `location`.
    public mutating func warning(_ message: String, at location: SourceLocation, suggestion: String? = nil) {
        entries.append(.warning(message, at: location, suggestion: suggestion))
    }

    /// Records an error for a name that refers to nothing, suggesting the closest of `candidates`.
    ///
    /// Reads like `zone 'hk-1a' refers to unknown region 'eu-west'; did you mean 'eu-west-1'?`
    /// when `referrer` is `zone 'hk-1a'`, or `unknown region 'eu-west'` when it is nil.
    /// `candidates` should be in file order so the message is deterministic.
    public mutating func unknownReference(
        _ name: String,
        kind: String,
        from referrer: String? = nil,
        candidates: [String],
        at location: SourceLocation
    ) {
        let what = "unknown \(kind) '\(name)'"
        let message = referrer.map { "\($0) refers to \(what)" } ?? what
        error(message, at: location, suggestion: Suggestions.best(for: name, among: candidates))
    }

    /// Throws a ``ScenarioError`` with every diagnostic (sorted) if any of them is an error.
    public func throwIfErrors() throws(ScenarioError) {
        if hasErrors { throw ScenarioError(self) }
    }

    /// The ``sorted`` diagnostics, one per line.
    public var description: String {
        sorted.map(\.description).joined(separator: "\n")
    }
}
