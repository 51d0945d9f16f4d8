import Testing

@testable import ShareModel
@testable import SimCore

/// Links drawn in the scenario and the paths that cross them: rates against an independent
/// water-filling, a trunk shared by two populations against hand-computed max-min rates, and
/// failures of drawn and unlimited built-in links.
@Suite("Links and paths")
struct LinkPathTests {
    // MARK: Random topologies

    /// Max-min fair rates by progressive filling, written apart from ``FlowNetwork``: every
    /// unfrozen flow's rate rises by the same amount until some link is full, whose flows
    /// freeze; repeat. `paths` are link indices; capacities in bit/s.
    static func progressiveFilling(capacities: [Double], paths: [[Int]]) -> [Double] {
        var rates = Array(repeating: 0.0, count: paths.count)
        var frozen = Array(repeating: false, count: paths.count)
        var spare = capacities
        while frozen.contains(false) {
            var counts = Array(repeating: 0, count: capacities.count)
            for (flow, path) in paths.enumerated() where !frozen[flow] { for link in path { counts[link] += 1 } }
            var step = Double.infinity
            for link in capacities.indices where counts[link] > 0 {
                step = min(step, spare[link] / Double(counts[link]))
            }
            for (flow, path) in paths.enumerated() where !frozen[flow] {
                rates[flow] += step
                for link in path { spare[link] -= step }
            }
            let full = capacities.indices.map { counts[$0] > 0 && spare[$0] <= 1e-12 * capacities[$0] }
            for (flow, path) in paths.enumerated() where !frozen[flow] && path.contains(where: { full[$0] }) {
                frozen[flow] = true
            }
        }
        return rates
    }

    @Test("random topologies of 5-8 links and 10-20 flows: rates equal an independent water-filling")
    func randomTopologiesMatchWaterFilling() throws {
        for seed in UInt64(0)..<300 {
            var random = RandomStream(seed: seed, name: "links/random-topology")
            let linkCount = 5 + Int(random.nextInt(below: 4))
            let flowCount = 10 + Int(random.nextInt(below: 11))
            let capacities = (0..<linkCount).map { _ in 1e6 + random.nextUnit() * 99e6 }
            var network = FlowNetwork()
            for capacity in capacities { _ = try network.addLink(capacityBitsPerSecond: capacity) }
            var paths: [[Int]] = []
            var flows: [FlowID] = []
            for _ in 0..<flowCount {
                let length = 1 + Int(random.nextInt(below: 4))
                var path: [Int] = []
                while path.count < length {
                    let link = Int(random.nextInt(below: UInt64(linkCount)))
                    if !path.contains(link) { path.append(link) }
                }
                paths.append(path)
                flows.append(
                    try network.startFlow(path: path.map { LinkID(UInt32($0)) }, bytes: 1e12, at: .zero)
                )
            }
            let expected = Self.progressiveFilling(capacities: capacities, paths: paths)
            for (index, flow) in flows.enumerated() {
                let rate = network.rate(of: flow)
                #expect(
                    abs(rate - expected[index]) <= 1e-9 * expected[index],
                    "seed \(seed) flow \(index) over \(paths[index]): \(rate) vs \(expected[index])"
                )
            }
        }
    }

    // MARK: A trunk shared by two populations

    static let trunkCapacity = 100e6
    static let shanghaiAccess = 30e6

    /// Region `hz` (Hangzhou, no egress limit, service takes no time); Shanghai (access 30
    /// Mbit/s) asks for 5 MB objects 0.5 times a second, Beijing (no access limit) once a
    /// second; both reach `hz` over a 100 Mbit/s `trunk` of 5 ms. No retries.
    static func trunkSpec() throws -> ModelSpec {
        let hangzhou = try WorldFixture.place(30.27, 120.15)
        var spec = ModelSpec(
            regions: [
                try WorldFixture.region(
                    "hz",
                    at: hangzhou,
                    zones: [("hz-a", 1_000)],
                    service: [try WorldFixture.constant(0)]
                )
            ],
            populations: [
                PopulationSpec(
                    name: "shanghai",
                    location: try WorldFixture.place(31.23, 121.47),
                    accessBitsPerSecond: shanghaiAccess,
                    demands: [WorkloadDemand(workloadClass: "files", rate: try WorldFixture.rate(0.5))]
                ),
                PopulationSpec(
                    name: "beijing",
                    location: try WorldFixture.place(39.90, 116.40),
                    demands: [WorkloadDemand(workloadClass: "files", rate: try WorldFixture.rate(1))]
                ),
            ],
            workloadClasses: [
                WorkloadClassSpec(
                    name: "files",
                    kind: .download(
                        ContentSpec(catalogueSize: 100, zipfExponent: 0, objectBytes: try WorldFixture.constant(5e6))
                    )
                )
            ],
            retry: .none,
            latency: try WorldFixture.latency(),
            duration: .seconds(200),
            interval: .seconds(20)
        )
        spec.links = [LinkSpec(name: "trunk", capacityBitsPerSecond: trunkCapacity, latency: .fixed(.milliseconds(5)))]
        spec.paths = [
            PathSpec(from: "shanghai", to: "hz", via: ["trunk"]),
            PathSpec(from: "hz-a", to: "beijing", via: ["trunk"]),
        ]
        return spec
    }

    @Test("two populations sharing a trunk get the hand-computed max-min rates, and it carries their bytes")
    func sharedTrunkIsMaxMinFair() throws {
        var simulation = try ModelRun.prepare(try Self.trunkSpec(), seed: 3)
        let trunk = simulation.model.drawnLinks[0]
        var sharedInstants = 0
        for second in 1...199 {
            ModelRun.advance(&simulation, until: SimTime(.seconds(Int64(second))))
            let model = simulation.model
            let active = model.network.activeFlows
            let shanghai = active.filter { model.requests[model.flowRequest[$0.offset]].population.offset == 0 }
            let beijing = active.filter { model.requests[model.flowRequest[$0.offset]].population.offset == 1 }
            #expect(model.network.flows(on: trunk).count == active.count, "every answer crosses the trunk")
            // Max-min by hand: Shanghai's flows share its 30 Mbit/s access; if that is less than
            // an equal share of the trunk, Beijing's flows split what is left of the trunk.
            let (a, b) = (Double(shanghai.count), Double(beijing.count))
            var shanghaiRate = 0.0
            var beijingRate = 0.0
            if a > 0 && b > 0 {
                let equal = Self.trunkCapacity / (a + b)
                if Self.shanghaiAccess / a < equal {
                    (shanghaiRate, beijingRate) = (
                        Self.shanghaiAccess / a, (Self.trunkCapacity - Self.shanghaiAccess) / b
                    )
                    sharedInstants += 1
                } else {
                    (shanghaiRate, beijingRate) = (equal, equal)
                }
            } else if a > 0 {
                shanghaiRate = min(Self.shanghaiAccess, Self.trunkCapacity) / a
            } else if b > 0 {
                beijingRate = Self.trunkCapacity / b
            }
            for flow in shanghai {
                #expect(abs(model.network.rate(of: flow) - shanghaiRate) <= 1e-9 * shanghaiRate, "t=\(second) s")
            }
            for flow in beijing {
                #expect(abs(model.network.rate(of: flow) - beijingRate) <= 1e-9 * beijingRate, "t=\(second) s")
            }
        }
        // At 60 Mbit/s offered, both populations are on the trunk at once most of the time.
        #expect(sharedInstants >= 20, "\(sharedInstants) instants with both populations on the trunk")
        // Every answer of hz crosses the trunk: it carried the bytes of the answers that
        // completed (the region's egress bytes) plus what the answers still in flight at the
        // end had delivered, like an interface counter read at the end.
        let end = SimTime(.seconds(200))
        ModelRun.advance(&simulation, until: end)
        let inFlight = simulation.model.network.flows(on: trunk).reduce(0.0) {
            $0 + simulation.model.network.deliveredBytes(of: $1, at: end)
        }
        let results = try ModelRun.finish(&simulation)
        let link = try #require(results.links?.first)
        let egress = results.regions[0].egressBytes
        #expect(egress > 0 && inFlight > 0)
        #expect(abs(link.bytes - (egress + inFlight)) <= 1e-9 * link.bytes, "\(link.bytes) vs \(egress) + \(inFlight)")
        #expect(link.utilisation == link.bytes * 8 / (Self.trunkCapacity * results.durationSeconds))
        #expect(link.latencySeconds == 0.005 && link.downSeconds == 0)
    }

    @Test("a path's links add their latency to the round trip routing sees; none without paths")
    func pathLatencyJoinsTheRoundTrip() throws {
        let spec = try Self.trunkSpec()
        var plain = spec
        plain.paths = []
        let model = try WorldModel(spec: spec, seed: 1)
        let reference = try WorldModel(spec: plain, seed: 1)
        for population in [PopulationID(0), PopulationID(1)] {
            let with = model.latenciesToSites(from: population)
            let without = reference.latenciesToSites(from: population)
            #expect(with == without.map { $0 + .milliseconds(5) })
        }
    }

    // MARK: Failures

    /// Runs `spec` to 50 s minus 1 ns and then to 50 s, where an outage starts: the attempts
    /// that fail at that instant, the active flows just before, and the flows left after; for
    /// the first seed from 5 with a transfer on the wire just before (the wire is idle 40% of
    /// the time at 60 Mbit/s offered over 100).
    static func failuresAtOutage(_ spec: ModelSpec) throws -> (failed: UInt64, before: Int, after: Int) {
        for seed in UInt64(5)..<50 {
            var simulation = try ModelRun.prepare(spec, seed: seed)
            ModelRun.advance(&simulation, until: SimTime(nanoseconds: 50_000_000_000 - 1))
            let before = simulation.model.network.activeFlowCount
            guard before > 0 else { continue }
            let failedBefore = simulation.model.classes[0].tally.failed
            ModelRun.advance(&simulation, until: SimTime(.seconds(50)))
            let failed = simulation.model.classes[0].tally.failed - failedBefore
            return (failed, before, simulation.model.network.activeFlowCount)
        }
        return (0, 0, 0)
    }

    @Test("a drawn link that fails fails every transfer over it at the instant, and those that start while it is down")
    func drawnLinkFailure() throws {
        var spec = try Self.trunkSpec()
        spec.outages = [
            try ScheduledOutage(target: .link("trunk"), start: SimTime(.seconds(50)), duration: .seconds(10))
        ]
        let (failed, before, after) = try Self.failuresAtOutage(spec)
        #expect(before > 0, "no transfer on the trunk at the failure")
        #expect(failed == UInt64(before) && after == 0)
        let results = try ModelRun.run(spec, seed: 5)
        let files = results.workloads[0]
        let during = try #require(files.duringOutages)
        // Everything arriving while the trunk is down fails when its answer starts (service
        // takes no time; the last round trip of the window, under 40 ms, lets a few through).
        #expect(during.served <= 2 && files.failed >= during.arrived - 2)
        #expect(files.served + files.failed + files.inFlight == files.arrived)
        #expect(results.links?.first?.downSeconds == 10)
    }

    @Test("a region egress without a limit can fail: the answers it was sending fail at the instant")
    func unlimitedEgressFailure() throws {
        var spec = try Self.trunkSpec()
        spec.outages = [
            try ScheduledOutage(target: .link("hz.egress"), start: SimTime(.seconds(50)), duration: .seconds(10))
        ]
        #expect(spec.regions[0].egressBitsPerSecond == nil)
        let (failed, before, after) = try Self.failuresAtOutage(spec)
        #expect(before > 0 && failed == UInt64(before) && after == 0)
        let files = try ModelRun.run(spec, seed: 5).workloads[0]
        let during = try #require(files.duringOutages)
        #expect(during.served <= 2 && files.failed >= during.arrived - 2)
    }

    @Test("bytes that would cross no limited link are named in a warning; a path with a link silences it")
    func zeroTimeTransfersWarn() throws {
        var spec = try Self.trunkSpec()
        spec.paths = []
        spec.links = []
        let warnings = spec.transferWarnings
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("workload 'files'") == true)
        #expect(warnings.first?.contains("population 'beijing'") == true)
        #expect(try Self.trunkSpec().transferWarnings.isEmpty)
    }
}
