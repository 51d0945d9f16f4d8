public import SimCore

/// Che's approximation of the hit ratio of an LRU cache under the independent reference model.
///
/// Under the independent reference model (IRM) every request is for object i with
/// probability p_i, independently of all others. Che, Tung and Wang observed that an LRU
/// cache holding C unit-size objects behaves as if every object stayed cached for a fixed
/// *characteristic time* T after its last request: T solves
///
///     Σ_i (1 − e^(−p_i T)) = C,
///
/// object i is then cached with probability 1 − e^(−p_i T), and the hit ratio is
///
///     h = Σ_i p_i (1 − e^(−p_i T)).
///
/// Time is counted in requests (p_i is a probability per request), so T is a number of
/// requests. The approximation is asymptotically exact as the catalogue and cache grow
/// (Fricker, Robert and Roberts) and within about 1% absolute for thousands of objects.
///
/// References: H. Che, Y. Tung, Z. Wang, "Hierarchical Web caching systems: modeling,
/// design and experimental results", IEEE JSAC 20(7), 2002; C. Fricker, P. Robert,
/// J. Roberts, "A versatile and accurate approximation for LRU cache performance", ITC 24,
/// 2012.
public struct CheApproximation: Hashable, Sendable {
    /// The cache size C (objects of unit size, > 0; need not be a whole number).
    public let cacheSize: Double
    /// The number of objects with a positive popularity.
    public let objectCount: Int
    /// The characteristic time T (requests): how long an object stays cached after its last
    /// request. Infinite when the cache holds every object with a positive popularity.
    public let characteristicTime: Double
    /// The hit ratio h = Σ p_i (1 − e^(−p_i T)) (a probability in [0, 1]).
    public let hitRatio: Double

    /// The approximation for an LRU cache of `cacheSize` unit objects under `popularities`.
    ///
    /// `popularities` are request weights per object (dimensionless, >= 0), normalised here
    /// to sum to 1. T is found by Newton's method from the lower bound T = C (because
    /// 1 − e^(−x) <= x), inside a bracket that bisection takes over whenever a step would
    /// leave it; the left side is increasing and concave in T, so Newton's iterates rise
    /// monotonically to the root. It stops when the equation holds to about 1e-13 relative
    /// or T stops changing in the last bits.
    ///
    /// - Throws: ``SpecError`` about the cache: field `cache` if `cacheSize` is not finite and
    ///   positive, or `zipf` (the popularities) if the list is empty, holds a negative or
    ///   non-finite weight, or sums to zero.
    /// - Complexity: O(n) per iteration for n objects, typically under 20 iterations.
    public init(popularities: [Double], cacheSize: Double) throws(SpecError) {
        let element = SpecElement(.cache)
        try SpecError.requirePositive(cacheSize, element, .cache)
        guard !popularities.isEmpty else { throw SpecError(element, .zipf, .empty) }
        var total = 0.0
        var positive = 0
        for (index, weight) in popularities.enumerated() {
            try SpecError.requireNonNegative(weight, element, .zipf.at(index))
            total += weight
            if weight > 0 { positive += 1 }
        }
        guard total > 0 else {
            throw SpecError(element, .zipf, .other("must have a positive total, got \(popularities.count) zeros"))
        }
        let probabilities = popularities.map { $0 / total }
        self.cacheSize = cacheSize
        self.objectCount = positive
        if cacheSize >= Double(positive) {
            // Every requested object fits: after the first request for each, all are hits.
            self.characteristicTime = .infinity
            self.hitRatio = 1
            return
        }
        let time = CheApproximation.solveCharacteristicTime(probabilities, cacheSize: cacheSize)
        self.characteristicTime = time
        var hit = CompensatedSum()
        for p in probabilities where p > 0 {
            hit.add(p * CheApproximation.oneMinusExpNegative(p * time))
        }
        self.hitRatio = Swift.min(Swift.max(hit.value, 0), 1)
    }

    /// The approximation for a Zipf catalogue: object id `rank − 1` has popularity
    /// `zipf.probability(ofRank: rank)`, the ids an ``LRUCache`` fed by `sampleRank` sees.
    ///
    /// - Parameter cacheSize: The cache size (unit-size objects, > 0).
    /// - Throws: ``SpecError`` naming `cache` if `cacheSize` is not positive.
    /// - Complexity: O(n) per iteration, n = `zipf.count`; allocates n doubles.
    public init(zipf: ZipfDistribution, cacheSize: Int) throws(SpecError) {
        let popularities = (1...zipf.count).map { zipf.probability(ofRank: $0) }
        try self.init(popularities: popularities, cacheSize: Double(cacheSize))
    }

    /// The probability that an object of popularity `popularity` (per request) is cached:
    /// 1 − e^(−p T).
    ///
    /// - Complexity: O(1).
    public func hitProbability(popularity: Double) -> Double {
        guard popularity > 0 else { return 0 }
        guard characteristicTime.isFinite else { return 1 }
        return CheApproximation.oneMinusExpNegative(popularity * characteristicTime)
    }

    /// The expected number of cached objects at time `time`, Σ (1 − e^(−p_i T)) (objects),
    /// for probabilities `probabilities` that sum to 1, and its derivative in T.
    static func occupancy(_ probabilities: [Double], time: Double) -> (value: Double, slope: Double) {
        var value = CompensatedSum()
        var slope = CompensatedSum()
        for p in probabilities where p > 0 {
            let x = p * time
            value.add(oneMinusExpNegative(x))
            slope.add(p * PortableMath.exp(-x))
        }
        return (value.value, slope.value)
    }

    /// T with Σ (1 − e^(−p_i T)) = C, for 0 < C < the number of positive p_i.
    static func solveCharacteristicTime(_ probabilities: [Double], cacheSize: Double) -> Double {
        // 1 − e^(−x) <= x and Σ p_i = 1, so the occupancy at T = C is at most C: a lower bound.
        var low = cacheSize
        var high = 2 * cacheSize
        var doublings = 0
        while occupancy(probabilities, time: high).value < cacheSize, doublings < 2_000 {
            low = high
            high *= 2
            doublings += 1
        }
        var time = low
        for _ in 0..<200 {
            let (value, slope) = occupancy(probabilities, time: time)
            let residual = value - cacheSize
            if residual < 0 { low = time } else { high = time }
            if residual.magnitude <= 1e-13 * cacheSize { break }
            var candidate = time - residual / slope
            if !(candidate > low && candidate < high) || !candidate.isFinite {
                candidate = low + (high - low) / 2
            }
            if (candidate - time).magnitude <= 1e-15 * time {
                time = candidate
                break
            }
            time = candidate
        }
        return time
    }

    /// 1 − e^(−x) for x >= 0, without cancellation when x is small.
    static func oneMinusExpNegative(_ x: Double) -> Double {
        if x < 1e-3 {
            // Taylor series; the first omitted term, x^5/120, is below 1e-14 of the result.
            return x * (1 - x / 2 * (1 - x / 3 * (1 - x / 4)))
        }
        return 1 - PortableMath.exp(-x)
    }

    /// Neumaier's compensated sum: the error of adding n terms stays near one rounding.
    private struct CompensatedSum {
        private var sum = 0.0
        private var compensation = 0.0

        mutating func add(_ term: Double) {
            let next = sum + term
            if sum.magnitude >= term.magnitude {
                compensation += (sum - next) + term
            } else {
                compensation += (term - next) + sum
            }
            sum = next
        }

        var value: Double { sum + compensation }
    }
}
