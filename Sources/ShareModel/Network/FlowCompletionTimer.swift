public import SimCore

/// Keeps one cancellable engine event armed at a ``FlowNetwork``'s next completion.
///
/// A model owns one timer per network. After every change to the network (a flow starts
/// or ends, a capacity changes), it calls ``rearm(for:kind:target:scheduler:)``: the
/// pending event is left alone if the next completion time did not move, and otherwise
/// cancelled (lazily, O(1)) and scheduled again. When the event fires, the model ends
/// every flow whose completion time has come (see ``FlowNetworkModel``), then re-arms.
public struct FlowCompletionTimer: Sendable {
    /// The pending completion event, if one is armed.
    var handle: TimerHandle?
    /// The instant the pending event fires at.
    public private(set) var armedTime: SimTime?

    /// A timer with nothing armed.
    public init() {}

    /// Makes the pending event match `network.nextCompletion()`: fires at that instant (or
    /// now, if it is already due) with event `kind` for `target`, or is cancelled if no
    /// flow can complete.
    ///
    /// The event carries no payload; on it, ask the network which flows are due.
    ///
    /// - Complexity: O(1) plus one insert into the pending-event set when the time moved.
    public mutating func rearm<Queue: PendingEventSet>(
        for network: FlowNetwork,
        kind: UInt16,
        target: UInt32,
        scheduler: inout Scheduler<Queue>
    ) {
        let now = scheduler.now
        let next = network.nextCompletion().map { Swift.max($0.time, now) }
        // An armed event later than now has not fired yet; keep it if it is still right.
        if let armedTime, armedTime > now, armedTime == next { return }
        if let handle { scheduler.cancel(handle) }
        handle = nil
        armedTime = nil
        guard let next else { return }
        handle = scheduler.scheduleCancellable(kind, target: target, after: next - now)
        armedTime = next
    }
}
