/// Walks one ``ArrivalProcess``: the next instant at which arrivals happen, and how many.
///
/// A value with one stored state per kind of process, dispatched by a switch over a trivial
/// tag: no existential, no closure, and nothing allocated per arrival (the profile's arrays
/// are shared, never copied). Arrival times are drawn from the stream the caller passes
/// (a demand's own); whatever else a process draws (the deterministic phase is the first
/// draw of the caller's stream; batch sizes, on/off periods) comes from the `auxiliary`
/// stream given at creation, so changing a batch size or a period moves no arrival time
/// drawn before it matters.
///
/// An ``ArrivalProcess/poisson`` generator draws exactly what
/// ``NonHomogeneousPoissonArrivals`` draws, in the same order: replacing one by the other
/// changes no result.
public struct ArrivalGenerator: Sendable {
    /// Which state below is in use.
    private enum Tag: Sendable {
        case poisson
        case deterministic
        case batch
        case onOff
        case burst
    }

    /// The process this generator walks.
    public let process: ArrivalProcess
    private let tag: Tag
    /// Poisson arrivals or batch epochs (the profile divided by the mean batch size).
    private var poisson: NonHomogeneousPoissonArrivals?
    /// Deterministic arrivals, once the phase is drawn.
    private var deterministic: DeterministicArrivals?
    /// On/off arrivals.
    private var onOff: OnOffArrivals?
    /// The batch sizes' distribution.
    private var batchSize = BatchSize.fixed(1)
    /// The stream batch sizes are drawn from.
    private var auxiliary: RandomStream
    /// The profile (kept for the deterministic process until its phase is drawn).
    private let profile: RateProfile
    /// The last epoch returned, or time zero.
    private var clock: SimTime
    /// Whether a burst has been returned.
    private var done = false

    /// A generator of `process`, following `profile` (ignored by a burst) from time zero.
    ///
    /// - Parameter auxiliary: The stream for batch sizes and on/off periods, owned by the
    ///   generator from now on; unused by the other processes.
    /// - Precondition: the process's parameters are valid (batch sizes and means ≥ 1, on and
    ///   off means > 0, off level in 0...1, burst count ≥ 1 at a time ≥ 0); a model checks
    ///   them before it builds generators.
    public init(process: ArrivalProcess, profile: RateProfile, auxiliary: RandomStream) {
        self.process = process
        self.profile = profile
        self.auxiliary = auxiliary
        self.clock = .zero
        switch process {
        case .poisson:
            tag = .poisson
            poisson = NonHomogeneousPoissonArrivals(profile: profile)
        case .deterministic:
            tag = .deterministic
        case .batch(let size):
            precondition(size.mean >= 1, "a batch's mean size must be at least 1, got \(size.mean)")
            if case .fixed(let n) = size { precondition(n >= 1, "a fixed batch size must be at least 1, got \(n)") }
            tag = .batch
            batchSize = size
            poisson = NonHomogeneousPoissonArrivals(profile: profile.scaled(by: 1 / size.mean))
        case .onOff(let modulation):
            tag = .onOff
            onOff = OnOffArrivals(profile: profile, modulation: modulation, switching: auxiliary)
        case .burst(let count, let at):
            precondition(count >= 1 && at >= .zero, "a burst needs a count >= 1 at a time >= 0")
            tag = .burst
        }
    }

    /// The next epoch after the last one (the first after time zero on the first call), or
    /// nil when the process has no more arrivals.
    ///
    /// - Complexity: O(1) expected per epoch, plus the profile's piece lookups.
    public mutating func next(using stream: inout RandomStream) -> ArrivalEpoch? {
        switch tag {
        case .poisson:
            guard let time = poisson?.nextArrival(after: clock, using: &stream) else { return nil }
            clock = time
            return ArrivalEpoch(time: time, count: 1)
        case .deterministic:
            if deterministic == nil {
                deterministic = DeterministicArrivals(profile: profile, phase: stream.nextUnit())
            }
            guard let time = deterministic?.next() else { return nil }
            clock = time
            return ArrivalEpoch(time: time, count: 1)
        case .batch:
            guard let time = poisson?.nextArrival(after: clock, using: &stream) else { return nil }
            clock = time
            return ArrivalEpoch(time: time, count: batchSize.sample(using: &auxiliary))
        case .onOff:
            guard let time = onOff?.next(using: &stream) else { return nil }
            clock = time
            return ArrivalEpoch(time: time, count: 1)
        case .burst:
            guard !done, case .burst(let count, let at) = process else { return nil }
            done = true
            clock = at
            return ArrivalEpoch(time: at, count: UInt32(clamping: count))
        }
    }
}
