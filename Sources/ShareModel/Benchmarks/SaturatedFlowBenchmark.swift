import SimCore

/// A closed loop of transfers over saturated links, driving a ``FlowNetwork`` directly:
/// the workload of `sharesim bench model saturated`.
///
/// Every flow's path is its own private link (1 Gbit/s, never the bottleneck) followed by
/// a shared link. When a flow completes, a new one of random size takes its place on the
/// same shared link, so the number of concurrent flows stays constant. Each completion
/// counts as two flow events (an end and a start).
///
/// ```swift
/// var bench = try SaturatedFlowBenchmark(.singleLink, flows: 10_000, seed: 1)
/// bench.run(completions: 1_000)
/// bench.flowEvents   // 2,000
/// ```
public struct SaturatedFlowBenchmark: Sendable {
    /// The shape of the shared links.
    public enum Topology: String, Sendable, CaseIterable {
        /// One shared link of 10 Gbit/s carrying every flow.
        case singleLink = "single_link"
        /// Four leaf links (1, 1.5, 2 and 4 Gbit/s) feeding one root link of 5 Gbit/s; a
        /// quarter of the flows on each leaf. The first leaf and the root are saturated.
        case tree = "tree"
    }

    /// The network with the flows in progress.
    public private(set) var network = FlowNetwork()
    /// The shape of the shared links.
    public let topology: Topology
    /// The number of concurrent flows.
    public let flowCount: Int
    /// Flow events (starts and ends) handled by ``run(completions:)`` so far.
    public private(set) var flowEvents: Int = 0
    /// Per flow slot: the private link of the flow in it.
    var privateLinkOfFlow: ContiguousArray<LinkID> = []
    /// Per flow slot: the leaf group (index into `groupPaths`) of the flow in it.
    var groupOfFlow: ContiguousArray<UInt8> = []
    /// Per group: the shared links after the private one.
    var groupPaths: [[LinkID]] = []
    /// Draws transfer sizes.
    var random: RandomStream
    /// A path buffer reused for every start.
    var path: [LinkID] = []

    /// Builds the topology and starts `flows` transfers at time zero.
    ///
    /// - Throws: ``SpecError`` if the network rejects a link or a flow (it does not).
    public init(_ topology: Topology, flows: Int, seed: UInt64) throws(SpecError) {
        self.topology = topology
        flowCount = flows
        random = RandomStream(seed: seed, name: "bench.saturated")
        switch topology {
        case .singleLink:
            let shared = try network.addLink(capacityBitsPerSecond: 10e9)
            groupPaths = [[shared]]
        case .tree:
            let root = try network.addLink(capacityBitsPerSecond: 5e9)
            for capacity in [1e9, 1.5e9, 2e9, 4e9] {
                let leaf = try network.addLink(capacityBitsPerSecond: capacity)
                groupPaths.append([leaf, root])
            }
        }
        for flow in 0..<flows {
            let link = try network.addLink(capacityBitsPerSecond: 1e9)
            try start(privateLink: link, group: UInt8(flow % groupPaths.count), at: .zero)
        }
    }

    /// Ends the next `completions` flows to complete, each replaced at once by a new flow
    /// on the same private link and shared links.
    public mutating func run(completions: Int) {
        for _ in 0..<completions {
            guard let (flow, time) = network.nextCompletion() else { return }
            let slot = Int(flow.index)
            let link = privateLinkOfFlow[slot]
            let group = groupOfFlow[slot]
            network.endFlow(flow, at: time)
            do {
                try start(privateLink: link, group: group, at: time)
            } catch {
                preconditionFailure("saturated benchmark: \(error)")
            }
            flowEvents += 2
        }
    }

    /// Starts a flow of 1 to 10 MB over `privateLink` and the shared links of `group`.
    mutating func start(privateLink: LinkID, group: UInt8, at time: SimTime) throws(SpecError) {
        path.removeAll(keepingCapacity: true)
        path.append(privateLink)
        path.append(contentsOf: groupPaths[Int(group)])
        let bytes = Double(1_000_000 + random.nextInt(below: 9_000_000))
        let flow = try network.startFlow(path: path, bytes: bytes, at: time)
        let slot = Int(flow.index)
        if slot >= privateLinkOfFlow.count {
            privateLinkOfFlow.append(contentsOf: repeatElement(privateLink, count: slot + 1 - privateLinkOfFlow.count))
            groupOfFlow.append(contentsOf: repeatElement(0, count: slot + 1 - groupOfFlow.count))
        }
        privateLinkOfFlow[slot] = privateLink
        groupOfFlow[slot] = group
    }
}
