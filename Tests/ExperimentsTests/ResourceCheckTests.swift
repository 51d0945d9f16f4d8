import Experiments
import Scenario
import SimTestSupport
import Testing

@Suite("Resource check before a run")
struct ResourceCheckTests {
    /// A plan of the pool fixture with 10 million devices (about 680 MB), 3 replications.
    func bigPoolPlan() throws -> ExperimentPlan {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("pool.yaml", ScenarioFixture.pool)
        let selection = ExperimentPlan.Selection(
            replications: 3,
            settings: [SimulationJob.Setting(path: "shared_pools.homes.devices", value: "10M")]
        )
        return try ExperimentPlan.run(ScenarioReference(argument: file), variant: "base", selection: selection)
    }

    @Test("A simulation over its share of memory is refused at its field, once for all replications")
    func refusal() throws {
        let plan = try bigPoolPlan()
        let check = ResourceCheck(machineBytes: 1_073_741_824, simultaneous: 2, force: false)
        #expect(check.shareBytes == 384 * 1_048_576)
        do {
            _ = try check.check(plan)
            Issue.record("a 680 MB simulation passed a 384 MiB share")
        } catch let error as ScenarioError {
            let lines = error.diagnostics.map(\.description)
            #expect(
                lines == [
                    "--set:1:1: error: 'devices' in shared pool 'homes': 10,000,000 devices need about 649 MiB in one "
                        + "simulation; this machine has 1.0 GiB, 768 MiB for 2 simulations at once (384 MiB each) "
                        + "(use --force to try)"
                ]
            )
        }
    }

    @Test("With --force the refusal is a warning; with room there is nothing to say")
    func forceAndRoom() throws {
        let plan = try bigPoolPlan()
        let forced = try ResourceCheck(machineBytes: 1_073_741_824, simultaneous: 2, force: true).check(plan)
        #expect(forced.count == 1)
        #expect(forced.first?.hasSuffix("(384 MiB each) (use --force to try)") == true)
        #expect(try ResourceCheck(machineBytes: 4 * 1_073_741_824, simultaneous: 1, force: false).check(plan) == [])
    }
}
