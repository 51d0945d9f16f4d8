import Testing

@testable import ShareModel
@testable import SimCore

/// Per-request records (`--trace-requests`): exact steps, every request once, the report's
/// counts recovered from the records, and sampling that changes nothing else.
@Suite("Request records")
struct RequestRecordTests {
    /// One zone of `servers` servers at the population's own place; orders at `rate` per
    /// second by `arrivals`, service `service`; a queue of `maxWaiting`, a `timeout` and
    /// `retry`; 60 s warm-up, then `seconds` measured.
    static func spec(
        servers: Int,
        service: SampledDistribution,
        rate: Double,
        arrivals: ArrivalProcess = .poisson,
        maxWaiting: Int? = nil,
        timeout: SimDuration? = nil,
        retry: RetryPolicy = .none,
        seconds: Double = 600
    ) throws -> ModelSpec {
        let here = try WorldFixture.place(30.27, 120.16)
        return ModelSpec(
            regions: [
                try WorldFixture.region(
                    "hz",
                    at: here,
                    zones: [("hz-a", servers)],
                    service: [service],
                    maxWaiting: maxWaiting,
                    timeout: timeout
                )
            ],
            populations: [
                PopulationSpec(
                    name: "shoppers",
                    location: here,
                    demands: [
                        WorkloadDemand(workloadClass: "orders", rate: try WorldFixture.rate(rate), arrivals: arrivals)
                    ]
                )
            ],
            workloadClasses: [WorkloadClassSpec(name: "orders", kind: .transaction)],
            routing: .nearestHealthy,
            retry: retry,
            latency: try WorldFixture.latency(),
            warmup: .seconds(60),
            duration: .seconds(seconds),
            interval: .seconds(60)
        )
    }

    /// Runs `spec` recording at `rate`, taking records every simulated second as a caller
    /// does, and returns the results and every record (the unfinished ones last).
    static func run(_ spec: ModelSpec, seed: UInt64, rate: Double) throws -> (ModelResults, [RequestRecord]) {
        var simulation = try ModelRun.prepare(spec, seed: seed, recording: RequestSampling(rate: rate))
        var records: [RequestRecord] = []
        let end = simulation.model.runEnd
        while simulation.now < end {
            ModelRun.advance(&simulation, until: min(end, simulation.now + .seconds(1)))
            records += simulation.model.takeRequestRecords()
        }
        let results = try ModelRun.finish(&simulation)
        records += simulation.model.takeUnfinishedRequestRecords(at: end)
        return (results, records)
    }

    @Test("deterministic orders into a deterministic server: every step exact to the nanosecond")
    func exactSteps() throws {
        // One order a second (deterministic, random phase) into one server taking exactly
        // 100 ms: nobody waits, so each served order is travel L, a queue of 0, service of
        // exactly 0.1 s and the return L, with L the same for every order (same places).
        let spec = try Self.spec(
            servers: 1,
            service: try WorldFixture.constant(0.1),
            rate: 1,
            arrivals: .deterministic,
            seconds: 120
        )
        let (results, records) = try Self.run(spec, seed: 3, rate: 1)
        let served = records.filter { $0.outcome == .served }
        #expect(served.count == records.count - records.filter { $0.outcome == .unfinished }.count)
        #expect(records.filter(\.counted).filter { $0.outcome == .served }.count == Int(results.workloads[0].served))
        let travel = try #require(served.first?.steps.first).end - served[0].steps[0].start
        #expect(travel > .zero)
        for record in served {
            #expect(record.steps.map(\.phase) == [.travel, .queue, .service, .return])
            #expect(record.steps.allSatisfy { $0.site == "hz-a" })
            let lengths = record.steps.map { ($0.end - $0.start).nanoseconds }
            #expect(lengths == [travel.nanoseconds, 0, 100_000_000, travel.nanoseconds], "\(record.serial)")
            #expect(record.latency.nanoseconds == 2 * travel.nanoseconds + 100_000_000)
            #expect(record.attempts == 1 && record.servedBy == "cloud")
        }
        // Serials count every request created, warm-up included, with none skipped at rate 1.
        #expect(records.map(\.serial).sorted() == Array(1...UInt64(records.count)))
    }

    @Test("an overloaded zone with timeouts and retries: every request once, and the report's counts from the records")
    func conservation() throws {
        // ρ = 1.2 into one server with a queue of 20 and a 1 s timeout, 3 attempts: orders
        // are rejected, time out, retry and some are in flight at the end.
        let spec = try Self.spec(
            servers: 1,
            service: try WorldFixture.exponential(mean: 0.1),
            rate: 12,
            maxWaiting: 20,
            timeout: .seconds(1),
            retry: RetryPolicy(maxAttempts: 3, backoff: .milliseconds(200), cap: .seconds(1), jitter: true),
            seconds: 300
        )
        let (results, records) = try Self.run(spec, seed: 11, rate: 1)
        let orders = results.workloads[0]
        let counted = records.filter(\.counted)
        func count(_ outcome: RequestRecord.Outcome) -> UInt64 {
            UInt64(counted.filter { $0.outcome == outcome }.count)
        }
        #expect(UInt64(counted.count) == orders.arrived)
        #expect(count(.served) == orders.served)
        #expect(count(.rejected) == orders.rejected && orders.rejected > 0)
        #expect(count(.failed) == orders.failed && orders.failed > 0)
        #expect(count(.unfinished) == orders.inFlight)
        // Retries: one per extra attempt started, plus one for each request waiting in a
        // backoff at the end (its retry was counted when the attempt ended).
        let started = counted.reduce(0) { $0 + UInt64($1.attempts - 1) }
        let waiting = UInt64(counted.filter { $0.outcome == .unfinished && $0.steps.last?.phase == .backoff }.count)
        #expect(started + waiting == orders.retries && orders.retries > 0)
        // Every record's steps follow each other without gaps from creation to end, and an
        // attempt that did not serve ends in a step marked lost.
        for record in records {
            #expect(record.steps.first?.start == record.created)
            #expect(record.steps.last?.end == record.ended)
            for (before, after) in zip(record.steps, record.steps.dropFirst()) { #expect(before.end == after.start) }
            let lost = record.steps.filter { $0.lost != nil }.count
            let expected = record.attempts - (record.outcome == .served || record.outcome == .unfinished ? 1 : 0)
            #expect(lost == expected || (record.outcome == .unfinished && lost == record.attempts), "\(record)")
        }
        // The mean latency of the served, from the records, is the report's (the same sums).
        let latencies = counted.filter { $0.outcome == .served }.map(\.latency.seconds)
        let mean = latencies.reduce(0, +) / Double(latencies.count)
        #expect(abs(mean - orders.latency.mean) <= 1e-9 * orders.latency.mean)
    }

    @Test("sampling picks the same requests whatever else runs, and changes no result")
    func samplingIsIndependent() throws {
        let spec = try Self.spec(servers: 2, service: try WorldFixture.exponential(mean: 0.1), rate: 15)
        let (all, everyRecord) = try Self.run(spec, seed: 5, rate: 1)
        let (sampled, someRecords) = try Self.run(spec, seed: 5, rate: 0.1)
        let plain = try ModelRun.run(spec, seed: 5)
        #expect(all == plain && sampled == plain, "recording changes no figure")
        // The sampled records are exactly the full records with the chosen serials.
        let bySerial = Dictionary(uniqueKeysWithValues: everyRecord.map { ($0.serial, $0) })
        #expect(someRecords.allSatisfy { bySerial[$0.serial] == $0 })
        // Their number is binomial(n, 0.1): within 5 standard deviations.
        let n = Double(everyRecord.count)
        let deviation = (n * 0.1 * 0.9).squareRoot()
        #expect(abs(Double(someRecords.count) - 0.1 * n) <= 5 * deviation, "\(someRecords.count) of \(n)")
    }
}
