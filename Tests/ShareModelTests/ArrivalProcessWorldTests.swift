import SimCore
import Testing

@testable import ShareModel

/// Arrival processes through the whole model: deterministic arrivals into a deterministic
/// server, a batch Poisson stream into an M/M/1 zone (M^X/M/1), and a one-shot burst.
@Suite("Arrival processes in the whole model")
struct ArrivalProcessWorldTests {
    /// One region with one single-core zone serving `service`, and one population beside it
    /// asking for `orders` by `arrivals` at `lambda`/s (a profile of zero for a burst).
    func spec(
        lambda: Double,
        arrivals: ArrivalProcess,
        service: SampledDistribution,
        duration: SimDuration,
        warmup: SimDuration
    ) throws -> ModelSpec {
        let here = try WorldFixture.place(30.27, 120.15)
        return ModelSpec(
            regions: [try WorldFixture.region("hz", at: here, zones: [("hz-a", 1)], service: [service])],
            populations: [
                PopulationSpec(
                    name: "users",
                    location: here,
                    demands: [
                        WorkloadDemand(workloadClass: "orders", rate: try WorldFixture.rate(lambda), arrivals: arrivals)
                    ]
                )
            ],
            workloadClasses: [WorkloadClassSpec(name: "orders", kind: .transaction)],
            latency: try WorldFixture.latency(),
            warmup: warmup,
            duration: duration,
            interval: .seconds(10)
        )
    }

    @Test("deterministic arrivals into a deterministic server below capacity never wait; counts are exact")
    func deterministicNoWait() throws {
        // 200/s, one every 5 ms, into a single core that takes 4 ms: no request ever finds it
        // busy. Every request has the same route, so the spacing reaches the zone intact.
        let service = try WorldFixture.constant(0.004)
        let spec = try spec(
            lambda: 200,
            arrivals: .deterministic,
            service: service,
            duration: .seconds(100),
            warmup: .seconds(5)
        )
        for seed in 1...3 {
            let results = try ModelRun.run(spec, seed: UInt64(seed))
            #expect(results.zones[0].meanWaitSeconds == 0, "seed \(seed)")
            // Exactly rate × measured span in the measured window [5 s, 105 s).
            #expect(results.workloads[0].arrived == 20_000, "seed \(seed)")
            #expect(results.arrivals?.first?.arrived == 20_000)
            #expect(results.arrivals?.first?.process == "deterministic")
            #expect(abs(results.zones[0].utilisation - 0.8) < 1e-3)
        }
        // The same load as Poisson arrivals waits (M/D/1: Wq = ρ/(2μ(1 − ρ)) = 8 ms): the
        // exact-zero check above can fail.
        let poisson = try ModelRun.run(
            try self.spec(
                lambda: 200,
                arrivals: .poisson,
                service: service,
                duration: .seconds(100),
                warmup: .seconds(5)
            ),
            seed: 1
        )
        #expect(poisson.zones[0].meanWaitSeconds > 0.004)
        #expect(poisson.arrivals == nil)
    }

    @Test("batch Poisson into one exponential server: the mean wait matches M^X/M/1")
    func batchMX() throws {
        // λ = 0.6 requests/s in geometric batches of mean 2 (E[B²] = (2 − p)/p² = 6), μ = 1/s,
        // ρ = 0.6. M^X/M/1 (Gross & Harris, Fundamentals of Queueing Theory, §3.2):
        // L = ρ/(1 − ρ) · (E[B²] + E[B]) / (2E[B]) = 1.5 · 8/4 = 3, so W = L/λ = 5 s and
        // Wq = W − 1/μ = 4 s (the order inside a batch does not change the mean).
        let spec = try spec(
            lambda: 0.6,
            arrivals: .batch(.geometric(mean: 2)),
            service: try WorldFixture.exponential(mean: 1),
            duration: .seconds(40_000),
            warmup: .seconds(500)
        )
        let runs = try (1...8).map { seed in try ModelRun.run(spec, seed: UInt64(seed)) }
        // Four standard errors of the mean over 8 independent replications (Student t).
        expectZoneWithin(
            runs.map { $0.zones[0].meanWaitSeconds },
            of: 4,
            standardErrors: 4,
            "Wq",
            relativePrecision: 0.06
        )
        // A Poisson stream at the same load would wait ρ/(μ − λ) = 1.5 s: far outside.
        #expect(runs.allSatisfy { $0.zones[0].meanWaitSeconds > 2.5 })
    }

    @Test("a burst creates exactly N requests at its instant and nothing else")
    func burst() throws {
        let spec = try spec(
            lambda: 0,
            arrivals: .burst(count: 500, at: SimTime(.seconds(42))),
            service: try WorldFixture.constant(0.001),
            duration: .seconds(100),
            warmup: .zero
        )
        try spec.validate()
        let results = try ModelRun.run(spec, seed: 1)
        #expect(results.workloads[0].arrived == 500)
        #expect(results.workloads[0].served == 500)
        #expect(
            results.arrivals == [
                DemandArrivalResults(
                    population: "users",
                    workload: "orders",
                    process: "burst (500 at 42 s)",
                    arrived: 500
                )
            ]
        )
        // All 500 in the interval [40 s, 50 s), none elsewhere.
        let perInterval = results.series.map { $0.workloads[0].arrived ?? 0 }
        #expect(perInterval[4] == 500 && perInterval.reduce(0, +) == 500)
        // The last of them waited for the 499 before it: 499 ms in a 1 ms FCFS queue.
        #expect(abs(results.zones[0].meanWaitSeconds - 0.2495) < 1e-9)
    }

    @Test("a class asked for twice by one population draws each demand from its own stream")
    func repeatedClass() throws {
        var spec = try spec(
            lambda: 100,
            arrivals: .poisson,
            service: try WorldFixture.constant(0.001),
            duration: .seconds(100),
            warmup: .zero
        )
        spec.populations[0].demands += [
            WorkloadDemand(workloadClass: "orders", rate: try WorldFixture.rate(100)),
            WorkloadDemand(
                workloadClass: "orders",
                rate: try WorldFixture.rate(0),
                arrivals: .burst(count: 7, at: SimTime(.seconds(1)))
            ),
        ]
        let arrivals = try #require(try ModelRun.run(spec, seed: 1).arrivals)
        #expect(arrivals.map(\.process) == ["poisson", "poisson", "burst (7 at 1 s)"])
        // Two Poisson streams of 10,000 expected arrivals: the same stream would give equal counts.
        #expect(arrivals[0].arrived != arrivals[1].arrived)
        #expect(arrivals[2].arrived == 7)
    }

    @Test("a burst after the run's end or in the warm-up is a warning, not a silent no-op")
    func burstWarnings() throws {
        func warnings(at seconds: Int64) throws -> [String] {
            try spec(
                lambda: 0,
                arrivals: .burst(count: 10, at: SimTime(.seconds(seconds))),
                service: try WorldFixture.constant(0.001),
                duration: .seconds(100),
                warmup: .seconds(20)
            )
            .warnings
        }
        #expect(try warnings(at: 50).isEmpty)
        #expect(
            try warnings(at: 120) == [
                "the burst of 10 'orders' requests from 'users' at 2 min comes after the run ends at 2 min: "
                    + "it has no effect"
            ]
        )
        #expect(
            try warnings(at: 5).first?.hasSuffix("comes before measuring starts at 20 s: no count shows it") == true
        )
    }

    @Test("bad processes are refused by validation, each at its field")
    func validation() throws {
        let service = try WorldFixture.constant(0.001)
        let cases: [(ArrivalProcess, Double, String)] = [
            (.batch(.fixed(0)), 1, "workloads[0].arrivals.batch_size"),
            (.batch(.geometric(mean: 0.5)), 1, "workloads[0].arrivals.batch_size"),
            (.onOff(OnOffModulation(meanOn: .zero, meanOff: .seconds(1))), 1, "workloads[0].arrivals.mean_on"),
            (.onOff(OnOffModulation(meanOn: .seconds(1), meanOff: .seconds(-1))), 1, "workloads[0].arrivals.mean_off"),
            (
                .onOff(OnOffModulation(meanOn: .seconds(1), meanOff: .seconds(1), offLevel: 2)), 1,
                "workloads[0].arrivals.off_level"
            ),
            (.burst(count: 0, at: .zero), 0, "workloads[0].arrivals.count"),
            (.burst(count: 5, at: SimTime(nanoseconds: -1)), 0, "workloads[0].arrivals.at"),
            (.burst(count: 5, at: .zero), 3, "workloads[0].rate"),
        ]
        for (process, rate, field) in cases {
            let bad = try spec(lambda: rate, arrivals: process, service: service, duration: .seconds(1), warmup: .zero)
            #expect(throws: SpecErrors.self) { try bad.validate() }
            do {
                try bad.validate()
            } catch {
                #expect(error.errors.map(\.field.description) == [field], "\(process)")
                #expect(error.errors.first?.element == .population("users"))
            }
        }
    }
}
