internal import CLibUV

/// A listening TCP socket that accepts ``TCPConnection``s.
///
/// ```swift
/// let listener = try TCPListener(loop: loop, host: "127.0.0.1", port: 0)
/// try listener.listen { result in
///     guard case .success(let connection) = result else { return }
///     try? connection.startReading { _ in }
/// }
/// print(try listener.boundPort)   // the ephemeral port the system chose
/// ```
public final class TCPListener: LoopHandleOwner {
    let core: HandleCore
    private var onConnection: ((Result<TCPConnection, UVError>) -> Void)?

    /// A socket on `loop` bound to `host` (a numeric IPv4 or IPv6 address such as
    /// `127.0.0.1`; loopback keeps it private to this machine) and `port` (0 for a port the
    /// system chooses, see ``boundPort``). It accepts nothing until ``listen(backlog:_:)``.
    public init(loop: EventLoop, host: String, port: Int) throws(UVError) {
        let address = try SocketAddress(host: host, port: port)
        let raw = HandleCore.allocate(UV_TCP)
        let status = uv_tcp_init(loop.raw, raw.assumingMemoryBound(to: uv_tcp_t.self))
        guard status >= 0 else {
            raw.deallocate()
            throw UVCall.error(status, "uv_tcp_init")
        }
        core = HandleCore(loop: loop, raw: raw)
        core.attach(self)
        let bindStatus = address.withSockAddr { uv_tcp_bind(core.pointer(as: uv_tcp_t.self), $0, 0) }
        guard bindStatus >= 0 else {
            close()
            throw UVCall.error(bindStatus, "uv_tcp_bind")
        }
    }

    /// Starts accepting: each new connection (already accepted, not yet reading) or accept
    /// error goes to `onConnection` on the loop's thread.
    ///
    /// - Parameter backlog: the kernel's queue length for connections not yet accepted.
    /// - Throws: `uv_listen`'s error, such as `EADDRINUSE` when the port is taken (libuv
    ///   binds lazily, so that shows here rather than in `init`).
    public func listen(
        backlog: Int = 128,
        _ onConnection: @escaping (Result<TCPConnection, UVError>) -> Void
    ) throws(UVError) {
        guard core.isOpen else { throw UVCall.closedHandle("uv_listen") }
        self.onConnection = onConnection
        let stream = core.pointer(as: uv_stream_t.self)
        try UVCall.check(uv_listen(stream, Int32(clamping: backlog), tcpListenerHasConnection), "uv_listen")
    }

    /// The port the socket is bound to; the system's choice when it was created with port 0.
    public var boundPort: Int {
        get throws(UVError) {
            guard core.isOpen else { throw UVCall.closedHandle("uv_tcp_getsockname") }
            return try SocketAddress(of: core.pointer(as: uv_tcp_t.self), peer: false).port
        }
    }

    /// Whether a listening socket keeps ``EventLoop/run()`` from returning (the default).
    public var keepsLoopAlive: Bool {
        get { core.isReferenced }
        set { core.isReferenced = newValue }
    }

    /// Whether ``close(_:)`` has been called.
    public var isClosed: Bool { !core.isOpen }

    /// Stops accepting and releases the socket; connections already accepted stay open.
    /// `onClosed` runs once its memory is freed.
    public func close(_ onClosed: (() -> Void)? = nil) {
        core.close(self, then: onClosed)
    }

    func handleWillClose() {
        onConnection = nil
    }

    /// Accepts one pending connection and reports it (or the error).
    fileprivate func accept(status: Int32) {
        guard let onConnection else { return }
        guard status >= 0 else {
            onConnection(.failure(UVCall.error(status, "uv_listen")))
            return
        }
        let connection: TCPConnection
        do {
            connection = try TCPConnection(loop: core.loop)
        } catch {
            onConnection(.failure(error))
            return
        }
        let accepted = uv_accept(core.pointer(as: uv_stream_t.self), connection.streamPointer)
        guard accepted >= 0 else {
            connection.close(nil)
            onConnection(.failure(UVCall.error(accepted, "uv_accept")))
            return
        }
        onConnection(.success(connection))
    }
}

/// The `uv_connection_cb` of every ``TCPListener``.
private func tcpListenerHasConnection(_ server: UnsafeMutablePointer<uv_stream_t>?, _ status: Int32) {
    HandleCore.owner(of: UnsafeMutableRawPointer(server), as: TCPListener.self)?.accept(status: status)
}
