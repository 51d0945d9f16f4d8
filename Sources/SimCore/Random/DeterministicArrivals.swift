/// Evenly spaced arrival times at a rate that follows a ``RateProfile``.
///
/// Arrival k (k = 1, 2, …) comes at the instant t_k where the profile's integral from time
/// zero, Λ(t) = ∫₀ᵗ λ, reaches k − u, with u drawn once uniform on [0, 1) (the phase, so that
/// two such processes at the same rate are not in lockstep). This is the deterministic unit-rate
/// process seen through the time change Λ, the same change that turns a unit Poisson process
/// into a non-homogeneous one: at a constant rate r the gaps are exactly 1 / r; on a diurnal
/// curve the gap at time t is about 1 / λ(t); under a flash peak of ×m they shrink m-fold; where
/// λ is zero (a peak of ×0) no arrival comes, and the count resumes where it stopped. Any
/// window [a, b) holds ⌊Λ(b) + u⌋ − ⌊Λ(a) + u⌋ arrivals, within 1 of its expected count; at
/// a constant rate, a window of n / r holds exactly n.
///
/// Times are computed from the start of the current piece of the profile (not by adding
/// rounded gaps), so rounding to the nanosecond never accumulates.
public struct DeterministicArrivals: Sendable {
    /// The rate profile the arrivals follow.
    public let profile: RateProfile
    /// The piece of the profile the next arrival is sought in.
    private var piece: RateProfile.Piece
    /// Where the integral ``target`` is measured from: the piece's start, or the start time.
    private var anchor: SimTime
    /// The rate at ``anchor``, in arrivals per second.
    private var anchorRate: Double
    /// The integral of the rate from ``anchor`` to the next arrival.
    private var target: Double
    /// The last arrival returned, so results never go backwards by rounding.
    private var last: SimTime

    /// Arrivals following `profile` from `start`, the first one when Λ reaches 1 − `phase`.
    ///
    /// - Parameter phase: In [0, 1); draw it uniform for a stationary process.
    public init(profile: RateProfile, from start: SimTime = .zero, phase: Double) {
        precondition(phase >= 0 && phase < 1, "phase must lie in [0, 1), got \(phase)")
        self.profile = profile
        self.piece = profile.piece(at: start)
        self.anchor = start
        self.anchorRate = piece.rate(at: start)
        self.target = 1 - phase
        self.last = start
    }

    /// The next arrival, or nil if the profile never accumulates another whole arrival.
    ///
    /// - Complexity: O(1) within a piece; O(log s + log p) per piece boundary crossed.
    public mutating func next() -> SimTime? {
        // A profile that is zero everywhere (a silent periodic curve) never accumulates one.
        guard profile.maxRate > 0 else { return nil }
        while true {
            if piece.end == .distantFuture {
                guard anchorRate > 0 else { return nil }
                return emit(at: anchor + .seconds(target / anchorRate))
            }
            let length = (piece.end - anchor).seconds
            let mass = 0.5 * (anchorRate + piece.endRate) * length
            if target < mass {
                let slope = (piece.endRate - anchorRate) / length
                // Solve anchorRate·x + slope·x²/2 = target for x in the stable form.
                let root = Swift.max(0, anchorRate * anchorRate + 2 * slope * target).squareRoot()
                let offset = slope == 0 ? target / anchorRate : 2 * target / (anchorRate + root)
                // Rounded onto the boundary, the arrival comes at the piece's end.
                return emit(at: Swift.min(anchor + .seconds(offset), piece.end))
            }
            target -= mass
            anchor = piece.end
            piece = profile.piece(at: anchor)
            anchorRate = piece.startRate
        }
    }

    /// Returns the arrival at `time` (never before the last) and sets the next target.
    private mutating func emit(at time: SimTime) -> SimTime {
        let time = Swift.max(last, time)
        last = time
        target += 1
        return time
    }
}
