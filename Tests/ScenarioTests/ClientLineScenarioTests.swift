import Foundation
import SimCore
import Testing

@testable import Scenario
@testable import ShareModel

/// `line:` on populations: each client's own downlink caps every transfer to it, whatever
/// serves it; bad mixes are located errors.
@Suite("Client lines")
struct ClientLineScenarioTests {
    /// One region 10 ms from one population, a 2 ms request handling, `count` downloads of a
    /// 10 MB object at 1 s, and the population's `line`.
    static func scenario(line: String, count: Int = 1, egress: String = "") -> String {
        """
        duration: 30 s
        workloads:
          - {name: files, kind: download, catalogue: 1, object_size: 10 MB, service: 2 ms}
        regions:
          - name: hz
            location: [30.27, 120.15]
            \(egress)
            zones: [{name: hz-a, servers: 64}]
        latency:
          measured:
            - {between: [users, hz], latency: 10 ms}
        populations:
          - name: users
            location: [31.23, 121.47]
            line: \(line)
            workloads: [{workload: files, arrivals: {process: burst, count: \(count), at: 1 s}}]
        """
    }

    @Test("one download on a 100 Mbit/s line takes the round trip, the handling and 10 MB at 100 Mbit/s, exactly")
    func oneTransferIsCappedByItsLine() throws {
        let scenario = try Scenario.parse(Self.scenario(line: "100 Mbps"), name: "line.yaml")
        let results = try ModelRun.run(scenario.spec, seed: 1)
        let files = results.workloads[0]
        #expect(files.served == 1)
        // 10 ms there, 2 ms handling, 10^7 bytes × 8 / 10^8 bit/s = 0.8 s, 10 ms back.
        #expect(abs(files.latency.max - 0.822) < 1e-6, "\(files.latency.max)")
        // Its first byte leaves when the transfer starts and arrives 10 ms later: 22 ms (to the
        // histogram's three significant digits).
        let firstByte = try #require(files.timeToFirstByteP50)
        #expect(abs(firstByte - 0.022) < 0.022e-3, "\(firstByte)")
    }

    @Test("forty lines of 100 Mbit/s under a 1 Gbit/s egress: the egress, not the lines, sets the pace")
    func aSaturatedEgressStillShares() throws {
        let scenario = try Scenario.parse(
            Self.scenario(line: "100 Mbps", count: 40, egress: "egress: 1 Gbps"),
            name: "line.yaml"
        )
        let results = try ModelRun.run(scenario.spec, seed: 1)
        let files = results.workloads[0]
        #expect(files.served == 40)
        // 40 × 10 MB through 1 Gbit/s, all starting together and sharing it equally: 3.2 s.
        #expect(abs(files.latency.max - (0.022 + 3.2)) < 1e-6, "\(files.latency.max)")
    }

    @Test("a mix of technologies: each client draws its technology by share, then its rate")
    func mixDrawsByShare() throws {
        let fibre = SampledDistribution.constant(try ConstantDistribution(500e6))
        let dsl20 = SampledDistribution.constant(try ConstantDistribution(20e6))
        let mix = ClientLineMix(technologies: [
            ClientLineMix.Technology(name: "fibre", share: 0.7, bitsPerSecond: fibre),
            ClientLineMix.Technology(name: "dsl", share: 0.3, bitsPerSecond: dsl20),
        ])
        var stream = RandomStream(seed: 3, name: "test")
        let draws = 100_000
        var dsl = 0
        for _ in 0..<draws where mix.draw(using: &stream) == 20e6 { dsl += 1 }
        // Binomial(100,000, 0.3): standard deviation 145; 4 of them.
        #expect(abs(Double(dsl) - 30_000) < 4 * 145, "\(dsl)")
        let mean: Double = 0.7 * 500e6 + 0.3 * 20e6
        #expect(abs(mix.meanBitsPerSecond - mean) < 1e-3)
    }

    @Test(
        "bad lines are located errors",
        arguments: [
            ("[{name: fibre, share: 60%, rate: 300 Mbps}, {name: dsl, share: 30%, rate: 20 Mbps}]", "sum to 1"),
            ("[{name: fibre, share: 0%, rate: 300 Mbps}]", "share"),
            ("[{name: fibre, share: 100%, rate: fast}]", "rate"),
            ("-5 Mbps", "line"),
        ]
    )
    func badLines(line: String, expected: String) throws {
        do {
            _ = try Scenario.parse(Self.scenario(line: line), name: "bad.yaml")
            Issue.record("\(line) was accepted")
        } catch {
            let message = "\(error)"
            #expect(message.contains("bad.yaml:"), "\(message)")
            #expect(message.contains(expected), "\(message)")
        }
    }
}
