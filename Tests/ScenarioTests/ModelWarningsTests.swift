import Scenario
import ShareModel
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
        #expect(results.warnings?.count == 1)
        #expect(results.warnings?.first?.hasPrefix("zone 'r-a' was saturated: ") == true)
        let fine = try ModelRun.run(try Scenario.parse(Self.queue(rate: "1.5/s"), name: "q.yaml").spec, seed: 1)
        #expect(fine.warnings == nil)
        #expect(abs(fine.zones[0].utilisation - 0.75) < 0.05)
    }
}
