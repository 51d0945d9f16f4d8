import SimCore

extension WorldModel {
    /// Request `id` reaches edge site `edge`: a hit is sent from the cache, a miss travels
    /// on to the origin region (round trip) and is sent from there through the edge.
    mutating func reachEdge<Queue: PendingEventSet>(
        _ id: RequestSlot,
        edge: EdgeSiteID,
        scheduler: inout Scheduler<Queue>
    ) {
        guard edgeSites[edge].isUp else {
            if reachedDeadSite(id, site: edgeSites[edge].site, scheduler: &scheduler) { return }
            attemptEnded(id, loss: .rejected, scheduler: &scheduler)
            return
        }
        guard let firstCacheID = classes[requests[id].workloadClass].catalogue?.firstCacheID else {
            preconditionFailure("request \(id.index) of a class without content reached edge site \(edge.index)")
        }
        let object = firstCacheID + Int(requests[id].object)
        let hit = edgeSites[edge].cache.access(object: object, size: Int64(requests[id].bytes))
        if measuring {
            if hit { edgeSites[edge].hits += 1 } else { edgeSites[edge].misses += 1 }
        }
        if hit {
            requests[id].servedBy = .edge
            startTransfer(id, sender: edgeSites[edge].uplink, scheduler: &scheduler)
        } else {
            requests[id].servedBy = .origin
            requests[id].egressRegion = edgeSites[edge].originRegion
            requests[id].phase = .toOrigin
            let origin = spec.regions[edgeSites[edge].originRegion.offset].region.name
            recordStep(id, .toOrigin, at: scheduler.now, site: origin)
            scheduler.schedule(Kind.reach, target: 0, payload: id.index, after: edgeSites[edge].originLatency * 2)
        }
    }

    /// Request `id` reaches the device the router chose in pool `pool`: it sends the object
    /// or runs the job, if it is still online.
    mutating func reachPool<Queue: PendingEventSet>(
        _ id: RequestSlot,
        pool: PoolID,
        scheduler: inout Scheduler<Queue>
    ) {
        let device = requests[id].device
        guard pools[pool].engine.canServe(device) else {
            attemptEnded(id, loss: .failed, scheduler: &scheduler)
            return
        }
        requests[id].servedBy = .shared
        if classes[requests[id].workloadClass].traits.isCompute {
            startJob(id, pool: pool, scheduler: &scheduler)
        } else {
            startTransfer(id, sender: deviceLink(pool: pool, device: device), scheduler: &scheduler)
        }
    }

    /// The uplink of `device` in `pool`, created at its first transfer.
    mutating func deviceLink(pool: PoolID, device: DeviceIndex) -> LinkID {
        let existing = pools[pool].devices[link: device]
        if !existing.isNone { return existing }
        let capacity = Double(pools[pool].engine.uplinkBitsPerSecond[device.offset])
        let link: LinkID
        do {
            link = try network.addLink(capacityBitsPerSecond: capacity)
        } catch {
            preconditionFailure("device \(device.index) of pool \(pool.index): \(error)")
        }
        links.append(LinkState(owner: .device(pool: pool, device: device)))
        pools[pool].devices[link: device] = link
        return link
    }

    /// Starts request `id`'s bytes from `sender` (the sending site's line) to its population:
    /// over `sender`, the links of path `relayPath` (an edge miss: origin to edge site), `relay`
    /// (the edge site's uplink), the links of the request's own path to its site (see
    /// ``clientPath(of:)``) and its population's access link. Links that are `none` (no limit)
    /// are skipped; with no link at all, the bytes arrive at once. A path through a failed
    /// link, limited or not, fails the attempt.
    mutating func startTransfer<Queue: PendingEventSet>(
        _ id: RequestSlot,
        sender: LinkID,
        relayPath: Int32 = -1,
        relay: LinkID = .none,
        scheduler: inout Scheduler<Queue>
    ) {
        let now = scheduler.now
        let egress = requests[id].egressRegion
        guard populations[requests[id].population].accessUp, egress.isNone || regions[egress].egressUp else {
            attemptEnded(id, loss: .failed, scheduler: &scheduler)
            return
        }
        transferHops.removeAll(keepingCapacity: true)
        appendHop(sender)
        appendPath(relayPath)
        appendHop(relay)
        appendPath(clientPath(of: id))
        appendHop(accessLink(of: id))
        for link in transferHops where !links[link].isUp {
            attemptEnded(id, loss: .failed, scheduler: &scheduler)
            return
        }
        if requests[id].lineBitsPerSecond > 0 { appendHop(lendLine(to: id, at: now)) }
        requests[id].transferStart = now
        rememberSource(of: id, sender: sender, relayPath: relayPath, relay: relay)
        if requests[id].firstByte == nil { requests[id].firstByte = now + requests[id].routeLatency }
        let bytes = nextTransferBytes(of: id)
        guard !transferHops.isEmpty else {
            transferDone(id, at: now)
            transferArrived(id, scheduler: &scheduler)
            return
        }
        launchFlow(id, hops: transferHops, bytes: bytes, at: now)
        requests[id].phase = .transferring
        recordStep(id, .transfer, at: now, links: transferHops)
        switch sites[requests[id].site].role {
        case .edge(let edge): edgeSites[edge].activeFlows += 1
        case .pool(let pool): pools[pool].devices[uploads: requests[id].device] &+= 1
        case .zone: break
        }
        let region = requests[id].egressRegion
        if !region.isNone { regions[region].activeFlows += 1 }
        flowTimer.rearm(for: network, kind: Kind.flowDue, target: 0, scheduler: &scheduler)
    }

    /// Starts a flow of `bytes` for request `id` over `hops` (none of them `none`) at `now`.
    mutating func launchFlow(_ id: RequestSlot, hops: [LinkID], bytes: Double, at now: SimTime) {
        let flow: FlowID
        do {
            flow = try network.startFlow(path: hops, bytes: bytes, at: now)
        } catch {
            preconditionFailure("request \(id.index): \(error)")
        }
        let slot = flow.offset
        if slot >= flowRequest.count {
            flowRequest.append(contentsOf: repeatElement(.none, count: slot + 1 - flowRequest.count))
        }
        flowRequest[slot] = id
        if slot < flowStage.count { flowStage[slot] = noStageFlow }
        requests[id].flow = flow
        meterStartedFlow(over: hops, at: now)
    }

    /// Starts request `id`'s request bytes up to zone `zone` over the links of its path to the
    /// zone and its region's ingress (backhaul) link; with no link with a limit they arrive at
    /// once and it enters the zone. A failed link, limited or not, fails the attempt.
    mutating func startUpload<Queue: PendingEventSet>(
        _ id: RequestSlot,
        zone: ZoneID,
        scheduler: inout Scheduler<Queue>
    ) {
        let now = scheduler.now
        let region = zones[zone].region
        requests[id].transferStart = now
        requests[id].egressRegion = .none
        guard regions[region].ingressUp else {
            attemptEnded(id, loss: .failed, scheduler: &scheduler)
            return
        }
        transferHops.removeAll(keepingCapacity: true)
        appendPath(clientPath(of: id))
        appendHop(regions[region].ingressLink)
        guard !transferHops.isEmpty else {
            uploadDone(id, region: region, at: now)
            enterZone(id, zone: zone, scheduler: &scheduler)
            return
        }
        for link in transferHops where !links[link].isUp {
            attemptEnded(id, loss: .failed, scheduler: &scheduler)
            return
        }
        launchFlow(id, hops: transferHops, bytes: requests[id].uploadBytes, at: now)
        requests[id].phase = .uploading
        recordStep(id, .upload, at: now, links: transferHops)
        regions[region].ingressFlows += 1
        flowTimer.rearm(for: network, kind: Kind.flowDue, target: 0, scheduler: &scheduler)
    }

    /// Accounts for the request bytes of request `id`, all received by `region` at `time`:
    /// the region's ingress bytes and backhaul samples, and its class's bytes up.
    mutating func uploadDone(_ id: RequestSlot, region: RegionID, at time: SimTime) {
        let request = requests[id]
        guard request.isCounted else { return }
        regions[region].ingressBytes += request.uploadBytes
        classes[request.workloadClass].tally.bytesUp += request.uploadBytes
        backhaulSamples?.record(link: region.offset, bytes: request.uploadBytes, from: request.transferStart, to: time)
        ledger.recordIngress(
            region: CostRegionID(region.index),
            bytes: UInt64(request.uploadBytes),
            from: request.transferStart,
            to: time
        )
    }

    /// Ends every flow whose bytes have all arrived by now: an upload's request enters its
    /// zone, a response or object is answered.
    mutating func completeDueFlows<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        let now = scheduler.now
        while let next = network.nextCompletion(), next.time <= now {
            let id = flowRequest[next.flow.offset]
            endFlow(next.flow, at: now)
            if isStageFlow(next.flow.offset) {
                stageFlowDone(slot: next.flow.offset, scheduler: &scheduler)
                continue
            }
            endedFlow(of: id)
            if requests[id].phase == .uploading, case .zone(let zone) = sites[requests[id].site].role {
                uploadDone(id, region: zones[zone].region, at: now)
                enterZone(id, zone: zone, scheduler: &scheduler)
            } else {
                transferDone(id, at: now)
                transferArrived(id, scheduler: &scheduler)
            }
        }
        flowTimer.rearm(for: network, kind: Kind.flowDue, target: 0, scheduler: &scheduler)
    }

    /// A dedicated link standing for request `id`'s client line, at its rate, from
    /// its population's idle lines or new; kept by the request until its flow ends.
    mutating func lendLine(to id: RequestSlot, at now: SimTime) -> LinkID {
        let rate = requests[id].lineBitsPerSecond
        let link: LinkID
        do {
            let population = requests[id].population
            if let idle = populations[population].idleLines.popLast() {
                link = idle
                try network.setCapacity(rate, of: link, at: now)
            } else {
                link = try network.addDedicatedLink(capacityBitsPerSecond: rate)
                links.append(LinkState(owner: .clientLine(population)))
            }
        } catch {
            preconditionFailure("request \(id.index)'s line of \(rate) bit/s: \(error)")
        }
        requests[id].line = link
        return link
    }

    /// Forgets request `id`'s flow (ended by the caller), and takes back its client line.
    mutating func endedFlow(of id: RequestSlot) {
        flowRequest[requests[id].flow.offset] = .none
        requests[id].flow = .none
        if !requests[id].line.isNone {
            populations[requests[id].population].idleLines.append(requests[id].line)
            requests[id].line = .none
        }
        if requests[id].phase == .uploading {
            regions[sites[requests[id].site].region].ingressFlows -= 1
            return
        }
        switch sites[requests[id].site].role {
        case .edge(let edge): edgeSites[edge].activeFlows -= 1
        case .pool(let pool): pools[pool].devices[uploads: requests[id].device] &-= 1
        case .zone: break
        }
        let region = requests[id].egressRegion
        if !region.isNone { regions[region].activeFlows -= 1 }
    }

    /// Accounts for the bytes of request `id`'s transfer (a stream's segment), all delivered
    /// at `time`: egress, edge and device figures, and credits.
    mutating func transferDone(_ id: RequestSlot, at time: SimTime) {
        let request = requests[id]
        let bytes = transferredBytes(of: id)
        if !request.egressRegion.isNone {
            regions[request.egressRegion].egressBytes += request.isCounted ? bytes : 0
            if request.isCounted {
                ledger.recordEgress(
                    region: CostRegionID(request.egressRegion.index),
                    bytes: UInt64(bytes),
                    from: request.transferStart,
                    to: time
                )
            }
        }
        switch sites[request.site].role {
        case .edge(let edge):
            if request.isCounted {
                edgeSites[edge].bytes += bytes
                ledger.recordEdge(site: edge.offset, bytes: UInt64(bytes), from: request.transferStart, to: time)
            }
        case .pool(let pool):
            pools[pool].engine.recordServed(bytes: bytes, by: request.device)
            if request.isCounted {
                let credits = bytes / SharedPool.bytesPerGB * pools[pool].engine.spec.creditsPerGB
                pools[pool].tally.bytesServed += bytes
                pools[pool].tally.credits += credits
                ledger.recordCredits(credits, pool: pool.offset)
                ledger.recordPool(pool: pool.offset, bytes: UInt64(bytes), from: request.transferStart, to: time)
            }
        case .zone:
            break
        }
    }

    /// Aborts every flow over `link` (its device left, or it or its site failed): their
    /// attempts fail.
    mutating func abortFlows<Queue: PendingEventSet>(on link: LinkID, scheduler: inout Scheduler<Queue>) {
        guard !link.isNone else { return }
        let flows = network.flows(on: link)
        guard !flows.isEmpty else { return }
        for flow in flows {
            let id = flowRequest[flow.offset]
            endFlow(flow, at: scheduler.now)
            if isStageFlow(flow.offset) {
                stageFlowAborted(slot: flow.offset, scheduler: &scheduler)
                continue
            }
            endedFlow(of: id)
            attemptEnded(id, loss: .failed, scheduler: &scheduler)
        }
        flowTimer.rearm(for: network, kind: Kind.flowDue, target: 0, scheduler: &scheduler)
    }
}
