/// A rejected ``SharedPoolSpec``: it names the pool and the field at fault.
///
/// Raised by ``SharedPoolSpec/validate()`` (and so by ``SharedPool/init(spec:seed:)``)
/// before anything is built. ``description`` reads like
/// `shared pool "east": natFraction: must be between 0 and 1, got 1.5`.
public struct SharedPoolSpecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The pool's name, as given in ``SharedPoolSpec/name``.
    public var pool: String
    /// The field at fault, spelt as in ``SharedPoolSpec``: `natFraction`,
    /// `onSessionSeconds`, `diurnalOffScale.hourlyFactors[3]`.
    public var field: String
    /// What is wrong with it, starting with a verb: `must be between 0 and 1, got 1.5`.
    public var problem: String

    /// An error about `field` of the pool named `pool`.
    public init(pool: String, field: String, problem: String) {
        self.pool = pool
        self.field = field
        self.problem = problem
    }

    /// The whole message: pool, field, problem.
    public var description: String { "shared pool \"\(pool)\": \(field): \(problem)" }
}
