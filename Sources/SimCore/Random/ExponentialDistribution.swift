/// The exponential distribution: memoryless waiting times, such as Poisson inter-arrival gaps.
///
/// Samples come from a 256-layer ziggurat (Marsaglia & Tsang 2000), which is exact in
/// distribution and needs no logarithm on its common path: about 97.8% of samples cost one
/// 64-bit draw, one multiply and one comparison. The wedges test against the exact density
/// with `exp`; the tail (beyond 7.697, one sample in 2,200) is r plus an inverted uniform.
public struct ExponentialDistribution: Distribution, Hashable {
    /// The mean, in the caller's unit (the reciprocal of the rate).
    public let mean: Double

    /// The exponential distribution with mean `mean` (seconds, bytes, …).
    ///
    /// - Throws: ``DistributionError`` unless `mean` is positive and finite.
    public init(mean: Double) throws(DistributionError) {
        try DistributionError.requirePositive(mean, "mean")
        self.mean = mean
    }

    /// The exponential distribution with rate `rate` (events per unit, e.g. per second):
    /// the mean is `1 / rate`.
    ///
    /// - Throws: ``DistributionError`` unless `rate` is positive and finite and `1 / rate`
    ///   is finite.
    public init(rate: Double) throws(DistributionError) {
        try DistributionError.requirePositive(rate, "rate")
        guard (1 / rate).isFinite else {
            throw DistributionError(parameter: "rate", problem: "is too small: its reciprocal overflows, got \(rate)")
        }
        self.mean = 1 / rate
    }

    /// The rate, `1 / mean`, in events per unit.
    public var rate: Double { 1 / mean }

    /// mean².
    public var variance: Double { mean * mean }

    /// One sample: ``mean`` times a standard exponential sample.
    ///
    /// - Complexity: O(1) expected; one 64-bit draw about 98% of the time.
    @inlinable
    public func sample(using stream: inout RandomStream) -> Double {
        mean * ExponentialDistribution.standardSample(using: &stream)
    }

    /// One sample of the standard exponential Exp(1) (mean 1), for callers that scale it.
    ///
    /// Ziggurat: bits 0-7 of a draw pick the layer, bits 11-63 the point across it.
    ///
    /// - Complexity: O(1) expected; the loop repeats with probability about 0.011.
    @inlinable
    public static func standardSample(using stream: inout RandomStream) -> Double {
        while true {
            let bits = stream.next()
            let layer = Int(truncatingIfNeeded: bits & 0xff)
            let x = Double(bits &>> 11) * 0x1.0p-53 * ZigguratTable.exponential.x[layer]
            if x < ZigguratTable.exponential.x[layer &+ 1] {
                return x
            }
            if let value = standardSampleOutsideCore(layer: layer, x: x, using: &stream) {
                return value
            }
        }
    }

    /// The rare part of ``standardSample(using:)``: the tail (layer 0) or a wedge.
    ///
    /// Returns nil when the wedge point lies above the density (the caller starts over).
    @usableFromInline
    static func standardSampleOutsideCore(layer: Int, x: Double, using stream: inout RandomStream) -> Double? {
        let table = ZigguratTable.exponential
        if layer == 0 {
            // The tail beyond r is r plus a fresh Exp(1) (memorylessness).
            return table.tailStart - naturalLog(stream.nextOpenUnit())
        }
        let height = table.y[layer] + stream.nextUnit() * (table.y[layer + 1] - table.y[layer])
        return height < exponential(-x) ? x : nil
    }
}
