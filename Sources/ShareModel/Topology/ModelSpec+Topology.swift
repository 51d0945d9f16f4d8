import SimCore

extension ModelSpec {
    /// Drawn links: names unique and not a built-in link's, capacity finite and > 0, latency
    /// ≥ 0 or between two places of the map. Paths: two ends a path may join (a population and
    /// what serves it, or an edge site and its origin), each pair once, and `via` listing known
    /// links with a capacity, none twice and none of the ends' own lines.
    ///
    /// - Complexity: O(links + paths × via + names), plus a suggestion's cost per unknown name.
    func validateTopology(_ collector: inout SpecErrorCollector) {
        guard !links.isEmpty || !paths.isEmpty else { return }
        let builtin = Set(builtinLinkNames)
        Self.requireUnique(links.map(\.name), kind: .link, &collector)
        let places = KnownNames(
            regionNames + edgeSites.map(\.name) + sharedPools.map(\.pool.name) + populations.map(\.name)
        )
        for link in links {
            let element = SpecElement.link(link.name)
            collector.check { () throws(SpecError) in
                if builtin.contains(link.name) {
                    throw SpecError(element, .name, .other("is the name of a built-in link: choose another"))
                }
                try SpecError.requirePositive(link.capacityBitsPerSecond, element, .capacity)
                switch link.latency {
                case .fixed(let latency):
                    if latency < .zero { throw SpecError(element, .latency, .negative(got: "\(latency)")) }
                case .between(let a, let b):
                    let kind = "place (a region, edge site, shared pool or population)"
                    try places.require(a, element, .between.at(0), kind: kind)
                    try places.require(b, element, .between.at(1), kind: kind)
                }
            }
        }
        let names = PathEndNames(self)
        let everyLink = KnownNames(linkNames)
        let limited = Set(limitedLinkNames)
        var seen: [PathEnds: Int] = [:]
        let zoneRegions = zones.map(\.region)
        for (index, path) in paths.enumerated() {
            let element = SpecElement.path(index, from: path.from, to: path.to)
            collector.check { () throws(SpecError) in
                let ends = try resolve(path, element: element, names: names)
                if let earlier = seen[ends] {
                    throw SpecError(element, .to, .other("joins the same ends as path \(earlier + 1)"))
                }
                seen[ends] = index
                if path.via.isEmpty { throw SpecError(element, .via, .empty) }
                let own = ownLines(of: ends, zoneRegions: zoneRegions)
                for (position, name) in path.via.enumerated() {
                    let field = SpecField.via.at(position)
                    try everyLink.require(name, element, field, kind: "link")
                    if !limited.contains(name) {
                        throw SpecError(
                            element,
                            field,
                            .other("names '\(name)', which has no capacity: draw a link in 'links' instead")
                        )
                    }
                    if path.via[..<position].contains(name) {
                        throw SpecError(element, field, .other("lists link '\(name)' twice"))
                    }
                    if own.contains(name) {
                        throw SpecError(
                            element,
                            field,
                            .other("names '\(name)', which is already on the path as an end's own line")
                        )
                    }
                }
            }
        }
    }

    /// The ends of `path`, or the error at the end that is unknown or cannot be joined.
    func resolve(_ path: PathSpec, element: SpecElement, names: PathEndNames) throws(SpecError) -> PathEnds {
        for (name, field) in [(path.from, SpecField.from), (path.to, .to)] where !names.isKnown(name) {
            throw SpecError(
                element,
                field,
                .unknown(kind: "population, region or site", name: name),
                suggestion: NameSuggestion.closest(
                    to: name,
                    among: populations.map(\.name) + regionNames + siteNames
                )
            )
        }
        guard let ends = names.ends(path.from, path.to) else {
            throw SpecError(
                element,
                .to,
                .other(
                    "cannot join '\(path.from)' and '\(path.to)': a path joins a population and a region, zone, "
                        + "edge site or shared pool, or an edge site and its origin region"
                )
            )
        }
        if case .edgeSite(let edge) = ends.client, case .region(let region) = ends.server,
            edgeSites[edge].originRegion != regions[region].region.name
        {
            throw SpecError(
                element,
                .to,
                .other(
                    "joins edge site '\(edgeSites[edge].name)' and region '\(regions[region].region.name)', but its "
                        + "misses go to region '\(edgeSites[edge].originRegion)'"
                )
            )
        }
        return ends
    }

    /// The built-in lines every request between `ends` crosses already.
    func ownLines(of ends: PathEnds, zoneRegions: [Int]) -> Set<String> {
        var lines: Set<String> = []
        switch ends.client {
        case .population(let population): lines.insert("\(populations[population].name).access")
        case .edgeSite(let edge): lines.insert("\(edgeSites[edge].name).uplink")
        }
        func addRegion(_ region: Int) {
            lines.insert("\(regions[region].region.name).egress")
            lines.insert("\(regions[region].region.name).ingress")
        }
        switch ends.server {
        case .region(let region): addRegion(region)
        case .zone(let zone): addRegion(zoneRegions[zone])
        case .edgeSite(let edge): lines.insert("\(edgeSites[edge].name).uplink")
        case .pool: break
        }
        return lines
    }

    /// The one-way latency of drawn link `link`: its own figure, or the latency model's
    /// propagation delay over the great-circle distance between its two places.
    func oneWayLatency(of link: LinkSpec) -> SimDuration {
        switch link.latency {
        case .fixed(let latency):
            return latency
        case .between(let a, let b):
            guard let first = coordinate(ofPlace: a), let second = coordinate(ofPlace: b) else { return .zero }
            return latency.propagationDelay(distanceKilometres: first.distanceKilometres(to: second))
        }
    }

    /// Where the region, edge site, shared pool or population named `name` is.
    func coordinate(ofPlace name: String) -> GeoCoordinate? {
        regions.first { $0.region.name == name }?.location ?? edgeSites.first { $0.name == name }?.location
            ?? sharedPools.first { $0.pool.name == name }?.location ?? populations.first { $0.name == name }?.location
    }
}

extension ModelSpec {
    /// Workload classes whose bytes can move in no time: one sentence per class, naming the
    /// first population and zone between which its answers (or its request bytes) would
    /// cross no link with a capacity (no egress, no access, no path; no ingress, no path).
    /// Such bytes arrive at once, as they always have: the rule is a warning so that every
    /// existing scenario keeps its results.
    ///
    /// - Complexity: O(classes × populations × zones + paths × zones).
    public var transferWarnings: [String] {
        let zoneList = zones
        guard !zoneList.isEmpty else { return [] }
        let names = PathEndNames(self)
        var pathed: Set<Int> = []
        for path in paths {
            guard let ends = names.ends(path.from, path.to), case .population(let population) = ends.client else {
                continue
            }
            switch ends.server {
            case .region(let region):
                for (zone, placement) in zoneList.enumerated() where placement.region == region {
                    pathed.insert(population * zoneList.count + zone)
                }
            case .zone(let zone): pathed.insert(population * zoneList.count + zone)
            case .edgeSite, .pool: break
            }
        }
        var warnings: [String] = []
        for workload in workloadClasses {
            let down = workload.kind.content != nil || workload.responseBytes != nil
            let up = workload.requestBytes != nil
            guard down || up else { continue }
            var found: (population: String, zone: String, region: String, up: Bool)?
            var others = 0
            for (index, population) in populations.enumerated()
            where population.demands.contains(where: { $0.workloadClass == workload.name }) {
                for (zone, placement) in zoneList.enumerated() {
                    let region = regions[placement.region]
                    guard allows(population, region: region.region.name),
                        !pathed.contains(index * zoneList.count + zone)
                    else { continue }
                    let instantDown =
                        down && region.egressBitsPerSecond == nil && population.accessBitsPerSecond == nil
                    let instantUp = up && region.ingressBitsPerSecond == nil
                    guard instantDown || instantUp else { continue }
                    if found == nil {
                        found = (population.name, placement.zone.name, region.region.name, !instantDown)
                    } else {
                        others += 1
                    }
                    break
                }
            }
            guard let found else { continue }
            let more = others > 0 ? " (and \(others) more population\(others == 1 ? "" : "s"))" : ""
            let what =
                found.up
                ? "carries its request bytes from population '\(found.population)'\(more) to zone '\(found.zone)' "
                    + "over no link with a capacity: they arrive at once (give region '\(found.region)' an "
                    + "ingress, or draw a path)"
                : "moves its bytes between zone '\(found.zone)' and population '\(found.population)'\(more) over no "
                    + "link with a capacity: they arrive at once (give region '\(found.region)' an egress, the "
                    + "population an access, or draw a path)"
            warnings.append("workload '\(workload.name)' " + what)
        }
        return warnings
    }
}
