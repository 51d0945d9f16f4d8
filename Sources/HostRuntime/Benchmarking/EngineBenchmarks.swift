public import SimCore

/// The engine benchmarks behind `sharesim bench`: each builds a workload, times it on the
/// host's monotonic clock, and returns a ``BenchmarkRecord``.
///
/// Setup (filling the pending-event set, creating the model) is outside the timed part.
/// The figures depend on the machine; the simulated results (`checksum`, `wq_simulated`)
/// depend only on the parameters and seed.
public enum EngineBenchmarks {
    /// The hold model: `pending` events in the set, `operations` hold operations.
    ///
    /// Records `bytes_per_pending`: the resident size while the queue is full (the larger of
    /// the samples after filling and after the last operation) over the resident size before
    /// filling, divided by `pending`. Sampling the resident size, rather than the process's
    /// peak, keeps the figure true when something ran before in the same process (several
    /// benchmarks in a row, or `swift run`, whose own peak the process inherits).
    public static func hold(
        pending: Int,
        operations: Int,
        queue: PendingSetChoice,
        seed: UInt64
    ) throws(UVError)
        -> BenchmarkRecord
    {
        let benchmark = HoldBenchmark(pending: pending, operations: operations, seed: seed)
        let baseline = try ProcessMemory.residentBytes()
        let run: HoldRun
        switch queue {
        case .heap:
            run = try runHold(benchmark, on: QuaternaryHeap())
        case .ladder:
            run = try runHold(benchmark, on: LadderQueue())
        }
        let (checksum, seconds) = (run.checksum, run.seconds)
        let peak = try ProcessMemory.peakResidentBytes()
        let held = Swift.max(run.residentAfterFill, run.residentAfterRun)
        let perPending = Double(held > baseline ? held - baseline : 0) / Double(pending)
        var record = BenchmarkRecord(name: "hold")
        record.set("queue", .text(queue.rawValue))
        record.set("pending", .integer(Int64(pending)))
        record.set("operations", .integer(Int64(operations)))
        record.set("events", .integer(Int64(operations)))
        record.set("wall_seconds", .real(seconds))
        record.set("events_per_second", .real(Double(operations) / seconds))
        record.set("peak_rss_bytes", .unsigned(peak))
        record.set("baseline_rss_bytes", .unsigned(baseline))
        record.set("bytes_per_pending", .real(perPending))
        record.set("checksum", .integer(checksum))
        describeHost(in: &record)
        record.summary =
            "hold (\(queue.rawValue)): \(HumanNumbers.compact(Double(pending))) pending, "
            + "\(HumanNumbers.compact(Double(operations))) operations in "
            + "\(HumanNumbers.fixed(seconds, decimals: 3)) s = "
            + "\(HumanNumbers.compact(Double(operations) / seconds)) ops/s; "
            + "\(HumanNumbers.significant(perPending, digits: 3)) bytes per pending event "
            + "(peak RSS \(HumanNumbers.bytes(Double(peak))))"
        return record
    }

    /// Adds the machine's facts, so a saved record says where it was measured.
    public static func describeHost(in record: inout BenchmarkRecord) {
        record.set("host_cpus", .integer(Int64(HostInfo.availableParallelism)))
        record.set("host_memory_bytes", .unsigned(HostInfo.totalMemoryBytes))
        record.set("libuv_version", .text(HostInfo.libuvVersion))
        record.set("sharesim_version", .text(BuildConfiguration.version))
    }

    /// What one hold run measured: the result, the time, and the resident size while the
    /// queue was full (after filling and after the last operation).
    struct HoldRun {
        var checksum: Int64
        var seconds: Double
        var residentAfterFill: UInt64
        var residentAfterRun: UInt64
    }

    static func runHold<Queue: PendingEventSet>(
        _ benchmark: HoldBenchmark,
        on empty: Queue
    ) throws(UVError)
        -> HoldRun
    {
        var queue = empty
        benchmark.fill(&queue)
        let afterFill = try ProcessMemory.residentBytes()
        let measured = ProcessClock.measure { benchmark.hold(&queue) }
        let afterRun = try ProcessMemory.residentBytes()
        return HoldRun(
            checksum: measured.result,
            seconds: measured.seconds,
            residentAfterFill: afterFill,
            residentAfterRun: afterRun
        )
    }

    /// PHOLD over `logicalProcesses` LPs with `eventsPerProcess` events each, run until
    /// simulated time `end` (lookahead 0.1 s, Exp(1 s) increments).
    public static func phold(
        logicalProcesses: Int,
        eventsPerProcess: Int,
        end: SimDuration,
        queue: PendingSetChoice,
        seed: UInt64
    ) throws(UVError) -> BenchmarkRecord {
        let result: (events: UInt64, digest: UInt64, seconds: Double)
        switch queue {
        case .heap:
            result = runPHold(logicalProcesses, eventsPerProcess, end, seed, QuaternaryHeap())
        case .ladder:
            result = runPHold(logicalProcesses, eventsPerProcess, end, seed, LadderQueue())
        }
        let peak = try ProcessMemory.peakResidentBytes()
        let rate = Double(result.events) / result.seconds
        var record = BenchmarkRecord(name: "phold")
        record.set("queue", .text(queue.rawValue))
        record.set("lps", .integer(Int64(logicalProcesses)))
        record.set("events_per_lp", .integer(Int64(eventsPerProcess)))
        record.set("end_seconds", .real(end.seconds))
        record.set("events", .unsigned(result.events))
        record.set("wall_seconds", .real(result.seconds))
        record.set("events_per_second", .real(rate))
        record.set("peak_rss_bytes", .unsigned(peak))
        record.set("checksum", .unsigned(result.digest))
        describeHost(in: &record)
        record.summary =
            "phold (\(queue.rawValue)): \(HumanNumbers.compact(Double(logicalProcesses))) LPs x "
            + "\(eventsPerProcess) events to t=\(end): \(HumanNumbers.compact(Double(result.events))) events in "
            + "\(HumanNumbers.fixed(result.seconds, decimals: 3)) s = \(HumanNumbers.compact(rate)) events/s "
            + "(peak RSS \(HumanNumbers.bytes(Double(peak))))"
        return record
    }

    static func runPHold<Queue: PendingEventSet>(
        _ processes: Int,
        _ perProcess: Int,
        _ end: SimDuration,
        _ seed: UInt64,
        _ queue: Queue
    ) -> (UInt64, UInt64, Double) {
        var simulation = Simulation(model: PHoldModel(logicalProcesses: processes, seed: seed), queue: queue)
        simulation.model.start(eventsPerProcess: perProcess, scheduler: &simulation.scheduler)
        let limit = SimTime(end)
        let measured = ProcessClock.measure { simulation.run(until: limit) }
        return (simulation.scheduler.eventCount, simulation.model.digest, measured.seconds)
    }

    /// An M/M/c queue of `customers` customers, checked against Erlang C.
    ///
    /// - Precondition: the parameters describe a stable queue (`MMcTheory` is non-nil).
    public static func mmc(
        servers: Int,
        arrivalRate: Double,
        serviceRate: Double,
        customers: UInt64,
        queue: PendingSetChoice,
        seed: UInt64
    ) throws(UVError) -> BenchmarkRecord {
        guard let theory = MMcTheory(servers: servers, arrivalRate: arrivalRate, serviceRate: serviceRate) else {
            preconditionFailure("unstable M/M/c parameters reached the benchmark")
        }
        let warmup = customers / 100
        let model = MMcQueueModel(
            servers: servers,
            arrivalRate: arrivalRate,
            serviceRate: serviceRate,
            customers: customers,
            warmupCustomers: warmup,
            seed: seed
        )
        let result: (MMcMeasurements, UInt64, Double)
        switch queue {
        case .heap: result = runMMc(model, QuaternaryHeap())
        case .ladder: result = runMMc(model, LadderQueue())
        }
        let (measured, events, seconds) = result
        let peak = try ProcessMemory.peakResidentBytes()
        let error = (measured.meanWaitInQueue - theory.meanWaitInQueue) / theory.meanWaitInQueue
        var record = BenchmarkRecord(name: "mmc")
        record.set("queue", .text(queue.rawValue))
        record.set("servers", .integer(Int64(servers)))
        record.set("lambda", .real(arrivalRate))
        record.set("mu", .real(serviceRate))
        record.set("customers", .unsigned(customers))
        record.set("events", .unsigned(events))
        record.set("wall_seconds", .real(seconds))
        record.set("events_per_second", .real(Double(events) / seconds))
        record.set("customers_per_second", .real(Double(customers) / seconds))
        record.set("peak_rss_bytes", .unsigned(peak))
        record.set("wq_simulated", .real(measured.meanWaitInQueue))
        record.set("wq_analytic", .real(theory.meanWaitInQueue))
        record.set("wq_relative_error", .real(error))
        record.set("utilisation_simulated", .real(measured.utilisation))
        record.set("utilisation_analytic", .real(theory.utilisation))
        let checksum =
            SplitMix64.mix(measured.departed)
            ^ SplitMix64.mix(measured.meanWaitInQueue.bitPattern &+ 1)
            ^ SplitMix64.mix(measured.meanResponseTime.bitPattern &+ 2)
        record.set("checksum", .unsigned(checksum))
        describeHost(in: &record)
        record.summary =
            "mmc (\(queue.rawValue)): c=\(servers) lambda=\(HumanNumbers.significant(arrivalRate, digits: 4)) "
            + "mu=\(HumanNumbers.significant(serviceRate, digits: 4)), "
            + "\(HumanNumbers.compact(Double(customers))) customers in "
            + "\(HumanNumbers.fixed(seconds, decimals: 3)) s = "
            + "\(HumanNumbers.compact(Double(customers) / seconds)) customers/s; "
            + "Wq simulated \(HumanNumbers.significant(measured.meanWaitInQueue, digits: 5)) s vs Erlang C "
            + "\(HumanNumbers.significant(theory.meanWaitInQueue, digits: 5)) s "
            + "(\(error >= 0 ? "+" : "")\(HumanNumbers.fixed(error * 100, decimals: 2))%)"
        return record
    }

    static func runMMc<Queue: PendingEventSet>(
        _ model: MMcQueueModel,
        _ queue: Queue
    ) -> (MMcMeasurements, UInt64, Double) {
        var simulation = Simulation(model: model, queue: queue)
        simulation.model.start(scheduler: &simulation.scheduler)
        let measured = ProcessClock.measure { simulation.runToCompletion() }
        return (simulation.model.measurements, simulation.scheduler.eventCount, measured.seconds)
    }
}

extension EngineBenchmarks {
    /// The standard suite of `sharesim bench`, in the order it must run: hold first, while
    /// the process is small (bytes per event compare resident sizes sampled around each
    /// run, so the order of the two queues does not matter), then PHOLD at 10^4 and 10^6
    /// pending events, then M/M/8; each entry runs one benchmark when called.
    public static let standardSuite: [@Sendable () throws -> BenchmarkRecord] = [
        { try hold(pending: 1_000_000, operations: 10_000_000, queue: .heap, seed: 1) },
        { try hold(pending: 1_000_000, operations: 10_000_000, queue: .ladder, seed: 1) },
        { try phold(logicalProcesses: 1_000, eventsPerProcess: 10, end: .seconds(1_000), queue: .ladder, seed: 1) },
        { try phold(logicalProcesses: 100_000, eventsPerProcess: 10, end: .seconds(10), queue: .ladder, seed: 1) },
        {
            try mmc(servers: 8, arrivalRate: 7, serviceRate: 1, customers: 10_000_000, queue: .ladder, seed: 1)
        },
    ]
}
