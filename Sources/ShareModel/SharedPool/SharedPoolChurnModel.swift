public import SimCore

/// A simulation model of a shared pool's churn alone: devices come and go, nothing is served.
///
/// Bigger models embed a ``SharedPool`` and forward its events to
/// ``SharedPool/handleChurn(_:scheduler:)``; this one does just that, for tests and
/// availability studies.
///
/// ```swift
/// let pool = try SharedPool(spec: spec, seed: 42)
/// var simulation = Simulation(model: SharedPoolChurnModel(pool: pool))
/// simulation.model.start(scheduler: &simulation.scheduler)
/// simulation.run(until: SimTime(.hours(24 * 30)))
/// simulation.model.pool.onlineFraction.mean(until: simulation.now)
/// ```
public struct SharedPoolChurnModel: SimulationModel, Sendable {
    /// The pool.
    public private(set) var pool: SharedPool

    /// A model around `pool`.
    public init(pool: SharedPool) {
        self.pool = pool
    }

    /// Draws the initial state and schedules the first session ends (see
    /// ``SharedPool/start(scheduler:)``).
    public mutating func start<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        pool.start(scheduler: &scheduler)
    }

    /// Handles a churn event of the pool; other kinds are a programming error.
    public mutating func handle<Queue: PendingEventSet>(_ event: Event, scheduler: inout Scheduler<Queue>) {
        precondition(event.kind == pool.churnEventKind, "unexpected event kind \(event.kind) at \(scheduler.now)")
        pool.handleChurn(event, scheduler: &scheduler)
    }
}
