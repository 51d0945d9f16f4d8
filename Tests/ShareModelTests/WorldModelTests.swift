import SimCore
import Testing

@testable import ShareModel

@Suite("Whole model")
struct WorldModelTests {
    /// One region, one zone of `cores` cores, exponential service of mean 1 s, Poisson
    /// arrivals at `lambda`/s from a population in the same place.
    func singleZoneSpec(cores: Int, lambda: Double, duration: SimDuration, warmup: SimDuration) throws -> ModelSpec {
        let here = try WorldFixture.place(30.27, 120.15)
        return ModelSpec(
            regions: [
                try WorldFixture.region(
                    "hz",
                    at: here,
                    zones: [("hz-a", cores)],
                    service: [try WorldFixture.exponential(mean: 1)]
                )
            ],
            populations: [
                PopulationSpec(
                    name: "users",
                    location: here,
                    demands: [WorkloadDemand(workloadClass: "orders", rate: try WorldFixture.rate(lambda))]
                )
            ],
            workloadClasses: [WorkloadClassSpec(name: "orders", kind: .transaction, slo: .milliseconds(1_500))],
            latency: try WorldFixture.latency(),
            warmup: warmup,
            duration: duration,
            interval: .seconds(500)
        )
    }

    @Test("A single zone fed through the whole model matches Erlang C for Wq and utilisation")
    func erlangC() throws {
        let spec = try singleZoneSpec(cores: 4, lambda: 3, duration: .seconds(20_000), warmup: .seconds(500))
        let runs = try (1...8).map { seed in try ModelRun.run(spec, seed: UInt64(seed)) }
        let theory = try #require(MMcTheory(servers: 4, arrivalRate: 3, serviceRate: 1))
        expectZoneWithin(
            runs.map { $0.zones[0].meanWaitSeconds },
            of: theory.meanWaitInQueue,
            standardErrors: 4,
            "Wq",
            relativePrecision: 0.05
        )
        expectZoneWithin(runs.map { $0.zones[0].utilisation }, of: 0.75, standardErrors: 4, "utilisation")
        // End-to-end latency adds the round trip inside the city to Wq + 1/mu.
        let roundTrip =
            2 * (SiteKind.homeBroadband.defaultAccessLatency + SiteKind.dataCenter.defaultAccessLatency).seconds
        expectZoneWithin(
            runs.map { $0.workloads[0].latency.mean },
            of: theory.meanWaitInQueue + 1 + roundTrip,
            standardErrors: 4,
            "end-to-end mean",
            relativePrecision: 0.05
        )
    }

    @Test("Every request ends once; counts, served-by and series add up")
    func conservationOnSingleZone() throws {
        let spec = try singleZoneSpec(cores: 2, lambda: 1.5, duration: .seconds(2_000), warmup: .seconds(100))
        let results = try ModelRun.run(spec, seed: 7)
        let orders = results.workloads[0]
        #expect(orders.arrived > 2_500)
        #expect(orders.arrived == orders.served + orders.rejected + orders.failed + orders.inFlight)
        #expect(orders.servedBy.total == orders.served)
        #expect(orders.servedBy.cloudByRegion == [orders.served])
        #expect(orders.latency.count == orders.served)
        #expect(results.series.count == 4)
        #expect(results.series.reduce(0) { $0 + $1.workloads[0].served } == orders.served)
        #expect(orders.sloMet <= orders.served && orders.sloMet > 0)
    }

    @Test("Same spec and seed give identical results; another seed does not")
    func determinism() throws {
        let spec = try mixedSpec()
        let first = try ModelRun.run(spec, seed: 42)
        let second = try ModelRun.run(spec, seed: 42)
        let other = try ModelRun.run(spec, seed: 43)
        #expect(first == second)
        #expect(first != other)
    }

    /// Two regions with edge sites, a pool serving video and jobs, retries, a zone outage,
    /// random edge failures and prices: every mechanism at once.
    func mixedSpec(routing: RoutingPolicy = .sharedFirst, checkpoint: SimDuration? = .seconds(30)) throws -> ModelSpec {
        let hangzhou = try WorldFixture.place(30.27, 120.15)
        let hongKong = try WorldFixture.place(22.32, 114.17)
        let service = [
            try WorldFixture.exponential(mean: 0.05), try WorldFixture.constant(0.002),
            try WorldFixture.exponential(mean: 20),
        ]
        let video = ContentSpec(catalogueSize: 2_000, zipfExponent: 0.8, objectBytes: try WorldFixture.constant(4e6))
        var pool = try WorldFixture.alwaysOnPool("hk-homes", devices: 2_000, storage: 4e9)
        pool.onSessionSeconds = try WorldFixture.exponential(mean: 300)
        pool.offSessionSeconds = try WorldFixture.exponential(mean: 100)
        pool.creditsPerGB = 1
        return ModelSpec(
            regions: [
                try WorldFixture.region(
                    "cn-hangzhou",
                    at: hangzhou,
                    zones: [("hz-a", 40), ("hz-b", 40)],
                    service: service,
                    maxWaiting: 200,
                    timeout: .seconds(30),
                    egress: 2e9
                ),
                try WorldFixture.region(
                    "cn-hongkong",
                    at: hongKong,
                    zones: [("hk-a", 20)],
                    service: service,
                    maxWaiting: 200,
                    timeout: .seconds(30),
                    egress: 1e9
                ),
            ],
            edgeSites: [
                EdgeSiteSpec(
                    name: "hk-edge",
                    location: hongKong,
                    region: "cn-hongkong",
                    originRegion: "cn-hangzhou",
                    cacheBytes: 400_000_000,
                    uplinkBitsPerSecond: 2e9
                )
            ],
            sharedPools: [SharedPoolPlacement(pool: pool, location: hongKong, region: "cn-hongkong")],
            populations: [
                PopulationSpec(
                    name: "hk",
                    location: hongKong,
                    accessBitsPerSecond: 5e9,
                    demands: [
                        WorkloadDemand(workloadClass: "orders", rate: try WorldFixture.rate(200)),
                        WorkloadDemand(workloadClass: "video", rate: try WorldFixture.rate(40)),
                        WorkloadDemand(workloadClass: "render", rate: try WorldFixture.rate(2)),
                    ]
                )
            ],
            workloadClasses: [
                WorkloadClassSpec(name: "orders", kind: .transaction, slo: .milliseconds(200)),
                WorkloadClassSpec(name: "video", kind: .stream(video, bitrateBitsPerSecond: 4e6), slo: .seconds(10)),
                WorkloadClassSpec(
                    name: "render",
                    kind: .compute(
                        ComputeJobSpec(
                            cpuSeconds: try WorldFixture.exponential(mean: 20),
                            checkpointInterval: checkpoint
                        )
                    )
                ),
            ],
            routing: routing,
            retry: RetryPolicy(maxAttempts: 3, backoff: .milliseconds(100), cap: .seconds(2)),
            latency: try WorldFixture.latency(),
            outages: [
                try ScheduledOutage(target: .zone("hk-a"), start: SimTime(.seconds(300)), duration: .seconds(120))
            ],
            randomFailures: [try RandomFailureSpec(target: .edgeSite("hk-edge"), mtbfHours: 0.1, mttrHours: 0.01)],
            prices: try PriceList(
                regions: [
                    RegionPricing(region: "cn-hangzhou", pricePerCoreHour: 0.05, pricePerEgressGB: 0.08),
                    RegionPricing(region: "cn-hongkong", pricePerCoreHour: 0.07, pricePerEgressGB: 0.12),
                ],
                pricePerCredit: 0.01
            ),
            warmup: .seconds(60),
            duration: .seconds(600),
            interval: .seconds(60)
        )
    }

    @Test("Conservation across the whole model: every class, every mechanism")
    func conservationMixed() throws {
        let results = try ModelRun.run(try mixedSpec(), seed: 3)
        for workload in results.workloads {
            #expect(
                workload.arrived == workload.served + workload.rejected + workload.failed + workload.inFlight,
                "\(workload.name)"
            )
            #expect(workload.servedBy.total == workload.served, "\(workload.name)")
            #expect(workload.served > 0, "\(workload.name)")
            #expect(
                results.series.reduce(0) { $0 + $1.workloads[results.workloads.firstIndex(of: workload)!].served }
                    == workload.served
            )
        }
        let video = results.workloads[1]
        // Every object is 4 MB: bytes delivered are exactly 4 MB per served stream.
        #expect(video.bytesDelivered == Double(video.served) * 4e6)
        #expect(video.servedBy.shared > 0 && video.servedBy.edge + video.servedBy.origin > 0)
        let pool = results.sharedPools[0]
        let render = results.workloads[2]
        // Every request the pool served is a video or a job it served, counted once.
        #expect(pool.requestsServed == video.servedBy.shared + render.servedBy.shared)
        // Its bytes are whole 4 MB objects: one per video it served, plus at most one per
        // video still in flight whose transfer ended before the run did (its answer on its way).
        #expect(pool.bytesServed.truncatingRemainder(dividingBy: 4e6) == 0)
        let sentObjects = UInt64(pool.bytesServed / 4e6)
        #expect(sentObjects >= video.servedBy.shared)
        #expect(sentObjects - video.servedBy.shared <= video.inFlight)
        #expect(abs(pool.credits - pool.bytesServed / 1e9) < 1e-9 * max(1, pool.credits))
        #expect(render.preemptions > 0)
        #expect(render.servedBy.shared + render.servedBy.cloud == render.served)
        // The zone outage: 120 s of 600 measured, exactly.
        let hk = try #require(results.zones.first { $0.name == "hk-a" })
        #expect(abs(hk.availability - (1 - 120.0 / 600)) < 1e-9)
        let cost = try #require(results.cost)
        #expect(cost.credits > 0 && cost.compute > 0 && cost.egress > 0)
        // Credits cost their price (0.01 each) and every credit was earned by the pool.
        #expect(abs(cost.credits - pool.credits * 0.01) < 1e-9 * cost.credits)
    }

    @Test("Data residency: a population allowed only in a far region is never served nearby")
    func dataResidency() throws {
        let frankfurt = try WorldFixture.place(50.11, 8.68)
        let hangzhou = try WorldFixture.place(30.27, 120.15)
        let service = [try WorldFixture.exponential(mean: 0.01)]
        func spec(allowed: [String]?) throws -> ModelSpec {
            ModelSpec(
                regions: [
                    try WorldFixture.region("cn-hangzhou", at: hangzhou, zones: [("hz-a", 8)], service: service),
                    try WorldFixture.region("eu-central", at: frankfurt, zones: [("fra-a", 8)], service: service),
                ],
                populations: [
                    PopulationSpec(
                        name: "china-users",
                        location: hangzhou,
                        allowedRegions: allowed,
                        demands: [
                            WorkloadDemand(workloadClass: "orders", rate: try WorldFixture.rate(50))
                        ]
                    )
                ],
                workloadClasses: [WorkloadClassSpec(name: "orders", kind: .transaction)],
                latency: try WorldFixture.latency(),
                duration: .seconds(100),
                interval: .seconds(10)
            )
        }
        let free = try ModelRun.run(try spec(allowed: nil), seed: 1).workloads[0]
        #expect(free.servedBy.cloudByRegion[1] == 0 && free.servedBy.cloudByRegion[0] == free.served)
        let constrained = try ModelRun.run(try spec(allowed: ["eu-central"]), seed: 1).workloads[0]
        #expect(
            constrained.servedBy.cloudByRegion[0] == 0 && constrained.servedBy.cloudByRegion[1] == constrained.served
        )
        // Hangzhou to Frankfurt and back, over fibre: far slower than the local round trip.
        #expect(constrained.latency.p50 > free.latency.p50 + 0.08)
    }

    @Test("Shared-first: the fraction served by devices matches proportional placement and probing")
    func sharedPlacement() throws {
        let here = try WorldFixture.place(22.32, 114.17)
        let catalogue = 1_000
        let objectBytes = 1e6
        let storage = 50e6  // 50 objects per device
        let probes = 3
        let spec = ModelSpec(
            regions: [
                try WorldFixture.region(
                    "hk",
                    at: here,
                    zones: [("hk-a", 1_000)],
                    service: [try WorldFixture.constant(0.001)]
                )
            ],
            sharedPools: [
                SharedPoolPlacement(
                    pool: try WorldFixture.alwaysOnPool("homes", devices: 5_000, storage: storage),
                    location: here,
                    region: "hk",
                    probes: probes
                )
            ],
            populations: [
                PopulationSpec(
                    name: "users",
                    location: here,
                    demands: [
                        WorkloadDemand(workloadClass: "files", rate: try WorldFixture.rate(400))
                    ]
                )
            ],
            workloadClasses: [
                WorkloadClassSpec(
                    name: "files",
                    kind: .download(
                        ContentSpec(
                            catalogueSize: catalogue,
                            zipfExponent: 0.8,
                            objectBytes: try WorldFixture.constant(objectBytes)
                        )
                    )
                )
            ],
            routing: .sharedFirst,
            latency: try WorldFixture.latency(),
            duration: .seconds(100),
            interval: .seconds(10)
        )
        let results = try ModelRun.run(spec, seed: 11)
        let files = results.workloads[0]
        let zipf = try ZipfDistribution(exponent: 0.8, count: catalogue)
        let perDevice = storage / objectBytes
        var expected = 0.0
        for rank in 1...catalogue {
            let p = zipf.probability(ofRank: rank)
            let held = min(1, perDevice * p)
            expected += p * (1 - PortableMath.exp(Double(probes) * PortableMath.log(1 - held + 1e-300)))
        }
        let ended = Double(files.served + files.inFlight)
        let fraction = Double(files.servedBy.shared) / Double(files.served)
        let sigma = (expected * (1 - expected) / ended).squareRoot()
        #expect(files.served > 35_000)
        #expect(abs(fraction - expected) < 5 * sigma, "shared fraction \(fraction) vs placement \(expected) ± \(sigma)")
        #expect(files.servedBy.shared + files.servedBy.cloud == files.served)
    }

    @Test("An edge cache in the whole model hits as often as Che's approximation predicts")
    func edgeHitRatio() throws {
        let here = try WorldFixture.place(22.32, 114.17)
        let zipf = try ZipfDistribution(exponent: 0.8, count: 5_000)
        let spec = ModelSpec(
            regions: [
                try WorldFixture.region(
                    "origin",
                    at: here,
                    zones: [("o-a", 100)],
                    service: [try WorldFixture.constant(0.001)]
                )
            ],
            edgeSites: [
                EdgeSiteSpec(
                    name: "edge",
                    location: here,
                    region: "origin",
                    originRegion: "origin",
                    cacheBytes: 500,
                    uplinkBitsPerSecond: 1e12
                )
            ],
            populations: [
                PopulationSpec(
                    name: "users",
                    location: here,
                    demands: [
                        WorkloadDemand(workloadClass: "files", rate: try WorldFixture.rate(1_000))
                    ]
                )
            ],
            workloadClasses: [
                WorkloadClassSpec(
                    name: "files",
                    kind: .download(
                        ContentSpec(
                            catalogueSize: 5_000,
                            zipfExponent: 0.8,
                            objectBytes: try WorldFixture.constant(1)
                        )
                    )
                )
            ],
            routing: .weighted(["edge": 1]),
            latency: try WorldFixture.latency(),
            warmup: .seconds(20),
            duration: .seconds(200),
            interval: .seconds(20)
        )
        let results = try ModelRun.run(spec, seed: 5)
        let che = try CheApproximation(zipf: zipf, cacheSize: 500)
        let edge = results.edgeSites[0]
        #expect(edge.hits + edge.misses > 190_000)
        #expect(abs(edge.hitRatio - che.hitRatio) < 0.01, "hit ratio \(edge.hitRatio) vs Che \(che.hitRatio)")
        // Only the edge site is routed to and nothing fails: every request served is an edge
        // hit or a miss fetched from the origin, and the share served from the cache is Che's.
        let files = results.workloads[0]
        #expect(files.rejected == 0 && files.failed == 0)
        #expect(files.servedBy.edge + files.servedBy.origin == files.served)
        let servedHitRatio = Double(files.servedBy.edge) / Double(files.served)
        #expect(abs(servedHitRatio - che.hitRatio) < 0.01, "served from cache \(servedHitRatio) vs Che \(che.hitRatio)")
        // Lookups and served requests differ only by the requests in flight across the warm-up's
        // end and the run's end: a few milliseconds of arrivals at 1,000/s each.
        #expect(edge.hits >= files.servedBy.edge && edge.hits - files.servedBy.edge <= files.inFlight + 20)
    }

    @Test("Pool availability in the whole model is mean-on / (mean-on + mean-off)")
    func poolAvailability() throws {
        let here = try WorldFixture.place(22.32, 114.17)
        var pool = try WorldFixture.alwaysOnPool("homes", devices: 20_000, storage: 1e9)
        pool.onSessionSeconds = .weibull(try WeibullDistribution(shape: 0.6, scale: 1_800))
        pool.offSessionSeconds = try WorldFixture.exponential(mean: 3_600)
        let spec = ModelSpec(
            regions: [
                try WorldFixture.region("hk", at: here, zones: [("hk-a", 10)], service: [try WorldFixture.constant(1)])
            ],
            sharedPools: [SharedPoolPlacement(pool: pool, location: here, region: "hk")],
            populations: [
                PopulationSpec(
                    name: "users",
                    location: here,
                    demands: [
                        WorkloadDemand(workloadClass: "jobs", rate: try WorldFixture.rate(0.01))
                    ]
                )
            ],
            workloadClasses: [
                WorkloadClassSpec(
                    name: "jobs",
                    kind: .compute(ComputeJobSpec(cpuSeconds: try WorldFixture.constant(1)))
                )
            ],
            latency: try WorldFixture.latency(),
            duration: .hours(6),
            interval: .hours(1)
        )
        let results = try ModelRun.run(spec, seed: 9)
        let meanOn = pool.onSessionSeconds.mean
        let expected = meanOn / (meanOn + 3_600)
        // 20,000 devices, each with a handful of cycles: the time-average is tight.
        #expect(
            abs(results.sharedPools[0].onlineFraction - expected) < 0.01,
            "online \(results.sharedPools[0].onlineFraction) vs \(expected)"
        )
        #expect(results.series.count == 6)
        #expect(results.series.allSatisfy { abs($0.poolOnlineFraction[0] - expected) < 0.02 })
    }

    @Test("Checkpoints cut the CPU lost when devices leave")
    func checkpoints() throws {
        let without = try ModelRun.run(try mixedSpec(checkpoint: nil), seed: 2).workloads[2]
        let with = try ModelRun.run(try mixedSpec(checkpoint: .seconds(5)), seed: 2).workloads[2]
        #expect(without.preemptions > 20 && with.preemptions > 20)
        #expect(
            with.wastedCPUSeconds / Double(with.preemptions) < without.wastedCPUSeconds / Double(without.preemptions)
        )
    }

    @Test("Every routing policy runs the mixed model and conserves requests")
    func policies() throws {
        for policy in [
            RoutingPolicy.nearestHealthy, .lowestLatency, .powerOfTwoChoices, .sharedFirst,
            .weighted(["hz-a": 1, "hz-b": 1, "hk-a": 2, "hk-edge": 3, "hk-homes": 1]),
        ] {
            let results = try ModelRun.run(try mixedSpec(routing: policy), seed: 4)
            for workload in results.workloads {
                #expect(
                    workload.arrived == workload.served + workload.rejected + workload.failed + workload.inFlight,
                    "\(policy.name) \(workload.name)"
                )
                #expect(workload.served > 0, "\(policy.name) \(workload.name)")
            }
        }
    }

    @Test("Retries recover requests from a failed zone; without them they are lost")
    func retries() throws {
        let here = try WorldFixture.place(30.27, 120.15)
        func spec(retry: RetryPolicy) throws -> ModelSpec {
            ModelSpec(
                regions: [
                    try WorldFixture.region(
                        "hz",
                        at: here,
                        zones: [("hz-a", 50), ("hz-b", 50)],
                        service: [try WorldFixture.exponential(mean: 0.1)]
                    )
                ],
                populations: [
                    PopulationSpec(
                        name: "users",
                        location: here,
                        demands: [
                            WorkloadDemand(workloadClass: "orders", rate: try WorldFixture.rate(100))
                        ]
                    )
                ],
                workloadClasses: [WorkloadClassSpec(name: "orders", kind: .transaction)],
                retry: retry,
                latency: try WorldFixture.latency(),
                outages: [
                    try ScheduledOutage(target: .zone("hz-a"), start: SimTime(.seconds(50)), duration: .seconds(10))
                ],
                duration: .seconds(100),
                interval: .seconds(10)
            )
        }
        let lost = try ModelRun.run(try spec(retry: .none), seed: 1).workloads[0]
        #expect(lost.failed > 0 && lost.retries == 0)
        #expect(lost.served + lost.failed + lost.rejected + lost.inFlight == lost.arrived)
        let saved = try ModelRun.run(
            try spec(retry: RetryPolicy(maxAttempts: 3, backoff: .milliseconds(10), cap: .seconds(1))),
            seed: 1
        )
        .workloads[0]
        #expect(saved.failed == 0 && saved.rejected == 0)
        // The same sample path up to the outage: every request lost with the zone (in it, or
        // on its way to it) is retried once, on the other zone.
        #expect(saved.retries == lost.failed + lost.rejected)
    }

    @Test("Cross-references are checked with suggestions")
    func validation() throws {
        var spec = try mixedSpec()
        spec.edgeSites[0].originRegion = "cn-hangzou"
        #expect(
            throws: SpecErrors([
                SpecError(
                    .edgeSite("hk-edge"),
                    .origin,
                    .unknown(kind: "region", name: "cn-hangzou"),
                    suggestion: "cn-hangzhou"
                )
            ])
        ) { try spec.validate() }
        spec = try mixedSpec()
        spec.populations[0].demands[0].workloadClass = "order"
        #expect(
            throws: SpecErrors([
                SpecError(
                    .population("hk"),
                    .workloads.at(0).child("workload"),
                    .unknown(kind: "workload", name: "order"),
                    suggestion: "orders"
                )
            ])
        ) { try spec.validate() }
        spec = try mixedSpec()
        spec.populations[0].allowedRegions = []
        #expect(throws: SpecErrors.self) { try spec.validate() }
        spec = try mixedSpec()
        spec.outages = [try ScheduledOutage(target: .zone("hk-z"), start: .zero, duration: .seconds(1))]
        #expect(
            throws: SpecErrors([
                SpecError(
                    .outage(0, of: .zone("hk-z")),
                    .zone,
                    .unknown(kind: "zone", name: "hk-z"),
                    suggestion: "hk-a"
                )
            ])
        ) { try spec.validate() }
    }

    @Test("validate reports one error per bad element, with the typed element and the YAML key")
    func validateReportsEveryElement() throws {
        var spec = try mixedSpec()
        spec.edgeSites[0].nodes = 0
        spec.edgeSites[0].uplinkBitsPerSecond = -1
        spec.sharedPools[0].probes = 0
        let errors = #expect(throws: SpecErrors.self) { try spec.validate() }
        #expect(errors?.errors.count == 2, "\(String(describing: errors))")
        let edge = errors?.errors.first
        #expect(edge?.element.kind == .edgeSite)
        #expect(edge?.element.name == spec.edgeSites[0].name)
        #expect(edge?.field == .uplink)
        let pool = errors?.errors.last
        #expect(pool?.element == .sharedPool(spec.sharedPools[0].pool.name))
        #expect(pool?.field == .probes)
        #expect(
            pool?.description == "shared pool '\(spec.sharedPools[0].pool.name)': probes: must be at least 1, got 0"
        )
    }

    @Test("Outages by hand (live control) take a zone down for exactly their span; snapshots add up")
    func manualOutage() throws {
        var simulation = try ModelRun.prepare(try mixedSpec(), seed: 8)
        _ = simulation.run(until: SimTime(.seconds(100)))
        #expect(simulation.model.setOutage(of: .zone("hz-a"), down: true, scheduler: &simulation.scheduler))
        #expect(!simulation.model.setOutage(of: .zone("nowhere"), down: true, scheduler: &simulation.scheduler))
        _ = simulation.run(until: SimTime(.seconds(200)))
        let midway = simulation.model.snapshot(at: simulation.now, events: simulation.scheduler.eventCount)
        #expect(midway.durationSeconds == 140)
        #expect(simulation.model.setOutage(of: .zone("hz-a"), down: false, scheduler: &simulation.scheduler))
        let results = try ModelRun.finish(&simulation)
        let zone = try #require(results.zones.first { $0.name == "hz-a" })
        #expect(abs(zone.availability - (1 - 100.0 / 600)) < 1e-9)
        for workload in results.workloads {
            #expect(workload.arrived == workload.served + workload.rejected + workload.failed + workload.inFlight)
            #expect(workload.served >= midway.workloads.first { $0.name == workload.name }!.served)
        }
    }
}
