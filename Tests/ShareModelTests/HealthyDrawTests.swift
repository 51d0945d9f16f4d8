import Testing

@testable import ShareModel
@testable import SimCore

/// The router's random draws among healthy candidates are exactly uniform (or exactly in
/// proportion to weight) among the healthy ones, whether rejection sampling or the counting
/// fallback produced them.
@Suite("Draws among healthy candidates")
struct HealthyDrawTests {
    /// Counts of `draws` draws by position, failing on a draw outside `0..<count`.
    static func counts(_ count: Int, draws: Int, _ draw: (inout RandomStream) -> Int?) -> [Int] {
        var stream = RandomStream(seed: 17, name: "healthy-draw")
        var counts = Array(repeating: 0, count: count)
        for _ in 0..<draws {
            guard let position = draw(&stream) else { continue }
            counts[position] += 1
        }
        return counts
    }

    /// Whether each count is within 5 binomial standard deviations of `draws × p`: with fixed
    /// seeds the check is deterministic, and a draw off by even 2% of p = 0.25 over 200,000
    /// draws (1,000 counts, 5 standard deviations) fails it.
    static func matches(_ counts: [Int], _ probabilities: [Double], draws: Int) -> Bool {
        zip(counts, probabilities).allSatisfy { count, p in
            let mean = Double(draws) * p
            let deviation = (Double(draws) * p * (1 - p)).squareRoot()
            return abs(Double(count) - mean) <= 5 * deviation
        }
    }

    @Test("uniform among the healthy, by rejection: ineligible positions never drawn, the rest equally often")
    func uniformByRejection() {
        let healthy: Set = [1, 4, 5, 9]
        let draws = 200_000
        let counts = Self.counts(10, draws: draws) { stream in
            HealthyDraw.uniform(count: 10, stream: &stream) { healthy.contains($0) }
        }
        #expect(counts.reduce(0, +) == draws)
        #expect((0..<10).filter { !healthy.contains($0) }.allSatisfy { counts[$0] == 0 })
        #expect(Self.matches(counts, (0..<10).map { healthy.contains($0) ? 0.25 : 0 }, draws: draws), "\(counts)")
    }

    @Test("uniform among the healthy when nearly all are down: the counting fallback is exact too")
    func uniformByFallback() {
        // 2 of 1,000 healthy: all 16 tries fail with probability 0.998^16 = 0.968.
        let draws = 20_000
        let counts = Self.counts(1_000, draws: draws) { stream in
            HealthyDraw.uniform(count: 1_000, stream: &stream) { $0 == 3 || $0 == 998 }
        }
        #expect(counts[3] + counts[998] == draws)
        #expect(Self.matches([counts[3], counts[998]], [0.5, 0.5], draws: draws), "\(counts[3]) \(counts[998])")
    }

    @Test("no healthy candidate, or none at all: no draw")
    func none() {
        var stream = RandomStream(seed: 1, name: "none")
        #expect(HealthyDraw.uniform(count: 0, stream: &stream) { _ in true } == nil)
        #expect(HealthyDraw.uniform(count: 50, stream: &stream) { _ in false } == nil)
        #expect(HealthyDraw.weighted(cumulativeWeights: [], stream: &stream) { _ in true } == nil)
        #expect(HealthyDraw.weighted(cumulativeWeights: [0, 0], stream: &stream) { _ in true } == nil)
        #expect(HealthyDraw.weighted(cumulativeWeights: [1, 3], stream: &stream) { _ in false } == nil)
    }

    @Test("power of two choices between idle sites: the healthy site of rank r wins with probability 2(h-1-r)/(h(h-1))")
    func twoChoicesRanks() {
        // Two distinct healthy positions, each ordered pair equally likely; on equal loads the
        // nearer (lower position) wins, so rank r wins when the other lies above it.
        let healthyPositions = [0, 2, 3, 7, 8, 11]
        let healthy = Set(healthyPositions)
        let h = Double(healthyPositions.count)
        let draws = 300_000
        let counts = Self.counts(12, draws: draws) { stream in
            guard let first = HealthyDraw.uniform(count: 12, stream: &stream, isEligible: { healthy.contains($0) }),
                let second = HealthyDraw.uniform(
                    count: 12,
                    stream: &stream,
                    isEligible: { $0 != first && healthy.contains($0) }
                )
            else { return nil }
            return min(first, second)
        }
        var expected = Array(repeating: 0.0, count: 12)
        for (rank, position) in healthyPositions.enumerated() {
            expected[position] = 2 * (h - 1 - Double(rank)) / (h * (h - 1))
        }
        #expect(counts.reduce(0, +) == draws && counts[11] == 0)
        #expect(Self.matches(counts, expected, draws: draws), "\(counts)")
    }

    @Test("weighted among the healthy: probability weight / healthy weight; weight 0 never drawn")
    func weightedByRejection() {
        let weights = [1.0, 0, 2, 3, 0.5, 4]
        var sum = 0.0
        let cumulative = weights.map { weight -> Double in
            sum += weight
            return sum
        }
        let draws = 300_000
        let counts = Self.counts(6, draws: draws) { stream in
            HealthyDraw.weighted(cumulativeWeights: cumulative, stream: &stream) { $0 != 3 }
        }
        let healthyWeight = 7.5
        let expected = weights.indices.map { $0 == 3 ? 0 : weights[$0] / healthyWeight }
        #expect(counts[1] == 0 && counts[3] == 0 && counts.reduce(0, +) == draws)
        #expect(Self.matches(counts, expected, draws: draws), "\(counts)")
    }

    @Test("weighted among the healthy when the heavy sites are down: the counting fallback is exact too")
    func weightedByFallback() {
        // Healthy weight 3 of 2,003: all 16 tries fail with probability (2000/2003)^16 = 0.976.
        let cumulative = [1_000.0, 1_001, 2_001, 2_003]
        let draws = 30_000
        let counts = Self.counts(4, draws: draws) { stream in
            HealthyDraw.weighted(cumulativeWeights: cumulative, stream: &stream) { $0 == 1 || $0 == 3 }
        }
        #expect(counts[0] == 0 && counts[2] == 0 && counts[1] + counts[3] == draws)
        #expect(Self.matches([counts[1], counts[3]], [1.0 / 3, 2.0 / 3], draws: draws), "\(counts)")
    }

    @Test("the member covering a value: the first running sum above it, skipping weight 0")
    func firstAbove() {
        let cumulative = [1.0, 1, 3, 6]
        #expect(HealthyDraw.firstAbove(0, in: cumulative) == 0)
        #expect(HealthyDraw.firstAbove(0.999, in: cumulative) == 0)
        #expect(HealthyDraw.firstAbove(1, in: cumulative) == 2)
        #expect(HealthyDraw.firstAbove(2.999, in: cumulative) == 2)
        #expect(HealthyDraw.firstAbove(3, in: cumulative) == 3)
        #expect(HealthyDraw.firstAbove(5.999, in: cumulative) == 3)
        #expect(HealthyDraw.firstAbove(0.5, in: [2]) == 0)
    }
}
