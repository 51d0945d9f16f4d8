public import SimCore

/// A request to a cloud zone, as the caller numbers it (a transaction, an API call).
public struct CloudRequestID: Hashable, Comparable, Sendable {
    /// The caller's number for the request.
    public var value: UInt64
    /// The request numbered `value`.
    @inlinable public init(_ value: UInt64) { self.value = value }
    @inlinable public static func < (lhs: CloudRequestID, rhs: CloudRequestID) -> Bool { lhs.value < rhs.value }
}

/// A workload class of a zone: an index into ``ZoneSpec/serviceTimes``.
public struct CloudWorkloadClass: Hashable, Comparable, Sendable {
    /// The index into the zone's per-class tables.
    public var index: UInt32
    /// The class at `index`.
    @inlinable public init(_ index: UInt32) { self.index = index }
    @inlinable public static func < (lhs: CloudWorkloadClass, rhs: CloudWorkloadClass) -> Bool {
        lhs.index < rhs.index
    }
}

/// Why a zone turned a request away on arrival.
public enum CloudRejection: Hashable, Sendable {
    /// The zone was down (failed and not yet recovered).
    case zoneDown
    /// Every slot was busy and the waiting line was full.
    case queueFull
}

/// How a request's stay in a zone ended.
public enum CloudRequestFate: Hashable, Sendable {
    /// Its service completed.
    case served
    /// It was turned away on arrival.
    case rejected(CloudRejection)
    /// It waited out the zone's timeout without being served: its wait for a slot reached
    /// it (first come first served, priority), or its time in the zone did while it was not
    /// in service (a preempted request) or at all (processor sharing).
    case timedOut
    /// The zone failed while the request waited or was in service.
    case failed
}

/// The end of one request's stay in a zone: what a caller counts, or retries elsewhere.
///
/// Every request given to ``CloudZone/arrive(request:class:at:scheduler:endings:)`` ends
/// exactly once, with one of these.
public struct CloudRequestEnd: Hashable, Sendable {
    /// The request.
    public var request: CloudRequestID
    /// Its workload class.
    public var workloadClass: CloudWorkloadClass
    /// When it arrived at the zone.
    public var arrival: SimTime
    /// When its service began; nil if it never reached a slot.
    public var serviceStart: SimTime?
    /// When it ended (served, rejected, timed out or failed).
    public var time: SimTime
    /// How it ended.
    public var fate: CloudRequestFate
    /// The core time it received, ≥ 0: from ``serviceStart`` to the end for a request never
    /// interrupted, the sum of its spells in service for a preempted one, and the work done
    /// (core-seconds at its share) under processor sharing; zero if it never started.
    public var serviceReceived: SimDuration

    /// An end record; see the properties. `serviceReceived` defaults to the time from
    /// `serviceStart` to `time` (zero without a start).
    public init(
        request: CloudRequestID,
        workloadClass: CloudWorkloadClass,
        arrival: SimTime,
        serviceStart: SimTime?,
        time: SimTime,
        fate: CloudRequestFate,
        serviceReceived: SimDuration? = nil
    ) {
        self.request = request
        self.workloadClass = workloadClass
        self.arrival = arrival
        self.serviceStart = serviceStart
        self.time = time
        self.fate = fate
        self.serviceReceived = serviceReceived ?? serviceStart.map { time - $0 } ?? .zero
    }

    /// The time spent waiting for a slot (up to the end if it never got one).
    public var wait: SimDuration { (serviceStart ?? time) - arrival }

    /// The time from arrival to the end.
    public var timeInZone: SimDuration { time - arrival }
}
