public import SimCore

/// What a zone's autoscaler remembers between evaluations.
struct ScalingState: Sendable {
    /// The busy-core and in-service-core areas (core × seconds) at the last evaluation,
    /// measured from the zone's metrics' start.
    var busyArea = 0.0
    var servingArea = 0.0
    /// No action before this time (the cooldown after the last action).
    var quietUntil = SimTime.zero
}

extension CloudZone {
    /// Schedules the first evaluation of the zone's autoscaling policy, one period from now;
    /// does nothing for a zone without a policy. Call it once, when the run starts.
    public mutating func startAutoscaling<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        guard let policy = spec.autoscaling else { return }
        scaling = ScalingState(quietUntil: scheduler.now)
        scheduler.schedule(eventKinds.autoscale, target: target, after: policy.period)
    }

    /// One evaluation at `time` (see ``AutoscalingPolicy``): measures the utilisation of the
    /// period just ended, launches or removes servers, and schedules the next evaluation.
    ///
    /// - Complexity: O(servers removed) for a scale-in, else O(log n) for the scheduler insert.
    mutating func evaluateScaling<Queue: PendingEventSet>(at time: SimTime, scheduler: inout Scheduler<Queue>) {
        guard let policy = spec.autoscaling else { return }
        scheduler.schedule(eventKinds.autoscale, target: target, after: policy.period)
        let busyArea = metrics.busySlots.integral(until: time)
        let servingArea = metrics.servingCores.integral(until: time)
        let busy = busyArea - scaling.busyArea
        let serving = servingArea - scaling.servingArea
        scaling.busyArea = busyArea
        scaling.servingArea = servingArea
        guard isUp, serving > 0, time >= scaling.quietUntil else { return }
        let measured = busy / serving
        let cores = spec.coresPerServer
        let servingServers = capacity / cores
        let provisioned = (capacity + startingCores) / cores
        if measured > policy.targetUtilisation, provisioned >= policy.maxServers {
            metrics.evaluationsAtMax += 1
        }
        // No scale-in while launched servers start up (as AWS holds scale-in during warm-up).
        let wanted = policy.decision(measured: measured, serving: servingServers, provisioned: provisioned)
        if wanted > provisioned {
            let added = (wanted - provisioned) * cores
            startingCores += added
            metrics.scaleOuts += 1
            scaling.quietUntil = time + policy.cooldown
            scheduler.schedule(eventKinds.serversReady, target: target, payload: UInt32(added), after: policy.startup)
            recordCapacity(at: time)
        } else if wanted < provisioned, startingCores == 0 {
            let removed = (provisioned - wanted) * cores
            if discipline == .processorSharing {
                // No request holds a core of its own: the removed cores leave at once.
                setSharedCapacity(capacity - removed, at: time, scheduler: &scheduler)
                metrics.scaleIns += 1
                scaling.quietUntil = time + policy.cooldown
                recordCapacity(at: time)
                return
            }
            capacity -= removed
            let idle = Swift.min(removed, freeSlots.count)
            for _ in 0..<idle {
                if let slot = freeSlots.popLast() { spareSlots.append(slot) }
            }
            retiringCores += removed - idle
            metrics.scaleIns += 1
            scaling.quietUntil = time + policy.cooldown
            recordCapacity(at: time)
        }
    }

    /// Launched servers with `cores` cores come into service at `time`: each core takes the
    /// oldest waiting request whose deadline has not come (the first of the highest priority,
    /// under priority), or joins the free cores; under processor sharing they speed every
    /// request up.
    mutating func serversReady<Queue: PendingEventSet>(
        cores: Int,
        at time: SimTime,
        scheduler: inout Scheduler<Queue>,
        endings: inout [CloudRequestEnd]
    ) {
        precondition(cores <= startingCores, "zone \(spec.name): \(cores) cores ready but \(startingCores) starting")
        startingCores -= cores
        if discipline == .processorSharing {
            setSharedCapacity(capacity + cores, at: time, scheduler: &scheduler)
            recordCapacity(at: time)
            return
        }
        capacity += cores
        let ranks = discipline.isPriority
        if isUp {
            if ranks {
                dropExpiredRanked(at: time, scheduler: &scheduler, endings: &endings)
            } else {
                dropExpired(at: time, scheduler: &scheduler, endings: &endings)
            }
        }
        var started = false
        for _ in 0..<cores {
            guard let slot = spareSlots.popLast() else {
                preconditionFailure("zone \(spec.name): no spare slot at \(time)")
            }
            if isUp, ranks, startNextRanked(slot: slot, at: time, scheduler: &scheduler) {
                started = true
            } else if isUp, !ranks, let next = waiting.popFirst() {
                begin(next, slot: slot, at: time, scheduler: &scheduler)
                started = true
            } else {
                freeSlots.append(slot)
            }
        }
        if started {
            metrics.queueLength.record(Double(waitingCount), at: time)
            metrics.busySlots.record(Double(slotsBusy), at: time)
            if ranks { rearmTimeoutRanked(scheduler: &scheduler) } else { rearmTimeout(scheduler: &scheduler) }
        }
        recordCapacity(at: time)
    }

    /// A retiring core's request ended at `time`: the core leaves service.
    mutating func retire(slot: UInt32, at time: SimTime) {
        retiringCores -= 1
        spareSlots.append(slot)
        metrics.busySlots.record(Double(slotsBusy), at: time)
        recordCapacity(at: time)
    }

    /// Records the cores in service and paid for at `time`.
    mutating func recordCapacity(at time: SimTime) {
        metrics.servingCores.record(Double(capacity + retiringCores), at: time)
        metrics.provisionedCores.record(Double(provisionedCores), at: time)
    }
}
