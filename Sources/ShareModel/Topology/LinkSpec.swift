public import SimCore

/// A link drawn in the scenario beside the built-in ones: a backbone trunk, a cross-border
/// link, a submarine cable. Traffic crosses it when a ``PathSpec`` names it; it is loss-free,
/// shared max-min fairly like every link, and can fail like any other (`failures[].link`).
public struct LinkSpec: Sendable, Hashable {
    /// How a link's one-way latency is given.
    public enum Latency: Sendable, Hashable {
        /// A fixed one-way latency (≥ 0).
        case fixed(SimDuration)
        /// The great-circle distance between two places of the map (regions, edge sites,
        /// shared pools or populations, by name) over fibre, as the latency model derives a
        /// propagation delay (no access latency: a link joins two ends of the backbone).
        case between(String, String)
    }

    /// Unique among links, built-in names (`<region>.egress`, …) included.
    public var name: String
    /// Capacity in bits per second (finite, > 0).
    public var capacityBitsPerSecond: Double
    /// Its one-way latency.
    public var latency: Latency

    /// A link named `name` of `capacityBitsPerSecond` (bits per second) and `latency`.
    public init(name: String, capacityBitsPerSecond: Double, latency: Latency) {
        self.name = name
        self.capacityBitsPerSecond = capacityBitsPerSecond
        self.latency = latency
    }
}

/// The links the traffic between two ends crosses besides the ends' own lines: a population
/// and a region, zone, edge site or shared pool it is served from, or an edge site and its
/// origin region (either end may be written first).
///
/// A request between those ends crosses the `via` links in the order written (for the
/// bytes it moves) and pays their one-way latencies each way (its round trip, which
/// routing sees). A path to a zone beats a path to its region.
public struct PathSpec: Sendable, Hashable {
    /// One end, by name.
    public var from: String
    /// The other end, by name.
    public var to: String
    /// The link names crossed, in order: drawn links (``LinkSpec``) or built-in links with
    /// a capacity; at least one, none twice.
    public var via: [String]

    /// The path from `from` to `to` over `via`.
    public init(from: String, to: String, via: [String]) {
        self.from = from
        self.to = to
        self.via = via
    }
}
