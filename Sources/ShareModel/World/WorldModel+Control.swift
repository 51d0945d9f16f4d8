public import SimCore

extension WorldModel {
    /// The names of everything that can be taken down by hand (live mode's control
    /// requests): zones, regions, edge sites, links and failure groups.
    public var controllableTargets: [FailureTarget] {
        spec.zones.map { .zone($0.zone.name) } + spec.regions.map { .region($0.region.name) }
            + spec.edgeSites.map { .edgeSite($0.name) } + spec.linkNames.map { .link($0) }
            + spec.failureGroups.map { .group($0.name) }
    }

    /// Starts (`down: true`) or ends an outage of `target` now, as a scheduled outage would:
    /// work in flight on it fails and is retried under the retry policy.
    ///
    /// Manual outages stack with scheduled ones: a zone is up only when no outage holds it.
    ///
    /// - Returns: false (changing nothing) if the model has no such target.
    @discardableResult
    public mutating func setOutage<Queue: PendingEventSet>(
        of target: FailureTarget,
        down: Bool,
        scheduler: inout Scheduler<Queue>
    ) -> Bool {
        guard controllableTargets.contains(target) else { return false }
        switch target {
        case .zone(let name):
            guard let zone = zoneID(named: name) else { return false }
            if !down, zones[zone].downCount == 0 { return true }
            setZone(zone, down: down, scheduler: &scheduler)
        case .region(let name):
            guard let region = regionID(named: name) else { return false }
            for zone in zones.ids where zones[zone].region == region {
                if !down, zones[zone].downCount == 0 { continue }
                setZone(zone, down: down, scheduler: &scheduler)
            }
        case .edgeSite(let name):
            guard let edge = edgeSiteID(named: name) else { return false }
            setEdge(edge, down: down, scheduler: &scheduler)
        case .link(let name):
            switch linkSubject(named: name) {
            case .link(let link): setLink(link, down: down, scheduler: &scheduler)
            case .gate(let gate): setGate(gate, down: down, scheduler: &scheduler)
            default: return false
            }
        case .group(let name):
            guard let group = spec.failureGroups.first(where: { $0.name == name }) else { return false }
            for zone in group.zones.compactMap(zoneID(named:)) {
                if !down, zones[zone].downCount == 0 { continue }
                setZone(zone, down: down, scheduler: &scheduler)
            }
        }
        return true
    }

    /// What the run has measured so far, at `time` (the scheduler's now): the same value as
    /// at the end of a run, over the span from the end of the warm-up to `time`.
    public func snapshot(at time: SimTime, events: UInt64) -> ModelResults {
        results(at: max(time, warmupEnd), events: events)
    }
}
