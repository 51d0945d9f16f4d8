import SimCore
import Testing

@testable import ShareModel

/// Randomised checks of saturated links with thousands of flows (one bottleneck, and a
/// tree of bottlenecks) against the full-recompute oracle, and of saturated mode's
/// completion times and byte conservation.
@Suite("Network: saturated links with thousands of flows")
struct NetworkSaturatedTests {
    /// Checks the rates against the oracle (bit for bit, and within the differential
    /// test's tolerance), the completion times against the oracle's (within a nanosecond),
    /// and that the next completion is the earliest one.
    static func checkAgainstOracle(_ network: FlowNetwork, seed: UInt64, step: Int) {
        var oracle = network
        oracle.recomputeAllRates(at: network.clock)
        var exact = 0
        var earliest: SimTime?
        let active = network.activeFlows
        for flow in active {
            let incremental = network.rate(of: flow)
            let reference = oracle.rate(of: flow)
            if incremental == reference { exact += 1 }
            #expect(
                abs(incremental - reference) <= 1e-9 * max(abs(reference), 1),
                "seed \(seed) step \(step): flow \(flow.index) incremental \(incremental) oracle \(reference)"
            )
            let time = network.completionTime(of: flow)
            let referenceTime = oracle.completionTime(of: flow)
            #expect((time == nil) == (referenceTime == nil), "seed \(seed) step \(step): flow \(flow.index) stall")
            if let time, let referenceTime {
                #expect(
                    abs(time.nanoseconds - referenceTime.nanoseconds) <= 1,
                    "seed \(seed) step \(step): flow \(flow.index) completes at \(time), oracle \(referenceTime)"
                )
                if earliest.map({ time < $0 }) ?? true { earliest = time }
            }
        }
        #expect(exact == active.count, "seed \(seed) step \(step): \(active.count - exact) rates not bit for bit")
        #expect(network.nextCompletion()?.time == earliest, "seed \(seed) step \(step): next completion")
    }

    /// A random walk over `shared` bottleneck links (each flow crosses one of `groups` and
    /// its own private link), with arrivals, completions, aborts and capacity changes,
    /// checked against the oracle every `checkEvery` steps. Returns how many steps ran with
    /// a link in saturated mode.
    static func walk(
        seed: UInt64,
        groups: [[LinkID]],
        network initial: FlowNetwork,
        targetFlows: Int,
        steps: Int,
        checkEvery: Int
    ) throws -> Int {
        var network = initial
        var random = RandomStream(seed: seed, name: "network.saturated")
        var privateLinks: [LinkID] = []
        var privateOfFlow: [Int: LinkID] = [:]
        var time = SimTime.zero
        func start(_ network: inout FlowNetwork, _ random: inout RandomStream, at time: SimTime) throws {
            let link: LinkID
            var bytes = Double(random.nextInt(below: 4_000_000))
            if random.nextUnit() < 0.005 {
                // Now and then a short flow on a slow private link, which is its bottleneck.
                link = try network.addLink(capacityBitsPerSecond: 1e5)
                bytes = Double(random.nextInt(below: 1_000))
            } else if let free = privateLinks.popLast() {
                link = free
            } else {
                link = try network.addLink(capacityBitsPerSecond: 1e8 + random.nextUnit() * 1e8)
            }
            let group = groups[Int(random.nextInt(below: UInt64(groups.count)))]
            let flow = try network.startFlow(path: [link] + group, bytes: bytes, at: time)
            privateOfFlow[Int(flow.index)] = link
        }
        func end(_ network: inout FlowNetwork, _ flow: FlowID, at time: SimTime) {
            let delivered = network.endFlow(flow, at: time)
            #expect(delivered >= 0)
            if let link = privateOfFlow.removeValue(forKey: Int(flow.index)), network.capacity(of: link) > 1e6 {
                privateLinks.append(link)
            }
        }
        for _ in 0..<targetFlows { try start(&network, &random, at: time) }
        var saturatedSteps = 0
        for step in 0..<steps {
            let roll = random.nextUnit()
            if roll < 0.45, let next = network.nextCompletion() {
                // Complete every flow that is due, as the engine does.
                time = max(time, next.time)
                while let due = network.nextCompletion(), due.time <= time {
                    let expected = network.totalBytes(of: due.flow)
                    let unclamped = network.unclampedDeliveredBytes(of: Int(due.flow.index), at: time)
                    #expect(unclamped >= expected * (1 - 1e-9) - 1e-6, "seed \(seed) step \(step): short")
                    end(&network, due.flow, at: time)
                }
            } else if roll < 0.9 || network.activeFlowCount < targetFlows / 2 {
                time += .nanoseconds(Int64(random.nextInt(below: 2_000_000)))
                try start(&network, &random, at: time)
            } else if roll < 0.99 {
                time += .nanoseconds(Int64(random.nextInt(below: 2_000_000)))
                let active = network.activeFlows
                end(&network, active[Int(random.nextInt(below: UInt64(active.count)))], at: time)
            } else {
                // Fail, degrade or restore a shared link, or slow down a private one.
                time += .nanoseconds(Int64(random.nextInt(below: 2_000_000)))
                let shared = groups.flatMap { $0 }
                let link = shared[Int(random.nextInt(below: UInt64(shared.count)))]
                let capacity = [0, 2e8, 1e9, 1e9][Int(random.nextInt(below: 4))]
                try network.setCapacity(capacity, of: link, at: time)
            }
            if network.saturated.count > 0 { saturatedSteps += 1 }
            if step % checkEvery == 0 { checkAgainstOracle(network, seed: seed, step: step) }
        }
        checkAgainstOracle(network, seed: seed, step: steps)
        return saturatedSteps
    }

    @Test("one bottleneck with thousands of flows matches the oracle", arguments: [1, 2] as [UInt64])
    func singleBottleneck(seed: UInt64) throws {
        var network = FlowNetwork()
        let shared = try network.addLink(capacityBitsPerSecond: 1e9)
        let targetFlows = 1_000 + Int(seed) * 1_000
        let saturatedSteps = try Self.walk(
            seed: seed,
            groups: [[shared]],
            network: network,
            targetFlows: targetFlows,
            steps: 1_500,
            checkEvery: 30
        )
        // The fast path ran for most of the walk.
        #expect(saturatedSteps > 500)
    }

    @Test("a tree of saturated links with thousands of flows matches the oracle", arguments: [4] as [UInt64])
    func tree(seed: UInt64) throws {
        var network = FlowNetwork()
        let root = try network.addLink(capacityBitsPerSecond: 1e9)
        var groups: [[LinkID]] = []
        for capacity in [1e8, 2e8, 4e8, 8e8] {
            groups.append([try network.addLink(capacityBitsPerSecond: capacity), root])
        }
        let saturatedSteps = try Self.walk(
            seed: seed,
            groups: groups,
            network: network,
            targetFlows: 2_000,
            steps: 1_500,
            checkEvery: 30
        )
        // The fast path ran for most of the walk: the tree is one saturated component.
        #expect(saturatedSteps > 500)
    }

    @Test("a flow joining or leaving a tree of saturated links recomputes no other flow")
    func treeFastPathIsUsed() throws {
        var network = FlowNetwork()
        let root = try network.addLink(capacityBitsPerSecond: 5e9)
        var leaves: [LinkID] = []
        for capacity in [1e9, 1.5e9, 2e9, 4e9] { leaves.append(try network.addLink(capacityBitsPerSecond: capacity)) }
        var flows: [FlowID] = []
        for index in 0..<400 {
            let link = try network.addLink(capacityBitsPerSecond: 1e9)
            flows.append(try network.startFlow(path: [link, leaves[index % 4], root], bytes: 1e6, at: .zero))
        }
        let treeIsSaturated = network.isInSaturatedMode(root) && network.isInSaturatedMode(leaves[0])
        #expect(treeIsSaturated)
        // By hand: leaf 0 is the first bottleneck (1e9 / 100 = 1e7 per flow); the root's
        // remaining 4e9 over 300 flows (1.333e7) comes next, below the other leaves' shares.
        #expect(network.rate(of: flows[0]) == 1e7)
        let rootShare = (5e9 - 1e7 * 100) / 300
        #expect(network.rate(of: flows[1]) == rootShare && network.rate(of: flows[3]) == rootShare)
        let link = try network.addLink(capacityBitsPerSecond: 1e9)
        let late = try network.startFlow(path: [link, leaves[1], root], bytes: 1e6, at: SimTime(nanoseconds: 1_000))
        #expect(network.lastRecomputedFlowCount == 1)
        #expect(network.rate(of: late) == (5e9 - 1e7 * 100) / 301)
        network.endFlow(flows[0], at: SimTime(nanoseconds: 2_000))
        #expect(network.lastRecomputedFlowCount == 1)
        #expect(network.rate(of: flows[4]) == 1e9 / 99)
        #expect(network.rate(of: late) == (5e9 - 1e9 / 99 * 99) / 301)
        Self.checkAgainstOracle(network, seed: 0, step: 0)
        // A private link that would limit its flow takes the tree out of saturated mode.
        let slow = try network.addLink(capacityBitsPerSecond: 1e3)
        _ = try network.startFlow(path: [slow, leaves[2], root], bytes: 1e6, at: SimTime(nanoseconds: 3_000))
        let rootIsSaturated = network.isInSaturatedMode(root)
        #expect(!rootIsSaturated)
        Self.checkAgainstOracle(network, seed: 0, step: 1)
    }

    @Test("a saturated link's flows deliver their bytes through the engine")
    func conservationThroughEngine() throws {
        var network = FlowNetwork()
        let shared = try network.addLink(capacityBitsPerSecond: 1e9)
        var random = RandomStream(seed: 9, name: "network.saturated.engine")
        var transfers: [FlowNetworkModel.Transfer] = []
        for index in 0..<3_000 {
            let link = try network.addLink(capacityBitsPerSecond: 1e9)
            let start = SimTime(nanoseconds: index < 1_000 ? 0 : Int64(random.nextInt(below: 20_000_000_000)))
            let bytes = Double(1 + random.nextInt(below: 2_000_000))
            transfers.append(.init(path: [link, shared], bytes: bytes, start: start))
        }
        let model = try FlowNetworkModel(network: network, transfers: transfers)
        var simulation = Simulation(model: model)
        model.scheduleInputs(into: &simulation.scheduler)
        #expect(simulation.runToCompletion() == .exhausted)
        let finished = simulation.model
        #expect(finished.completedCount == transfers.count)
        for (index, transfer) in transfers.enumerated() {
            let unclamped = finished.unclampedDeliveredBytes[index]
            #expect(unclamped >= transfer.bytes * (1 - 1e-9), "transfer \(index) short: \(unclamped)")
            #expect(unclamped <= transfer.bytes * (1 + 1e-9) + 0.125, "transfer \(index) over: \(unclamped)")
            #expect(finished.deliveredBytes[index] == transfer.bytes)
        }
    }

    @Test("a flow joining or leaving a saturated link recomputes no other flow")
    func fastPathIsUsed() throws {
        var network = FlowNetwork()
        let shared = try network.addLink(capacityBitsPerSecond: 1e9)
        var flows: [FlowID] = []
        for _ in 0..<300 {
            let link = try network.addLink(capacityBitsPerSecond: 1e9)
            flows.append(try network.startFlow(path: [link, shared], bytes: 1e6, at: .zero))
        }
        let sharedIsSaturated = network.isInSaturatedMode(shared)
        #expect(sharedIsSaturated)
        let link = try network.addLink(capacityBitsPerSecond: 1e9)
        let late = try network.startFlow(path: [link, shared], bytes: 1e6, at: SimTime(nanoseconds: 1_000))
        #expect(network.lastRecomputedFlowCount == 1)
        #expect(network.rate(of: late) == 1e9 / 301)
        network.endFlow(flows[0], at: SimTime(nanoseconds: 2_000))
        #expect(network.lastRecomputedFlowCount == 1)
        #expect(network.rate(of: late) == 1e9 / 300)
        // A second flow on a private link makes it shared: the component leaves saturated
        // mode, is recomputed flow by flow, and enters it again with three classes.
        _ = try network.startFlow(path: [link], bytes: 1e6, at: SimTime(nanoseconds: 3_000))
        #expect(network.lastRecomputedFlowCount == 301)
        let linkIsShared = network.isInSaturatedMode(link)
        #expect(linkIsShared)
        Self.checkAgainstOracle(network, seed: 0, step: 0)
    }
}
