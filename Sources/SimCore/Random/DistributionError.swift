/// Why a distribution, rate profile or arrival process rejected its parameters.
///
/// It names the parameter and says what is wrong in plain words, for example
/// `rate must be positive, got -1`, so the scenario layer can show it beside the
/// offending line of a file.
public struct DistributionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The parameter at fault, as the initialiser spells it: `rate`, `points[3].value`.
    public var parameter: String
    /// What is wrong with it, starting with a verb: `must be positive, got -1`.
    public var problem: String

    /// An error about `parameter`; `problem` completes the sentence that starts with the
    /// parameter's name.
    public init(parameter: String, problem: String) {
        self.parameter = parameter
        self.problem = problem
    }

    /// The whole message: `rate must be positive, got -1`.
    public var description: String { "\(parameter) \(problem)" }
}

extension DistributionError {
    /// `value` as a person would write it: `-1` rather than `-1.0`, `nan`, `inf`.
    static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), value.magnitude < 1e15 {
            return String(Int64(value))
        }
        return String(describing: value)
    }

    /// Throws unless `value` is finite.
    static func requireFinite(_ value: Double, _ parameter: String) throws(DistributionError) {
        guard value.isFinite else {
            throw DistributionError(parameter: parameter, problem: "must be a finite number, got \(format(value))")
        }
    }

    /// Throws unless `value` is finite and greater than zero.
    static func requirePositive(_ value: Double, _ parameter: String) throws(DistributionError) {
        guard value.isFinite, value > 0 else {
            throw DistributionError(parameter: parameter, problem: "must be positive and finite, got \(format(value))")
        }
    }

    /// Throws unless `value` is finite and zero or more.
    static func requireNonNegative(_ value: Double, _ parameter: String) throws(DistributionError) {
        guard value.isFinite, value >= 0 else {
            throw DistributionError(
                parameter: parameter,
                problem: "must be zero or more and finite, got \(format(value))"
            )
        }
    }
}
