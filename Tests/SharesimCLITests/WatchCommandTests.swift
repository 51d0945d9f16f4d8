import Foundation
import SimTestSupport
import Testing

@Suite("sharesim watch")
struct WatchCommandTests {
    @Test("a change to the file re-runs it and shows the figures that moved", .timeLimit(.minutes(1)))
    func rerunOnChange() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let cli = try RunningCLI(["watch", file, "--once-after-change"])
        defer { cli.kill() }
        #expect(cli.wait(upTo: .seconds(30)) { cli.standardError.contains("watching") })
        #expect(cli.standardOutput.contains("orders · Latency p99"))
        // Written atomically: a new file renamed over the old one, as editors do.
        _ = try fixture.write(
            "queue.yaml",
            ScenarioFixture.queue.replacingOccurrences(of: "servers: 2", with: "servers: 4")
        )
        #expect(cli.exitStatus(within: .seconds(30)) == 0)
        let output = cli.standardOutput
        #expect(output.contains("re-ran tiny-queue after a change"))
        #expect(output.contains("orders · Latency p99: "))
        #expect(output.contains(" -> "))
        #expect(output.contains("%, better)") || output.contains("%, worse)"))
    }

    @Test("a change to an extended file re-runs; an invalid edit keeps watching", .timeLimit(.minutes(1)))
    func extendsAndInvalid() throws {
        let fixture = try ScenarioFixture()
        let base = try fixture.write("base.yaml", ScenarioFixture.queue)
        let child = try fixture.write("child.yaml", "extends: base.yaml\nname: child\n")
        let cli = try RunningCLI(["watch", child, "--once-after-change"])
        defer { cli.kill() }
        #expect(cli.wait(upTo: .seconds(30)) { cli.standardError.contains("watching 2 files") })
        try "name: child\nworkloads: [\n".write(toFile: child, atomically: true, encoding: .utf8)
        #expect(cli.wait(upTo: .seconds(20)) { cli.standardError.contains("still watching") })
        try "extends: base.yaml\nname: child\n".write(toFile: child, atomically: false, encoding: .utf8)
        _ = base
        #expect(cli.exitStatus(within: .seconds(30)) == 0)
        #expect(cli.standardOutput.contains("re-ran child after a change"))
    }

    @Test("SIGTERM ends a watch with status 130", .timeLimit(.minutes(1)))
    func terminate() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let cli = try RunningCLI(["watch", file])
        defer { cli.kill() }
        #expect(cli.wait(upTo: .seconds(30)) { cli.standardError.contains("watching") })
        cli.send(SIGTERM)
        #expect(cli.exitStatus(within: .seconds(20)) == 130)
    }

    @Test("watching a built-in scenario is a usage error", .timeLimit(.minutes(1)))
    func builtin() throws {
        let result = try CLIRunner.run(["watch", "no-such-builtin"])
        #expect(result.status == 2)
    }
}
