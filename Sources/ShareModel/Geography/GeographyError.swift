/// A geography or latency input that cannot describe a real place or network.
///
/// The error names the field at fault (`latitude`, `longitude`, `pathInflation`, …) and the
/// value it was given, so that a scenario loader can point at the right key. Cases live in an
/// internal enum, so new ones can be added without breaking callers.
public struct GeographyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why a value was refused.
    @usableFromInline
    enum Problem: Hashable, Sendable {
        /// NaN or an infinity where a finite number is needed.
        case notFinite
        /// Outside the closed range `lower...upper`, in `unit`.
        case outOfRange(lower: Double, upper: Double, unit: String)
        /// Zero or negative where only a positive number makes sense.
        case notPositive(unit: String)
        /// Below 1 where a factor of at least 1 is needed.
        case belowOne
        /// A negative duration.
        case negativeDuration
        /// An empty name.
        case emptyName
        /// A name already used by another endpoint.
        case duplicateName
    }

    /// The field at fault, spelled as in the API (`latitude`, `fibreSpeedKilometresPerSecond`, …).
    public let field: String

    /// The refused value, as text (a number, a duration or a name).
    public let value: String

    @usableFromInline
    let problem: Problem

    @usableFromInline
    init(field: String, value: String, problem: Problem) {
        self.field = field
        self.value = value
        self.problem = problem
    }

    /// What is wrong, in words a person understands: "must be between -90 and 90 degrees".
    public var message: String {
        switch problem {
        case .notFinite: "must be a finite number"
        case let .outOfRange(lower, upper, unit): "must be between \(lower) and \(upper) \(unit)"
        case let .notPositive(unit): "must be a positive number of \(unit)"
        case .belowOne: "must be at least 1 (a path is never shorter than the great circle)"
        case .negativeDuration: "must not be negative"
        case .emptyName: "must not be empty"
        case .duplicateName: "is used by more than one endpoint"
        }
    }

    /// `field: value message`, for example `latitude: 91.0 must be between -90.0 and 90.0 degrees`.
    public var description: String { "\(field): \(value) \(message)" }
}
