public import SimCore

/// What one zone measured: how requests ended, how busy it was, how long requests waited.
///
/// Counts cover the whole run; the time-weighted signals start when the zone was created.
/// Every arrival is in exactly one of ``served``, ``rejected``, ``timedOut``, ``failed``, or
/// still in the zone (``CloudZone/inService`` + ``CloudZone/waitingCount``).
public struct CloudZoneMetrics: Hashable, Sendable {
    /// The zone's parallel slots, c (at the start, for an autoscaled zone).
    public let capacity: Int
    /// Whether the zone's capacity follows an autoscaling policy.
    public let autoscaled: Bool
    /// Requests that arrived, accepted or not.
    public internal(set) var arrived = 0
    /// Requests whose service completed.
    public internal(set) var served = 0
    /// Requests turned away because the zone was down.
    public internal(set) var rejectedWhileDown = 0
    /// Requests turned away because the waiting line was full.
    public internal(set) var rejectedQueueFull = 0
    /// Requests dropped because their wait reached the timeout.
    public internal(set) var timedOut = 0
    /// Requests in service or waiting when the zone failed.
    public internal(set) var failed = 0
    /// Requests taken out of service by a higher-priority arrival (preemptive priority).
    public internal(set) var preemptions = 0
    /// Busy slots over time (0...c).
    public internal(set) var busySlots: TimeWeightedMean
    /// Waiting requests over time.
    public internal(set) var queueLength: TimeWeightedMean
    /// 1 while the zone is up, 0 while it is down.
    public internal(set) var up: TimeWeightedMean
    /// Wait for a slot of each request that began service, in seconds.
    public internal(set) var waitInQueue = Welford()
    /// Time from arrival to completion of each served request, in seconds.
    public internal(set) var responseTime = Welford()
    /// Cores in service over time (retiring ones included, starting ones not).
    public internal(set) var servingCores: TimeWeightedMean
    /// Cores paid for over time: in service, retiring and starting up.
    public internal(set) var provisionedCores: TimeWeightedMean
    /// Scale-out actions (launches) and scale-in actions (removals) of the autoscaler.
    public internal(set) var scaleOuts = 0
    public internal(set) var scaleIns = 0
    /// Evaluations that found the zone above its target with its maximum servers already
    /// running or starting.
    public internal(set) var evaluationsAtMax = 0

    init(capacity: Int, autoscaled: Bool = false, at start: SimTime) {
        self.capacity = capacity
        self.autoscaled = autoscaled
        servingCores = TimeWeightedMean(initialValue: Double(capacity), at: start)
        provisionedCores = TimeWeightedMean(initialValue: Double(capacity), at: start)
        busySlots = TimeWeightedMean(initialValue: 0, at: start)
        queueLength = TimeWeightedMean(initialValue: 0, at: start)
        up = TimeWeightedMean(initialValue: 1, at: start)
    }

    /// Requests turned away on arrival, for either reason.
    public var rejected: Int { rejectedWhileDown + rejectedQueueFull }

    /// Requests that have ended, in any way.
    public var ended: Int { served + rejected + timedOut + failed }

    /// The time-average fraction of slots busy from the start to `end`, in [0, 1]: busy
    /// cores over in-service cores, both time-weighted, for an autoscaled zone.
    public func utilisation(until end: SimTime) -> Double {
        guard autoscaled else { return busySlots.mean(until: end) / Double(capacity) }
        let serving = servingCores.integral(until: end)
        return serving > 0 ? busySlots.integral(until: end) / serving : 0
    }

    /// The time-average number of waiting requests from the start to `end`.
    public func meanQueueLength(until end: SimTime) -> Double {
        queueLength.mean(until: end)
    }

    /// The fraction of time from the start to `end` that the zone was up, in [0, 1].
    public func availability(until end: SimTime) -> Double {
        up.mean(until: end)
    }
}
