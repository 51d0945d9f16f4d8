/// Arrival times of a two-state Markov-modulated Poisson process (on/off bursts) whose
/// long-run rate follows a ``RateProfile``.
///
/// A hidden switch alternates between on and off, each period exponential with the means of
/// its ``OnOffModulation``; it starts in its stationary state (on with probability
/// on / (on + off)). While on, arrivals are Poisson at λ(t) × ``OnOffModulation/onFactor``;
/// while off, at ``OnOffModulation/offLevel`` times that. Averaged over the switch, the rate
/// is λ(t): a scenario's `rate`, diurnal curve and peaks keep their meaning, and only the
/// bunching changes. The periods do not depend on the profile.
///
/// Arrivals are drawn from the caller's stream (thinning of the profile, as
/// ``NonHomogeneousPoissonArrivals`` does), the periods from the process's own `switching`
/// stream, so a change of the periods moves no arrival draw until the first switch it
/// changes. A candidate arrival past the end of the current period is dropped and generation
/// restarts at the switch, which is exact because Poisson arrivals are memoryless.
public struct OnOffArrivals: Sendable {
    /// The on and off periods.
    public let modulation: OnOffModulation
    /// Arrivals while on: the profile scaled by the on factor.
    private var onArrivals: NonHomogeneousPoissonArrivals
    /// Arrivals while off: scaled by the on factor and the off level; nil when silent.
    private var offArrivals: NonHomogeneousPoissonArrivals?
    /// The stream the periods are drawn from.
    private var switching: RandomStream
    /// Whether the switch is on.
    private var isOn: Bool
    /// When the current period ends.
    private var switchAt: SimTime
    /// The last arrival, or the last switch passed.
    private var clock: SimTime

    /// Arrivals whose long-run rate is `profile`, modulated by `modulation`, from `start`.
    ///
    /// - Parameters:
    ///   - switching: The stream the initial state and the periods are drawn from; owned by
    ///     the process from now on.
    /// - Precondition: both means positive, the off level in 0...1.
    public init(profile: RateProfile, modulation: OnOffModulation, switching: RandomStream, from start: SimTime = .zero)
    {
        precondition(modulation.meanOn > .zero && modulation.meanOff > .zero, "on and off means must be positive")
        precondition(modulation.offLevel >= 0 && modulation.offLevel <= 1, "the off level must lie in 0...1")
        self.modulation = modulation
        let factor = modulation.onFactor
        self.onArrivals = NonHomogeneousPoissonArrivals(profile: profile.scaled(by: factor))
        self.offArrivals =
            modulation.offLevel > 0
            ? NonHomogeneousPoissonArrivals(profile: profile.scaled(by: factor * modulation.offLevel)) : nil
        self.switching = switching
        self.isOn = self.switching.nextUnit() < modulation.onFraction
        self.clock = start
        self.switchAt = start
        self.switchAt = start + period()
    }

    /// The next arrival, drawing from `stream`, or nil if the rate is zero from now on forever.
    ///
    /// - Complexity: O(1) expected per arrival and per switch passed, plus the profile's
    ///   piece lookups (see ``NonHomogeneousPoissonArrivals/nextArrival(after:using:)``).
    public mutating func next(using stream: inout RandomStream) -> SimTime? {
        while true {
            let candidate: SimTime?
            if isOn {
                candidate = onArrivals.nextArrival(after: clock, using: &stream)
                guard candidate != nil else { return nil }
            } else if offArrivals != nil {
                candidate = offArrivals?.nextArrival(after: clock, using: &stream)
                guard candidate != nil else { return nil }
            } else {
                candidate = nil
            }
            if let candidate, candidate < switchAt {
                clock = candidate
                return candidate
            }
            clock = switchAt
            isOn.toggle()
            switchAt = clock + period()
        }
    }

    /// A fresh period of the current state: exponential with its mean, at least 1 ns.
    private mutating func period() -> SimDuration {
        let mean = isOn ? modulation.meanOn : modulation.meanOff
        let length = SimDuration.seconds(ExponentialDistribution.standardSample(using: &switching) * mean.seconds)
        return Swift.max(.nanoseconds(1), length)
    }
}
