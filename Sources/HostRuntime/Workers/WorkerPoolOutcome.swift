/// What a ``WorkerPool`` run produced, every list in job order (the order of the jobs
/// given to ``WorkerPool/run(_:skipping:onEvent:)``), never completion order, so the
/// outcome is the same whatever the number of workers.
public struct WorkerPoolOutcome: Sendable, Equatable {
    /// The result of every job that has one, in job order: jobs run now and jobs whose
    /// stored result was reused.
    public var results: [WorkerResult]
    /// The jobs that failed for good, in job order.
    public var failures: [WorkerFailure]
    /// The ids of jobs neither finished nor failed because the run was interrupted, in job
    /// order.
    public var unfinishedJobIDs: [String]
    /// The ids of jobs not run because a stored result was given for them, in job order.
    public var resumedJobIDs: [String]
    /// The stop signal that ended the run early, if one did.
    public var interruption: ProcessSignal?

    /// An outcome with these parts.
    public init(
        results: [WorkerResult],
        failures: [WorkerFailure],
        unfinishedJobIDs: [String],
        resumedJobIDs: [String],
        interruption: ProcessSignal?
    ) {
        self.results = results
        self.failures = failures
        self.unfinishedJobIDs = unfinishedJobIDs
        self.resumedJobIDs = resumedJobIDs
        self.interruption = interruption
    }

    /// Whether a stop signal ended the run (the CLI then exits with status 130).
    public var interrupted: Bool { interruption != nil }

    /// Whether every job has a result.
    public var isComplete: Bool { failures.isEmpty && unfinishedJobIDs.isEmpty }
}
