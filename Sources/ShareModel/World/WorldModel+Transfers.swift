import SimCore

extension WorldModel {
    /// Request `id` reaches edge site `edge`: a hit is sent from the cache, a miss travels
    /// on to the origin region (round trip) and is sent from there through the edge.
    mutating func reachEdge<Queue: PendingEventSet>(_ id: UInt32, edge: Int, scheduler: inout Scheduler<Queue>) {
        guard edgeUp[edge] else {
            attemptEnded(id, loss: .rejected, scheduler: &scheduler)
            return
        }
        let workloadClass = Int(requests[id].workloadClass)
        guard let catalogue = catalogues[workloadClass] else {
            preconditionFailure("request \(id) of a class without content reached edge site \(edge)")
        }
        let object = catalogue.firstCacheID + Int(requests[id].object)
        let hit = edgeCaches[edge].access(object: object, size: Int64(requests[id].bytes))
        if measuring {
            if hit { edgeHits[edge] += 1 } else { edgeMisses[edge] += 1 }
        }
        if hit {
            requests[id].servedBy = .edge
            startTransfer(id, path: [edgeUplink[edge], accessLink(of: id)], scheduler: &scheduler)
        } else {
            requests[id].servedBy = .origin
            requests[id].egressRegion = Int32(edgeOriginRegion[edge])
            requests[id].phase = .toOrigin
            scheduler.schedule(Kind.reach, target: 0, payload: id, after: edgeOriginLatency[edge] * 2)
        }
    }

    /// Request `id` reaches the device the router chose in pool `pool`: it sends the object
    /// or runs the job, if it is still online.
    mutating func reachPool<Queue: PendingEventSet>(_ id: UInt32, pool: Int, scheduler: inout Scheduler<Queue>) {
        let device = requests[id].device
        guard pools[pool].canServe(DeviceIndex(device)) else {
            attemptEnded(id, loss: .failed, scheduler: &scheduler)
            return
        }
        requests[id].servedBy = .shared
        if classTraits[Int(requests[id].workloadClass)].isCompute {
            startJob(id, pool: pool, scheduler: &scheduler)
        } else {
            startTransfer(
                id,
                path: [deviceLink(pool: pool, device: device), accessLink(of: id)],
                scheduler: &scheduler
            )
        }
    }

    /// The uplink of `device` in `pool`, created at its first transfer.
    mutating func deviceLink(pool: Int, device: UInt32) -> UInt32 {
        let existing = poolDeviceLink[pool][Int(device)]
        if existing != ModelRequest.none { return existing }
        let capacity = Double(pools[pool].uplinkBitsPerSecond[Int(device)])
        let link: LinkID
        do {
            link = try network.addLink(capacityBitsPerSecond: capacity)
        } catch {
            preconditionFailure("device \(device) of pool \(pool): \(error)")
        }
        linkOwner.append(.device(pool: pool, device: device))
        linkUp.append(true)
        poolDeviceLink[pool][Int(device)] = link.index
        return link.index
    }

    /// Starts request `id`'s bytes over `path` (links that are `none` are skipped); with no
    /// link at all, the bytes arrive at once. A path through a failed link fails the attempt.
    mutating func startTransfer<Queue: PendingEventSet>(_ id: UInt32, path: [UInt32], scheduler: inout Scheduler<Queue>)
    {
        let now = scheduler.now
        var links: [LinkID] = []
        links.reserveCapacity(path.count)
        for link in path where link != ModelRequest.none {
            guard linkUp[Int(link)] else {
                attemptEnded(id, loss: .failed, scheduler: &scheduler)
                return
            }
            links.append(LinkID(link))
        }
        requests[id].transferStart = now
        guard !links.isEmpty else {
            transferDone(id, at: now)
            respond(id, scheduler: &scheduler)
            return
        }
        let flow: FlowID
        do {
            flow = try network.startFlow(path: links, bytes: requests[id].bytes, at: now)
        } catch {
            preconditionFailure("request \(id): \(error)")
        }
        let slot = Int(flow.index)
        if slot >= flowRequest.count {
            flowRequest.append(contentsOf: repeatElement(ModelRequest.none, count: slot + 1 - flowRequest.count))
        }
        flowRequest[slot] = id
        requests[id].flow = flow.index
        requests[id].phase = .transferring
        switch sites[Int(requests[id].site)] {
        case .edge(let edge): edgeActiveFlows[edge] += 1
        case .pool(let pool): poolDeviceUploads[pool][Int(requests[id].device)] &+= 1
        case .zone: break
        }
        if requests[id].egressRegion >= 0 { regionActiveFlows[Int(requests[id].egressRegion)] += 1 }
        flowTimer.rearm(for: network, kind: Kind.flowDue, target: 0, scheduler: &scheduler)
    }

    /// Ends every flow whose bytes have all arrived by now, and answers their requests.
    mutating func completeDueFlows<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        let now = scheduler.now
        while let next = network.nextCompletion(), next.time <= now {
            let id = flowRequest[Int(next.flow.index)]
            network.endFlow(next.flow, at: now)
            endedFlow(of: id)
            transferDone(id, at: now)
            respond(id, scheduler: &scheduler)
        }
        flowTimer.rearm(for: network, kind: Kind.flowDue, target: 0, scheduler: &scheduler)
    }

    /// Forgets request `id`'s flow (ended by the caller).
    mutating func endedFlow(of id: UInt32) {
        flowRequest[Int(requests[id].flow)] = ModelRequest.none
        requests[id].flow = ModelRequest.none
        switch sites[Int(requests[id].site)] {
        case .edge(let edge): edgeActiveFlows[edge] -= 1
        case .pool(let pool): poolDeviceUploads[pool][Int(requests[id].device)] &-= 1
        case .zone: break
        }
        if requests[id].egressRegion >= 0 { regionActiveFlows[Int(requests[id].egressRegion)] -= 1 }
    }

    /// Accounts for the bytes of request `id`, all delivered at `time`: egress, edge and
    /// device figures, credits, and a stream's stall.
    mutating func transferDone(_ id: UInt32, at time: SimTime) {
        let request = requests[id]
        let workloadClass = Int(request.workloadClass)
        let bitrate = classTraits[workloadClass].streamBitrate
        if bitrate > 0 {
            let playback = request.bytes * 8 / bitrate
            requests[id].stallSeconds = max(0, (time - request.transferStart).seconds - playback)
        }
        let bytes = request.bytes
        if request.egressRegion >= 0 {
            regionEgressBytes[Int(request.egressRegion)] += request.isCounted ? bytes : 0
            if request.isCounted {
                ledger.recordEgress(region: CostRegionID(UInt32(request.egressRegion)), bytes: UInt64(bytes))
            }
        }
        switch sites[Int(request.site)] {
        case .edge(let edge):
            if request.isCounted { edgeBytes[edge] += bytes }
        case .pool(let pool):
            pools[pool].recordServed(bytes: bytes, by: DeviceIndex(request.device))
            if request.isCounted {
                let credits = bytes / SharedPool.bytesPerGB * pools[pool].spec.creditsPerGB
                poolTallies[pool].bytesServed += bytes
                poolTallies[pool].credits += credits
                ledger.recordCredits(credits)
            }
        case .zone:
            break
        }
    }

    /// Aborts every flow over `link` (its device left, or it or its site failed): their
    /// attempts fail.
    mutating func abortFlows<Queue: PendingEventSet>(on link: UInt32, scheduler: inout Scheduler<Queue>) {
        guard link != ModelRequest.none else { return }
        let flows = network.flows(on: LinkID(link))
        guard !flows.isEmpty else { return }
        for flow in flows {
            let id = flowRequest[Int(flow.index)]
            network.endFlow(flow, at: scheduler.now)
            endedFlow(of: id)
            attemptEnded(id, loss: .failed, scheduler: &scheduler)
        }
        flowTimer.rearm(for: network, kind: Kind.flowDue, target: 0, scheduler: &scheduler)
    }
}
