import SimCore
import Testing

@testable import ShareModel

/// A test driver for one autoscaled zone: arrivals at scripted instants, and a log of the
/// zone's capacity after each scaling event.
struct ScalingZoneDriver: SimulationModel {
    /// One line of the log: after a scaling event at `time`, the cores in service and starting.
    struct Step: Equatable {
        var time: Double
        var capacity: Int
        var starting: Int
    }

    var zone: CloudZone
    var steps: [Step] = []
    var endings: [CloudRequestEnd] = []
    var arrivals: UInt64 = 0
    /// The most servers (in service plus starting) seen after any event.
    var mostServers = 0

    init(spec: ZoneSpec) {
        zone = CloudZone(spec: spec, seed: 1, target: 0)
    }

    mutating func handle<Queue: PendingEventSet>(_ event: Event, scheduler: inout Scheduler<Queue>) {
        if event.kind == ScriptedZoneDriver.Kind.arrival {
            _ = zone.arrive(
                request: CloudRequestID(arrivals),
                class: CloudWorkloadClass(0),
                at: scheduler.now,
                scheduler: &scheduler,
                endings: &endings
            )
            arrivals += 1
        } else {
            let before = (zone.capacity, zone.startingCores)
            let handled = zone.handle(event, scheduler: &scheduler, endings: &endings)
            precondition(handled, "unexpected \(event)")
            if (zone.capacity, zone.startingCores) != before {
                // Whole milliseconds, so that 125 s reads as 125, not 125.00000000000001.
                let time = Double(scheduler.now.sinceStart.nanoseconds / 1_000_000) / 1_000
                steps.append(Step(time: time, capacity: zone.capacity, starting: zone.startingCores))
            }
        }
        let cores = zone.spec.coresPerServer
        mostServers = max(mostServers, (zone.capacity + zone.startingCores) / cores)
        endings.removeAll(keepingCapacity: true)
    }
}

@Suite("Autoscaling: target tracking, cooldown, start-up, min and max, cost")
struct AutoscalingTests {
    static func at(_ seconds: Double) -> SimTime { SimTime(.seconds(seconds)) }

    /// 2 one-core servers, target 50%, between 2 and 5 servers, steps of 1, cooldown 30 s,
    /// start-up 15 s, evaluated every 10 s; constant service of 1 s.
    static func stepSpec() throws -> ZoneSpec {
        let policy = try AutoscalingPolicy(
            targetUtilisation: 0.5,
            minServers: 2,
            maxServers: 5,
            stepOut: 1,
            stepIn: 1,
            cooldown: .seconds(30),
            startup: .seconds(15),
            period: .seconds(10),
            element: .zone("step")
        )
        return try ZoneSpec(
            name: "step",
            servers: 2,
            coresPerServer: 1,
            serviceTimes: [.constant(try ConstantDistribution(1))],
            autoscaling: policy
        )
    }

    @Test(
        "a step in load: scale-out at the first evaluation after it, capacity exactly start-up later, cooldown held, never above max"
    )
    func stepInLoad() throws {
        var simulation = Simulation(model: ScalingZoneDriver(spec: try Self.stepSpec()))
        simulation.model.zone.startAutoscaling(scheduler: &simulation.scheduler)
        // Idle until 100 s, then an arrival every 0.25 s (4 busy cores' worth) until 250 s.
        let arrivals = (0..<600).map { 100 + Double($0) * 0.25 }
        ScriptedZoneDriver.script(arrivals: arrivals, into: &simulation.scheduler)
        _ = simulation.run(until: Self.at(330))
        let driver = simulation.model
        typealias Step = ScalingZoneDriver.Step
        // Window [100, 110] is 98.75% busy on 2 cores: ⌈2 × 0.9875 / 0.5⌉ = 4 servers, so 2
        // are launched at 110 and serve at 125. The cooldown skips 120 and 130; at 140 the 4
        // cores are saturated (⌈4 × 1 / 0.5⌉ = 8, capped at max 5): 1 more, serving at 155.
        // Idle from 250.75 s: at 260 it needs ⌈5 × 0 / 0.5⌉ = 0 servers, so it goes to min 2.
        #expect(
            driver.steps == [
                Step(time: 110, capacity: 2, starting: 2), Step(time: 125, capacity: 4, starting: 0),
                Step(time: 140, capacity: 4, starting: 1), Step(time: 155, capacity: 5, starting: 0),
                Step(time: 260, capacity: 2, starting: 0),
            ]
        )
        #expect(driver.mostServers == 5)
        let metrics = driver.zone.metrics
        #expect(metrics.scaleOuts == 2 && metrics.scaleIns == 1)
        // At max and above target at every evaluation from 170 (end of cooldown) to 250.
        #expect(metrics.evaluationsAtMax == 9)
        // Paid servers: 2 to 110, 4 to 140 (2 starting), 5 to 260, then 2 (server-seconds).
        let paid: Double = 220 + 120 + 600 + 140
        #expect(metrics.provisionedCores.integral(until: Self.at(330)) == paid)
        #expect(metrics.served == 600)
    }

    @Test("scale-in never interrupts a request: a busy core finishes, then leaves, and is paid until then")
    func scaleInDrainsBusyCores() throws {
        let policy = try AutoscalingPolicy(
            targetUtilisation: 0.9,
            minServers: 1,
            maxServers: 4,
            stepIn: 3,
            cooldown: .seconds(100),
            period: .seconds(10),
            element: .zone("drain")
        )
        let spec = try ZoneSpec(
            name: "drain",
            servers: 4,
            coresPerServer: 1,
            serviceTimes: [.constant(try ConstantDistribution(25))],
            autoscaling: policy
        )
        var simulation = Simulation(model: ScalingZoneDriver(spec: spec))
        simulation.model.zone.startAutoscaling(scheduler: &simulation.scheduler)
        // Two requests of 25 s from 0: u = 0.5 over [0, 10]; 0.5 × 4 / 1 = 2 ≥ 0.9 keeps all
        // 4... so the window must be lighter: one request at 0 (u = 0.25, 0.25 × 4 / 1 = 1 ≥ 0.9)
        // also keeps them. With stepIn 3 the rule needs u × 4 < 0.9: one request from 9 s.
        ScriptedZoneDriver.script(arrivals: [9, 9.5], into: &simulation.scheduler)
        _ = simulation.run(until: Self.at(60))
        let driver = simulation.model
        // At 10: u = (1 + 0.5) / 40 = 0.0375 → 4 − 3 = 1 server. 2 cores idle leave at once, 1
        // of the 2 busy ones retires: it leaves when its request ends (34 s or 34.5 s).
        #expect(driver.steps.first == ScalingZoneDriver.Step(time: 10, capacity: 1, starting: 0))
        #expect(driver.zone.metrics.served == 2, "both requests in service finished")
        #expect(driver.zone.retiringCores == 0 && driver.zone.capacity == 1)
        // Paid: 4 cores to 10, then 2 (1 staying + 1 retiring) to 34, then 1 to 60.
        let paid: Double = 40 + 48 + 26
        #expect(driver.zone.metrics.provisionedCores.integral(until: Self.at(60)) == paid)
    }

    /// One region with one autoscaled zone of `cores`-core servers, fed by Poisson arrivals at
    /// `lambda`/s of exponential 1 s work, with `price` per provisioned core-hour.
    func scaledSpec(
        lambda: Double,
        servers: Int,
        cores: Int = 4,
        policy: AutoscalingPolicy,
        warmup: SimDuration = .zero,
        duration: SimDuration,
        price: Double = 0
    ) throws -> ModelSpec {
        let here = try WorldFixture.place(30.27, 120.15)
        let zone = try ZoneSpec(
            name: "hz-a",
            servers: servers,
            coresPerServer: cores,
            serviceTimes: [try WorldFixture.exponential(mean: 1)],
            autoscaling: policy
        )
        return ModelSpec(
            regions: [
                CloudRegionPlacement(region: try RegionSpec(name: "hz", zones: [zone]), location: here)
            ],
            populations: [
                PopulationSpec(
                    name: "users",
                    location: here,
                    demands: [WorkloadDemand(workloadClass: "orders", rate: try WorldFixture.rate(lambda))]
                )
            ],
            workloadClasses: [WorkloadClassSpec(name: "orders", kind: .transaction)],
            latency: try WorldFixture.latency(),
            prices: try PriceList(
                regions: [
                    try RegionPricing(
                        region: "hz",
                        pricePerCoreHour: 0,
                        pricePerEgressGB: 0,
                        pricePerProvisionedCoreHour: price
                    )
                ],
                pricePerCredit: 0
            ),
            warmup: warmup,
            duration: duration,
            interval: .seconds(100)
        )
    }

    @Test("a region's utilisation weighs an autoscaled zone by its cores in service: busy cores = λ/μ")
    func regionUtilisationCountsCoresInService() throws {
        let policy = try AutoscalingPolicy(
            targetUtilisation: 0.25,
            minServers: 1,
            maxServers: 200,
            cooldown: .seconds(60),
            startup: .seconds(30),
            period: .seconds(60),
            element: .zone("hz-a")
        )
        var spec = try scaledSpec(
            lambda: 20,
            servers: 10,
            cores: 1,
            policy: policy,
            warmup: .seconds(1_000),
            duration: .seconds(6_000)
        )
        let fixed = try ZoneSpec(
            name: "hz-b",
            servers: 10,
            coresPerServer: 1,
            serviceTimes: [try WorldFixture.exponential(mean: 1)]
        )
        let scaled = spec.regions[0].region.zones[0]
        spec.regions[0] = CloudRegionPlacement(
            region: try RegionSpec(name: "hz", zones: [scaled, fixed]),
            location: spec.regions[0].location
        )
        spec.routing = .powerOfTwoChoices
        let run = try ModelRun.run(spec, seed: 3)
        let inService = try #require(run.zones[0].autoscaling).meanCoresInService
        #expect(run.zones[0].served > 0 && run.zones[1].served > 0, "both zones serve")
        // Every request is served (no line is bounded and the scaled zone may grow to 200), so
        // the region's busy cores average λ/μ = 20; the standard error over 6,000 s is about
        // √(2 × 20 / 6,000) = 0.08 cores, so 0.4 is 5 of them. Weighing the scaled zone by its
        // starting 10 cores instead would be off by several cores: it runs at its 25% target on
        // far more than 10, while the fixed zone runs hotter.
        let busy = run.regions[0].utilisation * (inService + 10)
        #expect(abs(busy - 20) < 0.4, "region busy cores \(busy), cores in service \(inService) + 10")
    }

    @Test("an idle zone scales in to min at its first evaluation; provisioned cost = ∫ servers × cores × price exactly")
    func provisionedCostFollowsServers() throws {
        let policy = try AutoscalingPolicy(
            targetUtilisation: 0.6,
            minServers: 2,
            maxServers: 10,
            stepIn: 1,
            cooldown: .seconds(20),
            period: .seconds(10),
            element: .zone("hz-a")
        )
        // 0.001 requests/s of 1 s work: far below any target, so the schedule is fixed.
        let spec = try scaledSpec(lambda: 0.001, servers: 5, policy: policy, duration: .seconds(100), price: 0.36)
        let results = try ModelRun.run(spec, seed: 1)
        // 5 servers to 10 s, where ⌈5 × 0 / 0.6⌉ = 0 are needed, then 2 (min): 230
        // server-seconds of 4 cores.
        let serverSeconds: Double = 50 + 180
        let coreSeconds = serverSeconds * 4
        let cost = try #require(results.cost)
        #expect(cost.provisioned == coreSeconds / 3_600 * 0.36)
        let scaling = try #require(results.zones[0].autoscaling)
        #expect(scaling.minServers == 2 && scaling.maxServers == 5 && scaling.scaleIns == 1 && scaling.scaleOuts == 0)
        #expect(abs(scaling.meanServers - 2.3) < 1e-12)
        // The interval series shows the same servers: 2.3 on average over the one interval.
        let series = try #require(results.series.first?.zoneServers)
        #expect(abs(series[0] - 2.3) < 1e-12)
    }

    @Test(
        "with constant Poisson load and target u, time-weighted utilisation converges to u within 5%",
        arguments: [0.5, 0.7]
    )
    func convergesToTarget(target: Double) throws {
        let policy = try AutoscalingPolicy(
            targetUtilisation: target,
            minServers: 1,
            maxServers: 200,
            stepOut: 1,
            stepIn: 1,
            cooldown: .seconds(60),
            startup: .seconds(30),
            period: .seconds(60),
            element: .zone("hz-a")
        )
        // 20 busy cores on average (M/M/∞ mean λ/μ) on one-core servers, starting from 10: the
        // warm-up lets the policy climb to about 20 / u servers. Tolerance: the scale-in rule
        // keeps u within one server's share (u/S ≈ 2.5%) of the target, and the run's own
        // noise is far smaller: over 6,000 s the time-average of the busy cores, whose
        // autocorrelation time is 1 s, has a standard error of √(2 × 20 / 6,000) = 0.08 cores,
        // 0.2% of u × 40 servers, so 5 standard errors add 1%; 5% of u is the criterion.
        for seed in [1, 2] as [UInt64] {
            let run = try ModelRun.run(
                scaledSpec(
                    lambda: 20,
                    servers: 10,
                    cores: 1,
                    policy: policy,
                    warmup: .seconds(1_000),
                    duration: .seconds(6_000)
                ),
                seed: seed
            )
            let utilisation = run.zones[0].utilisation
            #expect(abs(utilisation - target) <= 0.05 * target, "seed \(seed): utilisation \(utilisation) vs \(target)")
            let servers = try #require(run.zones[0].autoscaling)
            #expect(servers.maxServers < 200, "it never needed the max")
            #expect(abs(servers.meanServers * utilisation - 20) < 1, "busy cores ≈ λ/μ = 20")
        }
    }

    @Test("invalid policies throw an error naming the autoscaling field")
    func invalidPolicies() throws {
        func field(_ body: () throws(SpecError) -> Void) -> String? {
            do throws(SpecError) {
                try body()
                return nil
            } catch {
                return error.field.description
            }
        }
        let zone = SpecElement.zone("z")
        #expect(
            field { () throws(SpecError) in
                _ = try AutoscalingPolicy(
                    targetUtilisation: 0.5,
                    minServers: 5,
                    maxServers: 4,
                    period: .seconds(1),
                    element: zone
                )
            } == "autoscaling.max"
        )
        #expect(
            field { () throws(SpecError) in
                _ = try AutoscalingPolicy(
                    targetUtilisation: 0,
                    minServers: 1,
                    maxServers: 4,
                    period: .seconds(1),
                    element: zone
                )
            } == "autoscaling.target_utilisation"
        )
        #expect(
            field { () throws(SpecError) in
                _ = try AutoscalingPolicy(
                    targetUtilisation: 1.2,
                    minServers: 1,
                    maxServers: 4,
                    period: .seconds(1),
                    element: zone
                )
            } == "autoscaling.target_utilisation"
        )
        #expect(
            field { () throws(SpecError) in
                _ = try AutoscalingPolicy(
                    targetUtilisation: 0.5,
                    minServers: 1,
                    maxServers: 4,
                    period: .zero,
                    element: zone
                )
            } == "autoscaling.period"
        )
        #expect(
            field { () throws(SpecError) in
                _ = try AutoscalingPolicy(
                    targetUtilisation: 0.5,
                    minServers: 1,
                    maxServers: 4,
                    stepOut: 0,
                    period: .seconds(1),
                    element: zone
                )
            } == "autoscaling.step_out"
        )
        let policy = try AutoscalingPolicy(
            targetUtilisation: 0.5,
            minServers: 2,
            maxServers: 4,
            period: .seconds(1),
            element: zone
        )
        let service = SampledDistribution.constant(try ConstantDistribution(1))
        let outside = field { () throws(SpecError) in
            _ = try ZoneSpec(name: "z", servers: 5, coresPerServer: 1, serviceTimes: [service], autoscaling: policy)
        }
        #expect(outside == "servers")
    }
}
