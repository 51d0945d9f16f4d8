public import SimCore

/// Working storage for component discovery and water-filling, sized to the network and
/// reused between recomputes so a recompute allocates nothing once warmed up.
struct MaxMinScratch: Sendable {
    /// The links a change starts from (the changed flow's path, or the changed link).
    var seeds: ContiguousArray<UInt32> = []
    /// Per link: the epoch in which it was last visited.
    var linkMark: ContiguousArray<UInt32> = []
    /// Per flow slot: the epoch in which it was last visited.
    var flowMark: ContiguousArray<UInt32> = []
    /// Per flow slot: the epoch in which its rate was fixed by water-filling.
    var flowFixed: ContiguousArray<UInt32> = []
    /// Per flow slot: the rate water-filling gave it, in bits per second.
    var flowNewRate: ContiguousArray<Double> = []
    /// Per link: capacity not yet given to fixed flows, in bits per second.
    var linkRemaining: ContiguousArray<Double> = []
    /// Per link: flows crossing it whose rate is not fixed yet.
    var linkUnfixed: ContiguousArray<UInt32> = []
    /// Per link: bumped on every change of its share, to spot stale heap entries.
    var linkVersion: ContiguousArray<UInt32> = []
    /// The links of the component being recomputed (also the breadth-first queue).
    var componentLinks: ContiguousArray<UInt32> = []
    /// The flow slots of the component being recomputed.
    var componentFlows: ContiguousArray<UInt32> = []
    /// Candidate bottlenecks by share.
    var shares = MinHeap<LinkShareEntry>()
    /// The current visit epoch.
    var epoch: UInt32 = 0

    mutating func addLink() {
        linkMark.append(0)
        linkRemaining.append(0)
        linkUnfixed.append(0)
        linkVersion.append(0)
    }

    mutating func addFlow() {
        flowMark.append(0)
        flowFixed.append(0)
        flowNewRate.append(0)
    }

    /// A fresh epoch; on wrap-around every mark is cleared so no old mark can match.
    mutating func nextEpoch() -> UInt32 {
        if epoch == UInt32.max {
            for index in linkMark.indices { linkMark[index] = 0 }
            for index in flowMark.indices { flowMark[index] = 0 }
            for index in flowFixed.indices { flowFixed[index] = 0 }
            epoch = 0
        }
        epoch += 1
        return epoch
    }
}

extension FlowNetwork {
    /// Recomputes the rates of the flows in the connected component(s) of the
    /// "shares a link" graph that contain `scratch.seeds`, and settles the progress of each
    /// flow whose rate changes at `time` before changing it.
    ///
    /// Component discovery is breadth-first over links and flows: O(Lc + Ec) for Lc links
    /// and Ec hops (sum of path lengths) in the component. Water-filling keeps a lazy min-heap
    /// of link shares: a link's entry is replaced after each round that fixes some of its
    /// flows, so there are at most Lc + Ec entries, O((Lc + Ec) log(Lc + Ec)) in all. Each flow whose
    /// rate changes costs one settle and an O(log H) completion-heap insert. Flows and links
    /// outside the component are not read.
    ///
    /// The bottleneck order (smallest share, then lowest link index) matches
    /// ``recomputeAllRates(at:)`` and the class water-filling of saturated mode, and all three
    /// take a round's flows off a link in one subtraction (share × their number), so all
    /// three perform the same floating-point operations on each link and give the same rates.
    mutating func recomputeComponent(at time: SimTime) {
        let epoch = scratch.nextEpoch()
        scratch.componentLinks.removeAll(keepingCapacity: true)
        scratch.componentFlows.removeAll(keepingCapacity: true)
        for link in scratch.seeds where scratch.linkMark[Int(link)] != epoch {
            scratch.linkMark[Int(link)] = epoch
            scratch.componentLinks.append(link)
        }
        var next = 0
        while next < scratch.componentLinks.count {
            let link = Int(scratch.componentLinks[next])
            next += 1
            // A saturated component in the component goes back to per-flow progress first.
            if saturated.isShared(link) { leaveSaturatedMode(Int(saturated.linkComponent[link]), at: time.nanoseconds) }
            for entry in linkEntries[link] {
                let flow = Int(entry &>> 32)
                guard scratch.flowMark[flow] != epoch else { continue }
                scratch.flowMark[flow] = epoch
                scratch.componentFlows.append(UInt32(flow))
                for other in flowPath[flow] where scratch.linkMark[Int(other)] != epoch {
                    scratch.linkMark[Int(other)] = epoch
                    scratch.componentLinks.append(other)
                }
            }
        }
        lastRecomputedLinkCount = scratch.componentLinks.count
        lastRecomputedFlowCount = scratch.componentFlows.count

        // Water-filling over the component.
        scratch.shares.removeAll()
        for link in scratch.componentLinks {
            let index = Int(link)
            let unfixed = UInt32(linkEntries[index].count)
            scratch.linkRemaining[index] = linkCapacity[index]
            scratch.linkUnfixed[index] = unfixed
            scratch.linkVersion[index] &+= 1
            if unfixed > 0 {
                scratch.shares.insert(
                    LinkShareEntry(
                        share: linkCapacity[index] / Double(unfixed),
                        link: link,
                        version: scratch.linkVersion[index]
                    )
                )
            }
        }
        while let bottleneck = scratch.shares.popMin() {
            let link = Int(bottleneck.link)
            guard bottleneck.version == scratch.linkVersion[link], scratch.linkUnfixed[link] > 0 else { continue }
            let share = bottleneck.share
            for entry in linkEntries[link] {
                let flow = Int(entry &>> 32)
                guard scratch.flowFixed[flow] != epoch else { continue }
                scratch.flowFixed[flow] = epoch
                scratch.flowNewRate[flow] = share
                for other in flowPath[flow] {
                    if saturated.roundCount[Int(other)] == 0 { saturated.touched.append(other) }
                    saturated.roundCount[Int(other)] += 1
                }
            }
            // The round's flows come off each link they cross at once: share × their number.
            for other in saturated.touched {
                let index = Int(other)
                let fixed = saturated.roundCount[index]
                saturated.roundCount[index] = 0
                scratch.linkRemaining[index] -= share * Double(fixed)
                scratch.linkUnfixed[index] -= fixed
                scratch.linkVersion[index] &+= 1
                if index != link, scratch.linkUnfixed[index] > 0 {
                    scratch.shares.insert(
                        LinkShareEntry(
                            share: Swift.max(0, scratch.linkRemaining[index]) / Double(scratch.linkUnfixed[index]),
                            link: other,
                            version: scratch.linkVersion[index]
                        )
                    )
                }
            }
            saturated.touched.removeAll(keepingCapacity: true)
            assert(scratch.linkUnfixed[link] == 0, "bottleneck link \(link) left flows unfixed")
        }

        // Settle and apply, only where the rate changed (lazy update).
        for flow in scratch.componentFlows {
            let index = Int(flow)
            let newRate = scratch.flowNewRate[index]
            if newRate != flowRate[index] {
                settle(index, at: time.nanoseconds)
                flowRate[index] = newRate
                refreshCompletion(index)
            }
        }
        enterSaturatedModeIfEligible(at: time.nanoseconds)
        dropStaleCompletions()
        compactCompletionsIfSparse()
    }

    /// Recomputes the rate of every active flow by progressive filling over the whole
    /// network at `time`: the full-recompute oracle for the incremental path.
    ///
    /// A separate, deliberately plain implementation: each round scans every link for the
    /// smallest share (remaining capacity over unfixed flows, in bits per second; ties to
    /// the lowest link index), fixes that link's unfixed flows at it and takes share × (flows
    /// fixed) off each link they cross. Progress is settled
    /// at `time` for each flow whose rate changes. It gives the same rates as the incremental
    /// recompute; after any sequence of changes calling it changes no rate. Components in
    /// saturated mode go back to per-flow progress first (a completion time may move by a
    /// nanosecond of rounding).
    ///
    /// - Precondition: `time` is not before ``clock``.
    /// - Complexity: O(L · (L + E)) for L links and E hops over all active flows.
    public mutating func recomputeAllRates(at time: SimTime) {
        advanceClock(to: time)
        leaveEverySaturatedMode(at: time.nanoseconds)
        let rates = fullRecomputeRates()
        for index in flowActive.indices where flowActive[index] && rates[index] != flowRate[index] {
            settle(index, at: time.nanoseconds)
            flowRate[index] = rates[index]
            refreshCompletion(index)
        }
        dropStaleCompletions()
        compactCompletionsIfSparse()
    }

    /// Max-min fair rates of every flow slot by global progressive filling (0 for inactive
    /// slots), in bits per second. Does not change the network.
    ///
    /// - Complexity: O(L · (L + E)).
    func fullRecomputeRates() -> ContiguousArray<Double> {
        var rates = ContiguousArray<Double>(repeating: 0, count: flowActive.count)
        var fixed = ContiguousArray<Bool>(repeating: false, count: flowActive.count)
        var remaining = linkCapacity
        var unfixed = ContiguousArray<Int>(linkEntries.lazy.map(\.count))
        while true {
            var bottleneck = -1
            var smallest = Double.infinity
            for link in remaining.indices where unfixed[link] > 0 {
                let share = Swift.max(0, remaining[link]) / Double(unfixed[link])
                if bottleneck < 0 || share < smallest {
                    bottleneck = link
                    smallest = share
                }
            }
            guard bottleneck >= 0 else { break }
            var fixedOnLink = ContiguousArray<Int>(repeating: 0, count: remaining.count)
            for entry in linkEntries[bottleneck] {
                let flow = Int(entry &>> 32)
                guard !fixed[flow] else { continue }
                fixed[flow] = true
                rates[flow] = smallest
                for other in flowPath[flow] { fixedOnLink[Int(other)] += 1 }
            }
            for link in remaining.indices where fixedOnLink[link] > 0 {
                remaining[link] -= smallest * Double(fixedOnLink[link])
                unfixed[link] -= fixedOnLink[link]
            }
        }
        return rates
    }
}
