internal import CLibUV

/// A small HTTP/1.1 server on an ``EventLoop``: a ``TCPListener``, one
/// ``HTTPRequestParser`` per connection, and server-sent-event streams.
///
/// It is built for a local dashboard and control endpoint, not for the open internet, but it
/// stays up, and its memory stays bounded, whatever clients send (see ``Options``):
/// - each request is size-limited by the parser (400, 413, 431 or 501, then the connection
///   closes); a request must name this server in `Host` and come from no other `Origin`
///   (``HTTPHostCheck``: 400 or 403);
/// - a client that makes no progress for ``Options/requestTimeout`` (an unfinished request,
///   an idle kept-alive connection, responses it does not read) is dropped;
/// - pipelined requests are parsed a few at a time; while a client leaves more than
///   ``Options/maxUnsentBytes`` of responses unread, the server stops reading from it;
/// - beyond ``Options/maxConnections`` new connections get 503 and are closed; an
///   event-stream client that stops reading is dropped once ``Options/maxQueuedEventBytes``
///   pile up;
/// - a write that fails (the client went away) closes that connection only; `SIGPIPE` is
///   ignored process-wide (``ProcessStart/ignoreBrokenPipes()``) so it cannot kill the
///   process.
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
    private let hostCheck: HTTPHostCheck?
    private let handler: (HTTPRequest) -> Reply
    private var connections: [ObjectIdentifier: HTTPServerConnection] = [:]
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
        ProcessStart.ignoreBrokenPipes()
        self.loop = loop
        self.options = options
        self.handler = handler
        listener = try TCPListener(loop: loop, host: host, port: port)
        guard let address = IPAddress(host) else {
            listener.close()
            throw UVCall.error(UV_EINVAL.rawValue, "uv_inet_pton")
        }
        hostCheck = options.checksHost ? HTTPHostCheck(listeningOn: address) : nil
        do {
            // A long accept queue, so a burst of connections is answered (or refused) at once
            // rather than left to retry its handshake.
            try listener.listen(backlog: 511) { [weak self] result in
                // A failed accept (such as EMFILE) leaves nothing to serve; libuv keeps listening.
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
    public var eventStreamCount: Int { connections.values.filter { $0.state == .eventStream }.count }

    /// Bytes held for clients now, over every connection: received but not yet parsed, and
    /// responses not yet handed to the system. ``Options`` bound it per connection.
    public var heldBytes: Int {
        connections.values.reduce(0) { $0 + $1.inbox.count + $1.stream.queuedWriteBytes }
    }

    /// Sends one server-sent event to every event-stream client; clients whose unsent bytes
    /// exceed ``Options/maxQueuedEventBytes`` are dropped instead.
    public func broadcast(event: String? = nil, data: String) {
        let frame = HTTPResponse.serverSentEvent(data: data, event: event)
        for connection in Array(connections.values) where connection.state == .eventStream {
            if connection.stream.queuedWriteBytes > options.maxQueuedEventBytes {
                drop(connection)
            } else {
                write(frame, on: connection)
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

    // MARK: Accepting and reading

    private func accept(_ stream: TCPConnection) {
        guard !isClosed else {
            stream.close()
            return
        }
        guard connections.count < options.maxConnections else {
            refuse(stream)
            return
        }
        let timer: LoopTimer
        do {
            timer = try LoopTimer(loop: loop)
        } catch {
            refuse(stream)
            return
        }
        let connection = HTTPServerConnection(
            stream: stream,
            parser: HTTPRequestParser(limits: options.limits),
            timer: timer
        )
        connections[ObjectIdentifier(connection)] = connection
        armTimeout(connection)
        resumeReading(connection)
    }

    /// Answers 503 on a connection over the limit and closes it.
    private func refuse(_ stream: TCPConnection) {
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
    }

    private func resumeReading(_ connection: HTTPServerConnection) {
        guard !connection.isReading, !connection.peerFinished,
            connection.state == .open || connection.state == .eventStream
        else { return }
        do {
            try connection.stream.startReading { [weak self, weak connection] event in
                guard let self, let connection else { return }
                self.read(event, on: connection)
            }
            connection.isReading = true
        } catch {
            drop(connection)
        }
    }

    private func pauseReading(_ connection: HTTPServerConnection) {
        guard connection.isReading else { return }
        connection.stream.stopReading()
        connection.isReading = false
    }

    private func read(_ event: StreamReadEvent, on connection: HTTPServerConnection) {
        switch event {
        case .data(let bytes):
            // An event stream expects nothing more from its client; what it sends is dropped.
            guard connection.state == .open else { return }
            connection.inbox += bytes
            pump(connection)
        case .endOfFile:
            connection.isReading = false
            connection.peerFinished = true
            switch connection.state {
            case .open: pump(connection)
            case .eventStream: drop(connection)
            case .closing, .closed: break
            }
        case .failure:
            drop(connection)
        }
    }

    // MARK: Answering

    /// Answers what the connection has received, a few parsed requests at a time, until it
    /// runs out of requests; then reads on or (after the end of its stream) closes.
    ///
    /// It answers at most ``Options/maxQueuedRequests`` requests per call, so that a client
    /// pipelining thousands cannot hold the loop (other clients and the caller's timers run in
    /// between), and none while the unsent responses pass ``Options/maxUnsentBytes``; either
    /// way it stops reading, and the completion of the connection's last write calls it again.
    private func pump(_ connection: HTTPServerConnection) {
        var budget = options.maxQueuedRequests
        while connection.state == .open {
            let backedUp = connection.stream.queuedWriteBytes > options.maxUnsentBytes
            if connection.writesInFlight > 0, backedUp || budget == 0 {
                pauseReading(connection)
                return
            }
            if connection.pending.isEmpty, let error = connection.parser.failure {
                // Every request before the bad one is answered; now the bad one is.
                respondAndClose(connection, HTTPResponse(rejecting: error))
                return
            }
            if connection.pending.isEmpty, !connection.inbox.isEmpty {
                do {
                    let parsed = try connection.parser.parse(connection.inbox, maxRequests: options.maxQueuedRequests)
                    connection.inbox = connection.inbox.dropFirst(parsed.consumed)
                    if connection.inbox.isEmpty { connection.inbox = [] }
                    connection.pending = parsed.requests
                } catch {
                    respondAndClose(connection, HTTPResponse(rejecting: error))
                    return
                }
            }
            guard !connection.pending.isEmpty else { break }
            serve(connection.pending.removeFirst(), on: connection)
            budget -= 1
        }
        guard connection.state == .open else { return }
        if connection.peerFinished {
            finishAfterEnd(connection)
        } else {
            resumeReading(connection)
        }
    }

    private func serve(_ request: HTTPRequest, on connection: HTTPServerConnection) {
        let reply = hostCheck?.refusal(of: request).map(Reply.response) ?? handler(request)
        guard connection.state == .open else { return }
        switch reply {
        case .response(var response):
            let keepOpen =
                options.keepAlive && request.keepAlive
                && !response.headers.contains { $0.matches("Connection") && $0.value.lowercased() == "close" }
            if !keepOpen, !response.headers.contains(where: { $0.matches("Connection") }) {
                response.headers.append(HTTPHeader("Connection", "close"))
            }
            var bytes = response.serialized()
            // A response to HEAD has the headers of a GET and no body.
            if request.method == "HEAD" { bytes.removeLast(response.body.count) }
            if keepOpen {
                write(bytes, on: connection)
                armTimeout(connection)
            } else {
                respondAndClose(connection, bytes)
            }
        case .eventStream(let initialEvents):
            connection.state = .eventStream
            connection.timer.stop()
            connection.inbox = []
            connection.pending = []
            write(HTTPResponse.eventStreamHead(headers: [HTTPHeader("Connection", "keep-alive")]), on: connection)
            if !initialEvents.isEmpty { write(initialEvents, on: connection) }
            // Read on (and drop what arrives), to notice when the client goes.
            resumeReading(connection)
        }
    }

    /// The client has finished sending and every complete request is answered: a request
    /// the end cut off gets 400; then the connection closes once its responses are out.
    private func finishAfterEnd(_ connection: HTTPServerConnection) {
        do {
            _ = try connection.parser.finish()
        } catch {
            respondAndClose(connection, HTTPResponse(rejecting: error))
            return
        }
        startClosing(connection)
    }

    private func respondAndClose(_ connection: HTTPServerConnection, _ response: HTTPResponse) {
        respondAndClose(connection, response.serialized())
    }

    private func respondAndClose(_ connection: HTTPServerConnection, _ bytes: [UInt8]) {
        write(bytes, on: connection)
        startClosing(connection)
    }

    /// Reads and answers nothing more; closes once every write has completed.
    private func startClosing(_ connection: HTTPServerConnection) {
        guard connection.state != .closed else { return }
        connection.state = .closing
        pauseReading(connection)
        connection.inbox = []
        connection.pending = []
        if connection.writesInFlight == 0 { drop(connection) }
    }

    // MARK: Writing and closing

    /// Writes `bytes`; a write that fails, now or when it completes, drops the connection.
    private func write(_ bytes: [UInt8], on connection: HTTPServerConnection) {
        guard connection.state != .closed else { return }
        do {
            try connection.stream.write(bytes) { [weak self, weak connection] error in
                guard let self, let connection else { return }
                self.didWrite(on: connection, error: error)
            }
            connection.writesInFlight += 1
        } catch {
            drop(connection)
        }
    }

    private func didWrite(on connection: HTTPServerConnection, error: UVError?) {
        connection.writesInFlight -= 1
        guard error == nil else {
            drop(connection)
            return
        }
        switch connection.state {
        case .open:
            armTimeout(connection)
            if connection.writesInFlight == 0 { pump(connection) }
        case .closing:
            if connection.writesInFlight == 0 { drop(connection) }
        case .eventStream, .closed:
            break
        }
    }

    /// (Re)starts the connection's timeout: it is dropped unless it makes progress in time.
    private func armTimeout(_ connection: HTTPServerConnection) {
        guard connection.state == .open || connection.state == .closing else { return }
        do {
            try connection.timer.start(after: options.requestTimeout) { [weak self, weak connection] _ in
                guard let self, let connection else { return }
                self.drop(connection)
            }
        } catch {
            drop(connection)
        }
    }

    private func drop(_ connection: HTTPServerConnection) {
        guard connections.removeValue(forKey: ObjectIdentifier(connection)) != nil else { return }
        connection.state = .closed
        connection.isReading = false
        connection.inbox = []
        connection.pending = []
        connection.timer.close()
        connection.stream.close()
    }
}
