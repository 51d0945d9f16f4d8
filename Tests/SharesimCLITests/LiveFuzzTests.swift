import Foundation
import Testing

/// `sharesim live` against 10,000 seeded hostile requests: it must never crash or hang, must
/// answer each request it can classify with exactly the expected status, must still serve
/// `/metrics` and advance the run afterwards, and its memory must stay bounded.
@Suite("sharesim live fuzzed")
struct LiveFuzzTests {
    /// The generator's seed (`SHARESIM_LIVE_FUZZ_SEED` for another); a failure message names
    /// it with the exchange's index.
    static let seed: UInt64 =
        ProcessInfo.processInfo.environment["SHARESIM_LIVE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_251_203
    /// Requests to send (pipelined ones count one each).
    static let requestCount = 10_000
    /// Exchanges after which a client floods the server with pipelined requests it never reads.
    static let floodEvery = 1500

    /// What a fuzzing run saw.
    struct Outcome: Sendable {
        /// Requests sent and exchanges made.
        var sent = 0
        var exchanges = 0
        /// Resident memory after the first 300 exchanges, in bytes.
        var baseline: Int?
        /// One message per exchange that went wrong (at most five are collected).
        var failures: [String] = []
    }

    @Test("10,000 hostile requests: no crash, no hang, the expected statuses, bounded memory", .timeLimit(.minutes(4)))
    func fuzz() async throws {
        let token = "fuzz-token-0123456789abcdef"
        let (cli, port) = try await LiveAbuseTests.start(["--speed", "100", "--control-token", token])
        defer { cli.kill() }
        let outcome = try await offPool { try Self.run(port: port, token: token, cli: cli) }
        for failure in outcome.failures { Issue.record("\(failure)") }
        #expect(outcome.sent >= Self.requestCount, "sent \(outcome.sent) requests in \(outcome.exchanges) exchanges")
        #expect(!cli.diedBySignal)
        await LiveAbuseTests.expectServing(cli, port: port, after: "\(outcome.sent) fuzzed requests")
        let final = residentBytes(of: cli.processIdentifier)
        if let baseline = outcome.baseline, let final {
            #expect(final - baseline < 16 << 20, "resident memory grew from \(baseline) to \(final) bytes")
        }
        // The run goes on: resumed (a fuzzed request may have paused it), simulated time advances.
        _ = try await offPool { try RawHTTP.control(port: port, token: token, #"{"action":"resume"}"#) }
        let before = try await Self.simulatedSeconds(port: port)
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await Self.simulatedSeconds(port: port) > before)
        try await LiveAbuseTests.expectCleanExit(cli)
    }

    /// Sends the seeded exchanges until ``requestCount`` requests went out, five exchanges
    /// went wrong, or the server is gone.
    static func run(port: Int, token: String, cli: RunningCLI) throws -> Outcome {
        var exchanges = HostileExchanges(seed: seed, token: token, port: port)
        var outcome = Outcome()
        while outcome.sent < requestCount, outcome.failures.count < 5 {
            let exchange = exchanges.next()
            let index = outcome.exchanges
            let context = "seed \(seed), exchange \(index) (\(exchange.label))"
            if index == 300 { outcome.baseline = residentBytes(of: cli.processIdentifier) }
            if index % floodEvery == floodEvery - 1 { try flood(port: port) }
            guard let client = try? RawSocket(port: port, timeout: .seconds(5)) else {
                outcome.failures.append("\(context): cannot connect; the process is \(cli.isRunning ? "up" : "gone")")
                break
            }
            client.send(exchange.bytes)
            switch exchange.leaving {
            case .closesAtOnce: client.close()
            case .resetsAtOnce: client.reset()
            case .readsReply:
                client.finishSending()
                let (reply, ending) = client.receiveAll()
                let statuses = responseStatuses(in: reply)
                var ok = ending != .timedOut
                switch exchange.expected {
                case .statuses(let expected): ok = ok && statuses == expected
                case .refusalsOnly: ok = ok && statuses.allSatisfy { $0 >= 400 } && (reply.isEmpty || !statuses.isEmpty)
                case .unread: break
                }
                if !ok {
                    let shown = String(decoding: exchange.bytes.prefix(200), as: UTF8.self).debugDescription
                    let answer = String(decoding: reply.prefix(200), as: UTF8.self).debugDescription
                    let expected = exchange.expected
                    outcome.failures.append(
                        "\(context): sent \(shown), expected \(expected), got \(statuses) (\(ending)): \(answer)"
                    )
                }
            }
            outcome.sent += exchange.requests
            outcome.exchanges += 1
            if outcome.exchanges % 250 == 0, !cli.isRunning {
                outcome.failures.append("\(context): the process died; stderr: \(cli.standardError)")
                break
            }
        }
        return outcome
    }

    /// Pipelines requests for the dashboard page (quick to make, 7 KB) without reading until
    /// the server stops taking them (or 16 MB of requests went in, which a server without
    /// backpressure would take, answering with 3 GB), then resets.
    static func flood(port: Int) throws {
        let client = try RawSocket(port: port)
        let batch = Array(String(repeating: "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", count: 500).utf8)
        var sent = 0
        var stalls = 0
        while sent < 16 << 20, stalls < 20 {
            let count = client.sendWithoutWaiting(batch)
            guard count >= 0 else { break }
            if count == 0 {
                stalls += 1
                Thread.sleep(forTimeInterval: 0.01)
            } else {
                sent += count
            }
        }
        client.reset()
    }

    /// The run's `sharesim_sim_time_seconds`.
    static func simulatedSeconds(port: Int) async throws -> Double {
        let metrics = try await offPool { try RawHTTP.request(port: port, path: "/metrics") }
        let line = metrics.split(separator: "\n").first { $0.hasPrefix("sharesim_sim_time_seconds ") }
        return try #require(line.flatMap { Double($0.split(separator: " ")[1]) })
    }
}
