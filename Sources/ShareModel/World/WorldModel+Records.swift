public import SimCore

extension WorldModel {
    /// Records every request `sampling` picks (``RequestRecord``) from now on; call before
    /// ``start(scheduler:)`` so that the serials count from the run's first request.
    /// Sampling changes no other result: it draws from no random stream the model uses.
    public mutating func recordRequests(_ sampling: RequestSampling) {
        recorder = RequestRecorder(sampling: sampling, seed: seed)
    }

    /// Takes the records of the sampled requests that ended since the last call, in the
    /// order they ended (empty when the run records none).
    public mutating func takeRequestRecords() -> [RequestRecord] {
        recorder?.takeEnded() ?? []
    }

    /// Ends the records of the sampled requests still in flight at `time` as `unfinished`
    /// (in request slot order) and takes them with any not yet taken; for the end of a run.
    public mutating func takeUnfinishedRequestRecords(at time: SimTime) -> [RequestRecord] {
        guard recorder != nil else { return [] }
        for slot in requests.liveSlots where requests[slot].draft != RequestRecorder.unsampled {
            endRecord(slot, as: .unfinished, at: time)
        }
        return takeRequestRecords()
    }

    // MARK: Hooks: each costs one comparison for an unsampled request

    /// Request `id` was just created at `time`: begins its record if it is sampled.
    @inline(__always)
    mutating func recordCreated(_ id: RequestSlot, at time: SimTime) {
        guard recorder != nil else { return }
        let request = requests[id]
        requests[id].draft = recorder!.begin {
            RequestRecord(
                serial: 0,
                workload: spec.workloadClasses[request.workloadClass.offset].name,
                population: spec.populations[request.population.offset].name,
                counted: request.isCounted,
                created: time,
                ended: time,
                outcome: .unfinished,
                servedBy: "",
                attempts: 0,
                requestBytes: request.uploadBytes,
                responseBytes: request.bytes,
                steps: []
            )
        }
    }

    /// Request `id` begins a step of `phase` at its current site (or `site`), at `time`;
    /// `links` are the links its bytes cross in that step.
    @inline(__always)
    mutating func recordStep(
        _ id: RequestSlot,
        _ phase: RequestRecord.Step.Phase,
        at time: SimTime,
        site: String? = nil,
        links: [LinkID] = []
    ) {
        let draft = requests[id].draft
        guard draft != RequestRecorder.unsampled else { return }
        let where_ = site ?? recordedSiteName(of: id)
        recorder!.enter(draft, phase, site: where_, at: time, links: links.map(linkName))
    }

    /// Stage `stage` of request `id` ended a served visit at zone `zone` at `ended`, after
    /// `timeInZone` there of which `wait` in line; it had been ready since `ready`.
    @inline(__always)
    mutating func recordStageVisit(
        _ id: RequestSlot,
        stage: Int,
        zone: ZoneID,
        ready: SimTime,
        timeInZone: SimDuration,
        wait: SimDuration,
        ended: SimTime
    ) {
        let draft = requests[id].draft
        guard draft != RequestRecorder.unsampled else { return }
        let arrived = ended - timeInZone
        recorder!.visit(
            draft,
            RequestRecord.StageVisit(
                stage: spec.workloadClasses[requests[id].workloadClass.offset].stages[stage].name,
                zone: spec.zones[zone.offset].zone.name,
                ready: ready,
                arrived: arrived,
                started: arrived + wait,
                ended: ended
            )
        )
    }

    /// Request `id`'s attempt ended at `time` without serving it.
    @inline(__always)
    mutating func recordLost(_ id: RequestSlot, as loss: AttemptLoss, at time: SimTime) {
        let draft = requests[id].draft
        guard draft != RequestRecorder.unsampled else { return }
        recorder!.lose(draft, as: loss == .rejected ? .rejected : .failed, at: time)
    }

    /// Request `id` ended at `time` as `outcome`: its record is complete.
    @inline(__always)
    mutating func recordEnded(_ id: RequestSlot, as outcome: RequestRecord.Outcome, at time: SimTime) {
        guard requests[id].draft != RequestRecorder.unsampled else { return }
        endRecord(id, as: outcome, at: time)
    }

    private mutating func endRecord(_ id: RequestSlot, as outcome: RequestRecord.Outcome, at time: SimTime) {
        let request = requests[id]
        let servedBy: String
        switch (outcome, request.servedBy) {
        case (.served, .cloud): servedBy = "cloud"
        case (.served, .edge): servedBy = "edge"
        case (.served, .origin): servedBy = "origin"
        case (.served, .shared): servedBy = "shared"
        default: servedBy = ""
        }
        recorder!.end(
            request.draft,
            as: outcome,
            servedBy: servedBy,
            attempts: Int(request.attempts),
            responseBytes: request.bytes,
            at: time
        )
        requests[id].draft = RequestRecorder.unsampled
    }

    // MARK: Names

    /// The name of request `id`'s current site for its record: a zone, edge site or pool,
    /// a pool's device as `pool#device`; empty without one.
    func recordedSiteName(of id: RequestSlot) -> String {
        let site = requests[id].site
        guard !site.isNone else { return "" }
        switch sites[site].role {
        case .zone(let zone): return spec.zones[zone.offset].zone.name
        case .edge(let edge): return spec.edgeSites[edge.offset].name
        case .pool(let pool):
            let name = spec.sharedPools[pool.offset].pool.name
            let device = requests[id].device
            return device.isNone ? name : "\(name)#\(device.index)"
        }
    }

    /// A link's name as scenario files and reports spell it: `<region>.egress`,
    /// `<region>.ingress`, `<edge site>.uplink`, `<population>.access`, a device's uplink
    /// as `<pool>#<device>.uplink`.
    func linkName(_ link: LinkID) -> String {
        switch links[link].owner {
        case .regionEgress(let region): "\(spec.regions[region.offset].region.name).egress"
        case .regionIngress(let region): "\(spec.regions[region.offset].region.name).ingress"
        case .edgeUplink(let edge): "\(spec.edgeSites[edge.offset].name).uplink"
        case .populationAccess(let population): "\(spec.populations[population.offset].name).access"
        case .clientLine(let population): "\(spec.populations[population.offset].name).line"
        case .device(let pool, let device): "\(spec.sharedPools[pool.offset].pool.name)#\(device.index).uplink"
        case .drawn(let index): spec.links[index].name
        }
    }
}
