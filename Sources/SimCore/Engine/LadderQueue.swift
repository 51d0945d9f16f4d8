/// A ladder queue: Tang, Goh and Thng's O(1) amortised pending-event set (ACM TOMACS 15(3),
/// 2005), exact with respect to ``Event/firesBefore(_:)``.
///
/// Events live in one of three tiers, each owning a disjoint span of the time axis:
///
/// - **Top** holds the far future, unsorted: every event after `topLast`. It records the
///   least and greatest time it holds.
/// - The **ladder** holds the near future in up to eight rungs of buckets. A bucket is an
///   unsorted list; bucket widths are powers of two nanoseconds, chosen when the rung is made
///   so that it has about one bucket per event it receives, and each deeper rung subdivides
///   one bucket of the rung above it. Rung `r` covers `rungs[r].current ... rungs[r].last`,
///   directly below rung `r - 1`; rung 0 ends at `topLast`.
/// - **Bottom** holds the earliest events, sorted: everything before the deepest rung's
///   current bucket (or at or before `topLast` when there is no rung). An event inserted at
///   the current time, or before it, lands here.
///
/// Because the spans are disjoint and ordered, events with equal times always share a tier,
/// and the sorted Bottom breaks their ties by sequence number: the order is exact.
/// Every mutation leaves the minimum at the front of Bottom, so ``peekMin()`` is O(1).
/// When Bottom runs dry, the next non-empty buckets of the deepest rung move into it, up to
/// ``refillBatch`` buckets at once and about ``refillTarget`` events (taking several lets
/// their cache misses overlap), and are sorted; a bucket of more than 50 events (the paper's
/// threshold) spawns a new, finer rung instead, unless its events all share one instant or
/// the ladder is at its deepest.
/// When the ladder is empty, Top becomes rung 0.
///
/// Differences from the paper: integer time and power-of-two bucket widths (a shift, not a
/// division, per event); a new rung is sized from the least and greatest times of the events
/// it receives, and its last bucket stretches to the end of the span it covers; Bottom is
/// kept small by spawning a rung from it when inserts grow it past twice its size when it
/// was filled (and at least 100 events).
///
/// Storage: Top and Bottom are `ContiguousArray<Event>`s; a bucket is a singly linked list of
/// nodes in one node pool (an array, with a free list), as in the paper. A per-bucket array
/// would keep the capacity of the fullest it has ever been, and the buckets that the near
/// future crowds into (about ln n events each in the hold model) would then hold ten times
/// the memory of a heap. Nothing is allocated per event once the pool has grown to the peak
/// population: no class instance, no closure, no existential.
///
/// Memory: 24 bytes per event in Top or Bottom, 32 bytes (the event and a link) per event in
/// the ladder, plus 4 bytes per bucket, about one bucket per event. Top's array and the node
/// pool each keep the capacity of their peak until the queue is discarded, and most events
/// pass through both in an epoch: expect about 60 bytes per pending event (measured in the
/// hold model at 10⁶ events; a ``QuaternaryHeap`` needs 24).
///
/// - Complexity: `insert` O(1) amortised (O(k) into a Bottom of k events, which is kept
///   small); `popMin` O(1) amortised; `peekMin` O(1). The amortised bounds hold for time
///   distributions without extreme clustering; a bucket that cannot be split further (all its
///   events at one instant, or the ladder at its deepest) is sorted in Bottom in
///   O(k log k), and an insert into it costs O(k).
public struct LadderQueue: PendingEventSet, Sendable {
    /// A bucket with more events than this spawns a rung instead of going to Bottom
    /// (the paper's THRES).
    @usableFromInline static var spawnThreshold: Int { 50 }
    /// The most buckets one refill of Bottom takes at once.
    @usableFromInline static var refillBatch: Int { 32 }
    /// The number of events a batched refill aims at.
    @usableFromInline static var refillTarget: Int { 128 }
    /// The deepest ladder allowed (the paper's MaxRung).
    @usableFromInline static var maxRungs: Int { 8 }
    /// Inserts may grow Bottom to at least this size before it spawns a rung.
    @usableFromInline static var minimumBottomLimit: Int { 2 &* spawnThreshold }
    /// The link that ends a list.
    @usableFromInline static var none: Int32 { -1 }

    /// The number of pending events, in all tiers.
    @usableFromInline var total: Int

    /// Top: the unsorted far future, events after `topLast`.
    @usableFromInline var top: ContiguousArray<Event>
    /// The last instant that belongs to the ladder or Bottom (the paper's TopStart − 1).
    @usableFromInline var topLast: Int64
    /// The least time in Top (`Int64.max` when empty).
    @usableFromInline var topMin: Int64
    /// The greatest time in Top (`Int64.min` when empty).
    @usableFromInline var topMax: Int64

    /// The rungs, from the coarsest (0, just below Top) to the finest (just above Bottom).
    @usableFromInline var rungs: ContiguousArray<Rung>
    /// The first node of each bucket's list, or `none`. Rung `r` owns
    /// `rungs[r].base ..< rungs[r].base + rungs[r].bucketCount`; rungs are stacked in order,
    /// and every bucket past the last rung's is empty.
    @usableFromInline var heads: ContiguousArray<Int32>
    /// The node pool: bucket lists and the free list thread through it.
    @usableFromInline var nodes: ContiguousArray<Node>
    /// The first free node, or `none`.
    @usableFromInline var freeNode: Int32

    /// Bottom: the earliest events, sorted ascending from `bottomHead`. Indices below
    /// `bottomHead` are popped events, left in place so that popping is an index bump.
    @usableFromInline var bottom: ContiguousArray<Event>
    /// The index of the first (least) event of Bottom.
    @usableFromInline var bottomHead: Int
    /// When Bottom grows past this many events by inserts, it spawns a rung.
    @usableFromInline var bottomLimit: Int
    /// Scratch space for grouping a batched refill by bucket (kept to avoid reallocating).
    @usableFromInline var refillEvents: ContiguousArray<Event>
    /// For each event of a batched refill, the index of the bucket list it came from.
    @usableFromInline var refillOwners: ContiguousArray<Int32>
    /// How many bucket lists a batched refill may take now (1 to ``refillBatch``), adapted
    /// to how crowded the buckets have been.
    @usableFromInline var refillLists: Int

    /// An event in a bucket, and the next node of its list (or of the free list).
    @usableFromInline
    struct Node: Sendable {
        @usableFromInline var event: Event
        @usableFromInline var next: Int32

        @inlinable
        init(event: Event, next: Int32) {
            self.event = event
            self.next = next
        }
    }

    /// One rung of the ladder: buckets of `1 << shift` nanoseconds from `start`, the last of
    /// which stretches to `last`.
    @usableFromInline
    struct Rung: Sendable {
        /// The first instant of bucket 0 (the paper's RStart).
        @usableFromInline var start: Int64
        /// The first instant of the current bucket (the paper's RCur); earlier buckets are
        /// empty and closed. Events at or after it (up to `last`) go into this rung.
        @usableFromInline var current: Int64
        /// The last instant the rung covers (inclusive).
        @usableFromInline var last: Int64
        /// The bucket width is `1 << shift` nanoseconds; `shift` is in `0...63`.
        @usableFromInline var shift: UInt64
        /// The index in `heads` of bucket 0.
        @usableFromInline var base: Int
        /// The number of buckets.
        @usableFromInline var bucketCount: Int
        /// The index of the current bucket.
        @usableFromInline var currentIndex: Int

        @inlinable
        init(start: Int64, last: Int64, shift: UInt64, base: Int, bucketCount: Int) {
            self.start = start
            self.current = start
            self.last = last
            self.shift = shift
            self.base = base
            self.bucketCount = bucketCount
            self.currentIndex = 0
        }

        /// The index of the bucket for `time`, which must be in `current ... last`.
        @inlinable
        func bucketIndex(of time: Int64) -> Int {
            // Wrapping subtraction: the true difference is in 0 ..< 2⁶⁴ even when it
            // overflows Int64, and the bit pattern is then that difference.
            let offset = UInt64(bitPattern: time &- start) &>> shift
            return offset < UInt64(truncatingIfNeeded: bucketCount)
                ? Int(truncatingIfNeeded: offset) : bucketCount &- 1
        }
    }

    /// An empty ladder queue. Allocates nothing until the first insert.
    @inlinable
    public init() {
        total = 0
        top = []
        topLast = .min
        topMin = .max
        topMax = .min
        rungs = []
        heads = []
        nodes = []
        freeNode = LadderQueue.none
        bottom = []
        bottomHead = 0
        bottomLimit = LadderQueue.minimumBottomLimit
        refillEvents = []
        refillOwners = []
        refillLists = LadderQueue.refillBatch
    }

    /// The number of pending events. O(1).
    @inlinable public var count: Int { total }

    /// Makes room for `capacity` events in Top (the tier a burst of far-future events lands
    /// in) and in the node pool (56 bytes per event in all), and for the deepest ladder.
    /// Bucket heads grow on demand.
    @inlinable
    public mutating func reserveCapacity(_ capacity: Int) {
        top.reserveCapacity(capacity)
        nodes.reserveCapacity(capacity)
        rungs.reserveCapacity(LadderQueue.maxRungs)
    }

    /// The first event (least time, then least sequence number), without removing it.
    ///
    /// - Complexity: O(1): the minimum is always at the front of Bottom.
    @inlinable
    public func peekMin() -> Event? {
        bottomHead < bottom.count ? bottom[bottomHead] : nil
    }

    /// Adds `event`.
    ///
    /// - Complexity: O(1) into Top or a rung (a compare per rung, at most eight); O(k)
    ///   into a Bottom of k events, usually O(1) because new events tend to sort last.
    @inlinable
    public mutating func insert(_ event: Event) {
        guard total != 0 else {
            insertIntoEmpty(event)
            return
        }
        total &+= 1
        let time = event.time.nanoseconds
        if time > topLast {
            top.append(event)
            if time < topMin { topMin = time }
            if time > topMax { topMax = time }
        } else if let rung = rungIndex(of: time) {
            link(event, intoBucket: rungs[rung].base &+ rungs[rung].bucketIndex(of: time))
        } else {
            insertIntoBottom(event)
        }
        checkInvariants()
    }

    /// Removes and returns the first event if it fires at or before `limit`; otherwise leaves
    /// the queue unchanged and returns nil.
    ///
    /// - Complexity: O(1) amortised: an index bump, and when Bottom runs dry, moving the next
    ///   bucket (or Top) down, which each event goes through a bounded number of times.
    @inlinable
    public mutating func popMin(notAfter limit: SimTime) -> Event? {
        let head = bottomHead
        guard head < bottom.count else { return nil }
        let first = bottom[head]
        guard first.time <= limit else { return nil }
        total &-= 1
        if head &+ 1 < bottom.count {
            bottomHead = head &+ 1
        } else {
            bottom.removeAll(keepingCapacity: true)
            bottomHead = 0
            refillBottom()
        }
        checkInvariants()
        return first
    }

    /// The rung that covers `time`, which must be at or before `topLast`; nil if `time` is
    /// before every rung's current bucket (it then belongs to Bottom).
    @inlinable
    func rungIndex(of time: Int64) -> Int? {
        var rung = 0
        let rungCount = rungs.count
        while rung < rungCount {
            if time >= rungs[rung].current { return rung }
            rung &+= 1
        }
        return nil
    }

    /// Pushes `event` onto the list of bucket `slot`, taking a free node if there is one.
    @inlinable
    mutating func link(_ event: Event, intoBucket slot: Int) {
        let node = freeNode
        if node >= 0 {
            let index = Int(truncatingIfNeeded: node)
            freeNode = nodes[index].next
            nodes[index] = Node(event: event, next: heads[slot])
            heads[slot] = node
        } else {
            linkNewNode(event, intoBucket: slot)
        }
    }

    /// Inserts into Bottom, which is not empty: appends when `event` sorts last (the common
    /// case), and spawns a rung from Bottom when it has grown past its limit.
    @inlinable
    mutating func insertIntoBottom(_ event: Event) {
        assert(bottomHead < bottom.count, "Bottom is empty in a non-empty ladder queue")
        if event.firesBefore(bottom[bottom.count &- 1]) {
            insertIntoBottomSorted(event)
        } else {
            bottom.append(event)
        }
        if bottom.count &- bottomHead > bottomLimit {
            spawnRungFromBottom()
        }
    }

    /// Traps unless every structural invariant holds (see ``LadderQueue``). Empty unless
    /// ``BuildConfiguration/internalChecksEnabled``; then O(n + buckets).
    @inlinable
    @inline(__always)
    func checkInvariants() {
        #if SHARESIM_INTERNAL_CHECKS || DEBUG
        if BuildConfiguration.internalChecksEnabled { validateStructure() }
        #endif
    }
}
