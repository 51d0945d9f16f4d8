import SimCore

/// Processor sharing (``ServiceDiscipline/processorSharing``): every request in the zone is in
/// service from its arrival, n requests on c cores each progressing at min(1, c/n) of a core
/// (see ``SharedJobs`` for the virtual clock that makes an arrival or departure O(log n)).
///
/// - A request's work is drawn (or taken from its trace) when it arrives, times the zone's
///   ``serviceScale`` then: a slowdown applies to the work that arrives during it.
/// - The line limit ``ZoneSpec/maxWaiting`` bounds the requests beyond one per core: an
///   arrival finding c + `maxWaiting` requests in the zone is rejected (the same total as
///   first come first served holds).
/// - The timeout bounds the time in the zone: a request still unfinished ``ZoneSpec/timeout``
///   after it arrived is dropped as timed out (deadlines follow arrival order, so one timer at
///   the oldest live deadline is exact).
/// - Capacity changes (autoscaling) change the rate at once: cores a scale-in removes leave at
///   once (no request holds a core of its own), cores that come into service speed everyone up.
/// - A failure fails every request in the zone, oldest first.
/// - Wait is zero (``CloudRequestEnd/serviceStart`` is the arrival); busy cores are min(n, c).
extension CloudZone {
    /// An arrival at a processor-sharing zone that is up (counted already).
    mutating func arriveShared<Queue: PendingEventSet>(
        _ request: CloudWaitingRequest,
        at time: SimTime,
        scheduler: inout Scheduler<Queue>,
        endings: inout [CloudRequestEnd]
    ) -> ArrivalOutcome {
        dropExpiredShared(at: time, scheduler: &scheduler, endings: &endings)
        if let maxWaiting = spec.maxWaiting, sharing.count >= capacity + maxWaiting {
            return rejectQueueFull(request.request, class: request.workloadClass, at: time, endings: &endings)
        }
        sharing.advance(to: time, cores: capacity)
        let seconds =
            request.serviceSeconds >= 0
            ? request.serviceSeconds
            : spec.serviceTimes[Int(request.workloadClass.index)].sample(using: &serviceStream)
        metrics.waitInQueue.record(0)
        let job = sharing.insert(
            request: request.request,
            workloadClass: request.workloadClass,
            arrival: time,
            work: Swift.max(0, seconds * serviceScale)
        )
        metrics.busySlots.record(Double(busyCores), at: time)
        if spec.timeout != nil {
            sharing.deadlines.append(SharedDeadline(job: job, order: sharing[job].order))
            if timeoutTimer == nil { rearmTimeoutShared(scheduler: &scheduler) }
        }
        rearmCompletionShared(scheduler: &scheduler)
        return .started
    }

    /// The next finish came at `time`: that request (and any finishing at the same virtual
    /// time) is served.
    mutating func completeShared<Queue: PendingEventSet>(
        at time: SimTime,
        scheduler: inout Scheduler<Queue>,
        endings: inout [CloudRequestEnd]
    ) {
        sharing.completion = nil
        sharing.advance(to: time, cores: capacity)
        guard let first = sharing.nextJob else {
            preconditionFailure("zone \(spec.name): processor-sharing completion with no request at \(time)")
        }
        let finish = sharing[first].finish
        endShared(first, fate: .served, at: time, endings: &endings)
        while let next = sharing.nextJob, sharing[next].finish <= finish {
            endShared(next, fate: .served, at: time, endings: &endings)
        }
        metrics.busySlots.record(Double(busyCores), at: time)
        rearmCompletionShared(scheduler: &scheduler)
        if timeoutTimer != nil, sharing.count == 0 { rearmTimeoutShared(scheduler: &scheduler) }
    }

    /// Removes the request in entry `job` (clock already advanced) and reports its end.
    mutating func endShared(
        _ job: UInt32,
        fate: CloudRequestFate,
        at time: SimTime,
        endings: inout [CloudRequestEnd]
    ) {
        let virtualNow = sharing.virtual
        let done = sharing.remove(job)
        let received = fate == .served ? done.finish - done.startVirtual : virtualNow - done.startVirtual
        switch fate {
        case .served:
            metrics.served += 1
            metrics.responseTime.record((time - done.arrival).seconds)
        case .timedOut: metrics.timedOut += 1
        default: metrics.failed += 1
        }
        endings.append(
            CloudRequestEnd(
                request: done.request,
                workloadClass: done.workloadClass,
                arrival: done.arrival,
                serviceStart: done.arrival,
                time: time,
                fate: fate,
                serviceReceived: .seconds(Swift.max(0, received))
            )
        )
    }

    /// Drops every request whose time in the zone has reached the timeout.
    mutating func dropExpiredShared<Queue: PendingEventSet>(
        at time: SimTime,
        scheduler: inout Scheduler<Queue>,
        endings: inout [CloudRequestEnd]
    ) {
        guard let timeout = spec.timeout else { return }
        var dropped = false
        while let oldest = sharing.deadlines.first {
            guard sharing.isLive(oldest) else {
                _ = sharing.deadlines.popFirst()
                continue
            }
            guard sharing[oldest.job].arrival + timeout <= time else { break }
            _ = sharing.deadlines.popFirst()
            if !dropped { sharing.advance(to: time, cores: capacity) }
            dropped = true
            endShared(oldest.job, fate: .timedOut, at: time, endings: &endings)
        }
        if dropped {
            metrics.busySlots.record(Double(busyCores), at: time)
            rearmCompletionShared(scheduler: &scheduler)
            rearmTimeoutShared(scheduler: &scheduler)
        }
    }

    /// Arms the timeout timer at the oldest live deadline (stale ones are dropped first).
    mutating func rearmTimeoutShared<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        guard spec.timeout != nil else { return }
        while let oldest = sharing.deadlines.first, !sharing.isLive(oldest) { _ = sharing.deadlines.popFirst() }
        rearmTimeout(forArrival: sharing.deadlines.first.map { sharing[$0.job].arrival }, scheduler: &scheduler)
    }

    /// Arms the completion timer at the next finish at the current rate, cancelling the
    /// previous one (call after the clock was advanced and n or c changed).
    mutating func rearmCompletionShared<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        if let timer = sharing.completion {
            scheduler.cancel(timer)
            sharing.completion = nil
        }
        guard let finish = sharing.nextFinish else { return }
        let seconds = Swift.max(0, finish - sharing.virtual) / sharing.rate(cores: capacity)
        sharing.completion = scheduler.scheduleCancellable(
            eventKinds.completion,
            target: target,
            after: .seconds(seconds)
        )
    }

    /// The zone's cores in service change to `cores` at `time` (autoscaling): everyone's rate
    /// changes from now.
    mutating func setSharedCapacity<Queue: PendingEventSet>(
        _ cores: Int,
        at time: SimTime,
        scheduler: inout Scheduler<Queue>
    ) {
        sharing.advance(to: time, cores: capacity)
        capacity = cores
        metrics.busySlots.record(Double(busyCores), at: time)
        if isUp { rearmCompletionShared(scheduler: &scheduler) }
    }

    /// A processor-sharing zone fails at `time`: every request in it fails, oldest first.
    mutating func failShared<Queue: PendingEventSet>(
        at time: SimTime,
        scheduler: inout Scheduler<Queue>,
        endings: inout [CloudRequestEnd]
    ) {
        sharing.advance(to: time, cores: capacity)
        let virtualNow = sharing.virtual
        if let timer = sharing.completion {
            scheduler.cancel(timer)
            sharing.completion = nil
        }
        var failed = 0
        sharing.removeAll { job in
            failed += 1
            endings.append(
                CloudRequestEnd(
                    request: job.request,
                    workloadClass: job.workloadClass,
                    arrival: job.arrival,
                    serviceStart: job.arrival,
                    time: time,
                    fate: .failed,
                    serviceReceived: .seconds(Swift.max(0, virtualNow - job.startVirtual))
                )
            )
        }
        metrics.failed += failed
        metrics.busySlots.record(0, at: time)
    }
}
