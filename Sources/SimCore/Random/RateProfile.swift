/// An arrival rate that changes over simulated time: a piecewise curve, optionally repeating
/// (a 24-hour diurnal cycle), with flash peaks that multiply it over given windows.
///
/// The curve is a list of segments, each a start offset and a rate in arrivals per second.
/// With ``Shape/steps`` (the default) the rate is constant from one segment's start to the
/// next; with ``Shape/linear`` it moves in a straight line from each segment's rate to the
/// next one's (a periodic curve wraps from its last segment back to the first at the end of
/// the period; a non-periodic one stays at its last rate). Without a period the last
/// segment lasts forever and the first also covers times before zero; with one, offsets are
/// taken modulo the period, so the curve repeats from time zero on.
///
/// Peaks are absolute windows of simulated time (they do not repeat) during which the rate
/// is multiplied by the peak's multiplier; overlapping peaks multiply together. A multiplier
/// below 1 models a dip, 0 an outage.
public struct RateProfile: Hashable, Sendable {
    /// One segment of the curve: from `start` on, the rate is `ratePerSecond`.
    public struct Segment: Hashable, Sendable {
        /// When the segment starts, as an offset from time zero (or from the start of each
        /// period).
        public var start: SimDuration
        /// The rate at the start of the segment, in arrivals per second (>= 0).
        public var ratePerSecond: Double

        /// A segment that starts `start` into the profile with rate `ratePerSecond`
        /// (arrivals per second).
        public init(start: SimDuration, ratePerSecond: Double) {
            self.start = start
            self.ratePerSecond = ratePerSecond
        }
    }

    /// A window of simulated time during which the rate is multiplied: a flash crowd.
    public struct Peak: Hashable, Sendable {
        /// When the peak starts (absolute simulated time).
        public var start: SimTime
        /// How long it lasts (> 0).
        public var duration: SimDuration
        /// The factor applied to the rate during the window (>= 0; 100 means 100 times).
        public var multiplier: Double

        /// A peak multiplying the rate by `multiplier` on `start ..< start + duration`.
        public init(start: SimTime, duration: SimDuration, multiplier: Double) {
            self.start = start
            self.duration = duration
            self.multiplier = multiplier
        }
    }

    /// How the rate moves between segment starts.
    public enum Shape: Hashable, Sendable {
        /// Constant from one start to the next (piecewise constant).
        case steps
        /// A straight line from one segment's rate to the next (piecewise linear).
        case linear
    }

    /// A maximal interval of time on which the rate is affine: constant for ``Shape/steps``.
    ///
    /// The rate goes from `startRate` at `start` to `endRate` just before `end`; pieces
    /// that never end (`end == .distantFuture`) are constant.
    struct Piece: Hashable, Sendable {
        var start: SimTime
        var end: SimTime
        var startRate: Double
        var endRate: Double

        /// The rate at `time`, which must lie in `start ..< end`.
        func rate(at time: SimTime) -> Double {
            if startRate == endRate { return startRate }
            let fraction = Double(time.nanoseconds &- start.nanoseconds) / Double(end.nanoseconds &- start.nanoseconds)
            return startRate + (endRate - startRate) * fraction
        }

        /// The largest rate on `time ..< end`: the rate is affine, so it is at one end.
        func maxRate(from time: SimTime) -> Double {
            Swift.max(rate(at: time), endRate)
        }

        /// The integral of the rate over `start ..< end`, in arrivals (the trapezoid).
        var expectedCount: Double {
            0.5 * (startRate + endRate) * (end - start).seconds
        }
    }

    /// The segments, in increasing order of start; the first starts at zero.
    public let segments: [Segment]
    /// The length of one cycle when the curve repeats; nil when it does not.
    public let period: SimDuration?
    /// The flash peaks, in the order given.
    public let peaks: [Peak]
    /// How the rate moves between segment starts.
    public let shape: Shape
    /// The largest rate the profile reaches at any time, in arrivals per second (peaks
    /// included). Zero means no arrivals ever.
    public private(set) var maxRate: Double
    /// Sorted, distinct instants where some peak starts or ends.
    let peakBoundaries: [Int64]
    /// `peakMultipliers[i]` applies on `peakBoundaries[i] ..< peakBoundaries[i + 1]`;
    /// the product is 1 before the first boundary and after the last.
    let peakMultipliers: [Double]

    /// A rate profile from `segments`, repeating every `period` if given, with `peaks`.
    ///
    /// - Parameters:
    ///   - segments: At least one; the first starts at zero; starts strictly increase;
    ///     rates are finite and >= 0 (arrivals per second).
    ///   - period: The cycle length, greater than the last segment's start; nil for a
    ///     curve that does not repeat.
    ///   - peaks: Windows with a positive duration and a finite multiplier >= 0.
    ///   - shape: Steps (the default) or straight lines between segment starts.
    /// - Throws: ``DistributionError`` naming the first offending parameter.
    /// - Complexity: O(s log s + p log p) for s segments and p peaks.
    public init(
        segments: [Segment],
        period: SimDuration? = nil,
        peaks: [Peak] = [],
        shape: Shape = .steps
    ) throws(DistributionError) {
        guard let first = segments.first else {
            throw DistributionError(parameter: "segments", problem: "must not be empty")
        }
        guard first.start == .zero else {
            throw DistributionError(parameter: "segments[0].start", problem: "must be zero, got \(first.start)")
        }
        for (index, segment) in segments.enumerated() {
            try DistributionError.requireNonNegative(segment.ratePerSecond, "segments[\(index)].ratePerSecond")
            if index > 0, segment.start <= segments[index - 1].start {
                throw DistributionError(
                    parameter: "segments[\(index)].start",
                    problem: "must be later than the previous start (\(segments[index - 1].start)), "
                        + "got \(segment.start)"
                )
            }
        }
        if let period, let last = segments.last, period <= last.start {
            throw DistributionError(
                parameter: "period",
                problem: "must be longer than the last segment's start (\(last.start)), got \(period)"
            )
        }
        for (index, peak) in peaks.enumerated() {
            guard peak.duration > .zero else {
                throw DistributionError(
                    parameter: "peaks[\(index)].duration",
                    problem: "must be positive, got \(peak.duration)"
                )
            }
            try DistributionError.requireNonNegative(peak.multiplier, "peaks[\(index)].multiplier")
        }
        self.segments = segments
        self.period = period
        self.peaks = peaks
        self.shape = shape

        var sortedBoundaries: [Int64] = []
        for boundary in peaks.flatMap({ [$0.start.nanoseconds, ($0.start + $0.duration).nanoseconds] }).sorted()
        where sortedBoundaries.last != boundary {
            sortedBoundaries.append(boundary)
        }
        self.peakBoundaries = sortedBoundaries
        self.peakMultipliers = Self.peakMultipliers(peaks, boundaries: sortedBoundaries)
        self.maxRate = 0
        self.maxRate = computeMaxRate()
    }

    /// A profile with the same rate forever, in arrivals per second.
    ///
    /// - Throws: ``DistributionError`` if the rate is negative or not finite.
    public static func constant(ratePerSecond: Double) throws(DistributionError) -> RateProfile {
        try RateProfile(segments: [Segment(start: .zero, ratePerSecond: ratePerSecond)])
    }

    /// The rate at `time`, in arrivals per second, peaks included.
    ///
    /// - Complexity: O(log s + log p) for s segments and p peak boundaries.
    public func rate(at time: SimTime) -> Double {
        piece(at: time).rate(at: time)
    }

    /// The expected number of arrivals on `start ..< end`: the integral of the rate.
    ///
    /// - Complexity: O(number of pieces the interval crosses): segments, periods and peak
    ///   boundaries.
    public func expectedCount(from start: SimTime, to end: SimTime) -> Double {
        var total = 0.0
        var time = start
        while time < end {
            let current = piece(at: time)
            let pieceEnd = Swift.min(current.end, end)
            let clipped = Piece(
                start: time,
                end: pieceEnd,
                startRate: current.rate(at: time),
                endRate: pieceEnd == current.end ? current.endRate : current.rate(at: pieceEnd)
            )
            total += clipped.expectedCount
            time = pieceEnd
        }
        return total
    }

    /// The maximal piece containing `time` on which the rate (peaks included) is affine.
    ///
    /// - Complexity: O(log s + log p).
    func piece(at time: SimTime) -> Piece {
        var piece = basePiece(at: time)
        guard !peakBoundaries.isEmpty else { return piece }
        // The peak interval containing time: boundaries[index - 1] <= time < boundaries[index].
        let t = time.nanoseconds
        var low = 0
        var high = peakBoundaries.count
        while low < high {
            let middle = (low + high) / 2
            if peakBoundaries[middle] > t { high = middle } else { low = middle + 1 }
        }
        let multiplier = low == 0 ? 1 : peakMultipliers[low - 1]
        let peakStart = low == 0 ? Int64.min : peakBoundaries[low - 1]
        let peakEnd = low == peakBoundaries.count ? Int64.max : peakBoundaries[low]
        let start = SimTime(nanoseconds: Swift.max(piece.start.nanoseconds, peakStart))
        let end = SimTime(nanoseconds: Swift.min(piece.end.nanoseconds, peakEnd))
        let startRate = piece.rate(at: start)
        let endRate = end == piece.end ? piece.endRate : piece.rate(at: end)
        piece = Piece(start: start, end: end, startRate: startRate * multiplier, endRate: endRate * multiplier)
        return piece
    }

    /// The piece of the curve without peaks that contains `time`: one segment (of one period).
    func basePiece(at time: SimTime) -> Piece {
        let t = time.nanoseconds
        var cycleStart: Int64 = 0
        var offset = t
        if let period {
            let length = period.nanoseconds
            var cycles = t / length
            if t % length < 0 { cycles -= 1 }
            cycleStart = cycles * length
            offset = t - cycleStart
        } else if t < 0 {
            let rate = segments[0].ratePerSecond
            return Piece(start: SimTime(nanoseconds: .min), end: .zero, startRate: rate, endRate: rate)
        }
        // The last segment whose start is at or before offset.
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].start.nanoseconds > offset { high = middle } else { low = middle + 1 }
        }
        let index = low - 1
        let rate = segments[index].ratePerSecond
        let start = SimTime(nanoseconds: cycleStart) + segments[index].start
        let end: SimTime
        let nextRate: Double
        if index + 1 < segments.count {
            end = SimTime(nanoseconds: cycleStart) + segments[index + 1].start
            nextRate = segments[index + 1].ratePerSecond
        } else if let period {
            end = SimTime(nanoseconds: cycleStart) + period
            nextRate = segments[0].ratePerSecond
        } else {
            return Piece(start: start, end: .distantFuture, startRate: rate, endRate: rate)
        }
        switch shape {
        case .steps: return Piece(start: start, end: end, startRate: rate, endRate: rate)
        case .linear: return Piece(start: start, end: end, startRate: rate, endRate: nextRate)
        }
    }

    /// The exact maximum of the rate over all time (used once, by the initialiser).
    private func computeMaxRate() -> Double {
        let baseMax = segments.map(\.ratePerSecond).max() ?? 0
        guard !peakBoundaries.isEmpty else { return baseMax }
        // Outside every peak window the multiplier is 1: before the first boundary, after
        // the last, and in gaps between windows (multiplier 1 in the table).
        let first = SimTime(nanoseconds: peakBoundaries[0])
        let last = SimTime(nanoseconds: peakBoundaries[peakBoundaries.count - 1])
        var best = Swift.max(
            maxBaseRate(from: SimTime(nanoseconds: .min), to: first),
            maxBaseRate(from: last, to: .distantFuture)
        )
        for index in 0..<(peakBoundaries.count - 1) {
            let from = SimTime(nanoseconds: peakBoundaries[index])
            let to = SimTime(nanoseconds: peakBoundaries[index + 1])
            best = Swift.max(best, peakMultipliers[index] * maxBaseRate(from: from, to: to))
        }
        return best
    }

    /// The largest rate of the curve without peaks on `from ..< to`.
    private func maxBaseRate(from: SimTime, to: SimTime) -> Double {
        guard from < to else { return 0 }
        if let period, (to - from) >= period {
            return segments.map(\.ratePerSecond).max() ?? 0
        }
        var best = 0.0
        var time = from
        while time < to {
            let piece = basePiece(at: time)
            best = Swift.max(best, piece.maxRate(from: time))
            time = piece.end
        }
        return best
    }
}
