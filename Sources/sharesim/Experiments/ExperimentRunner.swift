import Foundation
import HostRuntime
import ShareModel
import SimCore

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
            executable: Self.executablePath,
            arguments: ["worker"],
            timeLimit: execution.timeLimit.map { .milliseconds(Int64($0 * 1_000)) }
        )
        if execution.jobs == 0 || workerJobs.count <= 1 { options.inProcess = true }
        var progress = ProgressLine(total: workerJobs.count)
        let single = SimulationProgress()
        let inProcessHandler: (WorkerJob) throws -> String = { job in
            let decoded = try JobCoding.decode(SimulationJob.self, from: job.payload)
            guard single.isTerminal else { return try decoded.run() }
            defer { single.clear() }
            return try decoded.run { simulated, end, events in
                single.update(simulated: simulated, end: end, events: events)
            }
        }
        let pool = WorkerPool(options: options, handler: options.inProcess ? inProcessHandler : Self.handle)
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
        let line =
            "\r\u{1B}[Ksimulations \(done)/\(total) (\(done * 100 / max(total, 1))%), "
            + "\(HumanNumbers.fixed(elapsed, decimals: 1)) s elapsed, about \(HumanNumbers.fixed(left, decimals: 0)) s left"
        FileHandle.standardError.write(Data(line.utf8))
        shown = true
    }

    mutating func clear() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}

/// The progress line of one simulation run in this process: simulated time reached, the
/// percentage, events per second and the time left, on standard error when it is a
/// terminal, from one second into the run, at most a few times a second.
final class SimulationProgress {
    let isTerminal = isatty(STDERR_FILENO) == 1
    private var start: UInt64 = 0
    private var lastShown: UInt64 = 0
    private var shown = false

    func update(simulated: SimTime, end: SimTime, events: UInt64) {
        let now = ProcessClock.nanoseconds()
        if start == 0 { start = now }
        let elapsed = Double(now - start) * 1e-9
        guard elapsed >= 1, now - lastShown >= 250_000_000 else { return }
        lastShown = now
        let fraction = end.nanoseconds == 0 ? 1 : Double(simulated.nanoseconds) / Double(end.nanoseconds)
        let left = fraction > 0 ? elapsed / fraction - elapsed : 0
        let line =
            "\r\u{1B}[K\(simulated) of \(end.sinceStart) simulated (\(Int(fraction * 100))%), "
            + "\(HumanNumbers.compact(Double(events) / elapsed)) events/s, about \(HumanNumbers.fixed(left, decimals: 0)) s left"
        FileHandle.standardError.write(Data(line.utf8))
        shown = true
    }

    func clear() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
        start = 0
    }
}
