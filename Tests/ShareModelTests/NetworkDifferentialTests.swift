import SimCore
import Testing

@testable import ShareModel

/// Randomised checks of the incremental recompute against the full-recompute oracle, of
/// the max-min characterisation, and of byte conservation through the engine.
@Suite("Network: randomised differential and conservation")
struct NetworkDifferentialTests {
    /// Capacities drawn from a small set (so ties and failed links happen) or at random.
    static func randomCapacity(_ random: inout RandomStream) -> Double {
        let choices: [Double] = [0, 1e6, 2e6, 5e6, 1e7, 1e7, 1e8]
        if random.nextUnit() < 0.5 { return choices[Int(random.nextInt(below: UInt64(choices.count)))] }
        return 1e5 + random.nextUnit() * 1e8
    }

    /// A path of 1...maxLength distinct links, in random order.
    static func randomPath(_ random: inout RandomStream, linkCount: Int, maxLength: Int = 4) -> [LinkID] {
        let length = 1 + Int(random.nextInt(below: UInt64(maxLength)))
        var path: [LinkID] = []
        while path.count < length {
            let link = LinkID(UInt32(random.nextInt(below: UInt64(linkCount))))
            if !path.contains(link) { path.append(link) }
        }
        return path
    }

    /// Checks the rates against the oracle, capacity limits, the max-min bottleneck
    /// property and the completion heap; returns how many rates matched bit for bit.
    @discardableResult
    static func checkInvariants(_ network: FlowNetwork, seed: UInt64, step: Int) -> (exact: Int, total: Int) {
        var oracle = network
        oracle.recomputeAllRates(at: network.clock)
        let active = network.activeFlows
        var exact = 0
        for flow in active {
            let incremental = network.rate(of: flow)
            let reference = oracle.rate(of: flow)
            if incremental == reference { exact += 1 }
            #expect(
                abs(incremental - reference) <= 1e-9 * max(abs(reference), 1),
                "seed \(seed) step \(step): flow \(flow.index) incremental \(incremental) oracle \(reference)"
            )
        }
        for index in 0..<network.linkCount {
            let link = LinkID(UInt32(index))
            let capacity = network.capacity(of: link)
            #expect(
                network.allocatedRate(on: link) <= capacity * (1 + 1e-9),
                "seed \(seed) step \(step): link \(index) over capacity"
            )
        }
        // Max-min: every flow crosses a saturated link on which no flow is faster.
        for flow in active {
            let rate = network.rate(of: flow)
            let bottlenecked = network.path(of: flow).contains { link in
                let capacity = network.capacity(of: link)
                let saturated = network.allocatedRate(on: link) >= capacity * (1 - 1e-9)
                let fastest = network.flows(on: link).map { network.rate(of: $0) }.max() ?? 0
                return saturated && rate >= fastest * (1 - 1e-9)
            }
            #expect(bottlenecked, "seed \(seed) step \(step): flow \(flow.index) has no bottleneck")
        }
        // The completion heap gives the earliest completion, ties to the lowest id.
        var earliest: (flow: FlowID, time: SimTime)?
        for flow in active {
            guard let time = network.completionTime(of: flow) else { continue }
            if let current = earliest, current.time <= time { continue }
            earliest = (flow, time)
        }
        let next = network.nextCompletion()
        #expect(
            next?.flow == earliest?.flow && next?.time == earliest?.time,
            "seed \(seed) step \(step): next completion"
        )
        return (exact, active.count)
    }

    @Test("incremental rates equal the full recompute after every change", arguments: 0..<40)
    func differential(seedBlock: UInt64) {
        var exactTotal = 0
        var rateTotal = 0
        for seed in (seedBlock * 5)..<(seedBlock * 5 + 5) {
            var random = RandomStream(seed: seed, name: "network.differential")
            var network = FlowNetwork()
            let linkCount = 15 + Int(random.nextInt(below: 11))
            for _ in 0..<linkCount {
                _ = try? network.addLink(capacityBitsPerSecond: Self.randomCapacity(&random))
            }
            var time = SimTime.zero
            for step in 0..<80 {
                time += .nanoseconds(random.nextInt(below: 50_000_000))
                let roll = random.nextUnit()
                let active = network.activeFlows
                if roll < 0.55 || active.isEmpty {
                    let path = Self.randomPath(&random, linkCount: linkCount)
                    let bytes = Double(1 + random.nextInt(below: 10_000_000))
                    _ = try? network.startFlow(path: path, bytes: bytes, at: time)
                } else if roll < 0.9 {
                    network.endFlow(active[Int(random.nextInt(below: UInt64(active.count)))], at: time)
                } else {
                    let link = LinkID(UInt32(random.nextInt(below: UInt64(linkCount))))
                    try? network.setCapacity(Self.randomCapacity(&random), of: link, at: time)
                }
                let (exact, total) = Self.checkInvariants(network, seed: seed, step: step)
                exactTotal += exact
                rateTotal += total
            }
        }
        // The two share bottleneck order and arithmetic order, so they agree bit for bit.
        #expect(exactTotal == rateTotal)
    }

    @Test("after any sequence of changes, the oracle changes no rate and no completion time")
    func oracleIsFixedPoint() throws {
        var random = RandomStream(seed: 7, name: "network.fixedpoint")
        var network = FlowNetwork()
        for _ in 0..<20 { _ = try network.addLink(capacityBitsPerSecond: Self.randomCapacity(&random)) }
        for step in 0..<200 {
            let time = SimTime(nanoseconds: Int64(step) * 1_000_000)
            if step % 3 == 2, let flow = network.activeFlows.first {
                network.endFlow(flow, at: time)
            } else {
                try network.startFlow(path: Self.randomPath(&random, linkCount: 20), bytes: 1e6, at: time)
            }
        }
        var oracle = network
        oracle.recomputeAllRates(at: network.clock)
        for flow in network.activeFlows {
            #expect(oracle.rate(of: flow) == network.rate(of: flow))
            #expect(oracle.completionTime(of: flow) == network.completionTime(of: flow))
        }
    }

    /// A random workload: `count` transfers over a random topology, with link failures
    /// and repairs.
    static func workload(seed: UInt64, count: Int) throws -> FlowNetworkModel {
        var random = RandomStream(seed: seed, name: "network.conservation")
        var network = FlowNetwork()
        let linkCount = 12
        for _ in 0..<linkCount {
            _ = try network.addLink(capacityBitsPerSecond: 1e6 + random.nextUnit() * 1e8)
        }
        var transfers: [FlowNetworkModel.Transfer] = []
        for _ in 0..<count {
            let start = SimTime(nanoseconds: Int64(random.nextInt(below: 20_000_000_000)))
            let bytes = Double(10_000 + random.nextInt(below: 10_000_000))
            transfers.append(.init(path: randomPath(&random, linkCount: linkCount), bytes: bytes, start: start))
        }
        var changes: [FlowNetworkModel.CapacityChange] = []
        for _ in 0..<10 {
            let link = LinkID(UInt32(random.nextInt(below: UInt64(linkCount))))
            let failAt = SimTime(nanoseconds: Int64(random.nextInt(below: 20_000_000_000)))
            changes.append(.init(link: link, capacityBitsPerSecond: 0, time: failAt))
            changes.append(
                .init(
                    link: link,
                    capacityBitsPerSecond: 5e7,
                    time: failAt + .milliseconds(Int64(1 + random.nextInt(below: 2000)))
                )
            )
        }
        return try FlowNetworkModel(network: network, transfers: transfers, capacityChanges: changes)
    }

    @Test("bytes delivered equal bytes requested for every completed flow", arguments: [1, 2, 3] as [UInt64])
    func conservation(seed: UInt64) throws {
        let model = try Self.workload(seed: seed, count: 300)
        var simulation = Simulation(model: model)
        model.scheduleInputs(into: &simulation.scheduler)
        #expect(simulation.runToCompletion() == .exhausted)
        let finished = simulation.model
        #expect(finished.completedCount == 300)
        #expect(finished.network.activeFlowCount == 0)
        var requested = 0.0
        var delivered = 0.0
        for (index, transfer) in finished.transfers.enumerated() {
            let completion = try #require(finished.completionTimes[index])
            #expect(completion >= transfer.start)
            #expect(finished.deliveredBytes[index] == transfer.bytes)
            // Before clamping: never short by more than rounding error, and over by at most
            // one nanosecond of transfer at the fastest link (1e8 bit/s: 0.0125 bytes).
            let unclamped = finished.unclampedDeliveredBytes[index]
            #expect(
                unclamped >= transfer.bytes * (1 - 1e-12),
                "transfer \(index) short: \(unclamped) of \(transfer.bytes)"
            )
            #expect(
                unclamped <= transfer.bytes + 0.0125 + transfer.bytes * 1e-12,
                "transfer \(index) over: \(unclamped)"
            )
            requested += transfer.bytes
            delivered += finished.deliveredBytes[index]
        }
        #expect(delivered == requested)
    }

    @Test("the same seed gives the same completion times, event for event")
    func determinism() throws {
        var runs: [[SimTime?]] = []
        var eventCounts: [UInt64] = []
        for _ in 0..<2 {
            let model = try Self.workload(seed: 11, count: 200)
            var simulation = Simulation(model: model, queue: QuaternaryHeap())
            model.scheduleInputs(into: &simulation.scheduler)
            simulation.runToCompletion()
            runs.append(simulation.model.completionTimes)
            eventCounts.append(simulation.scheduler.eventCount)
        }
        #expect(runs[0] == runs[1])
        #expect(eventCounts[0] == eventCounts[1])
    }
}
