/// The compact pending-event set: an implicit 4-ary min-heap over contiguous storage.
///
/// A 4-ary heap is half as deep as a binary one, and the four children of a node sit next
/// to each other in memory, so a sift-down reads them in one or two cache lines. Sifting
/// moves a hole instead of swapping. Memory is 24 bytes per pending event plus the
/// array's spare capacity, less than half the ``LadderQueue``'s; the ladder is faster at
/// every size measured, so the heap is the choice when memory matters most.
///
/// - Complexity: `insert` O(log₄ n), O(1) on average when new events land late, as they do
///   in simulations; `popMin` O(log₄ n); `peekMin` O(1).
public struct QuaternaryHeap: PendingEventSet, Sendable {
    @usableFromInline var storage: ContiguousArray<Event>

    /// An empty heap.
    @inlinable
    public init() {
        storage = []
    }

    /// The number of pending events. O(1).
    @inlinable public var count: Int { storage.count }

    /// Makes room for `capacity` events without reallocating. O(n) when it grows.
    @inlinable
    public mutating func reserveCapacity(_ capacity: Int) {
        storage.reserveCapacity(capacity)
    }

    /// The first event to fire, without removing it. O(1).
    @inlinable
    public func peekMin() -> Event? { storage.first }

    /// Adds `event`. O(log₄ n), O(1) on average for events that land late.
    @inlinable
    public mutating func insert(_ event: Event) {
        storage.append(event)
        storage.withUnsafeMutableBufferPointer { buffer in
            // The buffer is non-empty: we just appended.
            QuaternaryHeap.siftUp(buffer.baseAddress.unsafelyUnwrapped, from: buffer.count &- 1)
        }
        checkInvariants()
    }

    /// Removes and returns the first event if it fires at or before `limit`. O(log₄ n).
    @inlinable
    public mutating func popMin(notAfter limit: SimTime) -> Event? {
        guard let first = storage.first, first.time <= limit else { return nil }
        let last = storage.removeLast()
        if !storage.isEmpty {
            storage.withUnsafeMutableBufferPointer { buffer in
                QuaternaryHeap.siftDown(last, into: buffer.baseAddress.unsafelyUnwrapped, count: buffer.count)
            }
        }
        checkInvariants()
        return first
    }

    /// Moves the hole at `index` up until `base[index]`'s event is not before its parent.
    @inlinable
    static func siftUp(_ base: UnsafeMutablePointer<Event>, from index: Int) {
        let event = base[index]
        var hole = index
        while hole > 0 {
            let parent = (hole &- 1) &>> 2
            let above = base[parent]
            guard event.firesBefore(above) else { break }
            base[hole] = above
            hole = parent
        }
        base[hole] = event
    }

    /// Places `event` at the root hole of a heap of `count` events and sifts it down.
    ///
    /// The smallest of four children is chosen with conditional moves on 128-bit keys, not
    /// branches: which child is smallest is random, so a branch would mispredict often.
    @inlinable
    static func siftDown(_ event: Event, into base: UnsafeMutablePointer<Event>, count: Int) {
        let key = event.sortKey
        var hole = 0
        while true {
            let first = hole &* 4 &+ 1
            var best = first
            if first &+ 3 < count {
                var bestKey = base[first].sortKey
                let key1 = base[first &+ 1].sortKey
                let key2 = base[first &+ 2].sortKey
                let key3 = base[first &+ 3].sortKey
                if key1 < bestKey {
                    best = first &+ 1
                    bestKey = key1
                }
                if key2 < bestKey {
                    best = first &+ 2
                    bestKey = key2
                }
                if key3 < bestKey {
                    best = first &+ 3
                    bestKey = key3
                }
                guard bestKey < key else { break }
            } else {
                if first >= count { break }
                var bestKey = base[first].sortKey
                var child = first &+ 1
                while child < count {
                    let candidate = base[child].sortKey
                    if candidate < bestKey {
                        best = child
                        bestKey = candidate
                    }
                    child &+= 1
                }
                guard bestKey < key else { break }
            }
            base[hole] = base[best]
            hole = best
        }
        base[hole] = event
    }

    /// Walks the whole heap and traps if a child fires before its parent. Empty unless
    /// ``BuildConfiguration/internalChecksEnabled``.
    @inlinable
    @inline(__always)
    func checkInvariants() {
        #if SHARESIM_INTERNAL_CHECKS || DEBUG
        guard BuildConfiguration.internalChecksEnabled else { return }
        for index in storage.indices.dropFirst() {
            let parent = (index - 1) / 4
            precondition(!storage[index].firesBefore(storage[parent]), "heap order broken at \(index)")
        }
        #endif
    }
}
