import Scenario
import ShareModel
import SimCore
import Testing

/// Nothing hidden: what cannot act inside the run, and zones run past their capacity, are
/// said in the results.
@Suite("Model warnings")
struct ModelWarningsTests {
    /// An M/M/2 zone (mean service 1 s) at `rate` requests per second, with `failures`.
    static func queue(rate: String, failures: String = "") -> String {
        """
        duration: 30 min
        warmup: 2 min
        workloads:
          - {name: orders, kind: transaction, service: exp(1 s)}
        regions:
          - {name: r, location: [30, 120], zones: [{name: r-a, servers: 2, queue: 100000}]}
        populations:
          - {name: users, location: [30, 120], workloads: [{workload: orders, rate: \(rate)}]}
        """ + failures
    }

    @Test("outages after the end, before measuring and cut off by the end are each named")
    func outagesOutsideTheRun() throws {
        let failures = """

            failures:
              - {zone: r-a, at: 1 h, for: 12 min}
              - {zone: r-a, at: 10 s, for: 20 s}
              - {zone: r-a, at: 30 min, for: 10 min}
              - {zone: r-a, at: 20 min, for: 10 s}
            """
        let scenario = try Scenario.parse(Self.queue(rate: "1/s", failures: failures), name: "q.yaml")
        #expect(
            scenario.spec.warnings == [
                "the outage of zone r-a from 1 h to 1.2 h starts after the run ends at 32 min: it has no effect",
                "the outage of zone r-a from 10 s to 30 s ends before measuring starts at 2 min: no figure shows it",
                "the outage of zone r-a from 30 min to 40 min is cut off by the run's end at 32 min",
            ]
        )
    }

    @Test("a zone offered more than its capacity is called saturated; one at 75% is not")
    func saturatedZone() throws {
        let overloaded = try Scenario.parse(Self.queue(rate: "2.2/s"), name: "q.yaml")
        let results = try ModelRun.run(overloaded.spec, seed: 1)
        let zone = try #require(results.zones.first)
        #expect(zone.utilisation >= 0.98)
        // About 0.2/s × 30 min = 360 requests pile up: more than 1% of about 4,000 unfinished.
        #expect(results.warnings?.count == 2)
        #expect(results.warnings?.first?.hasPrefix("workload 'orders': ") == true)
        #expect(results.warnings?.last?.hasPrefix("zone 'r-a' was saturated: ") == true)
        let fine = try ModelRun.run(try Scenario.parse(Self.queue(rate: "1.5/s"), name: "q.yaml").spec, seed: 1)
        #expect(fine.warnings == nil)
        #expect(abs(fine.zones[0].utilisation - 0.75) < 0.05)
    }

    @Test("a class with more than 1% of its requests unfinished at the end is named, with exact counts")
    func unfinishedRequests() throws {
        // Constant 10 s service on ample cores: the requests of the last 10 s (plus the round
        // trip) are still in service at the end, about 5/s × 10 s = 50 of about 3,000 (1.7%).
        func scenario(service: String) -> String {
            """
            duration: 10 min
            warmup: 0 s
            workloads:
              - {name: orders, kind: transaction, service: \(service)}
            regions:
              - {name: r, location: [30, 120], zones: [{name: r-a, servers: 100, cores: 10}]}
            populations:
              - {name: users, location: [30, 120], workloads: [{workload: orders, rate: 5/s}]}
            """
        }
        let slow = try ModelRun.run(try Scenario.parse(scenario(service: "10 s"), name: "q.yaml").spec, seed: 3)
        let orders = try #require(slow.workloads.first)
        #expect(orders.inFlight == orders.arrived - orders.served - orders.rejected - orders.failed)
        // 50 expected, Poisson: within 4 standard deviations (about 28).
        #expect(abs(Double(orders.inFlight) - 50) < 4 * 50.0.squareRoot(), "in flight: \(orders.inFlight)")
        let percent = try #require(
            FixedDecimal.text(Double(orders.inFlight) / Double(orders.arrived) * 100, decimals: 1)
        )
        #expect(
            slow.warnings == [
                "workload 'orders': \(orders.inFlight) of \(orders.arrived) requests (\(percent)%) were still in "
                    + "flight when the run ended (unfinished, counted against success); its latency figures cover "
                    + "only the requests that ended, so they understate the overload"
            ]
        )
        // Success is served over arrived: the unfinished requests count against it.
        #expect(orders.rejected == 0 && orders.failed == 0)
        #expect(orders.successRatio == Double(orders.served) / Double(orders.arrived))
        #expect(try #require(orders.successRatio) < 1 - 0.01)
        // At 1 s, about 5 of 3,000 are left at the end: no warning.
        let fast = try ModelRun.run(try Scenario.parse(scenario(service: "1 s"), name: "q.yaml").spec, seed: 3)
        #expect(fast.warnings == nil)
        #expect(fast.workloads[0].inFlight > 0 && fast.workloads[0].inFlight < 20)
    }
}
