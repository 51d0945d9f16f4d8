/// What one failure target takes down, resolved from its name once when the model is built,
/// so that an outage starting or ending costs no name lookups: zones (one, or a region's),
/// an edge site, a link, or nothing the model has (a region without zones, a link that is not
/// built because it has no capacity limit).
enum FailureSubject: Sendable {
    /// The zones at these positions of ``WorldModel/failureZones``.
    case zones(Range<Int>)
    case edgeSite(EdgeSiteID)
    case link(LinkID)
    /// A built-in link without a capacity limit (not in the flow network).
    case gate(LinkGate)
    case nothing
}

/// A built-in link without a capacity limit: it carries no flow of its own, but it can fail,
/// and the transfers crossing it fail with it.
enum LinkGate: Sendable, Equatable {
    /// A region's egress.
    case egress(RegionID)
    /// A region's ingress (backhaul).
    case ingress(RegionID)
    /// A population's access link.
    case access(PopulationID)
}

extension WorldModel {
    /// Resolves every target of ``failureTargets`` into ``failureSubjects`` (and the zones they
    /// take down into ``failureZones``), and every slowdown's target into ``slowdownZones``.
    ///
    /// - Complexity: O(targets + zones + sites + populations + group members), once.
    mutating func resolveFailureSubjects() {
        var zoneByName: [String: ZoneID] = [:]
        var zonesByRegion: [RegionID: [ZoneID]] = [:]
        for (position, placement) in spec.zones.enumerated() {
            let zone = ZoneID(UInt32(position))
            if zoneByName[placement.zone.name] == nil { zoneByName[placement.zone.name] = zone }
            zonesByRegion[zones[zone].region, default: []].append(zone)
        }
        var regionByName: [String: RegionID] = [:]
        for (index, placement) in spec.regions.enumerated() where regionByName[placement.region.name] == nil {
            regionByName[placement.region.name] = RegionID(UInt32(index))
        }
        var edgeByName: [String: EdgeSiteID] = [:]
        for (index, site) in spec.edgeSites.enumerated() where edgeByName[site.name] == nil {
            edgeByName[site.name] = EdgeSiteID(UInt32(index))
        }
        var groupByName: [String: [ZoneID]] = [:]
        for group in spec.failureGroups where groupByName[group.name] == nil {
            groupByName[group.name] = group.zones.compactMap { zoneByName[$0] }
        }
        func zonesOf(_ target: FailureTarget) -> [ZoneID] {
            switch target {
            case .zone(let name): zoneByName[name].map { [$0] } ?? []
            case .region(let name): regionByName[name].flatMap { zonesByRegion[$0] } ?? []
            case .group(let name): groupByName[name] ?? []
            case .edgeSite, .link: []
            }
        }
        slowdownZones = spec.slowdowns.map { zonesOf($0.target) }
        failureZones = []
        failureSubjects = failureTargets.map { target in
            func zoneRange(_ ids: [ZoneID]) -> FailureSubject {
                let start = failureZones.count
                failureZones += ids
                return ids.isEmpty ? .nothing : .zones(start..<failureZones.count)
            }
            switch target {
            case .zone, .region, .group: return zoneRange(zonesOf(target))
            case .edgeSite(let name): return edgeByName[name].map(FailureSubject.edgeSite) ?? .nothing
            case .link(let name): return linkSubject(named: name) ?? .nothing
            }
        }
    }
}
