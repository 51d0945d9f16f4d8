/// How the arrivals of one stream of work are spread in time around their rate profile.
///
/// Every process but ``burst(count:at:)`` follows a ``RateProfile`` λ(t) and keeps its long-run
/// mean: over any span, the expected number of arrivals is the integral of λ, whatever the
/// process. They differ in how the arrivals bunch:
///
/// - ``poisson``: a non-homogeneous Poisson process at λ(t) (``NonHomogeneousPoissonArrivals``).
/// - ``deterministic``: evenly spaced; arrival k comes when the integral of λ from zero
///   reaches k − u, u drawn once uniform on [0, 1) (``DeterministicArrivals``).
/// - ``batch(_:)``: batches arrive as a Poisson process at λ(t) / E[B], each of B arrivals at
///   the same instant, B drawn from ``BatchSize``.
/// - ``onOff(_:)``: a two-state Markov-modulated Poisson process (``OnOffArrivals``).
/// - ``burst(count:at:)``: `count` arrivals at one instant and none else; it has no profile.
public enum ArrivalProcess: Hashable, Sendable {
    /// A non-homogeneous Poisson process at the profile's rate.
    case poisson
    /// Evenly spaced arrivals at the profile's rate (a time-changed deterministic process).
    case deterministic
    /// Compound Poisson: batches at rate / E[B], each of B simultaneous arrivals.
    case batch(BatchSize)
    /// Markov-modulated Poisson, on and off periods exponential with the given means.
    case onOff(OnOffModulation)
    /// `count` arrivals (≥ 1) at the instant `at` (≥ 0), and nothing else.
    case burst(count: Int, at: SimTime)

    /// Whether the process follows a rate profile (every process but a burst).
    public var followsProfile: Bool {
        if case .burst = self { return false }
        return true
    }

    /// The process as a scenario file would spell it: `poisson`, `deterministic`,
    /// `batch (geometric, mean 4)`, `on-off (on 1 s, off 4 s, off level 0.1)`,
    /// `burst (10000 at 300 s)`.
    public var summary: String {
        switch self {
        case .poisson: "poisson"
        case .deterministic: "deterministic"
        case .batch(let size): "batch (\(size.summary))"
        case .onOff(let modulation):
            "on-off (on \(modulation.meanOn), off \(modulation.meanOff)"
                + (modulation.offLevel > 0 ? ", off level \(DistributionError.format(modulation.offLevel)))" : ")")
        case .burst(let count, let at): "burst (\(count) at \(at.sinceStart))"
        }
    }
}

/// The number of arrivals in one batch of a batch Poisson process.
public enum BatchSize: Hashable, Sendable {
    /// Always `n` (≥ 1).
    case fixed(Int)
    /// Geometric on 1, 2, 3, … with the given mean (≥ 1): P(B = k) = (1 − p)^(k−1) p, p = 1 / mean.
    case geometric(mean: Double)

    /// E[B], in arrivals per batch.
    public var mean: Double {
        switch self {
        case .fixed(let n): Double(n)
        case .geometric(let mean): mean
        }
    }

    /// E[B²]: n² for a fixed size, (2 − p) / p² for a geometric one.
    public var secondMoment: Double {
        switch self {
        case .fixed(let n): Double(n) * Double(n)
        case .geometric(let mean):
            (2 - 1 / mean) * mean * mean
        }
    }

    /// `fixed 8` or `geometric, mean 4`.
    public var summary: String {
        switch self {
        case .fixed(let n): "fixed \(n)"
        case .geometric(let mean): "geometric, mean \(DistributionError.format(mean))"
        }
    }

    /// One batch size, at least 1 and at most `UInt32.max`.
    ///
    /// A geometric size is drawn by inversion, 1 + ⌊ln U / ln(1 − p)⌋ with U uniform on
    /// (0, 1]: one draw and one logarithm (none when the mean is 1).
    ///
    /// - Complexity: O(1).
    public func sample(using stream: inout RandomStream) -> UInt32 {
        switch self {
        case .fixed(let n):
            return UInt32(clamping: n)
        case .geometric(let mean):
            guard mean > 1 else { return 1 }
            let extra = naturalLog(stream.nextOpenUnit()) / naturalLog(1 - 1 / mean)
            return extra < Double(UInt32.max - 1) ? 1 + UInt32(extra) : UInt32.max
        }
    }
}

/// The on and off periods of a two-state Markov-modulated Poisson process.
///
/// Periods are exponential with means ``meanOn`` and ``meanOff``. While on, arrivals come at
/// λ(t) × ``onFactor``; while off, at ``offLevel`` times that; ``onFactor`` =
/// (on + off) / (on + level × off) keeps the long-run mean at λ(t).
public struct OnOffModulation: Hashable, Sendable {
    /// The mean length of an on period (> 0).
    public var meanOn: SimDuration
    /// The mean length of an off period (> 0).
    public var meanOff: SimDuration
    /// The rate while off as a fraction of the rate while on, in 0...1 (0: silent).
    public var offLevel: Double

    /// On periods of mean `meanOn`, off periods of mean `meanOff`, off at `offLevel` of the on rate.
    public init(meanOn: SimDuration, meanOff: SimDuration, offLevel: Double = 0) {
        self.meanOn = meanOn
        self.meanOff = meanOff
        self.offLevel = offLevel
    }

    /// The long-run fraction of time spent on: on / (on + off).
    public var onFraction: Double {
        meanOn.seconds / (meanOn.seconds + meanOff.seconds)
    }

    /// The factor the profile's rate is multiplied by while on: (on + off) / (on + level × off).
    public var onFactor: Double {
        (meanOn.seconds + meanOff.seconds) / (meanOn.seconds + offLevel * meanOff.seconds)
    }
}

/// A point of an arrival process: when, and how many arrivals at that instant (≥ 1).
public struct ArrivalEpoch: Hashable, Sendable {
    /// When the arrivals happen.
    public var time: SimTime
    /// How many arrive at that instant: 1 except in batches and bursts.
    public var count: UInt32

    /// `count` arrivals at `time`.
    public init(time: SimTime, count: UInt32) {
        self.time = time
        self.count = count
    }
}
