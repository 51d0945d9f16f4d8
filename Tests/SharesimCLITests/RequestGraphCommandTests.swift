import Foundation
import SimTestSupport
import Testing

/// `sharesim` with request graphs: a bad graph is a located error with exit status 2 and no
/// report; a good one runs and its report has a *Stages* table.
@Suite("Request graph commands")
struct RequestGraphCommandTests {
    static let scenario = """
        duration: 20 s
        workloads:
          - name: order
            kind: transaction
            stages:
              - {name: gateway, zone: r-a, time: exp(2 ms)}
              - {name: stock, service: stock, time: exp(3 ms)}
              - {name: pay, zone: r-a, time: exp(4 ms), after: [stock]}
        regions:
          - {name: r, location: [30, 120], zones: [{name: r-a, servers: 8, services: [stock]}]}
        populations:
          - {name: east, location: [31, 121], workloads: [{workload: order, rate: 50/s}]}
        """

    @Test("a cycle, an unknown service, a lone join: FILE:LINE:COLUMN with a suggestion, exit 2, no report")
    func badGraphsExitTwo() throws {
        let fixture = try ScenarioFixture()
        let cycle = try fixture.write(
            "cycle.yaml",
            Self.scenario.replacingOccurrences(
                of: "{name: gateway, zone: r-a,",
                with: "{name: gateway, zone: r-a, after: [pay],"
            )
        )
        let output = fixture.path("report.json")
        let run = try CLIRunner.run(["run", cycle, "--output", output])
        #expect(run.status == 2)
        #expect(
            run.standardError.contains(
                "\(cycle):6:43: error: invalid 'stages[0].after' in workload 'order': makes a cycle "
                    + "(gateway -> stock -> pay -> gateway)"
            ),
            "\(run.standardError)"
        )
        #expect(!FileManager.default.fileExists(atPath: output))

        let unknown = try fixture.write(
            "unknown.yaml",
            Self.scenario.replacingOccurrences(of: "service: stock,", with: "service: stok,")
        )
        let validate = try CLIRunner.run(["validate", unknown])
        #expect(validate.status == 2)
        #expect(
            validate.standardError.contains(
                "\(unknown):7:32: error: invalid 'stages[1].service' in workload 'order': names service 'stok', which no zone lists"
            ),
            "\(validate.standardError)"
        )
        #expect(validate.standardError.contains("did you mean 'stock'?"))

        let join = try fixture.write(
            "join.yaml",
            Self.scenario.replacingOccurrences(of: "after: [stock]}", with: "after: [stock], join: first}")
        )
        let lone = try CLIRunner.run(["validate", join])
        #expect(lone.status == 2)
        #expect(lone.standardError.contains("invalid 'stages[2].join' in workload 'order'"), "\(lone.standardError)")
    }

    @Test("a good graph runs: a Stages table, stage figures in JSON and CSV, a stage figure as headline")
    func goodGraphReports() throws {
        let fixture = try ScenarioFixture()
        let headline =
            "report: {question: Where does an order spend its time?, headline: [stage/order:pay/shareOfLatency]}\n"
        let path = try fixture.write("graph.yaml", headline + Self.scenario)
        let result = try CLIRunner.run(["run", path, "--quiet", "--jobs", "0", "--format", "md"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Stages"))
        #expect(result.standardOutput.contains("service stock"))
        #expect(result.standardOutput.contains("pay · Share of latency"), "\(result.standardOutput)")
        let json = try CLIRunner.run(["run", path, "--quiet", "--jobs", "0", "--format", "json"])
        #expect(json.standardOutput.contains("stage/order:stock/meanStage"))
        #expect(json.standardOutput.contains("\"stages\""))
        let csv = try CLIRunner.run(["run", path, "--quiet", "--jobs", "0", "--format", "csv"])
        #expect(csv.standardOutput.contains("stage,order:gateway,meanWait,Mean wait,s,"))
        let typo = try fixture.write(
            "typo.yaml",
            headline.replacingOccurrences(of: "order:pay/", with: "order:pya/") + Self.scenario
        )
        let bad = try CLIRunner.run(["validate", typo])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("did you mean 'stage/order:pay/shareOfLatency'?"), "\(bad.standardError)")
    }
}
