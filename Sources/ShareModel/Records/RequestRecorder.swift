import SimCore

/// The records of a run's sampled requests: those still in flight (drafts whose last step is
/// open) and those ended since the caller last took them.
///
/// Only sampled requests have a draft, and only they allocate (their names and steps); an
/// unsampled request costs one comparison per step of its life.
struct RequestRecorder: Sendable {
    /// A request's draft slot when it is not sampled.
    static let unsampled = UInt32.max

    let sampling: RequestSampling
    let seed: UInt64
    /// Requests created so far in the run.
    private(set) var created: UInt64 = 0
    /// Drafts by slot; a free slot holds a record that is no longer read.
    private var drafts: [RequestRecord] = []
    private var freeDrafts: [UInt32] = []
    /// Records ended and not yet taken, in the order they ended.
    private(set) var ended: [RequestRecord] = []

    /// A recorder sampling with `sampling` in a run with `seed`.
    init(sampling: RequestSampling, seed: UInt64) {
        self.sampling = sampling
        self.seed = seed
    }

    /// Counts a new request and returns its draft slot when it is sampled (its record
    /// begun from `record`, with no steps), else ``unsampled``.
    mutating func begin(_ record: () -> RequestRecord) -> UInt32 {
        created &+= 1
        guard sampling.samples(serial: created, seed: seed) else { return Self.unsampled }
        var draft = record()
        draft.serial = created
        if let slot = freeDrafts.popLast() {
            drafts[Int(slot)] = draft
            return slot
        }
        drafts.append(draft)
        return UInt32(drafts.count - 1)
    }

    /// The draft's last step ends at `time` and a step of `phase` at `site` begins.
    mutating func enter(
        _ slot: UInt32,
        _ phase: RequestRecord.Step.Phase,
        site: String,
        at time: SimTime,
        links: [String] = []
    ) {
        closeStep(slot, at: time)
        drafts[Int(slot)].steps.append(.init(phase: phase, site: site, start: time, end: time, links: links))
    }

    /// A stage of the draft's request finished a served `visit`.
    mutating func visit(_ slot: UInt32, _ visit: RequestRecord.StageVisit) {
        drafts[Int(slot)].stageVisits.append(visit)
    }

    /// The draft's current attempt ended at `time` without serving it, `lost` as `outcome`.
    mutating func lose(_ slot: UInt32, as outcome: RequestRecord.Outcome, at time: SimTime) {
        closeStep(slot, at: time)
        let last = drafts[Int(slot)].steps.count - 1
        if last >= 0 { drafts[Int(slot)].steps[last].lost = outcome }
    }

    /// The draft's request ended at `time` as `outcome`: its record moves to ``ended``.
    mutating func end(
        _ slot: UInt32,
        as outcome: RequestRecord.Outcome,
        servedBy: String,
        attempts: Int,
        responseBytes: Double,
        at time: SimTime
    ) {
        closeStep(slot, at: time)
        var record = drafts[Int(slot)]
        record.ended = time
        record.outcome = outcome
        record.servedBy = servedBy
        record.attempts = attempts
        record.responseBytes = responseBytes
        drafts[Int(slot)].steps = []
        drafts[Int(slot)].stageVisits = []
        ended.append(record)
        freeDrafts.append(slot)
    }

    /// Takes the records ended since the last call, in the order they ended.
    mutating func takeEnded() -> [RequestRecord] {
        defer { ended.removeAll(keepingCapacity: true) }
        return ended
    }

    private mutating func closeStep(_ slot: UInt32, at time: SimTime) {
        let last = drafts[Int(slot)].steps.count - 1
        if last >= 0 { drafts[Int(slot)].steps[last].end = time }
    }
}
