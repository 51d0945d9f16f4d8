import Foundation
import ShareModel
import SimCore
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

/// One bad value, one error: no follow-on errors from elements that failed to read, and
/// every field named by its scenario key.
@Suite("Scenario decoding: one error per cause")
struct OneErrorPerCauseTests {
    func errors(_ text: String) -> [String] {
        do {
            _ = try Scenario.parse(text, name: "bad.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// Whether `text` has a word like `coresPerServer`: two lower-case letters, then an
    /// upper-case one (units such as `kB` and `MiB` do not count).
    static func hasCamelCase(_ text: String) -> Bool {
        text.split { !$0.isLetter }.contains { word in
            let letters = Array(word)
            return letters.indices.dropFirst(2).contains {
                letters[$0].isUppercase && letters[$0 - 1].isLowercase && letters[$0 - 2].isLowercase
            }
        }
    }

    @Test("the camel-case detector finds Swift names and not units")
    func camelCaseDetector() {
        #expect(Self.hasCamelCase("invalid 'coresPerServer' in zone"))
        #expect(Self.hasCamelCase("standardDeviation must be"))
        #expect(!Self.hasCamelCase("such as '2 TB' or '512 MiB', '583k/s', 'kB/s', 'Mbps'"))
    }

    /// `fullScenario` with the first `old` replaced by `new`.
    func with(_ old: String, _ new: String) -> String {
        guard let range = fullScenario.range(of: old) else { return "not found: \(old)" }
        return fullScenario.replacingCharacters(in: range, with: new)
    }

    @Test("a workload's service time with an infinite mean is one error at the workload, not one per zone")
    func infiniteServiceMean() {
        let found = errors(with("service: exp(20 ms)", "service: lognormal(20 ms, 1e10)"))
        #expect(
            found == [
                "bad.yaml:23:14: error: invalid 'service' in workload 'orders': must have a finite, non-negative "
                    + "mean in seconds, got inf"
            ]
        )
        let compute = errors(with("cpu: exp(30 s)", "cpu: lognormal(20 s, 1e10)"))
        #expect(
            compute == [
                "bad.yaml:34:10: error: invalid 'cpu' in workload 'render': must have a finite, non-negative mean in "
                    + "seconds, got inf"
            ]
        )
        let zone = errors(with("orders: exp(10 ms)", "orders: lognormal(20 ms, 1e10)"))
        #expect(
            zone == [
                "bad.yaml:48:19: error: invalid 'service.orders' in zone 'hk-a': must have a finite, non-negative "
                    + "mean in seconds, got inf"
            ]
        )
    }

    @Test("a workload that fails to read is not reported again by the zone that overrides its service time")
    func failedWorkloadNotReportedAgain() {
        #expect(
            errors(with("service: exp(20 ms)", "service: exp(0 ms)")) == [
                "bad.yaml:23:14: error: invalid 'service' in workload 'orders': invalid distribution: mean must be "
                    + "positive and finite, got 0"
            ]
        )
    }

    @Test("the only population failing to read does not also make the list 'empty'")
    func onlyPopulationFails() {
        let found = errors(with("clients: mobile", "clients: robots"))
        #expect(
            found == [
                "bad.yaml:76:14: error: invalid 'clients' in population 'city': expected one of 'home', 'mobile', "
                    + "'enterprise', got 'robots'"
            ]
        )
    }

    @Test("a rate times a diurnal factor that overflows is reported at that factor, by its scenario key")
    func diurnalOverflow() {
        let text = with(
            "rate: 50/s",
            "rate: 1G/s\n        diurnal: [1, 1e300, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"
        )
        #expect(
            errors(text) == [
                "bad.yaml:81:22: error: invalid 'diurnal[1]' in workload 1 of 'workloads' in population 'city': "
                    + "'rate' times this factor must be zero or more and finite, got inf"
            ]
        )
    }

    @Test("transaction payloads: sizes decode; a zero or negative size, or a size on a stream, is one located error")
    func payloadSizes() throws {
        let good = with(
            "service: exp(20 ms)\n    slo: 200 ms",
            "service: exp(20 ms)\n    slo: 200 ms\n    request_size: lognormal(2 MB, 0.5)\n"
                + "    response_size: 200 KB"
        )
        .replacingOccurrences(of: "egress: 10 Gbps", with: "egress: 10 Gbps\n    ingress: 1 Gbps")
        let scenario = try Scenario.parse(good, name: "good.yaml")
        let orders = try #require(scenario.spec.workloadClasses.first { $0.name == "orders" })
        // lognormal(median, sigma): mean = median × e^(sigma² / 2).
        let mean = try #require(orders.requestBytes?.mean)
        #expect(abs(mean - 2e6 * exp(0.125)) < 1e-6)
        #expect(orders.responseBytes?.mean == 200e3)
        #expect(scenario.spec.regions.first?.ingressBitsPerSecond == 1e9)
        #expect(scenario.spec.workloadClasses.first { $0.name == "video" }?.hasPayload == false)
        let cases = [
            (
                "slo: 200 ms", "slo: 200 ms\n    request_size: 0 MB", "request_size",
                "invalid 'request_size' in workload 'orders': must have a positive finite mean, got 0.0 bytes"
            ),
            (
                "slo: 200 ms", "slo: 200 ms\n    response_size: normal(-2 MB, 1 KB)", "response_size",
                "invalid 'response_size' in workload 'orders'"
            ),
            (
                "bitrate: 4 Mbps", "bitrate: 4 Mbps\n    request_size: 1 MB", "request_size",
                "invalid 'request_size' in workload 'video': applies to transaction workloads only, not to a stream"
            ),
        ]
        for (old, new, key, message) in cases {
            let text = with(old, new)
            let found = errors(text)
            #expect(found.count == 1, "\(new): \(found)")
            let line = new.components(separatedBy: "\n").last ?? new
            let expected = SpecErrorMappingTests().position(
                of: line.trimmingCharacters(in: .whitespaces),
                key: key,
                in: text
            )
            #expect(found.first?.hasPrefix("\(expected): error:") == true, "\(found) at \(expected)")
            #expect(found.first?.contains(message) == true, "\(found)")
        }
    }

    @Test("bad values across the format each give exactly one error, with no Swift property name in it")
    func noInternalNames() {
        let cases = [
            ("cpu: 4", "cpu: normal(4, -1)"), ("cores: 8", "cores: 0"), ("online: weibull(0.6, 3 h)", "online: 0 s"),
            ("offline: exp(2 h)", "offline: 0 s"), ("nat: 30%", "nat: 130%"), ("probes: 4", "probes: 0"),
            ("servers: 10", "servers: 0"), ("uplink: 40 Gbps", "uplink: 0 Gbps"), ("nodes: 12", "nodes: 0"),
            ("catalogue: 10k", "catalogue: 0"), ("zipf: 0.9", "zipf: -1"), ("attempts: 3", "attempts: 0"),
            ("devices: 3k", "devices: many"), ("credits_per_gb: 1.5", "credits_per_gb: -1"),
            ("storage: 1 TB", "storage: normal(1 TB, -1 TB)"),
            ("object_size: lognormal(20 MB, 0.5)", "object_size: 0 MB"),
        ]
        for (old, new) in cases {
            let found = errors(with(old, new))
            #expect(found.count == 1, "\(new): \(found)")
            #expect(!Self.hasCamelCase(found.first ?? ""), "\(new): \(found)")
        }
    }
}
