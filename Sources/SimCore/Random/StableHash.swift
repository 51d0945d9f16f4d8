/// A hash of a name that is the same in every process, on every platform, forever.
///
/// Swift's `Hasher` is seeded per process, so it must never decide which random numbers a
/// run draws. This is 64-bit FNV-1a over the UTF-8 bytes, finished with a SplitMix64
/// mix so that similar names give unrelated values.
public enum StableHash {
    /// The stable 64-bit hash of `name`'s UTF-8 bytes.
    ///
    /// - Complexity: O(n) in the length of the name.
    public static func of(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return SplitMix64.mix(hash)
    }
}
