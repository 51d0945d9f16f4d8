import Foundation
import ShareModel
import SimCore
import Testing

@testable import Scenario

/// `autoscaling:` on zones, zone templates and regions in scenario files.
@Suite("Scenario decoding: autoscaling")
struct AutoscalingScenarioTests {
    /// `fullScenario` with `zoneBlock` in zone hk-a and `regionBlock` in region sz.
    static func scenario(zone zoneBlock: String?, region regionBlock: String? = nil) -> String {
        var text = fullScenario
        if let zoneBlock {
            text = text.replacingOccurrences(
                of: "        queue: 1000\n",
                with: "        queue: 1000\n        autoscaling: \(zoneBlock)\n"
            )
        }
        if let regionBlock {
            text = text.replacingOccurrences(
                of: "    zones: {count: 2, servers: 5, cores: 4}\n",
                with: "    zones: {count: 2, servers: 5, cores: 4}\n    autoscaling: \(regionBlock)\n"
            )
        }
        return text
    }

    let fine =
        "{target_utilisation: 60%, min: 5, max: 20, step_out: 3, step_in: 2, cooldown: 2 min, startup: 90 s, period: 10 s}"

    @Test("a zone's own block and a region's (inherited by its zones) decode; defaults fill the rest")
    func decodes() throws {
        let text = Self.scenario(zone: fine, region: "{target_utilisation: 0.5, min: 2, max: 8}")
        let spec = try Scenario.parse(text, name: "ok.yaml").spec
        let zones = spec.zones.map(\.zone)
        let own = try #require(zones[0].autoscaling)
        #expect(own.targetUtilisation == 0.6 && own.minServers == 5 && own.maxServers == 20)
        #expect(own.stepOut == 3 && own.stepIn == 2)
        #expect(own.cooldown == .seconds(120) && own.startup == .seconds(90) && own.period == .seconds(10))
        #expect(zones[0].maxScaledCapacity == 20 * 8)
        for zone in zones[1...] {
            let inherited = try #require(zone.autoscaling)
            #expect(inherited.targetUtilisation == 0.5 && inherited.minServers == 2 && inherited.maxServers == 8)
            #expect(inherited.stepOut == 1 && inherited.stepIn == 1)
            #expect(
                inherited.cooldown == .seconds(300) && inherited.startup == .zero && inherited.period == .seconds(60)
            )
        }
        #expect(try Scenario.parse(fullScenario, name: "ok.yaml").spec.zones.allSatisfy { $0.zone.autoscaling == nil })
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

    /// `bad.yaml:line:column` of the first `value` after `after` on the line containing `after`.
    func position(of value: String, after: String, in text: String) -> String {
        let lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(after) }),
            let start = lines[index].range(of: after),
            let range = lines[index].range(of: value, range: start.upperBound..<lines[index].endIndex)
        else { return "not found" }
        return "bad.yaml:\(index + 1):\(lines[index].distance(from: lines[index].startIndex, to: range.lowerBound) + 1)"
    }

    @Test(
        "bad autoscaling values are errors at their place, naming the field",
        arguments: [
            ("min: 5, max: 4", "max: 4", "'autoscaling.max'"),
            ("min: 1, max: 4, period: 0 s", "0 s", "'autoscaling.period'"),
            ("min: 1, max: 4, step_out: 0", "0", "'autoscaling.step_out'"),
            ("min: 1, max: 4, step_in: 0", "0", "'autoscaling.step_in'"),
        ]
    )
    func badValues(fields: String, value: String, field: String) {
        let text = Self.scenario(zone: "{target_utilisation: 60%, \(fields)}")
        let found = errors(text)
        #expect(found.count == 1, "\(found)")
        let located = value.hasPrefix("max") ? "4" : value
        let after =
            value.hasPrefix("max")
            ? "max: " : fields.components(separatedBy: ", ").last!.components(separatedBy: ":")[0]
        #expect(found.first?.hasPrefix(position(of: located, after: after, in: text) + ": error:") == true, "\(found)")
        #expect(found.first?.contains(field) == true, "\(found)")
    }

    @Test("a target outside (0, 100%] and servers outside min..max are located errors")
    func badTargetAndServers() {
        for target in ["0%", "150%"] {
            let text = Self.scenario(zone: "{target_utilisation: \(target), min: 1, max: 40}")
            let found = errors(text)
            #expect(found.count == 1 && found[0].contains("target_utilisation"), "\(found)")
            #expect(
                found.first?.hasPrefix(position(of: target, after: "target_utilisation: ", in: text)) == true,
                "\(found)"
            )
        }
        // hk-a has 10 servers; a policy of 12 to 40 cannot start it.
        let text = Self.scenario(zone: "{target_utilisation: 60%, min: 12, max: 40}")
        let found = errors(text)
        #expect(found.count == 1 && found[0].contains("'servers'") && found[0].contains("min (12)"), "\(found)")
        #expect(found.first?.hasPrefix(position(of: "10", after: "servers: ", in: text)) == true, "\(found)")
    }
}
