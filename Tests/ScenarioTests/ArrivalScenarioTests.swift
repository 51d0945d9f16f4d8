import Foundation
import ShareModel
import SimCore
import Testing

@testable import Scenario

/// `arrivals:` on a population's workload: the README's example decodes and runs as the
/// README says, and bad processes are located errors at their value.
@Suite("Scenario decoding: arrival processes")
struct ArrivalScenarioTests {
    /// The README's `arrivals-demo` block, as written.
    static func readmeExample() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```yaml\nname: arrivals-demo\n"))
        let end = try #require(readme.range(of: "\n```\n", range: start.upperBound..<readme.endIndex))
        return String(readme[readme.index(start.lowerBound, offsetBy: "```yaml\n".count)..<end.lowerBound]) + "\n"
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

    @Test("the README's example decodes to the processes it names and runs as the README says")
    func readmeExampleRuns() throws {
        let scenario = try Scenario.parse(try Self.readmeExample(), name: "arrivals-demo.yaml")
        let demands = try #require(scenario.spec.populations.first?.demands)
        #expect(
            demands.map(\.arrivals) == [
                .deterministic, .batch(.geometric(mean: 4)),
                .onOff(OnOffModulation(meanOn: .seconds(2), meanOff: .seconds(8), offLevel: 0.1)), .poisson,
                .burst(count: 2_000, at: SimTime(.seconds(60))),
            ]
        )
        #expect(demands[4].rate.maxRate == 0)
        let results = try ModelRun.run(scenario.spec, seed: scenario.seed)
        let arrivals = try #require(results.arrivals)
        #expect(
            arrivals.map(\.process) == [
                "deterministic", "batch (geometric, mean 4)", "on-off (on 2 s, off 8 s, off level 0.1)", "poisson",
                "burst (2000 at 1 min)",
            ]
        )
        // Exactly rate × measured span for the deterministic demand, exactly the burst.
        #expect(arrivals[0].arrived == 12_000)
        #expect(arrivals[4].arrived == 2_000)
        #expect(results.workloads.map(\.arrived) == arrivals.map(\.arrived))
    }

    @Test("bad arrival processes: one located error each, at the value, naming the field")
    func badProcesses() throws {
        let example = try Self.readmeExample()
        // (text to replace, replacement, the line's text after it, key whose value is at fault, message)
        let cases: [(String, String, String, String, String)] = [
            (
                "arrivals: deterministic}", "arrivals: determinstic}", "arrivals: determinstic", "arrivals",
                "did you mean 'deterministic'?"
            ),
            (
                "batch_size: geometric(4)", "batch_size: 0", "batch_size: 0", "batch_size",
                "invalid 'workloads[1].arrivals.batch_size' in population 'shoppers': must be at least 1, got 0"
            ),
            (
                "batch_size: geometric(4)", "batch_size: geometric(0.5)", "batch_size: geometric(0.5)", "batch_size",
                "invalid 'workloads[1].arrivals.batch_size' in population 'shoppers': must be at least a mean of 1"
            ),
            (
                "mean_on: 2 s, mean_off: 8 s", "mean_on: -2 s, mean_off: 8 s", "mean_on: -2 s", "mean_on",
                "invalid 'mean_on' in 'arrivals' in workload 3 of 'workloads' in population 'shoppers'"
            ),
            (
                "mean_on: 2 s, mean_off: 8 s", "mean_on: 2 s, mean_off: 0 s", "mean_off: 0 s", "mean_off",
                "invalid 'workloads[2].arrivals.mean_off' in population 'shoppers': must be greater than 0"
            ),
            (
                "off_level: 10%", "off_level: 150%", "off_level: 150%", "off_level",
                "invalid 'off_level' in 'arrivals' in workload 3"
            ),
            (
                "batch_size: geometric(4)}", "batch_size: geometric(4), mean_on: 2 s}", "mean_on: 2 s}", "mean_on",
                "'mean_on' belongs to on-off arrivals, not batch"
            ),
            (
                "{workload: flash, arrivals:", "{workload: flash, rate: 5/s, arrivals:", "rate: 5/s", "rate",
                "'rate' has no meaning for burst arrivals"
            ),
            (
                "count: 2000", "count: 0", "count: 0", "count",
                "invalid 'workloads[4].arrivals.count' in population 'shoppers': must be at least 1, got 0"
            ),
            (
                "arrivals: deterministic}", "arrivals: batch}", "arrivals: batch", "arrivals",
                "'batch' arrivals in workload 1 of 'workloads' in population 'shoppers' need 'batch_size'"
            ),
        ]
        for (old, new, line, key, message) in cases {
            #expect(example.contains(old), "\(old)")
            let text = example.replacingOccurrences(of: old, with: new)
            let found = errors(text)
            #expect(found.count == 1, "\(new): \(found)")
            let expected = SpecErrorMappingTests().position(of: line, key: key, in: text)
            #expect(found.first?.hasPrefix("\(expected): error:") == true, "\(new): \(found) at \(expected)")
            #expect(found.first?.contains(message) == true, "\(new): \(found)")
        }
    }

    @Test("a variant switches a demand's process by path; a bad one is refused at its line")
    func variantSwitchesProcess() throws {
        let text =
            try Self.readmeExample() + """
                variants:
                  - name: all-poisson
                    set: {populations.shoppers.workloads.1.arrivals: poisson}
                  - name: bigger-batches
                    set: {populations.shoppers.workloads.1.arrivals.batch_size: 16}
                  - name: broken
                    set: {populations.shoppers.workloads.1.arrivals.batch_size: 0}

                """
        let scenario = try Scenario.parse(text, name: "v.yaml")
        #expect(try scenario.applying(variant: "all-poisson").spec.populations[0].demands[1].arrivals == .poisson)
        #expect(
            try scenario.applying(variant: "bigger-batches").spec.populations[0].demands[1].arrivals
                == .batch(.fixed(16))
        )
        #expect(throws: ScenarioError.self) { try scenario.applying(variant: "broken") }
    }

    @Test("a scenario without arrivals decodes every demand as Poisson")
    func defaultPoisson() throws {
        let text = try Self.readmeExample()
        let scenario = try Scenario.parse(
            text.replacingOccurrences(of: ", arrivals: deterministic", with: ""),
            name: "p.yaml"
        )
        #expect(scenario.spec.populations.first?.demands.first?.arrivals == .poisson)
    }
}
