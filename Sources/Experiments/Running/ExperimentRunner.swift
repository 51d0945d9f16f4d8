import Foundation
public import HostRuntime
public import SimCore

/// Runs a plan's jobs, in worker processes or in this process, keeping a results file, and
/// returns their results in job order.
public struct ExperimentRunner: Sendable {
    /// How the jobs are executed.
    public struct Options: Hashable, Sendable {
        /// Worker processes; 0 runs everything in this process; nil: one per core.
        public var workers: Int?
        /// The results file each finished job is appended to at once; nil keeps none.
        public var resultsPath: String?
        /// Whether to skip the jobs already in the results file.
        public var resume: Bool
        /// This process's share of the jobs.
        public var shard: ShardSpec
        /// The longest wall time of one job in a worker, in seconds, before it is killed and retried.
        public var timeLimitSeconds: Double?

        /// Options from their parts.
        public init(
            workers: Int? = nil,
            resultsPath: String? = nil,
            resume: Bool = false,
            shard: ShardSpec = .all,
            timeLimitSeconds: Double? = nil
        ) {
            self.workers = workers
            self.resultsPath = resultsPath
            self.resume = resume
            self.shard = shard
            self.timeLimitSeconds = timeLimitSeconds
        }
    }

    /// What a run produced: the results of the jobs that finished (in job order, nil where
    /// a job did not finish), and why the others did not.
    public struct Outcome: Sendable {
        /// Per job of the plan, its result, or nil when it did not run here or did not finish.
        public var results: [JobResult?]
        /// One line per failed job.
        public var failures: [String]
        /// Whether a signal stopped the run.
        public var interrupted: Bool
        /// Wall-clock seconds the run took.
        public var wallSeconds: Double

        /// Whether every job finished.
        public var isComplete: Bool { failures.isEmpty && !interrupted && results.allSatisfy { $0 != nil } }
    }

    /// Hooks for showing progress; each is called on the thread that runs the pool.
    public struct Progress {
        /// A job finished or failed: (jobs done, jobs in all).
        public var jobEnded: (_ done: Int, _ total: Int) -> Void
        /// A single in-process job advanced: (simulated time, run end, events); nil turns the
        /// per-simulation progress off.
        public var simulationAdvanced: ((_ simulated: SimTime, _ end: SimTime, _ events: UInt64) -> Void)?
        /// The run is over: clear whatever was shown.
        public var finished: () -> Void

        /// Hooks from their parts.
        public init(
            jobEnded: @escaping (_ done: Int, _ total: Int) -> Void,
            simulationAdvanced: ((_ simulated: SimTime, _ end: SimTime, _ events: UInt64) -> Void)?,
            finished: @escaping () -> Void
        ) {
            self.jobEnded = jobEnded
            self.simulationAdvanced = simulationAdvanced
            self.finished = finished
        }
    }

    /// The options.
    public let options: Options

    /// A runner with `options`.
    public init(options: Options) {
        self.options = options
    }

    /// Runs this shard's share of `plan`'s jobs and decodes their results.
    ///
    /// - Throws: ``ExperimentError/failed(_:)`` when the results file cannot be written;
    ///   errors of the results file or the worker pool.
    public func run(_ plan: ExperimentPlan, progress: Progress? = nil) throws -> Outcome {
        let jobs = plan.jobs.enumerated().map { position, job in
            var numbered = job
            numbered.order = position
            numbered.planSize = plan.jobs.count
            numbered.shardCount = options.shard.count
            return numbered
        }
        let selected = jobs.enumerated().filter { options.shard.contains(position: $0.offset) }
        let workerJobs = try selected.map { WorkerJob(id: $0.element.id, payload: try JobCoding.encode($0.element)) }
        let journal = try options.resultsPath.map { path throws in
            try ResultsJournal(path: path, mode: options.resume ? .resume : .startFresh)
        }
        defer { journal?.close() }
        var poolOptions = WorkerPoolOptions(
            workerCount: min(options.workers ?? WorkerPoolOptions.defaultWorkerCount, max(1, workerJobs.count)),
            executable: Self.executablePath,
            arguments: ["worker"],
            timeLimit: options.timeLimitSeconds.map { .milliseconds(Int64($0 * 1_000)) }
        )
        if options.workers == 0 || workerJobs.count <= 1 { poolOptions.inProcess = true }
        let advanced = progress?.simulationAdvanced
        let inProcessHandler: (WorkerJob) throws -> String = { job in
            let decoded = try JobCoding.decode(SimulationJob.self, from: job.payload)
            return try JobCoding.encode(try decoded.run(progress: advanced))
        }
        let pool = WorkerPool(options: poolOptions, handler: poolOptions.inProcess ? inProcessHandler : Self.handle)
        var journalError: String?
        var done = 0
        let (outcome, seconds) = try ProcessClock.measure { () throws -> WorkerPoolOutcome in
            try pool.run(workerJobs, skipping: journal?.storedResults ?? [:]) { event in
                switch event {
                case .finished(let result):
                    do { try journal?.append(result) } catch { journalError = "\(error)" }
                    done += 1
                    progress?.jobEnded(done, workerJobs.count)
                case .failed, .interrupted:
                    done += 1
                    progress?.jobEnded(done, workerJobs.count)
                default:
                    break
                }
            }
        }
        progress?.finished()
        if let journalError { throw ExperimentError.failed("cannot write the results file: \(journalError)") }
        var results = [JobResult?](repeating: nil, count: jobs.count)
        let byID = Dictionary(outcome.results.map { ($0.id, $0.payload) }, uniquingKeysWith: { first, _ in first })
        for (position, job) in selected {
            if let payload = byID[job.id] {
                results[position] = try JobCoding.decode(JobResult.self, from: payload)
            }
        }
        return Outcome(
            results: results,
            failures: outcome.failures.map(\.description),
            interrupted: outcome.interrupted,
            wallSeconds: seconds
        )
    }

    /// Runs one job from its JSON payload and returns its result as JSON: what a worker
    /// process does with each message.
    public static func handle(_ job: WorkerJob) throws -> String {
        try JobCoding.encode(try JobCoding.decode(SimulationJob.self, from: job.payload).run())
    }

    /// The path of the running executable, for starting workers.
    static var executablePath: String {
        do {
            return try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        } catch {
            return CommandLine.arguments[0]
        }
    }
}
