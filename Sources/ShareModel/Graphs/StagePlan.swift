import SimCore

/// What the model keeps of one staged class: its graph in flat arrays, where each stage may
/// run, its random streams and its tallies, and the per-request state of its requests in flight.
///
/// Flat arrays (offsets into shared lists) rather than arrays of arrays, so that moving a
/// request along reads plain integers; a request's per-stage state is one block of
/// ``stageCount`` entries in ``visits``, reused through a free list, so a staged request
/// allocates nothing once the board has held the peak in flight.
struct StagePlan: Sendable {
    /// The number of stages.
    let stageCount: Int
    /// The stage the answer leaves from.
    let sink: Int
    /// Each stage's number of predecessors.
    let predecessorCount: [UInt8]
    /// Each stage's join.
    let join: [StageJoin]
    /// Where each stage's successors start in ``successors`` (one more entry than stages).
    let successorStart: [Int32]
    /// Each stage's successors: `successors[successorStart[s]..<successorStart[s + 1]]`.
    let successors: [Int32]
    /// Each stage's fixed zone, or `none` when it runs at the nearest zone offering a service.
    let fixedZone: [ZoneID]
    /// Where each stage's candidate zones start in ``candidates`` (one more entry than stages).
    let candidateStart: [Int32]
    /// The zones offering each stage's service, in zone order:
    /// `candidates[candidateStart[s]..<candidateStart[s + 1]]` (empty for a fixed zone).
    let candidates: [ZoneID]
    /// Where each stage's candidates ordered by nearness start in ``nearest``.
    var nearestStart: [Int32] = []
    /// Each stage's candidates ordered by latency from each origin (nearest first, zone
    /// order on a tie), an origin being a population or a zone stages run at
    /// (``StageLatencies/origin(population:zone:)``):
    /// `nearest[nearestStart[s] + origin × k + i]` for the stage's k candidates, so placing
    /// a stage reads its candidates nearest first and stops past the nearest up ones.
    var nearest: [ZoneID] = []
    /// Each stage's service time in seconds.
    let service: [SampledDistribution]
    /// The size of the message each predecessor sends each stage, in bytes (nil: none).
    let message: [SampledDistribution?]
    /// Each stage's stream for service times, `stage/<class>/<stage>/time`: named, so adding
    /// a stage shifts no other stage's draws.
    var serviceStreams: [RandomStream]
    /// Each stage's stream for message sizes, `stage/<class>/<stage>/message`.
    var messageStreams: [RandomStream]
    /// Each stage's measured visits.
    var tallies: [StageTally]
    /// The per-request blocks of ``stageCount`` visits, one after another.
    var visits: ContiguousArray<StageVisit> = []
    /// The blocks of ended requests, for reuse.
    var freeBlocks: ContiguousArray<Int32> = []

    /// Takes a free block (or a new one) and returns its index.
    ///
    /// - Complexity: O(1) amortised; allocates only when the board grows.
    mutating func takeBlock() -> Int32 {
        if let block = freeBlocks.popLast() { return block }
        let block = Int32(visits.count / stageCount)
        visits.append(contentsOf: repeatElement(StageVisit(), count: stageCount))
        return block
    }

    /// The position in ``visits`` of `stage` of `block`.
    func slot(_ block: Int32, _ stage: Int) -> Int { Int(block) * stageCount + stage }
}

/// One stage of one request in flight.
struct StageVisit: Sendable {
    /// The zone it runs at, or `none` until chosen.
    var zone = ZoneID.none
    /// The messages from its predecessors that have arrived.
    var arrived: UInt8 = 0
    /// Whether it has been sent to its zone (a join-first stage is sent once).
    var released = false
    /// When it became ready: its releasing predecessor's end (the last one's for join-all),
    /// or the attempt's start for the first stage.
    var readyAt = SimTime.zero
    /// When its service ended.
    var doneAt = SimTime.zero
}

/// What a stage counts while measuring: its visits served, their waits, services and stage
/// times (ready to end, so the hop from its predecessors included).
struct StageTally: Sendable {
    var visits: UInt64 = 0
    var waitSeconds: Double = 0
    var serviceSeconds: Double = 0
    var stageSeconds: Double = 0
    var stageTimes = LatencyHistogram(highestTrackable: WorkloadTallyLimits.latencyRange)
}

/// One-way latencies between the zones stages may run at, and from each population to them,
/// computed once from the latency model: `n` zones in a dense numbering.
struct StageLatencies: Sendable {
    /// Each zone's dense number, or -1 when no stage runs there.
    var number: [Int32] = []
    var count = 0
    /// `between[a × count + b]`: from zone `a` to zone `b` (dense numbers).
    var between: [SimDuration] = []
    /// `fromPopulation[p × count + b]`: from population `p` to zone `b`.
    var fromPopulation: [SimDuration] = []
    /// `allowed[p × count + b]`: whether population `p` may be served at zone `b` (its
    /// `allowed_regions`), for stages placed by service.
    var allowed: [Bool] = []

    /// The number of origins a stage can be placed from: every population, then every zone
    /// stages run at.
    var origins: Int { count == 0 ? 0 : fromPopulation.count / count + count }

    /// The origin index of `zone` (a zone stages run at), or of `population` when `zone` is
    /// `none`.
    func origin(population: PopulationID, zone: ZoneID) -> Int {
        zone.isNone ? population.offset : fromPopulation.count / count + Int(number[zone.offset])
    }

    /// Whether `population` may be served at `zone` by a stage placed by service.
    func allows(_ population: PopulationID, _ zone: ZoneID) -> Bool {
        allowed[population.offset * count + Int(number[zone.offset])]
    }

    /// The latency from zone `a` to zone `b`.
    func latency(_ a: ZoneID, _ b: ZoneID) -> SimDuration {
        between[Int(number[a.offset]) * count + Int(number[b.offset])]
    }

    /// The latency between population `population` and zone `zone`.
    func latency(_ population: PopulationID, _ zone: ZoneID) -> SimDuration {
        fromPopulation[population.offset * count + Int(number[zone.offset])]
    }
}

/// A staged request's state as a whole.
enum GraphFate: UInt8, Sendable {
    /// Stages are running.
    case running
    /// A stage was turned away: the attempt ends rejected once its branches drain.
    case rejected
    /// A stage failed or timed out: the attempt ends failed once its branches drain.
    case failed
    /// The last stage finished: the answer is on its way.
    case answering
    /// The answer arrived; the slot is freed once its branches drain.
    case answered
    /// The attempt's end is handled (retried, lost or freed): nothing more to settle.
    case ended
}
