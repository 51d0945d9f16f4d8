public import SimCore

/// A flow-level network: links with capacities, and transfers (flows) over paths of links
/// whose rates are max-min fair.
///
/// Units: capacities and rates are in **bits per second**; transfer sizes and progress are in
/// **bytes** (a flow at 8,000,000 bit/s delivers 1,000,000 bytes per second). Times are
/// ``SimTime`` instants (integer nanoseconds).
///
/// Rates follow progressive filling (water-filling): the most constrained link (smallest
/// remaining capacity per unfixed flow) fixes the rate of all its unfixed flows at that
/// share, its capacity is taken off the other links those flows cross, and so on. When a
/// flow starts or ends, or a capacity changes, only the flows in the affected connected
/// component of the "shares a link" graph are recomputed; ``recomputeAllRates(at:)`` is the
/// full-recompute oracle, a separate and simpler implementation that gives the same rates.
///
/// Saturated links are handled without touching their flows one by one: a component of at
/// least 128 flows whose rates are set by at most 64 shared links (links carrying two or more
/// flows; every other link carries one flow and does not limit it) and whose flows fall into
/// at most 32 *classes* (the same shared links) enters saturated mode. Flows of a class have
/// one rate, water-filling runs over classes weighted by their number of flows, progress is
/// read off a per-class virtual work counter (processor sharing), and completions come in
/// order of virtual finish from a per-class heap, so a flow start or end costs
/// O(p + L² + C·k + log F) instead of O(F log F): one saturated egress, or a tree of
/// saturated links, with thousands of flows. Any other change to the component (a capacity
/// change, a second flow on a private link, a private link that would limit its flow, under
/// 64 flows) puts the flows back on per-flow progress and recomputes as usual. Rates are the
/// same bit for bit in both modes (every water-filling takes a round's flows off a link in
/// one subtraction); completion times may differ by a nanosecond of rounding.
///
/// A *dedicated* link (``addDedicatedLink(capacityBitsPerSecond:)``, a client's own line)
/// carries one flow at a time and caps it. A capped flow that starts or ends while every other
/// link on its path has room for the caps of all its flows changes no other rate, and costs
/// O(p) instead of a recompute (see `FlowNetwork+Dedicated`).
///
/// Each flow's delivered bytes advance at its rate between rate changes: the network keeps
/// a per-flow "last update" instant and settles a flow's progress only when its rate
/// changes (SimGrid's lazy update). ``nextCompletion()`` gives the earliest completion at
/// current rates, rounded up to the next nanosecond so no flow completes before its bytes
/// are delivered.
///
/// Storage is a struct of arrays indexed by link and by flow slot; flow slots are reused
/// (last freed, first reused) once a flow ends. Nothing depends on hashing or on
/// dictionary order, so a given sequence of calls always produces the same rates and times.
///
/// ```swift
/// var network = FlowNetwork()
/// let uplink = try network.addLink(capacityBitsPerSecond: 8_000_000)
/// let flow = try network.startFlow(path: [uplink], bytes: 1_000_000, at: .zero)
/// network.nextCompletion()   // (flow, t=1 s)
/// network.endFlow(flow, at: SimTime(.seconds(1)))   // 1,000,000 bytes delivered
/// ```
public struct FlowNetwork: Sendable {
    // MARK: Links (indexed by link)

    /// Capacity per link, in bits per second (≥ 0).
    var linkCapacity: ContiguousArray<Double> = []
    /// The active flows crossing each link, as `flow slot << 32 | hop`, where `hop` is the
    /// link's position on that flow's path. Unordered; removal swaps the last entry in.
    var linkEntries: ContiguousArray<ContiguousArray<UInt64>> = []
    /// Whether each link is dedicated: one flow at a time, its capacity that flow's cap
    /// (see `FlowNetwork+Dedicated`).
    var linkIsDedicated: ContiguousArray<Bool> = []
    /// Per link: the sum of the caps (``demandUnits(ofCap:)``) of its flows that have one.
    var linkLineDemand: ContiguousArray<UInt64> = []
    /// Per link: the number of its flows with no dedicated link (no cap).
    var linkUnlined: ContiguousArray<UInt32> = []

    // MARK: Flows (indexed by flow slot)

    /// Whether the slot holds a flow that has started and not ended.
    var flowActive: ContiguousArray<Bool> = []
    /// The links of each flow's path, in order (kept after the flow ends, until reuse).
    var flowPath: ContiguousArray<ContiguousArray<UInt32>> = []
    /// For each hop of each flow's path, the flow's position in that link's entries.
    var flowHopPosition: ContiguousArray<ContiguousArray<UInt32>> = []
    /// Current rate per flow, in bits per second.
    var flowRate: ContiguousArray<Double> = []
    /// Size per flow, in bytes.
    var flowTotalBytes: ContiguousArray<Double> = []
    /// Bytes delivered by the instant `flowUpdatedAt` (not clamped to the size: a flow
    /// settled after its rounded-up completion time can exceed it by under a nanosecond of
    /// transfer).
    var flowDeliveredBytes: ContiguousArray<Double> = []
    /// The instant each flow's progress was last settled, in nanoseconds.
    var flowUpdatedAt: ContiguousArray<Int64> = []
    /// Bumped whenever a flow's completion entry is replaced or the flow ends.
    var flowCompletionStamp: ContiguousArray<UInt32> = []
    /// Slots of ended flows, reused last-freed first.
    var freeFlowSlots: ContiguousArray<UInt32> = []
    /// The saturated-mode class whose virtual work carries each flow's progress, or
    /// `UInt32.max` (see `SaturatedComponents`).
    var flowSaturatedClass: ContiguousArray<UInt32> = []
    /// The class's virtual work when each flow's progress was last settled into
    /// `flowDeliveredBytes`, in bytes per flow.
    var flowVirtualStart: ContiguousArray<Double> = []
    /// Bumped whenever a flow starts in the slot, so entries for an earlier flow are stale.
    var flowGeneration: ContiguousArray<UInt32> = []
    /// Each flow's cap as counted in its links' demand, or ``uncapped``.
    var flowDemand: ContiguousArray<UInt64> = []

    // MARK: Saturated links

    /// Processor-sharing state of the components in saturated mode.
    var saturated = SaturatedComponents()

    // MARK: Bookkeeping

    /// The number of active flows.
    public internal(set) var activeFlowCount: Int = 0
    /// The latest instant passed to a mutating call; calls may not go back before it.
    public internal(set) var clock: SimTime = .zero
    /// Completion times of active flows with a positive rate (or nothing left), with
    /// stale entries removed lazily; the first entry is always live.
    var completions = MinHeap<CompletionEntry>()
    /// Working storage of the water-filling pass, kept between calls to avoid allocation.
    var scratch = MaxMinScratch()

    /// The number of flows whose rates the last start, end or capacity change recomputed
    /// (the size of the affected component); for tests and diagnostics.
    public internal(set) var lastRecomputedFlowCount: Int = 0
    /// The number of links the last start, end or capacity change visited.
    public internal(set) var lastRecomputedLinkCount: Int = 0

    /// An empty network: no links, no flows, clock at time zero.
    public init() {}

    /// The number of links; valid link ids are `LinkID(0)..<LinkID(linkCount)`.
    public var linkCount: Int { linkCapacity.count }

    // MARK: Links

    /// Adds a link of capacity `capacityBitsPerSecond` (bits per second, finite, ≥ 0; zero
    /// means the link is down) and returns its id. Ids are dense, in order of addition.
    ///
    /// - Throws: ``SpecError`` naming the new link and `capacity`.
    /// - Complexity: O(1) amortised.
    public mutating func addLink(capacityBitsPerSecond: Double) throws(SpecError) -> LinkID {
        let id = UInt32(linkCapacity.count)
        try Self.validate(capacity: capacityBitsPerSecond, link: Int(id))
        precondition(linkCapacity.count < Int(UInt32.max), "more than 4 billion links")
        linkCapacity.append(capacityBitsPerSecond)
        linkEntries.append([])
        linkIsDedicated.append(false)
        linkLineDemand.append(0)
        linkUnlined.append(0)
        scratch.addLink()
        saturated.addLink()
        return LinkID(id)
    }

    /// The capacity of `link`, in bits per second.
    ///
    /// - Precondition: `link` exists.
    public func capacity(of link: LinkID) -> Double {
        precondition(Int(link.index) < linkCapacity.count, "unknown link \(link.index)")
        return linkCapacity[Int(link.index)]
    }

    /// Sets the capacity of `link` to `capacityBitsPerSecond` (bits per second, finite,
    /// ≥ 0) at `time`: 0 fails the link (its flows stall at rate 0), a lower value degrades
    /// it, a higher one restores it. Rates of the flows in the link's component change.
    ///
    /// - Throws: ``SpecError`` naming the link and the field.
    /// - Precondition: `time` is not before ``clock``.
    /// - Complexity: that of a recompute of the component of `link` (see ``startFlow(path:bytes:at:)``).
    public mutating func setCapacity(
        _ capacityBitsPerSecond: Double,
        of link: LinkID,
        at time: SimTime
    ) throws(SpecError) {
        guard Int(link.index) < linkCapacity.count else {
            throw Self.unknownLink(link.index, count: linkCapacity.count)
        }
        try Self.validate(capacity: capacityBitsPerSecond, link: Int(link.index))
        advanceClock(to: time)
        let dedicatedFlow = linkIsDedicated[Int(link.index)] ? linkEntries[Int(link.index)].first : nil
        if let entry = dedicatedFlow { applyDemand(of: Int(entry &>> 32), sign: -1) }
        linkCapacity[Int(link.index)] = capacityBitsPerSecond
        if let entry = dedicatedFlow {
            let index = Int(entry &>> 32)
            flowDemand[index] = demandUnits(ofFlow: index)
            applyDemand(of: index, sign: 1)
        }
        scratch.seeds.removeAll(keepingCapacity: true)
        scratch.seeds.append(link.index)
        recomputeComponent(at: time)
    }

    /// The sum of the rates of the active flows crossing `link`, in bits per second.
    ///
    /// - Complexity: O(flows on `link`).
    public func allocatedRate(on link: LinkID) -> Double {
        precondition(Int(link.index) < linkCapacity.count, "unknown link \(link.index)")
        var sum = 0.0
        for entry in linkEntries[Int(link.index)] { sum += currentRate(Int(entry &>> 32)) }
        return sum
    }

    /// The number of active flows crossing `link`.
    ///
    /// - Complexity: O(1).
    public func flowCount(on link: LinkID) -> Int {
        precondition(Int(link.index) < linkCapacity.count, "unknown link \(link.index)")
        return linkEntries[Int(link.index)].count
    }

    /// The bytes the active flows crossing `link` have delivered by `time`, each counted
    /// from its start (ended flows are not included).
    ///
    /// - Precondition: `time` is not before ``clock``.
    /// - Complexity: O(flows on `link`).
    public func deliveredBytes(over link: LinkID, at time: SimTime) -> Double {
        precondition(Int(link.index) < linkCapacity.count, "unknown link \(link.index)")
        var sum = 0.0
        for entry in linkEntries[Int(link.index)] {
            let index = Int(entry &>> 32)
            sum += min(unclampedDeliveredBytes(of: index, at: time), flowTotalBytes[index])
        }
        return sum
    }

    /// The active flows crossing `link`, in increasing id order.
    ///
    /// - Complexity: O(k log k) for k flows on the link.
    public func flows(on link: LinkID) -> [FlowID] {
        precondition(Int(link.index) < linkCapacity.count, "unknown link \(link.index)")
        return linkEntries[Int(link.index)].map { FlowID(UInt32(truncatingIfNeeded: $0 &>> 32)) }.sorted()
    }

    // MARK: Flows

    /// Starts a transfer of `bytes` bytes over `path` at `time`, and returns its id.
    ///
    /// The path lists each link at most once, in order, and crosses no dedicated link that
    /// already carries a flow; `bytes` is finite and ≥ 0 (a zero-byte flow completes at once).
    /// The new flow's component is recomputed, unless the flow is capped by a dedicated link
    /// and every other link on its path has room for it (then O(p)).
    ///
    /// - Throws: ``SpecError`` naming `path`, `path[i]` or `bytes`.
    /// - Precondition: `time` is not before ``clock``.
    /// - Complexity: O(p) to validate and insert a path of p links, then a component
    ///   recompute: O(E + (L + E) log(L + E)) where L is the number of links and E the sum
    ///   of path lengths of the flows in the affected component, plus O(log H) per flow
    ///   whose rate changed (H: completion entries). Flows outside the component are not
    ///   touched.
    @discardableResult
    public mutating func startFlow(path: [LinkID], bytes: Double, at time: SimTime) throws(SpecError) -> FlowID {
        try validate(path: path)
        try SpecError.requireNonNegative(bytes, SpecElement(.flow), .bytes)
        advanceClock(to: time)
        let slot: UInt32
        if let reused = freeFlowSlots.popLast() {
            slot = reused
            flowPath[Int(slot)].removeAll(keepingCapacity: true)
            flowHopPosition[Int(slot)].removeAll(keepingCapacity: true)
        } else {
            precondition(flowActive.count < Int(UInt32.max), "more than 4 billion flow slots")
            slot = UInt32(flowActive.count)
            flowActive.append(false)
            flowPath.append([])
            flowHopPosition.append([])
            flowRate.append(0)
            flowTotalBytes.append(0)
            flowDeliveredBytes.append(0)
            flowUpdatedAt.append(0)
            flowCompletionStamp.append(0)
            flowSaturatedClass.append(UInt32.max)
            flowVirtualStart.append(0)
            flowGeneration.append(0)
            flowDemand.append(0)
            scratch.addFlow()
        }
        let index = Int(slot)
        flowActive[index] = true
        flowRate[index] = 0
        flowTotalBytes[index] = bytes
        flowDeliveredBytes[index] = 0
        flowUpdatedAt[index] = time.nanoseconds
        flowGeneration[index] &+= 1
        scratch.seeds.removeAll(keepingCapacity: true)
        for (hop, link) in path.enumerated() {
            let linkIndex = Int(link.index)
            flowPath[index].append(link.index)
            flowHopPosition[index].append(UInt32(linkEntries[linkIndex].count))
            linkEntries[linkIndex].append(UInt64(slot) &<< 32 | UInt64(hop))
            scratch.seeds.append(link.index)
        }
        activeFlowCount += 1
        flowDemand[index] = demandUnits(ofFlow: index)
        if startWithSlack(index) {
            applyDemand(of: index, sign: 1)
            dropStaleCompletions()
            return FlowID(slot)
        }
        applyDemand(of: index, sign: 1)
        if joinSaturatedComponent(index, at: time.nanoseconds) {
            dropStaleCompletions()
            return FlowID(slot)
        }
        recomputeComponent(at: time)
        // A flow whose rate stayed 0 was not refreshed; it still needs an entry if it has
        // nothing to deliver.
        if flowRate[index] == 0 { refreshCompletion(index) }
        dropStaleCompletions()
        return FlowID(slot)
    }

    /// Starts a transfer of `byteCount` bytes (a whole number) over `path` at `time`.
    ///
    /// Same as ``startFlow(path:bytes:at:)`` with a `Double` size; exact up to 2⁵³ bytes.
    @discardableResult
    public mutating func startFlow(
        path: [LinkID],
        byteCount: UInt64,
        at time: SimTime
    ) throws(SpecError) -> FlowID {
        try startFlow(path: path, bytes: Double(byteCount), at: time)
    }

    /// Ends `flow` at `time` (completed or aborted) and returns the bytes it delivered,
    /// at most its size. Its slot may be reused by the next flow that starts, and the rates
    /// of the flows that shared its component are recomputed.
    ///
    /// - Precondition: `flow` is active and `time` is not before ``clock``.
    /// - Complexity: O(p) to unlink a path of p links, then a component recompute (see
    ///   ``startFlow(path:bytes:at:)``).
    @discardableResult
    public mutating func endFlow(_ flow: FlowID, at time: SimTime) -> Double {
        let index = Int(flow.index)
        precondition(isActive(flow), "flow \(flow.index) is not active at \(time)")
        advanceClock(to: time)
        let slack = endsWithSlack(index)
        applyDemand(of: index, sign: -1)
        if flowSaturatedClass[index] != UInt32.max { return endSaturatedFlow(index, at: time) }
        settle(index, at: time.nanoseconds)
        let delivered = min(flowDeliveredBytes[index], flowTotalBytes[index])
        scratch.seeds.removeAll(keepingCapacity: true)
        unlinkPath(of: index)
        flowActive[index] = false
        flowRate[index] = 0
        flowCompletionStamp[index] &+= 1
        freeFlowSlots.append(flow.index)
        activeFlowCount -= 1
        if slack {
            lastRecomputedFlowCount = 0
            lastRecomputedLinkCount = flowPath[index].count
            dropStaleCompletions()
            compactCompletionsIfSparse()
            return delivered
        }
        recomputeComponent(at: time)
        return delivered
    }

    /// Removes slot `index` from the entries of every link on its path, and adds those
    /// links to `scratch.seeds`. O(p) for a path of p links.
    mutating func unlinkPath(of index: Int) {
        for hop in flowPath[index].indices {
            let link = Int(flowPath[index][hop])
            let position = Int(flowHopPosition[index][hop])
            let last = linkEntries[link].removeLast()
            if position < linkEntries[link].count {
                linkEntries[link][position] = last
                let moved = Int(last &>> 32)
                let movedHop = Int(last & 0xffff_ffff)
                flowHopPosition[moved][movedHop] = UInt32(position)
            }
            scratch.seeds.append(UInt32(link))
        }
    }

    /// Whether `flow` has started and not ended.
    public func isActive(_ flow: FlowID) -> Bool {
        Int(flow.index) < flowActive.count && flowActive[Int(flow.index)]
    }

    /// The active flows, in increasing id order.
    ///
    /// - Complexity: O(flow slots).
    public var activeFlows: [FlowID] {
        flowActive.indices.compactMap { flowActive[$0] ? FlowID(UInt32($0)) : nil }
    }

    /// The current rate of `flow`, in bits per second (0 if it is stalled on a failed link).
    ///
    /// - Precondition: `flow` is active.
    public func rate(of flow: FlowID) -> Double {
        precondition(isActive(flow), "flow \(flow.index) is not active")
        return currentRate(Int(flow.index))
    }

    /// The links of `flow`'s path, in order.
    ///
    /// - Precondition: `flow` is active.
    public func path(of flow: FlowID) -> [LinkID] {
        precondition(isActive(flow), "flow \(flow.index) is not active")
        return flowPath[Int(flow.index)].map(LinkID.init)
    }

    /// The size of `flow`, in bytes.
    ///
    /// - Precondition: `flow` is active.
    public func totalBytes(of flow: FlowID) -> Double {
        precondition(isActive(flow), "flow \(flow.index) is not active")
        return flowTotalBytes[Int(flow.index)]
    }

    /// The bytes `flow` has delivered by `time`, in `0...totalBytes(of: flow)`.
    ///
    /// - Precondition: `flow` is active and `time` is not before its last rate change.
    public func deliveredBytes(of flow: FlowID, at time: SimTime) -> Double {
        min(unclampedDeliveredBytes(of: Int(flow.index), at: time), flowTotalBytes[Int(flow.index)])
    }

    /// The bytes `flow` still has to deliver at `time`, in `0...totalBytes(of: flow)`.
    ///
    /// - Precondition: `flow` is active and `time` is not before its last rate change.
    public func remainingBytes(of flow: FlowID, at time: SimTime) -> Double {
        max(0, flowTotalBytes[Int(flow.index)] - unclampedDeliveredBytes(of: Int(flow.index), at: time))
    }

    /// The earliest completion among active flows at current rates: the flow and the first
    /// nanosecond at which all its bytes are delivered (rounded up). Ties go to the lower
    /// flow id. Nil when no flow can complete (none active, or all stalled at rate 0).
    ///
    /// A completed flow stays active, and keeps its share, until ``endFlow(_:at:)``.
    ///
    /// - Complexity: O(1).
    public func nextCompletion() -> (flow: FlowID, time: SimTime)? {
        guard let first = completions.min else { return nil }
        return (FlowID(first.flow), SimTime(nanoseconds: first.time))
    }

    /// When `flow` completes at its current rate, rounded up to the nanosecond; nil if it
    /// is stalled (rate 0) with bytes left.
    ///
    /// - Precondition: `flow` is active.
    public func completionTime(of flow: FlowID) -> SimTime? {
        precondition(isActive(flow), "flow \(flow.index) is not active")
        return completionNanoseconds(Int(flow.index)).map(SimTime.init(nanoseconds:))
    }

    // MARK: Internals

    static func validate(capacity: Double, link: Int) throws(SpecError) {
        try SpecError.requireNonNegative(capacity, SpecElement(.link, index: link), .capacity)
    }

    /// The error for a link index at or beyond `count`.
    static func unknownLink(_ index: UInt32, count: Int) -> SpecError {
        SpecError(
            SpecElement(.link, index: Int(index)),
            .link,
            .other("is unknown (the network has \(count) links, 0..<\(count))")
        )
    }

    /// Checks that `path` is non-empty, names known links, repeats none, and crosses no
    /// dedicated link that carries a flow. O(p).
    mutating func validate(path: [LinkID]) throws(SpecError) {
        guard !path.isEmpty else {
            throw SpecError(SpecElement(.flow), .path, .empty)
        }
        let epoch = scratch.nextEpoch()
        for (position, link) in path.enumerated() {
            guard Int(link.index) < linkCapacity.count else {
                throw SpecError(
                    SpecElement(.flow),
                    .path.at(position),
                    .other("names unknown link \(link.index) (the network has \(linkCapacity.count) links)")
                )
            }
            guard scratch.linkMark[Int(link.index)] != epoch else {
                throw SpecError(
                    SpecElement(.flow),
                    .path.at(position),
                    .other("lists link \(link.index) more than once")
                )
            }
            scratch.linkMark[Int(link.index)] = epoch
            guard !linkIsDedicated[Int(link.index)] || linkEntries[Int(link.index)].isEmpty else {
                throw SpecError(
                    SpecElement(.flow),
                    .path.at(position),
                    .other("crosses dedicated link \(link.index), which already carries a flow")
                )
            }
        }
    }

    mutating func advanceClock(to time: SimTime) {
        precondition(time >= clock, "network time \(time) is before the last change at \(clock)")
        clock = time
    }

    /// Delivered bytes of slot `index` at `time`, unclamped.
    func unclampedDeliveredBytes(of index: Int, at time: SimTime) -> Double {
        precondition(index < flowActive.count && flowActive[index], "flow \(index) is not active")
        let elapsed = time.nanoseconds - flowUpdatedAt[index]
        precondition(elapsed >= 0, "flow \(index) queried at \(time), before its last update")
        let flowClass = flowSaturatedClass[index]
        if flowClass != UInt32.max {
            return flowDeliveredBytes[index]
                + (virtualWork(ofClass: Int(flowClass), at: time.nanoseconds) - flowVirtualStart[index])
        }
        return flowDeliveredBytes[index] + flowRate[index] * Double(elapsed) / 8e9
    }

    /// Moves slot `index`'s progress to `nanoseconds` at its current rate.
    mutating func settle(_ index: Int, at nanoseconds: Int64) {
        let elapsed = nanoseconds - flowUpdatedAt[index]
        assert(elapsed >= 0, "settling flow \(index) backwards")
        assert(flowSaturatedClass[index] == UInt32.max, "settling flow \(index) of a saturated class")
        if elapsed > 0 {
            flowDeliveredBytes[index] += flowRate[index] * Double(elapsed) / 8e9
        }
        flowUpdatedAt[index] = nanoseconds
    }

    /// The completion instant of slot `index` at its current rate, from its last update.
    func completionNanoseconds(_ index: Int) -> Int64? {
        let flowClass = flowSaturatedClass[index]
        if flowClass != UInt32.max {
            return saturatedCompletionNanoseconds(Int(flowClass), finish: virtualFinish(of: index))
        }
        return Self.completionInstant(
            remaining: flowTotalBytes[index] - flowDeliveredBytes[index],
            rate: flowRate[index],
            from: flowUpdatedAt[index]
        )
    }

    /// The first nanosecond, from `start`, by which `remaining` bytes are delivered at `rate`
    /// bits per second (rounded up); `start` if nothing remains, nil at rate 0.
    static func completionInstant(remaining: Double, rate: Double, from start: Int64) -> Int64? {
        if remaining <= 0 { return start }
        guard rate > 0 else { return nil }
        let nanoseconds = (remaining * 8e9 / rate).rounded(.up)
        guard nanoseconds < 9.0e18 else { return Int64.max }
        let (sum, overflow) = start.addingReportingOverflow(Int64(nanoseconds))
        return overflow ? Int64.max : sum
    }

    /// Replaces slot `index`'s completion entry with one for its current rate.
    mutating func refreshCompletion(_ index: Int) {
        flowCompletionStamp[index] &+= 1
        if let time = completionNanoseconds(index) {
            completions.insert(CompletionEntry(time: time, flow: UInt32(index), stamp: flowCompletionStamp[index]))
        }
    }

    /// Pops stale entries off the top so that ``nextCompletion()`` can read the first one.
    mutating func dropStaleCompletions() {
        while let first = completions.min, !isLive(first) { _ = completions.popMin() }
    }

    /// Rebuilds the completion heap when stale entries outnumber live ones. O(H) when it
    /// runs, amortised O(1) per change.
    mutating func compactCompletionsIfSparse() {
        guard completions.count > 2 * activeFlowCount + 64 else { return }
        let stamps = flowCompletionStamp
        let active = flowActive
        completions.filter { active[Int($0.flow)] && stamps[Int($0.flow)] == $0.stamp }
    }

    func isLive(_ entry: CompletionEntry) -> Bool {
        flowActive[Int(entry.flow)] && flowCompletionStamp[Int(entry.flow)] == entry.stamp
    }
}
