/// An edge-cache input that cannot describe a real cache or catalogue.
///
/// The error names the field at fault (`capacityBytes`, `catalogueSize`, `cacheSize`,
/// `popularities`) and the value it was given, so that a scenario loader can point at the
/// right key. Cases live in an internal enum, so new ones can be added without breaking
/// callers.
public struct EdgeCacheError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why a value was refused.
    enum Problem: Hashable, Sendable {
        /// Zero or negative where only a positive number makes sense.
        case notPositive(unit: String)
        /// NaN or an infinity where a finite number is needed.
        case notFinite
        /// A negative number where only zero or more makes sense.
        case negative
        /// Above the largest supported value.
        case tooLarge(limit: Int)
        /// An empty list.
        case empty
        /// A list of weights that sums to zero.
        case zeroTotal
    }

    /// The field at fault, spelled as in the API (`capacityBytes`, `catalogueSize`, …).
    public let field: String

    /// The refused value, as text.
    public let value: String

    let problem: Problem

    init(field: String, value: String, problem: Problem) {
        self.field = field
        self.value = value
        self.problem = problem
    }

    /// What is wrong, in words a person understands: "must be a positive number of bytes".
    public var message: String {
        switch problem {
        case let .notPositive(unit): "must be a positive number of \(unit)"
        case .notFinite: "must be a finite number"
        case .negative: "must not be negative"
        case let .tooLarge(limit): "must be at most \(limit)"
        case .empty: "must not be empty"
        case .zeroTotal: "must have a positive total"
        }
    }

    /// `field: value message`, for example `capacityBytes: 0 must be a positive number of bytes`.
    public var description: String { "\(field): \(value) \(message)" }
}
