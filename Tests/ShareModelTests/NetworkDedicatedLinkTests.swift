import SimCore
import Testing

@testable import ShareModel

/// Dedicated links (a client's own line) and the slack fast path: rates equal the
/// full-recompute oracle bit for bit after every change, and the fast path is taken where the
/// other links have room.
@Suite("Network: dedicated links and the slack fast path")
struct NetworkDedicatedLinkTests {
    /// A random sequence over `shared` links and a pool of dedicated links: flows start over a
    /// free dedicated link (most of them) and 1...3 shared links, end, and links change
    /// capacity, including dedicated links in use. Returns how many starts and ends took the
    /// fast path, and how many changes there were. `lineShare` of the flows have a line; the
    /// rates are checked against the oracle after every `checkEvery`-th change and the last.
    static func run(
        seed: UInt64,
        steps: Int,
        sharedCapacity: Double,
        flowsBeforeEnding: Int,
        lineShare: Double = 0.9,
        checkEvery: Int = 1
    ) -> (
        fast: Int, changes: Int
    ) {
        var random = RandomStream(seed: seed, name: "network.dedicated")
        var network = FlowNetwork()
        let sharedCount = 6
        var shared: [LinkID] = []
        for _ in 0..<sharedCount {
            shared.append(try! network.addLink(capacityBitsPerSecond: sharedCapacity * (0.5 + random.nextUnit())))
        }
        var idleLines: [LinkID] = []
        var lineOf: [UInt32: LinkID] = [:]
        var time = SimTime.zero
        var fast = 0
        for step in 0..<steps {
            time += .nanoseconds(random.nextInt(below: 20_000_000))
            let active = network.activeFlows
            let roll = random.nextUnit()
            if roll < 0.6 || active.count < flowsBeforeEnding {
                var path = NetworkDifferentialTests.randomPath(&random, linkCount: sharedCount, maxLength: 3)
                    .map { shared[Int($0.index)] }
                var line: LinkID?
                if random.nextUnit() < lineShare {
                    let capacity = [2e6, 20e6, 100e6, 1e9][Int(random.nextInt(below: 4))]
                    let link = idleLines.popLast() ?? (try! network.addDedicatedLink(capacityBitsPerSecond: capacity))
                    try! network.setCapacity(capacity, of: link, at: time)
                    path.append(link)
                    line = link
                }
                let flow = try! network.startFlow(path: path, bytes: 1e5 + random.nextUnit() * 1e7, at: time)
                if let line { lineOf[flow.index] = line }
                if network.lastRecomputedFlowCount == 1 && line != nil { fast += 1 }
            } else if roll < 0.93 {
                let flow = active[Int(random.nextInt(below: UInt64(active.count)))]
                network.endFlow(flow, at: time)
                if network.lastRecomputedFlowCount == 0 { fast += 1 }
                if let line = lineOf.removeValue(forKey: flow.index) { idleLines.append(line) }
            } else if let busy = lineOf.values.sorted().first, random.nextUnit() < 0.5 {
                try! network.setCapacity(
                    random.nextUnit() < 0.2 ? 0 : 1e6 + random.nextUnit() * 1e8,
                    of: busy,
                    at: time
                )
            } else {
                let link = shared[Int(random.nextInt(below: UInt64(sharedCount)))]
                try! network.setCapacity(sharedCapacity * (0.2 + random.nextUnit()), of: link, at: time)
            }
            // The oracle check costs O(F²): with hundreds of flows, every few steps (a wrong rate
            // stays until its component is recomputed, so it is still seen).
            guard step % checkEvery == 0 || step == steps - 1 else { continue }
            let (exact, total) = NetworkDifferentialTests.checkInvariants(network, seed: seed, step: step)
            #expect(exact == total, "seed \(seed) step \(step): \(total - exact) rates differ from the oracle")
        }
        return (fast, steps)
    }

    @Test(
        "roomy shared links, every flow lined: rates equal the oracle and most changes take the fast path",
        arguments: 0..<6
    )
    func roomy(seed: UInt64) {
        let (fast, changes) = Self.run(
            seed: seed,
            steps: 150,
            sharedCapacity: 1e11,
            flowsBeforeEnding: 5,
            lineShare: 1
        )
        #expect(fast > changes / 2, "only \(fast) of \(changes) changes took the fast path")
    }

    @Test("tight shared links: rates equal the oracle whichever path each change takes", arguments: 0..<6)
    func tight(seed: UInt64) {
        _ = Self.run(seed: seed, steps: 150, sharedCapacity: 2e8, flowsBeforeEnding: 5)
    }

    @Test("hundreds of lined flows on one link, in and out of saturated mode, equal the oracle")
    func saturatedAndSlack() {
        _ = Self.run(seed: 99, steps: 600, sharedCapacity: 3e9, flowsBeforeEnding: 200, checkEvery: 8)
    }

    @Test("a dedicated link carries one flow at a time")
    func oneFlowAtATime() throws {
        var network = FlowNetwork()
        let line = try network.addDedicatedLink(capacityBitsPerSecond: 1e8)
        let egress = try network.addLink(capacityBitsPerSecond: 1e10)
        #expect(network.isDedicated(line) && !network.isDedicated(egress))
        let flow = try network.startFlow(path: [egress, line], bytes: 1e6, at: .zero)
        #expect(network.rate(of: flow) == 1e8)
        #expect(network.lastRecomputedFlowCount == 1)
        #expect(throws: SpecError.self) { try network.startFlow(path: [line], bytes: 1e6, at: .zero) }
        // 1e6 bytes at 100 Mbit/s: 80 ms exactly.
        #expect(network.nextCompletion()?.time == SimTime(nanoseconds: 80_000_000))
    }
}
