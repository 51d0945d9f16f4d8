/// The normal (Gaussian) distribution with a given mean and standard deviation.
///
/// Samples come from a 256-layer ziggurat (Marsaglia & Tsang 2000) with independent bits for
/// the layer, the sign and the abscissa (avoiding the layer/value correlation of the
/// original 32-bit version); exact in distribution, stateless, no `log` on the common path.
public struct NormalDistribution: Distribution, Hashable {
    /// The mean, in the caller's unit.
    public let mean: Double
    /// The standard deviation, in the caller's unit; zero gives the mean every time.
    public let standardDeviation: Double

    /// The normal distribution N(mean, standardDeviation²).
    ///
    /// - Throws: ``DistributionError`` if `mean` is not finite or `standardDeviation` is
    ///   negative or not finite.
    public init(mean: Double, standardDeviation: Double) throws(DistributionError) {
        try DistributionError.requireFinite(mean, "mean")
        try DistributionError.requireNonNegative(standardDeviation, "standardDeviation")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// standardDeviation².
    public var variance: Double { standardDeviation * standardDeviation }

    /// One sample: `mean + standardDeviation * z` with z standard normal.
    ///
    /// - Complexity: O(1) expected; one 64-bit draw about 98.5% of the time.
    @inlinable
    public func sample(using stream: inout RandomStream) -> Double {
        mean + standardDeviation * NormalDistribution.standardSample(using: &stream)
    }

    /// One standard normal sample N(0, 1).
    ///
    /// Ziggurat: bits 0-7 of a draw pick the layer, bit 8 the sign, bits 11-63 the abscissa.
    ///
    /// - Complexity: O(1) expected; the loop repeats with probability about 0.007.
    @inlinable
    public static func standardSample(using stream: inout RandomStream) -> Double {
        while true {
            let bits = stream.next()
            let layer = Int(truncatingIfNeeded: bits & 0xff)
            // Bit 8 moved to bit 63, the sign bit: a branch on it would be mispredicted half
            // the time.
            let sign = (bits & 0x100) &<< 55
            let x = Double(bits &>> 11) * 0x1.0p-53 * ZigguratTable.normal.x[layer]
            if x < ZigguratTable.normal.x[layer &+ 1] {
                return Double(bitPattern: x.bitPattern | sign)
            }
            if let value = standardSampleOutsideCore(layer: layer, x: x, using: &stream) {
                return Double(bitPattern: value.bitPattern | sign)
            }
        }
    }

    /// The rare part of ``standardSample(using:)``: the tail (layer 0) or a wedge, for the
    /// magnitude of the sample.
    ///
    /// Returns nil when the wedge point lies above the density (the caller starts over).
    @usableFromInline
    static func standardSampleOutsideCore(layer: Int, x: Double, using stream: inout RandomStream) -> Double? {
        let table = ZigguratTable.normal
        let r = table.tailStart
        if layer == 0 {
            // Marsaglia's tail method: accept r + a when 2b > a², a ~ Exp(r), b ~ Exp(1).
            while true {
                let a = -naturalLog(stream.nextOpenUnit()) / r
                let b = -naturalLog(stream.nextOpenUnit())
                if b + b > a * a { return r + a }
            }
        }
        let height = table.y[layer] + stream.nextUnit() * (table.y[layer + 1] - table.y[layer])
        return height < exponential(-0.5 * x * x) ? x : nil
    }
}
