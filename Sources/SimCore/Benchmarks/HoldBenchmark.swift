/// The classic hold model on a pending-event set: fill it with `pending` events, then
/// repeat "remove the first event, insert one a random time later".
///
/// It measures the pending-event set alone, with a constant population. Increments are
/// exponential with mean 1 s (1e9 ns), the usual choice in the literature.
public struct HoldBenchmark: Sendable {
    /// Events held throughout, at least 1.
    public let pending: Int
    /// Hold operations (one removal plus one insertion each), at least 1.
    public let operations: Int
    /// The seed of the random stream.
    public let seed: UInt64

    /// A hold benchmark of `operations` operations over `pending` events.
    public init(pending: Int, operations: Int, seed: UInt64 = 1) {
        precondition(pending >= 1 && operations >= 1, "hold needs at least one event and one operation")
        self.pending = pending
        self.operations = operations
        self.seed = seed
    }

    /// Fills `queue` with the initial population; call before ``hold(_:)``, outside the timed part.
    @inlinable
    public func fill<Queue: PendingEventSet>(_ queue: inout Queue) {
        var stream = RandomStream(seed: seed, name: "bench.hold")
        queue.reserveCapacity(pending)
        for index in 0..<pending {
            let draw = ExponentialDistribution.standardSample(using: &stream) * 1e9
            let time = SimTime(nanoseconds: SimDuration.saturatingNanoseconds(draw))
            queue.insert(
                Event(
                    time: time,
                    sequence: UInt64(index),
                    kind: 0,
                    cancellable: false,
                    target: UInt32(truncatingIfNeeded: index),
                    payload: 0
                )
            )
        }
    }

    /// Runs the hold operations on a filled `queue`; returns the time of the last event
    /// removed, in nanoseconds, so the work cannot be optimised away and runs can be compared.
    @inlinable
    public func hold<Queue: PendingEventSet>(_ queue: inout Queue) -> Int64 {
        var stream = RandomStream(seed: seed, name: "bench.hold.increments")
        var sequence = UInt64(pending)
        var last: Int64 = 0
        for _ in 0..<operations {
            guard let first = queue.popMin() else { break }
            last = first.time.nanoseconds
            let draw = ExponentialDistribution.standardSample(using: &stream) * 1e9
            let increment = SimDuration.saturatingNanoseconds(draw)
            queue.insert(
                Event(
                    time: SimTime(nanoseconds: last &+ increment),
                    sequence: sequence,
                    kind: 0,
                    cancellable: false,
                    target: first.target,
                    payload: 0
                )
            )
            sequence &+= 1
        }
        return last
    }
}
