import Testing

@testable import SimCore

/// Runs `replications` independent M/M/c runs (seeds 1...R) and returns their measurements.
/// The M/M/1 runs use the heap and the M/M/c runs the default ladder queue, so theory
/// checks both pending-event sets.
func mmcReplications(
    servers: Int,
    lambda: Double,
    mu: Double,
    customers: UInt64,
    warmup: UInt64,
    replications: Int,
    onHeap: Bool = false
) -> [MMcMeasurements] {
    func run<Queue: PendingEventSet>(_ model: MMcQueueModel, _ queue: Queue) -> MMcMeasurements {
        var simulation = Simulation(model: model, queue: queue)
        simulation.model.start(scheduler: &simulation.scheduler)
        simulation.runToCompletion()
        return simulation.model.measurements
    }
    return (1...replications).map { replication in
        let model = MMcQueueModel(
            servers: servers,
            arrivalRate: lambda,
            serviceRate: mu,
            customers: customers,
            warmupCustomers: warmup,
            seed: UInt64(replication)
        )
        return onHeap ? run(model, QuaternaryHeap()) : run(model, LadderQueue())
    }
}

/// Checks Little's law on one run's sample path: the system starts and ends empty, so the
/// area under N(t) equals the sum of the customers' times in system, and the time-average
/// number in system equals (departures / elapsed) x mean time in system, to rounding.
/// Needs a run without warm-up, so that the mean time in system covers every customer.
func expectLittlesLawOnSamplePath(_ run: MMcMeasurements, sourceLocation: SourceLocation = #_sourceLocation) {
    let throughput = Double(run.departed) / run.elapsed.seconds
    let littleL = throughput * run.meanResponseTime
    #expect(abs(run.meanNumberInSystem - littleL) <= 1e-9 * littleL, sourceLocation: sourceLocation)
    #expect(run.arrived == run.departed, sourceLocation: sourceLocation)
}

@Suite("Queueing theory")
struct QueueingTests {
    @Test("Erlang C matches known values")
    func erlangC() throws {
        let mm1 = try #require(MMcTheory(servers: 1, arrivalRate: 0.5, serviceRate: 1))
        #expect(abs(mm1.probabilityOfWaiting - 0.5) < 1e-15)
        #expect(abs(mm1.meanWaitInQueue - 1.0) < 1e-15)
        #expect(abs(mm1.meanNumberInSystem - 1.0) < 1e-15)
        let mm8 = try #require(MMcTheory(servers: 8, arrivalRate: 7, serviceRate: 1))
        #expect(abs(mm8.meanWaitInQueue - 0.635_316_017_536_429_4) < 1e-12)
        #expect(MMcTheory(servers: 2, arrivalRate: 2, serviceRate: 1) == nil, "an unstable queue has no steady state")
    }

    /// Checks `theory` lies within `k` standard errors of the replication mean of `values`.
    func expectWithin(
        _ values: [Double],
        of theory: Double,
        standardErrors k: Double,
        _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let interval = ConfidenceInterval.of(values, level: 0.95)
        // The 95% half-width is t(0.975, R-1) standard errors.
        let standardError = interval.halfWidth / StudentT.quantile(0.975, degreesOfFreedom: Double(values.count - 1))
        #expect(
            abs(interval.mean - theory) <= k * standardError,
            "\(what): simulated \(interval.mean) ± \(standardError) (1 SE) vs theory \(theory)",
            sourceLocation: sourceLocation
        )
        // The runs are long enough for the error to be small, so the check has teeth.
        #expect(
            standardError < 0.03 * theory,
            "\(what): standard error \(standardError) too wide to test",
            sourceLocation: sourceLocation
        )
    }

    @Test("M/M/1 at 50% load matches the analytic mean wait, response time and utilisation")
    func mm1() throws {
        let theory = try #require(MMcTheory(servers: 1, arrivalRate: 0.5, serviceRate: 1))
        let runs = mmcReplications(
            servers: 1,
            lambda: 0.5,
            mu: 1,
            customers: 100_000,
            warmup: 0,
            replications: 10,
            onHeap: true
        )
        expectWithin(runs.map(\.meanWaitInQueue), of: theory.meanWaitInQueue, standardErrors: 4, "Wq")
        expectWithin(runs.map(\.meanResponseTime), of: theory.meanResponseTime, standardErrors: 4, "W")
        expectWithin(runs.map(\.utilisation), of: theory.utilisation, standardErrors: 4, "utilisation")
        expectWithin(runs.map(\.fractionDelayed), of: theory.probabilityOfWaiting, standardErrors: 4, "P(wait)")
        expectWithin(runs.map(\.meanNumberInSystem), of: theory.meanNumberInSystem, standardErrors: 4, "L")
        for run in runs { expectLittlesLawOnSamplePath(run) }
    }

    @Test(
        "M/M/c with 4 servers at 3/4 load and 8 servers at 7/8 load matches Erlang C",
        arguments: [(4, 3.0), (8, 7.0)]
    )
    func mmc(servers: Int, lambda: Double) throws {
        let theory = try #require(MMcTheory(servers: servers, arrivalRate: lambda, serviceRate: 1))
        let runs = mmcReplications(
            servers: servers,
            lambda: lambda,
            mu: 1,
            customers: 200_000,
            warmup: 0,
            replications: 10
        )
        expectWithin(runs.map(\.meanWaitInQueue), of: theory.meanWaitInQueue, standardErrors: 4, "Wq")
        expectWithin(runs.map(\.fractionDelayed), of: theory.probabilityOfWaiting, standardErrors: 4, "P(wait)")
        expectWithin(runs.map(\.utilisation), of: theory.utilisation, standardErrors: 4, "utilisation")
        expectWithin(runs.map(\.meanNumberInSystem), of: theory.meanNumberInSystem, standardErrors: 4, "L")
        for run in runs { expectLittlesLawOnSamplePath(run) }
    }

    @Test("Little's law holds exactly on the sample path and L = λW holds against theory")
    func littlesLaw() throws {
        let runs = mmcReplications(servers: 2, lambda: 1.5, mu: 1, customers: 50_000, warmup: 0, replications: 4)
        for run in runs {
            expectLittlesLawOnSamplePath(run)
            #expect(run.arrived == 50_000)
        }
        let theory = try #require(MMcTheory(servers: 2, arrivalRate: 1.5, serviceRate: 1))
        // L from the stationary distribution, independently of Little's law:
        // L = Lq + λ/μ with Lq = C ρ / (1 − ρ).
        let rho = theory.utilisation
        let independentL = theory.probabilityOfWaiting * rho / (1 - rho) + 1.5 / 1
        #expect(abs(theory.meanNumberInSystem - independentL) < 1e-12)
    }
}
