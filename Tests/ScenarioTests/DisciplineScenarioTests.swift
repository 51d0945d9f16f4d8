import Foundation
import ShareModel
import SimCore
import Testing

@testable import Scenario

/// `discipline:` on zones, zone templates and regions, and `priority:` on workload classes.
@Suite("Scenario decoding: service disciplines")
struct DisciplineScenarioTests {
    /// The README's example under "Service disciplines", as written there.
    static func readmeExample() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "### Service disciplines"))
        let start = try #require(readme.range(of: "```yaml\n", range: section.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        return String(readme[start.upperBound..<end.lowerBound])
    }

    /// Two classes at one zone, with `zone` and `workload` text spliced into the zone and the
    /// first class.
    static func scenario(zone: String = "", region: String = "", workload: String = "") -> String {
        """
        duration: 1 min
        workloads:
          - {name: pay, kind: transaction, service: exp(10 ms)\(workload)}
          - {name: browse, kind: transaction, service: exp(10 ms)}
        regions:
          - name: r
            location: [30, 120]\(region)
            zones: [{name: r-a, servers: 2\(zone)}]
        populations:
          - name: users
            location: [30, 120]
            workloads: [{workload: pay, rate: 10/s}, {workload: browse, rate: 10/s}]
        """
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

    @Test("the README example parses, and preemptive priority gives checkout a lower p99 than FCFS")
    func readmeExampleActs() throws {
        let scenario = try Scenario.parse(try Self.readmeExample(), name: "example.yaml")
        let zone = try #require(scenario.spec.zones.first?.zone)
        #expect(zone.discipline == .preemptivePriority)
        #expect(scenario.spec.workloadClasses.map(\.priority) == [10, 0])
        #expect(scenario.spec.warnings.isEmpty)
        let fcfs = try scenario.applying(variant: "fcfs")
        #expect(fcfs.spec.zones.first?.zone.discipline == .fcfs)
        let shared = try scenario.applying(variant: "shared")
        #expect(shared.spec.zones.first?.zone.discipline == .processorSharing)
        let ranked = try ModelRun.run(scenario.spec, seed: 1)
        let plain = try ModelRun.run(fcfs.spec, seed: 1)
        let sharing = try ModelRun.run(shared.spec, seed: 1)
        func p99(_ results: ModelResults, _ name: String) throws -> Double {
            try #require(results.workloads.first { $0.name == name }).latency.p99
        }
        // Checkout (a quarter of the load) hardly waits when it preempts; under FCFS it waits
        // behind browsing at 90% utilisation.
        #expect(try p99(ranked, "checkout") * 2 < p99(plain, "checkout"))
        #expect(try p99(ranked, "browse") > p99(plain, "browse"))
        #expect(try p99(sharing, "checkout") != p99(plain, "checkout"))
    }

    @Test("a zone's discipline, a region's default for its zones, and a template's decode")
    func decodes() throws {
        let own = try Scenario.parse(Self.scenario(zone: ", discipline: processor-sharing"), name: "ok.yaml")
        #expect(own.spec.zones.map(\.zone.discipline) == [.processorSharing])
        let inherited = try Scenario.parse(
            Self.scenario(region: "\n    discipline: priority", workload: ", priority: 3"),
            name: "ok.yaml"
        )
        #expect(inherited.spec.zones.map(\.zone.discipline) == [.priority])
        #expect(inherited.spec.workloadClasses.map(\.priority) == [3, 0])
        let beaten = try Scenario.parse(
            Self.scenario(zone: ", discipline: fcfs", region: "\n    discipline: priority"),
            name: "ok.yaml"
        )
        #expect(beaten.spec.zones.map(\.zone.discipline) == [.fcfs])
        let template = Self.scenario().replacingOccurrences(
            of: "zones: [{name: r-a, servers: 2}]",
            with: "zones: {count: 2, servers: 2, discipline: preemptive-priority}"
        )
        let stamped = try Scenario.parse(template, name: "ok.yaml")
        #expect(stamped.spec.zones.map(\.zone.discipline) == [.preemptivePriority, .preemptivePriority])
        #expect(try Scenario.parse(Self.scenario(), name: "ok.yaml").spec.zones.map(\.zone.discipline) == [.fcfs])
    }

    @Test(
        "an unknown discipline or a bad priority is a located error with a suggestion",
        arguments: [
            (", discipline: priorty", "", "", "priorty", "did you mean 'priority'?"),
            ("", "\n    discipline: processor_sharing", "", "processor_sharing", "'processor-sharing'"),
            ("", "", ", priority: high", "high", "priority"),
            ("", "", ", priority: 2000000", "2000000", "at most 1000000"),
            (", disciplin: fcfs", "", "", "disciplin", "did you mean 'discipline'?"),
            (", discipline: ps", "", "", "ps}", "did you mean 'processor-sharing'?"),
            (", discipline: preemptive", "", "", "preemptive}", "did you mean 'preemptive-priority'?"),
        ]
    )
    func badInput(zone: String, region: String, workload: String, value: String, text: String) {
        let scenario = Self.scenario(zone: zone, region: region, workload: workload)
        let found = errors(scenario)
        #expect(found.count == 1, "\(found)")
        let lines = scenario.components(separatedBy: "\n")
        let line = lines.firstIndex { $0.contains(value) } ?? 0
        let column = lines[line].distance(
            from: lines[line].startIndex,
            to: lines[line].range(of: value)?.lowerBound ?? lines[line].startIndex
        )
        #expect(found.first?.hasPrefix("bad.yaml:\(line + 1):\(column + 1): error: ") == true, "\(found)")
        #expect(found.first?.contains(text) == true, "\(found)")
    }

    @Test("a priority no zone acts on is a warning; so is a priority zone whose classes are all equal")
    func priorityWarnings() throws {
        let unused = try Scenario.parse(Self.scenario(workload: ", priority: 2"), name: "ok.yaml")
        #expect(
            unused.spec.warnings == [
                "workload 'pay' has priority 2, but no zone has discipline priority or preemptive-priority: "
                    + "priorities have no effect"
            ]
        )
        let equal = try Scenario.parse(Self.scenario(zone: ", discipline: priority"), name: "ok.yaml")
        #expect(
            equal.spec.warnings == [
                "zone 'r-a' serves by priority, but every workload class has the same priority: it serves "
                    + "first come, first served"
            ]
        )
        let fine = try Scenario.parse(
            Self.scenario(zone: ", discipline: priority", workload: ", priority: 1"),
            name: "ok.yaml"
        )
        #expect(fine.spec.warnings.isEmpty)
    }
}
