import Foundation
import Testing

@testable import SimCore

// One suite, run against every pending-event set: each test takes a `QueueKind` and asks it
// for a driver generic over the queue type, so the same checks specialise for each set.
// Seeds are fixed; a failure names its seed and operation.

/// The pending-event sets under test.
enum QueueKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case quaternaryHeap
    case ladderQueue

    var testDescription: String { rawValue }

    /// The checks of this suite, specialised for this kind of queue.
    var driver: any PendingEventSetDriver {
        switch self {
        case .quaternaryHeap: QueueDriver<QuaternaryHeap>()
        case .ladderQueue: QueueDriver<LadderQueue>()
        }
    }
}

/// The checks of this suite, for one queue type.
protocol PendingEventSetDriver {
    func randomOperationsMatchReference(seed: UInt64, operations: Int)
    func smallSizesMatchReference(size: Int, seed: UInt64)
    func growsAndDrainsInOrder(count: Int, seed: UInt64)
    func popRespectsLimit()
    func equalTimesFireInSchedulingOrder()
    func schedulerMatchesReference(seed: UInt64, operations: Int)
    func cancellingTwiceOrAfterFiringFails()
    func staleHandleNeverCancelsNewerEvent()
}

// MARK: - The reference and the workloads

/// The obviously correct pending-event set: an array kept sorted by `firesBefore`.
struct SortedEventArray {
    private(set) var events: [Event] = []

    var count: Int { events.count }

    mutating func insert(_ event: Event) {
        var low = 0
        var high = events.count
        while low < high {
            let middle = (low + high) / 2
            if event.firesBefore(events[middle]) { high = middle } else { low = middle + 1 }
        }
        events.insert(event, at: low)
    }

    func peekMin() -> Event? { events.first }

    mutating func popMin(notAfter limit: SimTime) -> Event? {
        guard let first = events.first, first.time <= limit else { return nil }
        events.removeFirst()
        return first
    }
}

/// Whether two optional events are the same event (time, order, target and payload).
func sameEvent(_ lhs: Event?, _ rhs: Event?) -> Bool {
    switch (lhs, rhs) {
    case (nil, nil): true
    case let (lhs?, rhs?):
        lhs.time == rhs.time && lhs.order == rhs.order && lhs.target == rhs.target && lhs.payload == rhs.payload
    default: false
    }
}

/// How a workload draws event times.
enum TimeProfile: CaseIterable {
    /// A few nanoseconds after now: nearly every event ties with others.
    case ties
    /// Up to about 18 minutes after now, and a few at the end of time.
    case spread
    /// Mostly a cluster of ties at now, some near, some far, a few at the end of time.
    case clustered
    /// Log-uniform delays from 1 ns to 2⁶² ns: every scale at once.
    case scales
    /// Multiples of 1,024 ns after now: ties that fall on bucket boundaries.
    case grid
    /// Any instant, before now included: extremes, negatives, tiny values, random bits.
    case anywhere

    /// A time for a new event when the last popped event was at `now`.
    func time(after now: Int64, using stream: inout RandomStream) -> Int64 {
        func later(_ delay: UInt64) -> Int64 {
            let (sum, overflow) = now.addingReportingOverflow(Int64(delay))
            return overflow ? .max : sum
        }
        switch self {
        case .ties:
            return later(stream.nextInt(below: 4))
        case .spread:
            return stream.nextInt(below: 50) == 0 ? .max : later(stream.nextInt(below: 1 << 40))
        case .clustered:
            let draw = stream.nextInt(below: 100)
            if draw < 45 { return later(stream.nextInt(below: 3)) }
            if draw < 85 { return later(stream.nextInt(below: 1 << 16)) }
            if draw < 98 { return later(stream.nextInt(below: 1 << 44)) }
            return .max
        case .scales:
            return later(stream.nextInt(below: 1 << (1 + stream.nextInt(below: 62))))
        case .grid:
            return later(1_024 * stream.nextInt(below: 64))
        case .anywhere:
            let draw = stream.nextInt(below: 100)
            if draw < 30 { return Int64(bitPattern: stream.next()) }
            if draw < 60 { return Int64(stream.nextInt(below: 16)) - 8 }
            if draw < 80 { return .min + Int64(stream.nextInt(below: 4)) }
            return .max - Int64(stream.nextInt(below: 4))
        }
    }
}

/// Makes distinct events: sequence numbers count up, or (scrambled) are a permutation of
/// the count, so that insertion order and tie order disagree.
struct EventFactory {
    var made: UInt64 = 0
    let scrambled: Bool

    mutating func event(at time: Int64) -> Event {
        let number = made
        made += 1
        let sequence = scrambled ? (number &* 0x9e37_79b9_7f4a_7c15) & 0xffff_ffff_ffff : number
        return Event(
            time: SimTime(nanoseconds: time),
            sequence: sequence,
            kind: UInt16(number % 5),
            cancellable: number % 3 == 0,
            target: UInt32(truncatingIfNeeded: number),
            payload: UInt32(truncatingIfNeeded: number &* 31)
        )
    }
}

/// Where the scheduler reference thinks an event is.
enum ReferenceEventStatus { case pending, cancelled, fired, dropped }

/// A model that logs the payload of every event it handles.
struct PayloadLogModel: SimulationModel {
    var handled: [(time: Int64, payload: UInt32)] = []

    mutating func handle<Queue: PendingEventSet>(_ event: Event, scheduler: inout Scheduler<Queue>) {
        handled.append((event.time.nanoseconds, event.payload))
    }
}

// MARK: - The driver

struct QueueDriver<Queue: PendingEventSet>: PendingEventSetDriver {
    /// Compares the queue with the reference: count and minimum. Records an issue and
    /// returns false on a mismatch.
    func agree(_ queue: Queue, _ reference: SortedEventArray, _ context: @autoclosure () -> String) -> Bool {
        guard queue.count == reference.count else {
            Issue.record("\(context()): count \(queue.count), expected \(reference.count)")
            return false
        }
        guard sameEvent(queue.peekMin(), reference.peekMin()) else {
            Issue.record(
                Comment(
                    rawValue: "\(context()): peekMin \(String(describing: queue.peekMin())), expected "
                        + "\(String(describing: reference.peekMin()))"
                )
            )
            return false
        }
        return true
    }

    /// A limit near the minimum: before it, at it, a little after, or anywhere.
    func limit(near reference: SortedEventArray, using stream: inout RandomStream) -> SimTime {
        guard let minimum = reference.peekMin()?.time.nanoseconds else {
            return SimTime(nanoseconds: Int64(bitPattern: stream.next()))
        }
        switch stream.nextInt(below: 5) {
        case 0: return SimTime(nanoseconds: minimum == .min ? minimum : minimum - 1)
        case 1: return SimTime(nanoseconds: minimum)
        case 2:
            let (sum, overflow) = minimum.addingReportingOverflow(Int64(stream.nextInt(below: 8)))
            return SimTime(nanoseconds: overflow ? .max : sum)
        case 3: return .distantFuture
        default: return SimTime(nanoseconds: Int64(bitPattern: stream.next()))
        }
    }

    func randomOperationsMatchReference(seed: UInt64, operations: Int) {
        var stream = RandomStream(seed: seed, name: "pending-event-set.random-operations")
        let profile = TimeProfile.allCases[Int(seed % UInt64(TimeProfile.allCases.count))]
        var factory = EventFactory(scrambled: seed % 2 == 1)
        var queue = Queue()
        if seed % 3 == 0 { queue.reserveCapacity(64) }
        var reference = SortedEventArray()
        var now: Int64 = 0
        for step in 0..<operations {
            // Phases of growth and of draining, so sizes sweep up and down.
            let insertPercent: UInt64 = (step / 250) % 2 == 0 ? 70 : 35
            let draw = stream.nextInt(below: 100)
            func context() -> String { "seed \(seed) (\(profile)) operation \(step)" }
            if draw < insertPercent {
                let event = factory.event(at: profile.time(after: now, using: &stream))
                queue.insert(event)
                reference.insert(event)
            } else if draw < insertPercent + (100 - insertPercent) / 2 {
                let expected = reference.popMin(notAfter: .distantFuture)
                let popped = queue.popMin()
                guard sameEvent(popped, expected) else {
                    Issue.record(
                        "\(context()): popMin \(String(describing: popped)), expected \(String(describing: expected))"
                    )
                    return
                }
                if let expected, profile != .anywhere { now = expected.time.nanoseconds }
            } else {
                let limit = limit(near: reference, using: &stream)
                let expected = reference.popMin(notAfter: limit)
                let popped = queue.popMin(notAfter: limit)
                guard sameEvent(popped, expected) else {
                    Issue.record(
                        Comment(
                            rawValue:
                                "\(context()): popMin(notAfter: \(limit)) \(String(describing: popped)), expected "
                                + "\(String(describing: expected))"
                        )
                    )
                    return
                }
                if let expected, profile != .anywhere { now = expected.time.nanoseconds }
            }
            guard agree(queue, reference, context()) else { return }
        }
        // Drain what is left.
        while let expected = reference.popMin(notAfter: .distantFuture) {
            guard sameEvent(queue.popMin(), expected) else {
                Issue.record("seed \(seed) (\(profile)): final drain differs at \(expected)")
                return
            }
        }
        let leftover = queue.popMin()
        #expect(leftover == nil && queue.isEmpty, "seed \(seed): the queue has events left")
    }

    func smallSizesMatchReference(size: Int, seed: UInt64) {
        var stream = RandomStream(seed: seed &* 1_000 &+ UInt64(size), name: "pending-event-set.small-sizes")
        let profile = TimeProfile.allCases[Int(seed % UInt64(TimeProfile.allCases.count))]
        var factory = EventFactory(scrambled: seed % 2 == 1)
        var queue = Queue()
        var reference = SortedEventArray()
        let context = "size \(size) seed \(seed) (\(profile))"
        for _ in 0..<size {
            let event = factory.event(at: profile.time(after: 0, using: &stream))
            queue.insert(event)
            reference.insert(event)
            guard agree(queue, reference, context) else { return }
        }
        // Drain through limits; top up once halfway with as many events again.
        var toppedUp = false
        while reference.count > 0 || !toppedUp {
            if !toppedUp && reference.count <= size / 2 {
                toppedUp = true
                let now = reference.peekMin()?.time.nanoseconds ?? 0
                for _ in 0..<size {
                    let event = factory.event(at: profile.time(after: now, using: &stream))
                    queue.insert(event)
                    reference.insert(event)
                }
            }
            let limit = limit(near: reference, using: &stream)
            let expected = reference.popMin(notAfter: limit)
            let popped = queue.popMin(notAfter: limit)
            guard sameEvent(popped, expected) else {
                Issue.record(
                    Comment(
                        rawValue: "\(context): popMin(notAfter: \(limit)) \(String(describing: popped)), expected "
                            + "\(String(describing: expected))"
                    )
                )
                return
            }
            guard agree(queue, reference, context) else { return }
        }
        let leftover = queue.popMin()
        #expect(leftover == nil && queue.peekMin() == nil && queue.count == 0, "\(context)")
    }

    func growsAndDrainsInOrder(count: Int, seed: UInt64) {
        var stream = RandomStream(seed: seed, name: "pending-event-set.grow-and-drain")
        var factory = EventFactory(scrambled: false)
        var queue = Queue()
        var expected: [Event] = []
        expected.reserveCapacity(count)
        for index in 0..<count {
            // A mix of scales and of ties, so every tier of a ladder fills.
            let profile: TimeProfile = index % 4 == 0 ? .ties : index % 4 == 1 ? .clustered : .scales
            let event = factory.event(at: profile.time(after: 1_000_000_000, using: &stream))
            queue.insert(event)
            expected.append(event)
        }
        #expect(queue.count == count)
        expected.sort { $0.firesBefore($1) }
        for (index, event) in expected.enumerated() {
            let popped = queue.popMin()
            guard sameEvent(popped, event) else {
                Issue.record("event \(index) of \(count): \(String(describing: popped)), expected \(event)")
                return
            }
        }
        let leftover = queue.popMin()
        #expect(leftover == nil && queue.isEmpty)
    }

    func popRespectsLimit() {
        var queue = Queue()
        var factory = EventFactory(scrambled: false)
        let fromEmpty = queue.popMin(notAfter: .distantFuture)
        #expect(fromEmpty == nil)
        let first = factory.event(at: 10)
        let second = factory.event(at: 10)
        queue.insert(second)
        queue.insert(first)
        queue.insert(factory.event(at: 20))
        let beforeAll = queue.popMin(notAfter: SimTime(nanoseconds: 9))
        #expect(beforeAll == nil)
        #expect(queue.count == 3)
        #expect(sameEvent(queue.peekMin(), first))
        let atLimit = queue.popMin(notAfter: SimTime(nanoseconds: 10))
        #expect(sameEvent(atLimit, first), "an event at the limit comes out")
        let tiedAtLimit = queue.popMin(notAfter: SimTime(nanoseconds: 10))
        #expect(sameEvent(tiedAtLimit, second), "ties come out in sequence order")
        let beforeLast = queue.popMin(notAfter: SimTime(nanoseconds: 19))
        #expect(beforeLast == nil)
        #expect(queue.count == 1)
        let last = queue.popMin(notAfter: SimTime(nanoseconds: 20))
        #expect(last?.time == SimTime(nanoseconds: 20))
        #expect(queue.isEmpty && queue.peekMin() == nil)
    }

    func equalTimesFireInSchedulingOrder() {
        var simulation = Simulation(model: PayloadLogModel(), queue: Queue())
        for payload in 0..<200 as Range<UInt32> {
            // Alternate far and near instants, so the two ties interleave in the queue.
            let time = payload % 2 == 0 ? SimTime(.seconds(2)) : SimTime(.seconds(1))
            simulation.scheduler.schedule(0, target: 0, payload: payload, at: time)
        }
        simulation.runToCompletion()
        let odd = stride(from: 1, to: 200, by: 2).map { UInt32($0) }
        let even = stride(from: 0, to: 200, by: 2).map { UInt32($0) }
        #expect(simulation.model.handled.map(\.payload) == odd + even)
    }

    func schedulerMatchesReference(seed: UInt64, operations: Int) {
        var stream = RandomStream(seed: seed, name: "pending-event-set.scheduler")
        var simulation = Simulation(model: PayloadLogModel(), queue: Queue())
        var status: [ReferenceEventStatus] = []
        var times: [Int64] = []
        var inQueue: [Int] = []  // ids, sorted by (time, id)
        var handles: [(handle: TimerHandle, id: Int)] = []
        var now: Int64 = 0
        var handled: UInt64 = 0
        var dropped: UInt64 = 0
        var log: [UInt32] = []
        var checkedLog = 0

        func enqueue(_ id: Int) {
            let index = inQueue.firstIndex { times[$0] > times[id] } ?? inQueue.count
            inQueue.insert(id, at: index)
        }
        /// Pops the reference like the scheduler: drops cancelled events, fires the first live
        /// one at or before `limit`.
        func referenceStep(notAfter limit: Int64) -> Bool {
            while let id = inQueue.first, times[id] <= limit {
                inQueue.removeFirst()
                if status[id] == .cancelled {
                    status[id] = .dropped
                    dropped += 1
                    continue
                }
                status[id] = .fired
                handled += 1
                now = times[id]
                log.append(UInt32(id))
                return true
            }
            return false
        }

        for step in 0..<operations {
            func context() -> String { "seed \(seed) operation \(step)" }
            let draw = stream.nextInt(below: 100)
            if draw < 45 {
                let id = status.count
                // Mostly ties: a few nanoseconds; sometimes a millisecond scale.
                let delay = stream.nextInt(below: 4) == 0 ? stream.nextInt(below: 1_000_000) : stream.nextInt(below: 3)
                status.append(.pending)
                times.append(now + Int64(delay))
                enqueue(id)
                if stream.nextInt(below: 2) == 0 {
                    let handle = simulation.scheduler.scheduleCancellable(
                        1,
                        target: 7,
                        payload: UInt32(id),
                        after: .nanoseconds(Int64(delay))
                    )
                    handles.append((handle, id))
                } else {
                    simulation.scheduler.schedule(0, target: 7, payload: UInt32(id), after: .nanoseconds(Int64(delay)))
                }
            } else if draw < 65 {
                guard !handles.isEmpty else { continue }
                // Any handle ever issued: pending, cancelled, fired or dropped.
                let (handle, id) = handles[Int(stream.nextInt(below: UInt64(handles.count)))]
                let expected = status[id] == .pending
                if expected { status[id] = .cancelled }
                let cancelled = simulation.scheduler.cancel(handle)
                guard cancelled == expected else {
                    Issue.record("\(context()): cancel of event \(id) (\(status[id])) returned \(cancelled)")
                    return
                }
            } else if draw < 90 {
                let expected = referenceStep(notAfter: .max)
                let stepped = simulation.step()
                guard stepped == expected else {
                    Issue.record("\(context()): step() returned \(stepped), expected \(expected)")
                    return
                }
            } else {
                let limit = now + Int64(stream.nextInt(below: 4))
                while referenceStep(notAfter: limit) {}
                now = limit
                simulation.run(until: SimTime(nanoseconds: limit))
            }
            // Compare only what this operation handled: the logs grow long.
            let handledLog = simulation.model.handled
            guard handledLog.count == log.count, handledLog[checkedLog...].map(\.payload) == Array(log[checkedLog...])
            else {
                Issue.record(
                    Comment(
                        rawValue:
                            "\(context()): handled \(simulation.model.handled.suffix(3).map(\.payload)), expected "
                            + "\(log.suffix(3))"
                    )
                )
                return
            }
            checkedLog = log.count
            let scheduler = simulation.scheduler
            guard scheduler.eventCount == handled, scheduler.cancelledCount == dropped,
                scheduler.pendingCount == inQueue.count, scheduler.now.nanoseconds == now,
                scheduler.nextEventTime?.nanoseconds == inQueue.first.map({ times[$0] })
            else {
                Issue.record(
                    Comment(
                        rawValue: "\(context()): eventCount \(scheduler.eventCount)/\(handled), "
                            + "cancelledCount \(scheduler.cancelledCount)/\(dropped), "
                            + "pending \(scheduler.pendingCount)/\(inQueue.count), "
                            + "now \(scheduler.now.nanoseconds)/\(now)"
                    )
                )
                return
            }
        }
    }

    func cancellingTwiceOrAfterFiringFails() {
        var simulation = Simulation(model: PayloadLogModel(), queue: Queue())
        let early = simulation.scheduler.scheduleCancellable(0, target: 0, payload: 1, after: .seconds(1))
        let late = simulation.scheduler.scheduleCancellable(0, target: 0, payload: 2, after: .seconds(2))
        let firstCancel = simulation.scheduler.cancel(late)
        let secondCancel = simulation.scheduler.cancel(late)
        #expect(firstCancel)
        #expect(!secondCancel, "the second cancel of one event fails")
        let stepped = simulation.step()
        #expect(stepped)
        let cancelAfterFiring = simulation.scheduler.cancel(early)
        #expect(!cancelAfterFiring, "cancelling after the event fired fails")
        let steppedOverCancelled = simulation.step()
        #expect(!steppedOverCancelled, "the cancelled event is dropped, not handled")
        let cancelAfterDrop = simulation.scheduler.cancel(late)
        #expect(!cancelAfterDrop, "cancelling after the event was dropped fails")
        #expect(simulation.model.handled.map(\.payload) == [1])
        #expect(simulation.scheduler.eventCount == 1)
        #expect(simulation.scheduler.cancelledCount == 1)
        #expect(simulation.scheduler.pendingCount == 0)
    }

    func staleHandleNeverCancelsNewerEvent() {
        var simulation = Simulation(model: PayloadLogModel(), queue: Queue())
        // A fired event's slot is reused.
        let fired = simulation.scheduler.scheduleCancellable(0, target: 0, payload: 1, after: .seconds(1))
        let firedFirst = simulation.step()
        #expect(firedFirst)
        let reusedAfterFiring = simulation.scheduler.scheduleCancellable(0, target: 0, payload: 2, after: .seconds(1))
        #expect(reusedAfterFiring.slot == fired.slot, "the test relies on the slot being reused")
        let staleAfterFiring = simulation.scheduler.cancel(fired)
        #expect(!staleAfterFiring)
        // A cancelled and dropped event's slot is reused too.
        let cancelledNewer = simulation.scheduler.cancel(reusedAfterFiring)
        #expect(cancelledNewer)
        let steppedOverCancelled = simulation.step()
        #expect(!steppedOverCancelled)
        let reusedAfterDrop = simulation.scheduler.scheduleCancellable(0, target: 0, payload: 3, after: .seconds(1))
        #expect(reusedAfterDrop.slot == fired.slot)
        let staleAfterDrop = simulation.scheduler.cancel(fired)
        let staleCancelledHandle = simulation.scheduler.cancel(reusedAfterFiring)
        #expect(!staleAfterDrop && !staleCancelledHandle)
        let firedNewest = simulation.step()
        #expect(firedNewest)
        #expect(simulation.model.handled.map(\.payload) == [1, 3])
        #expect(simulation.scheduler.eventCount == 2)
        #expect(simulation.scheduler.cancelledCount == 1)
    }
}

// MARK: - The suite

@Suite("Pending-event sets")
struct PendingEventSetTests {
    @Test(
        "random inserts and pops match a sorted reference, ties and spread times alike",
        arguments: QueueKind.allCases
    )
    func randomOperations(kind: QueueKind) {
        let driver = kind.driver
        for seed in 0..<200 as Range<UInt64> {
            driver.randomOperationsMatchReference(seed: seed, operations: 2_000)
        }
    }

    @Test("every size from 0 to 20 fills and drains in order", arguments: QueueKind.allCases)
    func smallSizes(kind: QueueKind) {
        let driver = kind.driver
        for size in 0...20 {
            for seed in 0..<30 as Range<UInt64> {
                driver.smallSizesMatchReference(size: size, seed: seed)
            }
        }
    }

    @Test("in a debug build the invariant walks follow SHARESIM_INTERNAL_CHECKS in the environment")
    func internalChecksSwitch() {
        #if DEBUG && !SHARESIM_INTERNAL_CHECKS
        let asked = ProcessInfo.processInfo.environment["SHARESIM_INTERNAL_CHECKS"] == "1"
        #expect(BuildConfiguration.internalChecksEnabled == asked)
        #endif
    }

    @Test("a queue grown to 100,000 events drains in order", arguments: QueueKind.allCases)
    func growAndDrain(kind: QueueKind) {
        // With internal checks every operation walks the whole set: keep that run short.
        kind.driver.growsAndDrainsInOrder(count: BuildConfiguration.internalChecksEnabled ? 2_000 : 100_000, seed: 42)
    }

    @Test(
        "popMin(notAfter:) never returns an event after the limit and leaves the count alone",
        arguments: QueueKind.allCases
    )
    func popLimit(kind: QueueKind) {
        kind.driver.popRespectsLimit()
    }

    @Test("events at equal times fire in scheduling order", arguments: QueueKind.allCases)
    func equalTimes(kind: QueueKind) {
        kind.driver.equalTimesFireInSchedulingOrder()
    }

    @Test("scheduling, cancelling and stepping match a reference, with exact counts", arguments: QueueKind.allCases)
    func schedulerReference(kind: QueueKind) {
        let driver = kind.driver
        for seed in 0..<100 as Range<UInt64> {
            driver.schedulerMatchesReference(seed: seed, operations: 1_000)
        }
    }

    @Test("cancelling twice, or after the event fired, returns false", arguments: QueueKind.allCases)
    func cancelTwice(kind: QueueKind) {
        kind.driver.cancellingTwiceOrAfterFiringFails()
    }

    @Test("a stale handle never cancels the newer event that reuses its slot", arguments: QueueKind.allCases)
    func staleHandle(kind: QueueKind) {
        kind.driver.staleHandleNeverCancelsNewerEvent()
    }

    @Test("the ladder queue's random workloads use Top, deep rungs and the Bottom spawn")
    func ladderTiersAreExercised() {
        // White-box: the random workloads above only prove the ladder exact if they reach
        // its tiers. Replays some of them and records what the ladder looked like.
        var deepestLadder = 0
        var topUsedWithRungs = false
        var bottomOverflowed = false
        for seed in 0..<40 as Range<UInt64> {
            var stream = RandomStream(seed: seed, name: "pending-event-set.random-operations")
            let profile = TimeProfile.allCases[Int(seed % UInt64(TimeProfile.allCases.count))]
            var factory = EventFactory(scrambled: seed % 2 == 1)
            var queue = LadderQueue()
            var now: Int64 = 0
            for step in 0..<2_000 {
                if stream.nextInt(below: 100) < ((step / 250) % 2 == 0 ? 70 : 35) {
                    queue.insert(factory.event(at: profile.time(after: now, using: &stream)))
                } else if let event = queue.popMin(), profile != .anywhere {
                    now = event.time.nanoseconds
                }
                deepestLadder = max(deepestLadder, queue.rungs.count)
                topUsedWithRungs = topUsedWithRungs || (!queue.top.isEmpty && !queue.rungs.isEmpty)
                bottomOverflowed =
                    bottomOverflowed || queue.bottom.count - queue.bottomHead > LadderQueue.minimumBottomLimit
            }
        }
        #expect(deepestLadder >= 3)
        #expect(topUsedWithRungs)
        #expect(bottomOverflowed)
    }
}

@Suite("Ladder queue refills")
struct LadderRefillTests {
    /// Builds an event the way the scheduler does.
    func event(_ nanoseconds: Int64, _ sequence: UInt64) -> Event {
        Event(
            time: SimTime(nanoseconds: nanoseconds),
            sequence: sequence,
            kind: 0,
            cancellable: false,
            target: 0,
            payload: UInt32(truncatingIfNeeded: sequence)
        )
    }

    @Test("a crowd at one instant behind a small bucket comes out in sequence order, and Bottom stays sorted cheaply")
    func crowdBehindSmallBucket() {
        var queue = LadderQueue()
        var sequence: UInt64 = 0
        // Spread events make rung 0; then a crowd lands in one of its later buckets.
        for index in 0..<200 as Range<Int64> {
            queue.insert(event(index * 1_000_000, sequence))
            sequence += 1
        }
        var first = queue.popMin()  // Top becomes the ladder.
        #expect(first?.time.nanoseconds == 0)
        let crowdTime: Int64 = 150 * 1_000_000 + 1
        let crowdStart = sequence
        // With internal checks every operation walks the whole queue: keep that run short.
        let crowd: UInt64 = BuildConfiguration.internalChecksEnabled ? 1_000 : 20_000
        for _ in 0..<crowd {
            queue.insert(event(crowdTime, sequence))
            sequence += 1
        }
        var previous = first.map { ($0.time.nanoseconds, $0.sequence) } ?? (0, 0)
        var crowdSeen: UInt64 = 0
        while let next = queue.popMin() {
            let key = (next.time.nanoseconds, next.sequence)
            #expect(key > previous, "order broken at \(next)")
            if next.time.nanoseconds == crowdTime {
                #expect(next.sequence == crowdStart + crowdSeen, "the crowd keeps its scheduling order")
                crowdSeen += 1
            }
            previous = key
            first = next
        }
        #expect(crowdSeen == crowd)
        #expect(queue.count == 0)
    }
}
