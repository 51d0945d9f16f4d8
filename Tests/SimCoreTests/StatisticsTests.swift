import Testing

@testable import SimCore

/// The instant `seconds` after time zero.
private func at(_ seconds: Int64) -> SimTime { SimTime(.seconds(seconds)) }

@Suite("Statistic: counters")
struct CounterStatisticTests {
    @Test("a counter's rate is its count per second of simulated time")
    func rateIsCountPerSecond() {
        var counter = Counter()
        for _ in 0..<30 { counter.increment() }
        counter.add(20)
        #expect(counter.count == 50)
        #expect(counter.rate(over: .seconds(10)) == 5)
        #expect(counter.rate(over: .milliseconds(500)) == 100)
    }

    @Test("merging counters adds their counts and reset starts over")
    func mergeAddsAndResetClears() {
        var a = Counter(7)
        a.merge(Counter(5))
        #expect(a.count == 12)
        a.reset()
        #expect(a == Counter())
    }
}

@Suite("Statistic: time-weighted mean")
struct TimeWeightedMeanStatisticTests {
    @Test("the mean of a step signal is its exact area over the window")
    func stepSignalMeanIsExact() {
        // 0 on [0, 2 s), 4 on [2 s, 5 s), 1 on [5 s, 10 s): area 17 over 10 s.
        var signal = TimeWeightedMean(initialValue: 0, at: .zero)
        signal.record(4, at: at(2))
        signal.record(1, at: at(5))
        #expect(signal.mean(until: at(10)) == 1.7)
        #expect(signal.integral(until: at(10)) == 17)
        #expect(signal.min == 0)
        #expect(signal.max == 4)
        #expect(signal.current == 1)
    }

    @Test("nanosecond steps are accounted exactly")
    func nanosecondStepsAreExact() {
        var signal = TimeWeightedMean(initialValue: 1, at: SimTime(nanoseconds: 3))
        signal.record(3, at: SimTime(nanoseconds: 4))
        signal.record(0, at: SimTime(nanoseconds: 7))
        // 1 × 1 ns + 3 × 3 ns + 0 × 2 ns over 6 ns.
        #expect(signal.mean(until: SimTime(nanoseconds: 9)) == 10.0 / 6.0)
    }

    @Test("only the last of several records at one instant holds")
    func lastRecordAtAnInstantHolds() {
        var signal = TimeWeightedMean(initialValue: 2, at: .zero)
        signal.record(100, at: at(1))
        signal.record(4, at: at(1))
        #expect(signal.mean(until: at(2)) == 3)
        #expect(signal.max == 100)
    }

    @Test("reset drops the warm-up area but keeps the current value")
    func resetDropsTheWarmUp() {
        var queue = TimeWeightedMean(initialValue: 10, at: .zero)
        queue.record(2, at: at(5))
        queue.reset(at: at(6))
        #expect(queue.start == at(6))
        #expect(queue.min == 2)
        #expect(queue.max == 2)
        queue.record(6, at: at(8))
        // 2 on [6 s, 8 s), 6 on [8 s, 10 s).
        #expect(queue.mean(until: at(10)) == 4)
    }

    @Test("an empty window has the current value as its mean")
    func emptyWindowMeanIsCurrentValue() {
        let signal = TimeWeightedMean(initialValue: 7, at: at(3))
        #expect(signal.mean(until: at(3)) == 7)
    }
}

@Suite("Statistic: interval series")
struct IntervalSeriesStatisticTests {
    @Test("observations land in the interval that holds their time, and skipped intervals are empty")
    func skippedIntervalsAreEmpty() {
        var series = IntervalSeries(interval: .seconds(10))
        series.record(2, at: at(0))
        series.record(4, at: at(9))
        series.record(5, at: at(10))
        series.record(1, at: at(47))  // skips [20 s, 30 s) and [30 s, 40 s)
        series.record(3, at: at(49))
        let points = series.points(until: at(60))
        #expect(points.map(\.start) == [at(0), at(10), at(20), at(30), at(40), at(50)])
        #expect(points.map(\.count) == [2, 1, 0, 0, 2, 0])
        #expect(points.map(\.sum) == [6, 5, 0, 0, 4, 0])
        #expect(points.map(\.mean) == [3, 5, nil, nil, 2, nil])
        #expect(points.map(\.rate) == [0.2, 0.1, 0, 0, 0.2, 0])
        #expect(points.map(\.sumRate) == [0.6, 0.5, 0, 0, 0.4, 0])
        #expect(points.allSatisfy { $0.length == .seconds(10) })
        #expect(series.totalCount == 5)
        #expect(series.totalSum == 15)
    }

    @Test("the last interval is cut at the end and its rate is per its own length")
    func lastIntervalIsPartial() {
        var series = IntervalSeries(interval: .seconds(10), origin: at(100))
        series.record(count: 3, sum: 30, at: at(101))
        series.record(count: 4, sum: 8, at: at(112))
        let points = series.points(until: at(115))
        #expect(points.count == 2)
        #expect(points[0].start == at(100))
        #expect(points[1].length == .seconds(5))
        #expect(points[1].count == 4)
        #expect(points[1].rate == 0.8)
        #expect(points[1].sumRate == 1.6)
        #expect(series.points(until: at(100)).isEmpty)
    }

    @Test("an end on an interval boundary leaves the interval that starts there out")
    func endOnBoundaryExcludesTheNextInterval() {
        var series = IntervalSeries(interval: .seconds(10))
        series.record(1, at: at(5))
        series.record(1, at: at(20))
        #expect(series.points(until: at(20)).map(\.count) == [1, 0])
        #expect(series.points(until: at(21)).map(\.count) == [1, 0, 1])
    }

    @Test("an observation within the open interval may be earlier than the last one")
    func earlierTimeInTheOpenIntervalIsAccepted() {
        var series = IntervalSeries(interval: .seconds(10))
        series.record(1, at: at(18))
        series.record(1, at: at(12))
        #expect(series.points(until: at(20)).map(\.count) == [0, 2])
    }

    @Test("a series with no observations is all zero-count points")
    func emptySeriesHasZeroPoints() {
        let series = IntervalSeries(interval: .milliseconds(250))
        let points = series.points(until: at(1))
        #expect(points.count == 4)
        #expect(points.allSatisfy { $0.count == 0 && $0.sum == 0 })
    }

    @Test("a time-weighted series gives each interval's exact mean, quiet intervals included")
    func timeWeightedSeriesMeans() {
        var online = TimeWeightedSeries(initialValue: 2, interval: .seconds(10))
        online.record(6, at: at(5))  // [0, 10): 2 for 5 s, 6 for 5 s -> 4
        online.record(1, at: at(32))  // [10, 20) and [20, 30) quiet at 6; [30, 40): 6 for 2 s, 1 for 8 s
        online.record(3, at: at(40))  // [40, 50): 3 from its start
        let points = online.points(until: at(55))
        #expect(points.map(\.start) == [at(0), at(10), at(20), at(30), at(40), at(50)])
        #expect(points.map(\.mean) == [4, 6, 6, 2, 3, 3])
        #expect(points.map(\.min) == [2, 6, 6, 1, 3, 3])
        #expect(points.map(\.max) == [6, 6, 6, 6, 3, 3])
        #expect(points.last?.length == .seconds(5))
    }

    @Test("a time-weighted series agrees with a time-weighted mean over the whole run")
    func timeWeightedSeriesAgreesWithTheMean() {
        var series = TimeWeightedSeries(initialValue: 0, interval: .seconds(7))
        var mean = TimeWeightedMean(initialValue: 0, at: .zero)
        var stream = RandomStream(seed: 42, name: "interval series")
        var now = SimTime.zero
        for _ in 0..<500 {
            now += .milliseconds(Int64(stream.next() % 20_000))
            let value = Double(stream.next() % 50)
            series.record(value, at: now)
            mean.record(value, at: now)
        }
        let end = now + .seconds(3)
        let points = series.points(until: end)
        let area = points.reduce(0.0) { $0 + $1.mean * $1.length.seconds }
        #expect(abs(area - mean.integral(until: end)) <= 1e-9 * area)
    }
}

@Suite("Statistic: Welford")
struct WelfordStatisticTests {
    static let data: [Double] = [2, 4, 4, 4, 5, 5, 7, 9, 1e-3, 12.5, -3.25, 8]

    /// Mean and sample variance by the two-pass formula.
    static func twoPass(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, squares / Double(values.count - 1))
    }

    @Test("running mean and variance agree with the two-pass formula")
    func agreesWithTwoPass() {
        let stats = Welford(Self.data)
        let reference = Self.twoPass(Self.data)
        #expect(stats.count == Self.data.count)
        #expect(abs(stats.mean - reference.mean) <= 1e-14 * abs(reference.mean))
        #expect(abs(stats.variance - reference.variance) <= 1e-13 * reference.variance)
        #expect(abs(stats.standardDeviation - reference.variance.squareRoot()) <= 1e-13)
        #expect(stats.min == -3.25)
        #expect(stats.max == 12.5)
    }

    @Test("a textbook data set has mean 5 and population variance 4")
    func textbookValues() {
        let stats = Welford([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(stats.mean == 5)
        #expect(stats.populationVariance == 4)
        #expect(stats.variance == 32.0 / 7.0)
    }

    @Test("merging accumulators equals accumulating the combined stream")
    func mergeEqualsCombinedStream() {
        for split in 0...Self.data.count {
            var left = Welford(Self.data[..<split])
            let right = Welford(Self.data[split...])
            left.merge(right)
            let whole = Welford(Self.data)
            #expect(left.count == whole.count)
            #expect(abs(left.mean - whole.mean) <= 1e-14 * abs(whole.mean), "split \(split)")
            #expect(abs(left.variance - whole.variance) <= 1e-13 * whole.variance, "split \(split)")
            #expect(left.min == whole.min)
            #expect(left.max == whole.max)
        }
    }

    @Test("variance stays accurate for values with a large common offset")
    func largeOffsetIsStable() {
        let stats = Welford([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])
        #expect(stats.mean == 1e9 + 10)
        #expect(stats.variance == 30)
    }

    @Test("fewer than two values have zero variance, and no values leave the extremes open")
    func degenerateCounts() {
        let empty = Welford()
        #expect(empty.count == 0 && empty.mean == 0 && empty.variance == 0)
        #expect(empty.min == .infinity && empty.max == -.infinity)
        let one = Welford([3.5])
        #expect(one.mean == 3.5 && one.variance == 0 && one.standardError == 0)
    }
}

@Suite("Statistic: confidence intervals")
struct ConfidenceIntervalStatisticTests {
    @Test("the interval of 1 to 5 is 3 plus or minus t(0.975, 4) times the standard error")
    func knownSample() {
        let ci = ConfidenceInterval.of([1, 2, 3, 4, 5])
        let expected = 2.776_445_105_197_793 * 2.5.squareRoot() / 5.0.squareRoot()
        #expect(ci.mean == 3)
        #expect(ci.count == 5)
        #expect(ci.level == 0.95)
        #expect(abs(ci.halfWidth - expected) < 1e-12)
        #expect(abs(ci.halfWidth - 1.963_243_161_477_557) < 1e-12)
        #expect(ci.lower == 3 - ci.halfWidth)
        #expect(ci.upper == 3 + ci.halfWidth)
        #expect(ci.excludesZero)
        #expect(ci.contains(1.5) && !ci.contains(0.5))
    }

    @Test("a higher confidence level gives a wider interval")
    func higherLevelIsWider() {
        let values: [Double] = [10.2, 9.8, 11.1, 10.4, 9.5, 10.9]
        let ninety = ConfidenceInterval.of(values, level: 0.90)
        let ninetyNine = ConfidenceInterval.of(values, level: 0.99)
        #expect(ninety.halfWidth < ConfidenceInterval.of(values).halfWidth)
        #expect(ConfidenceInterval.of(values).halfWidth < ninetyNine.halfWidth)
    }

    @Test("one replication gives an infinite half-width that never excludes zero")
    func singleValueIsUnbounded() {
        let ci = ConfidenceInterval.of([42])
        #expect(ci.mean == 42)
        #expect(ci.halfWidth == .infinity)
        #expect(ci.lower == -.infinity && ci.upper == .infinity)
        #expect(!ci.excludesZero)
    }

    @Test("an interval straddling zero does not exclude it")
    func straddlingZero() {
        let ci = ConfidenceInterval.of([-1, 1, -2, 2])
        #expect(ci.mean == 0)
        #expect(!ci.excludesZero)
        #expect(ConfidenceInterval.of([-5, -6, -5.5]).excludesZero)
    }

    @Test("an interval from Welford statistics equals the one from the values")
    func fromWelfordMatchesFromValues() {
        let values: [Double] = [3.1, 2.7, 3.3, 2.9]
        #expect(ConfidenceInterval.of(Welford(values), level: 0.9) == ConfidenceInterval.of(values, level: 0.9))
    }
}

@Suite("Statistic: paired differences")
struct PairedDifferenceStatisticTests {
    @Test("identical arrays differ by exactly zero with zero width")
    func identicalArraysDifferByZero() {
        let values: [Double] = [12.5, 13.25, 11.75, 14.0, 12.0]
        let difference = PairedDifference(baseline: values, alternative: values)
        #expect(difference.meanDifference == 0)
        #expect(difference.halfWidth == 0)
        #expect(difference.interval.lower == 0 && difference.interval.upper == 0)
        #expect(!difference.interval.excludesZero)
        #expect(difference.relativeDifferencePercent == 0)
        #expect(difference.count == 5)
    }

    @Test("the interval is that of the per-replication differences")
    func intervalOfDifferences() {
        let baseline: [Double] = [100, 120, 90, 110]
        let alternative: [Double] = [90, 111, 79, 101]
        let difference = PairedDifference(baseline: baseline, alternative: alternative)
        #expect(difference.interval == ConfidenceInterval.of([-10, -9, -11, -9]))
        #expect(difference.meanDifference == -9.75)
        #expect(difference.baselineMean == 105)
        #expect(difference.alternativeMean == 95.25)
        #expect(difference.interval.excludesZero)
        let relative = difference.relativeDifferencePercent ?? .nan
        #expect(abs(relative - -9.75 / 105 * 100) < 1e-12)
    }

    @Test("pairing removes the common noise that independent intervals keep")
    func pairingIsNarrowerThanIndependentIntervals() {
        let baseline: [Double] = [50, 80, 65, 95, 70]
        let alternative = baseline.map { $0 + 2 }
        let difference = PairedDifference(baseline: baseline, alternative: alternative)
        #expect(difference.meanDifference == 2)
        #expect(difference.halfWidth == 0)
        #expect(ConfidenceInterval.of(baseline).halfWidth > 10)
    }

    @Test("a zero baseline mean has no relative difference")
    func zeroBaselineHasNoRelativeDifference() {
        let difference = PairedDifference(baseline: [1, -1], alternative: [2, 1])
        #expect(difference.relativeDifferencePercent == nil)
        #expect(difference.relativeHalfWidthPercent == nil)
    }
}
