import Experiments
import Foundation
import HostRuntime
import Reports
import Scenario
import ShareModel
import SimCore
import SimTestSupport
import Testing

/// Plans, the runner, results files and shard merging, in this process (no binary spawned).
@Suite("Experiment runner", .serialized)
struct ExperimentRunnerTests {
    @Test("a plan has one job per replication and entry, each with its own id, and the command's kind")
    func plans() throws {
        let fixture = try ScenarioFixture()
        let reference = ScenarioReference(
            location: try fixture.write("q.yaml", ScenarioFixture.queue),
            isBuiltin: false
        )
        let run = try ExperimentPlan.run(reference, variant: "base", selection: .init(replications: 4))
        #expect(run.kind == .run)
        #expect(run.jobs.map(\.replication) == [1, 2, 3, 4])
        #expect(run.jobs[0].id.hasPrefix("sharesim=\(BuildConfiguration.version)/variant=base/rep=1/scenario="))
        let comparison = try ExperimentPlan.comparison(
            reference,
            variants: ["base", "double"],
            selection: .init(replications: 2)
        )
        #expect(comparison.kind == .comparison)
        #expect(comparison.jobs.map(\.entry) == [0, 0, 1, 1])
        #expect(Set(comparison.jobs.map(\.id)).count == 4)
        let sweep = try ExperimentPlan.sweep(
            reference,
            variant: "base",
            path: "regions.r.zones.r-a.servers",
            values: ["2", "3", "5"],
            selection: .init(replications: 1)
        )
        #expect(sweep.kind == .sweep(parameter: "regions.r.zones.r-a.servers"))
        #expect(sweep.jobs.map { $0.settings.last?.value } == ["2", "3", "5"])
    }

    @Test("an unknown variant fails when the plan is made, before anything runs")
    func unknownVariant() throws {
        let fixture = try ScenarioFixture()
        let reference = ScenarioReference(
            location: try fixture.write("q.yaml", ScenarioFixture.queue),
            isBuiltin: false
        )
        #expect(throws: (any Error).self) {
            try ExperimentPlan.comparison(reference, variants: ["base", "tripple"], selection: .init())
        }
    }

    @Test("the override `run --help` shows resolves against the default scenario")
    func helpExample() throws {
        let setting = try #require(SimulationJob.Setting(parsing: "shared_pools.hk-onething.devices=300k"))
        let plan = try ExperimentPlan.run(
            ScenarioReference(argument: nil),
            variant: "base",
            selection: .init(settings: [setting])
        )
        #expect(try plan.jobs[0].resolvedScenario().spec.sharedPools[0].pool.deviceCount == 300_000)
        let wrong = try #require(SimulationJob.Setting(parsing: "shared_pools.hk-homes.devices=300k"))
        #expect(throws: (any Error).self) {
            try ExperimentPlan.run(
                ScenarioReference(argument: nil),
                variant: "base",
                selection: .init(settings: [wrong])
            )
        }
    }

    @Test("two shards merged give the report of one whole run, byte for byte")
    func shardsMerge() throws {
        let fixture = try ScenarioFixture()
        let reference = ScenarioReference(
            location: try fixture.write("q.yaml", ScenarioFixture.queue),
            isBuiltin: false
        )
        let plan = try ExperimentPlan.comparison(
            reference,
            variants: ["base", "double"],
            selection: .init(replications: 2, durationSeconds: 300)
        )
        let whole = try ExperimentRunner(options: .init(workers: 0)).run(plan)
        #expect(whole.isComplete)
        let wholeReport = try #require(try whole.report(kind: plan.kind, reproducible: true))
        var parts: [String] = []
        for index in 1...2 {
            let path = fixture.path("part\(index).jsonl")
            let shard = try ShardSpec(index: index, count: 2)
            let outcome = try ExperimentRunner(options: .init(workers: 0, resultsPath: path, shard: shard)).run(plan)
            #expect(outcome.results.count { $0 != nil } == 2)
            parts.append(path)
        }
        let merged = try ShardMerge.merge(paths: parts).report
        let json = JSONReportRenderer(includeWallTime: false)
        #expect(json.render(merged) == json.render(wholeReport))
        guard case .comparison(let comparison) = merged else {
            Issue.record("not a comparison")
            return
        }
        #expect(comparison.entries.map(\.label) == ["q", "q / double"])
    }

    @Test("resuming from a results file reruns nothing and gives the same results")
    func resume() throws {
        let fixture = try ScenarioFixture()
        let reference = ScenarioReference(
            location: try fixture.write("q.yaml", ScenarioFixture.queue),
            isBuiltin: false
        )
        let plan = try ExperimentPlan.run(
            reference,
            variant: "base",
            selection: .init(seed: 7, replications: 2, durationSeconds: 200)
        )
        let path = fixture.path("results.jsonl")
        let first = try ExperimentRunner(options: .init(workers: 0, resultsPath: path)).run(plan)
        var ended = 0
        let progress = ExperimentRunner.Progress(
            jobEnded: { _, _ in ended += 1 },
            simulationAdvanced: nil,
            finished: {}
        )
        let second = try ExperimentRunner(options: .init(workers: 0, resultsPath: path, resume: true))
            .run(plan, progress: progress)
        #expect(ended == 0)
        #expect(second.results.map { $0?.results } == first.results.map { $0?.results })
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
    }
}
