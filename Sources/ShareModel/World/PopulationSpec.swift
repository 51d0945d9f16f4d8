public import SimCore

/// A group of users in one place and the work they generate.
public struct PopulationSpec: Hashable, Sendable {
    /// The population's name, unique in the model, such as `hong-kong`.
    public var name: String
    /// Where the users are.
    public var location: GeoCoordinate
    /// What the users connect from, which sets their access latency (home broadband by
    /// default).
    public var clientKind: SiteKind
    /// The aggregate downlink of the population's access network in bits per second, shared
    /// max-min fairly by every transfer to it; nil for no limit.
    public var accessBitsPerSecond: Double?
    /// Each client's own line (its downlink), drawn per request from a mix of access
    /// technologies; every transfer to the client is capped by it. Nil for no per-client cap
    /// (a transfer then goes as fast as the links it crosses allow, which overstates what one
    /// home receives).
    public var lines: ClientLineMix?
    /// The regions the population may be served from (data residency, as under GDPR); nil
    /// for anywhere. Edge sites and shared pools count as being in their ``EdgeSiteSpec/region``
    /// and ``SharedPoolPlacement/region``.
    public var allowedRegions: [String]?
    /// The work the population generates, one arrival process per entry.
    public var demands: [WorkloadDemand]

    /// A population at `location` generating `demands`, its clients on `lines` (nil: no
    /// per-client cap).
    public init(
        name: String,
        location: GeoCoordinate,
        clientKind: SiteKind = .homeBroadband,
        accessBitsPerSecond: Double? = nil,
        lines: ClientLineMix? = nil,
        allowedRegions: [String]? = nil,
        demands: [WorkloadDemand]
    ) {
        self.lines = lines
        self.name = name
        self.location = location
        self.clientKind = clientKind
        self.accessBitsPerSecond = accessBitsPerSecond
        self.allowedRegions = allowedRegions
        self.demands = demands
    }
}

/// One arrival process: requests of one workload class at a rate that follows a profile.
public struct WorkloadDemand: Hashable, Sendable {
    /// The name of the workload class (``WorkloadClassSpec/name``).
    public var workloadClass: String
    /// Arrivals per second over time (diurnal curve, flash peaks): the long-run mean rate of
    /// every process but a burst, which ignores it (give it a rate of zero).
    public var rate: RateProfile
    /// How the arrivals are spread around ``rate``: Poisson (the default), deterministic,
    /// batches, on/off bursts, or one burst.
    public var arrivals: ArrivalProcess

    /// Requests of `workloadClass` arriving at `rate` by `arrivals` (Poisson by default).
    public init(workloadClass: String, rate: RateProfile, arrivals: ArrivalProcess = .poisson) {
        self.workloadClass = workloadClass
        self.rate = rate
        self.arrivals = arrivals
    }

    /// The expected number of requests created on `0 ..< end`.
    ///
    /// - Complexity: O(pieces of the profile up to `end`).
    public func expectedCount(until end: SimTime) -> Double {
        switch arrivals {
        case .burst(let count, let at): at < end ? Double(count) : 0
        default: rate.expectedCount(from: .zero, to: end)
        }
    }
}
