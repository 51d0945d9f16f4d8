import Foundation
import SimTestSupport
import Testing

@Suite("Values and sizes refused before the run")
struct ResourceLimitCommandTests {
    @Test(
        "Values that used to crash or overflow are located errors with status 2",
        arguments: [
            (
                "shared_pools.hk-onething.devices=4294967294",
                "--set:1:1: error: 'devices' in shared pool 'hk-onething': 4,294,967,294 devices need about 272 GiB "
                    + "in one simulation; this machine has"
            ),
            (
                "workloads.hk-video.catalogue=2G",
                "--set:1:1: error: 'catalogue' in workload 'hk-video': 2,000,000,000 objects indexed by edge site "
                    + "'hk-cdn' need about 30 GiB in one simulation; this machine has"
            ),
            (
                "workloads.hk-video.object_size=1e30 B",
                "--set:1:1: error: invalid 'object_size' in workload 'hk-video': expected a data size such as "
                    + "'2 TB' or '512 MiB', got '1e30 B' (more than 1 EB)"
            ),
            (
                "workloads.hk-video.object_size=lognormal(2 TB, 0.5)",
                "error: invalid 'object_size' in workload 'hk-video': must be at most 1 TB"
            ),
            (
                "cost.credit=1e308 USD",
                "--set:1:1: error: invalid 'credit' in 'cost' in scenario: expected an amount of money such as "
                    + "'0.12 USD/GB' or '0.05 USD/h', got '1e308 USD' (more than 1G, the largest amount accepted)"
            ),
            (
                "shared_pools.hk-onething.credits_per_gb=1e308",
                "error: invalid 'credits_per_gb' in shared pool 'hk-onething': must be at most 1000000000"
            ),
            (
                "populations.hong-kong.workloads.0.rate=1e12/s",
                "got '1e12/s' (more than 1G/s)"
            ),
        ]
    )
    func refused(setting: String, message: String) throws {
        let result = try CLIRunner.run(["run", "xunlei-hongkong", "--set", setting, "--duration", "1 s", "--quiet"])
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!result.standardError.contains("Fatal error"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("validate refuses what run would refuse, at the variant's line")
    func validateEstimates() throws {
        let fixture = try ScenarioFixture()
        let huge = ScenarioFixture.queue.replacingOccurrences(
            of: "regions.r.zones.r-a.servers: 4",
            with: "regions.r.zones.r-a.servers: 1G"
        )
        let file = try fixture.write("huge.yaml", huge)
        let result = try CLIRunner.run(["validate", file])
        #expect(result.status == 2)
        #expect(
            result.standardError.contains(
                "huge.yaml:28:36: error: 'servers' in zone 'r-a': 1,000,000,000 cores need about 48 GiB "
                    + "in one simulation; this machine has"
            ),
            "\(result.standardError)"
        )
    }

    @Test("A run of about 4 billion events is announced with its likely duration")
    func longRunWarning() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let result = try CLIRunner.run(["validate", file])
        #expect(result.status == 0)
        #expect(!result.standardError.contains("warning"))
        let long = try fixture.write(
            "long.yaml",
            ScenarioFixture.queue.replacingOccurrences(of: "rate: 1.5/s", with: "rate: 250k/s")
        )
        let warned = try CLIRunner.run(["validate", long])
        #expect(warned.status == 0, "\(warned.standardError)")
        #expect(
            warned.standardError.contains(
                "sharesim: warning: \(long): base: about 4.20G events per simulation, 14 min to 70 min each"
            ),
            "\(warned.standardError)"
        )
    }
}
