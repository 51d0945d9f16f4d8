import Testing

@testable import SimCore

/// The peak multipliers of a rate profile, computed by a sweep in O(p log p), against the
/// direct product over every peak for every interval.
@Suite("Rate profile peaks")
struct RateProfilePeakTests {
    /// The product of the multipliers of the peaks covering each interval, peak by peak: the
    /// oracle, O(intervals × peaks).
    static func directMultipliers(_ peaks: [RateProfile.Peak], boundaries: [Int64]) -> [Double] {
        boundaries.indices.map { index in
            guard index + 1 < boundaries.count else { return 1 }
            var product = 1.0
            for peak in peaks
            where peak.start.nanoseconds <= boundaries[index]
                && (peak.start + peak.duration).nanoseconds >= boundaries[index + 1]
            {
                product *= peak.multiplier
            }
            return product
        }
    }

    /// `count` peaks at whole seconds in `0 ..< span`, lasting 1 to `longest` seconds.
    static func peaks(_ count: Int, span: Int64, longest: Int64, stream: inout RandomStream) -> [RateProfile.Peak] {
        (0..<count).map { _ in
            RateProfile.Peak(
                start: SimTime(.seconds(Int64(stream.nextUnit() * Double(span)))),
                duration: .seconds(1 + Int64(stream.nextUnit() * Double(longest))),
                multiplier: (stream.nextUnit() * 40).rounded() / 8
            )
        }
    }

    @Test("300 seeds: the sweep equals the direct product, exactly where at most two peaks overlap")
    func sweepMatchesDirectProduct() throws {
        var stream = RandomStream(seed: 7, name: "peaks")
        for seed in 0..<300 {
            // Short peaks far apart overlap at most pairwise; long ones pile up.
            let sparse = seed.isMultiple(of: 2)
            let peaks = Self.peaks(1 + seed % 12, span: sparse ? 1_000 : 20, longest: sparse ? 5 : 15, stream: &stream)
            let profile = try RateProfile(segments: [.init(start: .zero, ratePerSecond: 1)], peaks: peaks)
            let direct = Self.directMultipliers(peaks, boundaries: profile.peakBoundaries)
            #expect(profile.peakMultipliers.count == direct.count, "seed \(seed)")
            for (swept, expected) in zip(profile.peakMultipliers, direct) {
                if sparse {
                    #expect(swept == expected, "seed \(seed)")
                } else {
                    #expect((swept - expected).magnitude <= 1e-12 * expected.magnitude, "seed \(seed)")
                }
            }
        }
    }

    @Test("20,000 overlapping peaks build in well under the time of their 10^8 pairs")
    func manyPeaks() throws {
        var stream = RandomStream(seed: 3, name: "many-peaks")
        let peaks = Self.peaks(20_000, span: 3_600, longest: 600, stream: &stream)
        let clock = ContinuousClock()
        var profile: RateProfile?
        let elapsed = try clock.measure {
            profile = try RateProfile(segments: [.init(start: .zero, ratePerSecond: 1)], peaks: peaks)
        }
        #expect(profile?.peakBoundaries.count == profile?.peakMultipliers.count)
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }
}
