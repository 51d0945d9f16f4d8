/// An element of a ``MinHeap``: a strict order in which ties are broken by an index, so
/// that pops come out in one deterministic order.
protocol MinHeapElement {
    /// Whether `lhs` comes out before `rhs`.
    static func precedes(_ lhs: Self, _ rhs: Self) -> Bool
}

/// A binary min-heap over contiguous storage, for the network's internal priority queues.
///
/// Small and internal: the water-filling pass and the completion times use it with lazy
/// deletion (stale entries are skipped as they come out), never with a search.
struct MinHeap<Element: MinHeapElement>: Sendable where Element: Sendable {
    /// The entries in heap order.
    private(set) var storage: ContiguousArray<Element> = []

    /// The number of entries, stale ones included.
    var count: Int { storage.count }

    /// The first entry, or nil when empty. O(1).
    var min: Element? { storage.first }

    /// Removes every entry, keeping the storage. O(n).
    mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
    }

    /// Adds `element`. O(log n).
    mutating func insert(_ element: Element) {
        storage.append(element)
        siftUp(storage.count - 1)
    }

    /// Removes and returns the first entry. O(log n).
    mutating func popMin() -> Element? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        let first = storage[0]
        storage[0] = last
        siftDown(0)
        return first
    }

    /// Keeps only the entries for which `keep` is true, then restores heap order. O(n).
    mutating func filter(_ keep: (Element) -> Bool) {
        storage.removeAll { !keep($0) }
        var index = storage.count / 2
        while index > 0 {
            index -= 1
            siftDown(index)
        }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        let moving = storage[child]
        while child > 0 {
            let parent = (child - 1) / 2
            guard Element.precedes(moving, storage[parent]) else { break }
            storage[child] = storage[parent]
            child = parent
        }
        storage[child] = moving
    }

    private mutating func siftDown(_ start: Int) {
        let count = storage.count
        var parent = start
        let moving = storage[parent]
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count, Element.precedes(storage[child + 1], storage[child]) { child += 1 }
            guard Element.precedes(storage[child], moving) else { break }
            storage[parent] = storage[child]
            parent = child
        }
        storage[parent] = moving
    }
}

/// A link's fair share in the water-filling pass: share (bits per second), link, version.
struct LinkShareEntry: MinHeapElement, Sendable {
    /// Remaining capacity over unfixed flows, in bits per second.
    var share: Double
    /// The link index.
    var link: UInt32
    /// The link's version when pushed; an entry with an older version is stale.
    var version: UInt32

    static func precedes(_ lhs: LinkShareEntry, _ rhs: LinkShareEntry) -> Bool {
        lhs.share < rhs.share || (lhs.share == rhs.share && lhs.link < rhs.link)
    }
}

/// A flow's completion time: nanoseconds, flow slot, and the slot's stamp when pushed.
struct CompletionEntry: MinHeapElement, Sendable {
    /// When the flow completes at its current rate, in nanoseconds since time zero.
    var time: Int64
    /// The flow slot.
    var flow: UInt32
    /// The flow's completion stamp when pushed; an entry with an older stamp is stale.
    var stamp: UInt32

    static func precedes(_ lhs: CompletionEntry, _ rhs: CompletionEntry) -> Bool {
        lhs.time < rhs.time || (lhs.time == rhs.time && lhs.flow < rhs.flow)
    }
}
