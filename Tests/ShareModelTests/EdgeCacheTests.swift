import SimCore
import Testing

@testable import ShareModel

/// The LRU edge cache: exact semantics on tiny sequences and a differential check.
@Suite("Edge cache: LRU")
struct EdgeCacheLRUTests {
    /// Checks the cache's internal list against its counters, reporting at the caller.
    static func expectConsistent(_ cache: LRUCache, sourceLocation: SourceLocation = #_sourceLocation) {
        let violation = cache.invariantViolation()
        #expect(violation == nil, "\(violation ?? "")", sourceLocation: sourceLocation)
    }

    @Test("unit-size objects hit, miss and evict the least recently used")
    func unitSizeEvictionOrder() throws {
        var cache = try LRUCache(capacityBytes: 3, catalogueSize: 10)
        #expect(cache.access(object: 0, size: 1) == false)
        #expect(cache.access(object: 1, size: 1) == false)
        #expect(cache.access(object: 2, size: 1) == false)
        #expect(cache.objectsByRecency() == [2, 1, 0])
        #expect(cache.access(object: 0, size: 1) == true)
        #expect(cache.objectsByRecency() == [0, 2, 1])
        #expect(cache.access(object: 3, size: 1) == false)  // evicts 1, the least recent
        #expect(cache.objectsByRecency() == [3, 0, 2])
        #expect(!cache.contains(object: 1))
        #expect(cache.access(object: 2, size: 1) == true)
        #expect(cache.access(object: 4, size: 1) == false)  // evicts 0
        #expect(cache.objectsByRecency() == [4, 2, 3])
        #expect(cache.access(object: 1, size: 1) == false)  // 1 was evicted: a miss; evicts 3
        #expect(cache.objectsByRecency() == [1, 4, 2])
        #expect(cache.hits == 2)
        #expect(cache.misses == 6)
        #expect(cache.evictions == 3)
        #expect(cache.residentCount == 3)
        #expect(cache.usedBytes == 3)
        #expect(cache.hitRatio == 0.25)
        Self.expectConsistent(cache)
    }

    @Test("a cache takes no memory for its tables until it first holds an object")
    func tablesOnFirstInsertion() throws {
        var cache = try LRUCache(capacityBytes: 10, catalogueSize: 1_000_000)
        #expect(!cache.hasTables)
        #expect(!cache.contains(object: 999_999))
        #expect(cache.objectsByRecency().isEmpty)
        Self.expectConsistent(cache)
        #expect(cache.access(object: 5, size: 11) == false)  // too large to cache: still no tables
        #expect(!cache.hasTables && cache.misses == 1 && cache.residentCount == 0)
        #expect(cache.access(object: 7, size: 4) == false)
        #expect(cache.hasTables && cache.contains(object: 7) && !cache.contains(object: 5))
        #expect(cache.access(object: 7, size: 4) == true)
        #expect(cache.hits == 1 && cache.misses == 2 && cache.usedBytes == 4)
        Self.expectConsistent(cache)
    }

    @Test("contains does not change recency")
    func containsIsNotAnAccess() throws {
        var cache = try LRUCache(capacityBytes: 2, catalogueSize: 3)
        cache.access(object: 0, size: 1)
        cache.access(object: 1, size: 1)
        #expect(cache.contains(object: 0))
        cache.access(object: 2, size: 1)  // 0 is still the least recent
        #expect(!cache.contains(object: 0))
        #expect(cache.objectsByRecency() == [2, 1])
        #expect(cache.hits == 0 && cache.misses == 3)
    }

    @Test("a large object evicts as many least recent objects as it needs, no more")
    func sizeAwareEviction() throws {
        var cache = try LRUCache(capacityBytes: 10, catalogueSize: 8)
        cache.access(object: 0, size: 4)
        cache.access(object: 1, size: 3)
        cache.access(object: 2, size: 3)
        #expect(cache.usedBytes == 10)
        #expect(cache.access(object: 3, size: 6) == false)  // evicts 0 (4 B), then 1 (3 B)
        #expect(cache.objectsByRecency() == [3, 2])
        #expect(cache.usedBytes == 9)
        #expect(cache.evictions == 2)
        #expect(cache.access(object: 4, size: 1) == false)  // fits exactly: no eviction
        #expect(cache.objectsByRecency() == [4, 3, 2])
        #expect(cache.usedBytes == 10)
        #expect(cache.evictions == 2)
        #expect(cache.access(object: 2, size: 3) == true)
        #expect(cache.hitBytes == 3)
        #expect(cache.missBytes == 4 + 3 + 3 + 6 + 1)
        #expect(cache.byteHitRatio == 3.0 / 20.0)
        Self.expectConsistent(cache)
    }

    @Test("an object larger than the capacity is a miss and is never cached")
    func oversizeObjectNeverCached() throws {
        var cache = try LRUCache(capacityBytes: 10, catalogueSize: 4)
        cache.access(object: 0, size: 4)
        cache.access(object: 1, size: 3)
        #expect(cache.access(object: 2, size: 11) == false)
        #expect(cache.access(object: 2, size: 11) == false)
        #expect(!cache.contains(object: 2))
        #expect(cache.objectsByRecency() == [1, 0])  // nothing evicted, order unchanged
        #expect(cache.usedBytes == 7)
        #expect(cache.evictions == 0)
        #expect(cache.misses == 4)
        #expect(cache.missBytes == 4 + 3 + 11 + 11)
        // An object of exactly the capacity fits, after evicting everything else.
        #expect(cache.access(object: 3, size: 10) == false)
        #expect(cache.objectsByRecency() == [3])
        #expect(cache.access(object: 3, size: 10) == true)
        Self.expectConsistent(cache)
    }

    @Test("resetCounters keeps the cached objects")
    func resetCountersKeepsContents() throws {
        var cache = try LRUCache(capacityBytes: 2, catalogueSize: 2)
        cache.access(object: 0, size: 1)
        cache.access(object: 0, size: 1)
        cache.resetCounters()
        #expect(cache.hits == 0 && cache.misses == 0 && cache.hitBytes == 0 && cache.missBytes == 0)
        #expect(cache.hitRatio == 0)
        #expect(cache.access(object: 0, size: 1) == true)
        #expect(cache.hits == 1)
    }

    /// A list of ids, most recent first, scanned linearly: obviously right, O(n) per access.
    struct ArrayLRU {
        var order: [Int] = []
        var used: Int64 = 0
        let capacity: Int64
        let sizes: [Int64]

        mutating func access(_ object: Int) -> Bool {
            if let position = order.firstIndex(of: object) {
                order.remove(at: position)
                order.insert(object, at: 0)
                return true
            }
            let size = sizes[object]
            guard size <= capacity else { return false }
            while used + size > capacity, let victim = order.popLast() {
                used -= sizes[victim]
            }
            order.insert(object, at: 0)
            used += size
            return false
        }
    }

    @Test("random accesses with mixed sizes agree with a linear-scan LRU", arguments: [1, 5, 7, 16])
    func agreesWithLinearScanOracle(capacity: Int64) throws {
        let catalogue = 20
        var stream = RandomStream(seed: 0x5EED_ED6E, name: "edge-cache-oracle-\(capacity)")
        let sizes = (0..<catalogue).map { _ in Int64(stream.nextInt(below: 6)) + 1 }  // 1...6 bytes
        var cache = try LRUCache(capacityBytes: capacity, catalogueSize: catalogue)
        var oracle = ArrayLRU(capacity: capacity, sizes: sizes)
        var mismatches = 0
        for step in 0..<20_000 {
            let object = Int(stream.nextInt(below: UInt64(catalogue)))
            if cache.access(object: object, size: sizes[object]) != oracle.access(object) { mismatches += 1 }
            if step % 997 == 0 {
                #expect(cache.objectsByRecency() == oracle.order)
                Self.expectConsistent(cache)
            }
        }
        #expect(mismatches == 0)
        #expect(cache.objectsByRecency() == oracle.order)
        #expect(cache.usedBytes == oracle.used)
        Self.expectConsistent(cache)
    }

    @Test("a capacity or catalogue that is not positive is refused, naming the field")
    func invalidCapacityThrows() {
        #expect(throws: SpecError.self) { try LRUCache(capacityBytes: 0, catalogueSize: 10) }
        for capacity: Int64 in [0, -5] {
            do {
                _ = try LRUCache(capacityBytes: capacity, catalogueSize: 10)
                Issue.record("capacity \(capacity) was accepted")
            } catch {
                #expect(error.field == .cache)
                #expect(error.element.kind == .cache)
                #expect(error.description == "cache: cache: must be greater than 0, got \(capacity) bytes")
            }
        }
        do {
            _ = try LRUCache(capacityBytes: 10, catalogueSize: 0)
            Issue.record("catalogue size 0 was accepted")
        } catch {
            #expect(error.field == .catalogue)
            #expect(error.message == "must be at least 1, got 0")
        }
        do {
            _ = try LRUCache(capacityBytes: 10, catalogueSize: Int(Int32.max) + 1)
            Issue.record("an oversized catalogue was accepted")
        } catch {
            #expect(error.field == .catalogue)
            #expect(error.message.hasPrefix("must be at most \(Int32.max)"))
        }
    }
}

/// Che's approximation alone: the equation for T, exact special cases, monotonicity, input.
@Suite("Edge cache: Che's approximation")
struct EdgeCacheCheTests {
    /// Σ (1 − e^(−p_i T)), computed directly, for checking the solver.
    static func occupancy(_ popularities: [Double], time: Double) -> Double {
        popularities.reduce(0) { $0 + (1 - PortableMath.exp(-$1 * time)) }
    }

    @Test("T solves Σ(1 − e^(−p T)) = C to 1e-9 relative", arguments: [0.8, 1.0])
    func characteristicTimeSolvesEquation(exponent: Double) throws {
        let zipf = try ZipfDistribution(exponent: exponent, count: 10_000)
        let popularities = (1...zipf.count).map { zipf.probability(ofRank: $0) }
        for cacheSize in [1, 10, 100, 1_000, 5_000, 9_999] {
            let che = try CheApproximation(zipf: zipf, cacheSize: cacheSize)
            let occupancy = Self.occupancy(popularities, time: che.characteristicTime)
            let relativeError = (occupancy - Double(cacheSize)).magnitude / Double(cacheSize)
            #expect(relativeError <= 1e-9, "s = \(exponent), C = \(cacheSize): \(occupancy)")
            #expect(che.characteristicTime >= Double(cacheSize))  // 1 − e^(−x) <= x
            #expect(che.objectCount == 10_000)
        }
    }

    @Test("the hit ratio and T grow with the cache size", arguments: [0.0, 0.8, 1.0, 1.4])
    func hitRatioMonotoneInCacheSize(exponent: Double) throws {
        let zipf = try ZipfDistribution(exponent: exponent, count: 2_000)
        var previous = try CheApproximation(zipf: zipf, cacheSize: 1)
        for cacheSize in [2, 5, 10, 20, 50, 100, 200, 500, 1_000, 1_500, 1_999] {
            let che = try CheApproximation(zipf: zipf, cacheSize: cacheSize)
            #expect(che.hitRatio > previous.hitRatio, "s = \(exponent), C = \(cacheSize)")
            #expect(che.characteristicTime > previous.characteristicTime, "s = \(exponent), C = \(cacheSize)")
            #expect(che.hitRatio > 0 && che.hitRatio < 1)
            previous = che
        }
        #expect(try CheApproximation(zipf: zipf, cacheSize: 2_000).hitRatio == 1)
    }

    @Test("uniform popularity gives the exact LRU hit ratio C/n and T = −n ln(1 − C/n)")
    func uniformPopularityIsExact() throws {
        let n = 1_000
        for cacheSize in [1.0, 10, 250, 999] {
            let che = try CheApproximation(popularities: Array(repeating: 1, count: n), cacheSize: cacheSize)
            #expect((che.hitRatio - cacheSize / Double(n)).magnitude <= 1e-12)
            let expected = -Double(n) * PortableMath.log(1 - cacheSize / Double(n))
            #expect((che.characteristicTime - expected).magnitude <= 1e-9 * expected)
        }
    }

    @Test("a cache that holds every requested object always hits")
    func cacheHoldingEverythingAlwaysHits() throws {
        let che = try CheApproximation(popularities: [3, 0, 1, 0], cacheSize: 2)
        #expect(che.objectCount == 2)
        #expect(che.hitRatio == 1)
        #expect(che.characteristicTime == .infinity)
        #expect(che.hitProbability(popularity: 0.5) == 1)
        #expect(che.hitProbability(popularity: 0) == 0)
    }

    @Test("a bad cache size or popularity list is refused, naming the field")
    func invalidInputThrows() {
        let cases: [(popularities: [Double], cacheSize: Double, field: String)] = [
            ([1, 1], 0, "cache"),
            ([1, 1], -3, "cache"),
            ([1, 1], .nan, "cache"),
            ([1, 1], .infinity, "cache"),
            ([], 1, "zipf"),
            ([0, 0], 1, "zipf"),
            ([1, -1], 1, "zipf[1]"),
            ([1, .nan], 1, "zipf[1]"),
        ]
        for testCase in cases {
            do {
                _ = try CheApproximation(popularities: testCase.popularities, cacheSize: testCase.cacheSize)
                Issue.record("\(testCase) was accepted")
            } catch {
                #expect(error.field.description == testCase.field, "\(testCase)")
            }
        }
        do {
            let zipf = try ZipfDistribution(exponent: 1, count: 10)
            _ = try CheApproximation(zipf: zipf, cacheSize: 0)
            Issue.record("cache size 0 was accepted")
        } catch let error as SpecError {
            #expect(error.field == .cache)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

/// Issue 3's validation: a simulated LRU cache under Zipf requests against Che's approximation.
@Suite("Edge cache: LRU under Zipf against Che")
struct EdgeCacheZipfValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let exponent: Double
        let cacheSize: Int
        var testDescription: String { "s = \(exponent), C = \(cacheSize)" }
    }

    static let cases = [
        Case(exponent: 0.8, cacheSize: 100), Case(exponent: 0.8, cacheSize: 1_000),
        Case(exponent: 1.0, cacheSize: 100), Case(exponent: 1.0, cacheSize: 1_000),
    ]

    static let catalogueSize = 10_000
    static let warmUpRequests = 100_000
    static let measuredRequests = 1_000_000

    /// Runs the IRM: object `rank − 1` for each Zipf rank drawn, unit sizes; returns the
    /// hit ratio of the measured requests after a warm-up.
    static func simulatedHitRatio(_ testCase: Case, seed: UInt64) throws -> Double {
        let zipf = try ZipfDistribution(exponent: testCase.exponent, count: catalogueSize)
        var stream = RandomStream(seed: seed, name: "edge-cache-zipf-\(testCase.exponent)-\(testCase.cacheSize)")
        var cache = try LRUCache(capacityBytes: Int64(testCase.cacheSize), catalogueSize: catalogueSize)
        for _ in 0..<warmUpRequests {
            cache.access(object: zipf.sampleRank(using: &stream) - 1, size: 1)
        }
        cache.resetCounters()
        for _ in 0..<measuredRequests {
            cache.access(object: zipf.sampleRank(using: &stream) - 1, size: 1)
        }
        #expect(cache.hits + cache.misses == measuredRequests)
        #expect(cache.residentCount == testCase.cacheSize)
        return cache.hitRatio
    }

    // Tolerance. The warm-up (10^5 requests, 100 times the largest cache, so the cache is
    // full and its contents near the stationary mix) is discarded; the hit ratio h is then
    // measured over N = 10^6 requests. Were the hits independent Bernoulli(h) trials, the
    // standard error would be sqrt(h(1 − h)/N) <= 0.5/sqrt(N) = 5e-4, so 5 standard errors
    // are at most 2.5e-3 (a 5σ band: a false alarm about once in 1.7 million runs). Hits under
    // LRU are positively correlated over roughly T requests, which widens the true error by
    // a small factor; the model term covers that. Che's approximation itself is not exact:
    // for n = 10^4 objects and C >= 100 its error is known to be well under 1% absolute
    // (Fricker, Robert, Roberts 2012), hence the 0.01. Tolerance = 0.01 + 5 sqrt(h(1 − h)/N).
    @Test("the simulated LRU hit ratio matches Che's approximation", arguments: cases)
    func hitRatioMatchesChe(_ testCase: Case) throws {
        let zipf = try ZipfDistribution(exponent: testCase.exponent, count: Self.catalogueSize)
        let che = try CheApproximation(zipf: zipf, cacheSize: testCase.cacheSize)
        let simulated = try Self.simulatedHitRatio(testCase, seed: 20_261_128)
        let standardError = (che.hitRatio * (1 - che.hitRatio) / Double(Self.measuredRequests)).squareRoot()
        let tolerance = 0.01 + 5 * standardError
        #expect(
            (simulated - che.hitRatio).magnitude <= tolerance,
            "\(testCase.testDescription): simulated \(simulated), Che \(che.hitRatio), tolerance \(tolerance)"
        )
    }
}
