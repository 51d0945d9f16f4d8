import SimCore
import Testing

@testable import ShareModel

/// A zone fed by a script of arrivals with given service times (as a trace gives them), and
/// an optional failure: for exact checks of a discipline's bookkeeping.
struct ScriptedZoneModel: SimulationModel {
    /// One scripted arrival: when, of which class, with how much work in seconds.
    struct Arrival {
        var at: Double
        var workloadClass: UInt32
        var seconds: Double
    }

    var zone: CloudZone
    let arrivals: [Arrival]
    let failAt: Double?
    /// When a processor-sharing zone gains a core, and when its slowdown becomes ×2.
    var addCoreAt: Double?
    var slowAt: Double?
    var log: [CloudRequestEnd] = []
    var endings: [CloudRequestEnd] = []

    init(spec: ZoneSpec, priorities: [Int] = [], arrivals: [Arrival], failAt: Double? = nil) {
        zone = CloudZone(spec: spec, seed: 1, priorities: priorities)
        self.arrivals = arrivals
        self.failAt = failAt
    }

    mutating func start<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        for (index, arrival) in arrivals.enumerated() {
            scheduler.schedule(100, target: 0, payload: UInt32(index), at: .zero + .seconds(arrival.at))
        }
        if let failAt { scheduler.schedule(101, target: 0, at: .zero + .seconds(failAt)) }
        if let addCoreAt { scheduler.schedule(102, target: 0, at: .zero + .seconds(addCoreAt)) }
        if let slowAt { scheduler.schedule(103, target: 0, at: .zero + .seconds(slowAt)) }
    }

    mutating func handle<Queue: PendingEventSet>(_ event: Event, scheduler: inout Scheduler<Queue>) {
        switch event.kind {
        case 100:
            let arrival = arrivals[Int(event.payload)]
            _ = zone.arrive(
                request: CloudRequestID(UInt64(event.payload)),
                class: CloudWorkloadClass(arrival.workloadClass),
                serviceSeconds: arrival.seconds,
                at: scheduler.now,
                scheduler: &scheduler,
                endings: &endings
            )
        case 101:
            zone.fail(at: scheduler.now, scheduler: &scheduler, endings: &endings)
        case 102:
            zone.setSharedCapacity(zone.capacity + 1, at: scheduler.now, scheduler: &scheduler)
        case 103:
            zone.serviceScale = 2
        default:
            #expect(zone.handle(event, scheduler: &scheduler, endings: &endings))
        }
        log.append(contentsOf: endings)
        endings.removeAll()
    }

    /// Runs the script to completion and returns every end, by request number.
    static func run(
        _ spec: ZoneSpec,
        priorities: [Int] = [],
        failAt: Double? = nil,
        addCoreAt: Double? = nil,
        slowAt: Double? = nil,
        _ arrivals: [(at: Double, workloadClass: UInt32, seconds: Double)]
    ) -> (ends: [CloudRequestEnd], zone: CloudZone) {
        var model = ScriptedZoneModel(
            spec: spec,
            priorities: priorities,
            arrivals: arrivals.map { Arrival(at: $0.at, workloadClass: $0.workloadClass, seconds: $0.seconds) },
            failAt: failAt
        )
        model.addCoreAt = addCoreAt
        model.slowAt = slowAt
        var simulation = Simulation(model: model)
        simulation.model.start(scheduler: &simulation.scheduler)
        simulation.runToCompletion()
        return (simulation.model.log.sorted { $0.request < $1.request }, simulation.model.zone)
    }
}

/// The instant `seconds` after the start.
func instant(_ seconds: Double) -> SimTime { .zero + .seconds(seconds) }

/// A zone of `servers` one-core servers under `discipline` with exponential service times of
/// mean 1 s for `classes` classes.
func disciplineZone(
    _ discipline: ServiceDiscipline,
    servers: Int = 1,
    classes: Int = 1,
    queue: Int? = nil,
    timeout: SimDuration? = nil
) throws -> ZoneSpec {
    try ZoneSpec(
        name: "z",
        servers: servers,
        coresPerServer: 1,
        serviceTimes: Array(repeating: .exponential(try ExponentialDistribution(mean: 1)), count: classes),
        maxWaiting: queue,
        timeout: timeout,
        discipline: discipline
    )
}

/// Runs `replications` multi-class runs (seeds 1...R) to completion, keeping every end.
func disciplineReplications(
    _ spec: ZoneSpec,
    classes: [CloudZoneModel.ClassLoad],
    requests: UInt64,
    replications: Int = 10
) -> [CloudZoneModel] {
    (1...replications).map { replication in
        var simulation = Simulation(
            model: CloudZoneModel(
                spec: spec,
                classes: classes,
                requests: requests,
                keepsLog: true,
                seed: UInt64(replication)
            )
        )
        simulation.model.start(scheduler: &simulation.scheduler)
        simulation.runToCompletion()
        return simulation.model
    }
}

/// The mean of `value` over the served requests of `model` past its first 1% (warm-up),
/// for those that `include` admits.
func servedMean(
    _ model: CloudZoneModel,
    where include: (CloudRequestEnd) -> Bool = { _ in true },
    _ value: (CloudRequestEnd) -> Double
) -> Double {
    let warmup = model.arrivals / 100
    var sum = 0.0
    var count = 0
    for end in model.log where end.fate == .served && end.request.value >= warmup && include(end) {
        sum += value(end)
        count += 1
    }
    return count > 0 ? sum / Double(count) : .nan
}

@Suite("Service disciplines")
struct ServiceDisciplineTests {
    // MARK: - Processor sharing, exactly

    @Test("processor sharing on one core: a second job halves the first's rate, to the nanosecond")
    func sharingOneCore() throws {
        let run = ScriptedZoneModel.run(try disciplineZone(.processorSharing), [(0, 0, 1), (0.5, 0, 1)])
        // Job 0 alone for 0.5 s, then both at 1/2: job 0 needs 0.5 s more of work, 1 s of time.
        #expect(run.ends.map(\.time) == [instant(1.5), instant(2)])
        #expect(run.ends.allSatisfy { $0.fate == .served && $0.serviceReceived == .seconds(1) && $0.wait == .zero })
        #expect(run.zone.metrics.served == 2 && run.zone.inService == 0)
    }

    @Test("processor sharing on two cores: three jobs each get 2/3 of a core and end together")
    func sharingTwoCores() throws {
        let run = ScriptedZoneModel.run(
            try disciplineZone(.processorSharing, servers: 2),
            [(0, 0, 1), (0, 0, 1), (0, 0, 1), (2, 0, 0.25)]
        )
        #expect(run.ends.prefix(3).allSatisfy { $0.time == instant(1.5) })
        // Alone on two cores, a job runs at one core's rate, never faster.
        #expect(run.ends[3].time == instant(2.25))
        #expect(abs(run.zone.metrics.busySlots.mean(until: .zero + .seconds(3)) - (2 * 1.5 + 0.25) / 3) < 1e-12)
    }

    @Test("processor sharing: the timeout bounds the time in the zone, the line limit the jobs beyond c")
    func sharingLimits() throws {
        let spec = try disciplineZone(.processorSharing, queue: 1, timeout: .seconds(1))
        let run = ScriptedZoneModel.run(spec, [(0, 0, 1), (0, 0, 1), (0, 0, 1), (1.5, 0, 0.25)])
        // Two share the core (c + queue = 2): at 1 s each has 0.5 s of its 1 s, and times out.
        #expect(run.ends[0].fate == .timedOut && run.ends[1].fate == .timedOut)
        #expect(run.ends[0].time == instant(1) && run.ends[0].serviceReceived == .milliseconds(500))
        #expect(run.ends[2].fate == .rejected(.queueFull))
        #expect(run.ends[3].fate == .served && run.ends[3].time == instant(1.75))
        #expect(run.zone.metrics.timedOut == 2 && run.zone.metrics.rejectedQueueFull == 1)
    }

    @Test("processor sharing: a failure fails every job in the zone with the work it had received")
    func sharingFailure() throws {
        let run = ScriptedZoneModel.run(try disciplineZone(.processorSharing), failAt: 1, [(0, 0, 4), (0.5, 0, 4)])
        #expect(run.ends.allSatisfy { $0.fate == .failed && $0.time == instant(1) })
        #expect(run.ends.map(\.serviceReceived) == [.milliseconds(750), .milliseconds(250)])
        #expect(run.zone.metrics.failed == 2 && run.zone.inService == 0)
    }

    @Test("processor sharing: a core coming into service speeds every job up; a slowdown scales the work that arrives")
    func sharingCapacityAndSlowdown() throws {
        let grown = ScriptedZoneModel.run(try disciplineZone(.processorSharing), addCoreAt: 1, [(0, 0, 1), (0, 0, 1)])
        // Each had 0.5 s of work at 1 s; then one core each.
        #expect(grown.ends.map(\.time) == [instant(1.5), instant(1.5)])
        let slowed = ScriptedZoneModel.run(try disciplineZone(.processorSharing), slowAt: 0.5, [(0, 0, 1), (1, 0, 1)])
        // The first job's work was fixed at arrival; the second's is doubled.
        #expect(slowed.ends.map(\.time) == [instant(1), instant(3)])
        #expect(slowed.ends[1].serviceReceived == .seconds(2))
    }

    // MARK: - Priority, exactly

    @Test("preemptive priority: a high arrival takes the core; the low job resumes with the work it had left")
    func preemptiveResume() throws {
        let spec = try disciplineZone(.preemptivePriority, classes: 2)
        let run = ScriptedZoneModel.run(spec, priorities: [0, 1], [(0, 0, 2), (0.5, 1, 1)])
        #expect(run.ends[1].time == instant(1.5) && run.ends[1].wait == .zero)
        #expect(run.ends[0].time == instant(3))
        #expect(run.ends[0].serviceStart == .zero && run.ends[0].serviceReceived == .seconds(2))
        #expect(run.zone.metrics.preemptions == 1)
    }

    @Test("non-preemptive priority: the job in service finishes; the high class is served before older low ones")
    func nonPreemptive() throws {
        let spec = try disciplineZone(.priority, classes: 2)
        let run = ScriptedZoneModel.run(spec, priorities: [0, 1], [(0, 0, 2), (0.1, 0, 1), (0.5, 1, 1)])
        #expect(run.ends.map(\.time) == [instant(2), instant(4), instant(3)])
        #expect(run.zone.metrics.preemptions == 0)
    }

    @Test("preemptive priority: the preempted job is the lowest class's latest, and resumes before older waiters")
    func preemptionOrder() throws {
        let spec = try disciplineZone(.preemptivePriority, servers: 2, classes: 3)
        // Cores hold requests 0 (class 0) and 1 (class 1); request 2 (class 0) waits. Request 3
        // (class 2, highest) preempts request 0, the only one of the lowest class in service,
        // which then resumes ahead of request 2 though both wait at class 0.
        let run = ScriptedZoneModel.run(
            spec,
            priorities: [0, 1, 2],
            [(0, 0, 2), (0, 1, 1), (0.1, 0, 1), (0.5, 2, 1)]
        )
        #expect(run.ends[3].time == instant(1.5))
        // Core 2 frees at 1 s: request 0 resumes (1.5 s left), ending at 2.5 s; request 2
        // takes the core freed at 1.5 s and ends at 2.5 s.
        #expect(run.ends[0].time == instant(2.5) && run.ends[0].serviceReceived == .seconds(2))
        #expect(run.ends[2].serviceStart == instant(1.5))
    }

    @Test("priority: a preempted job waits under the timeout measured from its arrival")
    func preemptedTimeout() throws {
        let spec = try disciplineZone(.preemptivePriority, classes: 2, timeout: .seconds(1))
        let run = ScriptedZoneModel.run(spec, priorities: [0, 1], [(0, 0, 2), (0.5, 1, 1)])
        #expect(run.ends[0].fate == .timedOut && run.ends[0].time == instant(1))
        #expect(run.ends[0].serviceReceived == .milliseconds(500) && run.ends[0].serviceStart == .zero)
        #expect(run.ends[1].fate == .served)
    }

    @Test(
        "a priority zone whose classes share one priority serves exactly as first come, first served",
        arguments: [ServiceDiscipline.priority, .preemptivePriority]
    )
    func equalPrioritiesAreFCFS(discipline: ServiceDiscipline) throws {
        let loads = [CloudZoneModel.ClassLoad(arrivalRate: 2), CloudZoneModel.ClassLoad(arrivalRate: 2)]
        let fcfs = disciplineReplications(
            try disciplineZone(.fcfs, servers: 4, classes: 2, queue: 5, timeout: .seconds(1)),
            classes: loads,
            requests: 20_000,
            replications: 1
        )
        let ranked = disciplineReplications(
            try disciplineZone(discipline, servers: 4, classes: 2, queue: 5, timeout: .seconds(1)),
            classes: loads,
            requests: 20_000,
            replications: 1
        )
        #expect(fcfs[0].zone.metrics.timedOut > 0 && fcfs[0].zone.metrics.rejected > 0)
        #expect(fcfs[0].log == ranked[0].log)
        expectConservation(ranked[0])
    }

    // MARK: - Against queueing theory

    // Tolerances: 10 replications (seeds 1...10) of 200,000 requests, the first 1% dropped
    // as warm-up; each check allows 4 standard errors of the replication mean (a false
    // failure about 0.3% of seeds under the t distribution with 9 degrees of freedom) and
    // requires the standard error below 3% (5% for a narrow size bin) of the theory, so a
    // model off by more than about 12% (20%) fails.

    @Test("M/M/1-PS: mean response 1/(μ - λ), and a job of size x stays x/(1 - ρ)")
    func mm1ProcessorSharing() throws {
        let lambda = 0.7
        let runs = disciplineReplications(
            try disciplineZone(.processorSharing),
            classes: [.init(arrivalRate: lambda)],
            requests: 200_000
        )
        for model in runs { expectConservation(model) }
        let response = runs.map { servedMean($0) { $0.timeInZone.seconds } }
        expectZoneWithin(response, of: 1 / (1 - lambda), standardErrors: 4, "E[T]")
        // Size bins: E[T | x] = x / (1 - ρ), so the mean of T/x in any bin is 1/(1 - ρ).
        for bin in [(0.2, 0.4), (0.9, 1.1), (2.0, 2.5)] {
            let stretch = runs.map { model in
                servedMean(model, where: { (bin.0..<bin.1).contains($0.serviceReceived.seconds) }) {
                    $0.timeInZone.seconds / $0.serviceReceived.seconds
                }
            }
            expectZoneWithin(
                stretch,
                of: 1 / (1 - lambda),
                standardErrors: 4,
                "E[T/x] for x in \(bin)",
                relativePrecision: 0.05
            )
        }
    }

    @Test("M/M/1 with preemptive-resume priority: each class's mean response against the textbook")
    func mm1PreemptivePriority() throws {
        // Class 1 (high, λ1 = 0.3) sees an M/M/1 of its own: E[T1] = 1/(μ - λ1). Class 2
        // (λ2 = 0.4) waits for all class-1 work: E[T2] = E[S]/(1 - ρ1) + R2/((1 - ρ1)(1 - ρ1 - ρ2))
        // with R2 = Σ_{i ≤ 2} λi E[Si²]/2 (preemptive-resume priority; Harchol-Balter 2013,
        // "Performance Modeling and Design of Computer Systems", the chapter on preemptive
        // priority; Kleinrock 1976, vol. II, §3.7). Exponential service of mean 1: E[S²] = 2.
        let (lambda1, lambda2) = (0.3, 0.4)
        let runs = disciplineReplications(
            try disciplineZone(.preemptivePriority, classes: 2),
            classes: [.init(arrivalRate: lambda2, priority: 1), .init(arrivalRate: lambda1, priority: 5)],
            requests: 200_000
        )
        let r2 = (lambda1 * 2 + lambda2 * 2) / 2
        let high = runs.map { servedMean($0, where: { $0.workloadClass.index == 1 }) { $0.timeInZone.seconds } }
        let low = runs.map { servedMean($0, where: { $0.workloadClass.index == 0 }) { $0.timeInZone.seconds } }
        expectZoneWithin(high, of: 1 / (1 - lambda1), standardErrors: 4, "E[T1]")
        let theory = 1 / (1 - lambda1) + r2 / ((1 - lambda1) * (1 - lambda1 - lambda2))
        expectZoneWithin(low, of: theory, standardErrors: 4, "E[T2]")
        #expect(runs.allSatisfy { $0.zone.metrics.preemptions > 1_000 })
    }

    @Test("M/M/1 with non-preemptive priority: each class's mean wait is Cobham's")
    func mm1Cobham() throws {
        // W_k = R / ((1 - σ_{k-1})(1 - σ_k)), R = Σ λi E[Si²]/2 over all classes, σ_k the load of
        // classes 1...k (Cobham 1954).
        let (lambda1, lambda2) = (0.3, 0.4)
        let runs = disciplineReplications(
            try disciplineZone(.priority, classes: 2),
            classes: [.init(arrivalRate: lambda1, priority: 2), .init(arrivalRate: lambda2, priority: 1)],
            requests: 200_000
        )
        let r = (lambda1 * 2 + lambda2 * 2) / 2
        let high = runs.map { servedMean($0, where: { $0.workloadClass.index == 0 }) { $0.wait.seconds } }
        let low = runs.map { servedMean($0, where: { $0.workloadClass.index == 1 }) { $0.wait.seconds } }
        expectZoneWithin(high, of: r / (1 - lambda1), standardErrors: 4, "W1")
        expectZoneWithin(low, of: r / ((1 - lambda1) * (1 - lambda1 - lambda2)), standardErrors: 4, "W2")
        #expect(runs.allSatisfy { $0.zone.metrics.preemptions == 0 })
    }
}
