/// The pending-event set: a priority queue of events ordered by ``Event/firesBefore(_:)``.
///
/// The engine is generic over this protocol, never an existential, so each implementation
/// is specialised into the run loop. Implementations must keep ties in scheduling order
/// (the event's sequence number makes every key unique, so any correct priority queue
/// does) and must not allocate per operation once warmed up.
///
/// Cancellation is not part of the set: the ``Scheduler`` cancels lazily and skips
/// cancelled events when they come out.
public protocol PendingEventSet {
    /// An empty set.
    init()
    /// The number of events held.
    var count: Int { get }
    /// Adds `event`.
    mutating func insert(_ event: Event)
    /// Removes and returns the first event if it fires at or before `limit`; otherwise
    /// leaves the set unchanged and returns nil.
    mutating func popMin(notAfter limit: SimTime) -> Event?
    /// The first event, without removing it.
    func peekMin() -> Event?
    /// Makes room for `capacity` events, so that growing to that size does not reallocate.
    mutating func reserveCapacity(_ capacity: Int)
}

extension PendingEventSet {
    /// Whether no event is pending.
    @inlinable public var isEmpty: Bool { count == 0 }

    /// Removes and returns the first event, or nil when the set is empty.
    @inlinable
    public mutating func popMin() -> Event? { popMin(notAfter: .distantFuture) }
}
