import SimCore

extension FlowNetwork {
    /// The fewest flows for which a component enters saturated mode; below it the general
    /// recompute is cheap.
    static let saturatedModeEntryFlows = 128
    /// The fewest flows with which a component stays in saturated mode (hysteresis).
    static let saturatedModeExitFlows = 64

    /// The current rate of slot `index`, in bits per second, in either mode.
    func currentRate(_ index: Int) -> Double {
        let flowClass = flowSaturatedClass[index]
        return flowClass == UInt32.max ? flowRate[index] : saturated.classRate[Int(flowClass)]
    }

    /// Whether `link` is a shared link of a component in saturated mode (for tests).
    func isInSaturatedMode(_ link: LinkID) -> Bool { saturated.isShared(Int(link.index)) }

    /// The virtual work of class `flowClass` at `nanoseconds`, without storing it.
    func virtualWork(ofClass flowClass: Int, at nanoseconds: Int64) -> Double {
        let elapsed = nanoseconds - saturated.classVirtualAt[flowClass]
        guard elapsed > 0 else { return saturated.classVirtual[flowClass] }
        return saturated.classVirtual[flowClass] + saturated.classRate[flowClass] * Double(elapsed) / 8e9
    }

    /// Moves class `flowClass`'s virtual work to `nanoseconds` at its current rate.
    mutating func advanceVirtualWork(ofClass flowClass: Int, to nanoseconds: Int64) {
        saturated.classVirtual[flowClass] = virtualWork(ofClass: flowClass, at: nanoseconds)
        saturated.classVirtualAt[flowClass] = nanoseconds
    }

    /// The virtual finish of slot `index` in its class.
    func virtualFinish(of index: Int) -> Double {
        flowVirtualStart[index] + (flowTotalBytes[index] - flowDeliveredBytes[index])
    }

    /// The completion instant of the flow of class `flowClass` whose virtual finish is
    /// `finish`, from the class's last advance.
    func saturatedCompletionNanoseconds(_ flowClass: Int, finish: Double) -> Int64? {
        Self.completionInstant(
            remaining: finish - saturated.classVirtual[flowClass],
            rate: saturated.classRate[flowClass],
            from: saturated.classVirtualAt[flowClass]
        )
    }

    /// Whether a link of `capacity` and index `link` comes after bottleneck `bottleneck` of
    /// share `share` in water-filling order, so it does not limit the bottleneck's flows.
    static func comesAfter(capacity: Double, link: UInt32, share: Double, bottleneck: UInt32) -> Bool {
        capacity > share || (capacity == share && link > bottleneck)
    }

    /// Whether slot `flow`, at `generation`, is still one of class `flowClass`'s flows.
    func isLive(flow: UInt32, generation: UInt32, inClass flowClass: Int) -> Bool {
        let index = Int(flow)
        return flowActive[index] && flowGeneration[index] == generation
            && flowSaturatedClass[index] == UInt32(flowClass)
    }

    /// Puts the completion entry of class `flowClass`'s first flow (by virtual finish) into
    /// the completion heap, replacing the previous one. O(log H) plus stale entries popped.
    mutating func refreshClassHead(_ flowClass: Int) {
        let previous = saturated.classHead[flowClass]
        if previous != UInt32.max { flowCompletionStamp[Int(previous)] &+= 1 }
        while let top = saturated.classFinishes[flowClass].min,
            !isLive(flow: top.flow, generation: top.generation, inClass: flowClass)
        {
            _ = saturated.classFinishes[flowClass].popMin()
        }
        guard let top = saturated.classFinishes[flowClass].min else {
            saturated.classHead[flowClass] = UInt32.max
            return
        }
        let index = Int(top.flow)
        saturated.classHead[flowClass] = top.flow
        flowCompletionStamp[index] &+= 1
        if let time = saturatedCompletionNanoseconds(flowClass, finish: top.finish) {
            completions.insert(CompletionEntry(time: time, flow: top.flow, stamp: flowCompletionStamp[index]))
        }
    }

    // MARK: Water-filling over classes

    /// Max-min fair rates of `component`'s classes by progressive filling over its shared
    /// links, into `saturated.classNewRate` and `classNewBottleneck`; returns whether every
    /// class with flows gets a positive rate that none of its private links limits (checked
    /// only for classes whose rate rose or whose bottleneck moved; a joining flow's own private
    /// links are checked by ``joinerIsUnlimited(_:_:)``).
    ///
    /// Each round fixes every unfixed class on the link of smallest share (remaining capacity
    /// over unfixed flows; ties to the lowest link index) and takes share × (flows fixed on a
    /// link) off each link once: the rounds and operations of the per-flow recompute, so the
    /// rates are the same bit for bit. O(L² + C·k).
    mutating func computeClassRates(_ component: Int) -> Bool {
        let links = saturated.componentLinks[component].count
        if links == 1 {
            // One shared link: one class, whose share is the first round's.
            let link = Int(saturated.componentLinks[component][0])
            let flowClass = Int(saturated.linkClasses[link][0])
            saturated.classNewRate[flowClass] = Swift.max(0, linkCapacity[link]) / Double(linkEntries[link].count)
            saturated.classNewBottleneck[flowClass] = UInt32(link)
            return privateLinksAllowClassRates(component)
        }
        for position in 0..<links {
            let link = Int(saturated.componentLinks[component][position])
            scratch.linkRemaining[link] = linkCapacity[link]
            scratch.linkUnfixed[link] = UInt32(linkEntries[link].count)
        }
        for position in saturated.componentClasses[component].indices {
            saturated.classFixed[Int(saturated.componentClasses[component][position])] = false
        }
        while true {
            var bottleneck = -1
            var smallest = Double.infinity
            for position in 0..<links {
                let link = Int(saturated.componentLinks[component][position])
                let unfixed = scratch.linkUnfixed[link]
                guard unfixed > 0 else { continue }
                let share = Swift.max(0, scratch.linkRemaining[link]) / Double(unfixed)
                if bottleneck < 0 || share < smallest {
                    bottleneck = link
                    smallest = share
                }
            }
            guard bottleneck >= 0 else { break }
            for slot in saturated.linkClasses[bottleneck] {
                let flowClass = Int(slot)
                let flows = saturated.classFlows[flowClass]
                guard flows > 0, !saturated.classFixed[flowClass] else { continue }
                saturated.classFixed[flowClass] = true
                saturated.classNewRate[flowClass] = smallest
                saturated.classNewBottleneck[flowClass] = UInt32(bottleneck)
                for link in saturated.classLinks[flowClass] {
                    if saturated.roundCount[Int(link)] == 0 { saturated.touched.append(link) }
                    saturated.roundCount[Int(link)] += UInt32(flows)
                }
            }
            for link in saturated.touched {
                let index = Int(link)
                let fixed = saturated.roundCount[index]
                scratch.linkRemaining[index] -= smallest * Double(fixed)
                scratch.linkUnfixed[index] -= fixed
                saturated.roundCount[index] = 0
            }
            saturated.touched.removeAll(keepingCapacity: true)
        }
        return privateLinksAllowClassRates(component)
    }

    /// Whether every class of `component` with flows has a positive new rate that none of
    /// its private links limits. O(C) plus stale heap entries popped.
    mutating func privateLinksAllowClassRates(_ component: Int) -> Bool {
        for position in saturated.componentClasses[component].indices {
            let flowClass = Int(saturated.componentClasses[component][position])
            guard saturated.classFlows[flowClass] > 0 else { continue }
            let rate = saturated.classNewRate[flowClass]
            guard rate > 0 else { return false }
            // A private link that came after the class's old rate comes after a lower one.
            let oldRate = saturated.classRate[flowClass]
            let sameBottleneck = saturated.classNewBottleneck[flowClass] == saturated.classBottleneck[flowClass]
            if rate < oldRate || (rate == oldRate && sameBottleneck) { continue }
            while let top = saturated.classPrivateLinks[flowClass].min,
                !isLive(flow: top.flow, generation: top.generation, inClass: flowClass)
            {
                _ = saturated.classPrivateLinks[flowClass].popMin()
            }
            if let top = saturated.classPrivateLinks[flowClass].min,
                !Self.comesAfter(
                    capacity: top.capacity,
                    link: top.link,
                    share: rate,
                    bottleneck: saturated.classNewBottleneck[flowClass]
                )
            {
                return false
            }
        }
        return true
    }

    /// Gives `component`'s classes the rates ``computeClassRates(_:)`` found, at
    /// `nanoseconds`, and refreshes the completion entry of each class whose rate changed and
    /// of `alsoRefresh` (a class that gained or lost a flow).
    mutating func applyClassRates(_ component: Int, at nanoseconds: Int64, alsoRefresh: Int) {
        for position in saturated.componentClasses[component].indices {
            let flowClass = Int(saturated.componentClasses[component][position])
            guard saturated.classFlows[flowClass] > 0 else { continue }
            saturated.classBottleneck[flowClass] = saturated.classNewBottleneck[flowClass]
            let rate = saturated.classNewRate[flowClass]
            if rate != saturated.classRate[flowClass] {
                advanceVirtualWork(ofClass: flowClass, to: nanoseconds)
                saturated.classRate[flowClass] = rate
                refreshClassHead(flowClass)
            } else if flowClass == alsoRefresh {
                refreshClassHead(flowClass)
            }
        }
        if saturated.classFlows[alsoRefresh] == 0 { refreshClassHead(alsoRefresh) }
    }

    /// Adds slot `index` to `flowClass`'s heaps, its progress read off the class's virtual
    /// work from now on. The class's virtual work must be advanced to the flow's start.
    mutating func addToClass(_ index: Int, _ flowClass: Int) {
        let generation = flowGeneration[index]
        flowSaturatedClass[index] = UInt32(flowClass)
        flowVirtualStart[index] = saturated.classVirtual[flowClass]
        flowCompletionStamp[index] &+= 1
        saturated.classFinishes[flowClass].insert(
            VirtualFinishEntry(finish: virtualFinish(of: index), flow: UInt32(index), generation: generation)
        )
        for link in flowPath[index] where !saturated.isShared(Int(link)) {
            saturated.classPrivateLinks[flowClass].insert(
                PrivateLinkEntry(
                    capacity: linkCapacity[Int(link)],
                    link: link,
                    flow: UInt32(index),
                    generation: generation
                )
            )
        }
    }

    // MARK: Flows joining and leaving

    /// Adds new slot `index` (already on its links' entries) to the saturated component its
    /// path crosses, at `nanoseconds`, if the result is still saturated mode: its shared
    /// links are all of one component, each of its other links carries only this flow and
    /// does not limit it, and the class rates stay positive. Returns whether it did;
    /// O(p + L² + C·k + log F) when it does. When it does not, the component has left
    /// saturated mode if the flow touched it.
    mutating func joinSaturatedComponent(_ index: Int, at nanoseconds: Int64) -> Bool {
        guard saturated.count > 0 else { return false }
        var component = UInt32.max
        saturated.key.removeAll(keepingCapacity: true)
        var breaksStructure = false
        for link in flowPath[index] {
            let owner = saturated.linkComponent[Int(link)]
            if owner == UInt32.max {
                if linkEntries[Int(link)].count != 1 { breaksStructure = true }
            } else if component == UInt32.max || component == owner {
                component = owner
                saturated.key.append(link)
            } else {
                breaksStructure = true
            }
        }
        guard component != UInt32.max else { return false }
        guard !breaksStructure else { return false }
        saturated.sortKey()
        let flowClass: Int
        if let existing = saturated.findClassOfKey() {
            flowClass = existing
        } else if saturated.componentClasses[Int(component)].count < SaturatedComponents.maximumClasses {
            flowClass = saturated.makeClass(in: Int(component), at: nanoseconds)
        } else {
            return false
        }
        saturated.classFlows[flowClass] += 1
        saturated.componentFlows[Int(component)] += 1
        guard computeClassRates(Int(component)), joinerIsUnlimited(index, flowClass) else {
            return false
        }
        advanceVirtualWork(ofClass: flowClass, to: nanoseconds)
        addToClass(index, flowClass)
        applyClassRates(Int(component), at: nanoseconds, alsoRefresh: flowClass)
        lastRecomputedFlowCount = 1
        lastRecomputedLinkCount = flowPath[index].count
        return true
    }

    /// Whether no private link of joining slot `index` limits it at the rate its class gets.
    func joinerIsUnlimited(_ index: Int, _ flowClass: Int) -> Bool {
        let rate = saturated.classNewRate[flowClass]
        let bottleneck = saturated.classNewBottleneck[flowClass]
        for link in flowPath[index] where !saturated.isShared(Int(link)) {
            guard Self.comesAfter(capacity: linkCapacity[Int(link)], link: link, share: rate, bottleneck: bottleneck)
            else { return false }
        }
        return true
    }

    /// Ends slot `index`, a flow of a saturated component, at `nanoseconds` and returns its
    /// delivered bytes (at most its size). The component stays in saturated mode if it keeps
    /// enough flows and its classes' rates stay unlimited by private links; otherwise it
    /// leaves the mode and its flows are recomputed the general way. O(p + L² + C·k + log F)
    /// amortised while the mode holds.
    mutating func endSaturatedFlow(_ index: Int, at time: SimTime) -> Double {
        let nanoseconds = time.nanoseconds
        let flowClass = Int(flowSaturatedClass[index])
        let component = Int(saturated.linkComponent[Int(saturated.classLinks[flowClass][0])])
        advanceVirtualWork(ofClass: flowClass, to: nanoseconds)
        flowDeliveredBytes[index] += saturated.classVirtual[flowClass] - flowVirtualStart[index]
        flowUpdatedAt[index] = nanoseconds
        let delivered = Swift.min(flowDeliveredBytes[index], flowTotalBytes[index])
        scratch.seeds.removeAll(keepingCapacity: true)
        unlinkPath(of: index)
        flowSaturatedClass[index] = UInt32.max
        flowActive[index] = false
        flowRate[index] = 0
        flowCompletionStamp[index] &+= 1
        freeFlowSlots.append(UInt32(index))
        activeFlowCount -= 1
        saturated.classFlows[flowClass] -= 1
        saturated.componentFlows[component] -= 1
        if saturated.componentFlows[component] >= Self.saturatedModeExitFlows, computeClassRates(component) {
            applyClassRates(component, at: nanoseconds, alsoRefresh: flowClass)
            compactClassHeapsIfSparse(flowClass)
            lastRecomputedFlowCount = 1
            lastRecomputedLinkCount = flowPath[index].count
            dropStaleCompletions()
            compactCompletionsIfSparse()
        } else {
            leaveSaturatedMode(component, at: nanoseconds)
            recomputeComponent(at: time)
        }
        return delivered
    }

    /// Rebuilds class `flowClass`'s heaps when stale entries outnumber live ones. O(F)
    /// when it runs, amortised O(1) per change.
    mutating func compactClassHeapsIfSparse(_ flowClass: Int) {
        let live = saturated.classFlows[flowClass]
        let finishesSparse = saturated.classFinishes[flowClass].count > 2 * live + 64
        let privateSparse = saturated.classPrivateLinks[flowClass].count > 4 * live + 64
        guard finishesSparse || privateSparse else { return }
        let active = flowActive
        let generations = flowGeneration
        let classes = flowSaturatedClass
        let owner = UInt32(flowClass)
        saturated.classFinishes[flowClass].filter {
            active[Int($0.flow)] && generations[Int($0.flow)] == $0.generation && classes[Int($0.flow)] == owner
        }
        saturated.classPrivateLinks[flowClass].filter {
            active[Int($0.flow)] && generations[Int($0.flow)] == $0.generation && classes[Int($0.flow)] == owner
        }
    }

    // MARK: Entering and leaving the mode

    /// Takes `component` out of saturated mode at `nanoseconds`: settles each of its flows'
    /// progress from its class's virtual work and gives each a completion entry. O(F log H).
    mutating func leaveSaturatedMode(_ component: Int, at nanoseconds: Int64) {
        for slot in saturated.componentClasses[component] {
            advanceVirtualWork(ofClass: Int(slot), to: nanoseconds)
        }
        for position in saturated.componentLinks[component].indices {
            let link = Int(saturated.componentLinks[component][position])
            for entry in linkEntries[link] {
                let index = Int(entry &>> 32)
                let flowClass = flowSaturatedClass[index]
                guard flowClass != UInt32.max else { continue }
                flowDeliveredBytes[index] += saturated.classVirtual[Int(flowClass)] - flowVirtualStart[index]
                flowUpdatedAt[index] = nanoseconds
                flowRate[index] = saturated.classRate[Int(flowClass)]
                flowSaturatedClass[index] = UInt32.max
                refreshCompletion(index)
            }
        }
        saturated.discard(component)
    }

    /// Takes every component out of saturated mode at `nanoseconds`.
    mutating func leaveEverySaturatedMode(at nanoseconds: Int64) {
        guard saturated.count > 0 else { return }
        for link in linkCapacity.indices where saturated.isShared(link) {
            leaveSaturatedMode(Int(saturated.linkComponent[link]), at: nanoseconds)
        }
    }

    /// Puts the component just recomputed (`scratch.componentLinks` and `componentFlows`)
    /// into saturated mode at `nanoseconds` if it qualifies: at least
    /// ``saturatedModeEntryFlows`` flows, at most ``SaturatedComponents/maximumSharedLinks``
    /// links carrying two or more flows and ``SaturatedComponents/maximumClasses`` classes,
    /// and rates over classes equal, bit for bit, to those just computed per flow, none
    /// limited by a private link. O(F·(p + C·k) + F log F) when it tries.
    mutating func enterSaturatedModeIfEligible(at nanoseconds: Int64) {
        guard scratch.componentFlows.count >= Self.saturatedModeEntryFlows else { return }
        var shared = 0
        for link in scratch.componentLinks where linkEntries[Int(link)].count >= 2 {
            shared += 1
            guard shared <= SaturatedComponents.maximumSharedLinks else { return }
        }
        guard shared > 0 else { return }
        let component = saturated.makeComponent()
        for link in scratch.componentLinks where linkEntries[Int(link)].count >= 2 {
            saturated.componentLinks[component].append(link)
            saturated.linkComponent[Int(link)] = UInt32(component)
        }
        saturated.componentLinks[component].sort()
        // Classes, then the rates over classes, checked against the per-flow rates.
        for flow in scratch.componentFlows {
            let index = Int(flow)
            saturated.key.removeAll(keepingCapacity: true)
            for link in flowPath[index] where saturated.isShared(Int(link)) { saturated.key.append(link) }
            saturated.sortKey()
            let flowClass: Int
            if let existing = saturated.findClassOfKey() {
                flowClass = existing
            } else if saturated.componentClasses[component].count < SaturatedComponents.maximumClasses {
                flowClass = saturated.makeClass(in: component, at: nanoseconds)
            } else {
                saturated.discard(component)
                return
            }
            saturated.classFlows[flowClass] += 1
            saturated.componentFlows[component] += 1
        }
        guard computeClassRates(component) else {
            saturated.discard(component)
            return
        }
        for flow in scratch.componentFlows {
            let index = Int(flow)
            saturated.key.removeAll(keepingCapacity: true)
            for link in flowPath[index] where saturated.isShared(Int(link)) { saturated.key.append(link) }
            saturated.sortKey()
            guard let flowClass = saturated.findClassOfKey(),
                saturated.classNewRate[flowClass] == flowRate[index],
                joinerIsUnlimited(index, flowClass)
            else {
                saturated.discard(component)
                return
            }
        }
        for slot in saturated.componentClasses[component] {
            let flowClass = Int(slot)
            saturated.classRate[flowClass] = saturated.classNewRate[flowClass]
            saturated.classBottleneck[flowClass] = saturated.classNewBottleneck[flowClass]
        }
        for flow in scratch.componentFlows {
            let index = Int(flow)
            settle(index, at: nanoseconds)
            saturated.key.removeAll(keepingCapacity: true)
            for link in flowPath[index] where saturated.isShared(Int(link)) { saturated.key.append(link) }
            saturated.sortKey()
            if let flowClass = saturated.findClassOfKey() { addToClass(index, flowClass) }
        }
        for slot in saturated.componentClasses[component] { refreshClassHead(Int(slot)) }
    }
}
