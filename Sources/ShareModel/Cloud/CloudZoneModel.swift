public import SimCore

/// A single cloud zone fed by Poisson arrivals, as a ShareSim model: for tests and for
/// checking the zone against queueing theory.
///
/// Requests arrive at `arrivalRate` per second (all of workload class 0, served with the
/// spec's class-0 service time) until `requests` have arrived; or, with
/// ``init(spec:classes:requests:outage:keepsLog:seed:)``, each workload class arrives as its own
/// Poisson stream at its own rate, with its own priority. An optional outage takes the
/// zone down over `[start, end)`. Run it to completion: every request then ends. The
/// model counts how requests ended and, if asked, keeps every ``CloudRequestEnd``.
///
/// ```swift
/// let spec = try ZoneSpec(name: "a", servers: 4, coresPerServer: 1,
///                         serviceTimes: [.exponential(try ExponentialDistribution(rate: 1))])
/// var simulation = Simulation(model: CloudZoneModel(spec: spec, arrivalRate: 3, requests: 100_000))
/// simulation.model.start(scheduler: &simulation.scheduler)
/// simulation.runToCompletion()
/// simulation.model.zone.metrics.waitInQueue.mean   // about MMcTheory's Wq, 0.49 s
/// ```
public struct CloudZoneModel: SimulationModel, Sendable {
    /// The event kinds the model schedules.
    public enum EventKind {
        /// A request arrives.
        public static let arrival: UInt16 = 0
        /// The zone's service completion (payload: slot).
        public static let completion: UInt16 = 1
        /// The zone's timeout timer.
        public static let timeout: UInt16 = 2
        /// The outage begins.
        public static let outageStart: UInt16 = 3
        /// The outage ends.
        public static let outageEnd: UInt16 = 4
    }

    /// One workload class's arrivals: its Poisson rate and its priority.
    public struct ClassLoad: Hashable, Sendable {
        /// Arrivals per second, in `1e-6...1e6`.
        public var arrivalRate: Double
        /// Its priority under a priority discipline (higher first).
        public var priority: Int

        /// Class arrivals at `arrivalRate` per second with `priority`.
        public init(arrivalRate: Double, priority: Int = 0) {
            self.arrivalRate = arrivalRate
            self.priority = priority
        }
    }

    /// A window during which the zone is down.
    public struct Outage: Hashable, Sendable {
        /// When the zone fails.
        public var start: SimTime
        /// When it recovers; after ``start``.
        public var end: SimTime

        /// The zone is down over `[start, end)`.
        public init(start: SimTime, end: SimTime) {
            precondition(start < end, "an outage must end after it starts")
            self.start = start
            self.end = end
        }
    }

    /// The zone.
    public private(set) var zone: CloudZone
    /// The scheduled outage, if any.
    public let outage: Outage?
    /// Requests that will arrive in all.
    public let requests: UInt64
    /// Whether ``log`` keeps every request's end.
    public let keepsLog: Bool
    /// Requests that have arrived so far.
    public private(set) var arrivals: UInt64 = 0
    /// Every request's end in the order they ended, if ``keepsLog``; empty otherwise.
    public private(set) var log: [CloudRequestEnd] = []
    /// Requests in service and waiting at the instant the outage began.
    public private(set) var atFailure: (inService: Int, waiting: Int)?

    /// Mean time between arrivals per class, in seconds.
    let meanInterarrivalSeconds: [Double]
    /// One stream per class: class 0's is named `cloud.zone-model.arrivals`, class k's
    /// `cloud.zone-model.arrivals.k`.
    var arrivalStreams: [RandomStream]
    var endings: [CloudRequestEnd] = []

    /// A zone described by `spec` with `arrivalRate` arrivals per second for `requests`
    /// requests, seeded with `seed`.
    ///
    /// - Precondition: `arrivalRate` in `1e-6...1e6` per second; `requests ≥ 1`.
    public init(
        spec: ZoneSpec,
        arrivalRate: Double,
        requests: UInt64,
        outage: Outage? = nil,
        keepsLog: Bool = false,
        seed: UInt64 = 1
    ) {
        self.init(
            spec: spec,
            classes: [ClassLoad(arrivalRate: arrivalRate)],
            requests: requests,
            outage: outage,
            keepsLog: keepsLog,
            seed: seed
        )
    }

    /// A zone described by `spec` fed by one Poisson stream per workload class (class i's
    /// rate and priority are `classes[i]`) until `requests` have arrived in all, seeded with
    /// `seed`.
    ///
    /// - Precondition: each rate in `1e-6...1e6` per second; at least one class and no more
    ///   than the spec's service times; `requests ≥ 1`.
    public init(
        spec: ZoneSpec,
        classes: [ClassLoad],
        requests: UInt64,
        outage: Outage? = nil,
        keepsLog: Bool = false,
        seed: UInt64 = 1
    ) {
        precondition(
            classes.allSatisfy { (1e-6...1e6).contains($0.arrivalRate) },
            "arrival rate must be in 1e-6...1e6 per second"
        )
        precondition(
            (1...spec.workloadClassCount).contains(classes.count),
            "need one to \(spec.workloadClassCount) classes"
        )
        precondition(requests >= 1, "need at least one request")
        self.zone = CloudZone(
            spec: spec,
            seed: seed,
            target: 0,
            eventKinds: CloudZone.EventKinds(
                completion: EventKind.completion,
                timeout: EventKind.timeout
            ),
            priorities: classes.map(\.priority)
        )
        self.outage = outage
        self.requests = requests
        self.keepsLog = keepsLog
        self.meanInterarrivalSeconds = classes.map { 1 / $0.arrivalRate }
        self.arrivalStreams = classes.indices.map { index in
            RandomStream(seed: seed, name: "cloud.zone-model.arrivals" + (index == 0 ? "" : ".\(index)"))
        }
        endings.reserveCapacity(16)
    }

    /// Schedules the first arrival of each class and the outage; call once before running.
    public mutating func start<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        for index in arrivalStreams.indices { scheduleArrival(UInt32(index), &scheduler) }
        if let outage {
            scheduler.schedule(EventKind.outageStart, target: 0, at: outage.start)
            scheduler.schedule(EventKind.outageEnd, target: 0, at: outage.end)
        }
    }

    /// Handles an arrival, a zone event, or the outage's start or end.
    public mutating func handle<Queue: PendingEventSet>(_ event: Event, scheduler: inout Scheduler<Queue>) {
        let now = scheduler.now
        switch event.kind {
        case EventKind.arrival:
            guard arrivals < requests else { break }
            arrivals += 1
            _ = zone.arrive(
                request: CloudRequestID(arrivals - 1),
                class: CloudWorkloadClass(event.payload),
                at: now,
                scheduler: &scheduler,
                endings: &endings
            )
            if arrivals < requests { scheduleArrival(event.payload, &scheduler) }
        case EventKind.outageStart:
            atFailure = (zone.inService, zone.waitingCount)
            zone.fail(at: now, scheduler: &scheduler, endings: &endings)
        case EventKind.outageEnd:
            zone.recover(at: now)
        default:
            let handled = zone.handle(event, scheduler: &scheduler, endings: &endings)
            precondition(handled, "unexpected event \(event)")
        }
        if keepsLog { log.append(contentsOf: endings) }
        endings.removeAll(keepingCapacity: true)
    }

    mutating func scheduleArrival<Queue: PendingEventSet>(_ workloadClass: UInt32, _ scheduler: inout Scheduler<Queue>)
    {
        let index = Int(workloadClass)
        let gap =
            ExponentialDistribution.standardSample(using: &arrivalStreams[index]) * meanInterarrivalSeconds[index]
        scheduler.schedule(EventKind.arrival, target: 0, payload: workloadClass, after: .seconds(gap))
    }
}
