import HostRuntime
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// End-to-end runs of the pool against `/bin/sh` fake workers. Serialized: the
/// interruption tests send a signal to this whole process.
@Suite("worker pool", .serialized, .timeLimit(.minutes(1)))
struct WorkerPoolTests {
    /// The outcome every clean run of `sampleJobs(count)` must produce.
    static func expectedOutcome(_ count: Int) -> WorkerPoolOutcome {
        WorkerPoolOutcome(
            results: sampleJobs(count).map { WorkerResult(id: $0.id, payload: FakeWorker.transform($0)) },
            failures: [],
            unfinishedJobIDs: [],
            resumedJobIDs: [],
            interruption: nil
        )
    }

    @Test("one worker, two workers and in-process runs give identical results in job order")
    func identicalForAnyWorkerCount() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let jobs = sampleJobs(9)
        var outcomes: [WorkerPoolOutcome] = []
        for workers in [1, 2, 4] {
            let options = try fakeWorkerOptions(FakeWorker.echo, in: scratch, workers: workers, log: "log-\(workers)")
            var finishedOrder: [String] = []
            let outcome = try WorkerPool(options: options).run(jobs) { event in
                if case .finished(let result) = event { finishedOrder.append(result.id) }
            }
            #expect(Set(finishedOrder) == Set(jobs.map(\.id)))
            #expect(scratch.lines(scratch.file("log-\(workers)")).sorted() == jobs.map(\.id).sorted())
            outcomes.append(outcome)
        }
        var inProcess = try fakeWorkerOptions(FakeWorker.echo, in: scratch, workers: 0)
        inProcess.inProcess = true
        outcomes.append(try WorkerPool(options: inProcess, handler: FakeWorker.transform).run(jobs))
        for outcome in outcomes { #expect(outcome == Self.expectedOutcome(9)) }
        #expect(outcomes[0].results.first?.payload == #"done({"seed":1,"name":"a b"})"#)
    }

    @Test("a worker killed mid-job is replaced and the job retried, with the same results")
    func crashedWorkerIsRetried() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let jobs = sampleJobs(6)
        let options = try fakeWorkerOptions(FakeWorker.crashOnce(jobs[2].id), in: scratch, workers: 2)
        var events: [WorkerPoolEvent] = []
        let outcome = try WorkerPool(options: options).run(jobs) { events.append($0) }
        #expect(outcome == Self.expectedOutcome(6))
        #expect(events.contains(.retrying(jobID: jobs[2].id, reason: .crashed(ProcessExit(status: 0, signal: .kill)))))
        #expect(events.contains(.started(jobID: jobs[2].id, attempt: 2, processID: nil)) == false)
        let attempts = events.compactMap { event -> Int? in
            guard case .started(let id, let attempt, let processID) = event, id == jobs[2].id else { return nil }
            #expect(processID != nil)
            return attempt
        }
        #expect(attempts == [1, 2])
        #expect(scratch.lines(scratch.file("log")).filter { $0 == jobs[2].id }.count == 2)
    }

    @Test("a worker over the time limit is killed and the job retried on a new worker")
    func timedOutWorkerIsRetried() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let jobs = sampleJobs(4)
        let options = try fakeWorkerOptions(
            FakeWorker.slowOnce(jobs[1].id),
            in: scratch,
            workers: 2,
            timeLimit: .milliseconds(700)
        )
        var retries: [WorkerPoolEvent] = []
        let outcome = try WorkerPool(options: options).run(jobs) { event in
            if case .retrying = event { retries.append(event) }
        }
        #expect(outcome == Self.expectedOutcome(4))
        #expect(retries == [.retrying(jobID: jobs[1].id, reason: .timedOut(.milliseconds(700)))])
    }

    @Test("a job that crashes every time fails after one retry while the other jobs complete")
    func alwaysCrashingJobFails() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let jobs = sampleJobs(5)
        let options = try fakeWorkerOptions(FakeWorker.alwaysCrash(jobs[3].id), in: scratch, workers: 2)
        var failedEvents: [WorkerFailure] = []
        let outcome = try WorkerPool(options: options).run(jobs) { event in
            if case .failed(let failure) = event { failedEvents.append(failure) }
        }
        let crash = WorkerFailureReason.crashed(ProcessExit(status: 3, signal: nil))
        #expect(outcome.failures == [WorkerFailure(id: jobs[3].id, attempts: [crash, crash])])
        #expect(failedEvents == outcome.failures)
        #expect(outcome.results == Self.expectedOutcome(5).results.filter { $0.id != jobs[3].id })
        #expect(outcome.unfinishedJobIDs.isEmpty)
        #expect(!outcome.isComplete && !outcome.interrupted)
        #expect(
            outcome.failures.first?.description
                == "job \(jobs[3].id): worker crashed (exit status 3) (after 2 attempts)"
        )
    }

    @Test("a handler error is reported once, not retried, and the worker keeps serving")
    func handlerErrorIsNotRetried() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let jobs = sampleJobs(4)
        let options = try fakeWorkerOptions(FakeWorker.handlerError(jobs[0].id), in: scratch, workers: 1)
        let outcome = try WorkerPool(options: options).run(jobs)
        #expect(outcome.failures == [WorkerFailure(id: jobs[0].id, attempts: [.handlerError("boom")])])
        #expect(outcome.results.map(\.id) == jobs.dropFirst().map(\.id))
        #expect(scratch.lines(scratch.file("log")) == jobs.map(\.id), "one worker ran every job once")
    }

    @Test("in process, a throwing handler gives the same failure as a worker's error message")
    func inProcessHandlerError() throws {
        struct Boom: Error, CustomStringConvertible {
            var description: String { "boom" }
        }
        let jobs = sampleJobs(3)
        var options = WorkerPoolOptions(workerCount: 0, executable: "/nonexistent")
        options.stopSignals = [.testStop]
        let outcome = try WorkerPool(options: options) { job in
            if job.id == jobs[0].id { throw Boom() }
            return FakeWorker.transform(job)
        }.run(jobs)
        #expect(outcome.failures == [WorkerFailure(id: jobs[0].id, attempts: [.handlerError("boom")])])
        #expect(outcome.results == Self.expectedOutcome(3).results.dropFirst().map { $0 })
    }

    @Test("a worker that breaks the protocol is killed and its job retried")
    func protocolViolationIsRetried() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let jobs = sampleJobs(3)
        let options = try fakeWorkerOptions(FakeWorker.garbageOnce(jobs[1].id), in: scratch, workers: 1)
        var reasons: [WorkerFailureReason] = []
        let outcome = try WorkerPool(options: options).run(jobs) { event in
            if case .retrying(_, let reason) = event { reasons.append(reason) }
        }
        #expect(outcome == Self.expectedOutcome(3))
        #expect(reasons.count == 1)
        if case .protocolViolation(let message)? = reasons.first {
            #expect(message.contains("hello"))
        } else {
            Issue.record("expected a protocol violation, got \(reasons)")
        }
    }

    @Test("a worker that closes its output mid-job is killed after a grace period and the job retried")
    func closedOutputIsRetried() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let jobs = sampleJobs(3)
        let options = try fakeWorkerOptions(FakeWorker.closeOutputOnce(jobs[0].id), in: scratch, workers: 2)
        var reasons: [WorkerFailureReason] = []
        let outcome = try WorkerPool(options: options).run(jobs) { event in
            if case .retrying(_, let reason) = event { reasons.append(reason) }
        }
        #expect(outcome == Self.expectedOutcome(3))
        #expect(reasons == [.protocolViolation("closed its standard output")])
    }

    @Test("a missing worker executable fails every job with the spawn error instead of hanging")
    func missingExecutable() throws {
        let jobs = sampleJobs(3)
        var options = WorkerPoolOptions(workerCount: 2, executable: "/nonexistent/sharesim")
        options.stopSignals = [.testStop]
        let outcome = try WorkerPool(options: options).run(jobs)
        #expect(outcome.results.isEmpty)
        #expect(outcome.failures.map(\.id) == jobs.map(\.id))
        for failure in outcome.failures {
            guard case .couldNotStart(let message) = failure.reason else {
                Issue.record("unexpected \(failure)")
                continue
            }
            #expect(message.contains("ENOENT"))
        }
    }

    @Test("a worker that exits at once fails each job after two attempts")
    func workerExitsImmediately() throws {
        let jobs = sampleJobs(2)
        var options = WorkerPoolOptions(workerCount: 2, executable: "/bin/sh", arguments: ["-c", "exit 7"])
        options.stopSignals = [.testStop]
        let outcome = try WorkerPool(options: options).run(jobs)
        let crash = WorkerFailureReason.crashed(ProcessExit(status: 7, signal: nil))
        #expect(outcome.failures == jobs.map { WorkerFailure(id: $0.id, attempts: [crash, crash]) })
    }

    @Test("results are journaled as they finish and --resume runs only the jobs not in the journal")
    func resumeSkipsJournaledJobs() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let jobs = sampleJobs(6)
        let expected = Self.expectedOutcome(6)
        // An earlier run finished jobs 0, 2 and 5.
        let earlier = try ResultsJournal(path: scratch.file("results.jsonl"), mode: .startFresh)
        for index in [0, 2, 5] { try earlier.append(expected.results[index]) }
        earlier.close()

        let journal = try ResultsJournal(path: scratch.file("results.jsonl"), mode: .resume)
        #expect(journal.storedResults.count == 3)
        let options = try fakeWorkerOptions(FakeWorker.echo, in: scratch, workers: 2)
        let outcome = try WorkerPool(options: options).run(jobs, skipping: journal.storedResults) { event in
            if case .finished(let result) = event { #expect(throws: Never.self) { try journal.append(result) } }
        }
        journal.close()
        #expect(outcome.results == expected.results)
        #expect(outcome.resumedJobIDs == [0, 2, 5].map { jobs[$0].id })
        #expect(scratch.lines(scratch.file("log")).sorted() == [1, 3, 4].map { jobs[$0].id }.sorted())
        let stored = try ResultsJournal.load(path: scratch.file("results.jsonl"))
        #expect(stored == Dictionary(uniqueKeysWithValues: expected.results.map { ($0.id, $0.payload) }))
    }

    @Test("a stop signal ends the run cleanly; resuming recomputes nothing that had finished")
    func interruptedSweepResumes() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let jobs = sampleJobs(8)
        let resultsPath = scratch.file("results.jsonl")
        let options = try fakeWorkerOptions(FakeWorker.echo, in: scratch, workers: 2)

        let first = try ResultsJournal(path: resultsPath, mode: .startFresh)
        var finished = 0
        let interrupted = try WorkerPool(options: options).run(jobs) { event in
            guard case .finished(let result) = event else { return }
            try? first.append(result)
            finished += 1
            // The pool watches the test's stop signal here (see fakeWorkerOptions), like Ctrl-C in the CLI.
            if finished == 3 { raiseTestStop() }
        }
        first.close()
        #expect(interrupted.interruption == .testStop)
        #expect(interrupted.failures.isEmpty, "abandoned jobs are not failures")
        #expect(interrupted.results.count >= 3 && interrupted.results.count < 8)
        #expect(interrupted.results.count + interrupted.unfinishedJobIDs.count == 8)
        let journaled = try ResultsJournal.load(path: resultsPath)
        #expect(journaled.count == interrupted.results.count)

        let second = try ResultsJournal(path: resultsPath, mode: .resume)
        let resumed = try WorkerPool(options: options).run(jobs, skipping: second.storedResults) { event in
            if case .finished(let result) = event { try? second.append(result) }
        }
        second.close()
        #expect(resumed.results == Self.expectedOutcome(8).results)
        #expect(resumed.isComplete && !resumed.interrupted)
        let log = scratch.lines(scratch.file("log"))
        for id in journaled.keys { #expect(log.filter { $0 == id }.count == 1, "\(id) was recomputed") }
        #expect(Set(log) == Set(jobs.map(\.id)))
    }

    @Test("in process, a stop signal during a job ends the run after that job")
    func inProcessInterruption() throws {
        let jobs = sampleJobs(5)
        var options = WorkerPoolOptions(workerCount: 0, executable: "/nonexistent")
        options.stopSignals = [.testStop]
        var ran: [String] = []
        let outcome = try WorkerPool(options: options) { job in
            ran.append(job.id)
            if ran.count == 2 { raiseTestStop() }
            return FakeWorker.transform(job)
        }.run(jobs)
        #expect(outcome.interruption == .testStop)
        #expect(outcome.results == Array(Self.expectedOutcome(5).results.prefix(2)))
        #expect(outcome.unfinishedJobIDs == jobs.dropFirst(2).map(\.id))
        #expect(ran.count == 2)
    }

    @Test("nothing to run: no worker is started")
    func nothingToRun() throws {
        let jobs = sampleJobs(2)
        let options = WorkerPoolOptions(workerCount: 2, executable: "/nonexistent/sharesim")
        let stored = Dictionary(uniqueKeysWithValues: jobs.map { ($0.id, "x") })
        let outcome = try WorkerPool(options: options).run(jobs, skipping: stored)
        #expect(outcome.results == jobs.map { WorkerResult(id: $0.id, payload: "x") })
        #expect(outcome.resumedJobIDs == jobs.map(\.id))
        #expect(
            try WorkerPool(options: options).run([])
                == WorkerPoolOutcome(
                    results: [],
                    failures: [],
                    unfinishedJobIDs: [],
                    resumedJobIDs: [],
                    interruption: nil
                )
        )
    }
}

extension ProcessSignal {
    /// The stop signal these tests send: `SIGWINCH`, which no pool watches by default and
    /// which is ignored unless watched. Not `SIGHUP`: a pool of another suite running in
    /// process at the same moment (the experiment runner's tests) watches that and would stop too.
    static let testStop = ProcessSignal(rawValue: SIGWINCH)
}

/// Sends ``ProcessSignal/testStop`` to this thread and lets libuv's handler run before
/// returning, so the signal cannot land after the pool has stopped watching it.
///
/// Test threads are dispatch workers, which block asynchronous signals; a plain `kill`
/// goes to some other thread at some later moment, and `raise` alone would leave the
/// signal pending on this thread. So the signal is unblocked around `raise`.
func raiseTestStop() {
    var stop = sigset_t()
    var previous = sigset_t()
    sigemptyset(&stop)
    sigaddset(&stop, SIGWINCH)
    pthread_sigmask(SIG_UNBLOCK, &stop, &previous)
    raise(SIGWINCH)
    pthread_sigmask(SIG_SETMASK, &previous, nil)
}
