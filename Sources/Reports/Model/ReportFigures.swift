/// Every figure of a run, each as an ``Estimate`` over replications, grouped as the model
/// is: per workload class, region, zone, edge site, shared pool, cost, and the time series.
///
/// An estimate is nil where the figure is undefined in every replication (a latency with
/// nothing served, an SLO attainment without an objective). Entities appear in spec order.
public struct ReportFigures: Hashable, Sendable, Codable {
    /// Per workload class, in spec order.
    public var workloads: [WorkloadFigures]
    /// Per cloud region, in spec order.
    public var regions: [RegionFigures]
    /// Per zone, in region order.
    public var zones: [ZoneFigures]
    /// Per edge site, in spec order.
    public var edgeSites: [EdgeSiteFigures]
    /// Per shared pool, in spec order.
    public var sharedPools: [SharedPoolFigures]
    /// The run's cost, or nil when the scenario has no prices.
    public var cost: CostFigures?
    /// The per-interval time series, averaged over replications.
    public var series: [SeriesPointFigures]
    /// The subjects of the stage figures (`<workload>:<stage>`, class then stage order), or
    /// nil, and absent from JSON, when no class has stages.
    public var stages: [String]? = nil
    /// The names of the links drawn in the scenario, the subjects of the link figures, or nil,
    /// and absent from JSON, when it draws none.
    public var links: [String]? = nil
}

/// One workload class's figures.
public struct WorkloadFigures: Hashable, Sendable, Codable {
    /// The class's name.
    public var name: String
    /// `transaction`, `download`, `stream` or `compute`.
    public var kind: String
    /// The latency objective in seconds, if the class has one.
    public var sloSeconds: Double?
    /// Served requests per second of measured time.
    public var throughputPerSecond: Estimate?
    /// Delivered bits per second of measured time.
    public var bitsPerSecond: Estimate?
    /// End-to-end latency of served requests, in seconds.
    public var latency: LatencyFigures
    /// Served requests within the objective over served requests, 0...1.
    public var sloAttainment: Estimate?
    /// Served over arrived, 0...1; requests unfinished at the end count against it.
    public var successRatio: Estimate?
    /// Requests created in the measured span.
    public var arrived: Estimate?
    /// Requests served.
    public var served: Estimate?
    /// Requests turned away on their last attempt.
    public var rejected: Estimate?
    /// Requests lost after being accepted.
    public var failed: Estimate?
    /// Requests still in flight when the run ended: neither served nor lost.
    public var unfinished: Estimate?
    /// Extra attempts made.
    public var retries: Estimate?
    /// Stream playback stall, seconds summed over served streams.
    public var stallSeconds: Estimate?
    /// Jobs moved because their device left.
    public var preemptions: Estimate?
    /// The share of served requests each source served, in the order edge, shared devices,
    /// each cloud region, origin.
    public var servedBy: [ServedByShare]
    /// Attempts that reached a site that was down; nil when no site is health-checked.
    public var sentToDeadSites: Estimate? = nil
    /// Mean time retried requests spent before the attempt that served them, in seconds;
    /// nil when no site is health-checked.
    public var retryDelaySeconds: Estimate? = nil
    /// Request bytes carried up; nil unless the class is a transaction with a payload.
    public var bytesUp: Estimate? = nil
    /// Those bytes as a mean rate, in bit/s; nil as above.
    public var bitsPerSecondUp: Estimate? = nil
    /// Response bytes delivered down; nil as above.
    public var bytesDown: Estimate? = nil
    /// A stream's start-up delay percentiles in seconds, rebuffers per session, rebuffering
    /// ratio and share of sessions with a rebuffer; nil for other classes.
    public var startupDelayP50: Estimate? = nil
    public var startupDelayP90: Estimate? = nil
    public var startupDelayP99: Estimate? = nil
    public var rebuffersPerSession: Estimate? = nil
    public var rebufferRatio: Estimate? = nil
    public var rebufferedSessionShare: Estimate? = nil
    /// Time to first byte, p50 and p99, in seconds (the same for every kind).
    public var timeToFirstByteP50: Estimate? = nil
    public var timeToFirstByteP99: Estimate? = nil
    /// A stream's mean bitrate of the media received, in bit/s; nil for other classes.
    public var averageBitrate: Estimate? = nil
}

/// The share of one class's served requests that one source served.
public struct ServedByShare: Hashable, Sendable, Codable {
    /// `edge`, `shared`, `origin`, or `cloud:<region>`.
    public var source: String
    /// A label for people: `Edge`, `Shared devices`, `Cloud eu-west`, `Origin`.
    public var label: String
    /// The share, 0...1; nil when nothing was served.
    public var share: Estimate?
}

/// A latency distribution's summary, in seconds.
public struct LatencyFigures: Hashable, Sendable, Codable {
    /// Mean, median, p90, p99, p99.9 and maximum, in seconds.
    public var mean: Estimate?
    public var p50: Estimate?
    public var p90: Estimate?
    public var p99: Estimate?
    public var p999: Estimate?
    public var max: Estimate?
    /// The distribution at fixed percentiles, averaged over replications, for plots.
    public var cdf: [LatencyCDFPoint]
}

/// One point of an averaged latency distribution.
public struct LatencyCDFPoint: Hashable, Sendable, Codable {
    /// The percentile, 0...100.
    public var percentile: Double
    /// The mean latency at it over replications, in seconds.
    public var seconds: Double
}

/// One region's figures.
public struct RegionFigures: Hashable, Sendable, Codable {
    /// The region's name.
    public var name: String
    /// Cores in all its zones.
    public var capacity: Int
    /// Busy cores over capacity, 0...1.
    public var utilisation: Estimate?
    /// Mean number waiting, summed over its zones, in requests.
    public var meanQueueLength: Estimate?
    /// Fraction of time up, capacity-weighted over its zones, 0...1.
    public var availability: Estimate?
    /// Requests its zones served.
    public var served: Estimate?
    /// Egress bits over egress capacity × time, 0...1, when the egress has a capacity.
    public var egressUtilisation: Estimate?
    /// Everything the region is billed, in the scenario currency (priced runs only).
    public var cost: Estimate? = nil
    /// The billed percentile of the egress link's 5-minute rates, in bit/s (when billed so).
    public var egress95th: Estimate? = nil
    /// Mean rate of request bytes into the region over its ingress (backhaul), in bit/s; nil
    /// unless a transaction class carries request bytes.
    public var backhaulMean: Estimate? = nil
    /// The 95th percentile of the ingress's 5-minute average rates, in bit/s; nil as above.
    public var backhaul95th: Estimate? = nil
    /// Ingress bits over its capacity × time, when it has one; nil as above.
    public var backhaulUtilisation: Estimate? = nil
}

/// One zone's figures.
public struct ZoneFigures: Hashable, Sendable, Codable {
    /// The zone's name and its region's.
    public var name: String
    public var region: String
    /// Cores (servers × cores per server).
    public var capacity: Int
    /// Busy cores over capacity, 0...1.
    public var utilisation: Estimate?
    /// Mean number waiting, in requests.
    public var meanQueueLength: Estimate?
    /// Mean wait before service, in seconds.
    public var meanWaitSeconds: Estimate?
    /// Fraction of time up, 0...1.
    public var availability: Estimate?
    /// Requests served and rejected.
    public var served: Estimate?
    public var rejected: Estimate?
    /// Mean and longest time from failure to its health check marking it down, in seconds;
    /// nil when it is not health-checked or never failed.
    public var detectionSeconds: Estimate? = nil
    public var maxDetectionSeconds: Estimate? = nil
    /// Outages that ended before they were detected; nil when it is not health-checked.
    public var undetectedOutages: Estimate? = nil
    /// Paid servers (in service, starting or retiring): fewest, time-weighted mean and most;
    /// nil when the zone is not autoscaled.
    public var serversMin: Estimate? = nil
    public var serversMean: Estimate? = nil
    public var serversMax: Estimate? = nil
    /// Scale-out and scale-in actions; nil when the zone is not autoscaled.
    public var scaleOuts: Estimate? = nil
    public var scaleIns: Estimate? = nil
}

/// One edge site's figures.
public struct EdgeSiteFigures: Hashable, Sendable, Codable {
    /// The site's name and region.
    public var name: String
    public var region: String
    /// Physical nodes it stands for.
    public var nodes: Int
    /// Hits over lookups, and hit bytes over looked-up bytes, 0...1.
    public var hitRatio: Estimate?
    public var byteHitRatio: Estimate?
    /// Bytes sent to users.
    public var bytesServed: Estimate?
    /// Uplink bits over uplink capacity × time, 0...1.
    public var uplinkUtilisation: Estimate?
    /// Fraction of time up, 0...1.
    public var availability: Estimate?
    /// What the site's delivery is billed, in the scenario currency (priced runs only).
    public var cost: Estimate? = nil
    /// The billed percentile of the uplink's 5-minute rates, in bit/s (when billed so).
    public var uplink95th: Estimate? = nil
    /// Mean time from failure to its health check marking it down, in seconds; nil when it is
    /// not health-checked or never failed.
    public var detectionSeconds: Estimate? = nil
}

/// One shared pool's figures.
public struct SharedPoolFigures: Hashable, Sendable, Codable {
    /// The pool's name and region.
    public var name: String
    public var region: String
    /// Devices in the pool.
    public var devices: Int
    /// Fraction of devices online, time-weighted, 0...1.
    public var onlineFraction: Estimate?
    /// Bytes its devices served.
    public var bytesServed: Estimate?
    /// Requests its devices served.
    public var requestsServed: Estimate?
    /// Credits its devices earned.
    public var credits: Estimate?
    /// What the pool's devices are paid, in the scenario currency (priced runs only).
    public var cost: Estimate? = nil
    /// The billed percentile of the pool's 5-minute upload rates, in bit/s (when billed so).
    public var bandwidth95th: Estimate? = nil
    /// What one device is paid per 30-day month at the run's pace (priced runs only).
    public var payoutPerDevicePerMonth: Estimate? = nil
}

/// The run's cost by item, in the scenario's currency (``currency``).
public struct CostFigures: Hashable, Sendable, Codable {
    /// The ISO 4217 code of every amount (`CNY`), nil when the prices have none.
    public var currency: String? = nil
    /// On-demand compute: busy core-hours at the regions' prices.
    public var compute: Estimate?
    /// Provisioned compute: every core for the whole span, used or not.
    public var provisioned: Estimate? = nil
    /// Cloud egress per GB.
    public var egress: Estimate?
    /// Cloud egress on the 95th percentile of 5-minute rates.
    public var egress95th: Estimate? = nil
    /// Backhaul (region ingress) per GB and on the 95th percentile; nil when unpriced.
    public var backhaul: Estimate? = nil
    /// Edge delivery, per GB and 95th percentile.
    public var edge: Estimate? = nil
    /// Shared devices paid per GB served.
    public var sharedPerGB: Estimate? = nil
    /// Shared devices paid on the 95th percentile.
    public var shared95th: Estimate? = nil
    /// Shared devices paid for storage lent.
    public var sharedStorage: Estimate? = nil
    /// Credits paid to shared devices, at the credit price.
    public var credits: Estimate?
    /// Every item together.
    public var total: Estimate?
    /// Per million served requests.
    public var perMillionRequests: Estimate?
    /// Per TB (10¹² bytes) delivered.
    public var perTBDelivered: Estimate?
    /// Per hour of the measured span (a peak hour when the scenario models a peak).
    public var perHour: Estimate? = nil
}

/// One interval of the time series, averaged over the replications that reached it.
public struct SeriesPointFigures: Hashable, Sendable, Codable {
    /// Start, relative to the end of the warm-up, and length, in seconds.
    public var startSeconds: Double
    public var lengthSeconds: Double
    /// Per workload class, in spec order.
    public var workloads: [SeriesWorkloadFigures]
    /// Per zone: busy cores over capacity within the interval, 0...1.
    public var zoneUtilisation: [Estimate?]
    /// Per shared pool: fraction of devices online within the interval, 0...1.
    public var poolOnlineFraction: [Estimate?]
    /// Per zone: paid servers within the interval, time-weighted; nil when no zone is autoscaled.
    public var zoneServers: [Estimate?]? = nil
    /// Per drawn link, in ``ReportFigures/links`` order; nil when the scenario draws none.
    public var links: [SeriesLinkFigures]? = nil
}

/// One drawn link's figures in one interval.
public struct SeriesLinkFigures: Hashable, Sendable, Codable {
    /// Bytes that crossed the link in the interval.
    public var bytes: Estimate?
    /// Those bytes' bits over capacity × the interval's length, 0...1.
    public var utilisation: Estimate?
    /// Active flows on the link, time-weighted within the interval.
    public var meanFlows: Estimate?
}

/// One class's figures in one interval.
public struct SeriesWorkloadFigures: Hashable, Sendable, Codable {
    /// Served per second, and delivered bits per second.
    public var throughputPerSecond: Estimate?
    public var bitsPerSecond: Estimate?
    /// Mean latency of the interval's served requests, in seconds.
    public var meanLatencySeconds: Estimate?
    /// Median latency of the interval's served requests, in seconds (within 3.2%).
    public var latencyP50Seconds: Estimate? = nil
    /// 99th-percentile latency of the interval's served requests, in seconds (within 3.2%).
    public var latencyP99Seconds: Estimate? = nil
    /// Requests served, and lost for good, in the interval.
    public var served: Estimate?
    public var lost: Estimate?
}
