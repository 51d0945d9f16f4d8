public import SimCore

/// The whole model as one ``SimulationModel``: zones, edge sites, shared pools, the flow
/// network, populations generating work, the router, failures and the accounting.
///
/// Build it from a validated ``ModelSpec`` and a seed, run it with ``ModelRun`` (or a
/// ``Simulation`` of your own: call ``start(scheduler:)`` first), then read ``results(at:events:)``.
///
/// Life of a request: an arrival creates it (measured if created after the warm-up); the
/// router picks a site and, for a pool, a device; the request travels the one-way latency to
/// the site; a zone queues and serves it, an edge site looks it up in its cache (a miss
/// travels on to the origin region, whose first zone up handles it), a device starts sending
/// or computing; bytes flow over
/// the path's links at max-min fair rates; the answer travels back. A rejection or failure
/// is retried after a backoff until the retry policy's attempts are used up, and the request
/// then ends as rejected or failed. Every request ends exactly once.
///
/// Everything that happens per event works on arrays indexed by dense ids, with no
/// dictionary, class or existential; random draws come from named streams, so the same spec
/// and seed give the same run.
public struct WorldModel: SimulationModel, Sendable {
    /// The event kinds the model schedules.
    enum Kind {
        static let arrival: UInt16 = 0
        static let zoneCompletion: UInt16 = 1
        static let zoneTimeout: UInt16 = 2
        static let reach: UInt16 = 3
        static let respond: UInt16 = 4
        static let retry: UInt16 = 5
        static let flowDue: UInt16 = 6
        static let churn: UInt16 = 7
        static let jobDone: UInt16 = 8
        static let outageStart: UInt16 = 9
        static let outageEnd: UInt16 = 10
        static let warmupEnd: UInt16 = 11
        static let probe: UInt16 = 12
        static let probeTimeout: UInt16 = 13
        static let deadSiteTimeout: UInt16 = 14
        static let slowdownStart: UInt16 = 15
        static let slowdownEnd: UInt16 = 16
        static let zoneAutoscale: UInt16 = 17
        static let zoneServersReady: UInt16 = 18
        static let traceArrival: UInt16 = 19
        static let deviceTrace: UInt16 = 20
        static let stageReach: UInt16 = 21
        static let stageDeadSite: UInt16 = 22
        static let linkReading: UInt16 = 23
        /// A player's request for its next segment reaches the source.
        static let segmentRequest: UInt16 = 24
    }

    /// What a site is, and which entity of its kind.
    enum SiteRole: Sendable {
        case zone(ZoneID)
        case edge(EdgeSiteID)
        case pool(PoolID)
    }

    /// What the model was built from.
    public let spec: ModelSpec
    /// The run seed.
    public let seed: UInt64
    /// When measurement starts: the end of the warm-up.
    public let warmupEnd: SimTime
    /// When the run ends: the warm-up plus the measured duration.
    public let runEnd: SimTime

    // MARK: Entities, one table each, indexed by their typed ids
    /// Every site: zones (region order), then edge sites, then pools.
    var sites: [SiteState] = []
    /// Every region, by ``RegionID`` (spec order).
    var regions: [RegionState] = []
    /// Every zone, by ``ZoneID`` (region order).
    var zones: [ZoneState] = []
    /// Every edge site, by ``EdgeSiteID``.
    var edgeSites: [EdgeSiteState] = []
    /// Every shared pool, by ``PoolID``.
    var pools: [PoolState] = []
    /// Every population, by ``PopulationID``.
    var populations: [PopulationState] = []
    /// Every workload class, by ``WorkloadClassID``.
    var classes: [WorkloadClassState] = []
    /// Every demand (population × class it asks for), by ``DemandID``.
    var demands: [Demand] = []
    /// Every link the model created, by the network's ``LinkID``.
    var links: [LinkState] = []

    // MARK: Geography
    /// The latency endpoint of every site, by site index.
    var siteEndpoints: [LatencyEndpoint] = []
    /// The latency endpoint of every population's clients, by population index.
    var clientEndpoints: [LatencyEndpoint] = []
    /// The candidates of each kind a demand's list keeps before a router needs more.
    let candidatesPerKind: Int

    // MARK: Network
    var network = FlowNetwork()
    var flowTimer = FlowCompletionTimer()
    /// Per flow slot: the request it carries, or `none`. A flat column beside the network's
    /// own per-flow arrays (struct of arrays): completions and aborts look up only this.
    var flowRequest: ContiguousArray<RequestSlot> = []
    /// The links of the transfer being started, reused so that starting one allocates
    /// nothing once it has held the longest path.
    var transferHops: [LinkID] = []
    /// The players of the streams in flight, in reusable slots (``ModelRequest/session``).
    var sessions: ContiguousArray<PlaybackSession> = []
    /// Free slots of ``sessions``, reused last freed first.
    var freeSessions: ContiguousArray<Int32> = []
    /// The links drawn in ``ModelSpec/links``, in its order.
    var drawnLinks: [LinkID] = []
    /// The paths of ``ModelSpec/paths`` (those that join anything), and their links end to end.
    var paths: [ModelPath] = []
    var pathHops: [LinkID] = []
    /// Per population and site (`population × sites + site`): the index in ``paths`` of the
    /// path between them, or -1; empty when the spec has no paths.
    var clientPaths: [Int32] = []
    /// What each drawn link carried, in ``drawnLinks`` order.
    var linkMeters: [LinkMeter] = []

    // MARK: Request graphs
    /// The plan of every class with stages, by ``WorkloadClassState/stagePlan``.
    var stagePlans: [StagePlan] = []
    /// The latencies between the zones stages run at.
    var stageLatencies = StageLatencies()
    /// Per flow slot, beside ``flowRequest``: for a stage's message, its receiving stage and
    /// its sender (``stageFlowCode(to:from:)``); ``noStageFlow`` for any other flow. Empty in a
    /// model without stages.
    var flowStage: ContiguousArray<UInt16> = []

    // MARK: Work
    /// The share of a device's storage each content class gets: 1 / (content classes).
    var contentShare: Double = 1
    /// Per zone and class (`zone × classes + class`): the mean service time in seconds. One
    /// flat array rather than one per zone: the router reads it per candidate, and a nested
    /// array would cost a reference per zone.
    var zoneMeanService: [Double] = []
    /// What no site of each kind serves faster, for `lowest-latency` routing.
    var serviceFloors = ServiceFloors.none
    var requests = RequestTable()
    var endings: [CloudRequestEnd] = []
    var routeStream: RandomStream
    var retryStream: RandomStream
    /// Failure targets with windows, and their windows.
    var failureTargets: [FailureTarget] = []
    var failureWindows: [[OutageWindow]] = []
    /// What each of ``failureTargets`` takes down, and the zones those subjects list.
    var failureSubjects: [FailureSubject] = []
    var failureZones: [ZoneID] = []
    /// The zones each of the spec's slowdowns slows, in its order.
    var slowdownZones: [[ZoneID]] = []
    /// One health checker per checked site (see ``SiteState/probe``).
    var probes: [HealthProbe] = []
    /// One feed per arrival trace, in ``ModelSpec/arrivalTraces`` order.
    var traceFeeds: [TraceFeed] = []
    /// One feed per device on/off trace, in ``ModelSpec/deviceTraces`` order.
    var deviceFeeds: [DeviceFeed] = []
    /// What stopped a trace early (its file changed during the run), for the results' warnings.
    var traceProblems: [String] = []

    // MARK: Measurement
    var measuring = false
    /// What is down now, and for how long something was while measuring.
    var outageClock = OutageClock()
    var ledger: CostLedger
    /// The 5-minute samples of every region's ingress (backhaul), by region index, when a
    /// class carries request bytes; nil otherwise.
    var backhaulSamples: BandwidthSamples?

    // MARK: Limits
    /// What the run may hold at once; set before starting.
    public var limits = RunLimits.unlimited
    /// Why the run stopped early, if it reached a limit: the run cannot go on after it.
    public internal(set) var limitBreach: RunLimitBreach?

    // MARK: Per-request records
    /// The sampled requests' records, when the run records any (``recordRequests(_:)``).
    var recorder: RequestRecorder?

    /// The model for `spec` (validated here) and `seed`, with nothing scheduled yet.
    ///
    /// - Throws: ``SpecErrors`` naming each element and field at fault.
    /// - Complexity: O(devices + populations × sites + catalogue sizes); an edge site's cache
    ///   takes O(catalogue sizes) more when it is first used.
    public init(spec: ModelSpec, seed: UInt64) throws(SpecErrors) {
        try self.init(spec: spec, seed: seed, candidatesPerKind: Self.defaultCandidatesPerKind)
    }

    /// The model for `spec` and `seed` whose demands keep the `candidatesPerKind` nearest
    /// sites of each kind (≥ 1) until a router needs more; routing does not depend on it.
    init(spec: ModelSpec, seed: UInt64, candidatesPerKind: Int) throws(SpecErrors) {
        try spec.validate()
        self.spec = spec
        self.seed = seed
        self.candidatesPerKind = candidatesPerKind
        warmupEnd = SimTime.zero + spec.warmup
        runEnd = warmupEnd + spec.duration
        routeStream = RandomStream(seed: seed, name: "routing")
        if spec.workloadClasses.contains(where: { $0.requestBytes != nil }), runEnd > warmupEnd {
            backhaulSamples = BandwidthSamples(linkCount: spec.regions.count, from: warmupEnd, to: runEnd)
        }
        retryStream = RandomStream(seed: seed, name: "retry")
        let (start, end) = (warmupEnd, runEnd)
        ledger =
            spec.prices.map {
                CostLedger(
                    prices: $0,
                    edgeSiteCount: spec.edgeSites.count,
                    poolCount: spec.sharedPools.count,
                    measuredFrom: start,
                    to: end
                )
            }
            ?? CostLedger(
                regionCount: spec.regions.count,
                edgeSiteCount: spec.edgeSites.count,
                poolCount: spec.sharedPools.count
            )
        do throws(SpecError) {
            try buildSites()
            try buildNetwork()
            try buildWork()
            try buildTraces()
            try buildDeviceTraces()
            try buildFailures()
            buildHealthChecks()
        } catch {
            throw SpecErrors([error])
        }
    }
}

/// Who a link belongs to.
enum LinkOwner: Sendable {
    case regionEgress(RegionID)
    case regionIngress(RegionID)
    case edgeUplink(EdgeSiteID)
    case populationAccess(PopulationID)
    /// A client's own line, lent to one transfer to the population at a time.
    case clientLine(PopulationID)
    case device(pool: PoolID, device: DeviceIndex)
    /// The link at this position of ``ModelSpec/links``.
    case drawn(Int)
}

/// One link of the model: who owns it and whether it is up.
struct LinkState: EntityState, Sendable {
    typealias ID = LinkID
    /// Who it belongs to, for failures and accounting.
    let owner: LinkOwner
    /// False while an outage holds it down: transfers over it fail.
    var isUp = true
}

/// One site: what it is, where it is, and its routing weight.
struct SiteState: EntityState, Sendable {
    typealias ID = SiteID
    /// The zone, edge site or pool it is.
    let role: SiteRole
    /// The region it is in.
    let region: RegionID
    /// The routing weight (weighted policy), else 0.
    var weight: Double = 0
    /// Whether the router believes it up: the truth at once for an unchecked site, its
    /// health checker's verdict for a checked one.
    var detectedUp = true
    /// Its health checker's index in ``WorldModel/probes``, or -1 when it is not checked.
    var probe: Int32 = -1

    /// A zone, edge site or pool (the kind of site ``WorldModel/SiteRole`` names).
    typealias SiteRole = WorldModel.SiteRole
}

/// One cloud region: its egress link and what crossed it.
struct RegionState: EntityState, Sendable {
    typealias ID = RegionID
    /// The egress capacity in bits per second, nil for unlimited.
    let egressBitsPerSecond: Double?
    /// The egress link, or `none` when unlimited.
    var egressLink: LinkID = .none
    /// Transfers now crossing its egress.
    var activeFlows = 0
    /// Measured bytes sent over its egress.
    var egressBytes: Double = 0
    /// The ingress (backhaul) capacity in bits per second, nil for unlimited.
    let ingressBitsPerSecond: Double?
    /// The ingress link, or `none` when unlimited.
    var ingressLink: LinkID = .none
    /// Uploads now crossing its ingress.
    var ingressFlows = 0
    /// Measured bytes received over its ingress (transaction requests).
    var ingressBytes: Double = 0
    /// False while an outage holds its egress down (limited or not): its answers fail.
    var egressUp = true
    /// False while an outage holds its ingress down (limited or not): uploads into it fail.
    var ingressUp = true
    /// Measured requests its zones served.
    var served: UInt64 = 0
    /// Its zones.
    var zoneCount = 0
    /// Its first zone's ``ZoneID`` offset (its zones are consecutive), or -1 for none.
    var firstZone = -1
    /// Its zones that are up: an origin with zones but none up serves no edge miss.
    var zonesUp = 0

    /// Whether it can serve as an origin: it has no zones of its own, or one is up.
    var canServeOrigin: Bool { zoneCount == 0 || zonesUp > 0 }
}

/// One cloud zone: the queueing engine and what the model keeps beside it.
struct ZoneState: EntityState, Sendable {
    typealias ID = ZoneID
    /// The zone's cores and queue.
    var engine: CloudZone
    /// The region it is in.
    let region: RegionID
    /// Its site.
    let site: SiteID
    /// The outages holding it down (its own and its region's).
    var downCount = 0
    /// The slowdowns now in force on it.
    var slowdowns = 0
    /// Cores in service over time, for the interval series.
    var busySeries: TimeWeightedSeries
    /// Paid servers over time, for the interval series.
    var serversSeries: TimeWeightedSeries
    /// Whether its server count follows an autoscaling policy.
    let autoscaled: Bool
}

/// One edge site: its cache, links, health and counters.
struct EdgeSiteState: EntityState, Sendable {
    typealias ID = EdgeSiteID
    /// The object cache.
    var cache: LRUCache
    /// Its site.
    let site: SiteID
    /// The region misses are fetched from.
    let originRegion: RegionID
    /// The uplink capacity in bits per second.
    let uplinkBitsPerSecond: Double
    /// The uplink, or `none` when unlimited.
    var uplink: LinkID = .none
    /// One-way latency to the origin region.
    var originLatency: SimDuration = .zero
    /// The path to the origin region (index in ``WorldModel/paths``), or -1.
    var originPath: Int32 = -1
    /// False while an outage holds it down.
    var isUp = true
    /// When it last went down.
    var downSince: SimTime = .zero
    /// Measured time down, up to its last recovery.
    var downtime: SimDuration = .zero
    /// Transfers it is sending now.
    var activeFlows = 0
    /// Measured bytes it sent.
    var bytes: Double = 0
    /// Measured cache hits.
    var hits: UInt64 = 0
    /// Measured cache misses.
    var misses: UInt64 = 0
}

/// One shared pool: the churn engine, its routing parameters, its devices' state and tallies.
struct PoolState: EntityState, Sendable {
    typealias ID = PoolID
    /// The devices, their churn and credits.
    var engine: SharedPool
    /// Its site.
    let site: SiteID
    /// The stable key devices' placement hashes derive from.
    let key: UInt64
    /// Devices probed per request.
    let probes: Int
    /// The most transfers one device sends at once.
    let maxUploads: Int
    /// Devices running a job now.
    var busyDevices = 0
    /// What the model tracks per device.
    var devices: PoolDevices
    /// The online fraction over time, for the interval series.
    var onlineSeries: TimeWeightedSeries
    /// Measured work it did.
    var tally = PoolTally()
}

/// What the model tracks per device of a pool, as parallel arrays indexed by
/// ``DeviceIndex`` (struct of arrays): pools hold up to millions of devices and a probe reads
/// one column (uploads or job) of a random device, so dense columns keep that to one cache
/// line. A column is empty when no class of the model needs it.
struct PoolDevices: Sendable {
    /// The link of each device's uplink, or `none` until it first sends (content classes).
    var link: [LinkID]
    /// The transfers each device is sending now (content classes).
    var uploads: [UInt8]
    /// The request whose job each device runs, or `none` (compute classes).
    var job: [RequestSlot]

    /// The link of `device`.
    subscript(link device: DeviceIndex) -> LinkID {
        get { link[device.offset] }
        set { link[device.offset] = newValue }
    }
    /// The uploads of `device`.
    subscript(uploads device: DeviceIndex) -> UInt8 {
        get { uploads[device.offset] }
        set { uploads[device.offset] = newValue }
    }
    /// The job of `device`.
    subscript(job device: DeviceIndex) -> RequestSlot {
        get { job[device.offset] }
        set { job[device.offset] = newValue }
    }
}

/// One population: its access link.
struct PopulationState: EntityState, Sendable {
    typealias ID = PopulationID
    /// The access link, or `none` when unlimited.
    var accessLink: LinkID = .none
    /// False while an outage holds its access link down (limited or not): transfers to it fail.
    var accessUp = true
    /// Its clients' lines, or nil when transfers to them are not capped per client.
    var lines: ClientLineMix? = nil
    /// The stream each request's client line is drawn from.
    var lineStream = RandomStream(seed: 0, key: 0)
    /// Dedicated links that stood for its clients' lines and carry no transfer now, reused
    /// last freed first: there are as many as transfers to its clients ever ran at once.
    var idleLines: ContiguousArray<LinkID> = []
}

/// One workload class: what the hot path asks of it, its catalogue, its work draws and tally.
struct WorkloadClassState: EntityState, Sendable {
    typealias ID = WorkloadClassID
    /// Read once from the spec (no enum payloads or reference-counted storage per request).
    let traits: ClassTraits
    /// The catalogue of a download or stream class, else nil.
    let catalogue: ContentCatalogue?
    /// The stream job sizes are drawn from.
    var workStream: RandomStream
    /// The stream a transaction's request and response sizes are drawn from.
    var payloadStream: RandomStream
    /// The stream a stream's viewing times are drawn from.
    var watchStream: RandomStream
    /// A stream's renditions in bits per second, ascending (empty: its bitrate alone).
    var ladder: [Double] = []
    /// Its measured counters and series.
    var tally: WorkloadTally
    /// Its plan in ``WorldModel/stagePlans`` when it has stages, else -1.
    var stagePlan: Int32 = -1
}

/// One population's arrival process for one class, and where its requests can go.
struct Demand: EntityState, Sendable {
    typealias ID = DemandID
    /// The population that asks.
    let population: PopulationID
    /// The class it asks for.
    let workloadClass: WorkloadClassID
    /// Its arrival process (its batch sizes and on/off periods draw from their own streams).
    var arrivals: ArrivalGenerator
    /// The stream arrival times are drawn from.
    var stream: RandomStream
    /// The stream content objects are drawn from.
    var objectStream: RandomStream
    /// The sites that may serve it, nearest first: the nearest few of each kind until a
    /// router needs more, then all of them.
    var candidates: CandidateList
    /// For weighted routing, the running sums of the complete candidate list's weights, in
    /// its order; empty until the first weighted draw.
    var cumulativeWeights: [Double] = []
    /// Whether only a trace creates its requests (it draws no arrivals of its own).
    var isReplayOnly = false
    /// Requests it created in the measured span (its own and a trace's).
    var arrived: UInt64 = 0
}

/// What the model needs to know of one workload class per request.
struct ClassTraits: Sendable {
    /// A compute job.
    var isCompute: Bool
    /// A download or a stream (it has a catalogue).
    var hasContent: Bool
    /// A stream's playback rate in bits per second; 0 for anything else.
    var streamBitrate: Double
    /// A job's checkpoint interval in seconds; 0 for none.
    var checkpointSeconds: Double
    /// The latency objective, if any.
    var slo: SimDuration?
    /// A transaction whose request or response carries bytes.
    var hasPayload: Bool
    /// A stream's player (its buffers in seconds of media).
    var player: PlayerBuffers

    init(_ spec: WorkloadClassSpec) {
        isCompute = spec.kind.job != nil
        hasContent = spec.kind.content != nil
        if case .stream(_, let bitrate) = spec.kind { streamBitrate = bitrate } else { streamBitrate = 0 }
        checkpointSeconds = spec.kind.job?.checkpointInterval?.seconds ?? 0
        slo = spec.slo
        hasPayload = spec.hasPayload
        player = PlayerBuffers(spec.playback)
    }
}
