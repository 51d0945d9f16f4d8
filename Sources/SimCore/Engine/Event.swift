/// One pending event: when it fires, which entity receives it, what kind it is, and a
/// small payload.
///
/// An event is a trivial 24-byte value with no references, so the pending-event set moves
/// it without reference counting. The payload is an index into a table the model owns
/// (a request, a flow, a customer), not the data itself.
///
/// Events are ordered by time, then by the order they were scheduled in: two events at
/// the same instant fire first-scheduled first.
public struct Event: Sendable {
    /// When the event fires.
    public var time: SimTime
    /// Sequence number (high 48 bits), cancellable flag (bit 15) and kind (low 15 bits).
    /// Comparing it after the time gives first-in, first-out order at equal times.
    @usableFromInline var order: UInt64
    /// The entity that receives the event, as an index the model assigns.
    public var target: UInt32
    /// A model-defined value, typically an index into one of the model's tables.
    public var payload: UInt32

    /// The largest kind a model may use (kinds are 15-bit).
    public static let maxKind: UInt16 = 0x7fff

    @inlinable
    init(time: SimTime, sequence: UInt64, kind: UInt16, cancellable: Bool, target: UInt32, payload: UInt32) {
        self.time = time
        self.order = sequence &<< 16 | (cancellable ? 0x8000 : 0) | UInt64(kind & Event.maxKind)
        self.target = target
        self.payload = payload
    }

    /// The event's kind, as the model numbered it (`0...0x7fff`).
    @inlinable public var kind: UInt16 { UInt16(truncatingIfNeeded: order) & Event.maxKind }

    /// The sequence number the scheduler gave the event: its rank among events scheduled
    /// in this run.
    @inlinable public var sequence: UInt64 { order &>> 16 }

    /// Whether the event was scheduled with a cancellation handle.
    @inlinable var isCancellable: Bool { order & 0x8000 != 0 }

    /// Whether `self` fires before `other`: earlier time, or the same time and scheduled
    /// first.
    @inlinable
    public func firesBefore(_ other: Event) -> Bool {
        sortKey < other.sortKey
    }

    /// The event's place in firing order as one 128-bit number: the time (sign bit flipped,
    /// so negative times sort first) above the order word. Comparing keys compiles to a
    /// short branch-free sequence, which keeps heap sifting free of mispredictions.
    @inlinable
    var sortKey: UInt128 {
        UInt128(_low: order, _high: UInt64(bitPattern: time.nanoseconds) ^ 0x8000_0000_0000_0000)
    }
}

extension Event: CustomStringConvertible {
    public var description: String {
        "Event(\(time), kind: \(kind), target: \(target), payload: \(payload), seq: \(sequence))"
    }
}
