/// The two ends of a ``PathSpec``, resolved to positions in the ``ModelSpec``'s lists: who is
/// served (a population, or an edge site fetching a miss) and what serves it.
struct PathEnds: Hashable, Sendable {
    /// The end that receives the bytes.
    enum Client: Hashable, Sendable {
        /// A population, by its position in ``ModelSpec/populations``.
        case population(Int)
        /// An edge site fetching misses, by its position in ``ModelSpec/edgeSites``.
        case edgeSite(Int)
    }

    /// The end that sends them.
    enum Server: Hashable, Sendable {
        /// A region (all its zones), by its position in ``ModelSpec/regions``.
        case region(Int)
        /// A zone, by its position in ``ModelSpec/zones``.
        case zone(Int)
        /// An edge site, by its position in ``ModelSpec/edgeSites``.
        case edgeSite(Int)
        /// A shared pool, by its position in ``ModelSpec/sharedPools``.
        case pool(Int)
    }

    let client: Client
    let server: Server
}

/// The positions of every name a path end may take, by kind (the first of a repeated name).
struct PathEndNames {
    let populations: [String: Int]
    let regions: [String: Int]
    let zones: [String: Int]
    let edgeSites: [String: Int]
    let pools: [String: Int]

    init(_ spec: ModelSpec) {
        populations = Self.positions(spec.populations.map(\.name))
        regions = Self.positions(spec.regionNames)
        zones = Self.positions(spec.zones.map(\.zone.name))
        edgeSites = Self.positions(spec.edgeSites.map(\.name))
        pools = Self.positions(spec.sharedPools.map(\.pool.name))
    }

    static func positions(_ names: [String]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (position, name) in names.enumerated() where positions[name] == nil { positions[name] = position }
        return positions
    }

    /// Whether `name` names anything a path may join.
    func isKnown(_ name: String) -> Bool {
        populations[name] != nil || regions[name] != nil || zones[name] != nil || edgeSites[name] != nil
            || pools[name] != nil
    }

    /// The site or region `name` serving a population: a zone, edge site or pool before a
    /// region of the same name.
    func server(_ name: String) -> PathEnds.Server? {
        if let zone = zones[name] { return .zone(zone) }
        if let edge = edgeSites[name] { return .edgeSite(edge) }
        if let pool = pools[name] { return .pool(pool) }
        return regions[name].map(PathEnds.Server.region)
    }

    /// The ends `a` and `b` join, in either order: a population and what serves it, or an edge
    /// site and a region; nil when they join neither.
    func ends(_ a: String, _ b: String) -> PathEnds? {
        for (client, server) in [(a, b), (b, a)] {
            if let population = populations[client], let server = self.server(server) {
                return PathEnds(client: .population(population), server: server)
            }
        }
        for (client, server) in [(a, b), (b, a)] {
            if let edge = edgeSites[client], let region = regions[server] {
                return PathEnds(client: .edgeSite(edge), server: .region(region))
            }
        }
        return nil
    }
}
