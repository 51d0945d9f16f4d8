import SimCore

/// A request taken out of service by a higher-priority arrival, waiting to resume
/// (preemptive-resume).
struct SuspendedRequest: Sendable {
    /// The request as it arrived.
    var request: CloudWaitingRequest
    /// When it first began service.
    var firstStart: SimTime
    /// The service it received before it was interrupted.
    var received: SimDuration
    /// The service it still needs (its drawn time, already scaled, less `received`).
    var remaining: SimDuration
}

/// What a preemptive zone knows of the request in one slot: its current spell in service.
struct RankedSlot: Sendable {
    /// When the current spell began.
    var spellStart = SimTime.zero
    /// When the request's service ends if it is not interrupted.
    var due = SimTime.zero
    /// The service received in earlier spells.
    var received = SimDuration.zero
    /// The number of the spell, unique in the zone; 0 when the slot is free.
    var stamp: UInt64 = 0
}

/// The next request to serve from a priority zone's lines.
enum RankedNext: Sendable {
    /// A request that has not been served yet.
    case fresh(CloudWaitingRequest)
    /// A preempted request, resuming.
    case resumed(SuspendedRequest)

    /// The end of this waiting request's stay at `time` with `fate`.
    func ending(at time: SimTime, fate: CloudRequestFate) -> CloudRequestEnd {
        switch self {
        case .fresh(let request):
            CloudRequestEnd(
                request: request.request,
                workloadClass: request.workloadClass,
                arrival: request.arrival,
                serviceStart: nil,
                time: time,
                fate: fate
            )
        case .resumed(let suspended):
            CloudRequestEnd(
                request: suspended.request.request,
                workloadClass: suspended.request.workloadClass,
                arrival: suspended.request.arrival,
                serviceStart: suspended.firstStart,
                time: time,
                fate: fate,
                serviceReceived: suspended.received
            )
        }
    }
}

/// A priority zone's waiting requests: one line per priority level, each first come first
/// served, with preempted requests at the front of theirs.
///
/// Levels number the distinct priorities of the workload classes from the highest (level 0).
/// Within a level, requests are ordered by arrival: preempted requests (a stack, the most
/// recently preempted first) come before the ones never served (a FIFO line). The order holds
/// because a preemption always takes, among the lowest level in service, the request that
/// arrived last, and every request in service at a level arrived before every request waiting
/// at it; so each level's deadlines (arrival + timeout) rise along it, and the earliest one is
/// at some level's front.
///
/// For a preemptive zone it also keeps, per level, the slots in service as a stack in the
/// order they started (lazy deletion: an entry whose stamp no longer matches its slot's is
/// skipped), whose top is the request to preempt.
struct RankedLines: Sendable {
    /// An entry of a level's in-service stack.
    struct Serving: Sendable {
        var slot: UInt32
        var stamp: UInt64
    }

    /// The level of each workload class (0 is the highest priority).
    let levelOfClass: ContiguousArray<Int>
    /// Whether arrivals preempt lower-priority requests in service.
    let preemptive: Bool
    /// Per level: requests never served, oldest first.
    var lines: ContiguousArray<CloudWaitingLine>
    /// Per level: preempted requests, the most recently preempted (the next to resume) last.
    var suspended: ContiguousArray<ContiguousArray<SuspendedRequest>>
    /// Requests waiting at every level, preempted ones included.
    private(set) var count = 0
    /// Preemptive zones: per slot, its current spell.
    var slotInfo: ContiguousArray<RankedSlot>
    /// Preemptive zones: per level, the slots in service in the order they started, with stale
    /// entries.
    var serving: ContiguousArray<ContiguousArray<Serving>>
    /// Preemptive zones: per level, the requests in service.
    var servingCount: ContiguousArray<Int>
    private var lastStamp: UInt64 = 0

    /// Lines for classes of `priorities` (per class; higher is served first; empty: one level)
    /// in a zone of `slots` slots.
    init(priorities: [Int], classes: Int, slots: Int, preemptive: Bool) {
        let distinct = Array(Set(priorities)).sorted(by: >)
        var levels = ContiguousArray(repeating: 0, count: classes)
        for (index, priority) in priorities.enumerated() where index < classes {
            levels[index] = distinct.firstIndex(of: priority) ?? 0
        }
        let levelCount = max(1, distinct.count)
        levelOfClass = levels
        self.preemptive = preemptive
        lines = ContiguousArray(repeating: CloudWaitingLine(), count: levelCount)
        suspended = ContiguousArray(repeating: [], count: levelCount)
        slotInfo = ContiguousArray(repeating: RankedSlot(), count: preemptive ? slots : 0)
        serving = ContiguousArray(repeating: [], count: preemptive ? levelCount : 0)
        servingCount = ContiguousArray(repeating: 0, count: preemptive ? levelCount : 0)
    }

    /// An empty set of lines (a zone of another discipline).
    init() {
        levelOfClass = []
        preemptive = false
        lines = []
        suspended = []
        slotInfo = []
        serving = []
        servingCount = []
    }

    /// The level of `workloadClass`.
    func level(of workloadClass: CloudWorkloadClass) -> Int { levelOfClass[Int(workloadClass.index)] }

    /// The arrival of the first request waiting at `level`, or nil.
    func frontArrival(at level: Int) -> SimTime? {
        suspended[level].last?.request.arrival ?? lines[level].first?.arrival
    }

    /// The earliest arrival among the levels' first requests, or nil when none waits.
    ///
    /// - Complexity: O(levels).
    var earliestFront: SimTime? {
        var earliest: SimTime?
        for level in lines.indices {
            if let arrival = frontArrival(at: level), earliest.map({ arrival < $0 }) ?? true { earliest = arrival }
        }
        return earliest
    }

    /// Adds `request` at the back of its level's line.
    mutating func append(_ request: CloudWaitingRequest) {
        lines[level(of: request.workloadClass)].append(request)
        count += 1
    }

    /// Puts a preempted request at the front of its level's line.
    mutating func suspend(_ request: SuspendedRequest) {
        suspended[level(of: request.request.workloadClass)].append(request)
        count += 1
    }

    /// Removes and returns the next request to serve: the first of the highest level that has one.
    ///
    /// - Complexity: O(levels).
    mutating func popNext() -> RankedNext? {
        for level in lines.indices {
            if let request = suspended[level].popLast() {
                count -= 1
                return .resumed(request)
            }
            if let request = lines[level].popFirst() {
                count -= 1
                return .fresh(request)
            }
        }
        return nil
    }

    /// Removes and returns the first request at `level` if its deadline, arrival + `timeout`,
    /// has come by `time`.
    mutating func popExpired(at level: Int, time: SimTime, timeout: SimDuration) -> RankedNext? {
        if let top = suspended[level].last {
            guard top.request.arrival + timeout <= time else { return nil }
            count -= 1
            return .resumed(suspended[level].removeLast())
        }
        guard let first = lines[level].first, first.arrival + timeout <= time, let request = lines[level].popFirst()
        else { return nil }
        count -= 1
        return .fresh(request)
    }

    /// Removes every waiting request, handing each to `body`: highest level first, in order
    /// within a level.
    mutating func removeAll(_ body: (RankedNext) -> Void) {
        for level in lines.indices {
            for request in suspended[level].reversed() { body(.resumed(request)) }
            suspended[level].removeAll(keepingCapacity: true)
            lines[level].removeAll { body(.fresh($0)) }
        }
        count = 0
    }

    // MARK: - Preemptive zones

    /// A spell of service began in `slot` at `level`.
    mutating func noteStart(slot: UInt32, level: Int, at time: SimTime, due: SimTime, received: SimDuration) {
        lastStamp += 1
        slotInfo[Int(slot)] = RankedSlot(spellStart: time, due: due, received: received, stamp: lastStamp)
        serving[level].append(Serving(slot: slot, stamp: lastStamp))
        servingCount[level] += 1
    }

    /// The spell in `slot` at `level` ended at `time`; returns the service the request
    /// received in all.
    ///
    /// - Complexity: amortised O(1): a level's stack is compacted when stale entries
    ///   outnumber live ones.
    mutating func noteEnd(slot: UInt32, level: Int, at time: SimTime) -> SimDuration {
        let info = slotInfo[Int(slot)]
        slotInfo[Int(slot)].stamp = 0
        servingCount[level] -= 1
        if serving[level].count > 2 * servingCount[level] + 32 {
            let live = slotInfo
            serving[level].removeAll { live[Int($0.slot)].stamp != $0.stamp }
        }
        return info.received + (time - info.spellStart)
    }

    /// The slot to preempt for an arrival at `level`: among the lowest level in service,
    /// if lower than `level`, the request that started last; nil if none is lower.
    ///
    /// - Complexity: O(levels), plus the stale entries skipped (amortised O(1)).
    mutating func victim(above level: Int) -> (slot: UInt32, level: Int)? {
        var lowest = servingCount.count - 1
        while lowest > level, servingCount[lowest] == 0 { lowest -= 1 }
        guard lowest > level else { return nil }
        while let top = serving[lowest].last {
            if slotInfo[Int(top.slot)].stamp == top.stamp { return (top.slot, lowest) }
            serving[lowest].removeLast()
        }
        preconditionFailure("priority zone: level \(lowest) counts requests in service but lists none")
    }

    /// Forgets every request in service (the zone failed).
    mutating func clearServing() {
        for level in serving.indices {
            serving[level].removeAll(keepingCapacity: true)
            servingCount[level] = 0
        }
        for slot in slotInfo.indices { slotInfo[slot].stamp = 0 }
    }
}
