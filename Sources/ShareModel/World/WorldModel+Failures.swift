import SimCore

extension WorldModel {
    /// Outage `index` (of ``failureTargets``) starts or ends.
    ///
    /// - Complexity: O(zones it takes down), with no name lookups (see ``FailureSubject``).
    mutating func outage<Queue: PendingEventSet>(_ index: Int, starts: Bool, scheduler: inout Scheduler<Queue>) {
        switch failureSubjects[index] {
        case .zones(let positions):
            for position in positions { setZone(failureZones[position], down: starts, scheduler: &scheduler) }
        case .edgeSite(let edge):
            setEdge(edge, down: starts, scheduler: &scheduler)
        case .link(let link):
            setLink(link, down: starts, scheduler: &scheduler)
        case .gate(let gate):
            setGate(gate, down: starts, scheduler: &scheduler)
        case .nothing:
            break
        }
    }

    /// One more (or one fewer) outage holds `zone` down; it fails on the first and
    /// recovers when none is left.
    mutating func setZone<Queue: PendingEventSet>(_ zone: ZoneID, down: Bool, scheduler: inout Scheduler<Queue>) {
        zones[zone].downCount += down ? 1 : -1
        if down, zones[zone].downCount == 1 {
            outageClock.change(wentDown: true, at: scheduler.now, measuringFrom: warmupEnd)
            siteTruthChanged(zones[zone].site, up: false, at: scheduler.now)
            zones[zone].engine.fail(at: scheduler.now, scheduler: &scheduler, endings: &endings)
            zoneChanged(zone, scheduler: &scheduler)
            let region = zones[zone].region
            regions[region].zonesUp -= 1
            abortTransfers(fromZoneSite: zones[zone].site, originOf: region, scheduler: &scheduler)
        } else if !down, zones[zone].downCount == 0 {
            outageClock.change(wentDown: false, at: scheduler.now, measuringFrom: warmupEnd)
            regions[zones[zone].region].zonesUp += 1
            zones[zone].engine.recover(at: scheduler.now)
            siteTruthChanged(zones[zone].site, up: true, at: scheduler.now)
        }
    }

    /// Fails the bytes a zone that just failed was moving: uploads into it and answers out of
    /// it (site `site`), and, when that was the last zone of `region` up, every edge miss
    /// `region` was sending as origin. Their attempts fail and are retried. Messages between
    /// request-graph stages are not answers: they go on.
    ///
    /// - Complexity: O(flows in progress); failures are rare events.
    mutating func abortTransfers<Queue: PendingEventSet>(
        fromZoneSite site: SiteID,
        originOf region: RegionID,
        scheduler: inout Scheduler<Queue>
    ) {
        let originDown = !regions[region].canServeOrigin
        var doomed: [RequestSlot] = []
        // A stage's message has left its zone: it goes on (its own links may still fail it).
        for (slot, id) in flowRequest.enumerated() where !id.isNone && !isStageFlow(slot) {
            let request = requests[id]
            if request.site == site || (originDown && request.servedBy == .origin && request.egressRegion == region) {
                doomed.append(id)
            }
        }
        abortFlows(of: doomed, scheduler: &scheduler)
    }

    /// Ends the flows of requests `doomed` now: their attempts fail.
    mutating func abortFlows<Queue: PendingEventSet>(of doomed: [RequestSlot], scheduler: inout Scheduler<Queue>) {
        guard !doomed.isEmpty else { return }
        for id in doomed {
            endFlow(requests[id].flow, at: scheduler.now)
            endedFlow(of: id)
            attemptEnded(id, loss: .failed, scheduler: &scheduler)
        }
        flowTimer.rearm(for: network, kind: Kind.flowDue, target: 0, scheduler: &scheduler)
    }

    /// Link `link` goes down (its flows fail) or comes back; a change to the state it is
    /// already in does nothing.
    mutating func setLink<Queue: PendingEventSet>(_ link: LinkID, down: Bool, scheduler: inout Scheduler<Queue>) {
        guard links[link].isUp == down else { return }
        links[link].isUp = !down
        outageClock.change(wentDown: down, at: scheduler.now, measuringFrom: warmupEnd)
        if down { abortFlows(on: link, scheduler: &scheduler) }
    }

    /// Edge site `edge` goes down (its transfers fail, arrivals are turned away) or comes back.
    mutating func setEdge<Queue: PendingEventSet>(
        _ edge: EdgeSiteID,
        down: Bool,
        scheduler: inout Scheduler<Queue>
    ) {
        guard edgeSites[edge].isUp == down else { return }
        edgeSites[edge].isUp = !down
        outageClock.change(wentDown: down, at: scheduler.now, measuringFrom: warmupEnd)
        siteTruthChanged(edgeSites[edge].site, up: !down, at: scheduler.now)
        if down {
            edgeSites[edge].downSince = scheduler.now
            abortFlows(on: edgeSites[edge].uplink, scheduler: &scheduler)
        } else if measuring {
            let since = max(edgeSites[edge].downSince, warmupEnd)
            edgeSites[edge].downtime = edgeSites[edge].downtime + (scheduler.now - since)
        }
    }

    /// Slowdown `index` of the spec starts or ends on its zones: while any is in force on a
    /// zone, service times drawn there are multiplied by the product of their factors.
    mutating func slow(_ index: Int, starts: Bool) {
        let factor = spec.slowdowns[index].factor
        for zone in slowdownZones[index] {
            zones[zone].slowdowns += starts ? 1 : -1
            if zones[zone].slowdowns == 0 {
                zones[zone].engine.serviceScale = 1
            } else {
                zones[zone].engine.serviceScale *= starts ? factor : 1 / factor
            }
        }
    }

    /// What failing the link a failure target's name refers to takes down (see
    /// ``ModelSpec/linkNames``): a link of the network, or the gate of a built-in link without
    /// a limit.
    func linkSubject(named name: String) -> FailureSubject? {
        func subject(_ link: LinkID, else gate: LinkGate) -> FailureSubject {
            link.isNone ? .gate(gate) : .link(link)
        }
        for (index, placement) in spec.regions.enumerated() where "\(placement.region.name).egress" == name {
            return subject(regions[index].egressLink, else: .egress(RegionID(UInt32(index))))
        }
        for (index, placement) in spec.regions.enumerated() where "\(placement.region.name).ingress" == name {
            return subject(regions[index].ingressLink, else: .ingress(RegionID(UInt32(index))))
        }
        for (index, site) in spec.edgeSites.enumerated() where "\(site.name).uplink" == name {
            return .link(edgeSites[index].uplink)
        }
        for (index, population) in spec.populations.enumerated() where "\(population.name).access" == name {
            return subject(populations[index].accessLink, else: .access(PopulationID(UInt32(index))))
        }
        for (index, link) in spec.links.enumerated() where link.name == name {
            return .link(drawnLinks[index])
        }
        return nil
    }

    /// The built-in link without a limit `gate` goes down (the transfers crossing it fail at
    /// once, and new ones fail as they start) or comes back; a change to the state it is
    /// already in does nothing.
    ///
    /// - Complexity: O(flows in progress); failures are rare events.
    mutating func setGate<Queue: PendingEventSet>(_ gate: LinkGate, down: Bool, scheduler: inout Scheduler<Queue>) {
        switch gate {
        case .egress(let region):
            guard regions[region].egressUp == down else { return }
            regions[region].egressUp = !down
        case .ingress(let region):
            guard regions[region].ingressUp == down else { return }
            regions[region].ingressUp = !down
        case .access(let population):
            guard populations[population].accessUp == down else { return }
            populations[population].accessUp = !down
        }
        outageClock.change(wentDown: down, at: scheduler.now, measuringFrom: warmupEnd)
        guard down else { return }
        var doomed: [RequestSlot] = []
        for id in flowRequest where !id.isNone {
            let request = requests[id]
            let uploading = request.phase == .uploading
            let crosses =
                switch gate {
                case .egress(let region): !uploading && request.egressRegion == region
                case .ingress(let region): uploading && sites[request.site].region == region
                case .access(let population): !uploading && request.population == population
                }
            if crosses { doomed.append(id) }
        }
        abortFlows(of: doomed, scheduler: &scheduler)
    }

    /// The zone named `name`, if any (the first, in spec order).
    func zoneID(named name: String) -> ZoneID? {
        spec.zones.firstIndex { $0.zone.name == name }.map { ZoneID(UInt32($0)) }
    }

    /// The region named `name`, if any.
    func regionID(named name: String) -> RegionID? {
        spec.regions.firstIndex { $0.region.name == name }.map { RegionID(UInt32($0)) }
    }

    /// The edge site named `name`, if any.
    func edgeSiteID(named name: String) -> EdgeSiteID? {
        spec.edgeSites.firstIndex { $0.name == name }.map { EdgeSiteID(UInt32($0)) }
    }
}
