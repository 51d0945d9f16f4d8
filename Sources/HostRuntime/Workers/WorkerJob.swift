/// One independent unit of work for a ``WorkerPool``: a stable id and an opaque payload.
///
/// The pool never looks inside the payload; the program that builds the jobs encodes
/// whatever the worker needs (a scenario, a variant, a seed) as one line of JSON, and the
/// worker's handler decodes it. The id names the job in results files, failure reports and
/// shards, so it must be unique within a run and the same from run to run (for example
/// `variant=base/rep=3`), never a counter that depends on scheduling.
public struct WorkerJob: Sendable, Hashable {
    /// The job's stable, unique name, such as `variant=base/rep=3`.
    public var id: String
    /// What the worker needs to run the job, usually one line of JSON; opaque to the pool.
    public var payload: String

    /// A job named `id` carrying `payload`.
    public init(id: String, payload: String) {
        self.id = id
        self.payload = payload
    }
}

/// What a worker returned for one ``WorkerJob``: the job's id and an opaque payload.
public struct WorkerResult: Sendable, Hashable {
    /// The id of the job this is the result of.
    public var id: String
    /// The worker's answer, usually one line of JSON; opaque to the pool.
    public var payload: String

    /// The result `payload` of the job named `id`.
    public init(id: String, payload: String) {
        self.id = id
        self.payload = payload
    }
}
