import Foundation
import ShareModel
import Testing

@testable import Scenario

/// Model errors (``SpecError``) reported at the YAML key they name, once per bad value.
@Suite("Scenario decoding: model errors at their YAML key")
struct SpecErrorMappingTests {
    /// The diagnostics of `text`, or none when it decodes.
    func errors(_ text: String) -> [String] {
        do {
            _ = try Scenario.parse(text, name: "bad.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// `bad.yaml:line:column` of the value after `key` on the first line of `text` that contains `line`.
    func position(of line: String, key: String, in text: String) -> String {
        let lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(line) }),
            let keyRange = lines[index].range(of: key + ": ")
        else { return "not found" }
        let column = lines[index].distance(from: lines[index].startIndex, to: keyRange.upperBound) + 1
        return "bad.yaml:\(index + 1):\(column)"
    }

    @Test("cores: 0 gives one error naming the key, the zone, and the value's line and column")
    func zeroCores() {
        let text = fullScenario.replacingOccurrences(of: "cores: 8", with: "cores: 0")
        let found = errors(text)
        #expect(found.count == 1, "\(found)")
        let expected = position(of: "cores: 0", key: "cores", in: text)
        #expect(found.first?.hasPrefix("\(expected): error:") == true, "\(found) at \(expected)")
        #expect(found.first?.contains("invalid 'cores' in zone 'hk-a': must be at least 1, got 0") == true, "\(found)")
    }

    @Test("a zero online session gives one error naming 'online' and the shared pool")
    func badOnline() {
        let text = fullScenario.replacingOccurrences(of: "online: weibull(0.6, 3 h)", with: "online: 0 s")
        let found = errors(text)
        #expect(found.count == 1, "\(found)")
        let expected = position(of: "online: 0 s", key: "online", in: text)
        #expect(found.first?.hasPrefix("\(expected): error:") == true, "\(found) at \(expected)")
        #expect(found.first?.contains("invalid 'online' in shared pool 'homes'") == true, "\(found)")
    }

    @Test("a bad value in a zone template is reported once, not once per stamped zone")
    func templateOnce() {
        let text = fullScenario.replacingOccurrences(
            of: "zones: {count: 2, servers: 5, cores: 4}",
            with: "zones: {count: 2, servers: 0, cores: 4}"
        )
        let found = errors(text)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.contains("invalid 'servers' in zone 'sz-a'") == true, "\(found)")
        let expected = position(of: "count: 2, servers: 0", key: "servers", in: text)
        #expect(found.first?.hasPrefix("\(expected): error:") == true, "\(found) at \(expected)")
    }

    @Test("limits checked only by the model still reach the right key: probes, max_uploads, attempts")
    func modelLimits() {
        let probes = errors(fullScenario.replacingOccurrences(of: "probes: 4", with: "probes: 0"))
        #expect(probes.count == 1, "\(probes)")
        #expect(
            probes.first?.contains("invalid 'probes' in shared pool 'homes': must be at least 1, got 0") == true,
            "\(probes)"
        )
        let retry = errors(fullScenario.replacingOccurrences(of: "attempts: 3", with: "attempts: 101"))
        #expect(retry.count == 1, "\(retry)")
        #expect(retry.first?.contains("invalid 'attempts' in retry: must be at most 100, got 101") == true, "\(retry)")
    }

    @Test("two bad values in two elements give two errors, each at its key")
    func twoElements() {
        let text =
            fullScenario
            .replacingOccurrences(of: "nodes: 12", with: "nodes: 0")
            .replacingOccurrences(of: "probes: 4", with: "probes: 0")
        let found = errors(text)
        #expect(found.count == 2, "\(found)")
        let nodes = position(of: "nodes: 0", key: "nodes", in: text)
        let probes = position(of: "probes: 0", key: "probes", in: text)
        #expect(found.contains { $0.hasPrefix("\(nodes): error:") && $0.contains("edge site 'hk-edge'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("\(probes): error:") && $0.contains("shared pool 'homes'") }, "\(found)")
    }

    @Test("a bad cross-reference gets a did-you-mean")
    func crossReferenceSuggestion() {
        let found = errors(
            fullScenario.replacingOccurrences(of: "region: hk\n    origin", with: "region: hx\n    origin")
        )
        #expect(found.count == 1, "\(found)")
        #expect(
            found.first?.contains("unknown region 'hx'") == true && found.first?.contains("did you mean 'hk'?") == true
        )
    }
}
