import ArgumentParser
import Experiments
import HostRuntime

/// How the simulations of a `run`, `compare` or `sweep` are executed.
struct ExecutionOptions: ParsableArguments {
    @Option(help: "Worker processes (0 runs everything in this process; default: the number of cores).")
    var jobs: Int?

    @Option(help: "Results file: each finished simulation is appended at once (default: next to --output, or none).")
    var results: String?

    @Flag(help: "Skip the simulations already in the results file.")
    var resume = false

    @Option(
        help: "Run only share K of N of the simulations (K/N, 1-based), for a cluster; combine with `sharesim merge`."
    )
    var shard: String?

    @Option(help: "Longest wall time of one simulation in a worker, in seconds, before it is killed and retried.")
    var timeLimit: Double?

    @Flag(help: "No progress lines on standard error (by default: redrawn on a terminal, every 5 s elsewhere).")
    var quiet = false

    @Flag(help: "Run even when a simulation's memory estimate exceeds its share of this machine.")
    var force = false

    @Option(help: "Write each sampled request's record (path, step times, outcome) to this .csv or .jsonl file.")
    var traceRequests: String?

    @Option(help: "The share of requests --trace-requests records, in (0, 1] (default 0.01).")
    var traceSample: Double?

    func validate() throws {
        if let jobs, !(0...256).contains(jobs) { throw ValidationError("--jobs must be 0...256, got \(jobs)") }
        if let shard {
            do { _ = try ShardSpec(parsing: shard) } catch { throw ValidationError("--shard: \(error.description)") }
        }
        if let timeLimit, !(timeLimit > 0 && timeLimit <= 86_400 * 7) {
            throw ValidationError("--time-limit must be 0...604800 seconds, got \(timeLimit)")
        }
        if traceSample != nil, traceRequests == nil { throw ValidationError("--trace-sample needs --trace-requests") }
    }

    /// The runner's options; the results file defaults to `defaultResultsPath` (next to `--output`).
    func runnerOptions(defaultResultsPath: String?) throws -> ExperimentRunner.Options {
        ExperimentRunner.Options(
            workers: jobs,
            resultsPath: results ?? defaultResultsPath,
            resume: resume,
            shard: try shard.map { try ShardSpec(parsing: $0) } ?? .all,
            timeLimitSeconds: timeLimit,
            requestTrace: try traceRequests.map { try RequestTrace(path: $0, rate: traceSample ?? 0.01) }
        )
    }
}
