/// A scenario that cannot be used: every diagnostic found, at least one of them an error.
///
/// Thrown by ``Diagnostics/throwIfErrors()`` and the throwing loaders. ``description`` prints
/// one diagnostic per line, sorted by file, line and column; warnings found alongside are kept.
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Every diagnostic, sorted by file, line and column.
    public let diagnostics: [Diagnostic]

    /// An error carrying `diagnostics` (which should contain at least one error).
    public init(_ diagnostics: Diagnostics) {
        self.diagnostics = diagnostics.sorted
    }

    /// Only the diagnostics of severity ``Diagnostic/Severity/error``.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One diagnostic per line, sorted.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
