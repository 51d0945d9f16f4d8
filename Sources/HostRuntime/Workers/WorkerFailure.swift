/// Why one attempt at a job failed.
public enum WorkerFailureReason: Sendable, Equatable, CustomStringConvertible {
    /// The worker process ended while running the job (a crash, `exit`, or a signal from
    /// outside).
    case crashed(ProcessExit)
    /// The job ran longer than the time limit and its worker was killed.
    case timedOut(Duration)
    /// The worker stayed stopped (`SIGSTOP`, a debugger) for this long while it had a job;
    /// it was killed and replaced.
    case stopped(Duration)
    /// The job's handler threw; the message is the error's description.
    case handlerError(String)
    /// The worker sent something that is not a valid answer (see ``WorkerMessage``) and was
    /// killed.
    case protocolViolation(String)
    /// No worker process could be started (for example the executable is missing).
    case couldNotStart(String)

    /// Whether another attempt might succeed: true for crashes, time-outs and protocol
    /// violations, false for handler errors (deterministic) and start failures.
    public var isRetriable: Bool {
        switch self {
        case .crashed, .timedOut, .stopped, .protocolViolation: true
        case .handlerError, .couldNotStart: false
        }
    }

    /// A short sentence, such as `worker crashed (terminated by SIGKILL)`.
    public var description: String {
        switch self {
        case .crashed(let exit): "worker crashed (\(exit))"
        case .timedOut(let limit): "timed out after \(limit)"
        case .stopped(let time): "worker was stopped (SIGSTOP or a debugger) for \(time); replaced"
        case .handlerError(let message): "failed: \(message)"
        case .protocolViolation(let message): "worker broke the protocol: \(message)"
        case .couldNotStart(let message): "no worker could be started: \(message)"
        }
    }
}

/// A job that did not produce a result, with the reason for each attempt.
public struct WorkerFailure: Sendable, Equatable, CustomStringConvertible {
    /// The job's id.
    public let id: String
    /// Why each attempt failed, in order; never empty.
    public let attempts: [WorkerFailureReason]

    /// The failure of job `id`, whose attempts failed for `attempts`.
    public init(id: String, attempts: [WorkerFailureReason]) {
        precondition(!attempts.isEmpty, "WorkerFailure: a failure needs at least one attempt")
        self.id = id
        self.attempts = attempts
    }

    /// Why the last attempt failed.
    public var reason: WorkerFailureReason { attempts[attempts.count - 1] }

    /// `job ID: REASON (after N attempts)`.
    public var description: String {
        attempts.count == 1 ? "job \(id): \(reason)" : "job \(id): \(reason) (after \(attempts.count) attempts)"
    }
}
