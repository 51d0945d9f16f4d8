/// A rejected cloud specification (a ``ZoneSpec`` or a ``RegionSpec``): it names the element
/// and the field at fault.
///
/// Thrown by the specs' initialisers, before any model is built. ``description`` reads like
/// `zone hz-a: coresPerServer: must be at least 1 (got 0)`.
public struct CloudSpecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Why the spec was rejected; internal so that cases can grow.
    enum Reason: Equatable, Sendable {
        /// A name that is empty.
        case emptyName
        /// A count below its minimum.
        case tooSmall(got: Int, minimum: Int)
        /// A product of counts too large for the engine's 32-bit slot indices.
        case tooLarge(got: Int, maximum: Int)
        /// An empty list that needs at least one element.
        case empty
        /// A distribution whose mean is NaN, infinite or negative.
        case invalidMean(Double)
        /// A duration that must be positive.
        case nonPositiveDuration(nanoseconds: Int64)
        /// A name used twice in the same list.
        case duplicateName(String)
    }

    /// The element at fault, such as `zone hz-a` or `region cn-hangzhou`.
    public let element: String
    /// The field at fault, such as `servers`, `serviceTimes[1]` or `zones[2].name`.
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
            problem = "must not be empty"
        case .tooSmall(let got, let minimum):
            problem = "must be at least \(minimum) (got \(got))"
        case .tooLarge(let got, let maximum):
            problem = "must be at most \(maximum) (got \(got))"
        case .empty:
            problem = "must list at least one entry"
        case .invalidMean(let mean):
            problem = "must have a finite, non-negative mean in seconds (got \(mean))"
        case .nonPositiveDuration(let nanoseconds):
            problem = "must be a positive duration (got \(nanoseconds) ns)"
        case .duplicateName(let name):
            problem = "repeats the name \"\(name)\""
        }
        return "\(element): \(field): \(problem)"
    }
}
