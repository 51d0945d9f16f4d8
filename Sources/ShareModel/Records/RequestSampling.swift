/// Which requests a run records (``RequestRecord``): each with probability ``rate``, decided
/// from the run's seed and the request's number alone, so the same requests are sampled
/// whatever else the run does, and sampling changes no other result.
public struct RequestSampling: Hashable, Sendable, Codable {
    /// The share of requests recorded, in (0, 1].
    public let rate: Double

    /// Sampling at `rate`; nil unless 0 < rate ≤ 1.
    public init?(rate: Double) {
        guard rate > 0, rate <= 1 else { return nil }
        self.rate = rate
    }

    /// Whether the `serial`-th request of a run with `seed` is recorded: a 64-bit mix of
    /// the two compared with the rate (every request at rate 1).
    /// - Complexity: O(1), no allocation.
    @inline(__always)
    func samples(serial: UInt64, seed: UInt64) -> Bool {
        if rate >= 1 { return true }
        var mixed = seed &+ serial &* 0x9E37_79B9_7F4A_7C15
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        mixed ^= mixed >> 31
        return Double(mixed >> 11) * 0x1.0p-53 < rate
    }
}
