public import SimCore

/// How a request's site is chosen among those that can serve it, are healthy, and are in
/// the population's allowed regions.
public enum RoutingPolicy: Hashable, Sendable {
    /// The site with the lowest network latency from the population.
    case nearestHealthy
    /// The site with the lowest expected response time: round trip plus expected queueing
    /// and service (zones) or transfer (edge sites and pools) at their current load.
    case lowestLatency
    /// Two candidate sites drawn at random; the less loaded one.
    case powerOfTwoChoices
    /// A site drawn at random with probability proportional to its weight, by site name;
    /// sites without a weight are never chosen.
    case weighted([String: Double])
    /// A shared pool when one has a device that can serve (holds the object, or is free for
    /// a job), else the nearest healthy edge site or zone.
    case sharedFirst

    /// The policy's name as a scenario writes it.
    public var name: String {
        switch self {
        case .nearestHealthy: "nearest-healthy"
        case .lowestLatency: "lowest-latency"
        case .powerOfTwoChoices: "power-of-two"
        case .weighted: "weighted"
        case .sharedFirst: "shared-first"
        }
    }

    /// The names of every policy, for messages.
    public static let names = ["nearest-healthy", "lowest-latency", "power-of-two", "weighted", "shared-first"]
}

/// When and how often a request that was rejected or failed is tried again.
///
/// Attempt `n` (n ≥ 2) waits min(cap, base · multiplier^(n-2)) before it is sent, times a
/// uniform draw in [0, 1) with full jitter.
public struct RetryPolicy: Hashable, Sendable {
    /// Attempts in all, the first included (≥ 1; 1 means never retry).
    public var maxAttempts: Int
    /// The wait before the first retry.
    public var backoff: SimDuration
    /// The factor the wait grows by at each further retry (≥ 1).
    public var multiplier: Double
    /// The longest wait.
    public var cap: SimDuration
    /// Whether waits are drawn uniformly below the computed one (full jitter).
    public var jitter: Bool

    /// A retry policy.
    public init(maxAttempts: Int, backoff: SimDuration, multiplier: Double = 2, cap: SimDuration, jitter: Bool = true) {
        self.maxAttempts = maxAttempts
        self.backoff = backoff
        self.multiplier = multiplier
        self.cap = cap
        self.jitter = jitter
    }

    /// No retries.
    public static let none = RetryPolicy(maxAttempts: 1, backoff: .zero, cap: .zero, jitter: false)

    /// The wait before attempt `attempt` (≥ 2) without jitter.
    public func baseDelay(beforeAttempt attempt: Int) -> SimDuration {
        let exponent = Double(max(0, attempt - 2))
        let seconds = backoff.seconds * PortableMath.exp(exponent * PortableMath.log(multiplier))
        return .seconds(min(seconds, cap.seconds))
    }
}
