import Testing

@testable import SimCore

/// A model that records every event it handles, in order.
struct RecordingModel: SimulationModel {
    var log: [(time: Int64, kind: UInt16, target: UInt32, payload: UInt32)] = []
    var stopAtPayload: UInt32? = nil

    mutating func handle<Queue: PendingEventSet>(_ event: Event, scheduler: inout Scheduler<Queue>) {
        #expect(scheduler.now == event.time, "the clock is set before the event is handled")
        log.append((event.time.nanoseconds, event.kind, event.target, event.payload))
        if event.payload == stopAtPayload { scheduler.stop() }
    }
}

/// A busy random model: entities with their own streams schedule and cancel events, with
/// many ties. Its trace digest fingerprints the whole run.
struct ChurningModel: SimulationModel {
    var streams: [RandomStream]
    var pendingTimers: [TimerHandle] = []
    var digest: UInt64 = 0xcbf2_9ce4_8422_2325
    var handled = 0

    init(entities: Int, seed: UInt64) {
        let family = StableHash.of("test.churn")
        streams = (0..<entities).map { RandomStream(seed: seed, key: RandomStream.derivedKey(family, UInt64($0))) }
    }

    mutating func handle<Queue: PendingEventSet>(_ event: Event, scheduler: inout Scheduler<Queue>) {
        handled += 1
        for value in [
            UInt64(bitPattern: event.time.nanoseconds), UInt64(event.kind), UInt64(event.target), UInt64(event.payload),
        ] {
            digest = (digest ^ value) &* 0x0000_0100_0000_01b3
        }
        // Timer events (kind 1) only record; regular events keep one chain per entity alive
        // and sometimes arm a timer, so the population stays steady.
        guard event.kind == 0 else { return }
        let entity = Int(event.target)
        // Delays on a coarse grid, so equal times are common.
        let delay = SimDuration.milliseconds(streams[entity].nextInt(below: 5))
        scheduler.schedule(0, target: event.target, payload: event.payload &+ 1, after: delay)
        if streams[entity].nextInt(below: 2) == 0 {
            let target = UInt32(streams[entity].nextInt(below: UInt64(streams.count)))
            let timerDelay = SimDuration.milliseconds(streams[entity].nextInt(below: 8))
            pendingTimers.append(
                scheduler.scheduleCancellable(1, target: target, payload: event.payload, after: timerDelay)
            )
        }
        if !pendingTimers.isEmpty, streams[entity].nextInt(below: 4) == 0 {
            let index = Int(streams[entity].nextInt(below: UInt64(pendingTimers.count)))
            scheduler.cancel(pendingTimers.remove(at: index))
        }
    }
}

func churnDigest<Queue: PendingEventSet>(seed: UInt64, queue: Queue) -> (UInt64, UInt64, UInt64) {
    var simulation = Simulation(model: ChurningModel(entities: 50, seed: seed), queue: queue)
    for entity in 0..<50 { simulation.scheduler.schedule(0, target: UInt32(entity), after: .zero) }
    simulation.run(until: SimTime(.seconds(2)))
    return (simulation.model.digest, simulation.scheduler.eventCount, simulation.scheduler.cancelledCount)
}

@Suite("Engine")
struct EngineTests {
    @Test("equal times fire in scheduling order")
    func fifoAtEqualTimes() {
        var simulation = Simulation(model: RecordingModel(), queue: QuaternaryHeap())
        for payload in 0..<100 as Range<UInt32> {
            simulation.scheduler.schedule(0, target: 0, payload: payload, at: SimTime(.seconds(1)))
        }
        simulation.scheduler.schedule(0, target: 0, payload: 1000, at: SimTime(.milliseconds(500)))
        simulation.runToCompletion()
        #expect(simulation.model.log.map(\.payload) == [1000] + Array(0..<100))
    }

    @Test("run(until:) handles events up to and including the limit, then moves the clock to it")
    func runUntil() {
        var simulation = Simulation(model: RecordingModel(), queue: QuaternaryHeap())
        for second in 1...5 as ClosedRange<Int64> {
            simulation.scheduler.schedule(0, target: 0, payload: UInt32(second), at: SimTime(.seconds(second)))
        }
        let outcome = simulation.run(until: SimTime(.seconds(3)))
        #expect(outcome == .reachedTimeLimit)
        #expect(simulation.model.log.map(\.payload) == [1, 2, 3])
        #expect(simulation.now == SimTime(.seconds(3)))
        let second = simulation.run(until: SimTime(.seconds(10)))
        #expect(second == .exhausted)
        #expect(simulation.now == SimTime(.seconds(10)))
        #expect(simulation.scheduler.eventCount == 5)
    }

    @Test("run(maxEvents:) stops after exactly that many events")
    func runMaxEvents() {
        var simulation = Simulation(model: RecordingModel(), queue: QuaternaryHeap())
        for index in 0..<10 as Range<UInt32> {
            simulation.scheduler.schedule(0, target: index, after: .milliseconds(Int64(index)))
        }
        let first = simulation.run(maxEvents: 4)
        #expect(first == .reachedEventLimit)
        #expect(simulation.model.log.count == 4)
        #expect(simulation.scheduler.pendingCount == 6)
        let second = simulation.run(maxEvents: 100)
        #expect(second == .exhausted)
        #expect(simulation.model.log.count == 10)
    }

    @Test("stop() returns from the run after the current event")
    func stopEndsTheRun() {
        var model = RecordingModel()
        model.stopAtPayload = 3
        var simulation = Simulation(model: model, queue: QuaternaryHeap())
        for index in 0..<10 as Range<UInt32> {
            simulation.scheduler.schedule(0, target: 0, payload: index, after: .seconds(Int64(index)))
        }
        let outcome = simulation.run(until: SimTime(.seconds(100)))
        #expect(outcome == .stopped)
        #expect(simulation.model.log.count == 4)
        #expect(simulation.now == SimTime(.seconds(3)))
    }

    @Test("a cancelled event never reaches the model, and cancelling twice or too late reports false")
    func cancellation() {
        var simulation = Simulation(model: RecordingModel(), queue: QuaternaryHeap())
        let early = simulation.scheduler.scheduleCancellable(0, target: 0, payload: 1, after: .seconds(1))
        let late = simulation.scheduler.scheduleCancellable(0, target: 0, payload: 2, after: .seconds(2))
        simulation.scheduler.schedule(0, target: 0, payload: 3, after: .seconds(3))
        let firstCancel = simulation.scheduler.cancel(late)
        let secondCancel = simulation.scheduler.cancel(late)
        #expect(firstCancel)
        #expect(!secondCancel)
        simulation.runToCompletion()
        #expect(simulation.model.log.map(\.payload) == [1, 3])
        let lateCancel = simulation.scheduler.cancel(early)
        #expect(!lateCancel, "the event already fired")
        #expect(simulation.scheduler.cancelledCount == 1)
        #expect(simulation.scheduler.eventCount == 2)
    }

    @Test("a stale handle never cancels a newer timer that reuses its slot")
    func staleHandles() {
        var simulation = Simulation(model: RecordingModel(), queue: QuaternaryHeap())
        let first = simulation.scheduler.scheduleCancellable(0, target: 0, payload: 1, after: .seconds(1))
        simulation.runToCompletion()
        let second = simulation.scheduler.scheduleCancellable(0, target: 0, payload: 2, after: .seconds(1))
        #expect(second.slot == first.slot, "the slot is reused")
        let staleCancel = simulation.scheduler.cancel(first)
        #expect(!staleCancel)
        simulation.runToCompletion()
        #expect(simulation.model.log.map(\.payload) == [1, 2])
    }

    @Test("the same seed gives the same event trace on either queue; another seed gives another")
    func determinism() {
        let first = churnDigest(seed: 2024, queue: QuaternaryHeap())
        let second = churnDigest(seed: 2024, queue: QuaternaryHeap())
        let ladder = churnDigest(seed: 2024, queue: LadderQueue())
        let other = churnDigest(seed: 2025, queue: LadderQueue())
        #expect(first == second)
        #expect(first == ladder, "both pending-event sets fire the same events in the same order")
        #expect(first.0 != other.0)
        #expect(first.1 > 10_000, "the model is busy enough to exercise the engine")
        #expect(first.2 > 100, "and it cancels events")
    }

    @Test("cannot schedule in the past")
    func schedulingInThePastTraps() async {
        await #expect(processExitsWith: .failure) {
            var simulation = Simulation(model: RecordingModel(), queue: QuaternaryHeap())
            simulation.run(until: SimTime(.seconds(5)))
            simulation.scheduler.schedule(0, target: 0, at: SimTime(.seconds(1)))
        }
    }
}

/// The model of the README's example, kept identical to it.
struct Ping: SimulationModel {
    var pings = 0
    mutating func handle<Queue: PendingEventSet>(_ event: Event, scheduler: inout Scheduler<Queue>) {
        pings += 1
        scheduler.schedule(0, target: event.target, after: .milliseconds(40))
    }
}

@Suite("README example")
struct ReadmeExampleTests {
    @Test("the README's Ping example prints 51 on the default queue and on the heap")
    func pingExample() {
        var simulation = Simulation(model: Ping())
        simulation.scheduler.schedule(0, target: 0, after: .zero)
        simulation.run(until: SimTime(.seconds(2)))
        #expect(simulation.model.pings == 51)

        var compact = Simulation(model: Ping(), queue: QuaternaryHeap())
        compact.scheduler.schedule(0, target: 0, after: .zero)
        compact.run(until: SimTime(.seconds(2)))
        #expect(compact.model.pings == 51)
    }
}
