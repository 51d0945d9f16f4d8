import SimCore

/// The code of a flow that carries no stage message.
let noStageFlow = UInt16.max

/// The sender code of the population (the first stage's hop).
let populationSender: UInt32 = 0xFF

extension WorldModel {
    /// The code of a message flow to stage `to` from stage `from` (both < 64).
    func stageFlowCode(to: Int, from: Int) -> UInt16 { UInt16(to) | UInt16(from) << 8 }

    /// The zone request `id` visits for stage `stage` of its class, as a ``CloudRequestID``:
    /// the slot in the low 32 bits, the stage + 1 above (0 above is a single-visit request).
    func stageRequestID(_ id: RequestSlot, stage: Int) -> CloudRequestID {
        CloudRequestID(UInt64(id.index) | UInt64(stage + 1) << 32)
    }

    /// Starts an attempt of staged request `id`: its block of visits reset, its first stage
    /// placed (nearest to its population) and its hop there scheduled; with no zone for the
    /// first stage the attempt is rejected.
    mutating func startStages<Queue: PendingEventSet>(_ id: RequestSlot, scheduler: inout Scheduler<Queue>) {
        let plan = Int(classes[requests[id].workloadClass].stagePlan)
        if requests[id].board < 0 { requests[id].board = stagePlans[plan].takeBlock() }
        let block = requests[id].board
        let now = scheduler.now
        for stage in 0..<stagePlans[plan].stageCount {
            stagePlans[plan].visits[stagePlans[plan].slot(block, stage)] = StageVisit(readyAt: now, doneAt: now)
        }
        requests[id].graphFate = .running
        requests[id].branches = 0
        requests[id].phase = .toSite
        recordStep(id, .stages, at: now, site: "")
        let population = requests[id].population
        guard let zone = stageZone(plan: plan, stage: 0, population: population, from: .none) else {
            requests[id].site = .none
            requests[id].graphFate = .rejected
            settleGraph(id, scheduler: &scheduler)
            return
        }
        let first = stagePlans[plan].slot(block, 0)
        stagePlans[plan].visits[first].zone = zone
        stagePlans[plan].visits[first].released = true
        requests[id].site = zones[zone].site
        requests[id].routeLatency = stageLatencies.latency(population, zone)
        requests[id].branches = 1
        scheduler.schedule(
            Kind.stageReach,
            target: populationSender << 8,
            payload: id.index,
            after: requests[id].routeLatency
        )
    }

    /// The zone stage `stage` of plan `plan` runs at: its fixed zone, or the zone offering
    /// its service that the router believes up and that is nearest to `from` (to
    /// `population` when `from` is `none`) and in a region `population` is allowed
    /// (`allowed_regions`); among equally near zones (a region's zones share
    /// one location) the least loaded, requests held per core, then the first in zone order.
    /// Nil when none is up.
    ///
    /// - Complexity: O(zones offering the service nearer than the nearest up one, and as near).
    func stageZone(plan: Int, stage: Int, population: PopulationID, from: ZoneID) -> ZoneID? {
        let fixed = stagePlans[plan].fixedZone[stage]
        if !fixed.isNone { return fixed }
        let count = Int(stagePlans[plan].candidateStart[stage + 1] - stagePlans[plan].candidateStart[stage])
        let base =
            Int(stagePlans[plan].nearestStart[stage])
            + stageLatencies.origin(population: population, zone: from) * count
        var best: ZoneID?
        var bestLatency = SimDuration.zero
        var bestLoad = 0.0
        for index in base..<(base + count) {
            let zone = stagePlans[plan].nearest[index]
            guard sites[zones[zone].site].detectedUp, stageLatencies.allows(population, zone) else { continue }
            let latency =
                from.isNone ? stageLatencies.latency(population, zone) : stageLatencies.latency(from, zone)
            if best != nil, latency > bestLatency { break }
            let held = zones[zone].engine.inService + zones[zone].engine.waitingCount
            let load = Double(held) / Double(max(1, zones[zone].engine.capacity))
            if best == nil || load < bestLoad {
                best = zone
                bestLatency = latency
                bestLoad = load
            }
        }
        return best
    }

    /// A hop of request `id` reached stage `to` (from stage `from`, or the population): the
    /// stage is sent to its zone when its join is met; a late join-first message is dropped.
    mutating func handleStageReach<Queue: PendingEventSet>(
        _ id: RequestSlot,
        to: Int,
        from: Int,
        scheduler: inout Scheduler<Queue>
    ) {
        requests[id].branches -= 1
        defer { settleGraph(id, scheduler: &scheduler) }
        guard requests[id].graphFate == .running else { return }
        let plan = Int(classes[requests[id].workloadClass].stagePlan)
        let block = requests[id].board
        let slot = stagePlans[plan].slot(block, to)
        if from != Int(populationSender) {
            guard !stagePlans[plan].visits[slot].released else { return }
            let senderDone = stagePlans[plan].visits[stagePlans[plan].slot(block, from)].doneAt
            switch stagePlans[plan].join[to] {
            case .all:
                stagePlans[plan].visits[slot].readyAt = max(stagePlans[plan].visits[slot].readyAt, senderDone)
                stagePlans[plan].visits[slot].arrived &+= 1
                guard stagePlans[plan].visits[slot].arrived == stagePlans[plan].predecessorCount[to] else { return }
            case .first:
                stagePlans[plan].visits[slot].readyAt = senderDone
            }
            stagePlans[plan].visits[slot].released = true
        }
        enterStage(id, stage: to, plan: plan, zone: stagePlans[plan].visits[slot].zone, scheduler: &scheduler)
    }

    /// Stage `stage` of request `id` enters zone `zone`'s queue with a service time drawn
    /// from the stage's stream; a zone down behind a health check holds it until the check's
    /// timeout, then fails it.
    mutating func enterStage<Queue: PendingEventSet>(
        _ id: RequestSlot,
        stage: Int,
        plan: Int,
        zone: ZoneID,
        scheduler: inout Scheduler<Queue>
    ) {
        requests[id].branches += 1
        requests[id].phase = .inZone
        if !zones[zone].engine.isUp {
            if requests[id].isCounted { classes[requests[id].workloadClass].tally.sentToDeadSites += 1 }
            let probe = Int(sites[zones[zone].site].probe)
            if probe >= 0 {
                scheduler.schedule(
                    Kind.stageDeadSite,
                    target: UInt32(stage),
                    payload: id.index,
                    after: probes[probe].timeout
                )
                return
            }
        }
        let seconds = max(0, stagePlans[plan].service[stage].sample(using: &stagePlans[plan].serviceStreams[stage]))
        _ = zones[zone].engine.arrive(
            request: stageRequestID(id, stage: stage),
            class: CloudWorkloadClass(requests[id].workloadClass.index),
            serviceSeconds: seconds,
            at: scheduler.now,
            scheduler: &scheduler,
            endings: &endings
        )
        zoneChanged(zone, scheduler: &scheduler)
    }

    /// The health check's timeout ran out on stage `stage` of request `id` at a dead zone.
    mutating func stageFoundDeadZone<Queue: PendingEventSet>(
        _ id: RequestSlot,
        stage: Int,
        scheduler: inout Scheduler<Queue>
    ) {
        requests[id].branches -= 1
        failStages(id, loss: .failed)
        settleGraph(id, scheduler: &scheduler)
    }

    /// A zone reports the end of a stage's visit (`end.request` from ``stageRequestID(_:stage:)``):
    /// counted if served and measured; then the answer leaves (the last stage), or each
    /// successor not yet started is placed and sent a message; a visit not served fails the
    /// attempt.
    mutating func stageEnded<Queue: PendingEventSet>(
        _ end: CloudRequestEnd,
        zone: ZoneID,
        scheduler: inout Scheduler<Queue>
    ) {
        let id = RequestSlot(UInt32(truncatingIfNeeded: end.request.value))
        let stage = Int(end.request.value >> 32) - 1
        let plan = Int(classes[requests[id].workloadClass].stagePlan)
        let block = requests[id].board
        let slot = stagePlans[plan].slot(block, stage)
        requests[id].branches -= 1
        defer { settleGraph(id, scheduler: &scheduler) }
        switch end.fate {
        case .served: break
        case .rejected:
            failStages(id, loss: .rejected)
            return
        case .timedOut, .failed:
            failStages(id, loss: .failed)
            return
        }
        let now = end.time
        stagePlans[plan].visits[slot].doneAt = now
        recordStageVisit(
            id,
            stage: stage,
            zone: zone,
            ready: stagePlans[plan].visits[slot].readyAt,
            timeInZone: end.timeInZone,
            wait: end.wait,
            ended: now
        )
        if requests[id].isCounted {
            let stageTime = now - stagePlans[plan].visits[slot].readyAt
            stagePlans[plan].tallies[stage].visits += 1
            stagePlans[plan].tallies[stage].waitSeconds += end.wait.seconds
            stagePlans[plan].tallies[stage].serviceSeconds += (end.timeInZone - end.wait).seconds
            stagePlans[plan].tallies[stage].stageSeconds += stageTime.seconds
            stagePlans[plan].tallies[stage].stageTimes.record(stageTime)
        }
        guard requests[id].graphFate == .running else { return }
        if stage == stagePlans[plan].sink {
            answerStages(id, zone: zone, scheduler: &scheduler)
            return
        }
        let population = requests[id].population
        let start = Int(stagePlans[plan].successorStart[stage])
        let stop = Int(stagePlans[plan].successorStart[stage + 1])
        for index in start..<stop {
            let successor = Int(stagePlans[plan].successors[index])
            let target = stagePlans[plan].slot(block, successor)
            if stagePlans[plan].visits[target].released { continue }
            if stagePlans[plan].visits[target].zone.isNone {
                guard let chosen = stageZone(plan: plan, stage: successor, population: population, from: zone) else {
                    failStages(id, loss: .rejected)
                    return
                }
                stagePlans[plan].visits[target].zone = chosen
            }
            sendMessage(id, plan: plan, to: successor, from: stage, scheduler: &scheduler)
        }
    }

    /// The last stage of request `id` finished at `zone`: the answer goes back to its
    /// population from there (through the region's egress when it carries response bytes).
    mutating func answerStages<Queue: PendingEventSet>(
        _ id: RequestSlot,
        zone: ZoneID,
        scheduler: inout Scheduler<Queue>
    ) {
        requests[id].graphFate = .answering
        requests[id].servedBy = .cloud
        requests[id].site = zones[zone].site
        requests[id].routeLatency = stageLatencies.latency(requests[id].population, zone)
        if requests[id].bytes > 0 {
            let region = zones[zone].region
            requests[id].egressRegion = region
            startTransfer(id, sender: regions[region].egressLink, scheduler: &scheduler)
        } else {
            respond(id, scheduler: &scheduler)
        }
    }

    /// Sends stage `from`'s message of request `id` to stage `to` (placed already): its bytes
    /// over ``messagePath(from:to:)``'s links, then the latency between the two zones. A
    /// link down on the path fails the attempt.
    mutating func sendMessage<Queue: PendingEventSet>(
        _ id: RequestSlot,
        plan: Int,
        to: Int,
        from: Int,
        scheduler: inout Scheduler<Queue>
    ) {
        let block = requests[id].board
        let source = stagePlans[plan].visits[stagePlans[plan].slot(block, from)].zone
        let destination = stagePlans[plan].visits[stagePlans[plan].slot(block, to)].zone
        var bytes = 0.0
        if let size = stagePlans[plan].message[to] {
            bytes = max(0, size.sample(using: &stagePlans[plan].messageStreams[to]))
        }
        if bytes > 0 {
            messagePath(from: source, to: destination)
            for link in transferHops where !links[link].isUp {
                failStages(id, loss: .failed)
                return
            }
            if !transferHops.isEmpty {
                requests[id].branches += 1
                launchStageFlow(id, bytes: bytes, code: stageFlowCode(to: to, from: from), at: scheduler.now)
                flowTimer.rearm(for: network, kind: Kind.flowDue, target: 0, scheduler: &scheduler)
                return
            }
        }
        requests[id].branches += 1
        scheduler.schedule(
            Kind.stageReach,
            target: UInt32(to) | UInt32(from) << 8,
            payload: id.index,
            after: stageLatencies.latency(source, destination)
        )
    }

    /// The links a message between zones `source` and `destination` crosses, into
    /// ``transferHops``: none within a region; across regions, the source region's egress and
    /// the destination region's ingress, each when limited.
    ///
    /// The one place that chooses a message's links: a user-drawn path would replace it.
    mutating func messagePath(from source: ZoneID, to destination: ZoneID) {
        transferHops.removeAll(keepingCapacity: true)
        let from = zones[source].region
        let to = zones[destination].region
        guard from != to else { return }
        let egress = regions[from].egressLink
        let ingress = regions[to].ingressLink
        if !egress.isNone { transferHops.append(egress) }
        if !ingress.isNone { transferHops.append(ingress) }
    }

    /// Starts a flow of `bytes` over ``transferHops`` for request `id`'s stage message `code`.
    mutating func launchStageFlow(_ id: RequestSlot, bytes: Double, code: UInt16, at now: SimTime) {
        let flow: FlowID
        do {
            flow = try network.startFlow(path: transferHops, bytes: bytes, at: now)
        } catch {
            preconditionFailure("request \(id.index), stage message: \(error)")
        }
        let slot = flow.offset
        if slot >= flowRequest.count {
            flowRequest.append(contentsOf: repeatElement(.none, count: slot + 1 - flowRequest.count))
        }
        if slot >= flowStage.count {
            flowStage.append(contentsOf: repeatElement(noStageFlow, count: slot + 1 - flowStage.count))
        }
        flowRequest[slot] = id
        flowStage[slot] = code
        meterStartedFlow(over: transferHops, at: now)
    }

    /// The stage message in flow slot `slot` has all its bytes across (the flow is ended by
    /// the caller): it travels on for the latency between its zones.
    mutating func stageFlowDone<Queue: PendingEventSet>(slot: Int, scheduler: inout Scheduler<Queue>) {
        let id = flowRequest[slot]
        let code = flowStage[slot]
        flowRequest[slot] = .none
        flowStage[slot] = noStageFlow
        let to = Int(code & 0xFF)
        let from = Int(code >> 8)
        let plan = Int(classes[requests[id].workloadClass].stagePlan)
        let block = requests[id].board
        let source = stagePlans[plan].visits[stagePlans[plan].slot(block, from)].zone
        let destination = stagePlans[plan].visits[stagePlans[plan].slot(block, to)].zone
        scheduler.schedule(
            Kind.stageReach,
            target: UInt32(to) | UInt32(from) << 8,
            payload: id.index,
            after: stageLatencies.latency(source, destination)
        )
    }

    /// The stage message in flow slot `slot` lost a link under it (the flow is ended by the
    /// caller): the attempt fails.
    mutating func stageFlowAborted<Queue: PendingEventSet>(slot: Int, scheduler: inout Scheduler<Queue>) {
        let id = flowRequest[slot]
        flowRequest[slot] = .none
        flowStage[slot] = noStageFlow
        requests[id].branches -= 1
        failStages(id, loss: .failed)
        settleGraph(id, scheduler: &scheduler)
    }

    /// Whether flow slot `slot` carries a stage message.
    func isStageFlow(_ slot: Int) -> Bool { slot < flowStage.count && flowStage[slot] != noStageFlow }

    /// Marks request `id`'s attempt as lost (`loss`) unless it is answered already or lost.
    mutating func failStages(_ id: RequestSlot, loss: AttemptLoss) {
        guard requests[id].graphFate == .running else { return }
        requests[id].graphFate = loss == .rejected ? .rejected : .failed
    }

    /// Once request `id` has no branch under way: a lost attempt ends (retried or lost), an
    /// answered request frees its slot; otherwise nothing.
    mutating func settleGraph<Queue: PendingEventSet>(_ id: RequestSlot, scheduler: inout Scheduler<Queue>) {
        guard requests[id].branches == 0 else { return }
        switch requests[id].graphFate {
        case .rejected: attemptEnded(id, loss: .rejected, scheduler: &scheduler)
        case .failed: attemptEnded(id, loss: .failed, scheduler: &scheduler)
        case .answered: removeRequest(id)
        case .running, .answering, .ended: break
        }
    }

    /// Frees request `id`'s slot, its block of stage visits and its playback session if it has
    /// them.
    mutating func removeRequest(_ id: RequestSlot) {
        endSession(of: id)
        let block = requests[id].board
        if block >= 0 {
            requests[id].graphFate = .ended
            let plan = Int(classes[requests[id].workloadClass].stagePlan)
            stagePlans[plan].freeBlocks.append(block)
        }
        requests.remove(id)
    }
}
