/// A cloud region placed on the map: its zones, where it is, and its way out to users.
public struct CloudRegionPlacement: Hashable, Sendable {
    /// The region and its zones.
    public var region: RegionSpec
    /// Where the region's data centres are.
    public var location: GeoCoordinate
    /// The capacity of the region's egress to users in bits per second, shared max-min
    /// fairly by every transfer out of the region; nil for no limit.
    public var egressBitsPerSecond: Double?
    /// The capacity of the region's backhaul from users into it, in bits per second (the
    /// link transaction requests' bytes cross on their way in, such as a leased cross-border
    /// line), shared max-min fairly by every upload into the region; nil for no limit.
    public var ingressBitsPerSecond: Double?

    /// `region` at `location`, with optional egress and ingress capacities in bits per second.
    public init(
        region: RegionSpec,
        location: GeoCoordinate,
        egressBitsPerSecond: Double? = nil,
        ingressBitsPerSecond: Double? = nil
    ) {
        self.region = region
        self.location = location
        self.egressBitsPerSecond = egressBitsPerSecond
        self.ingressBitsPerSecond = ingressBitsPerSecond
    }
}

/// An edge site: a cache near users with an uplink, filling misses from an origin region.
///
/// A site may stand for several nodes in one place (``nodes``); cache and uplink are the
/// site's totals.
public struct EdgeSiteSpec: Hashable, Sendable {
    /// The site's name, unique among sites.
    public var name: String
    /// Where it is.
    public var location: GeoCoordinate
    /// The region it belongs to (for data residency and egress pricing).
    public var region: String
    /// The region its misses are fetched from.
    public var originRegion: String
    /// The cache's capacity in bytes (LRU over every content class's catalogue).
    public var cacheBytes: Int64
    /// The site's uplink to users in bits per second.
    public var uplinkBitsPerSecond: Double
    /// How many physical nodes the site stands for (reporting only; ≥ 1).
    public var nodes: Int

    /// An edge site.
    public init(
        name: String,
        location: GeoCoordinate,
        region: String,
        originRegion: String,
        cacheBytes: Int64,
        uplinkBitsPerSecond: Double,
        nodes: Int = 1
    ) {
        self.name = name
        self.location = location
        self.region = region
        self.originRegion = originRegion
        self.cacheBytes = cacheBytes
        self.uplinkBitsPerSecond = uplinkBitsPerSecond
        self.nodes = nodes
    }
}

/// A shared pool placed on the map and attached to the model.
///
/// Devices cache the catalogue by proportional placement: device `i` holds object `j` of a
/// content class with probability min(1, cᵢ·pⱼ), pⱼ the object's popularity and cᵢ the
/// number of objects of that class the device's storage holds (its storage, split evenly
/// among the content classes, over the class's mean object size). Whether it does is a
/// stable hash of pool, device, class and object, so it costs no memory per device.
public struct SharedPoolPlacement: Hashable, Sendable {
    /// The pool's devices and their behaviour.
    public var pool: SharedPoolSpec
    /// Where the devices are (their centre).
    public var location: GeoCoordinate
    /// The region the pool counts as being in (for data residency).
    public var region: String
    /// How many random online, reachable devices the scheduler asks before it gives up on
    /// the pool for one request (≥ 1).
    public var probes: Int
    /// The most transfers one device sends at once (1...255); a device at its limit is
    /// passed over, so a small pool saturates and a larger one serves more.
    public var maxUploads: Int

    /// `pool` at `location`, counted in `region`.
    public init(pool: SharedPoolSpec, location: GeoCoordinate, region: String, probes: Int = 8, maxUploads: Int = 4) {
        self.pool = pool
        self.location = location
        self.region = region
        self.probes = probes
        self.maxUploads = maxUploads
    }
}
