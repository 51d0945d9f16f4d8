import SimCore
import Testing

@testable import ShareModel

/// An instant `seconds` after time zero.
private func at(_ seconds: Int) -> SimTime { SimTime(.seconds(seconds)) }

/// The window `[start, end)` in whole seconds.
private func window(_ start: Int, _ end: Int) -> OutageWindow { OutageWindow(start: at(start), end: at(end)) }

/// A planned outage of `target` over `[start, end)` in whole seconds.
private func outage(_ target: FailureTarget, _ start: Int, _ end: Int) throws(SpecError) -> ScheduledOutage {
    try ScheduledOutage(target: target, start: at(start), end: at(end))
}

/// Failure schedules: planned windows exactly, random windows statistically, determinism,
/// independence between targets, and rejected input.
@Suite("Failure schedule")
struct FailureScheduleTests {
    static let zoneA = FailureTarget.zone("hz-a")
    static let zoneB = FailureTarget.zone("hz-b")
    static let region = FailureTarget.region("cn-hangzhou")
    static let link = FailureTarget.link("fra-ams")

    @Test("planned outages give exact windows; overlapping and touching ones merge; the horizon clips")
    func scheduledWindowsExact() throws {
        let schedule = try FailureSchedule(
            scheduled: [
                try outage(Self.zoneA, 100, 110),  // given out of order
                try outage(Self.zoneA, 15, 30),  // overlaps [10, 20)
                try outage(Self.zoneA, 10, 20),
                try outage(Self.zoneA, 30, 40),  // touches [15, 30): one window
                try outage(Self.zoneA, 12, 14),  // inside [10, 20)
                try outage(Self.region, 5, 6),
                try outage(Self.link, 190, 250),  // clipped to the horizon
                try outage(Self.link, 300, 400),  // after the horizon: dropped
            ],
            seed: 1,
            horizon: at(200)
        )
        #expect(schedule.windows(for: Self.zoneA) == [window(10, 40), window(100, 110)])
        #expect(schedule.windows(for: Self.region) == [window(5, 6)])
        #expect(schedule.windows(for: Self.link) == [window(190, 200)])
        #expect(schedule.windows(for: Self.zoneB).isEmpty)
        #expect(schedule.targets == [Self.link, Self.region, Self.zoneA])  // by stable name
        #expect(schedule.downtime(of: Self.zoneA) == .seconds(40))

        let oneNanosecond = SimDuration(nanoseconds: 1)
        #expect(!schedule.isDown(Self.zoneA, at: at(10) - oneNanosecond))
        #expect(schedule.isDown(Self.zoneA, at: at(10)))  // start is down
        #expect(schedule.isDown(Self.zoneA, at: at(30)))  // the joint of two touching outages
        #expect(schedule.isDown(Self.zoneA, at: at(40) - oneNanosecond))
        #expect(!schedule.isDown(Self.zoneA, at: at(40)))  // end is up
        #expect(!schedule.isDown(Self.zoneA, at: at(99)))
        #expect(schedule.isDown(Self.zoneA, at: at(105)))
        #expect(!schedule.isDown(Self.zoneA, at: at(110)))
        #expect(!schedule.isDown(Self.zoneA, at: at(0)))
        #expect(!schedule.isDown(Self.zoneB, at: at(15)))  // a target never named is up
        #expect(!schedule.isDown(Self.region, at: at(15)))  // targets are independent
        #expect(!schedule.isDown(Self.link, at: at(350)))
    }

    /// Availability of one zone with exponential MTBF a = 100 h and MTTR b = 2 h over
    /// T = 10^6 h (about n = T / (a + b) ≈ 9,800 cycles).
    ///
    /// Tolerance: the observed availability is Â = U / (U + D), with U and D the sums of n
    /// i.i.d. up and down periods (means a, b; standard deviations σ_U = a and σ_D = b for
    /// exponentials). By the delta method, with ∂Â/∂Ū = b / (a + b)² and
    /// ∂Â/∂D̄ = −a / (a + b)²,
    ///   Var(Â) ≈ (b² σ_U² + a² σ_D²) / ((a + b)⁴ n) = 2 a² b² / ((a + b)⁴ n),
    /// so sd(Â) ≈ √2 · a b / ((a + b)² √n) ≈ 2.7 × 10⁻⁴ at n ≈ 9,800 (the truncation of the
    /// last cycle at T adds a bias of order 1/n, far smaller). The test allows 4 sd, using
    /// the n actually observed; that is about 5.6% of the unavailability b / (a + b) ≈ 0.0196,
    /// so a schedule with the wrong MTTR or MTBF by 10% fails.
    @Test("random failures: availability matches MTBF / (MTBF + MTTR) within 4 sd of n cycles")
    func randomAvailabilityMatchesTheory() throws {
        let a = 100.0
        let b = 2.0
        let spec = try RandomFailureSpec(target: Self.zoneA, mtbfHours: a, mttrHours: b)
        let horizonHours = 1_000_000
        let schedule = try FailureSchedule(random: [spec], seed: 20_261_128, horizon: SimTime(.hours(horizonHours)))
        let windows = schedule.windows(for: Self.zoneA)

        // Cycle count: a renewal count has variance ≈ T (σ_a² + σ_b²) / (a + b)³ ≈ 9,400, sd ≈ 97.
        let expectedCycles = Double(horizonHours) / (a + b)
        let cycleSD = (Double(horizonHours) * (a * a + b * b) / ((a + b) * (a + b) * (a + b))).squareRoot()
        #expect(
            abs(Double(windows.count) - expectedCycles) <= 4 * cycleSD,
            "\(windows.count) windows vs about \(expectedCycles) cycles"
        )

        let n = Double(windows.count)
        let theory = a / (a + b)
        #expect(abs(spec.stationaryAvailability - theory) < 1e-12)
        let sd = 2.0.squareRoot() * a * b / ((a + b) * (a + b) * n.squareRoot())
        let observed = schedule.availability(of: Self.zoneA)
        #expect(abs(observed - theory) <= 4 * sd, "availability \(observed) vs \(theory) ± \(sd) (1 sd)")

        // Mean repair time: the mean of n exponentials with mean b has sd b / √n.
        let meanRepairHours = schedule.downtime(of: Self.zoneA).seconds / 3600 / n
        #expect(abs(meanRepairHours - b) <= 4 * b / n.squareRoot(), "mean repair \(meanRepairHours) h vs \(b) h")

        // The windows are sorted, disjoint and within the horizon; isDown agrees with them.
        for (earlier, later) in zip(windows, windows.dropFirst()) { #expect(earlier.end < later.start) }
        #expect(windows.first.map { $0.start > .zero } ?? false)
        #expect(windows.last.map { $0.end <= schedule.horizon } ?? false)
        for window in windows.prefix(200) {
            #expect(schedule.isDown(Self.zoneA, at: window.start))
            #expect(
                schedule.isDown(
                    Self.zoneA,
                    at: window.start + SimDuration(nanoseconds: window.duration.nanoseconds / 2)
                )
            )
            #expect(!schedule.isDown(Self.zoneA, at: window.end))
        }
    }

    @Test("random windows are deterministic per seed and independent of other targets")
    func determinismAndIndependence() throws {
        let a = try RandomFailureSpec(target: Self.zoneA, mtbfHours: 100, mttrHours: 2)
        let weibull = try WeibullDistribution(shape: 0.7, scale: 50 * 3600)
        let b = try RandomFailureSpec(
            target: Self.zoneB,
            timeToFailureSeconds: .weibull(weibull),
            timeToRepairSeconds: .exponential(try ExponentialDistribution(mean: 3600))
        )
        let sameAsA = try RandomFailureSpec(target: Self.region, mtbfHours: 100, mttrHours: 2)
        let horizon = SimTime(.hours(100_000))

        let alone = try FailureSchedule(random: [a], seed: 7, horizon: horizon)
        let again = try FailureSchedule(random: [a], seed: 7, horizon: horizon)
        #expect(alone == again)
        #expect(alone.windows(for: Self.zoneA).count > 100)

        // Adding targets (random and planned), in any order, leaves zone A's windows as they were.
        let crowded = try FailureSchedule(
            scheduled: [try outage(Self.link, 3600, 7200)],
            random: [b, sameAsA, a],
            seed: 7,
            horizon: horizon
        )
        #expect(crowded.windows(for: Self.zoneA) == alone.windows(for: Self.zoneA))
        #expect(!crowded.windows(for: Self.zoneB).isEmpty)
        #expect(crowded.windows(for: Self.link) == [window(3600, 7200)])

        // Each target has its own stream: the same spec on another target draws other windows,
        // and another seed draws other windows for the same target.
        #expect(crowded.windows(for: Self.region) != alone.windows(for: Self.zoneA))
        let otherSeed = try FailureSchedule(random: [a], seed: 8, horizon: horizon)
        #expect(otherSeed.windows(for: Self.zoneA) != alone.windows(for: Self.zoneA))

        // The first outage is pinned: a regression in stream naming or sampling changes it.
        let first = try #require(alone.windows(for: Self.zoneA).first)
        var stream = RandomStream(seed: 7, name: "failures/zone:hz-a")
        let up = SimDuration.seconds(try ExponentialDistribution(mean: 100 * 3600).sample(using: &stream))
        let down = SimDuration.seconds(try ExponentialDistribution(mean: 2 * 3600).sample(using: &stream))
        #expect(first == OutageWindow(start: SimTime(up), end: SimTime(up) + down))
    }

    @Test("invalid input throws an error naming the element and the field")
    func invalidInputNamesField() throws {
        func field(
            _ body: () throws -> Void,
            sourceLocation: SourceLocation = #_sourceLocation
        )
            -> String?
        {
            let error = #expect(throws: SpecError.self, sourceLocation: sourceLocation) { try body() }
            return error?.field.description
        }
        #expect(field { _ = try outage(Self.zoneA, 10, 10) } == "for")
        #expect(field { _ = try outage(Self.zoneA, 10, 5) } == "for")
        #expect(field { _ = try ScheduledOutage(target: Self.zoneA, start: at(-1), end: at(5)) } == "at")
        #expect(field { _ = try outage(.edgeSite(""), 1, 2) } == "edge_site")
        #expect(field { _ = try ScheduledOutage(target: Self.zoneA, start: at(3), duration: .zero) } == "for")

        let exponential = SampledDistribution.exponential(try ExponentialDistribution(mean: 60))
        let normal = SampledDistribution.normal(try NormalDistribution(mean: 60, standardDeviation: 10))
        #expect(
            field {
                _ = try RandomFailureSpec(
                    target: Self.zoneA,
                    timeToFailureSeconds: normal,
                    timeToRepairSeconds: exponential
                )
            } == "mtbf"
        )
        #expect(
            field {
                _ = try RandomFailureSpec(
                    target: Self.zoneA,
                    timeToFailureSeconds: exponential,
                    timeToRepairSeconds: .constant(try ConstantDistribution(0))
                )
            } == "mttr"
        )
        #expect(
            field { _ = try RandomFailureSpec(target: Self.zoneA, mtbfHours: 100, mttrHours: 0) }
                == "mttr"
        )
        #expect(
            field { _ = try RandomFailureSpec(target: Self.zoneA, mtbfHours: .nan, mttrHours: 1) }
                == "mtbf"
        )
        #expect(field { _ = try RandomFailureSpec(target: .link(""), mtbfHours: 1, mttrHours: 1) } == "link")

        let spec = try RandomFailureSpec(target: Self.zoneA, mtbfHours: 100, mttrHours: 2)
        #expect(field { _ = try FailureSchedule(seed: 1, horizon: .zero) } == "duration")
        let twice = #expect(throws: SpecError.self) {
            try FailureSchedule(random: [spec, spec], seed: 1, horizon: at(10))
        }
        #expect(twice?.element == .randomFailure(1, of: Self.zoneA) && twice?.field == .zone)

        let error = #expect(throws: SpecError.self) { try outage(Self.zoneA, 10, 10) }
        #expect(error?.element.kind == .outage && error?.element.name == "zone hz-a")
        #expect(error?.description == "outage 'zone hz-a': for: must be greater than 0, got 0 s")
    }
}
