/// One run of a ``WorkerPool`` over worker processes: the state machine driven by the
/// event loop's callbacks (worker output, worker exit, timers, stop signals).
///
/// Everything happens on the thread that calls ``run()``. Job indices are positions in
/// ``jobs``; results are stored by index so the outcome is in job order whatever order the
/// workers finish in.
final class WorkerPoolRun {
    /// How long to wait, once a worker has exited, for the rest of its output (or, once
    /// its output has ended mid-job, for its exit) before giving up on it. Output may still
    /// be open when a killed worker left a child process holding it.
    static let gracePeriod: Duration = .milliseconds(500)
    /// How long a worker told to exit (its input closed) may take before it is killed.
    static let retirementLimit: Duration = .seconds(10)

    private let jobs: [WorkerJob]
    private let options: WorkerPoolOptions
    private let onEvent: (WorkerPoolEvent) -> Void
    private let dispatchStop: DispatchStop?
    private let loop: EventLoop
    private let stopSignals = StopSignals()
    /// Checks every second that no worker with a job is stopped (``ProcessRunState``).
    private let watchdog: LoopTimer
    /// How long a worker may stay stopped with a job before it is killed and replaced.
    static let stoppedLimit: Duration = .seconds(5)
    private var state: RunState
    /// Job indices waiting for a worker, run first to last.
    private var queue: [Int]
    private var queueHead = 0
    /// Failed attempts waiting to be retried; they go before ``queue``.
    private var retryQueue: [Int] = []
    /// Attempts started, by job index.
    private var attempts: [Int]
    /// Workers started and not yet finished with, in start order.
    private var workers: [WorkerSlot] = []
    /// Why the last spawn failed, if it did.
    private var lastSpawnError: String?
    private var isStopping = false

    init(
        jobs: [WorkerJob],
        pending: [Int],
        options: WorkerPoolOptions,
        dispatchStop: DispatchStop?,
        onEvent: @escaping (WorkerPoolEvent) -> Void
    )
        throws(UVError)
    {
        self.jobs = jobs
        self.options = options
        self.dispatchStop = dispatchStop
        self.onEvent = onEvent
        loop = try EventLoop()
        watchdog = try LoopTimer(loop: loop)
        state = RunState(jobCount: jobs.count)
        queue = pending
        attempts = Array(repeating: 0, count: jobs.count)
    }

    /// Runs the loop until every pending job has finished or failed, or a stop signal has
    /// been handled and every worker is gone.
    func run() -> RunState {
        do {
            try stopSignals.start(options.stopSignals, on: loop) { [unowned self] signal in self.stop(signal) }
        } catch {
            // Without the watchers the run cannot be interrupted cleanly, but it can run.
            stopSignals.close()
        }
        // The watchdog never keeps the loop alive: the workers' handles do while they run.
        try? watchdog.start(after: .seconds(1), repeat: .seconds(1)) { [unowned self] _ in self.checkStopped() }
        watchdog.keepsLoopAlive = false
        pump()
        loop.run()
        watchdog.close()
        stopSignals.close()
        // Nothing is left running when the loop ends; this only guards against leaks.
        isStopping = true
        for slot in workers { finish(slot) }
        _ = try? loop.close()
        return state
    }

    // MARK: Dispatching

    /// Hands queued jobs to idle workers, starts workers up to the limit, and lets every
    /// worker go once nothing is left to do.
    private func pump() {
        guard !isStopping else { return }
        if dispatchStop?.isRequested == true {
            // Start nothing more; the workers finish their jobs and are then let go.
            queueHead = queue.count
            retryQueue.removeAll()
        }
        for slot in workers where slot.isIdle {
            guard let index = dequeue() else { break }
            assign(index, to: slot)
        }
        while hasQueuedJobs, workers.count(where: { !$0.isRetiring }) < max(1, options.workerCount) {
            guard let slot = spawnWorker() else { break }
            workers.append(slot)
            if let index = dequeue() { assign(index, to: slot) }
        }
        if hasQueuedJobs && workers.isEmpty {
            // Nothing is running and nothing can be started: the queued jobs cannot run.
            let reason = WorkerFailureReason.couldNotStart(lastSpawnError ?? "unknown error")
            while let index = dequeue() { recordFailure(index, reason) }
        }
        if !hasQueuedJobs && !workers.contains(where: { $0.job != nil }) {
            for slot in workers where !slot.isRetiring {
                // End of input tells the worker to exit with status 0.
                slot.isRetiring = true
                slot.process?.standardInput.shutdown(nil, orKill: slot)
                // A worker that ignores the end of its input must not keep the run alive.
                try? slot.timer.start(after: Self.retirementLimit) { [unowned self, unowned slot] _ in
                    self.kill(slot, because: .protocolViolation("did not exit at the end of its input"))
                }
            }
        }
    }

    private var hasQueuedJobs: Bool { !retryQueue.isEmpty || queueHead < queue.count }

    private func dequeue() -> Int? {
        if !retryQueue.isEmpty { return retryQueue.removeFirst() }
        guard queueHead < queue.count else { return nil }
        defer { queueHead += 1 }
        return queue[queueHead]
    }

    /// Sends job `index` to the idle worker `slot` and starts its time limit.
    private func assign(_ index: Int, to slot: WorkerSlot) {
        guard let process = slot.process else { return }
        slot.job = index
        attempts[index] += 1
        let job = jobs[index]
        onEvent(.started(jobID: job.id, attempt: attempts[index], processID: process.id))
        do {
            try process.standardInput.write(WorkerMessage.job(job).line + "\n") { error in
                // EPIPE and the like: the worker is gone or going; its exit reports it.
                if error != nil { try? process.kill(.kill) }
            }
        } catch {
            try? process.kill(.kill)
            return
        }
        if let limit = options.timeLimit {
            try? slot.timer.start(after: limit) { [unowned self, unowned slot] _ in
                guard slot.job == index else { return }
                self.kill(slot, because: .timedOut(limit))
            }
        }
    }

    // MARK: Workers

    /// Starts one worker, or records why it could not be started and returns `nil`.
    private func spawnWorker() -> WorkerSlot? {
        let slot: WorkerSlot
        do {
            slot = WorkerSlot(timer: try LoopTimer(loop: loop), maximumLineLength: options.maximumLineLength)
        } catch {
            lastSpawnError = error.description
            return nil
        }
        do {
            let process = try ChildProcess.spawn(
                on: loop,
                executable: options.executable,
                arguments: options.arguments,
                environment: options.environment,
                standardError: options.standardError
            ) { [unowned self, unowned slot] exit in
                self.workerExited(slot, exit)
            }
            slot.process = process
            try process.standardOutput.startReading { [unowned self, unowned slot] event in
                self.workerOutput(slot, event)
            }
        } catch {
            lastSpawnError = error.description
            try? slot.process?.kill(.kill)
            slot.process?.close()
            slot.timer.close()
            return nil
        }
        return slot
    }

    private func workerOutput(_ slot: WorkerSlot, _ event: StreamReadEvent) {
        switch event {
        case .data(let bytes):
            slot.reader.append(bytes)
            do {
                while slot.killReason == nil, !slot.isFinished, let line = try slot.reader.nextLine() {
                    handleLine(line, from: slot)
                }
            } catch {
                kill(slot, because: .protocolViolation(error.description))
            }
        case .endOfFile, .failure:
            slot.outputEnded = true
            if slot.exit != nil {
                finish(slot)
            } else if slot.job != nil && slot.killReason == nil {
                // A worker that closes its output mid-job is usually dying; give its exit
                // a moment to arrive, then kill it.
                try? slot.timer.start(after: Self.gracePeriod) { [unowned self, unowned slot] _ in
                    self.kill(slot, because: .protocolViolation("closed its standard output"))
                }
            } else if slot.job == nil && !slot.isRetiring {
                // An idle worker without output can never answer again.
                kill(slot, because: .protocolViolation("closed its standard output"))
            }
        }
    }

    private func handleLine(_ line: [UInt8], from slot: WorkerSlot) {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        guard let index = slot.job else {
            kill(slot, because: .protocolViolation("sent a message while idle"))
            return
        }
        let message: WorkerMessage
        do {
            message = try WorkerMessage(line: line)
        } catch {
            kill(slot, because: .protocolViolation(error.description))
            return
        }
        let job = jobs[index]
        switch message {
        case .result(let result) where result.id == job.id:
            slot.timer.stop()
            slot.job = nil
            state.results[index] = result.payload
            onEvent(.finished(result))
            pump()
        case .error(let id, let text) where id == job.id:
            slot.timer.stop()
            slot.job = nil
            recordFailure(index, .handlerError(text))
            pump()
        default:
            kill(slot, because: .protocolViolation("answered '\(message.jobID)' while running '\(job.id)'"))
        }
    }

    private func workerExited(_ slot: WorkerSlot, _ exit: ProcessExit) {
        slot.exit = exit
        if slot.outputEnded || slot.killReason != nil {
            finish(slot)
        } else {
            // Output written just before the exit may still be in the pipe.
            try? slot.timer.start(after: Self.gracePeriod) { [unowned self, unowned slot] _ in self.finish(slot) }
        }
    }

    /// Kills `slot`'s process for `reason`; the job it was running fails with that reason.
    private func kill(_ slot: WorkerSlot, because reason: WorkerFailureReason) {
        guard !slot.isFinished, slot.killReason == nil else { return }
        slot.killReason = reason
        slot.timer.stop()
        slot.process?.standardOutput.stopReading()
        try? slot.process?.kill(.kill)
        if slot.exit != nil { finish(slot) }
    }

    /// Forgets a worker that has exited (or must be abandoned): closes its handles, and
    /// retries or fails the job it was running.
    private func finish(_ slot: WorkerSlot) {
        guard !slot.isFinished else { return }
        slot.isFinished = true
        slot.timer.close()
        if let process = slot.process {
            if process.exit == nil { try? process.kill(.kill) }
            process.close()
        }
        workers.removeAll { $0 === slot }
        if let index = slot.job, !isStopping {
            slot.job = nil
            let exit = slot.exit ?? ProcessExit(status: -1, signal: nil)
            let reason = slot.killReason ?? .crashed(exit)
            if reason.isRetriable && state.reasons[index].count < options.retries {
                state.reasons[index].append(reason)
                retryQueue.append(index)
                onEvent(.retrying(jobID: jobs[index].id, reason: reason))
            } else {
                recordFailure(index, reason)
            }
        }
        pump()
    }

    private func recordFailure(_ index: Int, _ reason: WorkerFailureReason) {
        state.reasons[index].append(reason)
        state.failed[index] = true
        onEvent(.failed(WorkerFailure(id: jobs[index].id, attempts: state.reasons[index])))
    }

    /// Kills each worker that has stayed stopped with a job for ``stoppedLimit``, so that its
    /// job is retried on a new worker instead of the run waiting for ever.
    private func checkStopped() {
        for slot in workers where slot.job != nil && slot.killReason == nil {
            guard let process = slot.process, ProcessRunState.isStopped(process.id) else {
                slot.stoppedSeconds = 0
                continue
            }
            slot.stoppedSeconds += 1
            if slot.stoppedSeconds >= Int(Self.stoppedLimit.components.seconds) {
                kill(slot, because: .stopped(Self.stoppedLimit))
            }
        }
    }

    /// A stop signal: start nothing more, kill every worker, keep what finished.
    private func stop(_ signal: ProcessSignal) {
        guard !isStopping else { return }
        isStopping = true
        state.interruption = signal
        onEvent(.interrupted(signal))
        for slot in workers {
            slot.timer.stop()
            slot.process?.standardOutput.stopReading()
            slot.outputEnded = true
            try? slot.process?.kill(.kill)
            if slot.exit != nil { finish(slot) }
        }
    }
}

/// One worker process and what the pool knows about it.
final class WorkerSlot {
    /// The process; `nil` only while it is being spawned.
    var process: ChildProcess?
    /// The job's time limit, or the grace period after exit or end of output.
    let timer: LoopTimer
    /// Splits the worker's output into protocol lines.
    var reader: LineReader
    /// The index of the job the worker is running.
    var job: Int?
    /// Why the pool killed the worker, if it did.
    var killReason: WorkerFailureReason?
    /// How the process ended, once it has.
    var exit: ProcessExit?
    /// Whether the worker's output has ended.
    var outputEnded = false
    /// Whether the worker was told to exit (its input was closed).
    var isRetiring = false
    /// For how many watchdog checks in a row the worker was seen stopped.
    var stoppedSeconds = 0
    /// Whether ``WorkerPoolRun`` is done with it and its handles are closed.
    var isFinished = false

    init(timer: LoopTimer, maximumLineLength: Int) {
        self.timer = timer
        reader = LineReader(maximumLineLength: maximumLineLength)
    }

    /// Whether the worker can take a job now.
    var isIdle: Bool {
        process != nil && job == nil && !isRetiring && !isFinished && killReason == nil && exit == nil
            && !outputEnded
    }
}

extension PipeStream {
    /// Half-closes the pipe; if even that fails, kills the worker behind it.
    fileprivate func shutdown(_ completion: ((UVError?) -> Void)?, orKill slot: WorkerSlot) {
        do {
            try shutdown(completion)
        } catch {
            try? slot.process?.kill(.kill)
        }
    }
}
