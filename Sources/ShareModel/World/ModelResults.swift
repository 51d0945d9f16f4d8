/// Everything one run of the whole model measured after its warm-up: the value the reports
/// render, workers send back as JSON, and replications are combined from.
///
/// Plain numbers only (seconds, bytes, counts, fractions), in the order of the spec's
/// elements, so that two runs with the same spec and seed encode to the same bytes.
public struct ModelResults: Hashable, Sendable, Codable {
    /// The run's seed.
    public var seed: UInt64
    /// Simulated seconds discarded before measuring.
    public var warmupSeconds: Double
    /// Simulated seconds measured.
    public var durationSeconds: Double
    /// The length of one time-series interval, in seconds.
    public var intervalSeconds: Double
    /// Engine events processed over the whole run, warm-up included.
    public var eventsProcessed: UInt64
    /// Per workload class, in spec order.
    public var workloads: [WorkloadResults]
    /// Per region, in spec order.
    public var regions: [RegionResults]
    /// Per zone, in region order.
    public var zones: [ZoneResults]
    /// Per edge site, in spec order.
    public var edgeSites: [EdgeSiteResults]
    /// Per shared pool, in spec order.
    public var sharedPools: [SharedPoolResults]
    /// What the run cost, when the spec has prices.
    public var cost: CostResults?
    /// One entry per interval of the measured span.
    public var series: [IntervalResults]
    /// What the reader must know to trust the figures (an outage outside the run, a saturated
    /// zone), one sentence each; nil (and absent from JSON) when there is nothing to say.
    public var warnings: [String]? = nil
    /// Per demand (population × class, in population order), its arrival process and the
    /// requests it created in the measured span; nil, and absent from JSON, when every demand
    /// is Poisson (so such runs encode exactly as before arrival processes existed).
    public var arrivals: [DemandArrivalResults]? = nil
    /// Per link drawn in the scenario's `links`, in its order; nil, and absent from JSON, when
    /// it draws none (so such runs encode exactly as before drawn links existed).
    public var links: [LinkResults]? = nil

    private enum CodingKeys: String, CodingKey {
        case seed, warmupSeconds, durationSeconds, intervalSeconds, eventsProcessed, workloads, regions, zones
        case edgeSites, sharedPools, cost, series, warnings, arrivals, links
    }

    /// Encodes every field in declaration order; `warnings` only when there are some, so a
    /// run with nothing to warn about encodes exactly as before warnings existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seed, forKey: .seed)
        try container.encode(warmupSeconds, forKey: .warmupSeconds)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        try container.encode(intervalSeconds, forKey: .intervalSeconds)
        try container.encode(eventsProcessed, forKey: .eventsProcessed)
        try container.encode(workloads, forKey: .workloads)
        try container.encode(regions, forKey: .regions)
        try container.encode(zones, forKey: .zones)
        try container.encode(edgeSites, forKey: .edgeSites)
        try container.encode(sharedPools, forKey: .sharedPools)
        try container.encodeIfPresent(cost, forKey: .cost)
        try container.encode(series, forKey: .series)
        if let warnings { try container.encode(warnings, forKey: .warnings) }
        if let arrivals { try container.encode(arrivals, forKey: .arrivals) }
        if let links { try container.encode(links, forKey: .links) }
    }
}

/// One link drawn in the scenario: what it carried and for how long it was down.
public struct LinkResults: Hashable, Sendable, Codable {
    /// The link's name.
    public var name: String
    /// Its capacity, in bit/s.
    public var capacityBitsPerSecond: Double
    /// Its one-way latency, in seconds.
    public var latencySeconds: Double
    /// Bytes that crossed it in the measured span, as an interface counter counts them:
    /// answers, request bytes and stage messages alike, whether or not their transfer
    /// finished.
    public var bytes: Double
    /// Those bytes' bits over capacity × measured time, 0...1.
    public var utilisation: Double
    /// The highest utilisation of one interval of the series (the last, shorter interval
    /// included): a link that saturates in a peak shows it here even if its mean is low.
    public var peakUtilisation: Double
    /// Active flows on it, time-weighted over the measured span.
    public var meanFlows: Double
    /// Measured seconds it was down.
    public var downSeconds: Double
}

/// One demand's arrival process, as the report describes it.
public struct DemandArrivalResults: Hashable, Sendable, Codable {
    /// The population that asks.
    public var population: String
    /// The workload class it asks for.
    public var workload: String
    /// The process, spelt as ``SimCore/ArrivalProcess/summary`` spells it: `poisson`,
    /// `deterministic`, `batch (geometric, mean 4)`, `on-off (on 1 s, off 4 s)`,
    /// `burst (10000 at 5 min)`.
    public var process: String
    /// Requests it created in the measured span.
    public var arrived: UInt64

    /// The process of `population`'s demand for `workload`, which created `arrived` requests.
    public init(population: String, workload: String, process: String, arrived: UInt64) {
        self.population = population
        self.workload = workload
        self.process = process
        self.arrived = arrived
    }
}

/// What one workload class saw.
public struct WorkloadResults: Hashable, Sendable, Codable {
    /// The class's name.
    public var name: String
    /// `transaction`, `download`, `stream` or `compute`.
    public var kind: String
    /// Requests created in the measured span.
    public var arrived: UInt64
    /// Of those, served.
    public var served: UInt64
    /// Turned away on their last attempt (queue full, site down, no site available).
    public var rejected: UInt64
    /// Lost on their last attempt after being accepted (timed out, site or device failed).
    public var failed: UInt64
    /// Still in flight when the run ended.
    public var inFlight: UInt64
    /// Extra attempts made (retries after a rejection or failure).
    public var retries: UInt64
    /// Jobs moved because their device left (compute only).
    public var preemptions: UInt64
    /// Who served the served requests.
    public var servedBy: ServedByResults
    /// End-to-end latency of served requests (network, queueing, service and transfer).
    public var latency: LatencyResults
    /// The latency objective in seconds, if the class has one.
    public var sloSeconds: Double?
    /// Served requests within the objective.
    public var sloMet: UInt64
    /// Bytes delivered by served requests (a transaction's response bytes).
    public var bytesDelivered: Double
    /// Served requests per second of measured time.
    public var throughputPerSecond: Double
    /// Delivered bits per second of measured time.
    public var bitsPerSecond: Double
    /// Stream playback stall, seconds summed over served streams.
    public var stallSeconds: Double
    /// CPU-seconds lost to restarts of jobs whose device left (compute only).
    public var wastedCPUSeconds: Double
    /// What became of the requests that arrived while a zone, edge site or link was down;
    /// nil when nothing was down in the measured span.
    public var duringOutages: OutageWindowResults?
    /// Request bytes carried up to zones (transactions with a request size; each upload
    /// that finished, served or not); nil, and absent from JSON, for other classes.
    public var bytesUp: Double? = nil
    /// Those bytes as a mean rate over the measured span, in bit/s; nil as above.
    public var upBitsPerSecond: Double? = nil
    /// Attempts that reached a site that was down (with health checks: sent there before the
    /// failure was detected); nil, and absent from JSON, when no site is health-checked.
    public var sentToDeadSites: UInt64? = nil
    /// Served requests that needed more than one attempt; nil without health checks.
    public var retriedServed: UInt64? = nil
    /// Their mean time before the attempt that served them (failed attempts and backoffs),
    /// in seconds: the latency retries added; nil without health checks or retried requests.
    public var meanRetryDelaySeconds: Double? = nil
    /// Each stage's figures, in the order written, for a class with stages (a request
    /// graph); nil, and absent from JSON, for other classes.
    public var stages: [StageResults]? = nil
    /// Time to first byte of served requests, p50 and p99, in seconds: creation to the first
    /// byte of the answer at the client (a transfer's start plus the way back; the answer's
    /// arrival when it carries no bytes); nil when nothing was served. The same for every kind.
    public var timeToFirstByteP50: Double? = nil
    public var timeToFirstByteP99: Double? = nil
    /// Start-up delay and rebuffering of a stream class's sessions; nil for other classes.
    public var playback: PlaybackResults? = nil

    /// served / arrived, or nil when nothing arrived.
    ///
    /// Requests still in flight at the end (``inFlight``) count against it: a run too short
    /// for its work to drain, or a class whose work piles up, never reports 100%.
    public var successRatio: Double? {
        arrived == 0 ? nil : Double(served) / Double(arrived)
    }

    /// sloMet / served, or nil with no objective or nothing served.
    public var sloAttainment: Double? {
        guard sloSeconds != nil, served > 0 else { return nil }
        return Double(sloMet) / Double(served)
    }
}

/// What became of a class's requests that arrived while a zone, edge site or link was down
/// (scheduled, random or manual outages), however long after they ended.
public struct OutageWindowResults: Hashable, Sendable, Codable {
    /// Measured seconds during which something was down: the window these requests arrived in.
    public var windowSeconds: Double
    /// Requests that arrived in the window.
    public var arrived: UInt64
    /// Of those, served (perhaps after retries, perhaps after the outage ended).
    public var served: UInt64
    /// Of those, rejected or failed on their last attempt.
    public var lost: UInt64
    /// The median latency of those served, in seconds; nil when none was.
    public var latencyP50: Double?
    /// The 99th-percentile latency of those served, in seconds; nil when none was.
    public var latencyP99: Double?

    /// The fate of `arrived` requests that arrived in a window of `windowSeconds` measured
    /// seconds: `served` served, `lost` lost, those served at the latencies given.
    public init(
        windowSeconds: Double,
        arrived: UInt64,
        served: UInt64,
        lost: UInt64,
        latencyP50: Double?,
        latencyP99: Double?
    ) {
        self.windowSeconds = windowSeconds
        self.arrived = arrived
        self.served = served
        self.lost = lost
        self.latencyP50 = latencyP50
        self.latencyP99 = latencyP99
    }
}

/// Who served a class's requests.
public struct ServedByResults: Hashable, Sendable, Codable {
    /// Served by each region's zones, in region order.
    public var cloudByRegion: [UInt64]
    /// Served from an edge cache (hits).
    public var edge: UInt64
    /// Served by shared devices.
    public var shared: UInt64
    /// Edge misses served from the origin through the edge.
    public var origin: UInt64

    /// Served by any cloud zone.
    public var cloud: UInt64 { cloudByRegion.reduce(0, +) }
    /// Every served request.
    public var total: UInt64 { cloud + edge + shared + origin }
}

/// A latency distribution in seconds.
public struct LatencyResults: Hashable, Sendable, Codable {
    /// Samples.
    public var count: UInt64
    /// The mean, in seconds; every figure here is 0 with no samples.
    public var mean: Double
    /// The median, in seconds.
    public var p50: Double
    /// The 90th percentile, in seconds.
    public var p90: Double
    /// The 99th percentile, in seconds.
    public var p99: Double
    /// The 99.9th percentile, in seconds.
    public var p999: Double
    /// The largest latency, in seconds.
    public var max: Double
    /// The distribution at fixed percentiles (``LatencyResults/cdfPercentiles``), for plots.
    public var cdf: [LatencyPoint]

    /// The percentiles ``cdf`` is sampled at.
    public static let cdfPercentiles: [Double] = [
        0.1, 0.5, 1, 2.5, 5, 7.5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 92.5, 95,
        96, 97, 97.5, 98, 98.5, 99, 99.5, 99.7, 99.8, 99.9, 99.95, 99.99,
    ]
}

/// One point of a latency distribution.
public struct LatencyPoint: Hashable, Sendable, Codable {
    /// The percentile, 0...100.
    public var percentile: Double
    /// The latency at it, in seconds.
    public var seconds: Double
}

/// One region's figures.
public struct RegionResults: Hashable, Sendable, Codable {
    /// The region's name.
    public var name: String
    /// Cores in all its zones.
    public var capacity: Int
    /// Busy cores over capacity, time-weighted, over its zones.
    public var utilisation: Double
    /// Requests its zones served.
    public var served: UInt64
    /// Bytes that left through its egress (zone responses and edge misses).
    public var egressBytes: Double
    /// Egress bits over egress capacity × measured time, when the egress has a capacity.
    public var egressUtilisation: Double?
    /// Bytes transaction requests carried into the region over its ingress (backhaul);
    /// nil, and absent from JSON, when no class carries request bytes.
    public var backhaulBytes: Double? = nil
    /// Those bytes as a mean rate over the measured span, in bit/s; nil as above.
    public var backhaulMeanBitsPerSecond: Double? = nil
    /// The 95th percentile (nearest rank) of the ingress's 5-minute average rates, in bit/s,
    /// sampled as billing samples egress; nil as above.
    public var backhaul95thBitsPerSecond: Double? = nil
    /// Ingress bits over its capacity × measured time, when the ingress has a capacity and
    /// a class carries request bytes.
    public var backhaulUtilisation: Double? = nil
}

/// One zone's figures.
public struct ZoneResults: Hashable, Sendable, Codable {
    /// The zone's name and its region's.
    public var name: String
    /// The region's name.
    public var region: String
    /// Cores (servers × cores per server).
    public var capacity: Int
    /// Busy cores over capacity, time-weighted.
    public var utilisation: Double
    /// Mean number waiting, time-weighted.
    public var meanQueueLength: Double
    /// Mean wait before service of requests that started service, in seconds.
    public var meanWaitSeconds: Double
    /// Fraction of time up.
    public var availability: Double
    /// Requests that arrived, were served, rejected, timed out, or failed with the zone.
    public var arrived: UInt64
    /// Requests served.
    public var served: UInt64
    /// Requests turned away (queue full or zone down).
    public var rejected: UInt64
    /// Requests that waited past the timeout.
    public var timedOut: UInt64
    /// Requests lost when the zone failed.
    public var failed: UInt64
    /// What its health checker saw; nil (absent from JSON) when it is not checked.
    public var detection: DetectionResults? = nil
    /// What its autoscaler did; nil (absent from JSON) when it has no policy.
    public var autoscaling: AutoscalingResults? = nil
}

/// What a zone's autoscaler did over the measured span. Servers are paid servers: in
/// service, starting up, or retiring (a removed server's cores finishing their requests),
/// counted as paid cores over cores per server.
public struct AutoscalingResults: Hashable, Sendable, Codable {
    /// The fewest, mean (time-weighted) and most paid servers.
    public var minServers: Double
    public var meanServers: Double
    public var maxServers: Double
    /// Scale-out and scale-in actions.
    public var scaleOuts: UInt64
    public var scaleIns: UInt64
    /// Evaluations that found the zone above its target with its maximum servers already
    /// running or starting (it could not scale out).
    public var evaluationsAtMax: UInt64
    /// Cores in service (started, not yet retired), time-weighted mean: the capacity the
    /// zone's utilisation is measured against, and its weight in its region's utilisation.
    public var meanCoresInService: Double = 0

    /// A zone's autoscaling figures; see each property.
    public init(
        minServers: Double,
        meanServers: Double,
        maxServers: Double,
        scaleOuts: UInt64,
        scaleIns: UInt64,
        evaluationsAtMax: UInt64,
        meanCoresInService: Double = 0
    ) {
        self.meanCoresInService = meanCoresInService
        self.minServers = minServers
        self.meanServers = meanServers
        self.maxServers = maxServers
        self.scaleOuts = scaleOuts
        self.scaleIns = scaleIns
        self.evaluationsAtMax = evaluationsAtMax
    }
}

/// What a site's health checker saw over the measured span: how long failures took to
/// detect and recoveries to notice, in seconds.
public struct DetectionResults: Hashable, Sendable, Codable {
    /// Outages marked down while the site was still down.
    public var outagesDetected: UInt64
    /// Their mean time from failure to mark-down, in seconds; nil when none.
    public var meanDetectionSeconds: Double?
    /// The shortest detection delay, in seconds; nil when none.
    public var minDetectionSeconds: Double?
    /// The longest detection delay, in seconds; nil when none.
    public var maxDetectionSeconds: Double?
    /// Outages that ended before they were detected (the router never avoided the site).
    public var undetectedOutages: UInt64
    /// Mark-downs that came after the site had already recovered.
    public var lateMarkDowns: UInt64
    /// Recoveries marked up while the site was still up.
    public var recoveriesDetected: UInt64
    /// Their mean time from recovery to mark-up, in seconds; nil when none.
    public var meanRecoverySeconds: Double?

    /// A checker's figures; see each property.
    public init(
        outagesDetected: UInt64,
        meanDetectionSeconds: Double?,
        minDetectionSeconds: Double?,
        maxDetectionSeconds: Double?,
        undetectedOutages: UInt64,
        lateMarkDowns: UInt64,
        recoveriesDetected: UInt64,
        meanRecoverySeconds: Double?
    ) {
        self.outagesDetected = outagesDetected
        self.meanDetectionSeconds = meanDetectionSeconds
        self.minDetectionSeconds = minDetectionSeconds
        self.maxDetectionSeconds = maxDetectionSeconds
        self.undetectedOutages = undetectedOutages
        self.lateMarkDowns = lateMarkDowns
        self.recoveriesDetected = recoveriesDetected
        self.meanRecoverySeconds = meanRecoverySeconds
    }
}

/// One edge site's figures.
public struct EdgeSiteResults: Hashable, Sendable, Codable {
    /// The site's name and region.
    public var name: String
    /// The region the site counts in.
    public var region: String
    /// Physical nodes it stands for.
    public var nodes: Int
    /// Cache hits over lookups, and hit bytes over looked-up bytes.
    public var hitRatio: Double
    /// Hit bytes over looked-up bytes.
    public var byteHitRatio: Double
    /// Requests served from the cache, and misses sent to the origin.
    public var hits: UInt64
    /// Misses sent to the origin.
    public var misses: UInt64
    /// Bytes sent to users (hits and misses).
    public var bytesServed: Double
    /// Uplink bits over uplink capacity × measured time.
    public var uplinkUtilisation: Double
    /// Fraction of time up.
    public var availability: Double
    /// What its health checker saw; nil (absent from JSON) when it is not checked.
    public var detection: DetectionResults? = nil
}

/// One shared pool's figures.
public struct SharedPoolResults: Hashable, Sendable, Codable {
    /// The pool's name and region.
    public var name: String
    /// The region the pool counts in.
    public var region: String
    /// Devices in the pool.
    public var devices: Int
    /// Fraction of devices online, time-weighted.
    public var onlineFraction: Double
    /// Requests and bytes its devices served.
    public var requestsServed: UInt64
    /// Bytes its devices sent.
    public var bytesServed: Double
    /// Credits earned by its devices for the bytes served.
    public var credits: Double
    /// Jobs completed on its devices, and the CPU-seconds they ran (wasted ones included).
    public var jobsCompleted: UInt64
    /// CPU-seconds jobs ran on its devices, wasted ones included.
    public var cpuSeconds: Double
    /// Jobs moved off its devices when they left.
    public var preemptions: UInt64
    /// Online/offline transitions.
    public var transitions: UInt64
}

/// What the measured span cost, in the price list's currency, by item, region and site.
public struct CostResults: Hashable, Sendable, Codable {
    /// The ISO 4217 code of every amount (`CNY`), nil when the price list has none.
    public var currency: String?
    /// On-demand compute: busy core-hours at each region's price.
    public var compute: Double
    /// Provisioned compute: every core of every zone for the whole span, used or not.
    public var provisioned: Double
    /// Cloud egress billed per GB.
    public var egress: Double
    /// Cloud egress billed on the 95th percentile (or the price's percentile) of 5-minute rates.
    public var egress95th: Double
    /// Edge sites' delivery, per GB and on the percentile.
    public var edge: Double
    /// Shared devices paid per GB served.
    public var sharedPerGB: Double
    /// Shared devices paid on the pools' percentile rates.
    public var shared95th: Double
    /// Shared devices paid for storage lent (GB-days).
    public var sharedStorage: Double
    /// Credits paid to shared devices, at the credit price.
    public var credits: Double
    /// Every item together.
    public var total: Double
    /// Per million served requests (nil when none was served).
    public var perMillionRequests: Double?
    /// Per TB delivered (nil when nothing was).
    public var perTBDelivered: Double?
    /// Per hour of the measured span at its load (nil when nothing was measured).
    public var perHour: Double?
    /// Per region, in region order.
    public var regions: [RegionCostResults]
    /// Backhaul: region ingress billed per GB and on the percentile; nil, and absent from
    /// JSON, when no region prices its ingress.
    public var backhaul: Double? = nil
    /// Per edge site, in spec order (empty when edge sites are unpriced).
    public var edgeSites: [SiteCostResults]
    /// Per shared pool, in spec order (empty when pools are unpriced).
    public var sharedPools: [SiteCostResults]

    /// The results of a priced run.
    public init(_ summary: CostSummary) {
        currency = summary.currency
        compute = summary.compute
        provisioned = summary.provisioned
        egress = summary.egress
        egress95th = summary.egress95th
        edge = summary.edge
        sharedPerGB = summary.sharedPerGB
        shared95th = summary.shared95th
        sharedStorage = summary.sharedStorage
        credits = summary.credits
        total = summary.total
        perMillionRequests = summary.costPerMillionRequests
        perTBDelivered = summary.costPerTBDelivered
        perHour = summary.costPerHour
        regions = summary.regions.map {
            RegionCostResults(
                region: $0.region,
                compute: $0.compute,
                egress: $0.egress,
                provisioned: $0.provisioned,
                egress95th: $0.egress95th,
                egress95thMbps: $0.egress95thMbps,
                total: $0.total
            )
        }
        edgeSites = summary.edgeSites.map(SiteCostResults.init)
        sharedPools = summary.sharedPools.map(SiteCostResults.init)
        if summary.regions.contains(where: { $0.backhaul > 0 || $0.backhaul95thMbps != nil }) {
            backhaul = summary.backhaul
            for (index, region) in summary.regions.enumerated() {
                regions[index].backhaul = region.backhaul
                regions[index].backhaul95thMbps = region.backhaul95thMbps
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case currency, compute, provisioned, egress, egress95th, edge, sharedPerGB, shared95th, sharedStorage
        case credits, total, perMillionRequests, perTBDelivered, perHour, regions, edgeSites, sharedPools
        case backhaul
    }

    /// Decodes results; items added with billing (provisioned, 95th, edge, shared devices, per
    /// hour, per site) default to none, so results written before them still read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func amount(_ key: CodingKeys) throws -> Double { try container.decodeIfPresent(Double.self, forKey: key) ?? 0 }
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        compute = try container.decode(Double.self, forKey: .compute)
        provisioned = try amount(.provisioned)
        egress = try container.decode(Double.self, forKey: .egress)
        egress95th = try amount(.egress95th)
        edge = try amount(.edge)
        sharedPerGB = try amount(.sharedPerGB)
        shared95th = try amount(.shared95th)
        sharedStorage = try amount(.sharedStorage)
        credits = try container.decode(Double.self, forKey: .credits)
        total = try container.decode(Double.self, forKey: .total)
        perMillionRequests = try container.decodeIfPresent(Double.self, forKey: .perMillionRequests)
        perTBDelivered = try container.decodeIfPresent(Double.self, forKey: .perTBDelivered)
        perHour = try container.decodeIfPresent(Double.self, forKey: .perHour)
        regions = try container.decode([RegionCostResults].self, forKey: .regions)
        edgeSites = try container.decodeIfPresent([SiteCostResults].self, forKey: .edgeSites) ?? []
        sharedPools = try container.decodeIfPresent([SiteCostResults].self, forKey: .sharedPools) ?? []
        backhaul = try container.decodeIfPresent(Double.self, forKey: .backhaul)
    }
}

/// One region's cost.
public struct RegionCostResults: Hashable, Sendable, Codable {
    /// The region's name.
    public var region: String
    /// On-demand compute: busy core-hours at the region price.
    public var compute: Double
    /// Egress per GB: GB out at the region price.
    public var egress: Double
    /// Provisioned compute: provisioned core-hours at the region price.
    public var provisioned: Double
    /// Egress on the percentile of the egress link's 5-minute rates.
    public var egress95th: Double
    /// The egress link's billed percentile rate in Mbit/s (nil when not billed so).
    public var egress95thMbps: Double?
    /// Everything the region costs.
    public var total: Double
    /// Backhaul: ingress per GB and on the percentile; nil (absent from JSON) when unpriced.
    public var backhaul: Double? = nil
    /// The ingress link's billed percentile rate in Mbit/s (nil when not billed so).
    public var backhaul95thMbps: Double? = nil

    /// One region's cost from its parts.
    public init(
        region: String,
        compute: Double,
        egress: Double,
        provisioned: Double,
        egress95th: Double,
        egress95thMbps: Double?,
        total: Double
    ) {
        self.region = region
        self.compute = compute
        self.egress = egress
        self.provisioned = provisioned
        self.egress95th = egress95th
        self.egress95thMbps = egress95thMbps
        self.total = total
    }

    private enum CodingKeys: String, CodingKey {
        case region, compute, egress, provisioned, egress95th, egress95thMbps, total, backhaul, backhaul95thMbps
    }

    /// Decodes a region's cost; items added with billing default to none (total: compute +
    /// egress), so results written before them still read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        region = try container.decode(String.self, forKey: .region)
        compute = try container.decode(Double.self, forKey: .compute)
        egress = try container.decode(Double.self, forKey: .egress)
        provisioned = try container.decodeIfPresent(Double.self, forKey: .provisioned) ?? 0
        egress95th = try container.decodeIfPresent(Double.self, forKey: .egress95th) ?? 0
        egress95thMbps = try container.decodeIfPresent(Double.self, forKey: .egress95thMbps)
        backhaul = try container.decodeIfPresent(Double.self, forKey: .backhaul)
        backhaul95thMbps = try container.decodeIfPresent(Double.self, forKey: .backhaul95thMbps)
        total =
            try container.decodeIfPresent(Double.self, forKey: .total)
            ?? compute + provisioned + egress + egress95th + (backhaul ?? 0)
    }
}

/// One edge site's or shared pool's cost.
public struct SiteCostResults: Hashable, Sendable, Codable {
    /// The site's or pool's name.
    public var name: String
    /// Per-GB charge.
    public var perGB: Double
    /// Percentile charge.
    public var percentile: Double
    /// The billed percentile rate in Mbit/s (nil when not billed so).
    public var percentileMbps: Double?
    /// Storage lent, GB-days at the price (pools only).
    public var storage: Double
    /// Credits at the credit price (pools only).
    public var credits: Double
    /// Everything the site costs.
    public var total: Double

    /// The results of one priced site.
    public init(_ cost: SiteCost) {
        name = cost.site
        perGB = cost.perGB
        percentile = cost.percentile
        percentileMbps = cost.percentileMbps
        storage = cost.storage
        credits = cost.credits
        total = cost.total
    }
}

/// The figures of one interval of the measured span.
public struct IntervalResults: Hashable, Sendable, Codable {
    /// Start, relative to the end of the warm-up, and length, in seconds.
    public var startSeconds: Double
    /// The interval length, in seconds (the last may be shorter).
    public var lengthSeconds: Double
    /// Per workload class, in spec order.
    public var workloads: [IntervalWorkloadPoint]
    /// Per zone: busy cores over capacity, time-weighted within the interval.
    public var zoneUtilisation: [Double]
    /// Per shared pool: fraction of devices online, time-weighted within the interval.
    public var poolOnlineFraction: [Double]
    /// Per zone: paid servers (in service, starting, retiring), time-weighted within the
    /// interval; nil (absent from JSON) when no zone is autoscaled.
    public var zoneServers: [Double]? = nil
    /// Per drawn link, in ``ModelResults/links`` order: bytes, utilisation and flows in the
    /// interval; nil (absent from JSON) when the scenario draws no link.
    public var links: [IntervalLinkPoint]? = nil
}

/// One class's figures in one interval.
public struct IntervalWorkloadPoint: Hashable, Sendable, Codable {
    /// Requests served, and lost for good (rejected or failed), in the interval.
    public var served: UInt64
    /// Requests lost for good (rejected or failed) in the interval.
    public var lost: UInt64
    /// Served per second, and delivered bits per second.
    public var throughputPerSecond: Double
    /// Delivered bits per second.
    public var bitsPerSecond: Double
    /// Mean latency of the interval's served requests, in seconds (nil when none).
    public var meanLatencySeconds: Double?
    /// Median latency of the interval's served requests, in seconds (nil when none; within
    /// 3.2% of the exact nearest-rank value, see ``IntervalQuantiles``).
    public var latencyP50Seconds: Double? = nil
    /// 99th-percentile latency of the interval's served requests, in seconds (nil when none;
    /// within 3.2%, see ``IntervalQuantiles``).
    public var latencyP99Seconds: Double? = nil
    /// Requests that arrived in the interval (nil in results written before it was counted).
    public var arrived: UInt64? = nil
}
