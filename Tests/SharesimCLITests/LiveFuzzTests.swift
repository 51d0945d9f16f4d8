import Foundation
import Testing

/// `sharesim live` against 10,000 seeded hostile requests: it must never crash or hang, must
/// answer each request it can classify with exactly the expected status, must still serve
/// `/metrics` and advance the run afterwards, and its memory must stay bounded.
@Suite("sharesim live fuzzed")
struct LiveFuzzTests {
    /// The generator's seed; a failure message names it with the exchange's index.
    static let seed: UInt64 = 20_251_203
    /// Requests to send (pipelined ones count one each).
    static let requestCount = 10_000
    /// Exchanges after which a client floods the server with pipelined requests it never reads.
    static let floodEvery = 1500

    @Test("10,000 hostile requests: no crash, no hang, the expected statuses, bounded memory", .timeLimit(.minutes(2)))
    func fuzz() throws {
        let token = "fuzz-token-0123456789abcdef"
        let (cli, port) = try LiveAbuseTests.start(["--speed", "100", "--control-token", token])
        defer { cli.kill() }
        var exchanges = HostileExchanges(seed: Self.seed, token: token, port: port)
        var sent = 0
        var index = 0
        var baseline: Int?
        var failures = 0
        while sent < Self.requestCount, failures < 5 {
            let exchange = exchanges.next()
            let context = "seed \(Self.seed), exchange \(index) (\(exchange.label))"
            if index == 300 { baseline = residentBytes(of: cli.processIdentifier) }
            if index % Self.floodEvery == Self.floodEvery - 1 { try Self.flood(port: port) }
            guard let client = try? RawSocket(port: port, timeout: .seconds(5)) else {
                Issue.record("\(context): cannot connect; the process is \(cli.isRunning ? "running" : "gone")")
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
                    failures += 1
                    let shown = String(decoding: exchange.bytes.prefix(200), as: UTF8.self).debugDescription
                    let answer = String(decoding: reply.prefix(200), as: UTF8.self).debugDescription
                    let message = "\(context): sent \(shown), expected \(exchange.expected), got \(statuses) "
                    Issue.record("\(message)(\(ending)): \(answer)")
                }
            }
            sent += exchange.requests
            index += 1
            if index % 250 == 0, !cli.isRunning {
                Issue.record("\(context): the process died; stderr: \(cli.standardError)")
                break
            }
        }
        #expect(sent >= Self.requestCount, "sent \(sent) requests in \(index) exchanges")
        #expect(!cli.diedBySignal)
        LiveAbuseTests.expectServing(cli, port: port, after: "\(sent) fuzzed requests")
        let final = residentBytes(of: cli.processIdentifier)
        if let baseline, let final {
            #expect(final - baseline < 16 << 20, "resident memory grew from \(baseline) to \(final) bytes")
        }
        // The run goes on: resumed (a fuzzed request may have paused it), simulated time advances.
        _ = try RawHTTP.control(port: port, token: token, #"{"action":"resume"}"#)
        let before = try Self.simulatedSeconds(port: port)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try Self.simulatedSeconds(port: port) > before)
        LiveAbuseTests.expectCleanExit(cli)
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
    static func simulatedSeconds(port: Int) throws -> Double {
        let metrics = try RawHTTP.request(port: port, path: "/metrics")
        let line = metrics.split(separator: "\n").first { $0.hasPrefix("sharesim_sim_time_seconds ") }
        return try #require(line.flatMap { Double($0.split(separator: " ")[1]) })
    }
}
