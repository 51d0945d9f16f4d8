/// Runs independent jobs in worker processes (or in this process) and gathers their
/// results in job order.
///
/// Each worker is `executable arguments...` (such as `sharesim worker`), started with
/// `uv_spawn` and spoken to over its standard input and output (see ``WorkerMessage``):
/// one job per message, one answer per job. Up to ``WorkerPoolOptions/workerCount``
/// workers run at once on one libuv loop; each idle worker gets the next job.
///
/// - A worker that dies, exceeds the time limit (it is killed with `SIGKILL`), or breaks
///   the protocol is replaced by a new one, and its job is retried once (by default) on
///   the new worker. A job that fails again is reported in
///   ``WorkerPoolOutcome/failures`` and the run goes on.
/// - A handler error is reported at once, not retried.
/// - A stop signal (`SIGINT`, `SIGTERM`, `SIGHUP`) stops dispatching, kills the workers and returns
///   with ``WorkerPoolOutcome/interruption`` set; finished results are kept.
/// - Results come back in job order, so the outcome is identical for any number of
///   workers, including none (``WorkerPoolOptions/runsInProcess``: the jobs then run here,
///   through the same handler the workers use).
///
/// ```swift
/// let journal = try ResultsJournal(path: resultsPath, mode: resume ? .resume : .startFresh)
/// let pool = WorkerPool(
///     options: WorkerPoolOptions(workerCount: jobs, executable: executablePath), handler: runJob)
/// let outcome = try pool.run(allJobs.shard(shard), skipping: journal.storedResults) { event in
///     if case .finished(let result) = event { try? journal.append(result) }
/// }
/// ```
///
/// `run` blocks the calling thread until the jobs are done; the pool is not `Sendable`.
/// While it runs, `SIGPIPE` is ignored process-wide (a write to a dead worker must fail
/// with `EPIPE`, not kill the program); it stays ignored afterwards.
public struct WorkerPool {
    /// How jobs are run.
    public let options: WorkerPoolOptions
    /// Runs one job in this process; required when ``WorkerPoolOptions/runsInProcess``. Its
    /// second argument tells a long job whether a stop signal has arrived.
    private let handler: ((WorkerJob, _ isStopRequested: () -> Bool) throws -> String)?

    /// A pool with `options`; `handler` runs jobs in this process (the same function the
    /// worker command passes to ``WorkerServer/serve(handler:)``), and is needed only when
    /// the options say to run in process.
    public init(options: WorkerPoolOptions, handler: ((WorkerJob) throws -> String)? = nil) {
        self.options = options
        self.handler = handler.map { run in { job, _ in try run(job) } }
    }

    /// A pool with `options` whose in-process `handler` may end a long job early: it calls
    /// its second argument now and then (it polls for stop signals, cheaply) and, when that
    /// returns true, throws. The run then ends as interrupted, without a result for that job.
    public init(
        options: WorkerPoolOptions,
        interruptibleHandler handler: @escaping (WorkerJob, _ isStopRequested: () -> Bool) throws -> String
    ) {
        self.options = options
        self.handler = handler
    }

    /// Runs `jobs`, except those with a result in `stored`, and returns every result in
    /// job order.
    ///
    /// - Parameters:
    ///   - jobs: the jobs; ids must be unique.
    ///   - stored: results from an earlier run by job id (``ResultsJournal/storedResults``
    ///     for `--resume`); those jobs are not run and their stored payloads appear in the
    ///     outcome as if they had just been computed. Ids not among `jobs` are ignored.
    ///   - dispatchStop: lets `onEvent` stop dispatching (jobs not started have no result).
    ///   - onEvent: progress, on the calling thread; ``WorkerPoolEvent/finished(_:)`` is the
    ///     moment to append a result to the results file.
    /// - Throws: ``UVError`` if the event loop or a signal watcher cannot be set up.
    ///   Worker failures are never thrown; they are in the outcome.
    public func run(
        _ jobs: [WorkerJob],
        skipping stored: [String: String] = [:],
        dispatchStop: DispatchStop? = nil,
        onEvent: (WorkerPoolEvent) -> Void = { _ in }
    ) throws(UVError) -> WorkerPoolOutcome {
        precondition(Set(jobs.map(\.id)).count == jobs.count, "WorkerPool: job ids must be unique")
        let pending = jobs.indices.filter { stored[jobs[$0].id] == nil }
        var state = RunState(jobCount: jobs.count)
        if !pending.isEmpty {
            if options.runsInProcess {
                guard let handler else { preconditionFailure("WorkerPool: running in process needs a handler") }
                try runInProcess(
                    jobs,
                    pending: pending,
                    handler: handler,
                    state: &state,
                    dispatchStop: dispatchStop,
                    onEvent: onEvent
                )
            } else {
                ProcessStart.ignoreBrokenPipes()
                try withoutActuallyEscaping(
                    onEvent,
                    do: { onEvent throws(UVError) in
                        let run = try WorkerPoolRun(
                            jobs: jobs,
                            pending: pending,
                            options: options,
                            dispatchStop: dispatchStop,
                            onEvent: onEvent
                        )
                        state = run.run()
                    }
                )
            }
        }
        return state.outcome(jobs: jobs, stored: stored)
    }

    /// Runs the pending jobs one after another on this thread, checking for stop signals
    /// between jobs and, through the handler's second argument, during them.
    private func runInProcess(
        _ jobs: [WorkerJob],
        pending: [Int],
        handler: (WorkerJob, _ isStopRequested: () -> Bool) throws -> String,
        state: inout RunState,
        dispatchStop: DispatchStop?,
        onEvent: (WorkerPoolEvent) -> Void
    ) throws(UVError) {
        let loop = try EventLoop()
        let stop = StopSignals()
        defer {
            stop.close()
            _ = try? loop.close()
        }
        // Referenced watchers: `runNoWait` polls nothing on a loop with no referenced
        // handle, and this loop is never run until empty, so they cannot keep it running.
        try stop.start(options.stopSignals, on: loop, keepLoopAlive: true) { signal in
            if stop.received == nil { stop.received = signal }
        }
        for index in pending {
            loop.runNoWait()
            if stop.received != nil || dispatchStop?.isRequested == true { break }
            let job = jobs[index]
            onEvent(.started(jobID: job.id, attempt: 1, processID: nil))
            let isStopRequested = {
                loop.runNoWait()
                return stop.received != nil
            }
            do {
                let payload = try handler(job, isStopRequested)
                state.results[index] = payload
                onEvent(.finished(WorkerResult(id: job.id, payload: payload)))
            } catch {
                if stop.received != nil { break }  // Ended early by the signal: not a failure.
                let reason = WorkerFailureReason.handlerError(String(describing: error))
                state.reasons[index].append(reason)
                state.failed[index] = true
                onEvent(.failed(WorkerFailure(id: job.id, attempts: [reason])))
            }
        }
        loop.runNoWait()
        if let signal = stop.received {
            state.interruption = signal
            onEvent(.interrupted(signal))
        }
    }
}

/// What is known about each job while a run goes on.
struct RunState {
    /// The result payload of each job that finished, by job index.
    var results: [String?]
    /// Why each failed attempt of each job failed, by job index.
    var reasons: [[WorkerFailureReason]]
    /// Whether each job failed for good, by job index.
    var failed: [Bool]
    /// The stop signal that ended the run, if any.
    var interruption: ProcessSignal?

    init(jobCount: Int) {
        results = Array(repeating: nil, count: jobCount)
        reasons = Array(repeating: [], count: jobCount)
        failed = Array(repeating: false, count: jobCount)
    }

    /// The outcome, in job order.
    func outcome(jobs: [WorkerJob], stored: [String: String]) -> WorkerPoolOutcome {
        var outcome = WorkerPoolOutcome(
            results: [],
            failures: [],
            unfinishedJobIDs: [],
            resumedJobIDs: [],
            interruption: interruption
        )
        for (index, job) in jobs.enumerated() {
            if let payload = stored[job.id] {
                outcome.results.append(WorkerResult(id: job.id, payload: payload))
                outcome.resumedJobIDs.append(job.id)
            } else if let payload = results[index] {
                outcome.results.append(WorkerResult(id: job.id, payload: payload))
            } else if failed[index] {
                outcome.failures.append(WorkerFailure(id: job.id, attempts: reasons[index]))
            } else {
                outcome.unfinishedJobIDs.append(job.id)
            }
        }
        return outcome
    }
}

/// The signal watchers that end a run, and the first signal they saw.
final class StopSignals {
    private var watchers: [SignalWatcher] = []
    /// The first stop signal received.
    var received: ProcessSignal?

    /// Watches each of `signals` on `loop`; the watchers keep the loop alive only if
    /// `keepLoopAlive`.
    func start(
        _ signals: [ProcessSignal],
        on loop: EventLoop,
        keepLoopAlive: Bool = false,
        _ onSignal: @escaping (ProcessSignal) -> Void
    ) throws(UVError) {
        for signal in signals {
            let watcher = try SignalWatcher(loop: loop)
            watchers.append(watcher)
            try watcher.start(signal, onSignal)
            watcher.keepsLoopAlive = keepLoopAlive
        }
    }

    /// Closes the watchers; the signals' default actions apply again.
    func close() {
        for watcher in watchers { watcher.close() }
        watchers = []
    }
}
