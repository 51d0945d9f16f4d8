public import SimCore

extension WorldModel {
    /// Schedules the first arrival of every demand, starts every pool's churn, and
    /// schedules every outage and the end of the warm-up. Call it once, at time zero.
    public mutating func start<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        precondition(scheduler.now == .zero, "the model starts at time zero, not \(scheduler.now)")
        for index in demands.indices {
            scheduleNextArrival(of: index, after: .zero, scheduler: &scheduler)
        }
        for index in pools.indices {
            pools[index].start(scheduler: &scheduler)
        }
        for (index, windows) in failureWindows.enumerated() {
            for window in windows {
                scheduler.schedule(Kind.outageStart, target: UInt32(index), at: window.start)
                scheduler.schedule(Kind.outageEnd, target: UInt32(index), at: window.end)
            }
        }
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
            handleArrival(demand: Int(event.target), scheduler: &scheduler)
        case Kind.zoneCompletion, Kind.zoneTimeout:
            let zone = Int(event.target)
            _ = zones[zone].handle(event, scheduler: &scheduler, endings: &endings)
            zoneChanged(zone, scheduler: &scheduler)
        case Kind.reach:
            handleReach(event.payload, scheduler: &scheduler)
        case Kind.respond:
            finishServed(event.payload, at: scheduler.now)
        case Kind.retry:
            attempt(event.payload, scheduler: &scheduler)
        case Kind.flowDue:
            completeDueFlows(scheduler: &scheduler)
        case Kind.churn:
            let pool = Int(event.target)
            let transition = pools[pool].handleChurn(event, scheduler: &scheduler)
            if measuring {
                poolOnlineSeries[pool].record(
                    Double(pools[pool].onlineDevices) / Double(max(1, pools[pool].deviceCount)),
                    at: scheduler.now
                )
            }
            if !transition.isOnline {
                deviceLeft(pool: pool, device: transition.device.index, scheduler: &scheduler)
            }
        case Kind.jobDone:
            jobFinished(event.payload, scheduler: &scheduler)
        case Kind.outageStart:
            outage(Int(event.target), starts: true, scheduler: &scheduler)
        case Kind.outageEnd:
            outage(Int(event.target), starts: false, scheduler: &scheduler)
        case Kind.warmupEnd:
            beginMeasurement(at: scheduler.now)
        default:
            preconditionFailure("world model: unknown event kind \(event.kind) at \(scheduler.now)")
        }
    }

    /// Schedules the arrival after `time` of demand `index`, if it falls before the run's end.
    mutating func scheduleNextArrival<Queue: PendingEventSet>(
        of index: Int,
        after time: SimTime,
        scheduler: inout Scheduler<Queue>
    ) {
        var stream = demands[index].stream
        let next = demands[index].arrivals.nextArrival(after: time, using: &stream)
        demands[index].stream = stream
        guard let next, next < runEnd else { return }
        scheduler.schedule(Kind.arrival, target: UInt32(index), at: next)
    }

    /// Starts measuring at `time`: counters were zero; time averages restart now.
    mutating func beginMeasurement(at time: SimTime) {
        measuring = true
        for index in zones.indices {
            zones[index].resetStatistics(at: time)
            zoneBusySeries[index].record(Double(zones[index].inService), at: time)
        }
        for index in pools.indices {
            pools[index].resetStatistics(at: time)
            poolOnlineSeries[index].record(
                Double(pools[index].onlineDevices) / Double(max(1, pools[index].deviceCount)),
                at: time
            )
            poolTallies[index].transitionsAtWarmup = pools[index].transitionCount
        }
        for index in edgeCaches.indices {
            edgeCaches[index].resetCounters()
            edgeDowntime[index] = .zero
            if !edgeUp[index] { edgeDownSince[index] = time }
        }
    }

    /// Processes what a zone reported and records its new load.
    mutating func zoneChanged<Queue: PendingEventSet>(_ zone: Int, scheduler: inout Scheduler<Queue>) {
        if measuring {
            zoneBusySeries[zone].record(Double(zones[zone].inService), at: scheduler.now)
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
