import Scenario
import ShareModel
import Testing

/// A user's own smallest scenario needs only what has no sensible default.
@Suite("Minimal scenarios")
struct MinimalScenarioTests {
    static let minimal = """
        duration: 10 min
        workloads:
          - {name: orders, kind: transaction, service: exp(50 ms)}
        regions:
          - {name: r, location: [30, 120], zones: [{name: r-a, servers: 4}]}
        populations:
          - {name: users, location: [30, 120], workloads: [{workload: orders, rate: 20/s}]}
        """

    @Test("name, description and sources default to the file's name, nothing and none")
    func defaults() throws {
        let scenario = try Scenario.parse(Self.minimal, name: "my/mini-queue.yaml")
        #expect(scenario.name == "mini-queue")
        #expect(scenario.description.isEmpty)
        #expect(scenario.sources.isEmpty)
        #expect(scenario.spec.zones.count == 1)
    }

    @Test("a name that is given wins, and a bad one is still an error at its place")
    func givenName() throws {
        #expect(try Scenario.parse("name: q\n" + Self.minimal, name: "x.yaml").name == "q")
        do {
            _ = try Scenario.parse("name: ' q'\n" + Self.minimal, name: "x.yaml")
            Issue.record("a name with a leading space was accepted")
        } catch {
            #expect(error.diagnostics.map(\.description).first?.hasPrefix("x.yaml:1:7: error: invalid 'name'") == true)
        }
    }

    @Test("duration, workloads and populations have no default and are still required")
    func required() throws {
        do {
            _ = try Scenario.parse("workloads: []\n", name: "e.yaml")
            Issue.record("a scenario without a duration was accepted")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.contains("missing required field 'duration'") })
            #expect(!messages.contains { $0.contains("'sources'") || $0.contains("'name'") })
        }
    }
}
