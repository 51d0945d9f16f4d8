import Testing

@testable import SimCore

@Suite("Rate profiles and Poisson arrivals")
struct ArrivalTests {
    static func at(_ seconds: Double) -> SimTime { SimTime(.seconds(seconds)) }

    static func segment(_ startSeconds: Int64, _ rate: Double) -> RateProfile.Segment {
        RateProfile.Segment(start: .seconds(startSeconds), ratePerSecond: rate)
    }

    /// All arrivals on `from ..< until`, walking the process from `from`.
    static func arrivals(
        _ profile: RateProfile,
        from: SimTime = .zero,
        until: SimTime,
        name: String
    ) -> [SimTime] {
        var process = NonHomogeneousPoissonArrivals(profile: profile)
        var stream = RandomStream(seed: 42, name: name)
        var result: [SimTime] = []
        var now = from
        while let next = process.nextArrival(after: now, using: &stream), next < until {
            result.append(next)
            now = next
        }
        return result
    }

    /// Expects `count` within 5 standard deviations of a Poisson mean `expected`.
    static func expectPoisson(_ count: Int, expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        let bound = 5 * expected.squareRoot()
        #expect(
            (Double(count) - expected).magnitude <= bound,
            "\(count) arrivals, expected \(expected) ± \(bound)",
            sourceLocation: sourceLocation
        )
    }

    @Test("two rates: arrival counts per segment match the Poisson expectation, then none")
    func twoRates() throws {
        let profile = try RateProfile(segments: [Self.segment(0, 10), Self.segment(100, 50), Self.segment(200, 0)])
        #expect(profile.rate(at: Self.at(50)) == 10)
        #expect(profile.rate(at: Self.at(100)) == 50)
        #expect(profile.rate(at: Self.at(1e6)) == 0)
        #expect(profile.maxRate == 50)
        #expect(profile.expectedCount(from: .zero, to: Self.at(300)) == 6_000)
        let times = Self.arrivals(profile, until: .distantFuture, name: "arrivals.two-rates")
        Self.expectPoisson(times.count { $0 < Self.at(100) }, expected: 1_000)
        Self.expectPoisson(times.count { $0 >= Self.at(100) && $0 < Self.at(200) }, expected: 5_000)
        #expect(times.allSatisfy { $0 < Self.at(200) })
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
        // Gaps within a segment are exponential with the segment's rate.
        let gaps = zip(times, times.dropFirst()).filter { $1 < Self.at(100) }.map { ($1 - $0).seconds }
        DistributionCheck.expectKolmogorovSmirnovFit(gaps) { 1 - exponential(-10 * $0) }
    }

    @Test("a profile whose rate drops to zero forever returns nil at once")
    func zeroForever() throws {
        let profile = try RateProfile(segments: [Self.segment(0, 5), Self.segment(10, 0)])
        var process = NonHomogeneousPoissonArrivals(profile: profile)
        var stream = RandomStream(seed: 42, name: "arrivals.zero")
        #expect(process.nextArrival(after: Self.at(10), using: &stream) == nil)
        #expect(process.nextArrival(after: Self.at(1e9), using: &stream) == nil)
        let times = Self.arrivals(profile, until: .distantFuture, name: "arrivals.zero.walk")
        #expect(!times.isEmpty && times.allSatisfy { $0 < Self.at(10) })

        let silent = try RateProfile(
            segments: [Self.segment(0, 0), Self.segment(3_600, 0)],
            period: .hours(24),
            peaks: [.init(start: Self.at(100), duration: .seconds(10), multiplier: 50)]
        )
        #expect(silent.maxRate == 0)
        var silentProcess = NonHomogeneousPoissonArrivals(profile: silent)
        #expect(silentProcess.nextArrival(after: .zero, using: &stream) == nil)

        let outage = try RateProfile(
            segments: [Self.segment(0, 5)],
            peaks: [.init(start: Self.at(10), duration: .max, multiplier: 0)]
        )
        var outageProcess = NonHomogeneousPoissonArrivals(profile: outage)
        #expect(outageProcess.nextArrival(after: Self.at(10), using: &stream) == nil)
    }

    @Test("a zero-rate window is skipped in one step, not searched")
    func zeroWindowSkipped() throws {
        let profile = try RateProfile(
            segments: [Self.segment(0, 0), Self.segment(1_000_000, 5)],
            period: .seconds(2_000_000)
        )
        var process = NonHomogeneousPoissonArrivals(profile: profile)
        var stream = RandomStream(seed: 42, name: "arrivals.skip")
        let first = try #require(process.nextArrival(after: .zero, using: &stream))
        #expect(first >= Self.at(1_000_000) && first < Self.at(1_000_010))
        // Across the next period's silent half.
        let later = try #require(process.nextArrival(after: Self.at(1_999_999.99), using: &stream))
        #expect(later >= Self.at(3_000_000))
    }

    @Test("a periodic diurnal profile gives the right total and busiest-hour counts")
    func diurnal() throws {
        // Arrivals per second for each hour of the day, night to evening peak.
        let hourly: [Double] = [2, 1, 0.5, 0.5, 0.5, 1, 2, 4, 6, 7, 8, 8, 9, 8, 8, 8, 9, 10, 12, 14, 15, 12, 8, 4]
        let segments = hourly.enumerated().map { hour, rate in
            RateProfile.Segment(start: .hours(Int64(hour)), ratePerSecond: rate)
        }
        let profile = try RateProfile(segments: segments, period: .hours(24))
        #expect(profile.maxRate == 15)
        #expect(profile.rate(at: SimTime(.hours(24 * 5 + 20))) == 15)
        let days = 3.0
        let expected = days * 3_600 * hourly.reduce(0, +)
        let end = SimTime(.hours(72))
        #expect((profile.expectedCount(from: .zero, to: end) - expected).magnitude <= 1e-6)
        let times = Self.arrivals(profile, until: end, name: "arrivals.diurnal")
        Self.expectPoisson(times.count, expected: expected)
        let busiest = times.count { time in
            let hour = (time.nanoseconds / SimDuration.hours(1).nanoseconds) % 24
            return hour == 20
        }
        Self.expectPoisson(busiest, expected: days * 3_600 * 15)
    }

    @Test("a 100x flash peak multiplies the count in its window only")
    func flashPeak() throws {
        let profile = try RateProfile(
            segments: [Self.segment(0, 10)],
            peaks: [.init(start: Self.at(500), duration: .seconds(10), multiplier: 100)]
        )
        #expect(profile.maxRate == 1_000)
        #expect(profile.rate(at: Self.at(499.999)) == 10)
        #expect(profile.rate(at: Self.at(505)) == 1_000)
        #expect(profile.rate(at: Self.at(510)) == 10)
        let times = Self.arrivals(profile, until: Self.at(1_000), name: "arrivals.peak")
        let inPeak = times.count { $0 >= Self.at(500) && $0 < Self.at(510) }
        Self.expectPoisson(inPeak, expected: 10_000)
        Self.expectPoisson(times.count - inPeak, expected: 9_900)
        // The majorant is per piece: outside the window it is 10/s, not 1,000/s.
        #expect(profile.piece(at: Self.at(100)).maxRate(from: Self.at(100)) == 10)
    }

    @Test("overlapping peaks multiply, and the maximum rate accounts for where they fall")
    func overlappingPeaks() throws {
        let profile = try RateProfile(
            segments: [Self.segment(0, 10), Self.segment(100, 1)],
            peaks: [
                .init(start: Self.at(150), duration: .seconds(20), multiplier: 3),
                .init(start: Self.at(160), duration: .seconds(20), multiplier: 2),
                .init(start: Self.at(50), duration: .seconds(10), multiplier: 0.5),
            ]
        )
        #expect(profile.rate(at: Self.at(155)) == 3)
        #expect(profile.rate(at: Self.at(165)) == 6)
        #expect(profile.rate(at: Self.at(175)) == 2)
        #expect(profile.rate(at: Self.at(55)) == 5)
        #expect(profile.maxRate == 10)
        let onlyLate = try RateProfile(
            segments: [Self.segment(0, 1)],
            peaks: [
                .init(start: Self.at(150), duration: .seconds(20), multiplier: 3),
                .init(start: Self.at(160), duration: .seconds(20), multiplier: 2),
            ]
        )
        #expect(onlyLate.maxRate == 6)
        let expected: Double = 150 + 30 + 60 + 20 + 20
        #expect((onlyLate.expectedCount(from: .zero, to: Self.at(200)) - expected).magnitude <= 1e-9)
    }

    @Test("linear segments: a ramp is thinned to the right counts")
    func linearRamp() throws {
        let profile = try RateProfile(segments: [Self.segment(0, 0), Self.segment(100, 100)], shape: .linear)
        #expect(profile.rate(at: Self.at(25)) == 25)
        #expect(profile.rate(at: Self.at(500)) == 100)
        #expect((profile.expectedCount(from: .zero, to: Self.at(100)) - 5_000).magnitude <= 1e-6)
        let times = Self.arrivals(profile, until: Self.at(100), name: "arrivals.ramp")
        Self.expectPoisson(times.count { $0 < Self.at(50) }, expected: 1_250)
        Self.expectPoisson(times.count, expected: 5_000)
        // The arrival times of a ramp from 0 have density ∝ t on [0, 100): CDF (t / 100)².
        DistributionCheck.expectKolmogorovSmirnovFit(times.map(\.seconds)) { ($0 / 100) * ($0 / 100) }

        let periodic = try RateProfile(
            segments: [Self.segment(0, 10), Self.segment(50, 30)],
            period: .seconds(100),
            shape: .linear
        )
        // Up from 10 to 30 over 50 s, then back down to 10 at the end of the period.
        #expect(profile.rate(at: Self.at(25)) == 25)
        #expect(periodic.rate(at: Self.at(175)) == 20)
        #expect((periodic.expectedCount(from: .zero, to: Self.at(1_000)) - 20_000).magnitude <= 1e-6)
        let periodicTimes = Self.arrivals(periodic, until: Self.at(1_000), name: "arrivals.periodic-linear")
        Self.expectPoisson(periodicTimes.count, expected: 20_000)
    }

    @Test("invalid profiles throw an error that names the parameter")
    func invalidProfiles() {
        func parameter(_ make: () throws -> RateProfile) -> String? {
            do {
                _ = try make()
                return nil
            } catch {
                return (error as? DistributionError)?.parameter
            }
        }
        let one = Self.segment(0, 1)
        #expect(parameter { try RateProfile(segments: []) } == "segments")
        #expect(parameter { try RateProfile(segments: [Self.segment(5, 1)]) } == "segments[0].start")
        #expect(parameter { try RateProfile(segments: [one, Self.segment(0, 2)]) } == "segments[1].start")
        #expect(parameter { try RateProfile(segments: [one, Self.segment(10, -2)]) } == "segments[1].ratePerSecond")
        #expect(parameter { try RateProfile(segments: [Self.segment(0, .infinity)]) } == "segments[0].ratePerSecond")
        #expect(parameter { try RateProfile(segments: [one, Self.segment(10, 2)], period: .seconds(10)) } == "period")
        let instant = RateProfile.Peak(start: .zero, duration: .zero, multiplier: 2)
        #expect(parameter { try RateProfile(segments: [one], peaks: [instant]) } == "peaks[0].duration")
        let negative = RateProfile.Peak(start: .zero, duration: .seconds(1), multiplier: -1)
        #expect(parameter { try RateProfile(segments: [one], peaks: [negative]) } == "peaks[0].multiplier")
        #expect(parameter { try RateProfile.constant(ratePerSecond: -3) } == "segments[0].ratePerSecond")
    }

    @Test("the same seed gives the same arrivals")
    func determinism() throws {
        let profile = try RateProfile(
            segments: [Self.segment(0, 3), Self.segment(30, 7)],
            period: .seconds(60),
            peaks: [.init(start: Self.at(100), duration: .seconds(5), multiplier: 20)],
            shape: .linear
        )
        let first = Self.arrivals(profile, until: Self.at(300), name: "arrivals.determinism")
        let second = Self.arrivals(profile, until: Self.at(300), name: "arrivals.determinism")
        #expect(first == second)
        #expect(first.count > 100)
    }
}
