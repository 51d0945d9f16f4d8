import SimCore

/// How an attempt ended when it did not serve its request.
enum AttemptLoss {
    /// Turned away: queue full, site down, no site available.
    case rejected
    /// Accepted, then lost: timed out, site or device failed under it.
    case failed
}

extension WorldModel {
    /// `count` requests of demand `index` arrive at once (1 but in a batch or a burst): the
    /// next arrival is scheduled, and each request is created and sent on its first attempt
    /// in turn; at the limit of requests in flight the run stops instead (``limitBreach``).
    mutating func handleArrival<Queue: PendingEventSet>(
        demand index: DemandID,
        count: UInt32,
        scheduler: inout Scheduler<Queue>
    ) {
        let now = scheduler.now
        var created: UInt32 = 0
        repeat {
            guard requests.live < limits.maxRequestsInFlight else {
                limitBreach = RunLimitBreach(time: now, runEnd: runEnd, requestsInFlight: requests.live)
                scheduler.stop()
                return
            }
            if created == 0 { scheduleNextArrival(of: index, scheduler: &scheduler) }
            createRequest(demand: index, at: now, scheduler: &scheduler)
            created &+= 1
        } while created < count
    }

    /// Creates a request of demand `index` at `now` and sends it on its first attempt.
    /// `object` (≥ 0), `bytes` (≥ 0) and `serviceSeconds` (≥ 0) come from a trace and replace
    /// the draws of the object, its size and the service demand; -1 draws them.
    mutating func createRequest<Queue: PendingEventSet>(
        demand index: DemandID,
        at now: SimTime,
        object: Int64 = -1,
        bytes: Double = -1,
        serviceSeconds: Double = -1,
        scheduler: inout Scheduler<Queue>
    ) {
        let workloadClass = demands[index].workloadClass
        var request = ModelRequest(
            workloadClass: workloadClass,
            demand: index,
            population: demands[index].population,
            created: now,
            isCounted: measuring
        )
        request.arrivedDuringOutage = outageClock.isAnyDown
        if let catalogue = classes[workloadClass].catalogue {
            let chosen = object >= 0 ? Int(object) : catalogue.drawObject(using: &demands[index].objectStream)
            request.object = Int32(chosen)
            request.bytes = bytes >= 0 ? bytes : Double(catalogue.size(of: chosen))
        }
        request.serviceSeconds = serviceSeconds
        let population = demands[index].population
        if let lines = populations[population].lines {
            request.lineBitsPerSecond = lines.draw(using: &populations[population].lineStream)
        }
        if classes[workloadClass].traits.hasPayload {
            let payload = spec.workloadClasses[workloadClass.offset]
            if let size = payload.requestBytes {
                request.uploadBytes = max(0, size.sample(using: &classes[workloadClass].payloadStream))
            }
            if let size = payload.responseBytes {
                request.bytes = max(0, size.sample(using: &classes[workloadClass].payloadStream))
            }
        }
        let bitrate = classes[workloadClass].traits.streamBitrate
        if bitrate > 0 {
            let videoSeconds = request.bytes * 8 / bitrate
            var watch = videoSeconds
            if let drawn = spec.workloadClasses[workloadClass.offset].playback.watchSeconds {
                watch = drawn.sample(using: &classes[workloadClass].watchStream)
            }
            request.session = openSession(
                PlaybackSession(videoSeconds: videoSeconds, watchSeconds: watch, created: now)
            )
        }
        if let job = spec.workloadClasses[workloadClass.offset].kind.job {
            request.work =
                serviceSeconds >= 0
                ? serviceSeconds : max(0, job.cpuSeconds.sample(using: &classes[workloadClass].workStream))
        }
        if measuring {
            demands[index].arrived &+= 1
            classes[workloadClass].tally.arrived += 1
            classes[workloadClass].tally.arrivedSeries.record(count: 1, sum: 0, at: now)
            if request.arrivedDuringOutage { classes[workloadClass].tally.duringOutages.arrived += 1 }
        }
        let id = requests.insert(request)
        recordCreated(id, at: now)
        attempt(id, scheduler: &scheduler)
    }

    /// Sends request `id` on a new attempt: routes it and schedules its arrival at the site.
    mutating func attempt<Queue: PendingEventSet>(_ id: RequestSlot, scheduler: inout Scheduler<Queue>) {
        requests[id].attempts &+= 1
        requests[id].lastAttempt = scheduler.now
        dispatch(id, scheduler: &scheduler)
    }

    /// Routes request `id` and sends it (without counting an attempt: used for the first
    /// try, retries, and jobs moved off a device that left).
    mutating func dispatch<Queue: PendingEventSet>(_ id: RequestSlot, scheduler: inout Scheduler<Queue>) {
        if classes[requests[id].workloadClass].stagePlan >= 0 {
            startStages(id, scheduler: &scheduler)
            return
        }
        guard let choice = route(id) else {
            requests[id].site = .none
            recordStep(id, .travel, at: scheduler.now)
            attemptEnded(id, loss: .rejected, scheduler: &scheduler)
            return
        }
        let site = choice.site
        requests[id].site = site
        requests[id].device = choice.device
        requests[id].routeLatency = choice.latency
        requests[id].phase = .toSite
        recordStep(id, .travel, at: scheduler.now)
        if case .pool(let pool) = sites[site].role, classes[requests[id].workloadClass].traits.isCompute {
            reserve(device: choice.device, of: pool, for: id)
        }
        scheduler.schedule(Kind.reach, target: 0, payload: id.index, after: requests[id].routeLatency)
    }

    /// Request `id` reaches its site (or, after an edge miss, its origin).
    mutating func handleReach<Queue: PendingEventSet>(_ id: RequestSlot, scheduler: inout Scheduler<Queue>) {
        let site = requests[id].site
        switch (requests[id].phase, sites[site].role) {
        case (.toSite, .zone(let zone)):
            if requests[id].uploadBytes > 0, zones[zone].engine.isUp {
                startUpload(id, zone: zone, scheduler: &scheduler)
            } else {
                enterZone(id, zone: zone, scheduler: &scheduler)
            }
        case (.toSite, .edge(let edge)):
            reachEdge(id, edge: edge, scheduler: &scheduler)
        case (.toOrigin, .edge(let edge)):
            guard edgeSites[edge].isUp else {
                attemptEnded(id, loss: .failed, scheduler: &scheduler)
                return
            }
            let origin = edgeSites[edge].originRegion
            guard regions[origin].canServeOrigin else {
                attemptEnded(id, loss: .failed, scheduler: &scheduler)
                return
            }
            // The miss is handled by the origin's first zone that is up, with its service time
            // for the class; a region without zones sends the object at once, as before.
            if let zone = originZone(of: origin) {
                enterZone(id, zone: zone, scheduler: &scheduler)
                return
            }
            sendFromOrigin(id, edge: edge, scheduler: &scheduler)
        case (.toSite, .pool(let pool)):
            reachPool(id, pool: pool, scheduler: &scheduler)
        default:
            preconditionFailure(
                "request \(id.index) reached site \(site.index) in phase \(requests[id].phase) at \(scheduler.now)"
            )
        }
    }

    /// The first zone of region `origin` that is up, or nil (none up, or no zones).
    ///
    /// - Complexity: O(zones of the region), through ``RegionState/firstZone``.
    func originZone(of origin: RegionID) -> ZoneID? {
        let first = regions[origin].firstZone
        guard first >= 0 else { return nil }
        var zone = ZoneID(UInt32(first))
        while zone.offset < zones.count, zones[zone].region == origin {
            if zones[zone].engine.isUp { return zone }
            zone = ZoneID(UInt32(zone.offset + 1))
        }
        return nil
    }

    /// Sends the object of edge miss `id` from its origin, through edge site `edge`, to its
    /// population.
    mutating func sendFromOrigin<Queue: PendingEventSet>(
        _ id: RequestSlot,
        edge: EdgeSiteID,
        scheduler: inout Scheduler<Queue>
    ) {
        let origin = edgeSites[edge].originRegion
        startTransfer(
            id,
            sender: regions[origin].egressLink,
            relayPath: edgeSites[edge].originPath,
            relay: edgeSites[edge].uplink,
            scheduler: &scheduler
        )
    }

    /// Request `id` (its request's bytes, if any, all arrived) enters zone `zone`'s queue, or
    /// finds it down.
    mutating func enterZone<Queue: PendingEventSet>(_ id: RequestSlot, zone: ZoneID, scheduler: inout Scheduler<Queue>)
    {
        if !zones[zone].engine.isUp, reachedDeadSite(id, site: zones[zone].site, scheduler: &scheduler) { return }
        requests[id].phase = .inZone
        recordStep(id, .queue, at: scheduler.now, site: spec.zones[zone.offset].zone.name)
        _ = zones[zone].engine.arrive(
            request: CloudRequestID(UInt64(id.index)),
            class: CloudWorkloadClass(requests[id].workloadClass.index),
            serviceSeconds: requests[id].serviceSeconds,
            at: scheduler.now,
            scheduler: &scheduler,
            endings: &endings
        )
        zoneChanged(zone, scheduler: &scheduler)
    }

    /// A zone reports that request `end.request` ended there.
    mutating func zoneEnded<Queue: PendingEventSet>(
        _ end: CloudRequestEnd,
        zone: ZoneID,
        scheduler: inout Scheduler<Queue>
    ) {
        let id = RequestSlot(UInt32(truncatingIfNeeded: end.request.value))
        let region = zones[zone].region
        if end.serviceStart != nil, requests[id].isCounted {
            ledger.recordCompute(region: CostRegionID(region.index), coreSeconds: end.serviceReceived.seconds)
        }
        if end.request.value >> 32 != 0 {
            stageEnded(end, zone: zone, scheduler: &scheduler)
            return
        }
        if let start = end.serviceStart { recordStep(id, .service, at: start, site: spec.zones[zone.offset].zone.name) }
        switch end.fate {
        case .served:
            if case .edge(let edge) = sites[requests[id].site].role {
                // An edge miss handled at its origin: the object now goes out through the edge.
                sendFromOrigin(id, edge: edge, scheduler: &scheduler)
                return
            }
            requests[id].servedBy = .cloud
            if classes[requests[id].workloadClass].traits.hasContent || requests[id].bytes > 0 {
                requests[id].egressRegion = region
                startTransfer(id, sender: regions[region].egressLink, scheduler: &scheduler)
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
    mutating func respond<Queue: PendingEventSet>(_ id: RequestSlot, scheduler: inout Scheduler<Queue>) {
        requests[id].phase = .returning
        recordStep(id, .return, at: scheduler.now)
        scheduler.schedule(Kind.respond, target: 0, payload: id.index, after: requests[id].routeLatency)
    }

    /// The attempt of request `id` ended without serving it: it is retried after a backoff
    /// if attempts remain, else it ends as rejected or failed. A staged request with stages
    /// or messages still under way ends once they are over (``settleGraph(_:scheduler:)``).
    mutating func attemptEnded<Queue: PendingEventSet>(
        _ id: RequestSlot,
        loss: AttemptLoss,
        scheduler: inout Scheduler<Queue>
    ) {
        if requests[id].board >= 0 {
            guard requests[id].branches == 0 else {
                requests[id].graphFate = loss == .rejected ? .rejected : .failed
                return
            }
            requests[id].graphFate = .ended
        }
        releaseDevice(of: id)
        recordLost(id, as: loss, at: scheduler.now)
        let attempts = Int(requests[id].attempts)
        if attempts < spec.retry.maxAttempts {
            requests[id].phase = .backingOff
            recordStep(id, .backoff, at: scheduler.now, site: "")
            requests[id].avoidSite = requests[id].site
            if requests[id].isCounted { classes[requests[id].workloadClass].tally.retries += 1 }
            var delay = spec.retry.baseDelay(beforeAttempt: attempts + 1)
            if spec.retry.jitter, delay > .zero {
                delay = .seconds(delay.seconds * retryStream.nextUnit())
            }
            scheduler.schedule(Kind.retry, target: 0, payload: id.index, after: delay)
            return
        }
        let request = requests[id]
        if request.isCounted {
            let workloadClass = request.workloadClass
            switch loss {
            case .rejected: classes[workloadClass].tally.rejected += 1
            case .failed: classes[workloadClass].tally.failed += 1
            }
            classes[workloadClass].tally.lostSeries.record(count: 1, sum: 0, at: scheduler.now)
            if request.arrivedDuringOutage { classes[workloadClass].tally.duringOutages.lost += 1 }
        }
        recordEnded(id, as: loss == .rejected ? .rejected : .failed, at: scheduler.now)
        removeRequest(id)
    }

    /// Request `id`'s answer arrived: it is served.
    mutating func finishServed(_ id: RequestSlot, at time: SimTime) {
        recordEnded(id, as: .served, at: time)
        recordPlayback(id)
        let request = requests[id]
        if request.board >= 0, request.branches > 0 {
            requests[id].graphFate = .answered
        } else {
            removeRequest(id)
        }
        guard request.isCounted else { return }
        let workloadClass = request.workloadClass
        let latency = time - request.created
        classes[workloadClass].tally.served += 1
        if request.attempts > 1 {
            classes[workloadClass].tally.retriedServed += 1
            classes[workloadClass].tally.retryDelaySeconds += (request.lastAttempt - request.created).seconds
        }
        classes[workloadClass].tally.latency.record(latency)
        // The optional tallies are mutated through the array's own subscript: through `?` on
        // the typed-id subscript, its `_modify` coroutine was called out of line with a
        // heap-allocated frame, once per served request for each.
        let row = workloadClass.offset
        let firstByte = (request.firstByte ?? time) - request.created
        if classes[row].tally.firstByte == nil {
            classes[row].tally.firstByte = LatencyHistogram(highestTrackable: WorkloadTallyLimits.latencyRange)
        }
        classes[row].tally.firstByte!.record(firstByte)
        if classes[row].tally.live != nil { classes[row].tally.live!.record(latency, at: time) }
        if classes[row].tally.latencyLog != nil { classes[row].tally.latencyLog!.append(latency) }
        if let slo = classes[workloadClass].traits.slo, latency <= slo {
            classes[workloadClass].tally.sloMet += 1
        }
        classes[workloadClass].tally.bytes += request.bytes
        classes[workloadClass].tally.stallSeconds += request.stallSeconds
        classes[workloadClass].tally.servedSeries.record(latency.seconds, at: time)
        classes[workloadClass].tally.latencyQuantiles.record(latency, at: time)
        if request.arrivedDuringOutage {
            classes[workloadClass].tally.duringOutages.recordServed(latency)
        }
        if request.bytes > 0 {
            classes[workloadClass].tally.bytesSeries.record(request.bytes, at: time)
        }
        switch request.servedBy {
        case .cloud:
            let region = sites[request.site].region
            classes[workloadClass].tally.servedByRegion[region.offset] += 1
            regions[region].served += 1
        case .edge: classes[workloadClass].tally.servedByEdge += 1
        case .shared:
            classes[workloadClass].tally.servedByShared += 1
            if case .pool(let pool) = sites[request.site].role { pools[pool].tally.requestsServed += 1 }
        case .origin: classes[workloadClass].tally.servedByOrigin += 1
        }
        ledger.recordCompleted(bytesDelivered: UInt64(request.bytes))
    }

    /// The access link of request `id`'s population, or `none`.
    func accessLink(of id: RequestSlot) -> LinkID {
        populations[requests[id].population].accessLink
    }
}
