import Foundation
import SimCore
import Testing

@testable import Scenario
@testable import ShareModel

/// `links:` and `paths:` in scenario files: the README example runs as described, failures
/// may name drawn links, and bad input is a located error with a suggestion.
@Suite("Scenario decoding: links and paths")
struct LinkScenarioTests {
    /// The README's example under "`links[]` and `paths[]`", as written there.
    static func readmeExample() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "### `links[]` and `paths[]`"))
        let start = try #require(readme.range(of: "```yaml\n", range: section.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        return String(readme[start.upperBound..<end.lowerBound])
    }

    /// One region, one population, a trunk and a path over it.
    static let base = """
        duration: 1 min
        workloads:
          - {name: files, kind: download, catalogue: 100, object_size: 1 MB}
        regions:
          - name: hz
            location: [30.27, 120.15]
            zones: [{name: hz-a, servers: 2}]
        populations:
          - name: users
            location: [31.23, 121.47]
            workloads: [{workload: files, rate: 1/s}]
        links:
          - {name: trunk, capacity: 10 Gbps, latency: 2 ms}
        paths:
          - {from: users, to: hz, via: [trunk]}
        """

    @Test(
        "the README example: each drawn link carries its region's egress bytes and what is in flight at the end; the cut fails transfers"
    )
    func readmeExampleRuns() throws {
        var scenario = try Scenario.parse(try Self.readmeExample(), name: "example.yaml")
        #expect(scenario.spec.links.map(\.name) == ["hz-sh", "sh-bj", "sz-hk"])
        #expect(scenario.spec.paths.count == 3)
        scenario.spec.duration = .seconds(180)
        var simulation = try ModelRun.prepare(scenario.spec, seed: 1)
        let end = SimTime(.seconds(180))
        ModelRun.advance(&simulation, until: end)
        let network = simulation.model.network
        let inFlight = simulation.model.drawnLinks.map { link in
            network.flows(on: link).reduce(0.0) { $0 + network.deliveredBytes(of: $1, at: end) }
        }
        let results = try ModelRun.finish(&simulation)
        let links = try #require(results.links)
        // Shanghai and Beijing are served only in Hangzhou, both over hz-sh; Shenzhen's
        // nearest region is Hong Kong (3 ms over sz-hk beats ~1,100 km to Hangzhou). A link
        // counts bytes as they cross it: the answers that completed, plus what the answers
        // still in flight at the end had delivered.
        for (link, region) in [(0, 0), (2, 1)] {
            let expected = results.regions[region].egressBytes + inFlight[link]
            #expect(results.regions[region].egressBytes > 0)
            #expect(abs(links[link].bytes - expected) <= 1e-9 * expected, "\(links[link].name)")
        }
        #expect(links[1].bytes > 0 && links[1].bytes < links[0].bytes)
        // sh-bj's latency is the great-circle distance over fibre: about 1,070 km × 1.5 / 200,000 km/s.
        #expect(abs(links[1].latencySeconds - 0.008) < 0.0005, "\(links[1].latencySeconds)")
        #expect(results.workloads[0].failed == 0)
        var cut = try scenario.applying(variant: "trunk-cut")
        cut.spec.duration = .seconds(180)
        let failed = try ModelRun.run(cut.spec, seed: 1)
        #expect(abs((failed.links?[0].downSeconds ?? 0) - 60) < 1e-9)
        #expect(failed.workloads[0].failed > 0)
        #expect(failed.links?[2].bytes == links[2].bytes, "Hong Kong's traffic does not cross the cut trunk")
    }

    @Test("a failure may name a drawn link and an unlimited built-in link; ingress is a link name too")
    func failuresNameAnyLink() throws {
        for link in ["trunk", "hz.egress", "hz.ingress", "users.access"] {
            let text = Self.base + "\nfailures: [{link: \(link), at: 10 s, for: 5 s}]\n"
            let scenario = try Scenario.parse(text, name: "ok.yaml")
            #expect(scenario.spec.outages.map(\.target) == [.link(link)])
        }
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

    @Test(
        "bad links and paths are located errors with suggestions",
        arguments: [
            ("via: [trunk]", "via: [trunc]", "trunc", "did you mean 'trunk'?"),
            ("capacity: 10 Gbps", "capacity: 0 Gbps", "0 Gbps", "must be greater than 0"),
            ("capacity: 10 Gbps", "capacity: -1 Gbps", "-1 Gbps", "capacity"),
            ("from: users", "from: user", "user,", "did you mean 'users'?"),
            ("to: hz,", "to: hzz,", "hzz", "did you mean 'hz'?"),
            ("latency: 2 ms", "between: [hz, user]", "user]", "did you mean 'users'?"),
            ("latency: 2 ms", "latency: 2 ms, between: [hz, users]", "{name: trunk", "exactly one of 'latency'"),
            ("via: [trunk]", "via: [trunk, trunk]", "trunk]", "twice"),
            ("via: [trunk]", "via: [users.access]", "users.access", "no capacity"),
            ("to: hz,", "to: users,", "users, via", "cannot join"),
        ]
    )
    func badInput(original: String, replacement: String, value: String, text: String) {
        let scenario = Self.base.replacingOccurrences(of: original, with: replacement)
        #expect(scenario != Self.base)
        let found = errors(scenario)
        #expect(found.count == 1, "\(found)")
        let lines = scenario.components(separatedBy: "\n")
        let line = lines.lastIndex { $0.contains(replacement) } ?? 0
        let column = lines[line].distance(
            from: lines[line].startIndex,
            to: lines[line].range(of: value)?.lowerBound ?? lines[line].startIndex
        )
        #expect(found.first?.hasPrefix("bad.yaml:\(line + 1):\(column + 1): error: ") == true, "\(found)")
        #expect(found.first?.contains(text) == true, "\(found)")
    }

    @Test("a repeated link name, a second path between the same ends, a failure of an unknown link")
    func repeatsAndUnknownFailures() {
        let twice = errors(
            Self.base.replacingOccurrences(
                of: "  - {name: trunk, capacity: 10 Gbps, latency: 2 ms}",
                with:
                    "  - {name: trunk, capacity: 10 Gbps, latency: 2 ms}\n  - {name: trunk, capacity: 1 Gbps, latency: 1 ms}"
            )
        )
        #expect(
            twice.count == 1 && twice.first?.hasPrefix("bad.yaml:14:12: error: duplicate link name 'trunk'") == true,
            "\(twice)"
        )
        let builtin = errors(
            Self.base.replacingOccurrences(
                of: "  - {name: trunk, capacity: 10 Gbps, latency: 2 ms}",
                with:
                    "  - {name: trunk, capacity: 10 Gbps, latency: 2 ms}\n  - {name: hz.egress, capacity: 1 Gbps, latency: 1 ms}"
            )
        )
        #expect(
            builtin.count == 1
                && builtin.first?.hasPrefix("bad.yaml:14:12: error: invalid 'name' in link 'hz.egress'") == true,
            "\(builtin)"
        )
        #expect(builtin.first?.contains("is the name of a built-in link") == true)
        let samePair = errors(Self.base + "\n  - {from: hz-a, to: users, via: [trunk]}\n")
        #expect(samePair.isEmpty, "a zone's own path beats its region's: \(samePair)")
        let repeated = errors(Self.base + "\n  - {from: hz, to: users, via: [trunk]}\n")
        #expect(repeated.count == 1 && repeated.first?.contains("joins the same ends as path 1") == true, "\(repeated)")
        let failure = errors(Self.base + "\nfailures: [{link: trunc, at: 10 s, for: 5 s}]\n")
        #expect(failure.count == 1 && failure.first?.contains("did you mean 'trunk'?") == true, "\(failure)")
    }
}
