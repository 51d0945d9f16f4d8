import SimCore

/// Where a request is in its life.
enum RequestPhase: UInt8, Sendable {
    /// Travelling to its site.
    case toSite
    /// Waiting for an edge site's miss to reach the origin.
    case toOrigin
    /// Queued or in service in a zone.
    case inZone
    /// Its bytes are flowing.
    case transferring
    /// Running on a shared device.
    case computing
    /// Its answer is travelling back.
    case returning
    /// Waiting to be tried again.
    case backingOff
}

/// Who served a request.
enum ServedBy: UInt8, Sendable {
    case cloud, edge, shared, origin
}

/// One request in flight: everything the model needs to move it along and account for it.
struct ModelRequest: Sendable {
    static let none = UInt32.max

    var workloadClass: UInt32
    var demand: UInt32
    var population: UInt32
    var created: SimTime
    var attempts: UInt16
    var restarts: UInt16
    /// Created after the warm-up: counted in the results.
    var isCounted: Bool
    var phase: RequestPhase
    var servedBy: ServedBy
    /// The site of the current attempt.
    var site: UInt32
    /// The site that turned the last attempt away, avoided by the next when possible.
    var avoidSite: UInt32
    /// The device serving it (shared pools), or `none`.
    var device: UInt32
    /// Its flow, or `none`.
    var flow: UInt32
    /// The content object (0-based within its catalogue), or 0.
    var object: Int32
    /// The bytes to deliver.
    var bytes: Double
    /// The region whose egress carries the bytes (zones, edge misses), or -1.
    var egressRegion: Int32
    /// Compute work left, in CPU-seconds.
    var work: Double
    /// When the current run on a device started, and at how many cores.
    var runStart: SimTime
    var runCores: Double
    var jobTimer: TimerHandle?
    /// When the transfer started (streams: stall time).
    var transferStart: SimTime
    /// The one-way latency between the population and the current site.
    var routeLatency: SimDuration
    /// Playback stall of a stream, in seconds, once its transfer is done.
    var stallSeconds: Double

    init(workloadClass: UInt32, demand: UInt32, population: UInt32, created: SimTime, isCounted: Bool) {
        self.workloadClass = workloadClass
        self.demand = demand
        self.population = population
        self.created = created
        self.attempts = 0
        self.restarts = 0
        self.isCounted = isCounted
        self.phase = .toSite
        self.servedBy = .cloud
        self.site = Self.none
        self.avoidSite = Self.none
        self.device = Self.none
        self.flow = Self.none
        self.object = 0
        self.bytes = 0
        self.egressRegion = -1
        self.work = 0
        self.runStart = created
        self.runCores = 0
        self.jobTimer = nil
        self.transferStart = created
        self.routeLatency = .zero
        self.stallSeconds = 0
    }
}

/// The requests in flight, in reusable slots: a slot's index is the request's id in events
/// and in zones.
struct RequestTable: Sendable {
    private(set) var slots: ContiguousArray<ModelRequest> = []
    private var free: ContiguousArray<UInt32> = []
    /// The number of requests in flight.
    private(set) var live = 0

    mutating func insert(_ request: ModelRequest) -> UInt32 {
        live += 1
        if let slot = free.popLast() {
            slots[Int(slot)] = request
            return slot
        }
        precondition(slots.count < Int(UInt32.max - 1), "more than 4 billion requests in flight")
        slots.append(request)
        return UInt32(slots.count - 1)
    }

    mutating func remove(_ slot: UInt32) {
        live -= 1
        free.append(slot)
    }

    /// The slots of the requests in flight, in increasing order.
    var liveSlots: [UInt32] {
        var isFree = Array(repeating: false, count: slots.count)
        for slot in free { isFree[Int(slot)] = true }
        return (0..<UInt32(slots.count)).filter { !isFree[Int($0)] }
    }

    subscript(slot: UInt32) -> ModelRequest {
        get { slots[Int(slot)] }
        _modify { yield &slots[Int(slot)] }
    }
}
