public import SimCore

extension WorldModel {
    /// Schedules the first arrival of every demand, starts every pool's churn, and
    /// schedules every outage and the end of the warm-up. Call it once, at time zero.
    public mutating func start<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        precondition(scheduler.now == .zero, "the model starts at time zero, not \(scheduler.now)")
        for demand in demands.ids where !demands[demand].isReplayOnly {
            scheduleNextArrival(of: demand, scheduler: &scheduler)
        }
        startTraces(scheduler: &scheduler)
        startDeviceTraces(scheduler: &scheduler)
        for pool in pools.ids {
            pools[pool].engine.start(scheduler: &scheduler)
        }
        for zone in zones.ids {
            zones[zone].engine.startAutoscaling(scheduler: &scheduler)
        }
        for (index, windows) in failureWindows.enumerated() {
            for window in windows {
                scheduler.schedule(Kind.outageStart, target: UInt32(index), at: window.start)
                scheduler.schedule(Kind.outageEnd, target: UInt32(index), at: window.end)
            }
        }
        for (index, slowdown) in spec.slowdowns.enumerated() where slowdown.start < runEnd {
            scheduler.schedule(Kind.slowdownStart, target: UInt32(index), at: slowdown.start)
            scheduler.schedule(Kind.slowdownEnd, target: UInt32(index), at: slowdown.end)
        }
        startHealthChecks(scheduler: &scheduler)
        scheduleLinkReading(after: warmupEnd, scheduler: &scheduler)
        if warmupEnd == .zero {
            beginMeasurement(at: .zero)
        } else {
            scheduler.schedule(Kind.warmupEnd, target: 0, at: warmupEnd)
        }
    }

    /// Handles one of the model's events.
    public mutating func handle<Queue: PendingEventSet>(_ event: Event, scheduler: inout Scheduler<Queue>) {
        switch event.kind {
        case Kind.arrival:
            handleArrival(demand: DemandID(event.target), count: event.payload, scheduler: &scheduler)
        case Kind.zoneCompletion, Kind.zoneTimeout, Kind.zoneAutoscale, Kind.zoneServersReady:
            let zone = ZoneID(event.target)
            _ = zones[zone].engine.handle(event, scheduler: &scheduler, endings: &endings)
            zoneChanged(zone, scheduler: &scheduler)
        case Kind.reach:
            handleReach(RequestSlot(event.payload), scheduler: &scheduler)
        case Kind.respond:
            finishServed(RequestSlot(event.payload), at: scheduler.now)
        case Kind.retry:
            attempt(RequestSlot(event.payload), scheduler: &scheduler)
        case Kind.flowDue:
            completeDueFlows(scheduler: &scheduler)
        case Kind.churn:
            let pool = PoolID(event.target)
            let transition = pools[pool].engine.handleChurn(event, scheduler: &scheduler)
            if measuring {
                let online = Double(pools[pool].engine.onlineDevices)
                let devices = Double(max(1, pools[pool].engine.deviceCount))
                pools[pool].onlineSeries.record(online / devices, at: scheduler.now)
            }
            if !transition.isOnline {
                deviceLeft(pool: pool, device: transition.device, scheduler: &scheduler)
            }
        case Kind.jobDone:
            jobFinished(RequestSlot(event.payload), scheduler: &scheduler)
        case Kind.outageStart:
            outage(Int(event.target), starts: true, scheduler: &scheduler)
        case Kind.outageEnd:
            outage(Int(event.target), starts: false, scheduler: &scheduler)
        case Kind.warmupEnd:
            beginMeasurement(at: scheduler.now)
        case Kind.probe:
            probe(Int(event.target), scheduler: &scheduler)
        case Kind.probeTimeout:
            probeFailed(Int(event.target), at: scheduler.now)
        case Kind.deadSiteTimeout:
            attemptEnded(RequestSlot(event.payload), loss: .failed, scheduler: &scheduler)
        case Kind.slowdownStart:
            slow(Int(event.target), starts: true)
        case Kind.slowdownEnd:
            slow(Int(event.target), starts: false)
        case Kind.traceArrival:
            handleTraceArrival(Int(event.target), scheduler: &scheduler)
        case Kind.deviceTrace:
            handleDeviceChange(Int(event.target), scheduler: &scheduler)
        case Kind.stageReach:
            handleStageReach(
                RequestSlot(event.payload),
                to: Int(event.target & 0xFF),
                from: Int(event.target >> 8),
                scheduler: &scheduler
            )
        case Kind.stageDeadSite:
            stageFoundDeadZone(RequestSlot(event.payload), stage: Int(event.target), scheduler: &scheduler)
        case Kind.segmentRequest:
            segmentRequested(RequestSlot(event.payload), scheduler: &scheduler)
        case Kind.linkReading:
            readLinkMeters(at: scheduler.now)
            scheduleLinkReading(after: scheduler.now, scheduler: &scheduler)
        default:
            preconditionFailure("world model: unknown event kind \(event.kind) at \(scheduler.now)")
        }
    }

    /// Schedules the next arrival epoch of demand `index` (its count in the payload), if it
    /// falls before the run's end.
    mutating func scheduleNextArrival<Queue: PendingEventSet>(
        of index: DemandID,
        scheduler: inout Scheduler<Queue>
    ) {
        var stream = demands[index].stream
        let next = demands[index].arrivals.next(using: &stream)
        demands[index].stream = stream
        guard let next, next.time < runEnd else { return }
        scheduler.schedule(Kind.arrival, target: index.index, payload: next.count, at: next.time)
    }

    /// The stream a demand's process draws its batch sizes or on/off periods from:
    /// `<arrivals stream>/batch` or `/on-off`, so a process's own draws shift no other stream.
    static func auxiliaryStream(of process: ArrivalProcess, named name: String, seed: UInt64) -> RandomStream {
        switch process {
        case .batch: RandomStream(seed: seed, name: name + "/batch")
        case .onOff: RandomStream(seed: seed, name: name + "/on-off")
        case .poisson, .deterministic, .burst: RandomStream(seed: seed, key: 0)
        }
    }

    /// Starts measuring at `time`: counters were zero; time averages restart now.
    mutating func beginMeasurement(at time: SimTime) {
        measuring = true
        for zone in zones.ids {
            zones[zone].engine.resetStatistics(at: time)
            zones[zone].busySeries.record(Double(zones[zone].engine.busyCores), at: time)
            zones[zone].recordServers(at: time)
        }
        for pool in pools.ids {
            pools[pool].engine.resetStatistics(at: time)
            let online = Double(pools[pool].engine.onlineDevices)
            let devices = Double(max(1, pools[pool].engine.deviceCount))
            pools[pool].onlineSeries.record(online / devices, at: time)
            pools[pool].tally.transitionsAtWarmup = pools[pool].engine.transitionCount
        }
        for edge in edgeSites.ids {
            edgeSites[edge].cache.resetCounters()
            edgeSites[edge].downtime = .zero
            if !edgeSites[edge].isUp { edgeSites[edge].downSince = time }
        }
        readLinkMeters(at: time)
    }

    /// Processes what a zone reported and records its new load.
    mutating func zoneChanged<Queue: PendingEventSet>(_ zone: ZoneID, scheduler: inout Scheduler<Queue>) {
        if measuring {
            zones[zone].busySeries.record(Double(zones[zone].engine.busyCores), at: scheduler.now)
            if zones[zone].autoscaled { zones[zone].recordServers(at: scheduler.now) }
        }
        guard !endings.isEmpty else { return }
        var ended: [CloudRequestEnd] = []
        swap(&ended, &endings)
        for end in ended {
            zoneEnded(end, zone: zone, scheduler: &scheduler)
        }
        ended.removeAll(keepingCapacity: true)
        if endings.isEmpty { swap(&ended, &endings) }
    }
}

extension ZoneState {
    /// Records the zone's paid servers at `time` in its interval series.
    mutating func recordServers(at time: SimTime) {
        serversSeries.record(Double(engine.provisionedCores) / Double(engine.spec.coresPerServer), at: time)
    }
}
