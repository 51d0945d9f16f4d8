import Scenario
import ShareModel
import SimCore
import Testing

@Suite("alibaba-double11 at full scale")
struct Double11ScaleTests {
    /// The utilisation the zone is checked at: 90%, where the issue compares full-scale and
    /// slice zones. (In the scenario, lowest-latency routing fills a region's zones in order:
    /// the first runs nearly full and spills to the next rather than queueing, so its wait is
    /// smaller still.)
    static let checkedUtilisation = 0.9

    /// The scenario's cn-hangzhou-a alone, fed Poisson orders at `utilisation` of its cores by
    /// shoppers in Hangzhou, for `seconds` after a one-second warm-up.
    static func firstZoneAlone(utilisation: Double, seconds: Double) throws -> (ModelSpec, MMcTheory) {
        let spec = try BuiltinScenarios.scenario(named: "alibaba-double11").spec
        let hangzhou = try #require(spec.regions.first { $0.region.name == "cn-hangzhou" })
        let zone = try #require(hangzhou.region.zones.first)
        let orders = try #require(spec.workloadClasses.firstIndex { $0.name == "orders" })
        let meanService = zone.serviceTimes[orders].mean
        let lambda = utilisation * Double(zone.capacity) / meanService
        var alone = spec
        alone.regions = [
            CloudRegionPlacement(
                region: try RegionSpec(name: "cn-hangzhou", zones: [zone]),
                location: hangzhou.location,
                egressBitsPerSecond: hangzhou.egressBitsPerSecond
            )
        ]
        alone.edgeSites = []
        alone.prices = nil  // Billing is not what this checks; its lists follow the whole topology.
        alone.outages = []
        alone.populations = [
            PopulationSpec(
                name: "zhejiang",
                location: hangzhou.location,
                demands: [
                    WorkloadDemand(workloadClass: "orders", rate: try RateProfile.constant(ratePerSecond: lambda))
                ]
            )
        ]
        alone.warmup = .seconds(1)
        alone.duration = .seconds(seconds)
        alone.interval = .seconds(seconds)
        let theory = try #require(MMcTheory(servers: zone.capacity, arrivalRate: lambda, serviceRate: 1 / meanService))
        return (alone, theory)
    }

    @Test("The first zone has 400 cores serving orders in exp(20 ms); at 90% Erlang C waits 0.012 ms, the slice 39 ms")
    func erlangCByHand() throws {
        let (spec, theory) = try Self.firstZoneAlone(utilisation: Self.checkedUtilisation, seconds: 1)
        #expect(spec.regions[0].region.zones[0].capacity == 400)
        #expect(theory.arrivalRate == 18_000)
        #expect(abs(theory.meanWaitInQueue - 1.164e-5) < 0.001e-5)
        #expect(abs(theory.probabilityOfWaiting - 0.0233) < 0.0001)
        // The same utilisation on the 4-core zones of the 1/100 slice.
        let slice = try #require(MMcTheory(servers: 4, arrivalRate: 180, serviceRate: 50))
        #expect(abs(slice.meanWaitInQueue - 0.03939) < 0.00001)
    }

    @Test("A full-scale zone alone at 90% waits as Erlang C says, within the run's own error")
    func zoneWaitMatchesErlangC() throws {
        let (spec, theory) = try Self.firstZoneAlone(utilisation: Self.checkedUtilisation, seconds: 4)
        let runs = try (1...6).map { seed in try ModelRun.run(spec, seed: UInt64(seed)) }
        let waits = runs.map { $0.zones[0].meanWaitSeconds }
        let interval = ConfidenceInterval.of(waits, level: 0.95)
        let standardError = interval.halfWidth / StudentT.quantile(0.975, degreesOfFreedom: Double(waits.count - 1))
        #expect(
            abs(interval.mean - theory.meanWaitInQueue) <= 4 * standardError,
            "Wq simulated \(interval.mean) ± \(standardError) s (1 SE) against Erlang C \(theory.meanWaitInQueue) s"
        )
        // Precise enough to tell 0.012 ms from none at all, or from three times as much (measured:
        // about 30% of it); the slice's 4-core zones would wait 3,000 times as long.
        #expect(standardError < 0.5 * theory.meanWaitInQueue, "standard error \(standardError) too wide to test")
        #expect(interval.mean < 0.1e-3, "a full-scale zone at 90% waits well under 0.1 ms")
        let utilisation = runs.map { $0.zones[0].utilisation }.reduce(0, +) / Double(runs.count)
        #expect(abs(utilisation - Self.checkedUtilisation) < 0.01)
    }
}
