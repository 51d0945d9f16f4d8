import Experiments
import Reports
import SimTestSupport
import Testing

/// Reports are assembled as the command says, never guessed from labels.
@Suite("Report assembly")
struct ReportAssemblyTests {
    static let reference = ScenarioReference(location: "tiny", isBuiltin: true)

    static func result(
        _ kind: ReportKind,
        entry: Int = 0,
        variant: String = "base",
        settings: [SimulationJob.Setting] = [],
        replication: Int
    ) -> JobResult {
        let job = SimulationJob(
            scenario: reference,
            report: kind,
            entry: entry,
            variant: variant,
            settings: settings,
            replication: replication
        )
        return JobResult(
            job: job,
            scenarioName: "tiny",
            scenarioDescription: "",
            results: ReportFixture.replication(replication - 1)
        )
    }

    @Test("a run's replications become one run report, in replication order")
    func run() throws {
        let results = [Self.result(.run, replication: 2), Self.result(.run, replication: 1)]
        guard case .run(let report) = try ReportAssembly.report(results, kind: .run, wallSeconds: nil, complete: true)
        else {
            Issue.record("not a run report")
            return
        }
        #expect(report.replications.count == 2)
        #expect(report.replications[0] == ReportFixture.replication(0))
        #expect(report.metadata.complete)
    }

    @Test("a run with two entries is refused, not turned into a comparison")
    func runOfTwoEntries() {
        let results = [Self.result(.run, replication: 1), Self.result(.run, entry: 1, variant: "x", replication: 1)]
        #expect(throws: ExperimentError.self) {
            try ReportAssembly.report(results, kind: .run, wallSeconds: nil, complete: true)
        }
    }

    @Test("a comparison of a scenario with itself keeps two entries, told apart by number")
    func comparisonWithItself() throws {
        let results = (1...2).flatMap { replication in
            [0, 1].map { Self.result(.comparison, entry: $0, replication: replication) }
        }
        guard
            case .comparison(let comparison) = try ReportAssembly.report(
                results,
                kind: .comparison,
                wallSeconds: 1,
                complete: true
            )
        else {
            Issue.record("not a comparison")
            return
        }
        #expect(comparison.entries.map(\.label) == ["tiny (1)", "tiny (2)"])
        let throughput = try #require(comparison.figure(FigureID(.throughput, of: "web")))
        #expect(throughput.differences[1]?.mean == 0)
        #expect(throughput.differences[1]?.significant == false)
    }

    @Test("a sweep takes each point's value from the swept setting, with its number in base units")
    func sweep() throws {
        let kind = ReportKind.sweep(parameter: "regions.r.zones.r-a.servers")
        let results = ["2", "4", "8"].enumerated().map { index, value in
            Self.result(
                kind,
                settings: [
                    SimulationJob.Setting(path: "seed", value: "1"),
                    SimulationJob.Setting(path: "regions.r.zones.r-a.servers", value: value),
                ],
                replication: 1 + index % 2
            )
        }
        guard case .sweep(let sweep) = try ReportAssembly.report(results, kind: kind, wallSeconds: nil, complete: false)
        else {
            Issue.record("not a sweep")
            return
        }
        #expect(sweep.parameter == "regions.r.zones.r-a.servers")
        #expect(sweep.points.map(\.value) == ["2", "4", "8"])
        #expect(sweep.points.map(\.numericValue) == [2, 4, 8])
        #expect(sweep.points.allSatisfy { !$0.report.metadata.complete })
    }

    @Test("nothing finished is an error, not an empty report")
    func nothing() {
        #expect(throws: ExperimentError.self) {
            try ReportAssembly.report([], kind: .run, wallSeconds: nil, complete: false)
        }
    }

    @Test("swept values become numbers in base units")
    func numericValues() {
        #expect(ReportAssembly.numericValue(of: "300k") == 300_000)
        #expect(ReportAssembly.numericValue(of: "40 ms") == 0.04)
        #expect(ReportAssembly.numericValue(of: "lru") == nil)
    }
}
