/// One run of a model: the model, the scheduler, and the loop that feeds one to the other.
///
/// ```swift
/// var simulation = Simulation(model: MyModel())            // on the default LadderQueue
/// var compact = Simulation(model: MyModel(), queue: QuaternaryHeap())  // 24 bytes per event
/// simulation.scheduler.schedule(0, target: 0, after: .zero)
/// let outcome = simulation.run(until: SimTime(.seconds(60)))
/// ```
///
/// A simulation is a value owned by one task; it is single-threaded by design. Runs with
/// the same model state and the same seeds process the same events in the same order.
public struct Simulation<Model: SimulationModel, Queue: PendingEventSet> {
    /// The simulated system.
    public var model: Model
    /// The clock and pending events.
    public var scheduler: Scheduler<Queue>

    /// A simulation of `model` at time zero with nothing scheduled.
    @inlinable
    public init(model: Model, queue: Queue = Queue()) {
        self.model = model
        self.scheduler = Scheduler(queue: queue)
    }

    /// The current simulated time.
    @inlinable public var now: SimTime { scheduler.now }

    /// Handles every event that fires at or before `limit`, then sets the clock to `limit`.
    ///
    /// Returns early with ``RunOutcome/stopped`` if the model calls `stop()`, leaving the
    /// clock at the last event's time. When nothing is pending the clock still moves to
    /// `limit` and the outcome is ``RunOutcome/exhausted``.
    @inlinable
    @discardableResult
    public mutating func run(until limit: SimTime) -> RunOutcome {
        precondition(limit >= scheduler.now, "run(until: \(limit)) is before now (\(scheduler.now))")
        scheduler.stopRequested = false
        while let event = scheduler.nextEvent(notAfter: limit) {
            model.handle(event, scheduler: &scheduler)
            if scheduler.stopRequested { return .stopped }
        }
        let exhausted = scheduler.queue.count == 0
        scheduler.clock = limit
        return exhausted ? .exhausted : .reachedTimeLimit
    }

    /// Handles up to `maxEvents` events, whatever their times.
    @inlinable
    @discardableResult
    public mutating func run(maxEvents: UInt64) -> RunOutcome {
        scheduler.stopRequested = false
        var handled: UInt64 = 0
        while handled < maxEvents {
            guard let event = scheduler.nextEvent(notAfter: .distantFuture) else { return .exhausted }
            model.handle(event, scheduler: &scheduler)
            handled &+= 1
            if scheduler.stopRequested { return .stopped }
        }
        return .reachedEventLimit
    }

    /// Handles every pending event until none is left or the model stops.
    @inlinable
    @discardableResult
    public mutating func runToCompletion() -> RunOutcome {
        run(maxEvents: .max)
    }

    /// Handles the next event, if any; returns false when nothing is pending.
    @inlinable
    @discardableResult
    public mutating func step() -> Bool {
        guard let event = scheduler.nextEvent(notAfter: .distantFuture) else { return false }
        model.handle(event, scheduler: &scheduler)
        return true
    }
}

/// The pending-event set simulations use unless told otherwise: the ladder queue, the faster
/// of the two at every size measured (see the README's performance section). Choose
/// ``QuaternaryHeap`` instead when memory per pending event matters more than speed.
public typealias DefaultPendingEventSet = LadderQueue

extension Simulation where Queue == DefaultPendingEventSet {
    /// A simulation of `model` at time zero on the default pending-event set.
    @inlinable
    public init(model: Model) {
        self.init(model: model, queue: DefaultPendingEventSet())
    }
}
