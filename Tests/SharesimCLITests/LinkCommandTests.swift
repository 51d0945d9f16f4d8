import Foundation
import SimTestSupport
import Testing

/// `links:` and `paths:` through the command line: bad input exits 2 before any run, with
/// every problem at FILE:LINE:COLUMN; a good file's report has a Links table.
@Suite("sharesim with links and paths")
struct LinkCommandTests {
    static let scenario = """
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
          - {name: cable, capacity: 5 Gbps, between: [hz, users]}
        paths:
          - {from: users, to: hz, via: [trunk, cable]}
        """

    @Test("an unknown link in a path and a zero capacity: located errors with a suggestion, exit 2, no run")
    func badInputExitsTwo() throws {
        let fixture = try ScenarioFixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let bad = try fixture.write(
            "bad.yaml",
            Self.scenario.replacingOccurrences(of: "via: [trunk, cable]", with: "via: [trunk, cabel]")
                .replacingOccurrences(of: "capacity: 10 Gbps", with: "capacity: 0 bps")
        )
        for command in ["validate", "run"] {
            let result = try CLIRunner.run([command, bad, "--quiet"].filter { command == "run" || $0 != "--quiet" })
            #expect(result.status == 2, "\(command): \(result.standardError)")
            #expect(
                result.standardError.contains("\(bad):13:29: error: invalid 'capacity' in link 'trunk'"),
                "\(result.standardError)"
            )
            #expect(
                result.standardError.contains("\(bad):16:40: error: invalid 'via[1]' in path 1 (users to hz)"),
                "\(result.standardError)"
            )
            #expect(result.standardError.contains("did you mean 'cable'?"))
            #expect(result.standardOutput.isEmpty || command == "validate")
        }
        let good = try fixture.write("good.yaml", Self.scenario)
        let run = try CLIRunner.run(["run", good, "--quiet", "--jobs", "0"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Links"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("trunk") && run.standardOutput.contains("cable"))
    }

    @Test("compare of two topologies: the links only one draws are shown there, saturation and bytes exact")
    func topologyComparison() throws {
        let fixture = try ScenarioFixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        // Today's structure (no links) against a path over a 10 Gbps trunk and a 4 Mbps
        // cable: 1 MB a second (8 Mbit/s) offered saturates the cable.
        let plain = Self.scenario.components(separatedBy: "links:")[0]
        let today = try fixture.write("today.yaml", plain)
        let drawn = try fixture.write(
            "drawn.yaml",
            Self.scenario.replacingOccurrences(of: "capacity: 5 Gbps", with: "capacity: 4 Mbps")
        )
        let result = try CLIRunner.run(["compare", today, drawn, "--quiet", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        )
        let rows = try #require(report["figures"] as? [[String: Any]])
        func mean(_ figure: String, _ run: String) -> Double? {
            rows.first { $0["figure"] as? String == figure && $0["run"] as? String == run }?["mean"] as? Double
        }
        for link in ["trunk", "cable"] {
            for metric in ["bytes", "utilisation", "peakUtilisation", "meanFlows", "downSeconds"] {
                let key = "link/\(link)/\(metric)"
                #expect(rows.contains { $0["figure"] as? String == key && $0["run"] as? String == "today" }, "\(key)")
                #expect(mean(key, "today") == nil, "\(key) has no value where no link is drawn")
                #expect(mean(key, "drawn") != nil, "\(key)")
            }
        }
        // Both links are on the one path: they carried the same bytes. The cable was full in
        // some interval (its peak is exactly 1) and carried at most its capacity × 60 s.
        let bytes = try #require(mean("link/cable/bytes", "drawn"))
        #expect(mean("link/trunk/bytes", "drawn") == bytes)
        #expect(mean("link/cable/peakUtilisation", "drawn") == 1)
        #expect(bytes <= 4e6 * 60 / 8 * (1 + 1e-9) && bytes > 0.95 * 4e6 * 60 / 8, "\(bytes)")
        #expect(abs(try #require(mean("link/trunk/utilisation", "drawn")) - bytes * 8 / (1e10 * 60)) < 1e-15)
        let table = try CLIRunner.run(["compare", today, drawn, "--quiet"])
        #expect(table.standardOutput.contains("cable · Peak utilisation"), "\(table.standardOutput)")
    }
}
