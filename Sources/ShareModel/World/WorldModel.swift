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
/// travels on to the origin region), a device starts sending or computing; bytes flow over
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
    }

    /// What a site is.
    enum SiteRole: Sendable {
        case zone(Int)
        case edge(Int)
        case pool(Int)
    }

    /// What the model was built from.
    public let spec: ModelSpec
    /// The run seed.
    public let seed: UInt64
    /// When measurement starts: the end of the warm-up.
    public let warmupEnd: SimTime
    /// When the run ends: the warm-up plus the measured duration.
    public let runEnd: SimTime

    // MARK: Topology
    var sites: [SiteRole] = []
    var siteRegion: [Int] = []
    var zones: [CloudZone] = []
    var zoneRegion: [Int] = []
    var zoneSite: [UInt32] = []
    /// Per zone: the outages holding it down (its own and its region's).
    var zoneDownCount: [Int] = []
    var edgeCaches: [LRUCache] = []
    var edgeUp: [Bool] = []
    var edgeDownSince: [SimTime] = []
    var edgeDowntime: [SimDuration] = []
    var edgeActiveFlows: [Int] = []
    var edgeSite: [UInt32] = []
    var edgeOriginRegion: [Int] = []
    var pools: [SharedPool] = []
    var poolSite: [UInt32] = []
    /// Per pool, per device: the link of its uplink, or `none` until it first sends.
    var poolDeviceLink: [[UInt32]] = []
    /// Per pool, per device: the transfers it is sending now.
    var poolDeviceUploads: [[UInt8]] = []
    /// Per pool, per device: the job it runs, or `none`.
    var poolDeviceJob: [[UInt32]] = []
    var poolBusyDevices: [Int] = []
    /// Per pool: the stable key devices' placement hashes derive from.
    var poolKey: [UInt64] = []

    // MARK: Network
    var network = FlowNetwork()
    var flowTimer = FlowCompletionTimer()
    /// Per flow slot: the request it carries.
    var flowRequest: ContiguousArray<UInt32> = []
    /// Per link: who owns it, for failures and accounting.
    var linkOwner: [LinkOwner] = []
    var linkUp: [Bool] = []
    var regionEgressLink: [UInt32] = []
    /// Per region: transfers now crossing its egress.
    var regionActiveFlows: [Int] = []
    var edgeUplink: [UInt32] = []
    var populationAccessLink: [UInt32] = []

    // MARK: Work
    var catalogues: [ContentCatalogue?] = []
    /// Per class, what the hot path asks of it, read once from the spec (no enum payloads
    /// or reference-counted storage touched per request).
    var classTraits: [ClassTraits] = []
    /// Per pool: the probes per request and the most transfers per device.
    var poolProbes: [Int] = []
    var poolMaxUploads: [Int] = []
    /// The share of a device's storage each content class gets: 1 / (content classes).
    var contentShare: Double = 1
    /// Per zone and class (`zone × classes + class`): the mean service time in seconds.
    var zoneMeanService: [Double] = []
    var demands: [Demand] = []
    var requests = RequestTable()
    var endings: [CloudRequestEnd] = []
    var routeStream: RandomStream
    var retryStream: RandomStream
    var workStreams: [RandomStream] = []
    /// Per demand, candidate sites sorted by latency, and the one-way latency to each.
    var candidates: [[UInt32]] = []
    var candidateLatency: [[SimDuration]] = []
    /// Per edge site: one-way latency to its origin region.
    var edgeOriginLatency: [SimDuration] = []
    /// Per site: the routing weight (weighted policy).
    var siteWeight: [Double] = []
    /// Failure targets with windows, and their windows.
    var failureTargets: [FailureTarget] = []
    var failureWindows: [[OutageWindow]] = []

    // MARK: Measurement
    var tallies: [WorkloadTally] = []
    var measuring = false
    var zoneBusySeries: [TimeWeightedSeries] = []
    var poolOnlineSeries: [TimeWeightedSeries] = []
    var poolTallies: [PoolTally] = []
    var edgeBytes: [Double] = []
    var edgeHits: [UInt64] = []
    var edgeMisses: [UInt64] = []
    var regionEgressBytes: [Double] = []
    var regionServed: [UInt64] = []
    var ledger: CostLedger

    /// The model for `spec` (validated here) and `seed`, with nothing scheduled yet.
    ///
    /// - Throws: ``SpecErrors`` naming each element and field at fault.
    /// - Complexity: O(devices + populations × sites + catalogue sizes × edge sites).
    public init(spec: ModelSpec, seed: UInt64) throws(SpecErrors) {
        try spec.validate()
        self.spec = spec
        self.seed = seed
        warmupEnd = SimTime.zero + spec.warmup
        runEnd = warmupEnd + spec.duration
        routeStream = RandomStream(seed: seed, name: "routing")
        retryStream = RandomStream(seed: seed, name: "retry")
        ledger = spec.prices.map { CostLedger(prices: $0) } ?? CostLedger(regionCount: spec.regions.count)
        do throws(SpecError) {
            try buildSites()
            try buildNetwork()
            try buildWork()
            buildMeasurement()
            try buildFailures()
        } catch {
            throw SpecErrors([error])
        }
    }
}

/// Who a link belongs to.
enum LinkOwner: Sendable {
    case regionEgress(Int)
    case edgeUplink(Int)
    case populationAccess(Int)
    case device(pool: Int, device: UInt32)
}

/// One population's arrival process for one class.
struct Demand: Sendable {
    let population: UInt32
    let workloadClass: UInt32
    var arrivals: NonHomogeneousPoissonArrivals
    var stream: RandomStream
    var objectStream: RandomStream
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

    init(_ spec: WorkloadClassSpec) {
        isCompute = spec.kind.job != nil
        hasContent = spec.kind.content != nil
        if case .stream(_, let bitrate) = spec.kind { streamBitrate = bitrate } else { streamBitrate = 0 }
        checkpointSeconds = spec.kind.job?.checkpointInterval?.seconds ?? 0
        slo = spec.slo
    }
}
