import Foundation
import SimCore
import Testing

@testable import Scenario
@testable import ShareModel

/// `stages:` (request graphs): tandems and fork-joins against queueing theory, exact times
/// with deterministic arrivals and services, messages over a limited egress, and located errors.
@Suite("Request graphs")
struct RequestGraphScenarioTests {
    /// Two one-server zones in two regions at the same place with every latency measured 0,
    /// and `stages` spliced into the `order` class; `extra` is added at the top level.
    static func scenario(
        stages: String,
        rate: String = "5/s",
        arrivals: String = "",
        servers: Int = 1,
        latencies: (users1: Int, between: Int, users2: Int) = (0, 0, 0),
        region: String = "",
        duration: String = "4000 s",
        warmup: String = "200 s"
    ) -> String {
        """
        duration: \(duration)
        warmup: \(warmup)
        latency:
          measured:
            - {between: [users, one], latency: \(latencies.users1) ms}
            - {between: [one, two], latency: \(latencies.between) ms}
            - {between: [users, two], latency: \(latencies.users2) ms}
        workloads:
          - name: order
            kind: transaction
            stages:
        \(stages)
        regions:
          - {name: one, location: [30, 120], zones: [{name: one-a, servers: \(servers)}]\(region)}
          - {name: two, location: [30, 120], zones: [{name: two-a, servers: \(servers)}], services: [back]}
        populations:
          - {name: users, location: [30, 120], workloads: [{workload: order, rate: \(rate)\(arrivals)}]}
        """
    }

    /// Runs `spec` with `seed`, keeping every end-to-end latency of the first class.
    func run(_ spec: ModelSpec, seed: UInt64) throws -> (results: ModelResults, latencies: [SimDuration]) {
        var simulation = try ModelRun.prepare(spec, seed: seed)
        simulation.model.classes[0].tally.latencyLog = []
        let results = try ModelRun.finish(&simulation)
        return (results, try #require(simulation.model.classes[0].tally.latencyLog))
    }

    /// The mean of `values` and the half-width of its 99% Student-t interval (replications
    /// are independent, so their spread is an honest measure of the run's noise).
    func interval(_ values: [Double]) -> (mean: Double, halfWidth: Double) {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        // t(0.995, 7) for eight replications.
        return (mean, 3.499 * (variance / n).squareRoot())
    }

    @Test("a tandem of two M/M/1 stages: end to end 1/(μ1−λ) + 1/(μ2−λ), each stage M/M/1 (Jackson)")
    func tandemMatchesProductForm() throws {
        // λ = 5/s; μ1 = 10/s, μ2 = 8/s: sojourns 0.2 s and 1/3 s, waits ρ/(μ−λ) = 0.1 s and
        // 0.2083 s. Latencies are all 0, so end to end is the sum of the sojourns.
        let text = Self.scenario(
            stages: """
                      - {name: first, zone: one-a, time: exp(100 ms)}
                      - {name: second, zone: two-a, time: exp(125 ms)}
                """
        )
        let spec = try Scenario.parse(text, name: "tandem.yaml").spec
        var endToEnd: [Double] = []
        var sojourn: [[Double]] = [[], []]
        var wait: [[Double]] = [[], []]
        for seed in UInt64(1)...8 {
            let (results, latencies) = try run(spec, seed: seed)
            #expect(latencies.count > 15_000)
            endToEnd.append(latencies.reduce(0.0) { $0 + $1.seconds } / Double(latencies.count))
            let stages = try #require(results.workloads[0].stages)
            for index in 0..<2 {
                sojourn[index].append(stages[index].meanStageSeconds)
                wait[index].append(stages[index].meanWaitSeconds)
            }
        }
        // Each replication (3,800 s, about 19,000 requests) gives one mean; the 99% interval
        // of eight is about ±2% here. It must hold the product-form value, and be narrow
        // enough that a wrong model (one stage's sojourn missing, or 10% off) falls outside.
        let expected = 1 / (10.0 - 5) + 1 / (8.0 - 5)
        let total = interval(endToEnd)
        #expect(abs(total.mean - expected) <= total.halfWidth, "\(total) vs \(expected)")
        #expect(total.halfWidth < 0.05 * expected)
        #expect(abs(total.mean - expected * 0.9) > total.halfWidth)
        for (index, (mu, lambda)) in [(10.0, 5.0), (8.0, 5.0)].enumerated() {
            let stage = interval(sojourn[index])
            #expect(abs(stage.mean - 1 / (mu - lambda)) <= stage.halfWidth, "stage \(index): \(stage)")
            let queued = interval(wait[index])
            let rho = lambda / mu
            #expect(abs(queued.mean - rho / (mu - lambda)) <= queued.halfWidth, "wait \(index): \(queued)")
        }
    }

    /// A gateway with no service, two branches of exponential service (mean 100 ms) on
    /// 1,000 servers each (no queueing), then a join of no service.
    static func forkJoin(_ join: String) -> String {
        scenario(
            stages: """
                      - {name: gateway, zone: one-a, time: 0 ms}
                      - {name: left, zone: one-a, time: exp(100 ms)}
                      - {name: right, zone: two-a, time: exp(100 ms), after: [gateway]}
                      - {name: join, service: back, time: 0 ms, after: [left, right], join: \(join)}
                """,
            rate: "2/s",
            servers: 1_000,
            duration: "2000 s",
            warmup: "10 s"
        )
    }

    @Test("a fork-join of two exponential stages at light load: join-all 3/(2μ), join-first 1/(2μ)")
    func forkJoinMeans() throws {
        let mean = 0.1
        for (join, expected, deviation) in [
            // max(X1, X2): mean 3/(2μ), variance (1 + 1/4)/μ²; min: mean and deviation 1/(2μ).
            ("all", 1.5 * mean, (1.25).squareRoot() * mean), ("first", 0.5 * mean, 0.5 * mean),
        ] {
            let spec = try Scenario.parse(Self.forkJoin(join), name: "fork.yaml").spec
            let (results, latencies) = try run(spec, seed: 3)
            // Nothing queues on 1,000 servers at 0.2 busy on average: requests are independent,
            // so the standard error is σ/√n; 4.5 of them is a chance of about 1e-5 to fail.
            let n = Double(latencies.count)
            #expect(n > 3_500)
            let observed = latencies.reduce(0.0) { $0 + $1.seconds } / n
            let tolerance = 4.5 * deviation / n.squareRoot()
            #expect(abs(observed - expected) <= tolerance, "join \(join): \(observed) vs \(expected) ± \(tolerance)")
            let stages = try #require(results.workloads[0].stages)
            #expect(stages.map(\.name) == ["gateway", "left", "right", "join"])
            #expect(stages[3].placement == "service back")
            // The losing join-first branch still ran to the end of its service.
            #expect(stages[1].visits >= results.workloads[0].served - 10)
            #expect(stages[2].visits >= results.workloads[0].served - 10)
        }
    }

    @Test("deterministic arrivals and services: every latency is the sum of hops and services, to the nanosecond")
    func exactTimes() throws {
        let text = Self.scenario(
            stages: """
                      - {name: first, zone: one-a, time: 10 ms}
                      - {name: second, zone: two-a, time: 20 ms}
                """,
            rate: "1/s",
            arrivals: ", arrivals: deterministic",
            latencies: (5, 7, 11),
            duration: "100 s",
            warmup: "0 s"
        )
        let spec = try Scenario.parse(text, name: "exact.yaml").spec
        let (results, latencies) = try run(spec, seed: 1)
        #expect(latencies.count >= 99)
        // 5 ms there, 10 ms served, 7 ms on, 20 ms served, 11 ms back.
        #expect(latencies.allSatisfy { $0 == .milliseconds(53) })
        let stages = try #require(results.workloads[0].stages)
        #expect(abs(stages[0].meanStageSeconds - 0.015) < 1e-12)
        #expect(abs(stages[1].meanStageSeconds - 0.027) < 1e-12)
        #expect(stages.allSatisfy { $0.meanWaitSeconds == 0 })
        #expect(abs(stages[0].meanServiceSeconds - 0.010) < 1e-12)
        #expect(abs(try #require(stages[1].shareOfLatency) - 27.0 / 53) < 1e-3)
    }

    /// Runs `spec` with `seed` recording every request; the results and all records.
    func recorded(_ spec: ModelSpec, seed: UInt64) throws -> (ModelResults, [RequestRecord]) {
        var simulation = try ModelRun.prepare(spec, seed: seed, recording: RequestSampling(rate: 1))
        let end = simulation.model.runEnd
        ModelRun.advance(&simulation, until: end)
        var records = simulation.model.takeRequestRecords()
        let results = try ModelRun.finish(&simulation)
        records += simulation.model.takeUnfinishedRequestRecords(at: end)
        return (results, records)
    }

    @Test(
        "request records carry each stage's visit: exact hops and services, and the stage figures recomputed from them"
    )
    func recordsCarryStageVisits() throws {
        // Deterministic: 5 ms to the first stage, 10 ms served, 7 ms on, 20 ms served.
        let exact = Self.scenario(
            stages: """
                      - {name: first, zone: one-a, time: 10 ms}
                      - {name: second, zone: two-a, time: 20 ms}
                """,
            rate: "1/s",
            arrivals: ", arrivals: deterministic",
            latencies: (5, 7, 11),
            duration: "100 s",
            warmup: "0 s"
        )
        let (_, exactRecords) = try recorded(try Scenario.parse(exact, name: "exact.yaml").spec, seed: 1)
        let served = exactRecords.filter { $0.outcome == .served }
        #expect(served.count >= 99)
        for record in served {
            let visits = record.stageVisits
            #expect(visits.map(\.stage) == ["first", "second"] && visits.map(\.zone) == ["one-a", "two-a"])
            guard visits.count == 2 else { continue }
            #expect(visits[0].ready == record.created && visits[0].arrived - visits[0].ready == .milliseconds(5))
            #expect(visits[0].started == visits[0].arrived && visits[0].ended - visits[0].started == .milliseconds(10))
            #expect(visits[1].ready == visits[0].ended && visits[1].arrived - visits[1].ready == .milliseconds(7))
            #expect(visits[1].started == visits[1].arrived && visits[1].ended - visits[1].started == .milliseconds(20))
            #expect(record.ended - visits[1].ended == .milliseconds(11))
        }
        // A queueing tandem (λ = 5/s, μ = 10/s and 8/s): summing the counted records' visits
        // gives back each stage's visits and mean wait, service and stage time, which the
        // model tallies on its own path.
        let tandem = Self.scenario(
            stages: """
                      - {name: first, zone: one-a, time: exp(100 ms)}
                      - {name: second, zone: two-a, time: exp(125 ms)}
                """,
            duration: "600 s",
            warmup: "60 s"
        )
        let (results, records) = try recorded(try Scenario.parse(tandem, name: "tandem.yaml").spec, seed: 5)
        let stages = try #require(results.workloads[0].stages)
        for (index, stage) in stages.enumerated() {
            let visits = records.filter(\.counted).flatMap(\.stageVisits).filter { $0.stage == stage.name }
            #expect(UInt64(visits.count) == stage.visits && visits.count > 2_000, "\(stage.name)")
            #expect(visits.allSatisfy { $0.ready <= $0.arrived && $0.arrived <= $0.started && $0.started <= $0.ended })
            let n = Double(visits.count)
            let wait = visits.reduce(0.0) { $0 + ($1.started - $1.arrived).seconds } / n
            let service = visits.reduce(0.0) { $0 + ($1.ended - $1.started).seconds } / n
            let whole = visits.reduce(0.0) { $0 + ($1.ended - $1.ready).seconds } / n
            #expect(abs(wait - stage.meanWaitSeconds) <= 1e-9 * stage.meanWaitSeconds, "stage \(index)")
            #expect(abs(service - stage.meanServiceSeconds) <= 1e-9 * stage.meanServiceSeconds, "stage \(index)")
            #expect(abs(whole - stage.meanStageSeconds) <= 1e-9 * stage.meanStageSeconds, "stage \(index)")
            #expect(stage.meanWaitSeconds > 0.05, "stage \(index) queues")
        }
    }

    @Test("a message crossing a limited egress (and ingress) takes exactly bytes / capacity more")
    func messageOverLimitedLinks() throws {
        func latencies(region: String, ingress: String) throws -> [SimDuration] {
            var text = Self.scenario(
                stages: """
                          - {name: first, zone: one-a, time: 10 ms}
                          - {name: second, zone: two-a, time: 20 ms, message: 1 MB}
                    """,
                rate: "1/s",
                arrivals: ", arrivals: deterministic",
                latencies: (5, 7, 11),
                region: region,
                duration: "60 s",
                warmup: "0 s"
            )
            text = text.replacingOccurrences(of: "services: [back]", with: "services: [back]\(ingress)")
            return try run(try Scenario.parse(text, name: "message.yaml").spec, seed: 1).latencies
        }
        // 10⁶ bytes × 8 / 80 Mbit/s = 100 ms on the sender's egress, alone on the link.
        let egress = try latencies(region: ", egress: 80 Mbps", ingress: "")
        #expect(egress.count >= 59)
        #expect(egress.allSatisfy { $0 == .milliseconds(153) })
        // With a 40 Mbit/s ingress at the receiver, the slower link sets the rate: 200 ms.
        let both = try latencies(region: ", egress: 80 Mbps", ingress: ", ingress: 40 Mbps")
        #expect(both.allSatisfy { $0 == .milliseconds(253) })
        // Unlimited links: latency only.
        let free = try latencies(region: "", ingress: "")
        #expect(free.allSatisfy { $0 == .milliseconds(53) })
    }

    /// The diagnostics of `text`, or none when it decodes.
    func errors(_ text: String) -> [String] {
        do {
            _ = try Scenario.parse(text, name: "bad.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("a cycle, unknown names, a fan-in of zero, a lone join, two last stages: located errors")
    func badGraphs() throws {
        let cases: [(String, String)] = [
            (
                """
                      - {name: a, zone: one-a, time: 1 ms, after: [b]}
                      - {name: b, zone: two-a, time: 1 ms}
                      - {name: c, zone: two-a, time: 1 ms}
                """,
                "bad.yaml:12:51: error: invalid 'stages[0].after' in workload 'order': makes a cycle (a -> b -> a)"
            ),
            (
                """
                      - {name: a, zone: one-a, time: 1 ms}
                      - {name: b, zone: two-a, time: 1 ms, after: [aa]}
                """,
                "bad.yaml:13:52: error: invalid 'stages[1].after[0]' in workload 'order': refers to unknown stage 'aa'; did you mean 'a'?"
            ),
            (
                """
                      - {name: a, zone: one-b, time: 1 ms}
                """,
                "bad.yaml:12:25: error: invalid 'stages[0].zone' in workload 'order': refers to unknown zone 'one-b'; did you mean 'one-a'?"
            ),
            (
                """
                      - {name: a, service: bakc, time: 1 ms}
                """,
                "did you mean 'back'?"
            ),
            (
                """
                      - {name: a, zone: one-a, time: 1 ms}
                      - {name: b, zone: two-a, time: 1 ms, after: []}
                """,
                "invalid 'stages[1].after' in workload 'order': must list at least one entry"
            ),
            (
                """
                      - {name: a, zone: one-a, time: 1 ms}
                      - {name: b, zone: two-a, time: 1 ms, join: first}
                """,
                "invalid 'stages[1].join' in workload 'order': applies only to a stage after several stages"
            ),
            (
                """
                      - {name: a, zone: one-a, time: 1 ms}
                      - {name: b, zone: two-a, time: 1 ms}
                      - {name: c, zone: two-a, time: 1 ms, after: [a]}
                """,
                "invalid 'stages[1].name' in workload 'order': is one of several last stages ('b', 'c')"
            ),
            (
                """
                      - {name: a, zone: one-a, service: back, time: 1 ms}
                """,
                "a stage runs at a 'zone' or at the nearest zone offering a 'service', not both"
            ),
        ]
        for (stages, expected) in cases {
            let found = errors(Self.scenario(stages: stages))
            #expect(found.count == 1, "\(found)")
            #expect(found.contains { $0.contains(expected) }, "\(found) lacks \(expected)")
        }
    }

    @Test("a stage placed by service keeps to the population's allowed regions")
    func allowedRegions() throws {
        let text = Self.scenario(
            stages: """
                      - {name: a, zone: one-a, time: 1 ms}
                      - {name: b, service: back, time: 1 ms}
                """
        )
        let restricted = text.replacingOccurrences(
            of: "{name: users, location: [30, 120],",
            with: "{name: users, location: [30, 120], allowed_regions: [one],"
        )
        let found = errors(restricted)
        #expect(found.count == 1, "\(found)")
        #expect(
            found.first?.contains(
                "invalid 'workloads[0]' in population 'users': stage 'b' of 'order' needs service 'back', which no "
                    + "zone in the population's allowed regions offers"
            ) == true,
            "\(found)"
        )
        #expect(
            errors(
                text.replacingOccurrences(
                    of: "[30, 120], workloads",
                    with: "[30, 120], allowed_regions: [two], workloads"
                )
            ).isEmpty
        )
    }

    @Test("outages, full queues, timeouts and lost join-first branches: every request ends once, retried as a whole")
    func failuresConserveRequests() throws {
        // A fan-out whose right branch's zone fails for 20 s and whose left zone has a short
        // queue and a timeout; three attempts each. Requests in flight at the end are the
        // only ones neither served nor lost, and slots of answered requests whose losing
        // join-first branch still runs are not counted in flight.
        for join in ["all", "first"] {
            var text = Self.scenario(
                stages: """
                          - {name: gateway, zone: one-a, time: exp(5 ms)}
                          - {name: left, zone: one-a, time: exp(40 ms)}
                          - {name: right, service: back, time: exp(30 ms), after: [gateway], message: 10 kB}
                          - {name: join, zone: two-a, time: 1 ms, after: [left, right], join: \(join)}
                    """,
                rate: "40/s",
                servers: 2,
                region: ", egress: 10 Mbps",
                duration: "300 s",
                warmup: "20 s"
            )
            text = text.replacingOccurrences(
                of: "zones: [{name: one-a, servers: 2}]",
                with: "zones: [{name: one-a, servers: 2, queue: 20, timeout: 300 ms}]"
            )
            text += """

                routing: {policy: nearest-healthy, retry: {attempts: 3, backoff: 50 ms}}
                failures:
                  - {zone: two-a, at: 100 s, for: 20 s}
                  - {zone: one-a, at: 150 s, for: 5 s}
                  - {link: one.egress, at: 200 s, for: 5 s}
                """
            let spec = try Scenario.parse(text, name: "failures.yaml").spec
            var simulation = try ModelRun.prepare(spec, seed: 7)
            let results = try ModelRun.finish(&simulation)
            let order = results.workloads[0]
            #expect(order.arrived == order.served + order.rejected + order.failed + order.inFlight, "join \(join)")
            #expect(order.served > 8_000, "join \(join): \(order)")
            #expect(order.rejected + order.failed > 100, "join \(join): the outage and the queue lose requests")
            #expect(order.retries > 100, "join \(join)")
            // Every slot still held is a request under way: nothing leaked.
            let model = simulation.model
            let held = model.requests.liveSlots.filter { model.requests[$0].graphFate == .answered }
            #expect(held.allSatisfy { model.requests[$0].branches > 0 })
            #expect(model.requests.live < 200, "join \(join): \(model.requests.live) slots held at the end")
        }
    }

    /// The README's example under "Request graphs", as written there.
    static func readmeExample() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "### Request graphs"))
        let start = try #require(readme.range(of: "```yaml\n", range: section.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        return String(readme[start.upperBound..<end.lowerBound])
    }

    @Test("the README example runs: five stages, payment in Shanghai, inventory and coupon in parallel")
    func readmeExampleRuns() throws {
        let scenario = try Scenario.parse(try Self.readmeExample(), name: "example.yaml")
        #expect(
            scenario.spec.zones.map(\.zone.services) == [
                ["gateway", "inventory", "coupon"], ["gateway", "inventory", "coupon"], [],
            ]
        )
        let results = try ModelRun.run(scenario.spec, seed: 1)
        let order = results.workloads[0]
        let stages = try #require(order.stages)
        #expect(stages.map(\.name) == ["gateway", "cart", "inventory", "coupon", "payment"])
        #expect(order.served > 50_000 && order.rejected == 0 && order.failed == 0)
        // The chain gateway → cart → (slower branch) → payment plus the way back (a home
        // line's 8 ms access and more, about a fifth here) is the whole latency: the chain's
        // shares stay below 1, and inventory's and coupon's overlap.
        let chain = [0, 1, 4].map { stages[$0].shareOfLatency ?? 0 }.reduce(0, +)
        let branch = max(stages[2].shareOfLatency ?? 0, stages[3].shareOfLatency ?? 0)
        #expect(chain + branch < 1 && chain + branch > 0.6, "\(stages) \(order.latency.mean)")
        // Payment waits for the message to cross 130 km: its stage time exceeds its service.
        #expect(stages[4].meanStageSeconds > stages[4].meanServiceSeconds + 0.001)
    }
}
