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
            if lowest.eventCount == 0 {
                rungs.removeLast()
                continue
            }
            var index = lowest.currentIndex
            while buckets[lowest.base &+ index].isEmpty { index &+= 1 }
            let slot = lowest.base &+ index
            let size = buckets[slot].count
            // The span of the bucket's events ends at `bucketLast`; the rung moves past it.
            let bucketLast: Int64
            if index == lowest.bucketCount &- 1 {
                assert(size == lowest.eventCount, "events after the last bucket")
                bucketLast = lowest.last
                rungs.removeLast()
            } else {
                let next = lowest.start &+ Int64(bitPattern: UInt64(truncatingIfNeeded: index &+ 1) &<< lowest.shift)
                bucketLast = next &- 1
                let rung = rungs.count &- 1
                rungs[rung].current = next
                rungs[rung].currentIndex = index &+ 1
                rungs[rung].eventCount &-= size
            }
            if size > LadderQueue.spawnThreshold && rungs.count < LadderQueue.maxRungs {
                let (minTime, maxTime) = LadderQueue.timeRange(of: buckets[slot])
                if minTime < maxTime {
                    swap(&scratch, &buckets[slot])
                    var source = ContiguousArray<Event>()
                    swap(&source, &scratch)
                    spawnRung(from: source, startingAt: 0, minTime: minTime, maxTime: maxTime, last: bucketLast)
                    source.removeAll(keepingCapacity: true)
                    swap(&source, &scratch)
                    continue
                }
            }
            // Bottom is empty; trade buffers with the bucket instead of copying.
            swap(&bottom, &buckets[slot])
            finishRefill()
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
    mutating func finishRefill() {
        bottom.withUnsafeMutableBufferPointer { buffer in
            LadderQueue.sort(buffer)
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
        from source: ContiguousArray<Event>, startingAt start: Int, minTime: Int64, maxTime: Int64, last: Int64
    ) {
        let size = source.count &- start
        assert(size >= 2 && minTime < maxTime && maxTime <= last && rungs.count < LadderQueue.maxRungs)
        let span = UInt64(bitPattern: maxTime &- minTime)
        // 2^shift > span / size, so span >> shift < size: at most `size` buckets.
        let quotient = span / UInt64(truncatingIfNeeded: size)
        let shift = quotient == 0 ? 0 : UInt64(truncatingIfNeeded: 64 &- quotient.leadingZeroBitCount)
        let bucketCount = Int(truncatingIfNeeded: span &>> shift) &+ 1
        let base = rungs.last.map { $0.base &+ $0.bucketCount } ?? 0
        if buckets.count < base &+ bucketCount {
            buckets.append(contentsOf: repeatElement([], count: base &+ bucketCount &- buckets.count))
        }
        source.withUnsafeBufferPointer { events in
            buckets.withUnsafeMutableBufferPointer { pool in
                var index = start
                while index < events.count {
                    let event = events[index]
                    let offset = UInt64(bitPattern: event.time.nanoseconds &- minTime) &>> shift
                    pool[base &+ Int(truncatingIfNeeded: offset)].append(event)
                    index &+= 1
                }
            }
        }
        rungs.append(
            Rung(start: minTime, last: last, shift: shift, base: base, bucketCount: bucketCount, eventCount: size))
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
