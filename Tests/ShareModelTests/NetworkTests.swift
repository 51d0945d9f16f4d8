import SimCore
import Testing

@testable import ShareModel

/// Exact max-min rates on small topologies, completion times, failures and bad input.
@Suite("Network: max-min rates and completions")
struct NetworkTests {
    static let mbps = 1_000_000.0

    func seconds(_ value: Double) -> SimTime { SimTime(.seconds(value)) }

    @Test("N flows on one shared link get capacity/N each, exactly", arguments: [1, 2, 3, 7, 10, 64])
    func sharedLink(flowCount: Int) throws {
        var network = FlowNetwork()
        let link = try network.addLink(capacityBitsPerSecond: 10 * Self.mbps)
        var flows: [FlowID] = []
        for _ in 0..<flowCount {
            flows.append(try network.startFlow(path: [link], bytes: 1e6, at: .zero))
        }
        for flow in flows {
            #expect(network.rate(of: flow) == 10 * Self.mbps / Double(flowCount))
        }
        #expect(network.lastRecomputedFlowCount == flowCount)
    }

    @Test("parking lot with equal capacities: long and short flows all get C/2", arguments: [1, 2, 5, 12])
    func parkingLotEqual(hops: Int) throws {
        var network = FlowNetwork()
        let capacity = 6 * Self.mbps
        let links = try (0..<hops).map { _ throws(SpecError) in
            try network.addLink(capacityBitsPerSecond: capacity)
        }
        let long = try network.startFlow(path: links, bytes: 1e6, at: .zero)
        let shorts = try links.map { link throws(SpecError) in
            try network.startFlow(path: [link], bytes: 1e6, at: .zero)
        }
        #expect(network.rate(of: long) == capacity / 2)
        for short in shorts { #expect(network.rate(of: short) == capacity / 2) }
    }

    @Test("parking lot with unequal capacities: the smallest link halves, the others give the rest to the short flow")
    func parkingLotUnequal() throws {
        var network = FlowNetwork()
        let links = try [10.0, 4.0, 6.0].map { value throws(SpecError) in
            try network.addLink(capacityBitsPerSecond: value * Self.mbps)
        }
        let long = try network.startFlow(path: links, bytes: 1e6, at: .zero)
        let shorts = try links.map { link throws(SpecError) in
            try network.startFlow(path: [link], bytes: 1e6, at: .zero)
        }
        // Link 1 (4 Mbit/s) is the bottleneck: long = short1 = 2; short0 = 10 - 2; short2 = 6 - 2.
        #expect(network.rate(of: long) == 2 * Self.mbps)
        #expect(network.rate(of: shorts[0]) == 8 * Self.mbps)
        #expect(network.rate(of: shorts[1]) == 2 * Self.mbps)
        #expect(network.rate(of: shorts[2]) == 4 * Self.mbps)
    }

    @Test("two-level water-filling: the tighter link fixes first, the other splits what is left")
    func twoLevels() throws {
        var network = FlowNetwork()
        let wide = try network.addLink(capacityBitsPerSecond: 12 * Self.mbps)
        let narrow = try network.addLink(capacityBitsPerSecond: 5 * Self.mbps)
        let long = try network.startFlow(path: [wide, narrow], bytes: 1e6, at: .zero)
        let wideA = try network.startFlow(path: [wide], bytes: 1e6, at: .zero)
        let wideB = try network.startFlow(path: [wide], bytes: 1e6, at: .zero)
        let narrowOnly = try network.startFlow(path: [narrow], bytes: 1e6, at: .zero)
        // narrow: 5/2 = 2.5 < wide: 12/3 = 4, so long = narrowOnly = 2.5; wide: (12 - 2.5)/2.
        #expect(network.rate(of: long) == 2.5 * Self.mbps)
        #expect(network.rate(of: narrowOnly) == 2.5 * Self.mbps)
        #expect(network.rate(of: wideA) == 4.75 * Self.mbps)
        #expect(network.rate(of: wideB) == 4.75 * Self.mbps)
    }

    @Test("ending one flow moves another flow's bottleneck to a different link")
    func movingBottleneck() throws {
        var network = FlowNetwork()
        let a = try network.addLink(capacityBitsPerSecond: 10 * Self.mbps)
        let b = try network.addLink(capacityBitsPerSecond: 6 * Self.mbps)
        let x = try network.startFlow(path: [a, b], bytes: 1e9, at: .zero)
        let y1 = try network.startFlow(path: [a], bytes: 1e9, at: .zero)
        let y2 = try network.startFlow(path: [a], bytes: 1e9, at: .zero)
        let y3 = try network.startFlow(path: [a], bytes: 1e9, at: .zero)
        let z = try network.startFlow(path: [b], bytes: 1e9, at: .zero)
        // A is the bottleneck of x: 10/4 = 2.5 < 6/2 = 3; z takes the rest of B.
        #expect(network.rate(of: x) == 2.5 * Self.mbps)
        for y in [y1, y2, y3] { #expect(network.rate(of: y) == 2.5 * Self.mbps) }
        #expect(network.rate(of: z) == 3.5 * Self.mbps)
        #expect(network.allocatedRate(on: a) == 10 * Self.mbps)

        network.endFlow(y1, at: seconds(1))
        // Now A offers 10/3 > B's 6/2 = 3: B is x's bottleneck; y2, y3 split A's remaining 7.
        #expect(network.rate(of: x) == 3 * Self.mbps)
        #expect(network.rate(of: z) == 3 * Self.mbps)
        #expect(network.rate(of: y2) == 3.5 * Self.mbps)
        #expect(network.rate(of: y3) == 3.5 * Self.mbps)
        #expect(network.allocatedRate(on: b) == 6 * Self.mbps)
        #expect(network.allocatedRate(on: a) == 10 * Self.mbps)
    }

    @Test("a 1 MB flow alone on an 8 Mbit/s link completes at exactly 1 s")
    func singleFlowCompletion() throws {
        var network = FlowNetwork()
        let link = try network.addLink(capacityBitsPerSecond: 8 * Self.mbps)
        let flow = try network.startFlow(path: [link], byteCount: 1_000_000, at: .zero)
        let next = try #require(network.nextCompletion())
        #expect(next.flow == flow)
        #expect(next.time == SimTime(nanoseconds: 1_000_000_000))
        #expect(network.remainingBytes(of: flow, at: seconds(0.25)) == 750_000)
        #expect(network.deliveredBytes(of: flow, at: seconds(0.25)) == 250_000)
        #expect(network.endFlow(flow, at: next.time) == 1_000_000)
        #expect(network.nextCompletion() == nil)
        #expect(network.activeFlowCount == 0)
    }

    @Test("completion times round up to the next nanosecond, never early")
    func roundingUp() throws {
        var network = FlowNetwork()
        let link = try network.addLink(capacityBitsPerSecond: 3)  // 3 bit/s: 1 byte takes 8/3 s
        let flow = try network.startFlow(path: [link], bytes: 1, at: .zero)
        let time = try #require(network.nextCompletion()).time
        #expect(time == SimTime(nanoseconds: 2_666_666_667))
        #expect(network.remainingBytes(of: flow, at: SimTime(nanoseconds: 2_666_666_666)) > 0)
        #expect(network.remainingBytes(of: flow, at: time) == 0)
    }

    @Test("two flows start together, one ends halfway, the other speeds up and completes at 1.25 s")
    func speedUpAfterEnd() throws {
        var network = FlowNetwork()
        let link = try network.addLink(capacityBitsPerSecond: 8 * Self.mbps)
        let first = try network.startFlow(path: [link], bytes: 1e6, at: .zero)
        let second = try network.startFlow(path: [link], bytes: 1e6, at: .zero)
        #expect(network.nextCompletion()?.time == seconds(2))
        // Halfway through its own transfer time alone (0.5 s at 4 Mbit/s: 250 kB each).
        #expect(network.endFlow(first, at: seconds(0.5)) == 250_000)
        #expect(network.rate(of: second) == 8 * Self.mbps)
        #expect(network.remainingBytes(of: second, at: seconds(0.5)) == 750_000)
        let next = try #require(network.nextCompletion())
        #expect(next.flow == second)
        #expect(next.time == SimTime(nanoseconds: 1_250_000_000))
    }

    @Test("the engine model ends each flow at its exact completion time and re-arms the timer")
    func modelCompletionTimes() throws {
        var network = FlowNetwork()
        let link = try network.addLink(capacityBitsPerSecond: 8 * Self.mbps)
        let model = try FlowNetworkModel(
            network: network,
            transfers: [
                .init(path: [link], bytes: 500_000, start: .zero),
                .init(path: [link], bytes: 1_000_000, start: .zero),
                .init(path: [link], bytes: 1_000_000, start: seconds(3)),
            ]
        )
        var simulation = Simulation(model: model)
        model.scheduleInputs(into: &simulation.scheduler)
        #expect(simulation.runToCompletion() == .exhausted)
        // 4 Mbit/s each: the small one is done at 1 s; the big one has 500 kB left at 8 Mbit/s.
        #expect(simulation.model.completionTimes == [seconds(1), seconds(1.5), seconds(4)])
        #expect(simulation.model.deliveredBytes == [500_000, 1_000_000, 1_000_000])
        #expect(simulation.model.completedCount == 3)
        #expect(simulation.model.network.activeFlowCount == 0)
    }

    @Test("a failed link stalls its flows at rate 0, and a repair resumes them")
    func linkFailureAndRepair() throws {
        var network = FlowNetwork()
        let link = try network.addLink(capacityBitsPerSecond: 8 * Self.mbps)
        let model = try FlowNetworkModel(
            network: network,
            transfers: [.init(path: [link], bytes: 1_000_000, start: .zero)],
            capacityChanges: [
                .init(link: link, capacityBitsPerSecond: 0, time: seconds(0.25)),
                .init(link: link, capacityBitsPerSecond: 4 * Self.mbps, time: seconds(1.25)),
            ]
        )
        var simulation = Simulation(model: model)
        model.scheduleInputs(into: &simulation.scheduler)
        simulation.run(until: seconds(1))
        let flow = try #require(simulation.model.network.activeFlows.first)
        #expect(simulation.model.network.rate(of: flow) == 0)
        #expect(simulation.model.network.nextCompletion() == nil)
        #expect(simulation.model.network.remainingBytes(of: flow, at: seconds(1)) == 750_000)
        simulation.runToCompletion()
        // 750 kB at 4 Mbit/s (500 kB/s) after the repair at 1.25 s: 1.5 s more.
        #expect(simulation.model.completionTimes == [seconds(2.75)])
        #expect(simulation.model.deliveredBytes == [1_000_000])
    }

    @Test("a degraded link slows its flows and moves their completion")
    func degradedLink() throws {
        var network = FlowNetwork()
        let link = try network.addLink(capacityBitsPerSecond: 8 * Self.mbps)
        let flow = try network.startFlow(path: [link], bytes: 1e6, at: .zero)
        try network.setCapacity(2 * Self.mbps, of: link, at: seconds(0.5))
        #expect(network.rate(of: flow) == 2 * Self.mbps)
        // 500 kB left at 250 kB/s.
        #expect(network.nextCompletion()?.time == seconds(2.5))
        #expect(network.capacity(of: link) == 2 * Self.mbps)
    }

    @Test("a zero-byte flow completes at once, even on a failed link")
    func zeroBytes() throws {
        var network = FlowNetwork()
        let link = try network.addLink(capacityBitsPerSecond: 0)
        let flow = try network.startFlow(path: [link], bytes: 0, at: seconds(2))
        #expect(network.rate(of: flow) == 0)
        #expect(network.nextCompletion()?.flow == flow)
        #expect(network.nextCompletion()?.time == seconds(2))
    }

    @Test("a change recomputes only the flows of the affected component")
    func incrementalScope() throws {
        var network = FlowNetwork()
        let a = try network.addLink(capacityBitsPerSecond: 10 * Self.mbps)
        let b = try network.addLink(capacityBitsPerSecond: 10 * Self.mbps)
        let c = try network.addLink(capacityBitsPerSecond: 10 * Self.mbps)
        for _ in 0..<5 { try network.startFlow(path: [a], bytes: 1e6, at: .zero) }
        for _ in 0..<3 { try network.startFlow(path: [b], bytes: 1e6, at: .zero) }
        let lone = try network.startFlow(path: [c], bytes: 1e6, at: .zero)
        #expect(network.lastRecomputedFlowCount == 1)
        #expect(network.lastRecomputedLinkCount == 1)
        // Bridging b and c joins their components, but a stays out.
        try network.startFlow(path: [b, c], bytes: 1e6, at: .zero)
        #expect(network.lastRecomputedFlowCount == 5)
        #expect(network.lastRecomputedLinkCount == 2)
        network.endFlow(lone, at: seconds(0.1))
        #expect(network.lastRecomputedFlowCount == 4)
        try network.setCapacity(5 * Self.mbps, of: a, at: seconds(0.2))
        #expect(network.lastRecomputedFlowCount == 5)
    }

    @Test("ended flows free their slot for the next flow")
    func slotReuse() throws {
        var network = FlowNetwork()
        let link = try network.addLink(capacityBitsPerSecond: 8 * Self.mbps)
        let first = try network.startFlow(path: [link], bytes: 1e6, at: .zero)
        let second = try network.startFlow(path: [link], bytes: 1e6, at: .zero)
        network.endFlow(first, at: .zero)
        #expect(!network.isActive(first))
        let third = try network.startFlow(path: [link], bytes: 2e6, at: .zero)
        #expect(third == first)
        #expect(network.activeFlows == [first, second])
        #expect(network.flows(on: link) == [first, second])
        #expect(network.totalBytes(of: third) == 2e6)
    }

    // MARK: Bad input

    @Test("a negative or non-finite capacity is rejected, naming the link and the field")
    func badCapacity() throws {
        var network = FlowNetwork()
        _ = try network.addLink(capacityBitsPerSecond: 1)
        let error = #expect(throws: SpecError.self) { try network.addLink(capacityBitsPerSecond: -5) }
        #expect(error?.element == SpecElement(.link, index: 1))
        #expect(error?.field == .capacity)
        #expect(error?.problem == .negative(got: "-5.0"))
        #expect(error?.description == "link 2: capacity: must not be negative, got -5.0")
        let infinite = #expect(throws: SpecError.self) { try network.addLink(capacityBitsPerSecond: .infinity) }
        #expect(infinite?.problem == .negative(got: "inf"))
        let degraded = #expect(throws: SpecError.self) {
            try network.setCapacity(-1, of: LinkID(0), at: .zero)
        }
        #expect(degraded?.element == SpecElement(.link, index: 0))
        #expect(degraded?.field == .capacity)
        let unknown = #expect(throws: SpecError.self) { try network.setCapacity(1, of: LinkID(4), at: .zero) }
        #expect(unknown?.message == "is unknown (the network has 1 links, 0..<1)")
        #expect(network.linkCount == 1)
        #expect(network.capacity(of: LinkID(0)) == 1)
    }

    @Test("a path with an unknown link, an empty path or a repeated link is rejected, naming the field")
    func badPaths() throws {
        var network = FlowNetwork()
        let a = try network.addLink(capacityBitsPerSecond: 1e6)
        let b = try network.addLink(capacityBitsPerSecond: 1e6)
        let unknown = #expect(throws: SpecError.self) {
            try network.startFlow(path: [a, b, LinkID(9)], bytes: 1, at: .zero)
        }
        #expect(unknown?.field == .path.at(2))
        #expect(unknown?.description == "flow: path[2]: names unknown link 9 (the network has 2 links)")
        let empty = #expect(throws: SpecError.self) { try network.startFlow(path: [], bytes: 1, at: .zero) }
        #expect(empty?.field == .path)
        #expect(empty?.problem == .empty)
        let repeated = #expect(throws: SpecError.self) {
            try network.startFlow(path: [a, b, a], bytes: 1, at: .zero)
        }
        #expect(repeated?.field.description == "path[2]")
        #expect(repeated?.message == "lists link 0 more than once")
        let negative = #expect(throws: SpecError.self) {
            try network.startFlow(path: [a], bytes: -1, at: .zero)
        }
        #expect(negative?.field == .bytes)
        let notANumber = #expect(throws: SpecError.self) {
            try network.startFlow(path: [a], bytes: .nan, at: .zero)
        }
        #expect(notANumber?.field == .bytes)
        #expect(network.activeFlowCount == 0)
        #expect(network.flows(on: a).isEmpty)
    }

    @Test("the engine model rejects bad transfers and capacity changes before the run")
    func badModelInput() throws {
        var network = FlowNetwork()
        let link = try network.addLink(capacityBitsPerSecond: 1e6)
        let badPath = #expect(throws: SpecError.self) {
            try FlowNetworkModel(network: network, transfers: [.init(path: [link, LinkID(3)], bytes: 1, start: .zero)])
        }
        #expect(badPath?.field.description == "path[1]")
        let badChange = #expect(throws: SpecError.self) {
            try FlowNetworkModel(
                network: network,
                transfers: [],
                capacityChanges: [.init(link: link, capacityBitsPerSecond: -3, time: .zero)]
            )
        }
        #expect(badChange?.element == SpecElement(.link, index: 0))
        #expect(badChange?.field == .capacity)
    }
}
