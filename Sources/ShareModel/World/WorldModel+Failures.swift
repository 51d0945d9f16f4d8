import SimCore

extension WorldModel {
    /// Outage `index` (of ``failureTargets``) starts or ends.
    mutating func outage<Queue: PendingEventSet>(_ index: Int, starts: Bool, scheduler: inout Scheduler<Queue>) {
        switch failureTargets[index] {
        case .zone(let name):
            if let zone = spec.zones.firstIndex(where: { $0.zone.name == name }) {
                setZone(zone, down: starts, scheduler: &scheduler)
            }
        case .region(let name):
            if let region = spec.regions.firstIndex(where: { $0.region.name == name }) {
                for zone in zones.indices where zoneRegion[zone] == region {
                    setZone(zone, down: starts, scheduler: &scheduler)
                }
            }
        case .edgeSite(let name):
            if let edge = spec.edgeSites.firstIndex(where: { $0.name == name }) {
                setEdge(edge, down: starts, scheduler: &scheduler)
            }
        case .link(let name):
            if let link = linkIndex(named: name) {
                linkUp[Int(link)] = !starts
                if starts { abortFlows(on: link, scheduler: &scheduler) }
            }
        }
    }

    /// One more (or one fewer) outage holds `zone` down; it fails on the first and
    /// recovers when none is left.
    mutating func setZone<Queue: PendingEventSet>(_ zone: Int, down: Bool, scheduler: inout Scheduler<Queue>) {
        zoneDownCount[zone] += down ? 1 : -1
        if down, zoneDownCount[zone] == 1 {
            zones[zone].fail(at: scheduler.now, scheduler: &scheduler, endings: &endings)
            zoneChanged(zone, scheduler: &scheduler)
        } else if !down, zoneDownCount[zone] == 0 {
            zones[zone].recover(at: scheduler.now)
        }
    }

    /// Edge site `edge` goes down (its transfers fail, arrivals are turned away) or comes back.
    mutating func setEdge<Queue: PendingEventSet>(_ edge: Int, down: Bool, scheduler: inout Scheduler<Queue>) {
        guard edgeUp[edge] == down else { return }
        edgeUp[edge] = !down
        if down {
            edgeDownSince[edge] = scheduler.now
            abortFlows(on: edgeUplink[edge], scheduler: &scheduler)
        } else if measuring {
            edgeDowntime[edge] = edgeDowntime[edge] + (scheduler.now - max(edgeDownSince[edge], warmupEnd))
        }
    }

    /// The link a failure target's name refers to (see ``ModelSpec/linkNames``).
    func linkIndex(named name: String) -> UInt32? {
        for (index, placement) in spec.regions.enumerated() where "\(placement.region.name).egress" == name {
            return regionEgressLink[index] == ModelRequest.none ? nil : regionEgressLink[index]
        }
        for (index, site) in spec.edgeSites.enumerated() where "\(site.name).uplink" == name {
            return edgeUplink[index]
        }
        for (index, population) in spec.populations.enumerated() where "\(population.name).access" == name {
            return populationAccessLink[index] == ModelRequest.none ? nil : populationAccessLink[index]
        }
        return nil
    }
}
