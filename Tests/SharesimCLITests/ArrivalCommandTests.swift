import Foundation
import SimTestSupport
import Testing

/// `sharesim` with arrival processes: a bad process is a located error with exit status 2 and
/// no report; a good one runs and its report lists each demand's process.
@Suite("Arrival process commands")
struct ArrivalCommandTests {
    static let scenario = """
        duration: 20 s
        workloads:
          - {name: orders, kind: transaction, service: exp(2 ms)}
          - {name: flash, kind: transaction, service: exp(2 ms)}
        regions:
          - {name: r, location: [30, 120], zones: [{name: r-a, servers: 8}]}
        populations:
          - name: east
            location: [31, 121]
            workloads:
              - {workload: orders, rate: 50/s, arrivals: {process: batch, batch_size: 4}}
              - {workload: flash, arrivals: {process: burst, count: 300, at: 5 s}}
        """

    @Test("unknown process, batch size 0, a negative mean: FILE:LINE:COLUMN naming the field, exit 2")
    func badProcessesExitTwo() throws {
        let fixture = try ScenarioFixture()
        let unknown = try fixture.write(
            "unknown.yaml",
            Self.scenario.replacingOccurrences(of: "process: batch,", with: "process: bacth,")
        )
        let result = try CLIRunner.run(["validate", unknown])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(unknown):11:60: error: invalid 'process'"), "\(result.standardError)")
        #expect(result.standardError.contains("did you mean 'batch'?"))

        let zero = try fixture.write(
            "zero.yaml",
            Self.scenario.replacingOccurrences(of: "batch_size: 4", with: "batch_size: 0")
        )
        let output = fixture.path("report.json")
        let run = try CLIRunner.run(["run", zero, "--output", output])
        #expect(run.status == 2)
        #expect(
            run.standardError.contains(
                "\(zero):11:79: error: invalid 'workloads[0].arrivals.batch_size' in population 'east': must be at least 1"
            ),
            "\(run.standardError)"
        )
        #expect(!FileManager.default.fileExists(atPath: output))

        let negative = try fixture.write(
            "negative.yaml",
            Self.scenario.replacingOccurrences(
                of: "{process: batch, batch_size: 4}",
                with: "{process: on-off, mean_on: -1 s, mean_off: 4 s}"
            )
        )
        let onOff = try CLIRunner.run(["validate", negative])
        #expect(onOff.status == 2)
        #expect(
            onOff.standardError.contains("\(negative):11:77: error: invalid 'mean_on' in 'arrivals'"),
            "\(onOff.standardError)"
        )
    }

    @Test("a run lists each demand's process and its arrivals")
    func reportListsProcesses() throws {
        let fixture = try ScenarioFixture()
        let path = try fixture.write("good.yaml", Self.scenario)
        let result = try CLIRunner.run(["run", path, "--quiet", "--jobs", "0"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Arrivals"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("batch (fixed 4)"))
        #expect(result.standardOutput.contains("burst (300 at 5 s)"))
        // Queue fixtures without `arrivals` keep their report as before: no Arrivals table.
        let plain = try CLIRunner.run([
            "run", try fixture.write("q.yaml", ScenarioFixture.queue), "--quiet", "--jobs", "0",
        ])
        #expect(plain.status == 0 && !plain.standardOutput.contains("Arrivals"))
    }
}
