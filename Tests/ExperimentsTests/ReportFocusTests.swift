import Experiments
import Foundation
import Reports
import Scenario
import SimTestSupport
import Testing

/// A scenario's `report:` block checked against the figures its runs report, and carried
/// into every report of it.
@Suite("Report focus")
struct ReportFocusTests {
    /// The M/M/2 fixture with a `report:` block naming `names`.
    static func scenario(headline names: [String]) -> String {
        ScenarioFixture.queue + "\nreport:\n  question: How long do orders wait?\n  headline:\n"
            + names.map { "    - " + $0 + "\n" }.joined()
    }

    @Test("figures the run reports are accepted, in both spellings of run-wide figures")
    func knownFigures() throws {
        let scenario = try Scenario.parse(
            Self.scenario(headline: [
                "workload/orders/latencyP99", "servedBy/orders/cloud:r", "zone/r-a/meanWaitSeconds",
            ]),
            name: "q.yaml"
        )
        try scenario.checkReportFigures()
        let focus = try #require(scenario.reportFocus)
        #expect(focus.question == "How long do orders wait?")
        #expect(
            focus.headline == [
                FigureID(.latencyP99, of: "orders"), .servedShare(of: "orders", by: .cloud(region: "r")),
                FigureID(.zoneMeanWait, of: "r-a"),
            ]
        )
        #expect(FigureID(key: "cost/total") == FigureID(.costTotal))
        #expect(FigureID(key: "cost//total") == FigureID(.costTotal))
    }

    @Test("an unknown figure is an error at its name, with the closest figure as a suggestion")
    func unknownFigures() throws {
        let text = Self.scenario(headline: ["workload/orders/latncyP99", "workload/order/served", "cost/total"])
        let scenario = try Scenario.parse(text, name: "q.yaml")
        #expect(throws: ScenarioError.self) { try scenario.checkReportFigures() }
        do {
            try scenario.checkReportFigures()
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.count == 3)
            #expect(
                lines[0].hasPrefix(
                    "q.yaml:32:7: error: unknown figure 'workload/orders/latncyP99' in 'report.headline'"
                )
            )
            #expect(lines[0].hasSuffix("did you mean 'workload/orders/latencyP99'?"))
            #expect(lines[1].hasSuffix("did you mean 'workload/orders/served'?"))
            // The fixture has no prices, so it reports no cost.
            #expect(lines[2].hasPrefix("q.yaml:34:7: error: unknown figure 'cost/total'"))
        }
    }

    @Test("every built-in scenario asks its question and names headline figures its runs report")
    func builtinsDeclareTheirQuestion() throws {
        for name in BuiltinScenarios.names {
            let scenario = try ScenarioReference(location: name, isBuiltin: true).load()
            let focus = try #require(scenario.reportFocus, "\(name)")
            #expect(focus.question?.hasSuffix("?") == true, "\(name)")
            #expect(focus.headline.count >= 4, "\(name)")
            #expect(focus.headline.count == scenario.report?.headline.count, "\(name)")
        }
        let hongKong = try #require(try BuiltinScenarios.scenario(named: "xunlei-hongkong").reportFocus)
        #expect(hongKong.headline.first == FigureID(.startupDelayP50, of: "hk-video"))
        #expect(hongKong.headline.contains(FigureID(.rebufferRatio, of: "hk-video")))
        #expect(hongKong.headline.contains(.servedShare(of: "hk-video", by: .shared)))
        #expect(hongKong.headline.contains(FigureID(.costPerTBDelivered)))
    }

    @Test("every built-in variant, shown as a file of its own, keeps only the figures it still reports")
    func variantsStandAlone() throws {
        for name in BuiltinScenarios.names {
            for variant in try BuiltinScenarios.scenario(named: name).variantNames {
                let text = try StandaloneScenario.builtin(name, variant: variant).text
                // Read as a built-in, so a trace it names is the built-in trace.
                let scenario = try Scenario.parse(text, name: BuiltinScenarios.path(of: "\(name)-\(variant)"))
                try scenario.checkReportFigures()
                #expect(scenario.report?.question != nil, "\(name) \(variant)")
            }
        }
        let cloudOnly = try StandaloneScenario.builtin("xunlei-xingyu-cdn", variant: "cloud-only").text
        #expect(
            cloudOnly.contains("# Report figures of things this variant removes (sharedPool/infinite-node/credits)")
        )
        #expect(!cloudOnly.contains("  - sharedPool/infinite-node/credits\n"))
        #expect(cloudOnly.contains("  - servedBy/kuaishou-short-video/shared\n"))
        // Run as a variant of the built-in, the focus leaves the removed pool's figure out too.
        let variant = try BuiltinScenarios.scenario(named: "xunlei-xingyu-cdn").applying(variant: "cloud-only")
        let focus = try #require(variant.reportFocus)
        #expect(!focus.headline.contains(FigureID(.poolCredits, of: "infinite-node")))
        #expect(focus.headline.count == 5)
    }

    @Test("a run report of the scenario leads with its focus")
    func jobsCarryTheFocus() throws {
        let fixture = try ScenarioFixture()
        let path = try fixture.write("q.yaml", Self.scenario(headline: ["workload/orders/latencyP99"]))
        let job = SimulationJob(
            scenario: ScenarioReference(argument: path),
            report: .run,
            variant: "double",
            settings: [],
            replication: 1,
            durationSeconds: 100
        )
        let result = try job.run()
        #expect(result.focus?.headline == [FigureID(.latencyP99, of: "orders")])
        let decoded = try JobCoding.decode(JobResult.self, from: try JobCoding.encode(result))
        #expect(decoded.focus == result.focus)
        guard case .run(let report) = try ReportAssembly.report([decoded], kind: .run, wallSeconds: nil, complete: true)
        else {
            Issue.record("not a run report")
            return
        }
        #expect(report.metadata.focus?.question == "How long do orders wait?")
        #expect(TableRenderer(colour: false).render(report).contains("Question\n  How long do orders wait?\n"))
    }
}
