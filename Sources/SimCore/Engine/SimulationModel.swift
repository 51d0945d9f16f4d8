/// A model: the state of a simulated system and what it does when an event arrives.
///
/// The engine calls ``handle(_:scheduler:)`` for each event in time order, with the
/// scheduler's clock already set to the event's time. The call is statically dispatched
/// (the engine is generic over the model), so a model should switch on the event's kind
/// rather than store closures.
public protocol SimulationModel {
    /// Reacts to `event`: updates state and schedules further events.
    mutating func handle<Queue: PendingEventSet>(_ event: Event, scheduler: inout Scheduler<Queue>)
}

/// Why a run returned.
public enum RunOutcome: Equatable, Sendable {
    /// No event is pending.
    case exhausted
    /// The time limit was reached; the clock stands at the limit.
    case reachedTimeLimit
    /// The event limit was reached.
    case reachedEventLimit
    /// The model called ``Scheduler/stop()``.
    case stopped
}
