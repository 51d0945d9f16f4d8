import SimCore

/// How an attempt ended when it did not serve its request.
enum AttemptLoss {
    /// Turned away: queue full, site down, no site available.
    case rejected
    /// Accepted, then lost: timed out, site or device failed under it.
    case failed
}

extension WorldModel {
    /// A request of demand `index` arrives: the next arrival is scheduled, and the request is
    /// created and sent on its first attempt.
    mutating func handleArrival<Queue: PendingEventSet>(demand index: Int, scheduler: inout Scheduler<Queue>) {
        let now = scheduler.now
        scheduleNextArrival(of: index, after: now, scheduler: &scheduler)
        let workloadClass = Int(demands[index].workloadClass)
        var request = ModelRequest(
            workloadClass: UInt32(workloadClass),
            demand: UInt32(index),
            population: demands[index].population,
            created: now,
            isCounted: measuring
        )
        if let catalogue = catalogues[workloadClass] {
            let object = catalogue.drawObject(using: &demands[index].objectStream)
            request.object = Int32(object)
            request.bytes = Double(catalogue.size(of: object))
        }
        if let job = spec.workloadClasses[workloadClass].kind.job {
            request.work = max(0, job.cpuSeconds.sample(using: &workStreams[workloadClass]))
        }
        if measuring { tallies[workloadClass].arrived += 1 }
        let id = requests.insert(request)
        attempt(id, scheduler: &scheduler)
    }

    /// Sends request `id` on a new attempt: routes it and schedules its arrival at the site.
    mutating func attempt<Queue: PendingEventSet>(_ id: UInt32, scheduler: inout Scheduler<Queue>) {
        requests[id].attempts &+= 1
        dispatch(id, scheduler: &scheduler)
    }

    /// Routes request `id` and sends it (without counting an attempt: used for the first
    /// try, retries, and jobs moved off a device that left).
    mutating func dispatch<Queue: PendingEventSet>(_ id: UInt32, scheduler: inout Scheduler<Queue>) {
        guard let choice = route(id) else {
            requests[id].site = ModelRequest.none
            attemptEnded(id, loss: .rejected, scheduler: &scheduler)
            return
        }
        let demand = Int(requests[id].demand)
        let site = candidates[demand][choice.position]
        requests[id].site = site
        requests[id].device = choice.device
        requests[id].routeLatency = candidateLatency[demand][choice.position]
        requests[id].phase = .toSite
        if case .pool(let pool) = sites[Int(site)], classTraits[Int(requests[id].workloadClass)].isCompute {
            reserve(device: choice.device, of: pool, for: id)
        }
        scheduler.schedule(Kind.reach, target: 0, payload: id, after: requests[id].routeLatency)
    }

    /// Request `id` reaches its site (or, after an edge miss, its origin).
    mutating func handleReach<Queue: PendingEventSet>(_ id: UInt32, scheduler: inout Scheduler<Queue>) {
        let site = Int(requests[id].site)
        switch (requests[id].phase, sites[site]) {
        case (.toSite, .zone(let zone)):
            requests[id].phase = .inZone
            _ = zones[zone].arrive(
                request: CloudRequestID(UInt64(id)),
                class: CloudWorkloadClass(requests[id].workloadClass),
                at: scheduler.now,
                scheduler: &scheduler,
                endings: &endings
            )
            zoneChanged(zone, scheduler: &scheduler)
        case (.toSite, .edge(let edge)):
            reachEdge(id, edge: edge, scheduler: &scheduler)
        case (.toOrigin, .edge(let edge)):
            guard edgeUp[edge] else {
                attemptEnded(id, loss: .failed, scheduler: &scheduler)
                return
            }
            let origin = edgeOriginRegion[edge]
            startTransfer(
                id,
                path: [regionEgressLink[origin], edgeUplink[edge], accessLink(of: id)],
                scheduler: &scheduler
            )
        case (.toSite, .pool(let pool)):
            reachPool(id, pool: pool, scheduler: &scheduler)
        default:
            preconditionFailure("request \(id) reached site \(site) in phase \(requests[id].phase) at \(scheduler.now)")
        }
    }

    /// A zone reports that request `end.request` ended there.
    mutating func zoneEnded<Queue: PendingEventSet>(
        _ end: CloudRequestEnd,
        zone: Int,
        scheduler: inout Scheduler<Queue>
    ) {
        let id = UInt32(end.request.value)
        let region = zoneRegion[zone]
        if let start = end.serviceStart, requests[id].isCounted {
            ledger.recordCompute(region: CostRegionID(UInt32(region)), coreSeconds: (end.time - start).seconds)
        }
        switch end.fate {
        case .served:
            requests[id].servedBy = .cloud
            if classTraits[Int(requests[id].workloadClass)].hasContent {
                requests[id].egressRegion = Int32(region)
                startTransfer(id, path: [regionEgressLink[region], accessLink(of: id)], scheduler: &scheduler)
            } else {
                respond(id, scheduler: &scheduler)
            }
        case .rejected:
            attemptEnded(id, loss: .rejected, scheduler: &scheduler)
        case .timedOut, .failed:
            attemptEnded(id, loss: .failed, scheduler: &scheduler)
        }
    }

    /// The answer to request `id` starts back to its population.
    mutating func respond<Queue: PendingEventSet>(_ id: UInt32, scheduler: inout Scheduler<Queue>) {
        requests[id].phase = .returning
        scheduler.schedule(Kind.respond, target: 0, payload: id, after: requests[id].routeLatency)
    }

    /// The attempt of request `id` ended without serving it: it is retried after a backoff
    /// if attempts remain, else it ends as rejected or failed.
    mutating func attemptEnded<Queue: PendingEventSet>(
        _ id: UInt32,
        loss: AttemptLoss,
        scheduler: inout Scheduler<Queue>
    ) {
        releaseDevice(of: id)
        let attempts = Int(requests[id].attempts)
        if attempts < spec.retry.maxAttempts {
            requests[id].phase = .backingOff
            requests[id].avoidSite = requests[id].site
            if requests[id].isCounted { tallies[Int(requests[id].workloadClass)].retries += 1 }
            var delay = spec.retry.baseDelay(beforeAttempt: attempts + 1)
            if spec.retry.jitter, delay > .zero {
                delay = .seconds(delay.seconds * retryStream.nextUnit())
            }
            scheduler.schedule(Kind.retry, target: 0, payload: id, after: delay)
            return
        }
        let request = requests[id]
        if request.isCounted {
            let workloadClass = Int(request.workloadClass)
            switch loss {
            case .rejected: tallies[workloadClass].rejected += 1
            case .failed: tallies[workloadClass].failed += 1
            }
            tallies[workloadClass].lostSeries.record(count: 1, sum: 0, at: scheduler.now)
        }
        requests.remove(id)
    }

    /// Request `id`'s answer arrived: it is served.
    mutating func finishServed(_ id: UInt32, at time: SimTime) {
        let request = requests[id]
        requests.remove(id)
        guard request.isCounted else { return }
        let workloadClass = Int(request.workloadClass)
        let latency = time - request.created
        tallies[workloadClass].served += 1
        tallies[workloadClass].latency.record(latency)
        if let slo = classTraits[workloadClass].slo, latency <= slo {
            tallies[workloadClass].sloMet += 1
        }
        tallies[workloadClass].bytes += request.bytes
        tallies[workloadClass].stallSeconds += request.stallSeconds
        tallies[workloadClass].servedSeries.record(latency.seconds, at: time)
        if request.bytes > 0 {
            tallies[workloadClass].bytesSeries.record(request.bytes, at: time)
        }
        switch request.servedBy {
        case .cloud:
            let region = siteRegion[Int(request.site)]
            tallies[workloadClass].servedByRegion[region] += 1
            regionServed[region] += 1
        case .edge: tallies[workloadClass].servedByEdge += 1
        case .shared:
            tallies[workloadClass].servedByShared += 1
            if case .pool(let pool) = sites[Int(request.site)] { poolTallies[pool].requestsServed += 1 }
        case .origin: tallies[workloadClass].servedByOrigin += 1
        }
        ledger.recordCompleted(bytesDelivered: UInt64(request.bytes))
    }

    /// The access link of request `id`'s population, or `none`.
    func accessLink(of id: UInt32) -> UInt32 {
        populationAccessLink[Int(requests[id].population)]
    }
}
