public import SimCore

/// Everything a run of the whole model needs: topology, users and their work, policies,
/// failures, prices and the run's timing. Built in code by tests or by the scenario layer
/// from a file; ``validate()`` checks it as a whole, cross-references included.
///
/// Names: regions, sites (zones, edge sites, shared pools), populations and workload
/// classes each have unique names; zones, edge sites and pools share one namespace (they
/// are all *sites* to routing).
public struct ModelSpec: Sendable {
    /// Cloud regions with their zones, on the map.
    public var regions: [CloudRegionPlacement]
    /// Edge caches.
    public var edgeSites: [EdgeSiteSpec]
    /// Pools of home devices.
    public var sharedPools: [SharedPoolPlacement]
    /// Users and the work they generate.
    public var populations: [PopulationSpec]
    /// The classes of work; each zone has one service time per class, in this order.
    public var workloadClasses: [WorkloadClassSpec]
    /// How sites are chosen.
    public var routing: RoutingPolicy
    /// How rejected or failed requests are retried.
    public var retry: RetryPolicy
    /// One-way latency between places (endpoints are named after regions, edge sites,
    /// pools and populations, for measured overrides).
    public var latency: LatencyModel
    /// Planned outages.
    public var outages: [ScheduledOutage]
    /// Random failures from MTBF/MTTR.
    public var randomFailures: [RandomFailureSpec]
    /// Zones that fail together when a failure targets the group.
    public var failureGroups: [FailureGroupSpec]
    /// Gray failures: zones that serve slower for a while, staying up.
    public var slowdowns: [ScheduledSlowdown]
    /// The health check of every zone and edge site, unless overridden; nil (and no
    /// override) for instant knowledge: the router then sees each site's true state.
    public var healthCheck: HealthCheckSpec?
    /// Health checks of particular regions, zones or edge sites, in place of ``healthCheck``.
    public var healthCheckOverrides: [HealthCheckOverride]
    /// Prices for the cost figures; nil for no cost accounting.
    public var prices: PriceList?
    /// Arrival traces replayed beside the populations' own arrival processes.
    public var arrivalTraces: [ArrivalTraceSpec] = []
    /// Device on/off traces, each driving devices of one shared pool instead of its churn.
    public var deviceTraces: [DeviceTraceSpec] = []
    /// Links drawn beside the built-in ones (backbones, cross-border links); none by default.
    public var links: [LinkSpec] = []
    /// The drawn links traffic between two ends crosses; none by default: every request
    /// crosses only its ends' own lines, as without `paths`.
    public var paths: [PathSpec] = []
    /// Simulated time before measurement starts (statistics are discarded).
    public var warmup: SimDuration
    /// Simulated time measured after the warm-up.
    public var duration: SimDuration
    /// The length of one interval of the time series.
    public var interval: SimDuration

    /// A model spec; see each property.
    public init(
        regions: [CloudRegionPlacement],
        edgeSites: [EdgeSiteSpec] = [],
        sharedPools: [SharedPoolPlacement] = [],
        populations: [PopulationSpec],
        workloadClasses: [WorkloadClassSpec],
        routing: RoutingPolicy = .nearestHealthy,
        retry: RetryPolicy = .none,
        latency: LatencyModel,
        outages: [ScheduledOutage] = [],
        randomFailures: [RandomFailureSpec] = [],
        failureGroups: [FailureGroupSpec] = [],
        slowdowns: [ScheduledSlowdown] = [],
        healthCheck: HealthCheckSpec? = nil,
        healthCheckOverrides: [HealthCheckOverride] = [],
        prices: PriceList? = nil,
        warmup: SimDuration = .zero,
        duration: SimDuration,
        interval: SimDuration
    ) {
        self.regions = regions
        self.edgeSites = edgeSites
        self.sharedPools = sharedPools
        self.populations = populations
        self.workloadClasses = workloadClasses
        self.routing = routing
        self.retry = retry
        self.latency = latency
        self.outages = outages
        self.randomFailures = randomFailures
        self.failureGroups = failureGroups
        self.slowdowns = slowdowns
        self.healthCheck = healthCheck
        self.healthCheckOverrides = healthCheckOverrides
        self.prices = prices
        self.warmup = warmup
        self.duration = duration
        self.interval = interval
    }

    /// Every zone in region order, with its region's index.
    public var zones: [(region: Int, zone: ZoneSpec)] {
        regions.enumerated().flatMap { index, placement in placement.region.zones.map { (index, $0) } }
    }

    /// The names of every site: zones, then edge sites, then pools.
    public var siteNames: [String] {
        zones.map(\.zone.name) + edgeSites.map(\.name) + sharedPools.map(\.pool.name)
    }

    /// The names of the regions.
    public var regionNames: [String] { regions.map(\.region.name) }
}
