/// The clock and the pending events of one run: what a model uses to schedule and cancel.
///
/// A model receives the scheduler with every event (see ``SimulationModel``) and calls
/// ``schedule(_:target:payload:after:)`` to make things happen later. The clock, ``now``,
/// only moves forward, and is set to an event's time before the event is handled.
///
/// A scheduler belongs to one run, which is single-threaded and owned by one task.
public struct Scheduler<Queue: PendingEventSet> {
    /// The current simulated time.
    @inlinable public var now: SimTime { clock }
    /// The events handled so far (cancelled events are not counted).
    @inlinable public var eventCount: UInt64 { handledEvents }
    /// The cancelled events dropped so far as they came out of the pending set.
    @inlinable public var cancelledCount: UInt64 { droppedEvents }

    @usableFromInline var clock: SimTime
    @usableFromInline var handledEvents: UInt64
    @usableFromInline var droppedEvents: UInt64

    @usableFromInline var queue: Queue
    @usableFromInline var nextSequence: UInt64
    @usableFromInline var timers: TimerTable
    @usableFromInline var stopRequested: Bool

    /// The largest sequence number; a run can schedule about 2.8 × 10¹⁴ events.
    @usableFromInline static var maxSequence: UInt64 { (1 &<< 48) &- 1 }

    /// A scheduler at time zero with nothing pending.
    @inlinable
    public init(queue: Queue = Queue()) {
        clock = .zero
        handledEvents = 0
        droppedEvents = 0
        self.queue = queue
        nextSequence = 0
        timers = TimerTable()
        stopRequested = false
    }

    /// The number of events pending, including cancelled ones not yet dropped.
    @inlinable public var pendingCount: Int { queue.count }

    /// The time of the next pending event (cancelled or not), or nil if none is pending.
    @inlinable public var nextEventTime: SimTime? { queue.peekMin()?.time }

    /// Makes room for `capacity` pending events.
    @inlinable
    public mutating func reserveCapacity(_ capacity: Int) {
        queue.reserveCapacity(capacity)
    }

    /// Schedules an event of `kind` for `target` at `delay` from now.
    ///
    /// - Parameters:
    ///   - kind: the model's event kind, `0...Event.maxKind`.
    ///   - delay: how long from now; must not be negative.
    /// - Complexity: that of the queue's insert, O(log n) at worst.
    @inlinable
    public mutating func schedule(_ kind: UInt16, target: UInt32, payload: UInt32 = 0, after delay: SimDuration) {
        precondition(delay.nanoseconds >= 0, "negative delay \(delay) at \(now)")
        enqueue(kind, target: target, payload: payload, at: now + delay, cancellable: false)
    }

    /// Schedules an event of `kind` for `target` at the instant `time`.
    ///
    /// - Precondition: `time` is not before ``now``.
    @inlinable
    public mutating func schedule(_ kind: UInt16, target: UInt32, payload: UInt32 = 0, at time: SimTime) {
        precondition(time >= now, "cannot schedule at \(time), before now (\(now))")
        enqueue(kind, target: target, payload: payload, at: time, cancellable: false)
    }

    /// An event of `kind` for `target` at the instant `time`, given its place in firing order
    /// now (the next sequence number) but not scheduled.
    ///
    /// For a model that keeps many timers in its own pending set, of which only the earliest
    /// matters to the run (one per device of a large pool): it reserves each timer here, and
    /// passes the earliest to ``schedule(reserved:)``. That event then fires exactly where
    /// ``schedule(_:target:payload:at:)`` called now would have made it fire, so results do not
    /// depend on which events the model kept aside.
    ///
    /// - Precondition: `time` is not before ``now``.
    /// - Complexity: O(1).
    @inlinable
    public mutating func reserve(_ kind: UInt16, target: UInt32, payload: UInt32 = 0, at time: SimTime) -> Event {
        precondition(time >= now, "cannot reserve an event at \(time), before now (\(now))")
        precondition(kind <= Event.maxKind, "event kind \(kind) above \(Event.maxKind)")
        precondition(nextSequence < Scheduler.maxSequence, "sequence numbers exhausted")
        let event = Event(
            time: time,
            sequence: nextSequence,
            kind: kind,
            cancellable: false,
            target: target,
            payload: payload
        )
        nextSequence &+= 1
        return event
    }

    /// Schedules an event made by ``reserve(_:target:payload:at:)``, in its reserved place.
    ///
    /// Schedule each reserved event at most once: the scheduler cannot tell a copy.
    ///
    /// - Precondition: `event` is not before ``now``.
    /// - Complexity: that of the queue's insert.
    @inlinable
    public mutating func schedule(reserved event: Event) {
        precondition(event.time >= now, "cannot schedule at \(event.time), before now (\(now))")
        precondition(!event.isCancellable, "a cancellable event cannot be reserved")
        queue.insert(event)
    }

    /// Schedules an event that can be cancelled later with the returned handle.
    ///
    /// Cancellation is lazy: the event stays in the pending set and is dropped when it
    /// comes out. Costs one extra table slot while pending.
    @inlinable
    public mutating func scheduleCancellable(
        _ kind: UInt16,
        target: UInt32,
        payload: UInt32 = 0,
        after delay: SimDuration
    ) -> TimerHandle {
        precondition(delay.nanoseconds >= 0, "negative delay \(delay) at \(now)")
        let handle = timers.arm(payload: payload)
        enqueue(kind, target: target, payload: handle.slot, at: now + delay, cancellable: true)
        return handle
    }

    /// Cancels the event of `handle`; returns false if it already fired or was cancelled.
    ///
    /// - Complexity: O(1).
    @inlinable
    @discardableResult
    public mutating func cancel(_ handle: TimerHandle) -> Bool {
        timers.cancel(handle)
    }

    /// Asks the run loop to return after the current event.
    @inlinable
    public mutating func stop() {
        stopRequested = true
    }

    @inlinable
    mutating func enqueue(_ kind: UInt16, target: UInt32, payload: UInt32, at time: SimTime, cancellable: Bool) {
        precondition(kind <= Event.maxKind, "event kind \(kind) above \(Event.maxKind)")
        precondition(nextSequence < Scheduler.maxSequence, "sequence numbers exhausted")
        queue.insert(
            Event(
                time: time,
                sequence: nextSequence,
                kind: kind,
                cancellable: cancellable,
                target: target,
                payload: payload
            )
        )
        nextSequence &+= 1
    }

    /// Takes the next live event at or before `limit`, dropping cancelled ones, and moves
    /// the clock to it.
    @inlinable
    mutating func nextEvent(notAfter limit: SimTime) -> Event? {
        while var event = queue.popMin(notAfter: limit) {
            if event.isCancellable {
                guard let payload = timers.release(slot: event.payload) else {
                    droppedEvents &+= 1
                    continue
                }
                event.payload = payload
            }
            clock = event.time
            handledEvents &+= 1
            return event
        }
        return nil
    }
}
