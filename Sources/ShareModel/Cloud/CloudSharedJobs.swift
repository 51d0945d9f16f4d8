import SimCore

/// One request in a processor-sharing zone.
struct SharedJob: Sendable {
    var request: CloudRequestID
    var workloadClass: CloudWorkloadClass
    var arrival: SimTime
    /// The virtual time when it arrived, in seconds of attained service.
    var startVirtual: Double
    /// The virtual time when it finishes: ``startVirtual`` plus its work.
    var finish: Double
    /// Its arrival number in the zone (ties between equal finishes go to the earlier one).
    var order: UInt64
    /// Its place in the heap; -1 while the entry is free.
    var position: Int32
}

/// A deadline of a processor-sharing zone's request: the job entry and its arrival number,
/// stale once the entry holds another request.
struct SharedDeadline: Sendable {
    var job: UInt32
    var order: UInt64
}

/// The requests of a processor-sharing zone, by virtual time.
///
/// Every request present progresses at the same rate r(n) = min(1, c/n) of a core, so the
/// service each has attained since it arrived is V(now) − V(arrival), where the virtual clock
/// V grows at r(n). A request of work w arriving at V finishes when V reaches V + w: its
/// virtual finish never changes while others come and go, and the next to finish is the
/// smallest. So the zone keeps the requests in a binary min-heap of virtual finishes (an
/// indexed heap: each entry knows its position, so a request that times out or fails is removed
/// in O(log n)) and one timer at the next finish, re-armed when n or c changes; an arrival or a
/// departure costs O(log n), whatever the number of requests.
///
/// V restarts at 0 whenever the zone empties, so it stays small and exact.
struct SharedJobs: Sendable {
    /// Entries, reused through ``freeEntries``.
    private(set) var jobs: ContiguousArray<SharedJob> = []
    private var freeEntries: ContiguousArray<UInt32> = []
    /// Entry indices, a min-heap by (finish, order).
    private var heap: ContiguousArray<UInt32> = []
    /// Deadlines in arrival order (a zone with a timeout only), stale ones included.
    var deadlines = FIFOLine<SharedDeadline>()
    /// The virtual clock, in seconds of service attained by every request present.
    private(set) var virtual = 0.0
    /// When ``virtual`` was last brought up to date.
    private(set) var updated = SimTime.zero
    /// The timer armed for the next finish.
    var completion: TimerHandle?
    private var nextOrder: UInt64 = 0

    init() {}

    /// The number of requests in the zone.
    var count: Int { heap.count }

    /// The rate at which each request progresses on `cores` cores, in (0, 1].
    func rate(cores: Int) -> Double {
        heap.count <= cores ? 1 : Double(cores) / Double(heap.count)
    }

    /// Brings the virtual clock to `time` at the rate for `cores` cores (call before n or c change).
    mutating func advance(to time: SimTime, cores: Int) {
        if !heap.isEmpty { virtual += (time - updated).seconds * rate(cores: cores) }
        updated = time
    }

    /// The smallest virtual finish, or nil when empty.
    var nextFinish: Double? { heap.first.map { jobs[Int($0)].finish } }

    /// The entry of the next request to finish, or nil.
    var nextJob: UInt32? { heap.first }

    /// The job in entry `index`.
    subscript(index: UInt32) -> SharedJob { jobs[Int(index)] }

    /// Whether `deadline` still names a request in the zone.
    func isLive(_ deadline: SharedDeadline) -> Bool {
        let job = jobs[Int(deadline.job)]
        return job.position >= 0 && job.order == deadline.order
    }

    /// Adds a request of `work` seconds arriving now; returns its entry.
    ///
    /// - Complexity: O(log n).
    mutating func insert(
        request: CloudRequestID,
        workloadClass: CloudWorkloadClass,
        arrival: SimTime,
        work: Double
    ) -> UInt32 {
        nextOrder += 1
        let job = SharedJob(
            request: request,
            workloadClass: workloadClass,
            arrival: arrival,
            startVirtual: virtual,
            finish: virtual + work,
            order: nextOrder,
            position: Int32(heap.count)
        )
        let index: UInt32
        if let free = freeEntries.popLast() {
            index = free
            jobs[Int(free)] = job
        } else {
            index = UInt32(jobs.count)
            jobs.append(job)
        }
        heap.append(index)
        siftUp(heap.count - 1)
        return index
    }

    /// Removes the request in entry `index` and returns it; the virtual clock restarts at 0
    /// when the zone empties.
    ///
    /// - Complexity: O(log n).
    mutating func remove(_ index: UInt32) -> SharedJob {
        let job = jobs[Int(index)]
        let position = Int(job.position)
        precondition(position >= 0 && Int(heap[position]) == Int(index), "processor sharing: entry \(index) not held")
        let last = heap.removeLast()
        if position < heap.count {
            heap[position] = last
            jobs[Int(last)].position = Int32(position)
            siftUp(position)
            siftDown(Int(jobs[Int(last)].position))
        }
        jobs[Int(index)].position = -1
        freeEntries.append(index)
        if heap.isEmpty {
            virtual = 0
            deadlines.removeAll { _ in }
        }
        return job
    }

    /// Removes every request, handing each to `body` in arrival order; the clock restarts.
    mutating func removeAll(_ body: (SharedJob) -> Void) {
        let present = heap.map { jobs[Int($0)] }.sorted { $0.order < $1.order }
        for index in heap { jobs[Int(index)].position = -1 }
        freeEntries.append(contentsOf: heap)
        heap.removeAll(keepingCapacity: true)
        deadlines.removeAll { _ in }
        virtual = 0
        for job in present { body(job) }
    }

    /// Whether the job at heap position `a` finishes before the one at `b`.
    private func precedes(_ a: UInt32, _ b: UInt32) -> Bool {
        let left = jobs[Int(a)]
        let right = jobs[Int(b)]
        return left.finish < right.finish || (left.finish == right.finish && left.order < right.order)
    }

    private mutating func siftUp(_ start: Int) {
        var position = start
        let moving = heap[position]
        while position > 0 {
            let parent = (position - 1) / 2
            guard precedes(moving, heap[parent]) else { break }
            heap[position] = heap[parent]
            jobs[Int(heap[position])].position = Int32(position)
            position = parent
        }
        heap[position] = moving
        jobs[Int(moving)].position = Int32(position)
    }

    private mutating func siftDown(_ start: Int) {
        var position = start
        let moving = heap[position]
        while true {
            let left = 2 * position + 1
            guard left < heap.count else { break }
            var child = left
            if left + 1 < heap.count, precedes(heap[left + 1], heap[left]) { child = left + 1 }
            guard precedes(heap[child], moving) else { break }
            heap[position] = heap[child]
            jobs[Int(heap[position])].position = Int32(position)
            position = child
        }
        heap[position] = moving
        jobs[Int(moving)].position = Int32(position)
    }
}
