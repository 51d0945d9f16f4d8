import Testing

@testable import SimCore

/// The arrival processes besides Poisson: deterministic, batch Poisson, on/off (a two-state
/// MMPP) and a one-shot burst, each against its exact or analytic behaviour.
///
/// Statistical checks allow 5 standard errors, each derived from the run itself (the number of
/// windows and the counts' own fourth moment), at fixed seeds: a correct process passes with
/// probability above 1 − 10⁻⁶, and each test also shows that the nearest wrong model (Poisson
/// counts, or an on/off process that ignores its off level) lies far outside the band.
@Suite("Arrival processes")
struct ArrivalProcessTests {
    static func at(_ seconds: Double) -> SimTime { SimTime(.seconds(seconds)) }

    /// The counts of `process` over `windows` consecutive windows of `length` from time zero.
    static func windowCounts(
        _ process: ArrivalProcess,
        profile: RateProfile,
        windows: Int,
        length: SimDuration,
        name: String
    ) -> [Double] {
        var generator = ArrivalGenerator(
            process: process,
            profile: profile,
            auxiliary: RandomStream(seed: 7, name: name + "/aux")
        )
        var stream = RandomStream(seed: 7, name: name)
        var counts = [Double](repeating: 0, count: windows)
        while let epoch = generator.next(using: &stream) {
            let window = Int(epoch.time.nanoseconds / length.nanoseconds)
            guard window < windows else { break }
            counts[window] += Double(epoch.count)
        }
        return counts
    }

    /// Mean, variance, and the standard errors of both (the variance's from the fourth
    /// central moment: Var(s²) ≈ (μ₄ − σ⁴) / n for independent windows).
    static func moments(_ counts: [Double]) -> (mean: Double, variance: Double, meanSE: Double, varianceSE: Double) {
        let n = Double(counts.count)
        let mean = counts.reduce(0, +) / n
        let variance = counts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let fourth = counts.reduce(0) { $0 + (($1 - mean) * ($1 - mean)) * (($1 - mean) * ($1 - mean)) } / n
        return (mean, variance, (variance / n).squareRoot(), (max(0, fourth - variance * variance) / n).squareRoot())
    }

    @Test("a Poisson generator draws exactly what the non-homogeneous Poisson process draws")
    func poissonUnchanged() throws {
        let profile = try RateProfile(
            segments: [.init(start: .zero, ratePerSecond: 40), .init(start: .hours(1), ratePerSecond: 5)],
            period: .hours(2),
            peaks: [.init(start: Self.at(600), duration: .seconds(60), multiplier: 10)],
            shape: .linear
        )
        var generator = ArrivalGenerator(process: .poisson, profile: profile, auxiliary: RandomStream(seed: 1, key: 0))
        var reference = NonHomogeneousPoissonArrivals(profile: profile)
        var streamA = RandomStream(seed: 3, name: "arrivals/p/c")
        var streamB = streamA
        var now = SimTime.zero
        for _ in 0..<50_000 {
            let next = generator.next(using: &streamA)
            let epoch = try #require(next)
            let time = try #require(reference.nextArrival(after: now, using: &streamB))
            #expect(epoch.time == time && epoch.count == 1)
            now = time
        }
        #expect(streamA.next() == streamB.next())
    }

    @Test("deterministic at a constant rate: gaps of exactly 1/r, exactly n arrivals in any window of n/r")
    func deterministicConstant() throws {
        let profile = try RateProfile.constant(ratePerSecond: 250)
        var generator = ArrivalGenerator(
            process: .deterministic,
            profile: profile,
            auxiliary: RandomStream(seed: 1, key: 0)
        )
        var stream = RandomStream(seed: 5, name: "deterministic")
        var times: [SimTime] = []
        while let epoch = generator.next(using: &stream), epoch.time < Self.at(400) {
            #expect(epoch.count == 1)
            times.append(epoch.time)
        }
        #expect(times[0] >= .zero && times[0] < Self.at(0.004))
        // Each time is computed from time zero, so gaps are 4 ms to the nanosecond of rounding.
        let gaps = zip(times, times.dropFirst()).map { ($1 - $0).nanoseconds }
        #expect(gaps.allSatisfy { (3_999_999...4_000_001).contains($0) })
        #expect(times.count == 100_000)
        for start in [0.0, 1.5, 17.123, 250.000_5] {
            let window = Self.at(start)..<Self.at(start + 10)
            #expect(times.count { window.contains($0) } == 2_500, "window from \(start) s")
        }
    }

    @Test("deterministic on a varying profile: Λ(t) + u arrivals by t, none while the rate is zero")
    func deterministicVarying() throws {
        let profile = try RateProfile(
            segments: [.init(start: .zero, ratePerSecond: 10), .init(start: .seconds(50), ratePerSecond: 90)],
            period: .seconds(100),
            peaks: [
                .init(start: Self.at(120), duration: .seconds(10), multiplier: 5),
                .init(start: Self.at(300), duration: .seconds(30), multiplier: 0),
            ],
            shape: .linear
        )
        var generator = ArrivalGenerator(
            process: .deterministic,
            profile: profile,
            auxiliary: RandomStream(seed: 1, key: 0)
        )
        var stream = RandomStream(seed: 11, name: "deterministic.varying")
        var phaseStream = stream
        let phase = phaseStream.nextUnit()
        var times: [SimTime] = []
        while let epoch = generator.next(using: &stream), epoch.time < Self.at(1_000) {
            times.append(epoch.time)
        }
        // Arrival k comes when Λ reaches k − u: the count by t is exactly ⌊Λ(t) + u⌋, unless
        // Λ(t) + u lies within rounding (10⁻⁶) of a whole number.
        var checked = 0
        for checkpoint in stride(from: 7.0, through: 999, by: 13.7) {
            let level = profile.expectedCount(from: .zero, to: Self.at(checkpoint)) + phase
            guard abs(level - level.rounded()) > 1e-6 else { continue }
            let count = Double(times.count { $0 < Self.at(checkpoint) })
            #expect(count == level.rounded(.down), "by \(checkpoint) s: \(count), expected ⌊\(level)⌋")
            checked += 1
        }
        #expect(checked > 60)
        #expect(!times.contains { $0 >= Self.at(300) && $0 < Self.at(330) })
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("batch Poisson: counts per window have mean λT and variance (λ/E[B]) E[B²] T")
    func batchMoments() throws {
        let profile = try RateProfile.constant(ratePerSecond: 100)
        for (size, name) in [(BatchSize.geometric(mean: 4), "geometric"), (.fixed(5), "fixed")] {
            let counts = Self.windowCounts(
                .batch(size),
                profile: profile,
                windows: 20_000,
                length: .seconds(1),
                name: "batch/\(name)"
            )
            let m = Self.moments(counts)
            // Compound Poisson: batches at λ/E[B], so Var N(T) = (λ/E[B]) E[B²] T
            // (geometric, p = 1/4: E[B²] = (2 − p)/p² = 28, Var = 700; fixed 5: Var = 500).
            let expectedVariance = 100 / size.mean * size.secondMoment
            #expect(abs(m.mean - 100) <= 5 * (expectedVariance / 20_000).squareRoot(), "\(name): mean \(m.mean)")
            #expect(abs(m.variance - expectedVariance) <= 5 * m.varianceSE, "\(name): variance \(m.variance)")
            // Poisson counts (variance 100) would fail the same check.
            #expect(abs(100 - expectedVariance) > 5 * m.varianceSE)
        }
    }

    @Test("a batch draws its sizes from its own stream: the epochs are the Poisson epochs at λ/E[B]")
    func batchEpochs() throws {
        let profile = try RateProfile.constant(ratePerSecond: 40)
        var geometric = ArrivalGenerator(
            process: .batch(.geometric(mean: 4)),
            profile: profile,
            auxiliary: RandomStream(seed: 1, name: "sizes")
        )
        var fixed = ArrivalGenerator(
            process: .batch(.fixed(4)),
            profile: profile,
            auxiliary: RandomStream(seed: 1, key: 9)
        )
        var streamA = RandomStream(seed: 2, name: "epochs")
        var streamB = streamA
        var total = 0.0
        for _ in 0..<20_000 {
            let nextA = geometric.next(using: &streamA)
            let nextB = fixed.next(using: &streamB)
            let a = try #require(nextA)
            let b = try #require(nextB)
            #expect(a.time == b.time && b.count == 4 && a.count >= 1)
            total += Double(a.count)
        }
        // The sizes' mean: 4 ± 5 standard errors (sd of a geometric of mean 4 is √12).
        #expect(abs(total / 20_000 - 4) <= 5 * (12.0 / 20_000).squareRoot())
    }

    @Test("on-off MMPP: the long-run rate and the index of dispersion of counts match the analytic values")
    func onOffDispersion() throws {
        // λ̄ = 50/s; on and off periods of mean 1 s (r₁ = r₂ = 1/s); off at 25% of the on rate.
        // The on rate is λ̄ (on + off) / (on + ¼ off) = 80/s, the off rate 20/s.
        let modulation = OnOffModulation(meanOn: .seconds(1), meanOff: .seconds(1), offLevel: 0.25)
        let profile = try RateProfile.constant(ratePerSecond: 50)
        let windows = 2_000
        let length = 10.0
        let counts = Self.windowCounts(
            .onOff(modulation),
            profile: profile,
            windows: windows,
            length: .seconds(Int64(length)),
            name: "on-off"
        )
        let m = Self.moments(counts)
        // Derivation. Given the switch's path X, counts are Poisson with mean ∫λ(X_s)ds, so
        // Var N(t) = E N(t) + Var ∫₀ᵗ λ(X_s) ds. For the stationary two-state chain with rates
        // λ₁, λ₂, switching rates r₁ (leave on), r₂ (leave off), κ = r₁ + r₂, π₁ = r₂/κ, π₂ = r₁/κ:
        // Cov(λ(X₀), λ(X_s)) = (λ₁ − λ₂)² π₁π₂ e^(−κs), and Var ∫ = 2∫₀ᵗ (t − s) Cov ds
        // = 2(λ₁ − λ₂)² π₁π₂ [t/κ − (1 − e^(−κt))/κ²]. Dividing by E N(t) = λ̄t:
        // IDC(t) = 1 + 2(λ₁ − λ₂)² r₁r₂ / (κ²(λ₁r₂ + λ₂r₁)) · [1 − (1 − e^(−κt))/(κt)],
        // as in Fischer & Meier-Hellstern, "The Markov-modulated Poisson process (MMPP)
        // cookbook", Performance Evaluation 18 (1993), eq. for the IDC of a 2-MMPP.
        func idc(_ high: Double, _ low: Double) -> Double {
            let (r1, r2, kappa) = (1.0, 1.0, 2.0)
            let factor = 2 * (high - low) * (high - low) * r1 * r2 / (kappa * kappa * (high * r2 + low * r1))
            return 1 + factor * (1 - (1 - exponential(-kappa * length)) / (kappa * length))
        }
        let expected = idc(80, 20)  // 18.1
        let measured = m.variance / m.mean
        let tolerance = 5 * m.varianceSE / m.mean
        #expect(abs(measured - expected) <= tolerance, "IDC \(measured), expected \(expected) ± \(tolerance)")
        // Wrong models fail: Poisson (IDC 1), or an off level ignored (100/s on, silent off).
        #expect(abs(1 - expected) > tolerance && abs(idc(100, 0) - expected) > tolerance)
        // The long-run rate: the total over 20,000 s has sd √(IDC·λ̄T) (≈ 0.44% of it).
        let total = counts.reduce(0, +)
        let span = Double(windows) * length
        let sd = (idc(80, 20) * 50 * span).squareRoot()
        #expect(abs(total - 50 * span) <= 5 * sd, "total \(total), expected \(50 * span) ± \(5 * sd)")
    }

    @Test("a burst is one epoch of exactly N arrivals at its instant, then nothing")
    func burst() throws {
        let profile = try RateProfile.constant(ratePerSecond: 0)
        var generator = ArrivalGenerator(
            process: .burst(count: 10_000, at: Self.at(300)),
            profile: profile,
            auxiliary: RandomStream(seed: 1, key: 0)
        )
        var stream = RandomStream(seed: 1, name: "burst")
        var before = stream
        let first = generator.next(using: &stream)
        let second = generator.next(using: &stream)
        #expect(first == ArrivalEpoch(time: Self.at(300), count: 10_000))
        #expect(second == nil)
        #expect(stream.next() == before.next())
    }

    @Test("process summaries read as the scenario spells them")
    func summaries() {
        #expect(ArrivalProcess.poisson.summary == "poisson")
        #expect(ArrivalProcess.batch(.geometric(mean: 4)).summary == "batch (geometric, mean 4)")
        #expect(ArrivalProcess.batch(.fixed(8)).summary == "batch (fixed 8)")
        let onOff = OnOffModulation(meanOn: .seconds(1), meanOff: .seconds(4), offLevel: 0.1)
        #expect(ArrivalProcess.onOff(onOff).summary == "on-off (on 1 s, off 4 s, off level 0.1)")
        #expect(ArrivalProcess.burst(count: 500, at: Self.at(300)).summary == "burst (500 at 5 min)")
    }
}
