/// One problem found in a scenario: where, how bad, what, and optionally what was probably meant.
///
/// ``description`` prints as `FILE:LINE:COLUMN: error: message`, with `; did you mean 'x'?`
/// appended when there is a ``suggestion``. Messages should name the field and the element at
/// fault (`invalid 'timeout' in zone 'hk-1a': …`) so that they read well without the file open.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is: errors stop a run, warnings do not.
    public enum Severity: String, Hashable, Sendable {
        /// The scenario cannot be used as written.
        case error
        /// The scenario can run, but something looks unintended.
        case warning
    }

    /// Where the problem is.
    public var location: SourceLocation
    /// Whether the problem stops the run.
    public var severity: Severity
    /// What is wrong, in words a person understands; no trailing period, no location.
    public var message: String
    /// What the user probably meant (a field, unit or name), printed as `did you mean 'x'?`.
    public var suggestion: String?

    /// A diagnostic at `location` with `message` and an optional `suggestion`.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String, suggestion: String? = nil) {
        self.location = location
        self.severity = severity
        self.message = message
        self.suggestion = suggestion
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, suggestion: suggestion)
    }

    /// A warning at `location`.
    public static func warning(_ message: String, at location: SourceLocation, suggestion: String? = nil) -> Diagnostic
    {
        Diagnostic(.warning, at: location, message, suggestion: suggestion)
    }

    /// The message with the suggestion appended: `message; did you mean 'regions'?`.
    public var fullMessage: String {
        guard let suggestion else { return message }
        return "\(message); did you mean '\(suggestion)'?"
    }

    /// `FILE:LINE:COLUMN: error: message[; did you mean 'x'?]`.
    public var description: String {
        "\(location): \(severity.rawValue): \(fullMessage)"
    }
}
