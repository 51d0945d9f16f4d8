import HostRuntime
import Testing

/// A raw HTTP client on the test's loop: writes bytes, collects the reply until the server
/// closes the connection.
final class LiveTestClient {
    let connection: TCPConnection
    private(set) var reply: [UInt8] = []
    private(set) var closedByServer = false
    var onData: ((LiveTestClient) -> Void)?
    var onEnd: ((LiveTestClient) -> Void)?

    init(loop: EventLoop, port: Int, sending text: String) throws {
        connection = try TCPConnection.connect(on: loop, host: "127.0.0.1", port: port) { _ in }
        if !text.isEmpty { try connection.write(text) }
        try connection.startReading { [unowned self] event in
            switch event {
            case .data(let bytes):
                reply += bytes
                onData?(self)
            case .endOfFile, .failure:
                closedByServer = true
                connection.close()
                onEnd?(self)
            }
        }
    }

    var text: String { String(decoding: reply, as: UTF8.self) }
}

@Suite("Live HTTP server")
struct LiveHTTPServerTests {
    /// A server with three pages: `/` (text), `/echo` (POST body back) and `/events` (a stream).
    static func makeServer(loop: EventLoop, options: HTTPServer.Options = HTTPServer.Options()) throws -> HTTPServer {
        try HTTPServer(loop: loop, host: "127.0.0.1", port: 0, options: options) { request in
            switch (request.method, request.path) {
            case ("GET", "/"): .response(HTTPResponse(contentType: "text/plain", body: "hello\n"))
            case ("POST", "/echo"): .response(HTTPResponse(contentType: "text/plain", body: request.bodyText))
            case ("GET", "/events"): .eventStream(initialEvents: HTTPResponse.serverSentEvent(data: "first"))
            default: .response(HTTPResponse(status: .notFound, contentType: "text/plain", body: "no\n"))
            }
        }
    }

    /// Sends `request` to a fresh server and returns the whole reply (the server closes).
    static func exchange(_ request: String, options: HTTPServer.Options = HTTPServer.Options()) throws -> String {
        let harness = try LoopHarness(timeout: .seconds(10))
        let server = try makeServer(loop: harness.loop, options: options)
        let client = try LiveTestClient(loop: harness.loop, port: try server.boundPort, sending: request)
        client.onEnd = { _ in server.close() }
        harness.run()
        #expect(try harness.finish().isClean)
        return client.text
    }

    @Test("GET of a known page answers 200 with the body and a Content-Length")
    func getPage() throws {
        let reply = try Self.exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(reply.contains("Content-Length: 6\r\n"))
        #expect(reply.hasSuffix("\r\n\r\nhello\n"))
    }

    @Test("an unknown path answers 404")
    func unknownPath() throws {
        let reply = try Self.exchange("GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 404 Not Found\r\n"))
    }

    @Test("a body over the limit answers 413 and closes")
    func oversizedBody() throws {
        let body = String(repeating: "x", count: 5000)
        let reply = try Self.exchange("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000\r\n\r\n" + body)
        #expect(reply.hasPrefix("HTTP/1.1 413 Content Too Large\r\n"))
        #expect(reply.contains("Connection: close\r\n"))
    }

    @Test("a malformed request answers 400 and closes")
    func malformed() throws {
        let reply = try Self.exchange("GET / HTTP/x.y\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
    }

    @Test("a kept-alive connection serves two requests in turn")
    func keepAlive() throws {
        let reply = try Self.exchange(
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nPOST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                + "2\r\nConnection: close\r\n\r\nhi"
        )
        #expect(reply.split(separator: "HTTP/1.1 200 OK", omittingEmptySubsequences: false).count == 3)
        #expect(reply.hasSuffix("\r\n\r\nhi"))
    }

    @Test("a client that sends half a header is dropped after the timeout while others are served")
    func slowClientDropped() throws {
        let harness = try LoopHarness(timeout: .seconds(10))
        let server = try Self.makeServer(
            loop: harness.loop,
            options: HTTPServer.Options(requestTimeout: .milliseconds(300))
        )
        let port = try server.boundPort
        let slow = try LiveTestClient(loop: harness.loop, port: port, sending: "GET / HTTP/1.1\r\nHos")
        var fastReply = ""
        var fast: LiveTestClient?
        var slowWasOpenWhenFastDone = false
        let delay = try LoopTimer(loop: harness.loop)
        try delay.start(after: .milliseconds(50)) { timer in
            timer.close()
            fast = try? LiveTestClient(
                loop: harness.loop,
                port: port,
                sending: "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            )
            fast?.onEnd = { client in
                fastReply = client.text
                slowWasOpenWhenFastDone = !slow.closedByServer
            }
        }
        slow.onEnd = { _ in server.close() }
        let started = ContinuousClock.now
        harness.run()
        let elapsed = ContinuousClock.now - started
        #expect(fastReply.hasPrefix("HTTP/1.1 200 OK"))
        #expect(slowWasOpenWhenFastDone)
        #expect(slow.closedByServer)
        #expect(slow.reply.isEmpty)
        #expect(elapsed >= .milliseconds(250))
        #expect(try harness.finish().isClean)
    }

    @Test("beyond the connection limit a new client gets 503")
    func connectionLimit() throws {
        let harness = try LoopHarness(timeout: .seconds(10))
        let server = try Self.makeServer(
            loop: harness.loop,
            options: HTTPServer.Options(requestTimeout: .milliseconds(500), maxConnections: 1)
        )
        let port = try server.boundPort
        let first = try LiveTestClient(loop: harness.loop, port: port, sending: "")
        var second: LiveTestClient?
        let delay = try LoopTimer(loop: harness.loop)
        try delay.start(after: .milliseconds(50)) { timer in
            timer.close()
            second = try? LiveTestClient(loop: harness.loop, port: port, sending: "")
        }
        first.onEnd = { _ in server.close() }
        harness.run()
        #expect(second?.text.hasPrefix("HTTP/1.1 503 Service Unavailable") == true)
        #expect(try harness.finish().isClean)
    }

    @Test("an event-stream client receives the initial event and two broadcasts")
    func eventStream() throws {
        let harness = try LoopHarness(timeout: .seconds(10))
        let server = try Self.makeServer(loop: harness.loop)
        let client = try LiveTestClient(
            loop: harness.loop,
            port: try server.boundPort,
            sending: "GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        )
        var broadcasts = 0
        client.onData = { client in
            if broadcasts == 0, client.text.contains("data: first\n\n") {
                #expect(server.eventStreamCount == 1)
                broadcasts = 2
                server.broadcast(event: "figures", data: "{\"n\":1}")
                server.broadcast(data: "two\nlines")
            }
            if client.text.contains("data: two\ndata: lines\n\n") {
                client.connection.close()
                server.close()
            }
        }
        harness.run()
        let text = client.text
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"))
        #expect(text.hasSuffix("\r\n\r\ndata: first\n\nevent: figures\ndata: {\"n\":1}\n\ndata: two\ndata: lines\n\n"))
        #expect(try harness.finish().isClean)
    }
}
