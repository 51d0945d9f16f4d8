import SimCore
import Testing

@testable import ShareModel

/// Runs `replications` independent single-zone runs (seeds 1...R) to completion.
func cloudZoneReplications(
    spec: ZoneSpec,
    lambda: Double,
    requests: UInt64,
    replications: Int
)
    -> [(model: CloudZoneModel, end: SimTime)]
{
    (1...replications).map { replication in
        var simulation = Simulation(
            model: CloudZoneModel(spec: spec, arrivalRate: lambda, requests: requests, seed: UInt64(replication))
        )
        simulation.model.start(scheduler: &simulation.scheduler)
        simulation.runToCompletion()
        return (simulation.model, simulation.now)
    }
}

/// Checks `theory` lies within `k` standard errors of the replication mean of `values`, and
/// that the standard error is below `relativePrecision × theory`, so the check has teeth.
func expectZoneWithin(
    _ values: [Double],
    of theory: Double,
    standardErrors k: Double,
    _ what: String,
    relativePrecision: Double = 0.03,
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
    #expect(
        standardError < relativePrecision * theory,
        "\(what): standard error \(standardError) too wide to test",
        sourceLocation: sourceLocation
    )
}

/// Checks that every request of a run ended exactly once, and that the counts add up.
func expectConservation(_ model: CloudZoneModel, sourceLocation: SourceLocation = #_sourceLocation) {
    let metrics = model.zone.metrics
    #expect(metrics.arrived == Int(model.arrivals), sourceLocation: sourceLocation)
    #expect(model.zone.inService == 0 && model.zone.waitingCount == 0, sourceLocation: sourceLocation)
    #expect(
        metrics.served + metrics.rejected + metrics.timedOut + metrics.failed == metrics.arrived,
        sourceLocation: sourceLocation
    )
    guard model.keepsLog else { return }
    #expect(model.log.count == metrics.arrived, sourceLocation: sourceLocation)
    // Each id 0..<arrivals appears exactly once.
    var seen = [Bool](repeating: false, count: Int(model.arrivals))
    var duplicates = 0
    for end in model.log {
        if seen[Int(end.request.value)] { duplicates += 1 }
        seen[Int(end.request.value)] = true
    }
    #expect(duplicates == 0, sourceLocation: sourceLocation)
    #expect(seen.allSatisfy { $0 }, sourceLocation: sourceLocation)
    let counted = (
        served: model.log.count { $0.fate == .served },
        rejected: model.log.count { if case .rejected = $0.fate { true } else { false } },
        timedOut: model.log.count { $0.fate == .timedOut },
        failed: model.log.count { $0.fate == .failed }
    )
    #expect(
        counted.served == metrics.served && counted.rejected == metrics.rejected
            && counted.timedOut == metrics.timedOut && counted.failed == metrics.failed,
        "log \(counted) vs metrics",
        sourceLocation: sourceLocation
    )
}

/// A test driver for one zone: arrivals, failures and recoveries at scripted instants.
struct ScriptedZoneDriver: SimulationModel {
    enum Kind {
        static let arrival: UInt16 = 10
        static let fail: UInt16 = 11
        static let recover: UInt16 = 12
    }

    var zone: CloudZone
    var log: [CloudRequestEnd] = []
    var outcomes: [CloudZone.ArrivalOutcome] = []
    var endings: [CloudRequestEnd] = []
    var arrivals: UInt32 = 0

    init(spec: ZoneSpec) {
        zone = CloudZone(spec: spec, seed: 1)
    }

    static func script<Queue: PendingEventSet>(
        arrivals: [Double],
        fails: [Double] = [],
        recovers: [Double] = [],
        into scheduler: inout Scheduler<Queue>
    ) {
        for time in arrivals { scheduler.schedule(Kind.arrival, target: 99, at: SimTime(.seconds(time))) }
        for time in fails { scheduler.schedule(Kind.fail, target: 99, at: SimTime(.seconds(time))) }
        for time in recovers { scheduler.schedule(Kind.recover, target: 99, at: SimTime(.seconds(time))) }
    }

    mutating func handle<Queue: PendingEventSet>(_ event: Event, scheduler: inout Scheduler<Queue>) {
        let now = scheduler.now
        switch event.kind {
        case Kind.arrival:
            outcomes.append(
                zone.arrive(
                    request: CloudRequestID(UInt64(arrivals)),
                    class: CloudWorkloadClass(0),
                    at: now,
                    scheduler: &scheduler,
                    endings: &endings
                )
            )
            arrivals += 1
        case Kind.fail:
            zone.fail(at: now, scheduler: &scheduler, endings: &endings)
        case Kind.recover:
            zone.recover(at: now)
        default:
            let handled = zone.handle(event, scheduler: &scheduler, endings: &endings)
            precondition(handled, "unexpected \(event)")
        }
        log.append(contentsOf: endings)
        endings.removeAll(keepingCapacity: true)
    }
}

@Suite("Cloud zone: capacity, queueing, timeouts and failures")
struct CloudZoneTests {
    static func exponential(rate: Double) throws -> SampledDistribution {
        .exponential(try ExponentialDistribution(rate: rate))
    }

    static func constant(_ seconds: Double) throws -> SampledDistribution {
        .constant(try ConstantDistribution(seconds))
    }

    func at(_ seconds: Double) -> SimTime { SimTime(.seconds(seconds)) }

    // MARK: Queueing theory

    @Test("a zone of 4 slots at λ = 3/s, μ = 1/s matches Erlang C for Wq, W, utilisation and Lq")
    func erlangC() throws {
        let spec = try ZoneSpec(name: "mmc", servers: 2, coresPerServer: 2, serviceTimes: [Self.exponential(rate: 1)])
        let theory = try #require(MMcTheory(servers: 4, arrivalRate: 3, serviceRate: 1))
        let runs = cloudZoneReplications(spec: spec, lambda: 3, requests: 200_000, replications: 10)
        expectZoneWithin(
            runs.map(\.model.zone.metrics.waitInQueue.mean),
            of: theory.meanWaitInQueue,
            standardErrors: 4,
            "Wq"
        )
        expectZoneWithin(
            runs.map(\.model.zone.metrics.responseTime.mean),
            of: theory.meanResponseTime,
            standardErrors: 4,
            "W"
        )
        expectZoneWithin(
            runs.map { $0.model.zone.metrics.utilisation(until: $0.end) },
            of: theory.utilisation,
            standardErrors: 4,
            "utilisation"
        )
        expectZoneWithin(
            runs.map { $0.model.zone.metrics.meanQueueLength(until: $0.end) },
            of: theory.meanQueueLength,
            standardErrors: 4,
            "Lq"
        )
        for run in runs {
            #expect(run.model.zone.metrics.served == 200_000)
            expectConservation(run.model)
        }
    }

    @Test("M/M/1/K: the fraction of arrivals rejected matches (1-ρ)ρ^K / (1-ρ^(K+1))", arguments: [(5, 0.8), (3, 1.5)])
    func mm1kBlocking(systemCapacity: Int, rho: Double) throws {
        let spec = try ZoneSpec(
            name: "mm1k",
            servers: 1,
            coresPerServer: 1,
            serviceTimes: [Self.exponential(rate: 1)],
            maxWaiting: systemCapacity - 1
        )
        #expect(spec.systemCapacity == systemCapacity)
        let k = Double(systemCapacity)
        let rhoK = (0..<systemCapacity).reduce(1.0) { product, _ in product * rho }
        let theory = (1 - rho) * rhoK / (1 - rhoK * rho)
        let runs = cloudZoneReplications(spec: spec, lambda: rho, requests: 100_000, replications: 10)
        // PASTA: Poisson arrivals see the time-stationary state, so the fraction of
        // arrivals rejected estimates P(system full).
        let blocked = runs.map { Double($0.model.zone.metrics.rejectedQueueFull) / Double($0.model.arrivals) }
        expectZoneWithin(blocked, of: theory, standardErrors: 4, "P(block)")
        // Accepted arrivals λ(1 − P_K) leave at the rate the single slot is busy (μ = 1).
        let busy = runs.map { $0.model.zone.metrics.utilisation(until: $0.end) }
        expectZoneWithin(busy, of: rho * (1 - theory), standardErrors: 4, "utilisation")
        for run in runs {
            #expect(run.model.zone.metrics.queueLength.max <= k - 1)
            #expect(run.model.zone.metrics.rejectedWhileDown == 0)
            expectConservation(run.model)
        }
    }

    // MARK: Conservation

    @Test("every request ends exactly once as served, rejected, timed out or failed", arguments: [1, 2, 3] as [UInt64])
    func conservation(seed: UInt64) throws {
        let spec = try ZoneSpec(
            name: "mixed",
            servers: 2,
            coresPerServer: 1,
            serviceTimes: [Self.exponential(rate: 1)],
            maxWaiting: 6,
            timeout: .milliseconds(1500)
        )
        let outage = CloudZoneModel.Outage(start: at(500), end: at(560))
        var simulation = Simulation(
            model: CloudZoneModel(
                spec: spec,
                arrivalRate: 2.5,
                requests: 5_000,
                outage: outage,
                keepsLog: true,
                seed: seed
            )
        )
        simulation.model.start(scheduler: &simulation.scheduler)
        simulation.runToCompletion()
        let metrics = simulation.model.zone.metrics
        #expect(simulation.model.arrivals == 5_000)
        #expect(
            metrics.served > 0 && metrics.rejectedQueueFull > 0 && metrics.rejectedWhileDown > 0
                && metrics.timedOut > 0 && metrics.failed > 0,
            "every fate occurs: \(metrics)"
        )
        expectConservation(simulation.model)
        // Waits are recorded for exactly the requests that reached a slot.
        #expect(
            metrics.waitInQueue.count == metrics.served
                + simulation.model.log.count {
                    $0.fate == .failed && $0.serviceStart != nil
                }
        )
    }

    // MARK: Outages

    @Test("during an outage nothing is served, work in flight fails at the instant, and service resumes after")
    func outage() throws {
        let spec = try ZoneSpec(
            name: "outage",
            servers: 4,
            coresPerServer: 1,
            serviceTimes: [Self.exponential(rate: 1)]
        )
        let outage = CloudZoneModel.Outage(start: at(1_000), end: at(1_100))
        var simulation = Simulation(
            model: CloudZoneModel(
                spec: spec,
                arrivalRate: 3.5,
                requests: 20_000,
                outage: outage,
                keepsLog: true,
                seed: 7
            )
        )
        simulation.model.start(scheduler: &simulation.scheduler)
        simulation.runToCompletion()
        let model = simulation.model
        let log = model.log
        let atFailure = try #require(model.atFailure)
        #expect(atFailure.inService > 0, "the failure hits a busy zone")

        // Everything in the zone at the failure instant fails then, and nothing else fails.
        let failed = log.filter { $0.fate == .failed }
        #expect(failed.count == atFailure.inService + atFailure.waiting)
        #expect(failed.allSatisfy { $0.time == outage.start })
        #expect(failed.count { $0.serviceStart != nil } == atFailure.inService)
        #expect(model.zone.metrics.failed == failed.count)

        // Nothing starts or ends service inside the window; every arrival in it is rejected.
        let window = outage.start..<outage.end
        #expect(!log.contains { $0.fate == .served && window.contains($0.time) })
        #expect(!log.contains { $0.serviceStart.map(window.contains) ?? false })
        let arrivedInside = log.filter { window.contains($0.arrival) }
        #expect(!arrivedInside.isEmpty)
        #expect(arrivedInside.allSatisfy { $0.fate == .rejected(.zoneDown) || $0.fate == .failed })
        #expect(arrivedInside.count { $0.fate == .rejected(.zoneDown) } == model.zone.metrics.rejectedWhileDown)

        // After recovery the zone serves again, and the busy signal was zero while down.
        #expect(log.contains { $0.fate == .served && $0.arrival >= outage.end })
        #expect(model.zone.isUp)
        let end = simulation.now
        let downFraction = (outage.end - outage.start).seconds / end.sinceStart.seconds
        #expect(abs(model.zone.metrics.availability(until: end) - (1 - downFraction)) < 1e-12)
        expectConservation(model)
    }

    @Test("a zone fails and recovers on a script: in-flight and waiting work fail, arrivals while down are rejected")
    func scriptedOutage() throws {
        let spec = try ZoneSpec(name: "script", servers: 1, coresPerServer: 1, serviceTimes: [Self.constant(1)])
        var simulation = Simulation(model: ScriptedZoneDriver(spec: spec))
        ScriptedZoneDriver.script(
            arrivals: [0, 0.5, 0.6, 2.5, 4, 4],
            fails: [0.8, 3],
            recovers: [3.5, 5],
            into: &simulation.scheduler
        )
        simulation.runToCompletion()
        let driver = simulation.model
        #expect(driver.outcomes == [.started, .queued, .queued, .rejected(.zoneDown), .started, .queued])
        let fates = Dictionary(uniqueKeysWithValues: driver.log.map { ($0.request.value, $0) })
        #expect(fates[0]?.fate == .failed && fates[0]?.time == at(0.8) && fates[0]?.serviceStart == at(0))
        #expect(fates[1]?.fate == .failed && fates[1]?.serviceStart == nil)
        #expect(fates[2]?.fate == .failed)
        #expect(fates[3]?.fate == .rejected(.zoneDown) && fates[3]?.time == at(2.5))
        // The zone is down from 0.8 to 3.5 (the failure at 3 finds it down and does nothing);
        // requests 4 and 5 arrive after recovery and are served one after the other (the
        // recovery at 5 finds the zone up and does nothing).
        #expect(fates[4]?.fate == .served && fates[4]?.time == at(5))
        #expect(fates[5]?.fate == .served && fates[5]?.serviceStart == at(5) && fates[5]?.time == at(6))
        #expect(driver.zone.metrics.failed == 3 && driver.zone.metrics.served == 2)
        #expect(driver.zone.isUp)
        #expect(abs(driver.zone.metrics.availability(until: at(6)) - 3.3 / 6) < 1e-12, "down 2.7 s of 6 s")
    }

    // MARK: Timeouts

    @Test("with a tiny timeout, requests whose wait reaches it are dropped at the deadline and never served")
    func timeouts() throws {
        let timeout = SimDuration.milliseconds(50)
        let spec = try ZoneSpec(
            name: "impatient",
            servers: 1,
            coresPerServer: 2,
            serviceTimes: [Self.exponential(rate: 1)],
            timeout: timeout
        )
        var simulation = Simulation(
            model: CloudZoneModel(
                spec: spec,
                arrivalRate: 3,
                requests: 20_000,
                keepsLog: true,
                seed: 11
            )
        )
        simulation.model.start(scheduler: &simulation.scheduler)
        simulation.runToCompletion()
        let model = simulation.model
        let timedOut = model.log.filter { $0.fate == .timedOut }
        #expect(timedOut.count > 1_000, "an overloaded zone times many requests out")
        #expect(timedOut.count == model.zone.metrics.timedOut)
        #expect(timedOut.allSatisfy { $0.timeInZone == timeout && $0.serviceStart == nil })
        let served = model.log.filter { $0.fate == .served }
        #expect(!served.isEmpty)
        #expect(served.allSatisfy { $0.wait < timeout }, "no request starts service after its deadline")
        #expect(model.zone.metrics.waitInQueue.max < timeout.seconds)
        expectConservation(model)
    }

    @Test("a request whose deadline falls at the instant a slot frees is dropped, not served")
    func timeoutTie() throws {
        let spec = try ZoneSpec(
            name: "tie",
            servers: 1,
            coresPerServer: 1,
            serviceTimes: [Self.constant(1)],
            timeout: .seconds(1)
        )
        var simulation = Simulation(model: ScriptedZoneDriver(spec: spec))
        ScriptedZoneDriver.script(arrivals: [0, 0, 0.5], into: &simulation.scheduler)
        simulation.runToCompletion()
        let driver = simulation.model
        #expect(driver.outcomes == [.started, .queued, .queued])
        let fates = driver.log.sorted { $0.request < $1.request }.map(\.fate)
        #expect(fates == [.served, .timedOut, .served])
        #expect(driver.log.first { $0.request.value == 1 }?.time == at(1))
        #expect(driver.log.first { $0.request.value == 2 }?.serviceStart == at(1))
    }

    // MARK: Bad input

    @Test("invalid zone specs throw an error naming the field")
    func invalidZones() throws {
        let exp = try Self.exponential(rate: 1)
        func field(_ make: () throws(SpecError) -> ZoneSpec) -> String? {
            do {
                _ = try make()
                return nil
            } catch {
                #expect(error.description.hasPrefix("\(error.element): \(error.field): "))
                #expect(error.element.kind == .zone)
                return error.field.description
            }
        }
        #expect(
            field { () throws(SpecError) in
                try ZoneSpec(name: "", servers: 1, coresPerServer: 1, serviceTimes: [exp])
            } == "name"
        )
        #expect(
            field { () throws(SpecError) in
                try ZoneSpec(name: "z", servers: 0, coresPerServer: 1, serviceTimes: [exp])
            } == "servers"
        )
        #expect(
            field { () throws(SpecError) in
                try ZoneSpec(name: "z", servers: 1, coresPerServer: -2, serviceTimes: [exp])
            } == "cores"
        )
        #expect(
            field { () throws(SpecError) in
                try ZoneSpec(name: "z", servers: Int.max / 2, coresPerServer: 4, serviceTimes: [exp])
            } == "cores"
        )
        #expect(
            field { () throws(SpecError) in
                try ZoneSpec(name: "z", servers: 1, coresPerServer: 1, serviceTimes: [])
            } == "service"
        )
        let negative = SampledDistribution.constant(try ConstantDistribution(-1))
        #expect(
            field { () throws(SpecError) in
                try ZoneSpec(name: "z", servers: 1, coresPerServer: 1, serviceTimes: [exp, negative])
            } == "service[1]"
        )
        #expect(
            field { () throws(SpecError) in
                try ZoneSpec(name: "z", servers: 1, coresPerServer: 1, serviceTimes: [exp], maxWaiting: -1)
            } == "queue"
        )
        #expect(
            field { () throws(SpecError) in
                try ZoneSpec(name: "z", servers: 1, coresPerServer: 1, serviceTimes: [exp], timeout: .zero)
            } == "timeout"
        )
        #expect(
            field { () throws(SpecError) in
                try ZoneSpec(
                    name: "z",
                    servers: 3,
                    coresPerServer: 8,
                    serviceTimes: [exp],
                    maxWaiting: 0,
                    timeout: .milliseconds(1)
                )
            } == nil
        )
        let error = #expect(throws: SpecError.self) {
            try ZoneSpec(name: "hz-a", servers: 1, coresPerServer: 0, serviceTimes: [exp])
        }
        #expect(error?.element == .zone("hz-a"))
        #expect(error?.field == .cores)
        #expect(error?.description == "zone 'hz-a': cores: must be at least 1, got 0")
    }

    @Test("invalid region specs throw an error naming the field; a valid region sums its zones")
    func regions() throws {
        let exp = try Self.exponential(rate: 1)
        let a = try ZoneSpec(name: "cn-hangzhou-a", servers: 10, coresPerServer: 8, serviceTimes: [exp])
        let b = try ZoneSpec(name: "cn-hangzhou-b", servers: 5, coresPerServer: 16, serviceTimes: [exp])
        let region = try RegionSpec(name: "cn-hangzhou", zones: [a, b])
        #expect(region.capacity == 160)
        let duplicate = #expect(throws: SpecError.self) { try RegionSpec(name: "cn-hangzhou", zones: [a, b, a]) }
        #expect(duplicate?.field == .name && duplicate?.element == .zone(a.name))
        let empty = #expect(throws: SpecError.self) { try RegionSpec(name: "r", zones: []) }
        #expect(empty?.field == .zones && empty?.element == .region("r"))
        let unnamed = #expect(throws: SpecError.self) { try RegionSpec(name: "", zones: [a]) }
        #expect(unnamed?.field == .name && unnamed?.element.kind == .region)
    }
}
