/// A small HTTP/1.1 server on an ``EventLoop``: a ``TCPListener``, one
/// ``HTTPRequestParser`` per connection, and server-sent-event streams.
///
/// It is built for a local dashboard and control endpoint, not for the open internet, but it
/// stays up whatever clients send: each request is size-limited by the parser (400, 413 or
/// 431, then the connection closes); a client that does not finish a request within
/// ``Options/requestTimeout`` (or leaves a kept-alive connection idle that long) is dropped;
/// beyond ``Options/maxConnections`` new connections get 503 and are closed; an event-stream
/// client that stops reading is dropped once ``Options/maxQueuedEventBytes`` pile up.
///
/// ```swift
/// let server = try HTTPServer(loop: loop, host: "127.0.0.1", port: 0) { request in
///     request.path == "/" ? .response(HTTPResponse(contentType: "text/plain", body: "up\n"))
///                         : .response(HTTPResponse(status: .notFound, contentType: "text/plain", body: "no\n"))
/// }
/// print(try server.boundPort)
/// server.broadcast(event: "tick", data: "{}")   // to every `.eventStream` client
/// ```
///
/// Everything runs on the loop's thread; the server is not `Sendable`. Call ``close()``
/// when done: it closes the listener and every connection.
public final class HTTPServer {
    /// Limits and timeouts.
    public struct Options: Sendable, Equatable {
        /// Size limits on each request.
        public var limits: HTTPRequestParser.Limits
        /// How long a client has to send a whole request, from connecting or from the end of
        /// the previous response; slower clients are dropped without an answer.
        public var requestTimeout: Duration
        /// Connections open at once, event streams included; more get 503.
        public var maxConnections: Int
        /// Unsent event bytes after which an event-stream client is dropped.
        public var maxQueuedEventBytes: Int
        /// Whether a connection may carry several requests (HTTP keep-alive).
        public var keepAlive: Bool

        /// Options with the given limits; the defaults suit a local dashboard.
        public init(
            limits: HTTPRequestParser.Limits = HTTPRequestParser.Limits(
                maxHeaderBytes: 8 * 1024,
                maxBodyBytes: 4 * 1024
            ),
            requestTimeout: Duration = .seconds(10),
            maxConnections: Int = 64,
            maxQueuedEventBytes: Int = 1 << 20,
            keepAlive: Bool = true
        ) {
            precondition(maxConnections > 0, "HTTPServer.Options: maxConnections must be positive")
            self.limits = limits
            self.requestTimeout = requestTimeout
            self.maxConnections = maxConnections
            self.maxQueuedEventBytes = maxQueuedEventBytes
            self.keepAlive = keepAlive
        }
    }

    /// What the handler answers a request with.
    public enum Reply {
        /// A complete response (a `Content-Length` is added).
        case response(HTTPResponse)
        /// Turn the connection into a server-sent-events stream: the event-stream head, then
        /// `initialEvents` (already framed with ``HTTPResponse/serverSentEvent(data:event:id:)``),
        /// then every ``HTTPServer/broadcast(event:data:)`` until the client goes away.
        case eventStream(initialEvents: [UInt8])
    }

    private let loop: EventLoop
    private let listener: TCPListener
    private let options: Options
    private let handler: (HTTPRequest) -> Reply
    private var connections: [ObjectIdentifier: ServerConnection] = [:]
    private var isClosed = false

    /// A server on `loop` listening on `host` (a numeric address; `127.0.0.1` keeps it
    /// private to this machine) and `port` (0 for one the system chooses, see
    /// ``boundPort``); `handler` answers each request on the loop's thread.
    ///
    /// - Throws: a ``UVError`` if the address is malformed or cannot be bound.
    public init(
        loop: EventLoop,
        host: String,
        port: Int,
        options: Options = Options(),
        handler: @escaping (HTTPRequest) -> Reply
    ) throws(UVError) {
        self.loop = loop
        self.options = options
        self.handler = handler
        listener = try TCPListener(loop: loop, host: host, port: port)
        do {
            try listener.listen { [weak self] result in
                guard case .success(let connection) = result else { return }
                guard let self else {
                    connection.close()
                    return
                }
                self.accept(connection)
            }
        } catch {
            listener.close()
            throw error
        }
    }

    /// The port the server listens on.
    public var boundPort: Int {
        get throws(UVError) { try listener.boundPort }
    }

    /// Connections open now, event streams included.
    public var connectionCount: Int { connections.count }

    /// Event-stream clients connected now.
    public var eventStreamCount: Int { connections.values.filter(\.isEventStream).count }

    /// Sends one server-sent event to every event-stream client; clients whose unsent bytes
    /// exceed ``Options/maxQueuedEventBytes`` are dropped instead.
    public func broadcast(event: String? = nil, data: String) {
        let frame = HTTPResponse.serverSentEvent(data: data, event: event)
        for connection in connections.values where connection.isEventStream {
            if connection.stream.queuedWriteBytes > options.maxQueuedEventBytes {
                drop(connection)
                continue
            }
            do {
                try connection.stream.write(frame)
            } catch {
                drop(connection)
            }
        }
    }

    /// Stops listening and closes every connection (event streams included). Closing twice
    /// does nothing the second time.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        listener.close()
        for connection in Array(connections.values) { drop(connection) }
    }

    // MARK: Connections

    private func accept(_ stream: TCPConnection) {
        guard !isClosed else {
            stream.close()
            return
        }
        guard connections.count < options.maxConnections,
            let timer = try? LoopTimer(loop: loop)
        else {
            let busy = HTTPResponse(
                status: .serviceUnavailable,
                contentType: "text/plain; charset=utf-8",
                body: "too many connections\n",
                headers: [HTTPHeader("Connection", "close")]
            )
            do {
                try stream.write(busy.serialized()) { _ in stream.close() }
            } catch {
                stream.close()
            }
            return
        }
        let connection = ServerConnection(
            stream: stream,
            parser: HTTPRequestParser(limits: options.limits),
            timer: timer
        )
        connections[ObjectIdentifier(connection)] = connection
        armTimeout(connection)
        do {
            try stream.startReading { [weak self, weak connection] event in
                guard let self, let connection else { return }
                self.read(event, on: connection)
            }
        } catch {
            drop(connection)
        }
    }

    private func armTimeout(_ connection: ServerConnection) {
        do {
            try connection.timer.start(after: options.requestTimeout) { [weak self, weak connection] _ in
                guard let self, let connection else { return }
                self.drop(connection)
            }
        } catch {
            drop(connection)
        }
    }

    private func read(_ event: StreamReadEvent, on connection: ServerConnection) {
        guard case .data(let bytes) = event else {
            drop(connection)
            return
        }
        // An event stream expects nothing more from its client; ignore what it sends.
        guard !connection.isEventStream, !connection.isClosing else { return }
        let requests: [HTTPRequest]
        do {
            requests = try connection.parser.feed(bytes)
        } catch {
            respondAndClose(connection, HTTPResponse(rejecting: error))
            return
        }
        for request in requests {
            guard !connection.isClosing, !connection.isEventStream else { break }
            serve(request, on: connection)
        }
    }

    private func serve(_ request: HTTPRequest, on connection: ServerConnection) {
        switch handler(request) {
        case .response(var response):
            let keepOpen =
                options.keepAlive && request.keepAlive
                && !response.headers.contains { $0.matches("Connection") && $0.value.lowercased() == "close" }
            if !keepOpen {
                if !response.headers.contains(where: { $0.matches("Connection") }) {
                    response.headers.append(HTTPHeader("Connection", "close"))
                }
                respondAndClose(connection, response)
                return
            }
            do {
                try connection.stream.write(response.serialized())
            } catch {
                drop(connection)
                return
            }
            armTimeout(connection)
        case .eventStream(let initialEvents):
            connection.isEventStream = true
            connection.timer.stop()
            do {
                try connection.stream.write(
                    HTTPResponse.eventStreamHead(headers: [HTTPHeader("Connection", "keep-alive")])
                )
                if !initialEvents.isEmpty { try connection.stream.write(initialEvents) }
            } catch {
                drop(connection)
            }
        }
    }

    private func respondAndClose(_ connection: ServerConnection, _ response: HTTPResponse) {
        connection.isClosing = true
        connection.stream.stopReading()
        do {
            try connection.stream.write(response.serialized()) { [weak self, weak connection] _ in
                guard let self, let connection else { return }
                self.drop(connection)
            }
        } catch {
            drop(connection)
        }
    }

    private func drop(_ connection: ServerConnection) {
        guard connections.removeValue(forKey: ObjectIdentifier(connection)) != nil else { return }
        connection.timer.close()
        connection.stream.close()
    }
}

/// One accepted connection: its socket, parser and timeout timer.
private final class ServerConnection {
    let stream: TCPConnection
    let parser: HTTPRequestParser
    let timer: LoopTimer
    /// Whether the connection became an event stream.
    var isEventStream = false
    /// Whether a final response is being written before the connection closes.
    var isClosing = false

    init(stream: TCPConnection, parser: HTTPRequestParser, timer: LoopTimer) {
        self.stream = stream
        self.parser = parser
        self.timer = timer
    }
}
