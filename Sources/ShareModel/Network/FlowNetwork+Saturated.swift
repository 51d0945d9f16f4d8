/// Per-link state of saturated mode: links whose flows all have that link as their only
/// bottleneck, so each flow's rate is the link's capacity over its flow count.
///
/// A link in saturated mode keeps a virtual work counter: the bytes one of its flows has
/// delivered since the link entered the mode. A flow stores the counter's value when its
/// progress was last settled, so its delivered bytes are read off the counter and a change
/// of the link's share touches no flow. Completions come in order of virtual finish (the
/// counter's value at which a flow has delivered all its bytes), kept in a heap per link;
/// only the first of them has an entry in the network's completion heap.
struct SaturatedLinks: Sendable {
    /// Per link: whether it is in saturated mode.
    var isOn: ContiguousArray<Bool> = []
    /// Per link: the rate of each of its flows, capacity over flow count, in bits per second.
    var share: ContiguousArray<Double> = []
    /// Per link: bytes delivered per flow since the link entered saturated mode, as of
    /// `virtualAt`.
    var virtual: ContiguousArray<Double> = []
    /// Per link: the instant `virtual` was last advanced, in nanoseconds.
    var virtualAt: ContiguousArray<Int64> = []
    /// Per link: the flow slot whose completion entry stands for the link, or `UInt32.max`.
    var head: ContiguousArray<UInt32> = []
    /// Per link: its flows by virtual finish, with stale entries removed lazily.
    var finishes: ContiguousArray<MinHeap<VirtualFinishEntry>> = []
    /// Per link: the other links of its flows (each carries that one flow) by capacity,
    /// with stale entries removed lazily; the first bounds the share the link may give.
    var privateLinks: ContiguousArray<MinHeap<PrivateLinkEntry>> = []
    /// The number of links in saturated mode.
    var count: Int = 0

    /// Adds the state of a new link (not in saturated mode).
    mutating func addLink() {
        isOn.append(false)
        share.append(0)
        virtual.append(0)
        virtualAt.append(0)
        head.append(UInt32.max)
        finishes.append(MinHeap())
        privateLinks.append(MinHeap())
    }
}

/// A flow of a saturated link by virtual finish: the link's virtual work at which the flow
/// has delivered all its bytes.
struct VirtualFinishEntry: MinHeapElement, Sendable {
    /// The virtual finish, in bytes per flow.
    var finish: Double
    /// The flow slot.
    var flow: UInt32
    /// The slot's generation when pushed; an entry with another generation is stale.
    var generation: UInt32

    static func precedes(_ lhs: VirtualFinishEntry, _ rhs: VirtualFinishEntry) -> Bool {
        lhs.finish < rhs.finish || (lhs.finish == rhs.finish && lhs.flow < rhs.flow)
    }
}

/// A link that carries only one flow of a saturated link, by capacity then link index.
struct PrivateLinkEntry: MinHeapElement, Sendable {
    /// The link's capacity when pushed, in bits per second.
    var capacity: Double
    /// The link index.
    var link: UInt32
    /// The flow slot it carries.
    var flow: UInt32
    /// The slot's generation when pushed; an entry with another generation is stale.
    var generation: UInt32

    static func precedes(_ lhs: PrivateLinkEntry, _ rhs: PrivateLinkEntry) -> Bool {
        lhs.capacity < rhs.capacity || (lhs.capacity == rhs.capacity && lhs.link < rhs.link)
    }
}

extension FlowNetwork {
    /// The fewest flows for which a link enters saturated mode; below it the general
    /// recompute is cheap, and its arithmetic (bit for bit that of earlier versions) is kept.
    static let saturatedModeEntryFlows = 128
    /// The fewest flows with which a link stays in saturated mode (hysteresis).
    static let saturatedModeExitFlows = 64

    /// The current rate of slot `index`, in bits per second, in either mode.
    func currentRate(_ index: Int) -> Double {
        let link = flowSaturatedLink[index]
        return link == UInt32.max ? flowRate[index] : saturated.share[Int(link)]
    }

    /// The virtual work of saturated `link` at `nanoseconds`, without storing it.
    func virtualWork(of link: Int, at nanoseconds: Int64) -> Double {
        let elapsed = nanoseconds - saturated.virtualAt[link]
        guard elapsed > 0 else { return saturated.virtual[link] }
        return saturated.virtual[link] + saturated.share[link] * Double(elapsed) / 8e9
    }

    /// Moves saturated `link`'s virtual work to `nanoseconds` at its current share.
    mutating func advanceVirtualWork(of link: Int, to nanoseconds: Int64) {
        saturated.virtual[link] = virtualWork(of: link, at: nanoseconds)
        saturated.virtualAt[link] = nanoseconds
    }

    /// The virtual finish of slot `index` on its saturated link.
    func virtualFinish(of index: Int) -> Double {
        flowVirtualStart[index] + (flowTotalBytes[index] - flowDeliveredBytes[index])
    }

    /// The completion instant of the flow of saturated `link` whose virtual finish is
    /// `finish`, from the link's last advance.
    func saturatedCompletionNanoseconds(_ link: Int, finish: Double) -> Int64? {
        Self.completionInstant(
            remaining: finish - saturated.virtual[link],
            rate: saturated.share[link],
            from: saturated.virtualAt[link]
        )
    }

    /// Whether a link of `capacity` and index `link` comes after bottleneck `bottleneck` of
    /// share `share` in water-filling order, so it does not limit the bottleneck's flows.
    static func comesAfter(capacity: Double, link: UInt32, share: Double, bottleneck: UInt32) -> Bool {
        capacity > share || (capacity == share && link > bottleneck)
    }

    /// Whether slot `flow`, at `generation`, is still one of saturated `link`'s flows.
    func isLive(flow: UInt32, generation: UInt32, on link: Int) -> Bool {
        let index = Int(flow)
        return flowActive[index] && flowGeneration[index] == generation && flowSaturatedLink[index] == UInt32(link)
    }

    /// Puts the completion entry of saturated `link`'s first flow (by virtual finish) into
    /// the completion heap, replacing the previous one. O(log H) plus stale entries popped.
    mutating func refreshSaturatedHead(_ link: Int) {
        let previous = saturated.head[link]
        if previous != UInt32.max { flowCompletionStamp[Int(previous)] &+= 1 }
        while let top = saturated.finishes[link].min, !isLive(flow: top.flow, generation: top.generation, on: link) {
            _ = saturated.finishes[link].popMin()
        }
        guard let top = saturated.finishes[link].min else {
            saturated.head[link] = UInt32.max
            return
        }
        let index = Int(top.flow)
        saturated.head[link] = top.flow
        flowCompletionStamp[index] &+= 1
        if let time = saturatedCompletionNanoseconds(link, finish: top.finish) {
            completions.insert(CompletionEntry(time: time, flow: top.flow, stamp: flowCompletionStamp[index]))
        }
    }

    /// Adds new slot `index` (already on its links' entries) to a saturated link of its
    /// path at `nanoseconds`, if the result is still saturated mode: exactly one link of the
    /// path is saturated and every other link carries only this flow and comes after the
    /// new share. Returns whether it did; O(p + log F) when it does.
    mutating func joinSaturatedLink(_ index: Int, at nanoseconds: Int64) -> Bool {
        guard saturated.count > 0 else { return false }
        var link = -1
        for other in flowPath[index] where saturated.isOn[Int(other)] {
            guard link < 0 else { return false }
            link = Int(other)
        }
        guard link >= 0 else { return false }
        let share = linkCapacity[link] / Double(linkEntries[link].count)
        guard share > 0 else { return false }
        for other in flowPath[index] where Int(other) != link {
            guard linkEntries[Int(other)].count == 1,
                Self.comesAfter(
                    capacity: linkCapacity[Int(other)],
                    link: other,
                    share: share,
                    bottleneck: UInt32(link)
                )
            else { return false }
        }
        advanceVirtualWork(of: link, to: nanoseconds)
        saturated.share[link] = share
        flowSaturatedLink[index] = UInt32(link)
        flowVirtualStart[index] = saturated.virtual[link]
        flowRate[index] = share
        let generation = flowGeneration[index]
        saturated.finishes[link].insert(
            VirtualFinishEntry(finish: virtualFinish(of: index), flow: UInt32(index), generation: generation)
        )
        for other in flowPath[index] where Int(other) != link {
            saturated.privateLinks[link].insert(
                PrivateLinkEntry(
                    capacity: linkCapacity[Int(other)],
                    link: other,
                    flow: UInt32(index),
                    generation: generation
                )
            )
        }
        refreshSaturatedHead(link)
        lastRecomputedFlowCount = 1
        lastRecomputedLinkCount = flowPath[index].count
        return true
    }

    /// Ends slot `index`, a flow of a saturated link, at `nanoseconds` and returns its
    /// delivered bytes (at most its size), if the link stays in saturated mode without it;
    /// otherwise puts the link back to per-flow progress and returns nil (the caller then
    /// ends the flow the general way). O(p + log F) amortised when it ends the flow.
    mutating func leaveSaturatedLink(_ index: Int, at nanoseconds: Int64) -> Double? {
        let link = Int(flowSaturatedLink[index])
        let remaining = linkEntries[link].count - 1
        var stays = remaining >= Self.saturatedModeExitFlows
        let share = linkCapacity[link] / Double(Swift.max(remaining, 1))
        if stays {
            while let top = saturated.privateLinks[link].min,
                Int(top.flow) == index || !isLive(flow: top.flow, generation: top.generation, on: link)
            {
                _ = saturated.privateLinks[link].popMin()
            }
            if let top = saturated.privateLinks[link].min {
                stays = Self.comesAfter(capacity: top.capacity, link: top.link, share: share, bottleneck: UInt32(link))
            }
        }
        guard stays else {
            leaveSaturatedMode(link, at: nanoseconds)
            return nil
        }
        advanceVirtualWork(of: link, to: nanoseconds)
        flowDeliveredBytes[index] += saturated.virtual[link] - flowVirtualStart[index]
        flowUpdatedAt[index] = nanoseconds
        let delivered = Swift.min(flowDeliveredBytes[index], flowTotalBytes[index])
        unlinkPath(of: index)
        flowSaturatedLink[index] = UInt32.max
        flowActive[index] = false
        flowRate[index] = 0
        flowCompletionStamp[index] &+= 1
        freeFlowSlots.append(UInt32(index))
        activeFlowCount -= 1
        saturated.share[link] = share
        refreshSaturatedHead(link)
        compactSaturatedHeapsIfSparse(link)
        lastRecomputedFlowCount = 1
        lastRecomputedLinkCount = flowPath[index].count
        dropStaleCompletions()
        compactCompletionsIfSparse()
        return delivered
    }

    /// Rebuilds saturated `link`'s heaps when stale entries outnumber live ones. O(F)
    /// when it runs, amortised O(1) per change.
    mutating func compactSaturatedHeapsIfSparse(_ link: Int) {
        let live = linkEntries[link].count
        let finishesSparse = saturated.finishes[link].count > 2 * live + 64
        let privateSparse = saturated.privateLinks[link].count > 4 * live + 64
        guard finishesSparse || privateSparse else { return }
        let active = flowActive
        let generations = flowGeneration
        let links = flowSaturatedLink
        let owner = UInt32(link)
        saturated.finishes[link].filter {
            active[Int($0.flow)] && generations[Int($0.flow)] == $0.generation && links[Int($0.flow)] == owner
        }
        saturated.privateLinks[link].filter {
            active[Int($0.flow)] && generations[Int($0.flow)] == $0.generation && links[Int($0.flow)] == owner
        }
    }

    /// Takes `link` out of saturated mode at `nanoseconds`: settles each of its flows'
    /// progress from the virtual work and gives each a completion entry. O(F log H).
    mutating func leaveSaturatedMode(_ link: Int, at nanoseconds: Int64) {
        advanceVirtualWork(of: link, to: nanoseconds)
        let share = saturated.share[link]
        let virtual = saturated.virtual[link]
        saturated.isOn[link] = false
        saturated.count -= 1
        saturated.head[link] = UInt32.max
        saturated.finishes[link].removeAll()
        saturated.privateLinks[link].removeAll()
        for entry in linkEntries[link] {
            let index = Int(entry &>> 32)
            guard flowSaturatedLink[index] == UInt32(link) else { continue }
            flowDeliveredBytes[index] += virtual - flowVirtualStart[index]
            flowUpdatedAt[index] = nanoseconds
            flowRate[index] = share
            flowSaturatedLink[index] = UInt32.max
            refreshCompletion(index)
        }
    }

    /// Puts the component just recomputed into saturated mode at `nanoseconds` if it is a
    /// star: one link crossed by all its flows (at least ``saturatedModeEntryFlows``) with
    /// capacity left, every other link carrying one flow and coming after that link's
    /// share, so every flow's rate is the link's share. O(Lc + F log F) when it does.
    mutating func enterSaturatedModeIfStar(at nanoseconds: Int64) {
        let flows = scratch.componentFlows.count
        guard flows >= Self.saturatedModeEntryFlows else { return }
        var link = -1
        for candidate in scratch.componentLinks {
            let count = linkEntries[Int(candidate)].count
            if count == flows {
                guard link < 0 else { return }
                link = Int(candidate)
            } else if count > 1 {
                return
            }
        }
        guard link >= 0, linkCapacity[link] > 0 else { return }
        let share = linkCapacity[link] / Double(flows)
        for other in scratch.componentLinks where Int(other) != link && linkEntries[Int(other)].count == 1 {
            let capacity = linkCapacity[Int(other)]
            guard Self.comesAfter(capacity: capacity, link: other, share: share, bottleneck: UInt32(link)) else {
                return
            }
        }
        for flow in scratch.componentFlows where flowRate[Int(flow)] != share { return }
        saturated.isOn[link] = true
        saturated.count += 1
        saturated.share[link] = share
        saturated.virtual[link] = 0
        saturated.virtualAt[link] = nanoseconds
        saturated.head[link] = UInt32.max
        saturated.finishes[link].removeAll()
        saturated.privateLinks[link].removeAll()
        for flow in scratch.componentFlows {
            let index = Int(flow)
            settle(index, at: nanoseconds)
            flowSaturatedLink[index] = UInt32(link)
            flowVirtualStart[index] = 0
            flowCompletionStamp[index] &+= 1
            let generation = flowGeneration[index]
            saturated.finishes[link].insert(
                VirtualFinishEntry(finish: virtualFinish(of: index), flow: flow, generation: generation)
            )
            for other in flowPath[index] where Int(other) != link {
                saturated.privateLinks[link].insert(
                    PrivateLinkEntry(
                        capacity: linkCapacity[Int(other)],
                        link: other,
                        flow: flow,
                        generation: generation
                    )
                )
            }
        }
        refreshSaturatedHead(link)
    }
}
