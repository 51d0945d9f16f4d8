import HostRuntime
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The live HTTP server under hostile clients: each abuse, then a well-behaved request that
/// must still be answered.
@Suite("Live HTTP server under abuse")
struct LiveHTTPServerAbuseTests {
    /// Bytes in each `/big` response body.
    static let bigBody = 64 * 1024

    /// A test server: `/` answers `hello` (to GET and HEAD), `/big` 64 KiB, `/events` streams; `served` counts
    /// the requests its handler saw.
    final class Server {
        let server: HTTPServer
        private(set) var served = 0
        /// Called with each request the handler sees.
        var onRequest: ((HTTPRequest) -> Void)?

        init(loop: EventLoop, options: HTTPServer.Options = HTTPServer.Options()) throws {
            var count: (HTTPRequest) -> Void = { _ in }
            server = try HTTPServer(loop: loop, host: "127.0.0.1", port: 0, options: options) { request in
                count(request)
                switch (request.method, request.path) {
                case ("GET", "/"), ("HEAD", "/"):
                    return .response(HTTPResponse(contentType: "text/plain", body: "hello\n"))
                case ("GET", "/big"):
                    let body = String(repeating: "x", count: LiveHTTPServerAbuseTests.bigBody)
                    return .response(HTTPResponse(contentType: "text/plain", body: body))
                case ("GET", "/events"):
                    return .eventStream(initialEvents: HTTPResponse.serverSentEvent(data: "first"))
                default: return .response(HTTPResponse(status: .methodNotAllowed, contentType: "text/plain", body: ""))
                }
            }
            count = { [unowned self] request in
                self.served += 1
                self.onRequest?(request)
            }
        }

        var port: Int { (try? server.boundPort) ?? 0 }
    }

    /// Runs `body` after `delay` on the loop.
    static func after(_ delay: Duration, on loop: EventLoop, _ body: @escaping () -> Void) throws {
        let timer = try LoopTimer(loop: loop)
        try timer.start(after: delay) { timer in
            timer.close()
            body()
        }
    }

    /// Sends a plain GET of `/` and hands its whole reply to `done` (the request closes).
    static func probe(_ harness: LoopHarness, port: Int, _ done: @escaping (String) -> Void) throws {
        let client = try LiveTestClient(
            loop: harness.loop,
            port: port,
            sending: "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        harness.keep(client)
        client.onEnd = { done($0.text) }
    }

    /// Sends `request` to a fresh test server, then (once the server closes) probes it; returns
    /// both replies.
    static func abuseThenProbe(
        _ request: [UInt8],
        shutDownAfterSending: Bool = false,
        options: HTTPServer.Options = HTTPServer.Options()
    ) throws -> (reply: String, probe: String) {
        let harness = try LoopHarness(timeout: .seconds(10))
        let server = try Server(loop: harness.loop, options: options)
        let client = try LiveTestClient(loop: harness.loop, port: server.port, sending: "")
        try client.connection.write(request)
        if shutDownAfterSending { try client.connection.shutdown(nil) }
        var probeReply = ""
        client.onEnd = { _ in
            try? probe(harness, port: server.port) { text in
                probeReply = text
                server.server.close()
            }
        }
        harness.run()
        #expect(try harness.finish().isClean)
        return (client.text, probeReply)
    }

    @Test(
        "each bad request gets its status and a close, and the next client is served",
        arguments: [
            ("\u{16}\u{3}\u{1}\u{0}garbage\r\n\r\n", "400 Bad Request"),
            ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Name: x\r\n\r\n", "400 Bad Request"),
            ("BREW /pot HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "501 Not Implemented"),
            ("GET / HTTP/1.1\r\n\r\n", "400 Bad Request"),
            ("GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n", "403 Forbidden"),
            ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://evil.example\r\n\r\n", "403 Forbidden"),
            ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 99999999999\r\n\r\n", "413 Content Too Large"),
            (
                "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n",
                "400 Bad Request"
            ),
        ]
    )
    func badRequests(_ request: String, _ status: String) throws {
        let (reply, probe) = try Self.abuseThenProbe(Array(request.utf8))
        #expect(reply.hasPrefix("HTTP/1.1 \(status)\r\n"))
        #expect(reply.contains("Connection: close\r\n"))
        #expect(probe.hasPrefix("HTTP/1.1 200 OK\r\n"))
    }

    @Test("a megabyte of headers gets 431 after the first 8 KiB, and the next client is served")
    func hugeHeaders() throws {
        let request =
            Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Fill: ".utf8) + [UInt8](repeating: 0x61, count: 1 << 20)
        let (reply, probe) = try Self.abuseThenProbe(request)
        #expect(reply.hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"))
        #expect(probe.hasPrefix("HTTP/1.1 200 OK\r\n"))
    }

    @Test("a request cut off by the end of the stream gets 400; whole ones before it are answered")
    func cutOff() throws {
        let (reply, _) = try Self.abuseThenProbe(
            Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET / HTTP/1.1\r\nHost: 127.0".utf8),
            shutDownAfterSending: true
        )
        #expect(reply.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(
            reply.hasSuffix(
                "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
                    + "Content-Length: 16\r\n\r\n400 Bad Request\n"
            )
        )
    }

    @Test("pipelined requests, HTTP/1.0 and HEAD: every request answered in order, then the close")
    func pipelinedAndOldVersions() throws {
        let wire =
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + "HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            + "PUT / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc" + "GET / HTTP/1.0\r\n\r\n"
            + "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        let (reply, probe) = try Self.abuseThenProbe(Array(wire.utf8), shutDownAfterSending: false)
        let statuses = reply.split(separator: "HTTP/1.1 ").map { $0.prefix { $0 != "\r\n" } }
        #expect(statuses == ["200 OK", "200 OK", "405 Method Not Allowed", "200 OK"])
        // HEAD gets the GET's length and no body; HTTP/1.0 closes, so the last GET is never read.
        #expect(reply.split(separator: "hello\n", omittingEmptySubsequences: false).count == 3)
        #expect(reply.hasSuffix("Connection: close\r\nContent-Length: 6\r\n\r\nhello\n"))
        #expect(probe.hasPrefix("HTTP/1.1 200 OK\r\n"))
    }

    @Test("a client that pipelines without reading is answered only up to the unsent limit; all is freed when it goes")
    func pipelineFlood() throws {
        let harness = try LoopHarness(timeout: .seconds(15))
        let test = try Server(
            loop: harness.loop,
            options: HTTPServer.Options(maxQueuedRequests: 4, maxUnsentBytes: 64 * 1024)
        )
        // 40,000 requests (1.5 MB) would ask for 2.6 GB of responses; the client never reads.
        let batch = Array(String(repeating: "GET /big HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", count: 2000).utf8)
        var servedWhileFlooding = 0
        var heldWhileFlooding = 0
        var heldAfterClose = -1
        var probeReply = ""
        var flood: TCPConnection?
        flood = try TCPConnection.connect(on: harness.loop, host: "127.0.0.1", port: test.port) { error in
            #expect(error == nil)
            // Timed from the connect, on the loop's clock.
            try? Self.after(.milliseconds(700), on: harness.loop) {
                servedWhileFlooding = test.served
                heldWhileFlooding = test.server.heldBytes
                flood?.close()
                try? Self.after(.milliseconds(200), on: harness.loop) {
                    heldAfterClose = test.server.heldBytes
                    try? Self.probe(harness, port: test.port) { text in
                        probeReply = text
                        test.server.close()
                    }
                }
            }
        }
        for _ in 0..<20 { try flood?.write(batch) }
        harness.run()
        // The kernel's socket buffers take some responses (a few MB on loopback); then the server
        // stops. Without backpressure it would answer all 40,000.
        #expect(servedWhileFlooding > 0 && servedWhileFlooding < 400, "served \(servedWhileFlooding)")
        // Unparsed input (at most two reads) plus unsent output (the limit plus one response).
        #expect(heldWhileFlooding <= 2 * 64 * 1024 + 64 * 1024 + Self.bigBody + 200, "held \(heldWhileFlooding)")
        #expect(heldAfterClose == 0)
        #expect(probeReply.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(try harness.finish().isClean)
    }

    @Test("a client pipelining thousands of requests does not keep another waiting: a few at a time each")
    func pipeliningIsFair() throws {
        let harness = try LoopHarness(timeout: .seconds(15))
        let test = try Server(loop: harness.loop)
        let request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        let flood = try LiveTestClient(
            loop: harness.loop,
            port: test.port,
            sending: String(repeating: request, count: 20_000)
        )
        var servedWhenProbeConnected = -1
        var servedBeforeProbe = -1
        test.onRequest = { request in
            if request.path == "/probe" { servedBeforeProbe = test.served - servedWhenProbeConnected }
        }
        flood.onData = { flood in
            guard servedWhenProbeConnected < 0 else { return }
            servedWhenProbeConnected = test.served
            guard
                let probe = try? LiveTestClient(
                    loop: harness.loop,
                    port: test.port,
                    sending: "GET /probe HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                )
            else { return }
            harness.keep(probe)
            probe.onEnd = { _ in
                flood.connection.close()
                test.server.close()
            }
        }
        harness.run()
        // 16 a turn, while the probe connects and is read (a few turns); without a budget, thousands.
        #expect(servedBeforeProbe > 0 && servedBeforeProbe < 1000, "\(servedBeforeProbe) flood requests first")
        #expect(try harness.finish().isClean)
    }

    @Test("a client that stops reading its responses is dropped after the timeout")
    func stalledReaderDropped() throws {
        let harness = try LoopHarness(timeout: .seconds(10))
        let test = try Server(
            loop: harness.loop,
            options: HTTPServer.Options(requestTimeout: .milliseconds(300), maxUnsentBytes: 64 * 1024)
        )
        var connectionsAfterTimeout = -1
        var stalled: TCPConnection?
        stalled = try TCPConnection.connect(on: harness.loop, host: "127.0.0.1", port: test.port) { error in
            #expect(error == nil)
            try? Self.after(.milliseconds(1200), on: harness.loop) {
                connectionsAfterTimeout = test.server.connectionCount
                stalled?.close()
                test.server.close()
            }
        }
        try stalled?.write(Array(String(repeating: "GET /big HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", count: 2000).utf8))
        harness.run()
        #expect(test.served > 0)
        #expect(connectionsAfterTimeout == 0)
        #expect(try harness.finish().isClean)
    }

    @Test("event-stream clients that vanish while events are broadcast are dropped; the server goes on")
    func vanishingEventStreams() throws {
        let harness = try LoopHarness(timeout: .seconds(15))
        let test = try Server(loop: harness.loop)
        let ticker = try LoopTimer(loop: harness.loop)
        try ticker.start(after: .milliseconds(1), repeat: .milliseconds(1)) { _ in
            test.server.broadcast(event: "figures", data: String(repeating: "y", count: 4000))
        }
        var vanished = 0
        var probeReply = ""
        var streamsAfter = -1
        func next() {
            guard vanished < 60 else {
                try? Self.after(.milliseconds(100), on: harness.loop) {
                    streamsAfter = test.server.eventStreamCount
                    try? Self.probe(harness, port: test.port) { text in
                        probeReply = text
                        ticker.close()
                        test.server.close()
                    }
                }
                return
            }
            guard
                let client = try? LiveTestClient(
                    loop: harness.loop,
                    port: test.port,
                    sending: "GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                )
            else { return }
            harness.keep(client)
            client.onData = { client in
                guard client.text.contains("data: first\n\n"), !client.connection.isClosed else { return }
                // Gone mid-stream (unread events make the close a reset), while the server writes
                // on: the first write after a reset fails with ECONNRESET, the next with EPIPE,
                // which would raise SIGPIPE.
                client.connection.close()
                for _ in 0..<3 { test.server.broadcast(event: "figures", data: "after") }
                vanished += 1
                next()
            }
        }
        next()
        harness.run()
        #expect(vanished == 60)
        #expect(streamsAfter == 0)
        #expect(probeReply.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(try harness.finish().isClean)
    }

    @Test("2,000 connections at once: those over the limit get 503; once they go, the server answers again")
    func connectionFlood() throws {
        let wanted = 2000
        let count = min(wanted, (raiseOpenFileLimit(to: 3 * wanted) - 200) / 2)
        #expect(count == wanted, "the open-file limit allows only \(count) connections")
        let harness = try LoopHarness(timeout: .seconds(20))
        let test = try Server(loop: harness.loop, options: HTTPServer.Options(maxConnections: 64))
        var clients: [LiveTestClient] = []
        var refused = 0
        var openAtPeak = -1
        var probeReply = ""
        func finish() {
            openAtPeak = test.server.connectionCount
            for client in clients where !client.connection.isClosed { client.connection.close() }
            try? Self.after(.milliseconds(200), on: harness.loop) {
                try? Self.probe(harness, port: test.port) { text in
                    probeReply = text
                    test.server.close()
                }
            }
        }
        // Opened in batches, as a client pool would, so the handshakes do not overflow the queue.
        func open(from start: Int) {
            for _ in start..<min(start + 200, count) {
                guard let client = try? LiveTestClient(loop: harness.loop, port: test.port, sending: "") else {
                    continue
                }
                client.onEnd = { client in
                    if client.text.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n") { refused += 1 }
                    if refused == count - 64 { finish() }
                }
                clients.append(client)
            }
            if start + 200 < count { try? Self.after(.milliseconds(5), on: harness.loop) { open(from: start + 200) } }
        }
        open(from: 0)
        harness.run()
        #expect(clients.count == count)
        #expect(refused == count - 64)
        #expect(openAtPeak == 64)
        #expect(probeReply.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(try harness.finish().isClean)
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
