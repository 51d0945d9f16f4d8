import SimCore

/// One content class's catalogue at run time: popularity, object sizes, and where its
/// object ids sit in the edge caches' shared id space.
struct ContentCatalogue: Sendable {
    /// Popularity by rank: object `j` has rank `j + 1`.
    let popularity: ZipfDistribution
    /// The size distribution; each object's size is one draw from the object's own stream.
    let objectBytes: SampledDistribution
    /// The mean object size in bytes.
    let meanObjectBytes: Double
    /// The first id of this catalogue in the edge caches (catalogues are laid end to end).
    let firstCacheID: Int
    /// The key of the catalogue's object streams.
    let key: UInt64
    /// The run seed.
    let seed: UInt64

    init(spec: ContentSpec, className: String, firstCacheID: Int, seed: UInt64) throws(SpecError) {
        do {
            popularity = try ZipfDistribution(exponent: spec.zipfExponent, count: spec.catalogueSize)
        } catch {
            throw SpecError(.workload(className), .zipf, .other("\(error)"))
        }
        objectBytes = spec.objectBytes
        meanObjectBytes = spec.objectBytes.mean
        self.firstCacheID = firstCacheID
        key = StableHash.of("catalogue/" + className)
        self.seed = seed
    }

    /// The number of objects.
    var count: Int { popularity.count }

    /// A requested object, by popularity (0-based).
    func drawObject(using stream: inout RandomStream) -> Int {
        popularity.sampleRank(using: &stream) - 1
    }

    /// The largest size an object is given (1 PB): a draw beyond it from a long-tailed
    /// size distribution is taken as 1 PB, so that bytes summed over a run fit 64-bit counters.
    /// Validation keeps the mean size at most ``ContentSpec/maximumMeanObjectBytes``.
    static let largestObjectBytes: Double = 1e15

    /// The size of `object` in bytes (1 to ``largestObjectBytes``): the same in every call and
    /// every run with the same seed.
    func size(of object: Int) -> Int64 {
        var stream = RandomStream(seed: seed, key: RandomStream.derivedKey(key, UInt64(object)))
        let bytes = objectBytes.sample(using: &stream)
        guard bytes.isFinite, bytes >= 1 else { return 1 }
        return Int64(min(bytes, Self.largestObjectBytes).rounded())
    }

    /// The probability that a device holding `capacityObjects` objects of this catalogue
    /// holds `object` under proportional placement: min(1, c · p).
    func placementProbability(of object: Int, capacityObjects: Double) -> Double {
        min(1, capacityObjects * popularity.probability(ofRank: object + 1))
    }

    /// Whether the device keyed `deviceKey` holds `object`, holding `capacityObjects` objects
    /// of this catalogue: a stable hash compared with the placement probability.
    func deviceHolds(object: Int, deviceKey: UInt64, capacityObjects: Double) -> Bool {
        let probability = placementProbability(of: object, capacityObjects: capacityObjects)
        if probability >= 1 { return true }
        let hash = SplitMix64.mix(RandomStream.derivedKey(RandomStream.derivedKey(deviceKey, key), UInt64(object)))
        return Double(hash >> 11) * 0x1.0p-53 < probability
    }
}
