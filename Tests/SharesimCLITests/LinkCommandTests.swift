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
}
