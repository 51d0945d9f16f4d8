import Testing

@testable import SimCore

@Suite("Zipf distribution")
struct ZipfTests {
    /// Σ_{k=1}^{n} k^-t, summed directly from the smallest term (the reference).
    static func directHarmonic(count n: Int, exponent t: Double) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for k in stride(from: n, through: 1, by: -1) {
            let term = power(Double(k), -t)
            let next = sum + term
            compensation += sum.magnitude >= term.magnitude ? (sum - next) + term : (term - next) + sum
            sum = next
        }
        return sum + compensation
    }

    @Test("rank frequencies match the exact probabilities (chi-square, p = 0.001)", arguments: [0.8, 1.0, 1.2])
    func frequencies(exponent: Double) throws {
        let count = 1_000
        let samples = 1_000_000
        let zipf = try ZipfDistribution(exponent: exponent, count: count)
        var stream = RandomStream(seed: 42, name: "zipf.\(exponent)")
        var observed = [Int](repeating: 0, count: count)
        for _ in 0..<samples {
            observed[zipf.sampleRank(using: &stream) - 1] += 1
        }
        let expected = (1...count).map { Double(samples) * zipf.probability(ofRank: $0) }
        DistributionCheck.expectChiSquareFit(observed: observed, expected: expected)
    }

    @Test("exponents 0 (uniform) and 3 (steep, tail cells merged) fit too", arguments: [0.0, 3.0])
    func extremeExponents(exponent: Double) throws {
        let count = 500
        let samples = 200_000
        let zipf = try ZipfDistribution(exponent: exponent, count: count)
        var stream = RandomStream(seed: 42, name: "zipf.extreme.\(exponent)")
        var observed = [Int](repeating: 0, count: count)
        for _ in 0..<samples {
            observed[zipf.sampleRank(using: &stream) - 1] += 1
        }
        let expected = (1...count).map { Double(samples) * zipf.probability(ofRank: $0) }
        DistributionCheck.expectChiSquareFit(observed: observed, expected: expected)
        if exponent == 0 {
            #expect(zipf.probability(ofRank: 17) == 1.0 / Double(count))
        }
    }

    @Test("probabilities are exact: they sum to 1 and follow k^-s")
    func probabilities() throws {
        for exponent in [0.0, 0.5, 1.0, 1.5] {
            let zipf = try ZipfDistribution(exponent: exponent, count: 1_000)
            let total = (1...1_000).reduce(0.0) { $0 + zipf.probability(ofRank: $1) }
            #expect((total - 1).magnitude <= 1e-13)
            let ratio = zipf.probability(ofRank: 2) / zipf.probability(ofRank: 1)
            #expect((ratio - power(2, -exponent)).magnitude <= 1e-15)
            #expect(zipf.probability(ofRank: 0) == 0)
            #expect(zipf.probability(ofRank: 1_001) == 0)
        }
    }

    @Test(
        "the Euler–Maclaurin harmonic numbers match direct sums",
        arguments: [-2.0, -1.2, -0.2, 0, 0.2, 0.8, 1, 1.2, 2.5]
    )
    func harmonicNumbers(exponent: Double) {
        for count in [2_047, 2_048, 2_049, 5_000, 200_000] {
            let fast = ZipfDistribution.generalizedHarmonic(count: count, exponent: exponent)
            let direct = Self.directHarmonic(count: count, exponent: exponent)
            #expect(
                (fast - direct).magnitude <= 1e-13 * direct,
                "H(\(count), \(exponent)) = \(fast), direct sum \(direct)"
            )
        }
    }

    @Test("sample mean and variance match the exact moments")
    func moments() throws {
        let count = 1_000
        let exponent = 1.2
        let zipf = try ZipfDistribution(exponent: exponent, count: count)
        let h = Self.directHarmonic(count: count, exponent: exponent)
        let raw = (1...4).map { k in Self.directHarmonic(count: count, exponent: exponent - Double(k)) / h }
        #expect((zipf.mean - raw[0]).magnitude <= 1e-12 * raw[0])
        #expect((zipf.variance - (raw[1] - raw[0] * raw[0])).magnitude <= 1e-10 * zipf.variance)
        let samples = DistributionCheck.draw(zipf, count: 200_000, name: "zipf.moments")
        DistributionCheck.expectMoments(
            samples,
            mean: raw[0],
            variance: raw[1] - raw[0] * raw[0],
            fourthCentralMoment: DistributionCheck.fourthCentralMoment(raw: raw[0], raw[1], raw[2], raw[3])
        )
    }

    @Test("a million objects build at once and sample in range at the right head frequency")
    func millionObjects() throws {
        let count = 1_000_000
        let zipf = try ZipfDistribution(exponent: 0.9, count: count)
        var stream = RandomStream(seed: 42, name: "zipf.million")
        let draws = 200_000
        var ones = 0
        var maximum = 0
        for _ in 0..<draws {
            let rank = zipf.sampleRank(using: &stream)
            #expect(rank >= 1 && rank <= count)
            if rank == 1 { ones += 1 }
            maximum = max(maximum, rank)
        }
        let p = zipf.probability(ofRank: 1)
        let expected = Double(draws) * p
        #expect((Double(ones) - expected).magnitude <= 5 * (expected * (1 - p)).squareRoot())
        // With s = 0.9 the tail is long: some draw lands beyond rank 100,000.
        #expect(maximum > 100_000)
        let huge = try ZipfDistribution(exponent: 1, count: 1 << 40)
        for _ in 0..<1_000 {
            let rank = huge.sampleRank(using: &stream)
            #expect(rank >= 1 && rank <= 1 << 40)
        }
    }

    @Test("one object always gives rank 1")
    func singleObject() throws {
        let zipf = try ZipfDistribution(exponent: 1.3, count: 1)
        var stream = RandomStream(seed: 42, name: "zipf.single")
        #expect((0..<1_000).allSatisfy { _ in zipf.sampleRank(using: &stream) == 1 })
        #expect(zipf.probability(ofRank: 1) == 1)
        #expect(zipf.mean == 1)
        #expect(zipf.variance == 0)
    }
}
