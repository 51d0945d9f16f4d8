public import SimCore

/// Bounds on what a run may hold while it goes, so that an overloaded what-if stops with a
/// clear error instead of taking the machine's memory.
///
/// An offered load beyond what the sites can serve makes the backlog of requests grow for as
/// long as the run lasts; the run stops when the requests in flight reach
/// ``maxRequestsInFlight`` (see ``RunLimitBreach``).
public struct RunLimits: Hashable, Sendable {
    /// The most requests in flight (queued, in service, transferring, backing off) at once.
    public var maxRequestsInFlight: Int

    /// No bound: for tests and callers that watch memory themselves.
    public static let unlimited = RunLimits(maxRequestsInFlight: .max)

    /// The memory one request in flight takes (bytes): its slot in the request table, its
    /// pending events, and its entry in a zone's queue or the flow network.
    public static let bytesPerRequestInFlight =
        MemoryLayout<ModelRequest>.stride + 2 * MemoryLayout<Event>.stride + 64

    /// Limits of `maxRequestsInFlight` requests.
    public init(maxRequestsInFlight: Int) {
        self.maxRequestsInFlight = max(1, maxRequestsInFlight)
    }

    /// Limits that keep the requests in flight within `memoryBytes` bytes (at least 10,000
    /// requests).
    public init(memoryBytes: Double) {
        let requests = memoryBytes / Double(Self.bytesPerRequestInFlight)
        self.init(maxRequestsInFlight: requests >= 1e15 ? Int(1e15) : max(10_000, Int(requests)))
    }
}

/// Why a run stopped before its end: it reached one of its ``RunLimits``.
public struct RunLimitBreach: Error, Hashable, Sendable, CustomStringConvertible {
    /// The simulated instant the run stopped at.
    public var time: SimTime
    /// The end the run was heading for.
    public var runEnd: SimTime
    /// The requests in flight when it stopped (the limit).
    public var requestsInFlight: Int

    /// `the run stopped at 4.785 s of 1.667 min: 500 requests were in flight (under 1 MB), ...`.
    public var description: String {
        let megabytes = Double(requestsInFlight) * Double(RunLimits.bytesPerRequestInFlight) / 1e6
        let size = megabytes < 1 ? "under 1 MB" : "about \(ModelSpec.grouped(megabytes)) MB"
        return "the run stopped at \(time.sinceStart) of \(runEnd.sinceStart): "
            + "\(ModelSpec.grouped(Double(requestsInFlight))) requests were in flight "
            + "(\(size)), the most this run may hold: the offered load is beyond "
            + "what the sites can serve and the backlog grows without bound. Lower the load, add capacity, "
            + "or give the zones a queue limit (`queue`) or a `timeout`"
    }
}
