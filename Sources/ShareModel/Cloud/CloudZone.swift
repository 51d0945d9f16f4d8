public import SimCore

/// The live state of one availability zone: busy slots, the waiting line, up or down, and
/// what it measured.
///
/// A zone is driven by the model that owns it. The model calls
/// ``arrive(request:class:at:scheduler:endings:)`` when a request reaches the zone, and
/// passes the zone's own events back through ``handle(_:scheduler:endings:)`` (or
/// ``complete(slot:at:scheduler:endings:)`` and ``expireWaiting(at:scheduler:endings:)``).
/// ``fail(at:scheduler:endings:)`` and ``recover(at:)`` take the zone down and up.
///
/// Every operation appends to `endings` each request that ended during the call, so the
/// caller sees every request end exactly once (served, rejected, timed out or failed) and
/// can retry failed or rejected work elsewhere. Keep one buffer and empty it after each call
/// (`removeAll(keepingCapacity: true)`): the zone allocates nothing per request once its
/// tables have grown.
///
/// Events: a service completion is a cancellable event of kind ``EventKinds/completion`` for
/// ``target`` whose payload is the slot index; the timeout is one cancellable event of kind
/// ``EventKinds/timeout`` for the oldest waiting request's deadline.
///
/// Timeouts are eager, with one timer: every request waits under the same timeout and the
/// line is first-come-first-served, so deadlines rise along the line and the oldest
/// request's deadline is always the next one. The zone keeps a single timer armed for it and
/// re-arms it when the front of the line changes; when it fires, every request at the front
/// whose deadline has come is dropped. The same check runs whenever a slot frees and when a
/// request arrives, so the rule holds exactly whatever the order of events at one instant:
/// a request whose wait reaches ``ZoneSpec/timeout`` is dropped and never starts service;
/// every request that starts service waited strictly less than the timeout.
///
/// Autoscaling: a zone whose spec has an ``ZoneSpec/autoscaling`` policy changes its
/// capacity at run time (see ``AutoscalingPolicy``). Its slot table is sized once for the
/// policy's maximum; slots out of service wait on a spare stack, so scaling allocates
/// nothing. Call ``startAutoscaling(scheduler:)`` once; evaluations are events of kind
/// ``EventKinds/autoscale`` and servers coming into service events of kind
/// ``EventKinds/serversReady`` (payload: the cores they bring). A zone without a policy
/// schedules neither and behaves as a fixed zone.
///
/// Disciplines: the above is first come, first served (``ServiceDiscipline/fcfs``, the
/// default). A zone whose spec names another ``ZoneSpec/discipline`` branches once per
/// operation to its own code: priority lines (``CloudZone+Priority.swift``, with the class
/// priorities given at ``init(spec:seed:streamName:target:eventKinds:priorities:at:)``) or processor sharing
/// (``CloudZone+ProcessorSharing.swift``, whose single completion event carries payload 0).
/// The first-come-first-served path is unchanged by them.
public struct CloudZone: Sendable {
    /// The event kinds the zone schedules, chosen by the owning model so that they do not
    /// collide with its own.
    public struct EventKinds: Hashable, Sendable {
        /// A service completion; the payload is the slot.
        public var completion: UInt16
        /// The oldest waiting request's deadline.
        public var timeout: UInt16
        /// An autoscaling evaluation (autoscaled zones only).
        public var autoscale: UInt16
        /// Launched servers come into service; the payload is the cores they bring.
        public var serversReady: UInt16

        /// Kinds `completion`, `timeout`, `autoscale` and `serversReady`, which must differ.
        public init(completion: UInt16 = 1, timeout: UInt16 = 2, autoscale: UInt16 = 3, serversReady: UInt16 = 4) {
            let kinds = [completion, timeout, autoscale, serversReady]
            precondition(Set(kinds).count == kinds.count, "a zone's event kinds must differ")
            self.completion = completion
            self.timeout = timeout
            self.autoscale = autoscale
            self.serversReady = serversReady
        }
    }

    /// What happened to an arriving request.
    public enum ArrivalOutcome: Hashable, Sendable {
        /// It took a free slot at once.
        case started
        /// It joined the waiting line.
        case queued
        /// It was turned away (and reported in `endings`).
        case rejected(CloudRejection)
    }

    /// A request holding a slot.
    struct InService: Sendable {
        var request: CloudRequestID
        var workloadClass: CloudWorkloadClass
        var arrival: SimTime
        var start: SimTime
        var timer: TimerHandle
    }

    /// The zone's description.
    public let spec: ZoneSpec
    /// The order of service, ``ZoneSpec/discipline``.
    public let discipline: ServiceDiscipline
    /// The target index the zone's events carry: the zone's index in the owning model.
    public let target: UInt32
    /// The event kinds the zone schedules.
    public let eventKinds: EventKinds
    /// Whether the zone accepts and serves requests.
    public private(set) var isUp = true
    /// What the zone measured so far.
    public internal(set) var metrics: CloudZoneMetrics
    /// The factor every service time drawn from now on is multiplied by (a gray failure);
    /// 1 normally, positive. Requests already in service keep the time they drew.
    public var serviceScale = 1.0
    /// The cores in service and staying (busy or idle): ``ZoneSpec/capacity`` for a fixed
    /// zone; for an autoscaled one it moves by whole servers between the policy's min and max.
    public internal(set) var capacity: Int
    /// Cores of servers removed by a scale-in that still finish a request; each leaves when
    /// its request ends.
    public internal(set) var retiringCores = 0
    /// Cores of launched servers still starting up (paid, not yet serving).
    public internal(set) var startingCores = 0

    var serviceStream: RandomStream
    /// Per slot: the request it serves, or nil when free.
    var slots: ContiguousArray<InService?>
    /// Free slots, as a stack of indices; popped from the end, so slot 0 is taken first.
    var freeSlots: ContiguousArray<UInt32>
    /// Slots out of service (never started, or retired), as a stack; empty for a fixed zone.
    var spareSlots: ContiguousArray<UInt32>
    /// The autoscaler's state (unused without a policy).
    var scaling = ScalingState()
    var waiting = CloudWaitingLine()
    /// The lines of a priority zone (empty otherwise).
    var ranked = RankedLines()
    /// The requests of a processor-sharing zone (empty otherwise).
    var sharing = SharedJobs()
    /// The timer armed for the oldest waiting request's deadline, if any.
    var timeoutTimer: TimerHandle?

    /// A zone described by `spec`, up and empty at `start`.
    ///
    /// - Parameters:
    ///   - seed: the run's seed; service times come from the stream named `streamName`.
    ///   - streamName: defaults to `cloud.zone.<spec.name>.service`; give region-qualified
    ///     names when two regions have zones with the same name.
    ///   - target: the index the zone's events carry.
    ///   - priorities: per workload class, its priority (higher is served first) under a
    ///     priority discipline; empty or shorter than the classes: the rest count as 0.
    ///     Ignored by other disciplines.
    public init(
        spec: ZoneSpec,
        seed: UInt64,
        streamName: String? = nil,
        target: UInt32 = 0,
        eventKinds: EventKinds = EventKinds(),
        priorities: [Int] = [],
        at start: SimTime = .zero
    ) {
        self.spec = spec
        self.discipline = spec.discipline
        self.target = target
        self.eventKinds = eventKinds
        self.metrics = CloudZoneMetrics(capacity: spec.capacity, autoscaled: spec.autoscaling != nil, at: start)
        self.serviceStream = RandomStream(seed: seed, name: streamName ?? "cloud.zone.\(spec.name).service")
        self.capacity = spec.capacity
        self.slots = ContiguousArray(repeating: nil, count: spec.maxScaledCapacity)
        self.freeSlots = ContiguousArray((0..<UInt32(spec.capacity)).reversed())
        self.spareSlots = ContiguousArray((UInt32(spec.capacity)..<UInt32(spec.maxScaledCapacity)).reversed())
        self.freeSlots.reserveCapacity(spec.maxScaledCapacity)
        switch spec.discipline {
        case .fcfs: break
        case .processorSharing:
            // Requests hold no core of their own: no slot table.
            slots = []
            freeSlots = []
            spareSlots = []
        case .priority, .preemptivePriority:
            var levels = priorities
            if levels.count < spec.workloadClassCount {
                levels += Array(repeating: 0, count: spec.workloadClassCount - levels.count)
            }
            ranked = RankedLines(
                priorities: levels,
                classes: spec.workloadClassCount,
                slots: spec.maxScaledCapacity,
                preemptive: spec.discipline == .preemptivePriority
            )
        }
    }

    /// The number of requests in service: every request in the zone under processor sharing.
    public var inService: Int {
        discipline == .processorSharing ? sharing.count : slotsBusy
    }

    /// The number of cores busy: ``inService``, or min(requests, cores) under processor sharing.
    public var busyCores: Int {
        discipline == .processorSharing ? Swift.min(sharing.count, capacity) : slotsBusy
    }

    /// The slots holding a request (the zone's own paths that have slots use it, unbranched).
    var slotsBusy: Int { capacity + retiringCores - freeSlots.count }

    /// Cores paid for now: in service, retiring and starting.
    public var provisionedCores: Int { capacity + retiringCores + startingCores }

    /// The number of requests waiting for a slot (preempted ones included); always 0 under
    /// processor sharing.
    public var waitingCount: Int {
        switch discipline {
        case .fcfs: waiting.count
        case .processorSharing: 0
        case .priority, .preemptivePriority: ranked.count
        }
    }

    /// A request reaches the zone at `time` (which must be the scheduler's now).
    ///
    /// It takes a free slot if there is one, else joins the line if there is room; it is
    /// rejected, and appended to `endings`, if the zone is down or the line is full.
    /// Requests at the front of the line whose deadline has come are dropped first.
    /// `serviceSeconds` (≥ 0, from a trace) replaces the draw from the class's service-time
    /// distribution; -1 draws it.
    ///
    /// - Complexity: amortised O(log n) for the scheduler insert.
    public mutating func arrive<Queue: PendingEventSet>(
        request: CloudRequestID,
        class workloadClass: CloudWorkloadClass,
        serviceSeconds: Double = -1,
        at time: SimTime,
        scheduler: inout Scheduler<Queue>,
        endings: inout [CloudRequestEnd]
    ) -> ArrivalOutcome {
        precondition(time == scheduler.now, "zone \(spec.name): arrival at \(time) but now is \(scheduler.now)")
        precondition(
            Int(workloadClass.index) < spec.serviceTimes.count,
            "zone \(spec.name): unknown workload class \(workloadClass.index) at \(time)"
        )
        metrics.arrived += 1
        guard isUp else {
            metrics.rejectedWhileDown += 1
            endings.append(
                CloudRequestEnd(
                    request: request,
                    workloadClass: workloadClass,
                    arrival: time,
                    serviceStart: nil,
                    time: time,
                    fate: .rejected(.zoneDown)
                )
            )
            return .rejected(.zoneDown)
        }
        if discipline != .fcfs {
            let arriving = CloudWaitingRequest(
                request: request,
                workloadClass: workloadClass,
                arrival: time,
                serviceSeconds: serviceSeconds
            )
            if discipline == .processorSharing {
                return arriveShared(arriving, at: time, scheduler: &scheduler, endings: &endings)
            }
            return arriveRanked(arriving, at: time, scheduler: &scheduler, endings: &endings)
        }
        if let slot = freeSlots.popLast() {
            metrics.busySlots.record(Double(slotsBusy), at: time)
            begin(
                CloudWaitingRequest(
                    request: request,
                    workloadClass: workloadClass,
                    arrival: time,
                    serviceSeconds: serviceSeconds
                ),
                slot: slot,
                at: time,
                scheduler: &scheduler
            )
            return .started
        }
        dropExpired(at: time, scheduler: &scheduler, endings: &endings)
        if let maxWaiting = spec.maxWaiting, waiting.count >= maxWaiting {
            return rejectQueueFull(request, class: workloadClass, at: time, endings: &endings)
        }
        waiting.append(
            CloudWaitingRequest(
                request: request,
                workloadClass: workloadClass,
                arrival: time,
                serviceSeconds: serviceSeconds
            )
        )
        metrics.queueLength.record(Double(waiting.count), at: time)
        if waiting.count == 1 { rearmTimeout(scheduler: &scheduler) }
        return .queued
    }

    /// Handles one of the zone's own events; returns false (doing nothing) if `event` is
    /// not the zone's (another kind or target).
    public mutating func handle<Queue: PendingEventSet>(
        _ event: Event,
        scheduler: inout Scheduler<Queue>,
        endings: inout [CloudRequestEnd]
    ) -> Bool {
        guard event.target == target else { return false }
        if event.kind == eventKinds.completion {
            complete(slot: event.payload, at: scheduler.now, scheduler: &scheduler, endings: &endings)
            return true
        }
        if event.kind == eventKinds.timeout {
            expireWaiting(at: scheduler.now, scheduler: &scheduler, endings: &endings)
            return true
        }
        if event.kind == eventKinds.autoscale {
            evaluateScaling(at: scheduler.now, scheduler: &scheduler)
            return true
        }
        if event.kind == eventKinds.serversReady {
            serversReady(cores: Int(event.payload), at: scheduler.now, scheduler: &scheduler, endings: &endings)
            return true
        }
        return false
    }

    /// The service in `slot` completes at `time`: the request is served (appended to
    /// `endings`) and the slot takes the oldest waiting request whose deadline has not come.
    ///
    /// Call it for the zone's completion event, with the event's payload as `slot`. Under
    /// processor sharing `slot` is ignored: the next request to finish is served.
    public mutating func complete<Queue: PendingEventSet>(
        slot: UInt32,
        at time: SimTime,
        scheduler: inout Scheduler<Queue>,
        endings: inout [CloudRequestEnd]
    ) {
        precondition(time == scheduler.now, "zone \(spec.name): completion at \(time) but now is \(scheduler.now)")
        if discipline != .fcfs {
            if discipline == .processorSharing {
                completeShared(at: time, scheduler: &scheduler, endings: &endings)
            } else {
                precondition(Int(slot) < slots.count, "zone \(spec.name): no slot \(slot) at \(time)")
                completeRanked(slot: slot, at: time, scheduler: &scheduler, endings: &endings)
            }
            return
        }
        precondition(Int(slot) < slots.count, "zone \(spec.name): no slot \(slot) at \(time)")
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
                fate: .served
            )
        )
        dropExpired(at: time, scheduler: &scheduler, endings: &endings)
        if retiringCores > 0 {
            retire(slot: slot, at: time)
        } else if let next = waiting.popFirst() {
            metrics.queueLength.record(Double(waiting.count), at: time)
            begin(next, slot: slot, at: time, scheduler: &scheduler)
            rearmTimeout(scheduler: &scheduler)
        } else {
            freeSlots.append(slot)
            metrics.busySlots.record(Double(slotsBusy), at: time)
        }
    }

    /// The timeout timer fired at `time`: drops (and appends to `endings`) every waiting
    /// request whose wait has reached the timeout, then re-arms for the new oldest one.
    public mutating func expireWaiting<Queue: PendingEventSet>(
        at time: SimTime,
        scheduler: inout Scheduler<Queue>,
        endings: inout [CloudRequestEnd]
    ) {
        precondition(time == scheduler.now, "zone \(spec.name): timeout at \(time) but now is \(scheduler.now)")
        timeoutTimer = nil
        switch discipline {
        case .fcfs:
            dropExpired(at: time, scheduler: &scheduler, endings: &endings)
            if timeoutTimer == nil { rearmTimeout(scheduler: &scheduler) }
        case .processorSharing:
            dropExpiredShared(at: time, scheduler: &scheduler, endings: &endings)
            if timeoutTimer == nil { rearmTimeoutShared(scheduler: &scheduler) }
        case .priority, .preemptivePriority:
            dropExpiredRanked(at: time, scheduler: &scheduler, endings: &endings)
            if timeoutTimer == nil { rearmTimeoutRanked(scheduler: &scheduler) }
        }
    }

    /// The zone goes down at `time`: every request in service (slot order) and every waiting
    /// request (oldest first) fails and is appended to `endings`; their completion and
    /// timeout events are cancelled. Until ``recover(at:)``, arrivals are rejected. Does
    /// nothing if the zone is already down.
    public mutating func fail<Queue: PendingEventSet>(
        at time: SimTime,
        scheduler: inout Scheduler<Queue>,
        endings: inout [CloudRequestEnd]
    ) {
        precondition(time == scheduler.now, "zone \(spec.name): failure at \(time) but now is \(scheduler.now)")
        guard isUp else { return }
        isUp = false
        metrics.up.record(0, at: time)
        if discipline == .processorSharing {
            failShared(at: time, scheduler: &scheduler, endings: &endings)
        }
        for index in slots.indices {
            guard let work = slots[index] else { continue }
            scheduler.cancel(work.timer)
            slots[index] = nil
            metrics.failed += 1
            endings.append(
                CloudRequestEnd(
                    request: work.request,
                    workloadClass: work.workloadClass,
                    arrival: work.arrival,
                    serviceStart: work.start,
                    time: time,
                    fate: .failed,
                    serviceReceived: ranked.preemptive
                        ? ranked.slotInfo[index].received + (time - ranked.slotInfo[index].spellStart) : nil
                )
            )
        }
        if ranked.preemptive { ranked.clearServing() }
        if discipline == .processorSharing {
            if spec.autoscaling != nil {
                retiringCores = 0
                recordCapacity(at: time)
            }
        } else if spec.autoscaling == nil {
            freeSlots = ContiguousArray((0..<UInt32(spec.capacity)).reversed())
        } else {
            // Retiring cores are idle now, so they leave; the slots are dealt afresh.
            retiringCores = 0
            freeSlots.removeAll(keepingCapacity: true)
            freeSlots.append(contentsOf: (0..<UInt32(capacity)).reversed())
            spareSlots.removeAll(keepingCapacity: true)
            spareSlots.append(contentsOf: (UInt32(capacity)..<UInt32(spec.maxScaledCapacity)).reversed())
            recordCapacity(at: time)
        }
        metrics.busySlots.record(0, at: time)
        var failedWaiting = 0
        waiting.removeAll { request in
            failedWaiting += 1
            endings.append(
                CloudRequestEnd(
                    request: request.request,
                    workloadClass: request.workloadClass,
                    arrival: request.arrival,
                    serviceStart: nil,
                    time: time,
                    fate: .failed
                )
            )
        }
        ranked.removeAll { request in
            failedWaiting += 1
            endings.append(request.ending(at: time, fate: .failed))
        }
        metrics.failed += failedWaiting
        metrics.queueLength.record(0, at: time)
        if let timer = timeoutTimer {
            scheduler.cancel(timer)
            timeoutTimer = nil
        }
    }

    /// The zone comes back up at `time`, empty, and accepts arrivals again. Does nothing if
    /// it is already up.
    public mutating func recover(at time: SimTime) {
        guard !isUp else { return }
        isUp = true
        metrics.up.record(1, at: time)
    }

    // MARK: - Internals

    /// Starts serving `request` in `slot` (already taken off the free stack) at `time`;
    /// returns when its service ends.
    @discardableResult
    mutating func begin<Queue: PendingEventSet>(
        _ request: CloudWaitingRequest,
        slot: UInt32,
        at time: SimTime,
        scheduler: inout Scheduler<Queue>
    ) -> SimTime {
        metrics.waitInQueue.record((time - request.arrival).seconds)
        let seconds =
            request.serviceSeconds >= 0
            ? request.serviceSeconds
            : spec.serviceTimes[Int(request.workloadClass.index)].sample(using: &serviceStream)
        let duration = SimDuration.seconds(Swift.max(0, seconds * serviceScale))
        let timer = scheduler.scheduleCancellable(
            eventKinds.completion,
            target: target,
            payload: slot,
            after: duration
        )
        slots[Int(slot)] = InService(
            request: request.request,
            workloadClass: request.workloadClass,
            arrival: request.arrival,
            start: time,
            timer: timer
        )
        return time + duration
    }

    /// Drops every request at the front of the line whose wait has reached the timeout;
    /// re-arms the timer if any was dropped.
    mutating func dropExpired<Queue: PendingEventSet>(
        at time: SimTime,
        scheduler: inout Scheduler<Queue>,
        endings: inout [CloudRequestEnd]
    ) {
        guard let timeout = spec.timeout else { return }
        var dropped = false
        while let oldest = waiting.first, oldest.arrival + timeout <= time {
            _ = waiting.popFirst()
            dropped = true
            metrics.timedOut += 1
            endings.append(
                CloudRequestEnd(
                    request: oldest.request,
                    workloadClass: oldest.workloadClass,
                    arrival: oldest.arrival,
                    serviceStart: nil,
                    time: time,
                    fate: .timedOut
                )
            )
        }
        if dropped {
            metrics.queueLength.record(Double(waiting.count), at: time)
            rearmTimeout(scheduler: &scheduler)
        }
    }

    /// Arms the timeout timer for the oldest waiting request, cancelling the previous one.
    mutating func rearmTimeout<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        rearmTimeout(forArrival: waiting.first?.arrival, scheduler: &scheduler)
    }

    /// Arms the timeout timer for the deadline of a request that arrived at `arrival` (the
    /// earliest deadline the zone holds), cancelling the previous one; with nil, only cancels.
    mutating func rearmTimeout<Queue: PendingEventSet>(forArrival arrival: SimTime?, scheduler: inout Scheduler<Queue>)
    {
        guard let timeout = spec.timeout else { return }
        if let timer = timeoutTimer {
            scheduler.cancel(timer)
            timeoutTimer = nil
        }
        guard let arrival else { return }
        let deadline = arrival + timeout
        let delay = deadline > scheduler.now ? deadline - scheduler.now : .zero
        timeoutTimer = scheduler.scheduleCancellable(eventKinds.timeout, target: target, after: delay)
    }

    /// Turns away `request` of `workloadClass`, arriving at `time`, because the zone's line is
    /// full: counted, and appended to `endings`.
    mutating func rejectQueueFull(
        _ request: CloudRequestID,
        class workloadClass: CloudWorkloadClass,
        at time: SimTime,
        endings: inout [CloudRequestEnd]
    ) -> ArrivalOutcome {
        metrics.rejectedQueueFull += 1
        endings.append(
            CloudRequestEnd(
                request: request,
                workloadClass: workloadClass,
                arrival: time,
                serviceStart: nil,
                time: time,
                fate: .rejected(.queueFull)
            )
        )
        return .rejected(.queueFull)
    }
}
