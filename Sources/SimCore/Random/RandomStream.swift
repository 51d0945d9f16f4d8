/// One independent stream of random numbers: xoshiro256** seeded through SplitMix64.
///
/// A run has one stream per entity and purpose, derived from the scenario seed and a stable
/// hash of the stream's name (``init(seed:name:)``): a stream's numbers depend only on the
/// seed and its own name, so adding an entity never changes what the others draw. That is
/// what makes two topologies comparable with common random numbers.
///
/// A stream is a 32-byte value type; copying it forks the sequence (both copies then draw
/// the same numbers), so keep one owner per stream.
public struct RandomStream: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// The stream named `name` of the run seeded with `seed`.
    ///
    /// - Complexity: O(length of `name`).
    public init(seed: UInt64, name: String) {
        self.init(seed: seed, key: StableHash.of(name))
    }

    /// The stream with numeric `key` of the run seeded with `seed`.
    ///
    /// Use it for streams indexed by number (device 17 of a pool): derive `key` once from a
    /// named parent with ``derivedKey(_:_:)``.
    @inlinable
    public init(seed: UInt64, key: UInt64) {
        var expander = SplitMix64(seed: SplitMix64.mix(seed ^ 0x5f3d_b1a2_c4e6_0987) ^ key)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9e37_79b9_7f4a_7c15 }
    }

    /// A key for sub-stream `index` of the stream family `parent`, stable across runs.
    @inlinable
    public static func derivedKey(_ parent: UInt64, _ index: UInt64) -> UInt64 {
        SplitMix64.mix(parent &+ SplitMix64.mix(index &+ 0x2545_f491_4f6c_dd1d))
    }

    /// The next 64 random bits (xoshiro256**).
    @inlinable
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) &<< 7 | (s1 &* 5) &>> 57) &* 9
        let t = s1 &<< 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 &<< 45 | s3 &>> 19
        return result
    }

    /// A uniform double in [0, 1), with 53 random bits.
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in (0, 1], never zero: safe under `log`.
    @inlinable
    public mutating func nextOpenUnit() -> Double {
        Double((next() >> 11) &+ 1) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound`, without modulo bias (Lemire's method).
    ///
    /// - Precondition: `bound > 0`.
    @inlinable
    public mutating func nextInt(below bound: UInt64) -> UInt64 {
        assert(bound > 0, "bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }
}
