import SimCore

/// Priority service (``ServiceDiscipline/priority`` and ``ServiceDiscipline/preemptivePriority``):
/// the slots work as under first come first served, but waiting requests are held in one line
/// per priority level (see ``RankedLines``) and a freed core takes the first request of the
/// highest level. The timeout drops a request whose time in the zone reaches it while it is not
/// in service (for a request never served, its wait: as first come first served); one timer
/// stays armed at the earliest deadline among the levels' first requests.
extension CloudZone {
    /// An arrival at a priority zone that is up (counted already): a free slot, else a
    /// preemption, else the line, else rejection.
    mutating func arriveRanked<Queue: PendingEventSet>(
        _ request: CloudWaitingRequest,
        at time: SimTime,
        scheduler: inout Scheduler<Queue>,
        endings: inout [CloudRequestEnd]
    ) -> ArrivalOutcome {
        if let slot = freeSlots.popLast() {
            metrics.busySlots.record(Double(slotsBusy), at: time)
            beginRanked(request, slot: slot, at: time, scheduler: &scheduler)
            return .started
        }
        dropExpiredRanked(at: time, scheduler: &scheduler, endings: &endings)
        if ranked.preemptive, let victim = ranked.victim(above: ranked.level(of: request.workloadClass)) {
            preempt(slot: victim.slot, level: victim.level, at: time, scheduler: &scheduler)
            beginRanked(request, slot: victim.slot, at: time, scheduler: &scheduler)
            metrics.queueLength.record(Double(ranked.count), at: time)
            rearmTimeoutRanked(scheduler: &scheduler)
            return .started
        }
        if let maxWaiting = spec.maxWaiting, ranked.count >= maxWaiting {
            return rejectQueueFull(request.request, class: request.workloadClass, at: time, endings: &endings)
        }
        ranked.append(request)
        metrics.queueLength.record(Double(ranked.count), at: time)
        if ranked.count == 1 { rearmTimeoutRanked(scheduler: &scheduler) }
        return .queued
    }

    /// The service in `slot` of a priority zone completes at `time` (see
    /// ``complete(slot:at:scheduler:endings:)``).
    mutating func completeRanked<Queue: PendingEventSet>(
        slot: UInt32,
        at time: SimTime,
        scheduler: inout Scheduler<Queue>,
        endings: inout [CloudRequestEnd]
    ) {
        guard let done = slots[Int(slot)] else {
            preconditionFailure("zone \(spec.name): completion for free slot \(slot) at \(time)")
        }
        slots[Int(slot)] = nil
        metrics.served += 1
        metrics.responseTime.record((time - done.arrival).seconds)
        endings.append(
            CloudRequestEnd(
                request: done.request,
                workloadClass: done.workloadClass,
                arrival: done.arrival,
                serviceStart: done.start,
                time: time,
                fate: .served,
                serviceReceived: endSpell(slot: slot, of: done, at: time)
            )
        )
        dropExpiredRanked(at: time, scheduler: &scheduler, endings: &endings)
        if retiringCores > 0 {
            retire(slot: slot, at: time)
        } else if startNextRanked(slot: slot, at: time, scheduler: &scheduler) {
            metrics.queueLength.record(Double(ranked.count), at: time)
            rearmTimeoutRanked(scheduler: &scheduler)
        } else {
            freeSlots.append(slot)
            metrics.busySlots.record(Double(slotsBusy), at: time)
        }
    }

    /// Starts the next waiting request (highest level first) in `slot`; false if none waits.
    mutating func startNextRanked<Queue: PendingEventSet>(
        slot: UInt32,
        at time: SimTime,
        scheduler: inout Scheduler<Queue>
    ) -> Bool {
        switch ranked.popNext() {
        case .fresh(let request):
            beginRanked(request, slot: slot, at: time, scheduler: &scheduler)
        case .resumed(let request):
            resume(request, slot: slot, at: time, scheduler: &scheduler)
        case nil:
            return false
        }
        return true
    }

    /// Starts `request`'s first spell of service in `slot`.
    mutating func beginRanked<Queue: PendingEventSet>(
        _ request: CloudWaitingRequest,
        slot: UInt32,
        at time: SimTime,
        scheduler: inout Scheduler<Queue>
    ) {
        let due = begin(request, slot: slot, at: time, scheduler: &scheduler)
        guard ranked.preemptive else { return }
        ranked.noteStart(
            slot: slot,
            level: ranked.level(of: request.workloadClass),
            at: time,
            due: due,
            received: .zero
        )
    }

    /// Resumes a preempted request in `slot` with the work it had left.
    mutating func resume<Queue: PendingEventSet>(
        _ request: SuspendedRequest,
        slot: UInt32,
        at time: SimTime,
        scheduler: inout Scheduler<Queue>
    ) {
        let timer = scheduler.scheduleCancellable(
            eventKinds.completion,
            target: target,
            payload: slot,
            after: request.remaining
        )
        slots[Int(slot)] = InService(
            request: request.request.request,
            workloadClass: request.request.workloadClass,
            arrival: request.request.arrival,
            start: request.firstStart,
            timer: timer
        )
        ranked.noteStart(
            slot: slot,
            level: ranked.level(of: request.request.workloadClass),
            at: time,
            due: time + request.remaining,
            received: request.received
        )
    }

    /// Takes the request in `slot` (at `level`) out of service at `time` and puts it at the
    /// front of its level's line with the work it has left.
    mutating func preempt<Queue: PendingEventSet>(
        slot: UInt32,
        level: Int,
        at time: SimTime,
        scheduler: inout Scheduler<Queue>
    ) {
        guard let victim = slots[Int(slot)] else {
            preconditionFailure("zone \(spec.name): preempting free slot \(slot) at \(time)")
        }
        _ = scheduler.cancel(victim.timer)
        let due = ranked.slotInfo[Int(slot)].due
        let received = ranked.noteEnd(slot: slot, level: level, at: time)
        slots[Int(slot)] = nil
        metrics.preemptions += 1
        ranked.suspend(
            SuspendedRequest(
                request: CloudWaitingRequest(
                    request: victim.request,
                    workloadClass: victim.workloadClass,
                    arrival: victim.arrival
                ),
                firstStart: victim.start,
                received: received,
                remaining: due > time ? due - time : .zero
            )
        )
    }

    /// The service the request `work` in `slot` received in all, its spell ending at `time`.
    mutating func endSpell(slot: UInt32, of work: InService, at time: SimTime) -> SimDuration {
        guard ranked.preemptive else { return time - work.start }
        return ranked.noteEnd(slot: slot, level: ranked.level(of: work.workloadClass), at: time)
    }

    /// Drops every waiting request whose deadline has come, level by level; re-arms the timer
    /// if any was dropped.
    ///
    /// - Complexity: O(levels + dropped).
    mutating func dropExpiredRanked<Queue: PendingEventSet>(
        at time: SimTime,
        scheduler: inout Scheduler<Queue>,
        endings: inout [CloudRequestEnd]
    ) {
        guard let timeout = spec.timeout else { return }
        var dropped = false
        for level in ranked.lines.indices {
            while let oldest = ranked.popExpired(at: level, time: time, timeout: timeout) {
                dropped = true
                metrics.timedOut += 1
                endings.append(oldest.ending(at: time, fate: .timedOut))
            }
        }
        if dropped {
            metrics.queueLength.record(Double(ranked.count), at: time)
            rearmTimeoutRanked(scheduler: &scheduler)
        }
    }

    /// Arms the timeout timer for the earliest deadline among the levels' first requests.
    mutating func rearmTimeoutRanked<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        rearmTimeout(forArrival: ranked.earliestFront, scheduler: &scheduler)
    }
}
