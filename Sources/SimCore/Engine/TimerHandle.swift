/// A handle to a cancellable event, returned by ``Scheduler/scheduleCancellable(_:target:payload:after:)``.
///
/// A handle stays safe to use after its event has fired or been cancelled: cancelling it
/// then does nothing and reports `false`.
public struct TimerHandle: Hashable, Sendable {
    /// The slot in the scheduler's timer table.
    @usableFromInline var slot: UInt32
    /// The slot's generation when the handle was issued.
    @usableFromInline var generation: UInt32

    @inlinable
    init(slot: UInt32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }
}

/// The lazily cancelled timers of one run: a slot per cancellable pending event.
///
/// A cancellable event carries its slot number in its payload while it is pending; the
/// slot keeps the model's own payload, a generation and a cancelled flag. Cancelling sets
/// the flag (O(1), no search of the pending-event set); when the event comes out of the
/// set, the scheduler frees the slot, bumps its generation, and drops the event if it was
/// cancelled. A slot is reused only after its event came out, so stale handles never
/// cancel a newer timer.
@usableFromInline
struct TimerTable: Sendable {
    /// Per slot: generation (high 32 bits), cancelled flag (bit 31) unused low bits zero.
    @usableFromInline var state: ContiguousArray<UInt64> = []
    /// Per slot: the model's payload for the pending event.
    @usableFromInline var payloads: ContiguousArray<UInt32> = []
    /// Slots whose event has come out, ready for reuse.
    @usableFromInline var free: ContiguousArray<UInt32> = []

    @usableFromInline init() {}

    /// Takes a free slot for an event with model payload `payload`.
    @inlinable
    mutating func arm(payload: UInt32) -> TimerHandle {
        if let slot = free.popLast() {
            payloads[Int(slot)] = payload
            return TimerHandle(slot: slot, generation: UInt32(truncatingIfNeeded: state[Int(slot)] &>> 32))
        }
        precondition(state.count < Int(UInt32.max), "more than 4 billion cancellable events pending")
        state.append(0)
        payloads.append(payload)
        return TimerHandle(slot: UInt32(state.count - 1), generation: 0)
    }

    /// Marks the timer of `handle` cancelled; false if it already fired or was cancelled.
    @inlinable
    mutating func cancel(_ handle: TimerHandle) -> Bool {
        let index = Int(handle.slot)
        guard index < state.count else { return false }
        let word = state[index]
        guard UInt32(truncatingIfNeeded: word &>> 32) == handle.generation, word & 0x8000_0000 == 0 else {
            return false
        }
        state[index] = word | 0x8000_0000
        return true
    }

    /// Frees `slot` as its event comes out: the model's payload, or nil if it was cancelled.
    @inlinable
    mutating func release(slot: UInt32) -> UInt32? {
        let index = Int(slot)
        let word = state[index]
        // Next generation, flag cleared.
        state[index] = ((word &>> 32) &+ 1) &<< 32
        free.append(slot)
        return word & 0x8000_0000 == 0 ? payloads[index] : nil
    }
}
