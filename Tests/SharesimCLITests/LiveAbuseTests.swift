import Foundation
import SimTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `sharesim live` under hostile clients, the real binary on an ephemeral loopback port: after
/// each abuse the process is alive, `/metrics` answers 200, and memory stays bounded.
@Suite("sharesim live under abuse", .serialized)
struct LiveAbuseTests {
    /// The tiny queue, long enough not to end during a test even at `--speed max` (seconds of
    /// wall time), with a report interval short enough that events are published all the time.
    static let endlessQueue =
        ScenarioFixture.queue
        .replacingOccurrences(of: "duration: 4000 s", with: "duration: 4999000 s")
        .replacingOccurrences(of: "interval: 1000 s", with: "interval: 50 s")

    /// Starts `sharesim live` on the endless queue with `arguments`; returns it and its port.
    static func start(_ arguments: [String]) async throws -> (RunningCLI, Int) {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", endlessQueue)
        let cli = try RunningCLI(["live", file, "--listen", "127.0.0.1:0"] + arguments)
        let deadline = ContinuousClock.now + .seconds(20)
        while livePort(in: cli.standardError) == nil, cli.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let port = try #require(livePort(in: cli.standardError), "no port in: \(cli.standardError)")
        return (cli, port)
    }

    /// Sends `request` on a fresh connection, says it has finished sending, and reads the reply
    /// to the end (off the test thread pool).
    static func exchange(_ request: [UInt8], port: Int) async throws -> (bytes: [UInt8], ending: RawSocket.Ending) {
        try await offPool {
            let client = try RawSocket(port: port)
            client.send(request)
            client.finishSending()
            return client.receiveAll()
        }
    }

    /// Asserts the process is alive and `/metrics` answers 200.
    static func expectServing(
        _ cli: RunningCLI,
        port: Int,
        after abuse: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        #expect(cli.isRunning, "the process died after \(abuse)", sourceLocation: sourceLocation)
        // A 503 says every connection place is still taken by clients the server has not yet
        // seen close (on a busy machine that takes a moment): ask again, for up to 5 s.
        var metrics = "(no connection)"
        let deadline = ContinuousClock.now + .seconds(5)
        repeat {
            metrics = (try? await offPool { try RawHTTP.request(port: port, path: "/metrics") }) ?? "(no connection)"
            guard metrics.hasPrefix("HTTP/1.1 503 ") else { break }
            try? await Task.sleep(for: .milliseconds(100))
        } while ContinuousClock.now < deadline
        let state = "running: \(cli.isRunning); stderr: \(cli.standardError.suffix(600))"
        #expect(
            metrics.hasPrefix("HTTP/1.1 200 OK\r\n") && metrics.contains("sharesim_served_total"),
            "/metrics after \(abuse): \(metrics.prefix(80)); \(state)",
            sourceLocation: sourceLocation
        )
    }

    /// Ends the run with SIGINT and expects the clean exit (130, not death by a signal).
    static func expectCleanExit(_ cli: RunningCLI, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        cli.send(SIGINT)
        let status = try await offPool { cli.exitStatus(within: .seconds(20)) }
        #expect(status == 130, sourceLocation: sourceLocation)
        #expect(!cli.diedBySignal, "stderr: \(cli.standardError)", sourceLocation: sourceLocation)
        #expect(cli.standardOutput.contains("orders · Throughput"), sourceLocation: sourceLocation)
    }

    @Test("event-stream clients that vanish mid-stream at --speed max do not kill the run", .timeLimit(.minutes(2)))
    func vanishingEventStreams() async throws {
        let (cli, port) = try await Self.start(["--speed", "max"])
        defer { cli.kill() }
        let vanished = try await offPool {
            var vanished = 0
            let started = ContinuousClock.now
            // For 3 s and at least 40 clients (a request waits for the end of a simulation tick;
            // on a machine busy with the rest of the suite 40 can take more than 20 s).
            while ContinuousClock.now - started < .seconds(3) || vanished < 40,
                ContinuousClock.now - started < .seconds(45), cli.isRunning
            {
                // A refused connection means the server is gone; the checks below say how.
                guard let client = try? RawSocket(port: port) else { break }
                client.send("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                switch vanished % 3 {
                case 0:
                    // Reads the head and the history, then resets with events still unread.
                    _ = client.receiveSome()
                    client.reset()
                case 1:
                    _ = client.receiveSome()
                    client.close()
                default:
                    // Gone before the server even answers.
                    client.reset()
                }
                vanished += 1
            }
            return vanished
        }
        #expect(!cli.diedBySignal, "killed by a signal after \(vanished) clients; stderr: \(cli.standardError)")
        #expect(vanished >= 40)
        await Self.expectServing(cli, port: port, after: "\(vanished) event-stream clients vanished")
        try await Self.expectCleanExit(cli)
    }

    @Test("each abuse gets its status or a clean close, and the run goes on", .timeLimit(.minutes(1)))
    func abuses() async throws {
        let token = "abuse-token-0123456789"
        let (cli, port) = try await Self.start(["--speed", "1000", "--control-token", token])
        defer { cli.kill() }
        let opened = ContinuousClock.now
        // Slowloris: a header that never ends holds a connection only until the timeout (5 s).
        let slow = try RawSocket(port: port, timeout: .seconds(10))
        slow.send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")

        let host = "Host: 127.0.0.1\r\n"
        let bearer = "Authorization: Bearer \(token)\r\n"
        let cases: [(name: String, request: [UInt8], statuses: [Int])] = [
            ("a malformed request line", Array("GET / HTTP/x.y\r\n\r\n".utf8), [400]),
            ("binary noise", [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03], [400]),
            (
                "a megabyte of headers",
                Array("GET / HTTP/1.1\r\n\(host)X-Fill: ".utf8) + Array(repeating: 0x61, count: 1 << 20), [431]
            ),
            ("an unknown method", Array("BREW /metrics HTTP/1.1\r\n\(host)\r\n".utf8), [501]),
            ("a method not allowed", Array("DELETE /metrics HTTP/1.1\r\n\(host)\r\n".utf8), [405]),
            (
                "a control request without a token",
                Array("POST /control HTTP/1.1\r\n\(host)Content-Length: 2\r\n\r\n{}".utf8), [401]
            ),
            (
                "a control body that is not JSON",
                Array("POST /control HTTP/1.1\r\n\(host)\(bearer)Content-Length: 3\r\n\r\n{{{".utf8), [400]
            ),
            (
                "a huge control body",
                Array("POST /control HTTP/1.1\r\n\(host)\(bearer)Content-Length: 1048576\r\n\r\n".utf8)
                    + Array(repeating: 0x20, count: 1 << 20), [413]
            ),
            (
                "a chunked control body over the limit",
                Array("POST /control HTTP/1.1\r\n\(host)\(bearer)Transfer-Encoding: chunked\r\n\r\n2000\r\n".utf8)
                    + Array(repeating: 0x20, count: 8192), [413]
            ),
            (
                "a cross-site control request",
                Array(
                    ("POST /control HTTP/1.1\r\n\(host)\(bearer)Origin: http://evil.example\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: 18\r\n\r\n{\"action\":\"pause\"}").utf8
                ), [403]
            ),
            ("a rebound host name", Array("GET / HTTP/1.1\r\nHost: attacker.example\r\n\r\n".utf8), [403]),
            ("HTTP/1.0", Array("GET /metrics HTTP/1.0\r\n\r\nGET /metrics HTTP/1.0\r\n\r\n".utf8), [200]),
            (
                "30 pipelined requests",
                Array(String(repeating: "GET /metrics HTTP/1.1\r\n\(host)\r\n", count: 30).utf8),
                Array(repeating: 200, count: 30)
            ),
            ("a request cut off", Array("GET /metrics HTTP/1.1\r\nHo".utf8), [400]),
        ]
        for (name, request, statuses) in cases {
            let (reply, ending) = try await Self.exchange(request, port: port)
            #expect(ending != .timedOut, "\(name): the server did not close")
            #expect(
                responseStatuses(in: reply) == statuses,
                "\(name): \(String(decoding: reply.prefix(60), as: UTF8.self))"
            )
            await Self.expectServing(cli, port: port, after: name)
        }

        if ContinuousClock.now - opened < .seconds(4) {
            #expect(slow.isOpenAndQuiet, "the slowloris connection was dropped before the timeout")
        }

        // A client that pipelines without ever reading: the server stops reading from it.
        let baseline = try #require(residentBytes(of: cli.processIdentifier))
        let (sent, stalled) = try await offPool { try Self.flood(port: port) }
        let flooded = try #require(residentBytes(of: cli.processIdentifier))
        #expect(stalled, "the server kept reading \(sent) bytes of requests it could not answer")
        #expect(flooded - baseline < 24 << 20, "resident memory grew from \(baseline) to \(flooded) bytes")
        await Self.expectServing(cli, port: port, after: "a pipelining flood of \(sent) bytes")

        // 2,000 connections at once: 64 are served (one is the slowloris), the rest get 503.
        let count = min(2000, raiseOpenFileLimit(to: 4096) - 100)
        #expect(count == 2000, "the open-file limit allows only \(count) connections")
        let crowd = try await offPool { try Self.crowd(count, port: port) }
        // Idle connections are dropped after 5 s, freeing places: checked only if none can have been.
        if let crowd {
            #expect(crowd.refused == 100)
            #expect(crowd.metrics.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
        }
        try await Task.sleep(for: .milliseconds(200))
        await Self.expectServing(cli, port: port, after: "2,000 concurrent connections")

        let (slowReply, slowEnding) = try await offPool { slow.receiveAll() }
        #expect(slowEnding == .closed && slowReply.isEmpty, "the slowloris connection: \(slowEnding)")
        #expect(ContinuousClock.now - opened >= .seconds(5))
        await Self.expectServing(cli, port: port, after: "a slowloris connection")
        try await Self.expectCleanExit(cli)
    }

    /// Pipelines `GET /metrics` without reading, for up to 3 s or 64 MB; returns the bytes sent
    /// and whether the server stopped taking them (half a second without progress), then resets.
    static func flood(port: Int) throws -> (sent: Int, stalled: Bool) {
        let flood = try RawSocket(port: port)
        defer { flood.reset() }
        let batch = Array(String(repeating: "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", count: 1000).utf8)
        var sent = 0
        var stalledSince: ContinuousClock.Instant?
        let end = ContinuousClock.now + .seconds(3)
        while ContinuousClock.now < end, sent < 64 << 20 {
            let count = flood.sendWithoutWaiting(batch)
            if count > 0 {
                sent += count
                stalledSince = nil
            } else if count < 0 {
                break
            } else {
                if let since = stalledSince, ContinuousClock.now - since > .milliseconds(500) { return (sent, true) }
                stalledSince = stalledSince ?? ContinuousClock.now
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        return (sent, false)
    }

    /// Opens `count` connections at once; if that took under 3 s, returns how many of the
    /// last 100 got 503 and what `/metrics` got meanwhile. Closes them all.
    static func crowd(_ count: Int, port: Int) throws -> (refused: Int, metrics: String)? {
        var crowd: [RawSocket] = []
        defer { for client in crowd { client.close() } }
        let started = ContinuousClock.now
        for _ in 0..<count { crowd.append(try RawSocket(port: port, timeout: .seconds(5))) }
        guard ContinuousClock.now - started < .seconds(3) else { return nil }
        let refused = crowd.suffix(100).filter { responseStatuses(in: $0.receiveAll().bytes) == [503] }.count
        return (refused, try RawHTTP.request(port: port, path: "/metrics"))
    }
}

/// Raises this process's soft limit on open files to `wanted` (or the hard limit, if lower);
/// returns the soft limit in force afterwards.
func raiseOpenFileLimit(to wanted: Int) -> Int {
    #if canImport(Glibc)
    let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    let resource = RLIMIT_NOFILE
    #endif
    var limit = rlimit()
    guard getrlimit(resource, &limit) == 0 else { return 0 }
    if limit.rlim_cur < rlim_t(wanted) {
        limit.rlim_cur = min(rlim_t(wanted), limit.rlim_max)
        _ = setrlimit(resource, &limit)
        _ = getrlimit(resource, &limit)
    }
    return Int(clamping: limit.rlim_cur)
}
