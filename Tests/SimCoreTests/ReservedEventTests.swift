import Testing

@testable import SimCore

/// Entities that each keep one timer going on a coarse grid (so equal times are common); the
/// first `asideCount` keep theirs in the model's own heap, with only the earliest in the
/// scheduler, as a shared pool does with its devices' sessions.
struct TimersAsideModel: SimulationModel {
    var streams: [RandomStream]
    let asideCount: Int
    var aside = QuaternaryHeap()
    var log: [(time: Int64, target: UInt32, payload: UInt32, sequence: UInt64)] = []

    init(entities: Int, asideCount: Int, seed: UInt64) {
        let family = StableHash.of("test.aside")
        streams = (0..<entities).map { RandomStream(seed: seed, key: RandomStream.derivedKey(family, UInt64($0))) }
        self.asideCount = asideCount
    }

    mutating func start<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        for entity in 0..<UInt32(streams.count) { next(for: entity, payload: 0, scheduler: &scheduler) }
        if let first = aside.peekMin() { scheduler.schedule(reserved: first) }
    }

    mutating func handle<Queue: PendingEventSet>(_ event: Event, scheduler: inout Scheduler<Queue>) {
        log.append((event.time.nanoseconds, event.target, event.payload, event.sequence))
        let isAside = Int(event.target) < asideCount
        if isAside { #expect(aside.popMin()?.sequence == event.sequence) }
        next(for: event.target, payload: event.payload &+ 1, scheduler: &scheduler)
        if isAside, let first = aside.peekMin() { scheduler.schedule(reserved: first) }
    }

    mutating func next<Queue: PendingEventSet>(for entity: UInt32, payload: UInt32, scheduler: inout Scheduler<Queue>) {
        let time = scheduler.now + .milliseconds(streams[Int(entity)].nextInt(below: 4))
        if Int(entity) < asideCount {
            aside.insert(scheduler.reserve(0, target: entity, payload: payload, at: time))
        } else {
            scheduler.schedule(0, target: entity, payload: payload, at: time)
        }
    }
}

@Suite("Reserved events")
struct ReservedEventTests {
    func trace<Queue: PendingEventSet>(asideCount: Int, queue: Queue) -> [String] {
        var simulation = Simulation(
            model: TimersAsideModel(entities: 40, asideCount: asideCount, seed: 5),
            queue: queue
        )
        simulation.model.start(scheduler: &simulation.scheduler)
        _ = simulation.run(until: SimTime(.milliseconds(400)))
        return simulation.model.log.map { "\($0.time) \($0.target) \($0.payload) \($0.sequence)" }
    }

    @Test("events kept aside and scheduled when earliest fire exactly as if scheduled when reserved")
    func sameOrderAsScheduledDirectly() {
        let direct = trace(asideCount: 0, queue: LadderQueue())
        #expect(direct.count > 5_000)
        for aside in [1, 17, 40] {
            #expect(trace(asideCount: aside, queue: LadderQueue()) == direct)
            #expect(trace(asideCount: aside, queue: QuaternaryHeap()) == direct)
        }
    }

    @Test("a reserved event takes the next sequence number, and scheduled events after it theirs")
    func reserveTakesASequenceNumber() {
        var scheduler = Scheduler<QuaternaryHeap>()
        scheduler.schedule(0, target: 0, after: .seconds(1))
        let reserved = scheduler.reserve(3, target: 7, payload: 9, at: SimTime(.seconds(1)))
        scheduler.schedule(0, target: 1, after: .seconds(1))
        #expect(reserved.sequence == 1)
        #expect(reserved.kind == 3 && reserved.target == 7 && reserved.payload == 9)
        #expect(scheduler.pendingCount == 2)
        scheduler.schedule(reserved: reserved)
        let order = (0..<3).compactMap { _ in scheduler.nextEvent(notAfter: .distantFuture)?.target }
        #expect(order == [0, 7, 1])
    }
}
