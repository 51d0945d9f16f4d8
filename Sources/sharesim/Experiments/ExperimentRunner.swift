import Foundation
import HostRuntime
import ShareModel

/// Runs a list of simulation jobs, in worker processes or here, keeping a results file,
/// and returns their results in job order.
struct ExperimentRunner {
    let execution: ExecutionOptions
    /// The results file to use when `--results` is not given (next to `--output`).
    let defaultResultsPath: String?

    /// What a run produced: the results of the jobs that finished (in job order, nil where
    /// a job did not finish), and why the others did not.
    struct Outcome {
        var results: [JobResult?]
        var failures: [String]
        var interrupted: Bool
        var wallSeconds: Double

        var isComplete: Bool { failures.isEmpty && !interrupted && results.allSatisfy { $0 != nil } }
        /// Whether every job of this shard finished (all jobs when not sharded).
        var finishedCount: Int { results.count { $0 != nil } }
    }

    /// Runs `jobs` (this shard's share of them) and decodes their results.
    func run(_ jobs: [SimulationJob]) throws -> Outcome {
        let jobs = jobs.enumerated().map { position, job in
            var numbered = job
            numbered.order = position
            return numbered
        }
        let shard = try execution.shard.map { text throws in try ShardSpec(parsing: text) } ?? .all
        let selected = jobs.enumerated().filter { shard.contains(position: $0.offset) }
        let workerJobs = try selected.map { WorkerJob(id: $0.element.id, payload: try JobCoding.encode($0.element)) }
        let journalPath = execution.results ?? defaultResultsPath
        let journal = try journalPath.map { path throws in
            try ResultsJournal(path: path, mode: execution.resume ? .resume : .startFresh)
        }
        defer { journal?.close() }
        var options = WorkerPoolOptions(
            workerCount: min(execution.jobs ?? WorkerPoolOptions.defaultWorkerCount, max(1, workerJobs.count)),
            executable: Self.executablePath, arguments: ["worker"],
            timeLimit: execution.timeLimit.map { .milliseconds(Int64($0 * 1_000)) })
        if execution.jobs == 0 || workerJobs.count <= 1 { options.inProcess = true }
        let pool = WorkerPool(options: options, handler: Self.handle)
        var progress = ProgressLine(total: workerJobs.count)
        var journalError: String?
        let (outcome, seconds) = try ProcessClock.measure { () throws -> WorkerPoolOutcome in
            try pool.run(workerJobs, skipping: journal?.storedResults ?? [:]) { event in
                switch event {
                case .finished(let result):
                    do { try journal?.append(result) } catch { journalError = "\(error)" }
                    progress.finished()
                case .failed, .interrupted:
                    progress.finished()
                default:
                    break
                }
            }
        }
        progress.clear()
        if let journalError { throw CommandFailure.failed("cannot write the results file: \(journalError)") }
        var results = [JobResult?](repeating: nil, count: jobs.count)
        let byID = Dictionary(outcome.results.map { ($0.id, $0.payload) }, uniquingKeysWith: { first, _ in first })
        for (position, job) in selected {
            if let payload = byID[job.id] {
                results[position] = try JobCoding.decode(JobResult.self, from: payload)
            }
        }
        let failures = outcome.failures.map(\.description)
        return Outcome(results: results, failures: failures, interrupted: outcome.interrupted, wallSeconds: seconds)
    }

    /// Runs one job from its JSON payload: what workers and in-process runs both do.
    static func handle(_ job: WorkerJob) throws -> String {
        try JobCoding.decode(SimulationJob.self, from: job.payload).run()
    }

    /// The path of the running `sharesim`, for starting workers.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

/// The progress line on standard error: only when it is a terminal, never on standard output.
struct ProgressLine {
    let total: Int
    let isTerminal = isatty(STDERR_FILENO) == 1
    let start = ProcessClock.nanoseconds()
    var done = 0
    var shown = false

    init(total: Int) {
        self.total = total
    }

    mutating func finished() {
        done += 1
        guard isTerminal, total > 1 else { return }
        let elapsed = Double(ProcessClock.nanoseconds() - start) * 1e-9
        guard elapsed >= 1 || shown else { return }
        let left = done == 0 ? 0 : elapsed / Double(done) * Double(total - done)
        let line = "\r\u{1B}[Ksimulations \(done)/\(total) (\(done * 100 / max(total, 1))%), "
            + "\(HumanNumbers.fixed(elapsed, decimals: 1)) s elapsed, about \(HumanNumbers.fixed(left, decimals: 0)) s left"
        FileHandle.standardError.write(Data(line.utf8))
        shown = true
    }

    mutating func clear() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
