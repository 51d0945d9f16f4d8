/// A rejected failure specification (a ``ScheduledOutage``, a ``RandomFailureSpec`` or a
/// ``FailureSchedule``): it names the element and the field at fault.
///
/// Thrown by the initialisers, before any run starts. ``description`` reads like
/// `outage of zone hz-a: end: must be after start (start 10 s, end 10 s)`.
public struct FailureSpecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Why the spec was rejected; internal so that cases can grow.
    enum Reason: Equatable, Sendable {
        /// A target name that is empty.
        case emptyName
        /// An instant before time zero, in nanoseconds.
        case negativeInstant(nanoseconds: Int64)
        /// An outage whose end is not after its start (both in nanoseconds).
        case endNotAfterStart(start: Int64, end: Int64)
        /// A duration distribution whose mean (seconds) is not positive and finite.
        case invalidMean(Double)
        /// A duration distribution that can draw negative values.
        case canBeNegative(String)
        /// A horizon that is not after time zero, in nanoseconds.
        case nonPositiveHorizon(nanoseconds: Int64)
        /// The same target given random failures twice.
        case duplicateTarget(String)
    }

    /// The element at fault, such as `outage of zone hz-a` or `failure schedule`.
    public let element: String
    /// The field at fault, such as `end`, `timeToRepairSeconds` or `random[2].target`.
    public let field: String
    /// Why it was rejected.
    let reason: Reason

    init(element: String, field: String, reason: Reason) {
        self.element = element
        self.field = field
        self.reason = reason
    }

    /// A one-line message a person understands: element, field, what is wrong.
    public var description: String {
        let problem: String
        switch reason {
        case .emptyName:
            problem = "must name a target (got an empty name)"
        case .negativeInstant(let nanoseconds):
            problem = "must not be before time zero (got \(nanoseconds) ns)"
        case .endNotAfterStart(let start, let end):
            problem = "must be after start (start \(start) ns, end \(end) ns)"
        case .invalidMean(let mean):
            problem = "must have a positive, finite mean in seconds (got \(mean))"
        case .canBeNegative(let why):
            problem = "must not draw negative durations (\(why))"
        case .nonPositiveHorizon(let nanoseconds):
            problem = "must be after time zero (got \(nanoseconds) ns)"
        case .duplicateTarget(let name):
            problem = "repeats the target \(name): give each target at most one random-failure spec"
        }
        return "\(element): \(field): \(problem)"
    }
}
