/// The layer tables of a 256-layer ziggurat (Marsaglia & Tsang 2000) for a decreasing density.
///
/// The area under an unnormalised density `f` on [0, ∞) is covered by 256 layers of equal
/// area `v`: layer 0 is the rectangle [0, r) × [0, f(r)) plus the tail beyond `r`, and layer
/// `i >= 1` is the rectangle [0, x[i]) × [f(x[i]), f(x[i + 1])). A sampler picks a layer with
/// 8 random bits and a point across it with 53 others; the point lies under the curve at
/// once unless it falls in the thin wedge at the layer's right end (or in the base layer's
/// tail), so about 98% of samples cost one 64-bit draw, one multiply and one comparison.
///
/// The tables are computed once, with the plain-Swift ``naturalLog(_:)`` and
/// ``exponential(_:)``, so they are bit-identical on every platform.
@usableFromInline
struct ZigguratTable: Sendable {
    /// Right edges: `x[0] = v / f(r)` (the base layer's width if its tail were a
    /// rectangle), `x[1] = r`, decreasing to `x[256] = 0`.
    @usableFromInline let x: [Double]
    /// Density at the edges: `y[i] = f(x[i])` for `i >= 1`, `y[0] = 0`, `y[256] = f(0) = 1`.
    @usableFromInline let y: [Double]
    /// `r`: where the tail starts.
    @usableFromInline let tailStart: Double

    /// Builds the tables for `density` (with `density(0) = 1`) from the tail start `r` and the
    /// common layer area `v`; `inverseDensity` maps a height in (0, 1] back to x.
    init(
        tailStart r: Double,
        layerArea v: Double,
        density: (Double) -> Double,
        inverseDensity: (Double) -> Double
    ) {
        var x = [Double](repeating: 0, count: 257)
        var y = [Double](repeating: 0, count: 257)
        x[0] = v / density(r)
        x[1] = r
        y[1] = density(r)
        for layer in 1..<256 {
            y[layer + 1] = y[layer] + v / x[layer]
            x[layer + 1] = layer + 1 == 256 ? 0 : inverseDensity(y[layer + 1])
        }
        // The recurrence closes at the top to within about 1e-15; pin the exact value.
        y[256] = 1
        self.x = x
        self.y = y
        self.tailStart = r
    }

    /// The table for the standard exponential density e^-x.
    ///
    /// r = 7.69711747013104972 (Marsaglia & Tsang); v = (r + 1) e^-r, exact for this r.
    @usableFromInline static let exponential: ZigguratTable = {
        let r = 7.697_117_470_131_049_72
        return ZigguratTable(
            tailStart: r,
            layerArea: (r + 1) * SimCore.exponential(-r),
            density: { SimCore.exponential(-$0) },
            inverseDensity: { -naturalLog($0) }
        )
    }()

    /// The table for the unnormalised standard normal density e^(-x²/2) on x >= 0.
    ///
    /// r = 3.6541528853610088 (Marsaglia & Tsang); v = f(r) (r + m(r)) where m is the Mills
    /// ratio, computed by Laplace's continued fraction, exact for this r.
    @usableFromInline static let normal: ZigguratTable = {
        let r = 3.654_152_885_361_008_8
        var fraction = r
        for term in stride(from: 300, to: 0, by: -1) {
            fraction = r + Double(term) / fraction
        }
        let density = { (x: Double) in SimCore.exponential(-0.5 * x * x) }
        return ZigguratTable(
            tailStart: r,
            layerArea: density(r) * (r + 1 / fraction),
            density: density,
            inverseDensity: { (-2 * naturalLog($0)).squareRoot() }
        )
    }()
}
