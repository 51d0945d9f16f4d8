/// A distribution that always gives the same value: a fixed delay, size or rate.
public struct ConstantDistribution: Distribution, Hashable {
    /// The value every sample takes, in the caller's unit.
    public let value: Double

    /// The distribution whose every sample is `value`.
    ///
    /// - Throws: ``DistributionError`` if `value` is NaN or infinite.
    public init(_ value: Double) throws(DistributionError) {
        try DistributionError.requireFinite(value, "value")
        self.value = value
    }

    /// The distribution whose every sample is `value`, for a value known to be finite (a
    /// default written in code); it cannot fail.
    ///
    /// - Precondition: `value` is finite.
    public init(finite value: Double) {
        precondition(value.isFinite, "a constant distribution needs a finite value, got \(value)")
        self.value = value
    }

    /// Returns ``value``; draws nothing from `stream`.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func sample(using stream: inout RandomStream) -> Double {
        value
    }

    /// Equal to ``value``.
    public var mean: Double { value }

    /// Zero.
    public var variance: Double { 0 }
}
