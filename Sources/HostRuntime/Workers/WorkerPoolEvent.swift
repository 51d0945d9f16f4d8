/// Progress of a ``WorkerPool`` run, reported as it happens on the thread that called
/// ``WorkerPool/run(_:skipping:onEvent:)``.
public enum WorkerPoolEvent: Sendable, Equatable {
    /// A job was sent to a worker (`processID`), or started in this process (`nil`);
    /// `attempt` counts from 1.
    case started(jobID: String, attempt: Int, processID: Int32?)
    /// A job finished: append the result to the results file now.
    case finished(WorkerResult)
    /// An attempt failed and the job will be tried again on a fresh worker.
    case retrying(jobID: String, reason: WorkerFailureReason)
    /// A job failed for good; the run goes on with the other jobs.
    case failed(WorkerFailure)
    /// A stop signal arrived: nothing more is started and running jobs are abandoned.
    case interrupted(ProcessSignal)
}
