// The slow paths of the ladder queue: filling Bottom, spawning rungs, sorting.
// None of these run per event in the steady state, so they are not inlinable; the
// inlinable fast paths in LadderQueue.swift call them through @usableFromInline.

extension LadderQueue {
    /// Inserts into an empty queue: the event becomes Bottom, and Top starts just after it.
    @usableFromInline
    mutating func insertIntoEmpty(_ event: Event) {
        assert(total == 0 && rungs.isEmpty && top.isEmpty && bottom.isEmpty && bottomHead == 0)
        total = 1
        bottom.append(event)
        topLast = event.time.nanoseconds
        bottomLimit = LadderQueue.minimumBottomLimit
        checkInvariants()
    }

    /// Pushes `event` onto the list of bucket `slot` in a new node: the free list is empty.
    @usableFromInline
    mutating func linkNewNode(_ event: Event, intoBucket slot: Int) {
        precondition(nodes.count < Int(Int32.max), "more than 2³¹ events in a ladder queue")
        nodes.append(Node(event: event, next: heads[slot]))
        heads[slot] = Int32(truncatingIfNeeded: nodes.count &- 1)
    }

    /// Empties bucket `slot` onto the end of Bottom, in the order the events were inserted,
    /// and returns its nodes to the free list.
    @usableFromInline
    mutating func moveBucketToBottom(_ slot: Int) {
        var node = heads[slot]
        heads[slot] = LadderQueue.none
        let start = bottom.count
        var free = freeNode
        nodes.withUnsafeMutableBufferPointer { pool in
            while node >= 0 {
                let index = Int(truncatingIfNeeded: node)
                bottom.append(pool[index].event)
                let next = pool[index].next
                pool[index].next = free
                free = node
                node = next
            }
        }
        freeNode = free
        // A list is last-in first-out; restore insertion order, so that ties (inserted in
        // sequence order) arrive sorted and the insertion sort has little to do.
        bottom.withUnsafeMutableBufferPointer { buffer in
            var low = start
            var high = buffer.count &- 1
            while low < high {
                buffer.swapAt(low, high)
                low &+= 1
                high &-= 1
            }
        }
    }

    /// Moves the non-empty buckets of rung `rung` from bucket `index` (which is not empty) on
    /// into Bottom, up to ``refillLists`` of them, stopping before the rung's last bucket,
    /// and moves the rung past them.
    ///
    /// The bucket lists are followed in rounds, one node of every list per round, so the
    /// node loads of a round do not depend on each other and the processor overlaps their
    /// cache misses; following one list to its end, then the next, would pay each miss
    /// alone. When some list has more than one node, the events are then regrouped by
    /// bucket (a stable counting sort), so that Bottom is made of runs in time order and
    /// only the runs themselves need sorting.
    ///
    /// - Returns: the length of the longest bucket taken (0 when none was).
    @usableFromInline
    mutating func takeBuckets(of rung: Int, from index: Int) -> Int {
        let lowest = rungs[rung]
        let lastBucket = lowest.bucketCount &- 1
        assert(index < lastBucket && heads[lowest.base &+ index] >= 0 && bottom.isEmpty)
        var next = index
        let wanted = refillLists
        let start = bottom.count
        var lists = 0
        var rounds = 0
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: wanted) { cursors in
            while lists < wanted && next < lastBucket {
                let slot = lowest.base &+ next
                let head = heads[slot]
                if head >= 0 {
                    cursors[lists] = head
                    lists &+= 1
                    heads[slot] = LadderQueue.none
                }
                next &+= 1
            }
            // The first round follows every list's first node; later rounds only the lists
            // that go on, remembering which list (bucket) each event came from.
            var free = freeNode
            var owners = ContiguousArray<Int32>()
            swap(&owners, &refillOwners)
            owners.removeAll(keepingCapacity: true)
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 &* wanted) { listNumbers in
                // Per cursor, the list it follows; and per event of this round, its list.
                let listOfCursor = UnsafeMutableBufferPointer(rebasing: listNumbers[0..<wanted])
                let roundOwners = UnsafeMutableBufferPointer(rebasing: listNumbers[wanted...])
                withUnsafeTemporaryAllocation(of: Event.self, capacity: wanted) { roundEvents in
                    for list in 0..<lists { listOfCursor[list] = Int32(truncatingIfNeeded: list) }
                    var active = lists
                    while active > 0 {
                        // A tight loop of independent loads, with no call and no array growth
                        // check in it, so that the processor keeps many misses in flight.
                        var kept = 0
                        nodes.withUnsafeMutableBufferPointer { pool in
                            for cursor in 0..<active {
                                let node = cursors[cursor]
                                let slot = Int(truncatingIfNeeded: node)
                                (roundEvents.baseAddress.unsafelyUnwrapped + cursor).initialize(to: pool[slot].event)
                                roundOwners[cursor] = listOfCursor[cursor]
                                let following = pool[slot].next
                                pool[slot].next = free
                                free = node
                                if following >= 0 {
                                    cursors[kept] = following
                                    listOfCursor[kept] = listOfCursor[cursor]
                                    kept &+= 1
                                }
                            }
                        }
                        bottom.append(contentsOf: UnsafeBufferPointer(rebasing: roundEvents[0..<active]))
                        owners.append(contentsOf: UnsafeBufferPointer(rebasing: roundOwners[0..<active]))
                        rounds &+= 1
                        active = kept
                    }
                }
            }
            freeNode = free
            swap(&owners, &refillOwners)
        }
        if rounds > 1 { groupRefillByBucket(from: start, lists: lists) }
        // Aim the next batch at about `refillTarget` events: as many lists as that takes,
        // judged by this batch's events per list. Sparse buckets (one event each, a large
        // ladder) then come 32 at a time, with their cache misses overlapped; crowded ones
        // a few at a time, so Bottom stays small.
        let perList = Swift.max(1, (bottom.count &- start) / Swift.max(1, lists))
        refillLists = Swift.max(1, Swift.min(LadderQueue.refillBatch, LadderQueue.refillTarget / perList))
        rungs[rung].current = lowest.start &+ Int64(bitPattern: UInt64(truncatingIfNeeded: next) &<< lowest.shift)
        rungs[rung].currentIndex = next
        return rounds
    }

    /// Reorders `bottom[start...]` so that the events of each list (bucket) are together,
    /// lists in order, each list's events in insertion order (a list holds them newest
    /// first), so that ties, inserted in sequence order, arrive sorted.
    @usableFromInline
    mutating func groupRefillByBucket(from start: Int, lists: Int) {
        var events = ContiguousArray<Event>()
        swap(&events, &refillEvents)
        events.removeAll(keepingCapacity: true)
        events.append(contentsOf: bottom[start...])
        withUnsafeTemporaryAllocation(of: Int.self, capacity: lists) { offsets in
            offsets.initialize(repeating: 0)
            for owner in refillOwners { offsets[Int(owner)] &+= 1 }
            // Counts become the end of each list's run, which fills from the back.
            var running = start
            for list in 0..<lists {
                running &+= offsets[list]
                offsets[list] = running
            }
            bottom.withUnsafeMutableBufferPointer { buffer in
                for (position, owner) in refillOwners.enumerated() {
                    let list = Int(owner)
                    offsets[list] &-= 1
                    buffer[offsets[list]] = events[position]
                }
            }
        }
        swap(&events, &refillEvents)
    }

    /// Inserts `event` into Bottom before its last event, keeping Bottom sorted.
    ///
    /// Finds the place by binary search, then shifts whichever side is shorter: the events
    /// before the place move left into the popped slots when there are any.
    @usableFromInline
    mutating func insertIntoBottomSorted(_ event: Event) {
        let head = bottomHead
        let end = bottom.count
        // The first index in head ..< end whose event fires after `event`.
        var low = head
        var high = end
        while low < high {
            let middle = low &+ (high &- low) &>> 1
            if event.firesBefore(bottom[middle]) {
                high = middle
            } else {
                low = middle &+ 1
            }
        }
        let place = low
        if head > 0 && place &- head <= end &- place {
            bottom.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress.unsafelyUnwrapped
                (base + (head &- 1)).update(from: base + head, count: place &- head)
                base[place &- 1] = event
            }
            bottomHead = head &- 1
        } else {
            bottom.append(event)
            bottom.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress.unsafelyUnwrapped
                (base + (place &+ 1)).update(from: base + place, count: end &- place)
                base[place] = event
            }
        }
    }

    /// Turns an oversized Bottom into a new deepest rung, then refills Bottom from it.
    ///
    /// Does nothing but raise the limit when Bottom cannot be split (all its events share
    /// one instant) or the ladder is at its deepest, so that a large Bottom is not
    /// re-examined on every insert.
    @usableFromInline
    mutating func spawnRungFromBottom() {
        let size = bottom.count &- bottomHead
        let minTime = bottom[bottomHead].time.nanoseconds
        let maxTime = bottom[bottom.count &- 1].time.nanoseconds
        guard minTime < maxTime, rungs.count < LadderQueue.maxRungs else {
            bottomLimit = 2 &* size
            return
        }
        let last = rungs.last.map { $0.current &- 1 } ?? topLast
        var source = ContiguousArray<Event>()
        swap(&source, &bottom)
        spawnRung(from: source, startingAt: bottomHead, minTime: minTime, maxTime: maxTime, last: last)
        source.removeAll(keepingCapacity: true)
        swap(&source, &bottom)
        bottomHead = 0
        refillBottom()
    }

    /// Fills the empty Bottom with the earliest events: the next non-empty bucket of the
    /// deepest rung (spawning finer rungs from buckets too large to sort), or Top when the
    /// ladder is empty. Drops rungs that have run out. Leaves Bottom empty only when the
    /// whole queue is.
    @usableFromInline
    mutating func refillBottom() {
        assert(bottom.isEmpty && bottomHead == 0)
        while let lowest = rungs.last {
            // The next non-empty bucket; a rung with none left is dropped. Each bucket is
            // skipped at most once, so the scan is paid for when the rung is made.
            var index = lowest.currentIndex
            while index < lowest.bucketCount && heads[lowest.base &+ index] < 0 { index &+= 1 }
            if index == lowest.bucketCount {
                rungs.removeLast()
                continue
            }
            // The buckets taken end at `takenLast`; the rung moves past them. The last
            // bucket goes alone and ends the rung; others go in a batch with the buckets
            // that follow them.
            let takenLast: Int64
            let longestRun: Int
            if index == lowest.bucketCount &- 1 {
                takenLast = lowest.last
                rungs.removeLast()
                moveBucketToBottom(lowest.base &+ index)
                longestRun = bottom.count
            } else {
                let rung = rungs.count &- 1
                longestRun = takeBuckets(of: rung, from: index)
                takenLast = rungs[rung].current &- 1
            }
            // A bucket too crowded to sort (the paper's THRES) is spread over a finer rung;
            // a batch of short runs is not, since sorting short runs is cheap.
            if longestRun > LadderQueue.spawnThreshold && rungs.count < LadderQueue.maxRungs {
                let (minTime, maxTime) = LadderQueue.timeRange(of: bottom)
                if minTime < maxTime {
                    // Too many to sort: spread them over a finer rung. Its buckets may reuse
                    // the slots just emptied.
                    var source = ContiguousArray<Event>()
                    swap(&source, &bottom)
                    spawnRung(from: source, startingAt: 0, minTime: minTime, maxTime: maxTime, last: takenLast)
                    source.removeAll(keepingCapacity: true)
                    swap(&source, &bottom)
                    continue
                }
            }
            // Bottom is runs in time order, one per bucket; when every run is short, only
            // the runs need sorting and insertion sort does that in O(k + inversions).
            finishRefill(inRuns: longestRun <= 64)
            return
        }
        guard !top.isEmpty else { return }
        // The ladder is empty: Top's span becomes the ladder's (a new epoch).
        let minTime = topMin
        let maxTime = topMax
        topLast = maxTime
        topMin = .max
        topMax = .min
        if top.count > LadderQueue.spawnThreshold && minTime < maxTime {
            var source = ContiguousArray<Event>()
            swap(&source, &top)
            spawnRung(from: source, startingAt: 0, minTime: minTime, maxTime: maxTime, last: maxTime)
            source.removeAll(keepingCapacity: true)
            swap(&source, &top)
            refillBottom()
        } else {
            // Few events, or all at one instant: straight to Bottom. Copy rather than trade,
            // so that Top keeps its (large) capacity.
            bottom.append(contentsOf: top)
            top.removeAll(keepingCapacity: true)
            finishRefill()
        }
    }

    /// Sorts the freshly filled Bottom and sets its growth limit.
    @usableFromInline
    mutating func finishRefill(inRuns: Bool = false) {
        bottom.withUnsafeMutableBufferPointer { buffer in
            if inRuns, let base = buffer.baseAddress {
                // Runs in time order: only events within a run can be out of order, so
                // insertion sort costs O(k + inversions within runs).
                LadderQueue.insertionSort(base, count: buffer.count)
            } else {
                LadderQueue.sort(buffer)
            }
        }
        bottomLimit = Swift.max(LadderQueue.minimumBottomLimit, 2 &* bottom.count)
    }

    /// Makes a new deepest rung from `source[start...]`, whose times lie in
    /// `minTime ... maxTime` (with `minTime < maxTime`); the rung covers `minTime ... last`.
    ///
    /// The bucket width is the least power of two that spreads the events over at most one
    /// bucket each (at least half as many buckets as events).
    @usableFromInline
    mutating func spawnRung(
        from source: ContiguousArray<Event>,
        startingAt start: Int,
        minTime: Int64,
        maxTime: Int64,
        last: Int64
    ) {
        let size = source.count &- start
        assert(size >= 2 && minTime < maxTime && maxTime <= last && rungs.count < LadderQueue.maxRungs)
        let span = UInt64(bitPattern: maxTime &- minTime)
        // 2^shift > span / size, so span >> shift < size: at most `size` buckets.
        let quotient = span / UInt64(truncatingIfNeeded: size)
        let shift = quotient == 0 ? 0 : UInt64(truncatingIfNeeded: 64 &- quotient.leadingZeroBitCount)
        let bucketCount = Int(truncatingIfNeeded: span &>> shift) &+ 1
        let base = rungs.last.map { $0.base &+ $0.bucketCount } ?? 0
        if heads.count < base &+ bucketCount {
            heads.append(contentsOf: repeatElement(LadderQueue.none, count: base &+ bucketCount &- heads.count))
        }
        var index = start
        while index < source.count {
            let event = source[index]
            let offset = UInt64(bitPattern: event.time.nanoseconds &- minTime) &>> shift
            link(event, intoBucket: base &+ Int(truncatingIfNeeded: offset))
            index &+= 1
        }
        rungs.append(Rung(start: minTime, last: last, shift: shift, base: base, bucketCount: bucketCount))
    }

    /// The least and greatest times in `events`, which is not empty.
    @usableFromInline
    static func timeRange(of events: ContiguousArray<Event>) -> (min: Int64, max: Int64) {
        var least = Int64.max
        var greatest = Int64.min
        for event in events {
            let time = event.time.nanoseconds
            if time < least { least = time }
            if time > greatest { greatest = time }
        }
        return (least, greatest)
    }

    /// Sorts `buffer` by ``Event/firesBefore(_:)`` in place, without allocating: insertion
    /// sort for short buffers (the usual bucket), heapsort for long unsorted ones.
    @usableFromInline
    static func sort(_ buffer: UnsafeMutableBufferPointer<Event>) {
        let count = buffer.count
        guard count > 1, let base = buffer.baseAddress else { return }
        if count <= 64 {
            insertionSort(base, count: count)
            return
        }
        var index = 1
        while index < count && !base[index].firesBefore(base[index &- 1]) { index &+= 1 }
        if index == count { return }  // Already sorted: the usual case for one instant.
        heapSort(base, count: count)
    }

    /// Insertion sort: O(k) moves per event for k events, and O(k) in all when already sorted.
    @usableFromInline
    static func insertionSort(_ base: UnsafeMutablePointer<Event>, count: Int) {
        var index = 1
        while index < count {
            let event = base[index]
            var hole = index
            while hole > 0 && event.firesBefore(base[hole &- 1]) {
                base[hole] = base[hole &- 1]
                hole &-= 1
            }
            base[hole] = event
            index &+= 1
        }
    }

    /// Heapsort: O(k log k) for k events, in place, whatever their order.
    @usableFromInline
    static func heapSort(_ base: UnsafeMutablePointer<Event>, count: Int) {
        // A max-heap on firesBefore, then repeatedly move the greatest to the end.
        func siftDown(_ start: Int, _ end: Int) {
            let event = base[start]
            var hole = start
            while true {
                var child = 2 &* hole &+ 1
                if child >= end { break }
                if child &+ 1 < end && base[child].firesBefore(base[child &+ 1]) { child &+= 1 }
                guard event.firesBefore(base[child]) else { break }
                base[hole] = base[child]
                hole = child
            }
            base[hole] = event
        }
        var start = count / 2
        while start > 0 {
            start &-= 1
            siftDown(start, count)
        }
        var end = count
        while end > 1 {
            end &-= 1
            let greatest = base[0]
            base[0] = base[end]
            base[end] = greatest
            siftDown(0, end)
        }
    }
}
