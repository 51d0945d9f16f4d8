/// How a ``WorkerPool`` runs its jobs.
///
/// ```swift
/// var options = WorkerPoolOptions(workerCount: jobs, executable: CommandLine.arguments[0])
/// options.timeLimit = .seconds(600)
/// ```
public struct WorkerPoolOptions: Sendable {
    /// How many worker processes run at once, at most; `0` runs every job in this process
    /// (as does ``inProcess``). The pool never starts more workers than it has jobs.
    public var workerCount: Int
    /// The worker executable: a path, or a name looked up in `PATH`; usually this program
    /// itself.
    public var executable: String
    /// The arguments after `argv[0]` that make the executable a worker, such as
    /// `["worker"]`.
    public var arguments: [String]
    /// The workers' whole environment, or `nil` to inherit this process's.
    public var environment: [String: String]?
    /// Where the workers' standard error goes (their diagnostics; never the protocol).
    public var standardError: ChildProcess.StandardErrorMode
    /// The longest a worker may spend on one job, counted from when the job is sent (the
    /// first job of a new worker includes its start-up); `nil` for no limit. A worker over
    /// the limit is killed with `SIGKILL`. Not enforced for jobs run in this process.
    public var timeLimit: Duration?
    /// How many times a job is tried again after its worker crashed, timed out or broke
    /// the protocol; 1 by default. A job whose handler threw is not retried: the
    /// simulation is deterministic and would throw again.
    public var retries: Int
    /// Runs every job in this process with the pool's handler, one after another, instead
    /// of starting workers; the results are the same.
    public var inProcess: Bool
    /// The signals that end a run early and cleanly: dispatching stops, the workers are
    /// killed, and finished results are kept. Ctrl-C (`SIGINT`), `SIGTERM` and `SIGHUP` (the
    /// terminal or the ssh session went away) by default; empty to leave signals alone.
    public var stopSignals: [ProcessSignal]
    /// The longest protocol line accepted from a worker, in bytes.
    public var maximumLineLength: Int

    /// Options for `workerCount` workers running `executable arguments...`, with no time
    /// limit and one retry.
    public init(
        workerCount: Int = WorkerPoolOptions.defaultWorkerCount,
        executable: String,
        arguments: [String] = ["worker"],
        timeLimit: Duration? = nil,
        retries: Int = 1
    ) {
        precondition(workerCount >= 0, "WorkerPoolOptions: negative worker count \(workerCount)")
        precondition(retries >= 0, "WorkerPoolOptions: negative retry count \(retries)")
        self.workerCount = workerCount
        self.executable = executable
        self.arguments = arguments
        self.environment = nil
        self.standardError = .inherit
        self.timeLimit = timeLimit
        self.retries = retries
        self.inProcess = false
        self.stopSignals = [.interrupt, .terminate, .hangup]
        self.maximumLineLength = 64 << 20
    }

    /// The default `--jobs`: the number of cores this process may use.
    public static var defaultWorkerCount: Int { max(1, HostInfo.availableParallelism) }

    /// Whether jobs run in this process: ``inProcess`` is set or ``workerCount`` is 0.
    public var runsInProcess: Bool { inProcess || workerCount == 0 }
}
