import Foundation
import ShareModel
import SimCore
import Testing

@testable import Scenario

/// `health_check`, `failure_groups`, `group:` failures and `slowdown:` in scenario files.
@Suite("Scenario decoding: failure detection, groups and gray failures")
struct DetectionScenarioTests {
    /// `fullScenario` with `extra` appended to the top level and `failures` (replacing its own).
    static func scenario(extra: String, failures: String? = nil) -> String {
        var text = fullScenario.replacingOccurrences(of: "    cost:\n      credit: 0.01 USD\n", with: "")
        if let failures {
            text = text.replacingOccurrences(
                of:
                    "failures:\n  - zone: hk-a\n    at: 4 min\n    for: 1 min\n  - edge_site: hk-edge\n    mtbf: 10 h\n    mttr: 10 min\n",
                with: failures
            )
        }
        return text + "\n" + extra + "\n"
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

    /// `bad.yaml:line:column` of `value` on the first line of `text` that contains it.
    func position(of value: String, in text: String, skipping: Int = 0) -> String {
        let lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(value) }), let range = lines[index].range(of: value)
        else { return "not found" }
        let column = lines[index].distance(from: lines[index].startIndex, to: range.lowerBound) + 1 + skipping
        return "bad.yaml:\(index + 1):\(column)"
    }

    @Test("health_check at the top, on a region, a zone and an edge site; groups and slowdowns decode")
    func decodes() throws {
        let text = Self.scenario(
            extra: """
                health_check: {interval: 3 s, timeout: 1 s, unhealthy_after: 2, healthy_after: 4}
                failure_groups:
                  - name: power-1
                    zones: [hk-a, sz-b]
                """,
            failures: """
                failures:
                  - group: power-1
                    at: 2 min
                    for: 1 min
                  - region: sz
                    at: 5 min
                    for: 30 s
                    slowdown: 5

                """
        )
        .replacingOccurrences(
            of: "    egress: 10 Gbps\n",
            with: "    egress: 10 Gbps\n    health_check: {interval: 10 s}\n"
        )
        .replacingOccurrences(
            of: "        queue: 1000\n",
            with: "        queue: 1000\n        health_check: {unhealthy_after: 5}\n"
        )
        .replacingOccurrences(of: "    nodes: 12\n", with: "    nodes: 12\n    health_check: {timeout: 500 ms}\n")
        let spec = try Scenario.parse(text, name: "ok.yaml").spec
        let top = try #require(spec.healthCheck)
        #expect(top.interval == .seconds(3) && top.timeout == .seconds(1))
        #expect(top.unhealthyAfter == 2 && top.healthyAfter == 4)
        #expect(spec.healthCheckOverrides.map(\.target) == [.region("hk"), .zone("hk-a"), .edgeSite("hk-edge")])
        // An override's unwritten fields take the defaults, not the scenario's.
        #expect(spec.healthCheckOverrides[0].check.interval == .seconds(10))
        #expect(spec.healthCheckOverrides[0].check.timeout == .seconds(2))
        #expect(spec.healthCheckOverrides[1].check.unhealthyAfter == 5)
        #expect(spec.healthCheckOverrides[2].check.timeout == .milliseconds(500))
        #expect(spec.failureGroups == [try FailureGroupSpec(name: "power-1", zones: ["hk-a", "sz-b"])])
        #expect(spec.outages.map(\.target) == [.group("power-1")])
        #expect(spec.slowdowns.count == 1 && spec.slowdowns[0].factor == 5 && spec.slowdowns[0].target == .region("sz"))
        #expect(spec.slowdowns[0].start == SimTime(.seconds(300)) && spec.slowdowns[0].end == SimTime(.seconds(330)))
    }

    @Test("Bad health-check values are errors at their place")
    func badHealthCheck() {
        for (bad, message) in [
            ("interval: 0 s", "'interval'"), ("timeout: 0 ms", "'timeout'"),
            ("unhealthy_after: 0", "'unhealthy_after'"),
            ("healthy_after: 0", "'healthy_after'"),
        ] {
            let text = Self.scenario(extra: "health_check: {\(bad)}")
            let found = errors(text)
            #expect(found.count == 1, "\(found)")
            let value = String(bad.split(separator: " ", maxSplits: 1)[1])
            #expect(found.first?.hasPrefix(position(of: value + "}", in: text) + ": error:") == true, "\(found)")
            #expect(found.first?.contains(message) == true, "\(found)")
        }
    }

    @Test("Unknown groups and zones, empty groups and bad slowdowns are errors at their place")
    func badGroupsAndSlowdowns() {
        let unknownZone = Self.scenario(extra: "failure_groups:\n  - name: p\n    zones: [hk-a, hk-q]")
        let zoneErrors = errors(unknownZone)
        #expect(zoneErrors.count == 1, "\(zoneErrors)")
        #expect(
            zoneErrors.first?.hasPrefix(position(of: "hk-q", in: unknownZone) + ": error:") == true,
            "\(zoneErrors)"
        )
        #expect(zoneErrors.first?.contains("unknown zone 'hk-q'; did you mean 'hk-a'?") == true, "\(zoneErrors)")

        let unknownGroup = Self.scenario(
            extra: "failure_groups:\n  - name: power-1\n    zones: [hk-a]",
            failures: "failures:\n  - group: power-2\n    at: 1 min\n    for: 1 min\n"
        )
        let groupErrors = errors(unknownGroup)
        #expect(groupErrors.count == 1, "\(groupErrors)")
        #expect(groupErrors.first?.hasPrefix(position(of: "power-2", in: unknownGroup) + ": error:") == true)
        #expect(
            groupErrors.first?.contains("unknown group 'power-2'; did you mean 'power-1'?") == true,
            "\(groupErrors)"
        )

        let empty = errors(Self.scenario(extra: "failure_groups:\n  - name: p\n    zones: []"))
        #expect(empty.count == 1 && empty.first?.contains("'zones'") == true, "\(empty)")

        for (slowdown, message) in [
            ("slowdown: 0", "must be greater than 0"), ("slowdown: -2", "must be greater than 0"),
        ] {
            let text = Self.scenario(
                extra: "",
                failures: "failures:\n  - zone: hk-a\n    at: 1 min\n    for: 1 min\n    \(slowdown)\n"
            )
            let found = errors(text)
            #expect(found.count == 1, "\(found)")
            let value = String(slowdown.dropFirst("slowdown: ".count))
            #expect(
                found.first?.hasPrefix(position(of: "slowdown: " + value, in: text, skipping: 10) + ": error:") == true
            )
            #expect(found.first?.contains(message) == true, "\(found)")
        }
        let edgeSlow = Self.scenario(
            extra: "",
            failures: "failures:\n  - edge_site: hk-edge\n    at: 1 min\n    for: 1 min\n    slowdown: 3\n"
        )
        let edgeErrors = errors(edgeSlow)
        #expect(edgeErrors.count == 1, "\(edgeErrors)")
        #expect(edgeErrors.first?.contains("a slowdown applies to a zone, a region or a failure group") == true)
        let randomSlow = errors(
            Self.scenario(
                extra: "",
                failures: "failures:\n  - zone: hk-a\n    mtbf: 1 h\n    mttr: 1 min\n    slowdown: 3\n"
            )
        )
        #expect(randomSlow.contains { $0.contains("a slowdown needs 'at' and 'for'") }, "\(randomSlow)")
    }
}
