public import SimCore

/// What one zone measured: how requests ended, how busy it was, how long requests waited.
///
/// Counts cover the whole run; the time-weighted signals start when the zone was created.
/// Every arrival is in exactly one of ``served``, ``rejected``, ``timedOut``, ``failed``, or
/// still in the zone (``CloudZone/inService`` + ``CloudZone/waitingCount``).
public struct CloudZoneMetrics: Hashable, Sendable {
    /// The zone's parallel slots, c.
    public let capacity: Int
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

    init(capacity: Int, at start: SimTime) {
        self.capacity = capacity
        busySlots = TimeWeightedMean(initialValue: 0, at: start)
        queueLength = TimeWeightedMean(initialValue: 0, at: start)
        up = TimeWeightedMean(initialValue: 1, at: start)
    }

    /// Requests turned away on arrival, for either reason.
    public var rejected: Int { rejectedWhileDown + rejectedQueueFull }

    /// Requests that have ended, in any way.
    public var ended: Int { served + rejected + timedOut + failed }

    /// The time-average fraction of slots busy from the start to `end`, in [0, 1].
    public func utilisation(until end: SimTime) -> Double {
        busySlots.mean(until: end) / Double(capacity)
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
