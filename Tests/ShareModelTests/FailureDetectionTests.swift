import SimCore
import Testing

@testable import ShareModel

@Suite("Failure detection, correlated and gray failures")
struct FailureDetectionTests {
    /// Hangzhou with zones `hz-a` and `hz-b` (50 cores each, exponential service of mean
    /// `service` s), users in the same city at `lambda`/s, nearest-healthy routing (so `hz-a`
    /// takes everything while it looks up), three attempts 10 ms apart.
    func twoZoneSpec(
        lambda: Double,
        service: Double = 0.05,
        duration: SimDuration,
        randomFailures: [RandomFailureSpec] = [],
        outages: [ScheduledOutage] = [],
        healthCheck: HealthCheckSpec? = nil
    ) throws -> ModelSpec {
        let here = try WorldFixture.place(30.27, 120.15)
        return ModelSpec(
            regions: [
                try WorldFixture.region(
                    "hz",
                    at: here,
                    zones: [("hz-a", 50), ("hz-b", 50)],
                    service: [try WorldFixture.exponential(mean: service)]
                )
            ],
            populations: [
                PopulationSpec(
                    name: "users",
                    location: here,
                    demands: [WorkloadDemand(workloadClass: "orders", rate: try WorldFixture.rate(lambda))]
                )
            ],
            workloadClasses: [WorkloadClassSpec(name: "orders", kind: .transaction)],
            retry: RetryPolicy(maxAttempts: 3, backoff: .milliseconds(10), cap: .seconds(1), jitter: false),
            latency: try WorldFixture.latency(),
            outages: outages,
            randomFailures: randomFailures,
            healthCheck: healthCheck,
            duration: duration,
            interval: .seconds(3_600)
        )
    }

    @Test("Detection delay is uniform on [(k-1)I+T, kI+T]; requests sent into the window ≈ λ × delay")
    func detectionDelay() throws {
        // I = 5 s, T = 2 s, k = 3: delays on [12 s, 17 s], mean 14.5 s. Outages last a constant
        // 60 s (always detected while down) and start after exponential up times (mean 300 s),
        // so each failure falls at a uniform phase of the probe cycle.
        let check = try HealthCheckSpec(
            interval: .seconds(5),
            timeout: .seconds(2),
            unhealthyAfter: 3,
            healthyAfter: 2
        )
        let failures = try RandomFailureSpec(
            target: .zone("hz-a"),
            timeToFailureSeconds: try WorldFixture.exponential(mean: 300),
            timeToRepairSeconds: try WorldFixture.constant(60)
        )
        let lambda = 2.0
        let spec = try twoZoneSpec(
            lambda: lambda,
            duration: .hours(10),
            randomFailures: [failures],
            healthCheck: check
        )
        var detected: UInt64 = 0
        var delaySum = 0.0
        var lowest = Double.infinity
        var highest = 0.0
        var sentToDead: UInt64 = 0
        var expectedSent = 0.0
        for seed in 1...5 {
            let results = try ModelRun.run(spec, seed: UInt64(seed))
            let detection = try #require(results.zones[0].detection)
            #expect(detection.undetectedOutages == 0 && detection.lateMarkDowns == 0)
            #expect(results.zones[1].detection?.outagesDetected == 0)
            let mean = try #require(detection.meanDetectionSeconds)
            detected += detection.outagesDetected
            delaySum += mean * Double(detection.outagesDetected)
            lowest = min(lowest, try #require(detection.minDetectionSeconds))
            highest = max(highest, try #require(detection.maxDetectionSeconds))
            let orders = results.workloads[0]
            sentToDead += try #require(orders.sentToDeadSites)
            // Requests arrive as a Poisson stream: into this run's windows, λ × their total length.
            expectedSent += lambda * mean * Double(detection.outagesDetected)
            #expect(orders.arrived == orders.served + orders.rejected + orders.failed + orders.inFlight)
            #expect(orders.failed == 0 && orders.rejected == 0, "every request sent to the dead zone is retried")
            // The retried requests waited out the 2 s timeout and a 10 ms backoff.
            let retryDelay = try #require(orders.meanRetryDelaySeconds)
            #expect(retryDelay > 1.9 && retryDelay < 2.02, "mean retry delay \(retryDelay) s")
        }
        // About 100 outages per run (10 h of 360 s cycles), 500 in all, and at least 400; the mean of a uniform on [12, 17] has
        // a standard deviation of 5/√12 s, so its standard error is under 0.075 s.
        #expect(detected >= 400)
        let standardError = 5 / 12.0.squareRoot() / Double(detected).squareRoot()
        #expect(abs(delaySum / Double(detected) - 14.5) <= 4 * standardError, "mean \(delaySum / Double(detected))")
        // Bounds are exact (probes are 5 s apart to the nanosecond); with 400 draws the extremes
        // come within 0.25 s of them (a miss has probability (1 - 0.05)^400 < 10⁻⁸).
        #expect(lowest >= 12 && lowest < 12.25, "shortest delay \(lowest)")
        #expect(highest <= 17 && highest > 16.75, "longest delay \(highest)")
        // Poisson count: within 4 standard deviations (√mean) of λ × total delay.
        #expect(
            abs(Double(sentToDead) - expectedSent) <= 4 * expectedSent.squareRoot(),
            "\(sentToDead) vs \(expectedSent)"
        )
    }

    @Test("Without health checks the router knows at once: no detection figures, nothing sent into a window")
    func instantKnowledge() throws {
        let outage = try ScheduledOutage(target: .zone("hz-a"), start: SimTime(.seconds(100)), duration: .seconds(60))
        let results = try ModelRun.run(
            try twoZoneSpec(lambda: 20, duration: .seconds(300), outages: [outage]),
            seed: 3
        )
        #expect(results.zones.allSatisfy { $0.detection == nil })
        #expect(results.workloads[0].sentToDeadSites == nil && results.workloads[0].meanRetryDelaySeconds == nil)
        // With a health check, the same outage costs a detection window of requests.
        let checked = try ModelRun.run(
            try twoZoneSpec(
                lambda: 20,
                duration: .seconds(300),
                outages: [outage],
                healthCheck: try HealthCheckSpec(
                    interval: .seconds(5),
                    timeout: .seconds(2),
                    unhealthyAfter: 3,
                    healthyAfter: 2
                )
            ),
            seed: 3
        )
        let detection = try #require(checked.zones[0].detection)
        #expect(detection.outagesDetected == 1 && detection.recoveriesDetected == 1)
        let sent = try #require(checked.workloads[0].sentToDeadSites)
        #expect(sent > 100, "about 20/s × 14.5 s = 290 requests went to the dead zone, got \(sent)")
        // Recovery takes healthy_after = 2 probes: between 5 and 10 s after repair.
        let recovery = try #require(detection.meanRecoverySeconds)
        #expect(recovery > 5 && recovery <= 10)
        #expect(checked.warnings == nil)
        // An outage shorter than the shortest detection delay (12 s) is never detected: a warning says so.
        let blip = try ScheduledOutage(target: .zone("hz-a"), start: SimTime(.seconds(100)), duration: .seconds(8))
        var short = try twoZoneSpec(lambda: 20, duration: .seconds(300), outages: [blip])
        short.healthCheck = try HealthCheckSpec(
            interval: .seconds(5),
            timeout: .seconds(2),
            unhealthyAfter: 3,
            healthyAfter: 2
        )
        let missed = try ModelRun.run(short, seed: 3)
        #expect(missed.zones[0].detection?.undetectedOutages == 1 && missed.zones[0].detection?.outagesDetected == 0)
        #expect(missed.warnings?.contains { $0.hasPrefix("zone 'hz-a': 1 outage(s) ended before") } == true)
    }

    @Test("A region fails all its zones, and a failure group all its members, at the same instant")
    func correlatedFailures() throws {
        let far = try WorldFixture.place(31.23, 121.47)
        var spec = try twoZoneSpec(lambda: 5, duration: .seconds(400))
        spec.regions.append(
            try WorldFixture.region(
                "sh",
                at: far,
                zones: [("sh-a", 10), ("sh-b", 10), ("sh-c", 10)],
                service: [try WorldFixture.exponential(mean: 0.05)]
            )
        )
        spec.failureGroups = [try FailureGroupSpec(name: "power-1", zones: ["hz-b", "sh-a"])]
        spec.outages = [
            try ScheduledOutage(target: .group("power-1"), start: SimTime(.seconds(100)), duration: .seconds(50)),
            try ScheduledOutage(target: .region("sh"), start: SimTime(.seconds(250)), duration: .seconds(20)),
        ]
        var simulation = try ModelRun.prepare(spec, seed: 5)
        func upZones() -> [String] {
            simulation.model.zones.ids.filter { simulation.model.zones[$0].engine.isUp }.map {
                simulation.model.zones[$0].engine.spec.name
            }
        }
        let all = ["hz-a", "hz-b", "sh-a", "sh-b", "sh-c"]
        ModelRun.advance(&simulation, until: SimTime(.seconds(100)) - .nanoseconds(1))
        #expect(upZones() == all)
        ModelRun.advance(&simulation, until: SimTime(.seconds(100)))
        #expect(upZones() == ["hz-a", "sh-b", "sh-c"])
        ModelRun.advance(&simulation, until: SimTime(.seconds(150)))
        #expect(upZones() == all)
        ModelRun.advance(&simulation, until: SimTime(.seconds(250)))
        #expect(upZones() == ["hz-a", "hz-b"])
        let results = try ModelRun.finish(&simulation)
        let availability = Dictionary(uniqueKeysWithValues: results.zones.map { ($0.name, $0.availability) })
        #expect(availability["hz-a"] == 1)
        #expect(abs(availability["hz-b"]! - (1 - 50.0 / 400)) < 1e-12)
        #expect(abs(availability["sh-a"]! - (1 - 70.0 / 400)) < 1e-12)
        #expect(abs(availability["sh-b"]! - (1 - 20.0 / 400)) < 1e-12)
        #expect(availability["sh-b"] == availability["sh-c"])
    }

    @Test("Unknown groups and zones, empty groups and bad slowdowns are refused")
    func validation() throws {
        var spec = try twoZoneSpec(lambda: 1, duration: .seconds(10))
        spec.failureGroups = [try FailureGroupSpec(name: "power-1", zones: ["hz-a", "hz-z"])]
        spec.outages = [try ScheduledOutage(target: .group("power-2"), start: .zero, duration: .seconds(1))]
        #expect(throws: SpecErrors.self) { try spec.validate() }
        do {
            try spec.validate()
        } catch {
            let text = error.errors.map(\.description).joined(separator: "\n")
            #expect(text.contains("unknown zone 'hz-z'"), "\(text)")
            #expect(text.contains("unknown failure group 'power-2'"), "\(text)")
        }
        #expect(throws: SpecError.self) { try FailureGroupSpec(name: "empty", zones: []) }
        #expect(throws: SpecError.self) {
            try ScheduledSlowdown(target: .zone("hz-a"), start: .zero, duration: .seconds(1), factor: 0)
        }
        #expect(throws: SpecError.self) {
            try ScheduledSlowdown(target: .link("x"), start: .zero, duration: .seconds(1), factor: 2)
        }
        #expect(throws: SpecError.self) {
            try HealthCheckSpec(interval: .zero, timeout: .seconds(1), unhealthyAfter: 1, healthyAfter: 1)
        }
        #expect(throws: SpecError.self) {
            try HealthCheckSpec(interval: .seconds(1), timeout: .seconds(1), unhealthyAfter: 0, healthyAfter: 1)
        }
    }

    @Test("A zone slowed ×5 queues as M/M/c at a fifth of the service rate (Erlang C), and stays up")
    func grayFailure() throws {
        let here = try WorldFixture.place(30.27, 120.15)
        // 4 cores, service mean 1 s slowed to 5 s, λ = 0.6/s: ρ = 0.75 as in the plain Erlang C test.
        let duration = SimDuration.seconds(100_000)
        let warmup = SimDuration.seconds(2_500)
        let spec = ModelSpec(
            regions: [
                try WorldFixture.region(
                    "hz",
                    at: here,
                    zones: [("hz-a", 4)],
                    service: [try WorldFixture.exponential(mean: 1)]
                )
            ],
            populations: [
                PopulationSpec(
                    name: "users",
                    location: here,
                    demands: [WorkloadDemand(workloadClass: "orders", rate: try WorldFixture.rate(0.6))]
                )
            ],
            workloadClasses: [WorkloadClassSpec(name: "orders", kind: .transaction)],
            latency: try WorldFixture.latency(),
            slowdowns: [
                try ScheduledSlowdown(target: .region("hz"), start: .zero, duration: warmup + duration, factor: 5)
            ],
            healthCheck: try HealthCheckSpec(
                interval: .seconds(5),
                timeout: .seconds(2),
                unhealthyAfter: 3,
                healthyAfter: 2
            ),
            warmup: warmup,
            duration: duration,
            interval: .seconds(10_000)
        )
        let runs = try (1...8).map { seed in try ModelRun.run(spec, seed: UInt64(seed)) }
        let theory = try #require(MMcTheory(servers: 4, arrivalRate: 0.6, serviceRate: 0.2))
        expectZoneWithin(
            runs.map { $0.zones[0].meanWaitSeconds },
            of: theory.meanWaitInQueue,
            standardErrors: 4,
            "Wq at the slowed rate",
            relativePrecision: 0.05
        )
        expectZoneWithin(runs.map { $0.zones[0].utilisation }, of: 0.75, standardErrors: 4, "utilisation")
        for run in runs {
            #expect(run.zones[0].detection?.outagesDetected == 0 && run.zones[0].detection?.lateMarkDowns == 0)
            #expect(run.zones[0].availability == 1)
        }
    }

    @Test("Health checks cost one event per site per interval, and change nothing else while all is up")
    func probeCost() throws {
        let check = try HealthCheckSpec(interval: .seconds(5), timeout: .seconds(2), unhealthyAfter: 3, healthyAfter: 2)
        let plain = try twoZoneSpec(lambda: 5, duration: .hours(1))
        var checked = plain
        checked.healthCheck = check
        let without = try ModelRun.run(plain, seed: 9)
        let with = try ModelRun.run(checked, seed: 9)
        // Each site probes at its phase, then every 5 s, up to the end of the run (exclusive).
        let end = SimTime.zero + .hours(1)
        var probes: UInt64 = 0
        for name in ["hz-a", "hz-b"] {
            var stream = RandomStream(seed: 9, name: "health-check/\(name)")
            let phase = SimTime.zero + .nanoseconds(Int64(stream.nextInt(below: UInt64(check.interval.nanoseconds))))
            probes += UInt64((end - phase - .nanoseconds(1)).nanoseconds / check.interval.nanoseconds) + 1
        }
        #expect(probes > 1_438 && probes <= 1_440)
        #expect(with.eventsProcessed == without.eventsProcessed + probes)
        #expect(with.workloads[0].served == without.workloads[0].served)
        #expect(with.workloads[0].latency == without.workloads[0].latency)
        #expect(with.workloads[0].sentToDeadSites == 0 && without.workloads[0].sentToDeadSites == nil)
    }
}
