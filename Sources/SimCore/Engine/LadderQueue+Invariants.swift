#if SHARESIM_INTERNAL_CHECKS || DEBUG
extension LadderQueue {
    /// Walks the whole queue and traps on the first broken invariant: counts, the disjoint
    /// and ordered spans of Top, the rungs and Bottom, bucket placement, Bottom's order, and
    /// the minimum sitting in Bottom. O(n + buckets in the pool).
    @usableFromInline
    func validateStructure() {
        // Bottom: sorted, and non-empty unless the whole queue is empty.
        precondition(bottomHead <= bottom.count, "Bottom head \(bottomHead) past its end \(bottom.count)")
        let bottomSize = bottom.count - bottomHead
        precondition((bottomSize == 0) == (total == 0), "Bottom is empty but \(total) events are pending")
        if bottomSize > 1 {
            for index in (bottomHead + 1)..<bottom.count {
                precondition(bottom[index - 1].firesBefore(bottom[index]), "Bottom unsorted at \(index)")
            }
        }
        if total == 0 {
            precondition(rungs.isEmpty && top.isEmpty, "an empty queue keeps rungs or Top events")
        }

        // Top: after topLast, within topMin ... topMax.
        var least = Int64.max
        var greatest = Int64.min
        for event in top {
            let time = event.time.nanoseconds
            precondition(time > topLast, "Top event at \(time) not after topLast \(topLast)")
            least = Swift.min(least, time)
            greatest = Swift.max(greatest, time)
        }
        if !top.isEmpty {
            precondition(least == topMin && greatest == topMax, "Top bounds \(topMin)...\(topMax) stale")
        }

        // Rungs: stacked spans ending at topLast, bucket placement, the bucket layout.
        precondition(rungs.count <= LadderQueue.maxRungs, "\(rungs.count) rungs")
        var counted = top.count + bottomSize
        var linkedNodes = 0
        var expectedLast = topLast
        var expectedBase = 0
        for (number, rung) in rungs.enumerated() {
            precondition(rung.last == expectedLast, "rung \(number) ends at \(rung.last), not \(expectedLast)")
            precondition(rung.base == expectedBase, "rung \(number) buckets start at \(rung.base)")
            precondition(rung.shift < 64 && rung.bucketCount >= 1, "rung \(number) shape")
            precondition(rung.currentIndex < rung.bucketCount, "rung \(number) is past its last bucket")
            let current = rung.start &+ Int64(bitPattern: UInt64(rung.currentIndex) &<< rung.shift)
            precondition(current == rung.current, "rung \(number) current \(rung.current), not \(current)")
            precondition(rung.current <= rung.last, "rung \(number) current after its last instant")
            for index in 0..<rung.bucketCount {
                var node = heads[rung.base + index]
                if index < rung.currentIndex {
                    precondition(node < 0, "rung \(number) closed bucket \(index) holds events")
                }
                while node >= 0 {
                    linkedNodes += 1
                    precondition(linkedNodes <= nodes.count, "a bucket list has a cycle")
                    let time = nodes[Int(node)].event.time.nanoseconds
                    precondition(
                        time >= rung.current && time <= rung.last,
                        "rung \(number) holds \(time) outside \(rung.current)...\(rung.last)"
                    )
                    precondition(rung.bucketIndex(of: time) == index, "event at \(time) in the wrong bucket")
                    node = nodes[Int(node)].next
                }
            }
            expectedLast = rung.current &- 1
            expectedBase = rung.base + rung.bucketCount
        }
        for index in expectedBase..<Swift.max(expectedBase, heads.count) {
            precondition(heads[index] < 0, "bucket \(index) outside every rung holds events")
        }
        counted += linkedNodes
        precondition(counted == total, "queue counts \(total), holds \(counted)")
        var freeNodes = 0
        var node = freeNode
        while node >= 0 {
            freeNodes += 1
            precondition(freeNodes <= nodes.count, "the free list has a cycle")
            node = nodes[Int(node)].next
        }
        precondition(
            linkedNodes + freeNodes == nodes.count,
            "nodes leaked: \(linkedNodes) linked, \(freeNodes) free of \(nodes.count)"
        )

        // Bottom lies below the deepest rung (or at or before topLast with no rung).
        if bottomSize > 0 {
            let latest = bottom[bottom.count - 1].time.nanoseconds
            precondition(latest <= expectedLast, "Bottom event at \(latest) after \(expectedLast)")
        }
    }
}
#endif
