import SimCore

/// Where a request is in its life.
enum RequestPhase: UInt8, Sendable {
    /// Travelling to its site.
    case toSite
    /// Waiting for an edge site's miss to reach the origin.
    case toOrigin
    /// Queued or in service in a zone.
    case inZone
    /// Its request's bytes are flowing up to its zone (a transaction with a payload).
    case uploading
    /// Its bytes are flowing.
    case transferring
    /// Running on a shared device.
    case computing
    /// Its answer is travelling back.
    case returning
    /// Waiting to be tried again.
    case backingOff
    /// A stream between segments: its player's request for the next is on its way, or waits
    /// for room in the buffer.
    case betweenSegments
}

/// Who served a request.
enum ServedBy: UInt8, Sendable {
    /// A cloud zone.
    case cloud
    /// An edge site's cache.
    case edge
    /// A shared pool's device.
    case shared
    /// The origin region, through an edge site that missed.
    case origin
}

/// One request in flight: everything the model needs to move it along and account for it.
struct ModelRequest: Sendable {
    var workloadClass: WorkloadClassID
    var demand: DemandID
    var population: PopulationID
    var created: SimTime
    var attempts: UInt16
    var restarts: UInt16
    /// Created after the warm-up: counted in the results.
    var isCounted: Bool
    /// Whether a zone, edge site or link was down when it arrived (see ``OutageClock``).
    var arrivedDuringOutage: Bool
    var phase: RequestPhase
    var servedBy: ServedBy
    /// The site of the current attempt.
    var site: SiteID
    /// The site that turned the last attempt away, avoided by the next when possible.
    var avoidSite: SiteID
    /// The device serving it (shared pools), or `none`.
    var device: DeviceIndex
    /// Its flow, or `none`.
    var flow: FlowID
    /// The content object (0-based within its catalogue), or 0.
    var object: Int32
    /// The bytes to deliver (a transaction's response size).
    var bytes: Double
    /// The bytes a transaction's request carries up to its zone, or 0.
    var uploadBytes: Double
    /// The downlink of its client's own line in bits per second, drawn at creation, or 0
    /// when its population's clients have no line.
    var lineBitsPerSecond: Double = 0
    /// The dedicated link standing for that line while a transfer to it runs, else `none`.
    var line: LinkID = .none
    /// Its player in ``WorldModel/sessions`` (streams), or -1.
    var session: Int32 = -1
    /// When the first byte of its answer reached its client (a transfer's start plus the
    /// one-way latency back), or nil before; an answer without bytes sets it on arrival.
    var firstByte: SimTime?
    /// The region whose egress carries the bytes (zones, edge misses), or `none`.
    var egressRegion: RegionID
    /// Compute work left, in CPU-seconds.
    var work: Double
    /// The service time a zone gives it in seconds, from a trace's `service` column, or -1
    /// to draw it from the zone's distribution.
    var serviceSeconds: Double
    /// When the current run on a device started, and at how many cores.
    var runStart: SimTime
    var runCores: Double
    var jobTimer: TimerHandle?
    /// When the transfer started (streams: stall time).
    /// When its latest attempt was sent.
    var lastAttempt: SimTime
    var transferStart: SimTime
    /// The one-way latency between the population and the current site.
    var routeLatency: SimDuration
    /// Playback stall of a stream, in seconds, once its transfer is done.
    var stallSeconds: Double
    /// Its block of stage visits in its class's ``StagePlan`` (staged classes), or -1.
    var board: Int32 = -1
    /// Its stage visits and messages under way (staged classes): its slot is kept until
    /// they are all over.
    var branches: UInt16 = 0
    /// Where its stages stand (staged classes).
    var graphFate = GraphFate.running
    /// Its record's draft slot in ``WorldModel/recorder`` when it is sampled, else
    /// ``RequestRecorder/unsampled``.
    var draft: UInt32

    /// A new request of `workloadClass` from `demand`'s `population`, created at `created`,
    /// not yet routed.
    init(
        workloadClass: WorkloadClassID,
        demand: DemandID,
        population: PopulationID,
        created: SimTime,
        isCounted: Bool
    ) {
        self.workloadClass = workloadClass
        self.demand = demand
        self.population = population
        self.created = created
        self.attempts = 0
        self.restarts = 0
        self.isCounted = isCounted
        self.arrivedDuringOutage = false
        self.phase = .toSite
        self.servedBy = .cloud
        self.site = .none
        self.avoidSite = .none
        self.device = .none
        self.flow = .none
        self.object = 0
        self.bytes = 0
        self.uploadBytes = 0
        self.egressRegion = .none
        self.work = 0
        self.serviceSeconds = -1
        self.runStart = created
        self.runCores = 0
        self.jobTimer = nil
        self.transferStart = created
        self.lastAttempt = created
        self.routeLatency = .zero
        self.stallSeconds = 0
        self.draft = RequestRecorder.unsampled
    }
}

/// The requests in flight, in reusable slots: a slot's index is the request's id in events
/// and in zones.
///
/// One contiguous array of requests rather than a table per entity kind: a request's fields
/// are read together at each step of its life, and slots are reused, so the table stays as
/// large as the peak in flight and allocates nothing in the steady state.
struct RequestTable: Sendable {
    private(set) var slots: ContiguousArray<ModelRequest> = []
    private var free: ContiguousArray<RequestSlot> = []
    /// The number of requests in flight.
    private(set) var live = 0

    /// Stores `request` in a free slot (or a new one) and returns the slot.
    mutating func insert(_ request: ModelRequest) -> RequestSlot {
        live += 1
        if let slot = free.popLast() {
            slots[slot.offset] = request
            return slot
        }
        precondition(slots.count < Int(UInt32.max - 1), "more than 4 billion requests in flight")
        slots.append(request)
        return RequestSlot(UInt32(slots.count - 1))
    }

    /// Frees `slot`: its request has ended.
    mutating func remove(_ slot: RequestSlot) {
        live -= 1
        free.append(slot)
    }

    /// The slots of the requests in flight, in increasing order.
    var liveSlots: [RequestSlot] {
        var isFree = Array(repeating: false, count: slots.count)
        for slot in free { isFree[slot.offset] = true }
        return (0..<UInt32(slots.count)).filter { !isFree[Int($0)] }.map(RequestSlot.init)
    }

    /// The request in `slot`.
    subscript(slot: RequestSlot) -> ModelRequest {
        _read { yield slots[slot.offset] }
        _modify { yield &slots[slot.offset] }
    }
}
