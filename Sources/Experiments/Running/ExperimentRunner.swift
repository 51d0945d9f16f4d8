import Foundation
public import HostRuntime
public import ShareModel
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
        /// Where the sampled requests' records go (`--trace-requests`), if anywhere.
        public var requestTrace: RequestTrace?

        /// Refuses `resume` and a shard without a results file: a shard keeps its results only
        /// there.
        ///
        /// - Throws: ``ExperimentError/usage(_:)`` naming the flags.
        public func requireResultsFile() throws {
            guard resultsPath == nil else { return }
            if resume {
                throw ExperimentError.usage("--resume needs --results PATH (or --output, next to which it lives)")
            }
            if shard != .all {
                throw ExperimentError.usage("--shard needs --results PATH (or --output): its results go there")
            }
        }

        /// Options from their parts.
        public init(
            workers: Int? = nil,
            resultsPath: String? = nil,
            resume: Bool = false,
            shard: ShardSpec = .all,
            timeLimitSeconds: Double? = nil,
            requestTrace: RequestTrace? = nil
        ) {
            self.workers = workers
            self.resultsPath = resultsPath
            self.resume = resume
            self.shard = shard
            self.timeLimitSeconds = timeLimitSeconds
            self.requestTrace = requestTrace
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
        /// What joining the request records gave, when the command records them.
        public var requestRecords: RequestTrace.Joined? = nil

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
    /// A results file that cannot be written is a failure of the outcome: nothing more is
    /// started, and what finished is still returned for the report.
    ///
    /// - Throws: errors opening the results file, starting the worker pool, or reading back a
    ///   stored result (named by file and line).
    public func run(_ plan: ExperimentPlan, progress: Progress? = nil) throws -> Outcome {
        let jobs = plan.jobs.enumerated().map { position, job in
            var numbered = job
            numbered.order = position
            numbered.planSize = plan.jobs.count
            numbered.shardCount = options.shard.count
            numbered.requestTrace = options.requestTrace?.part(forJob: position)
            return numbered
        }
        try options.requestTrace?.prepare(resuming: options.resume)
        let selected = jobs.enumerated().filter { options.shard.contains(position: $0.offset) }
        let workerJobs = try selected.map { WorkerJob(id: $0.element.id, payload: try JobCoding.encode($0.element)) }
        let journal = try options.resultsPath.map { path throws in
            try ResultsJournal(path: path, mode: options.resume ? .resume : .startFresh)
        }
        defer { journal?.close() }
        let workerCount = min(options.workers ?? WorkerPoolOptions.defaultWorkerCount, max(1, workerJobs.count))
        let inProcess = options.workers == 0 || workerJobs.count <= 1
        let limits = Self.limits(simultaneous: simultaneous(plan))
        var poolOptions = WorkerPoolOptions(
            workerCount: workerCount,
            executable: Self.executablePath,
            arguments: ["worker", "--max-requests-in-flight", "\(limits.maxRequestsInFlight)"],
            timeLimit: options.timeLimitSeconds.map { .milliseconds(Int64($0 * 1_000)) }
        )
        poolOptions.inProcess = inProcess
        let advanced = progress?.simulationAdvanced
        let pool = WorkerPool(options: poolOptions) { job, isStopRequested in
            let decoded = try JobCoding.decode(SimulationJob.self, from: job.payload)
            let result = try decoded.run(limits: limits, isStopRequested: isStopRequested, progress: advanced)
            return try JobCoding.encode(result)
        }
        var journalError: String?
        let dispatchStop = DispatchStop()
        var done = 0
        let stored = journal?.storedResults ?? [:]
        let (outcome, seconds) = try ProcessClock.measure { () throws -> WorkerPoolOutcome in
            try pool.run(workerJobs, skipping: stored, dispatchStop: dispatchStop) { event in
                switch event {
                case .finished(let result):
                    if journalError == nil {
                        do { try journal?.append(result) } catch {
                            // Nothing more can be kept: start nothing more, report what finished.
                            journalError = "\(error)"
                            dispatchStop.request()
                        }
                    }
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
        var failures = outcome.failures.map(\.description)
        if let journalError {
            failures.append(
                "cannot write the results file: \(journalError); "
                    + "\(outcome.unfinishedJobIDs.count) simulation(s) were not run"
            )
        }
        var results = [JobResult?](repeating: nil, count: jobs.count)
        let byID = Dictionary(outcome.results.map { ($0.id, $0.payload) }, uniquingKeysWith: { first, _ in first })
        for (position, job) in selected {
            guard let payload = byID[job.id] else { continue }
            do {
                results[position] = try JobCoding.decode(JobResult.self, from: payload)
            } catch {
                let source = journal?.storedLines[job.id].map { "\(options.resultsPath ?? ""):\($0): " } ?? ""
                throw ExperimentError.failed(
                    "\(source)the result of '\(job.id)' cannot be read (\(Self.summary(of: error))); "
                        + "delete that line, or run without --resume"
                )
            }
        }
        var made = Outcome(results: results, failures: failures, interrupted: outcome.interrupted, wallSeconds: seconds)
        if let trace = options.requestTrace {
            let finished = selected.map(\.offset).filter { results[$0] != nil }
            made.requestRecords = try trace.join(finished: finished, complete: made.isComplete)
        }
        return made
    }

    /// Runs one job from its JSON payload within `limits` and returns its result as JSON:
    /// what a worker process does with each message.
    public static func handle(_ job: WorkerJob, limits: RunLimits) throws -> String {
        try JobCoding.encode(try JobCoding.decode(SimulationJob.self, from: job.payload).run(limits: limits))
    }

    /// What each of `simultaneous` simulations may hold: requests in flight within its
    /// share of this machine's memory (``ResourceCheck/shareBytes``).
    public static func limits(simultaneous: Int) -> RunLimits {
        RunLimits(memoryBytes: ResourceCheck(simultaneous: simultaneous, force: false).shareBytes)
    }

    /// How many simulations of `plan` this runner runs at once.
    public func simultaneous(_ plan: ExperimentPlan) -> Int {
        let selected = plan.jobs.indices.filter { options.shard.contains(position: $0) }.count
        if options.workers == 0 || selected <= 1 { return 1 }
        return min(options.workers ?? WorkerPoolOptions.defaultWorkerCount, max(1, selected))
    }

    /// A decoding error in one line: what was wrong and where in the JSON.
    static func summary(of error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "missing '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "\(decoding)"
        }
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
