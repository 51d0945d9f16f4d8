import SimCore

/// One path of ``ModelSpec/paths`` as the model uses it: its links and their one-way latency.
struct ModelPath: Sendable {
    /// Its links' positions in ``WorldModel/pathHops``.
    let hops: Range<Int>
    /// The sum of its drawn links' one-way latencies (built-in links add none: their ends'
    /// geography has it already).
    let latency: SimDuration
}

extension WorldModel {
    /// Creates the links drawn in ``ModelSpec/links``, in order, after the built-in ones.
    mutating func buildDrawnLinks() throws(SpecError) {
        for (index, link) in spec.links.enumerated() {
            drawnLinks.append(
                try addLink(
                    link.capacityBitsPerSecond,
                    owner: .drawn(index),
                    element: .link(link.name),
                    field: .capacity
                )
            )
        }
    }

    /// Resolves ``ModelSpec/paths`` into ``paths`` and their links, and fills the lookup
    /// tables: a path per population and site (a zone's own path beats its region's) and
    /// per edge site to its origin. Nothing when the spec has no paths.
    ///
    /// - Complexity: O(populations × sites + paths × (via + zones)), once.
    mutating func buildPaths() {
        guard !spec.paths.isEmpty else { return }
        var linkByName: [String: LinkID] = [:]
        for (index, placement) in spec.regions.enumerated() {
            linkByName["\(placement.region.name).egress"] = regions[index].egressLink
            linkByName["\(placement.region.name).ingress"] = regions[index].ingressLink
        }
        for (index, site) in spec.edgeSites.enumerated() { linkByName["\(site.name).uplink"] = edgeSites[index].uplink }
        for (index, population) in spec.populations.enumerated() {
            linkByName["\(population.name).access"] = populations[index].accessLink
        }
        var drawnLatency: [LinkID: SimDuration] = [:]
        for (index, link) in spec.links.enumerated() {
            linkByName[link.name] = drawnLinks[index]
            drawnLatency[drawnLinks[index]] = spec.oneWayLatency(of: link)
        }
        let names = PathEndNames(spec)
        let siteCount = sites.count
        clientPaths = Array(repeating: -1, count: populations.count * siteCount)
        var resolved: [(ends: PathEnds, path: Int32)] = []
        for path in spec.paths {
            guard let ends = names.ends(path.from, path.to) else { continue }
            let start = pathHops.count
            var latency = SimDuration.zero
            for name in path.via {
                guard let link = linkByName[name], !link.isNone else { continue }
                pathHops.append(link)
                latency = latency + (drawnLatency[link] ?? .zero)
            }
            paths.append(ModelPath(hops: start..<pathHops.count, latency: latency))
            resolved.append((ends, Int32(paths.count - 1)))
        }
        // Regions first, so that a zone's own path, set after, replaces its region's.
        let ordered = resolved.filter { !$0.ends.isZone } + resolved.filter { $0.ends.isZone }
        for (ends, path) in ordered {
            switch (ends.client, ends.server) {
            case (.edgeSite(let edge), _):
                edgeSites[EdgeSiteID(UInt32(edge))].originPath = path
            case (.population(let population), .region(let region)):
                for zone in zones.ids where zones[zone].region.offset == region {
                    clientPaths[population * siteCount + zones[zone].site.offset] = path
                }
            case (.population(let population), .zone(let zone)):
                clientPaths[population * siteCount + zones[ZoneID(UInt32(zone))].site.offset] = path
            case (.population(let population), .edgeSite(let edge)):
                clientPaths[population * siteCount + edgeSites[EdgeSiteID(UInt32(edge))].site.offset] = path
            case (.population(let population), .pool(let pool)):
                clientPaths[population * siteCount + pools[PoolID(UInt32(pool))].site.offset] = path
            }
        }
    }

    /// The path between request `id`'s population and its site, or -1 for none.
    ///
    /// - Complexity: O(1), no allocation.
    func clientPath(of id: RequestSlot) -> Int32 {
        guard !clientPaths.isEmpty else { return -1 }
        return clientPaths[requests[id].population.offset * sites.count + requests[id].site.offset]
    }

    /// The one-way latency path `path` adds (zero for -1).
    func pathLatency(_ path: Int32) -> SimDuration {
        path < 0 ? .zero : paths[Int(path)].latency
    }

    /// The one-way latency the path between `population` and `site` adds, if any.
    func pathLatency(from population: PopulationID, to site: SiteID) -> SimDuration {
        guard !clientPaths.isEmpty else { return .zero }
        return pathLatency(clientPaths[population.offset * sites.count + site.offset])
    }

    /// Appends `link` to ``transferHops`` unless it is `none` (no limit).
    mutating func appendHop(_ link: LinkID) {
        if !link.isNone { transferHops.append(link) }
    }

    /// Appends the links of path `path` (none for -1) to ``transferHops``.
    mutating func appendPath(_ path: Int32) {
        guard path >= 0 else { return }
        for position in paths[Int(path)].hops { transferHops.append(pathHops[position]) }
    }
}

extension PathEnds {
    /// Whether the serving end is one zone (its path beats its region's).
    var isZone: Bool {
        if case .zone = server { return true }
        return false
    }
}
