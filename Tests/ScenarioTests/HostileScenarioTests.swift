import Foundation
import ShareModel
import Testing

@testable import Scenario

/// Scenario files built to make checking slow (a hundred thousand keys, thousands of
/// variants, a model too big to hold) cost work linear in their size, or stop at a limit.
@Suite("Hostile scenarios")
struct HostileScenarioTests {
    func errors(_ body: () throws -> Void) -> [Diagnostic] {
        do {
            try body()
            return []
        } catch let error as ScenarioError {
            return error.diagnostics
        } catch {
            return [.error("not a scenario error: \(error)", at: .startOf("?"))]
        }
    }

    @Test("20,000 unknown keys in one mapping: one error each, the first 20 with a suggestion, in linear time")
    func manyUnknownKeys() {
        // `regions0` … `regions99` are all close enough to `regions` to get a suggestion.
        let text = fullScenario + "\n" + (0..<20_000).map { "regions\($0): 1" }.joined(separator: "\n") + "\n"
        var found: [Diagnostic] = []
        let elapsed = LargeScenarioTests.cpuSeconds { found = errors { _ = try Scenario.parse(text, name: "k.yaml") } }
        #expect(found.count == 20_000)
        #expect(found.prefix(20).allSatisfy { $0.suggestion == "regions" })
        #expect(found.dropFirst(20).allSatisfy { $0.suggestion == nil })
        #expect(found[20].description == "k.yaml:127:1: error: unknown field 'regions20' in scenario")
        #expect(elapsed < 5, "took \(elapsed) CPU seconds")
    }

    /// `fullScenario` with `count` more variants, each setting the pool's devices.
    static func withVariants(_ count: Int) -> String {
        let variants = (0..<count).map { "  - name: v\($0)\n    set:\n      shared_pools.homes.devices: \($0 + 1)" }
        return fullScenario.replacingOccurrences(
            of: "variants:\n",
            with: "variants:\n" + variants.joined(separator: "\n") + "\n"
        )
    }

    @Test("variants are checked in time linear in their number: the variants are not decoded again for each one")
    func manyVariants() throws {
        let many = try Scenario.parse(Self.withVariants(600), name: "v.yaml")
        let few = try Scenario.parse(Self.withVariants(150), name: "v.yaml")
        #expect(many.variants.count == 601)
        var manyElapsed = Double.infinity
        var fewElapsed = Double.infinity
        for _ in 0..<2 {
            manyElapsed = min(manyElapsed, try LargeScenarioTests.cpuSeconds { try many.checkVariantsAndSweep() })
            fewElapsed = min(fewElapsed, try LargeScenarioTests.cpuSeconds { try few.checkVariantsAndSweep() })
        }
        // Four times the variants: four times the work when each decodes only the base
        // (247 nodes), about twelve times when each decoded every variant again.
        #expect(manyElapsed < 8 * fewElapsed, "600 variants: \(manyElapsed) s, 150: \(fewElapsed) s")
        let last = try many.applying(variant: "v599")
        #expect(last.spec.sharedPools.first?.pool.deviceCount == 600)
        #expect(last.variants.count == 601 && last.sweep?.values.count == 2)
    }

    @Test("checking more variants than the decoding budget allows is one error at 'variants'")
    func variantBudget() throws {
        var limits = ScenarioLimits.standard
        limits.checkedNodes = 500
        let scenario = try Scenario.parse(fullScenario, name: "b.yaml")
        let found = errors { try scenario.checkVariantsAndSweep(limits: limits) }
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "b.yaml", line: 99, column: 1))
        #expect(
            found.first?.message
                == "checking 1 variant and 2 sweep values would decode the scenario's 247 YAML nodes 3 times; at most "
                + "500 nodes in all may be checked: move some variants to files that extend this one"
        )
    }

    @Test("more zone service times than the limit (zones × workload classes) is one error, at the zone that crosses it")
    func serviceTimeLimit() {
        var limits = ScenarioLimits.standard
        limits.serviceTimes = 5
        let found = errors { _ = try Scenario.parse(fullScenario, name: "s.yaml", limits: limits) }
        // hk-a takes 3 (one per class); the template's two zones take 6 more.
        #expect(
            found.map { $0.description } == [
                "s.yaml:51:12: error: the zones hold more than 5 service times in all (one per zone and workload "
                    + "class); use fewer zones or workload classes"
            ]
        )
    }
}
