internal import CLibUV

/// A TCP connection: accepted by a ``TCPListener`` or opened with
/// ``connect(on:host:port:_:)``.
///
/// See ``ByteStream`` for reading, writing and closing.
public final class TCPConnection: ByteStream, StreamOwner {
    let core: HandleCore
    let stream = StreamState()

    /// An unconnected TCP handle on `loop`.
    init(loop: EventLoop) throws(UVError) {
        let raw = HandleCore.allocate(UV_TCP)
        let status = uv_tcp_init(loop.raw, raw.assumingMemoryBound(to: uv_tcp_t.self))
        guard status >= 0 else {
            raw.deallocate()
            throw UVCall.error(status, "uv_tcp_init")
        }
        core = HandleCore(loop: loop, raw: raw)
        core.attach(self)
    }

    /// Opens a connection to `host` (a numeric IPv4 or IPv6 address such as `127.0.0.1`)
    /// and `port`.
    ///
    /// The connection can be written to at once (writes wait for the connect); `completion`
    /// runs on the loop's thread with `nil` once connected, or with the error (such as
    /// `ECONNREFUSED`, or `ECANCELED` if the connection is closed first).
    ///
    /// - Throws: a ``UVError`` if the address is malformed or the connect cannot start.
    public static func connect(
        on loop: EventLoop,
        host: String,
        port: Int,
        _ completion: @escaping (UVError?) -> Void
    ) throws(UVError) -> TCPConnection {
        let address = try SocketAddress(host: host, port: port)
        let connection = try TCPConnection(loop: loop)
        let request = UnsafeMutablePointer<uv_connect_t>.allocate(capacity: 1)
        let pending = PendingConnect(connection: connection, completion: completion)
        let data = Unmanaged.passRetained(pending).toOpaque()
        request.pointee.data = data
        let status = address.withSockAddr {
            uv_tcp_connect(request, connection.core.pointer(as: uv_tcp_t.self), $0, tcpDidConnect)
        }
        guard status >= 0 else {
            Unmanaged<PendingConnect>.fromOpaque(data).release()
            request.deallocate()
            connection.close(nil)
            throw UVCall.error(status, "uv_tcp_connect")
        }
        return connection
    }

    /// The local port of the connection.
    public var localPort: Int {
        get throws(UVError) { try address(peer: false).port }
    }

    /// The remote host (numeric) and port of the connection.
    public var remoteAddress: (host: String, port: Int) {
        get throws(UVError) {
            let address = try address(peer: true)
            return (address.host, address.port)
        }
    }

    private func address(peer: Bool) throws(UVError) -> SocketAddress {
        guard core.isOpen else { throw UVCall.closedHandle(peer ? "uv_tcp_getpeername" : "uv_tcp_getsockname") }
        return try SocketAddress(of: core.pointer(as: uv_tcp_t.self), peer: peer)
    }

    /// Turns Nagle's algorithm off (`true`) so small writes go out at once.
    public func setNoDelay(_ enabled: Bool) throws(UVError) {
        guard core.isOpen else { throw UVCall.closedHandle("uv_tcp_nodelay") }
        try UVCall.check(uv_tcp_nodelay(core.pointer(as: uv_tcp_t.self), enabled ? 1 : 0), "uv_tcp_nodelay")
    }

    /// See ``ByteStream/startReading(_:)``.
    public func startReading(_ onRead: @escaping (StreamReadEvent) -> Void) throws(UVError) {
        try streamStartReading(onRead)
    }

    /// See ``ByteStream/stopReading()``.
    public func stopReading() { streamStopReading() }

    /// See ``ByteStream/write(_:completion:)``.
    public func write(_ bytes: some Collection<UInt8>, completion: ((UVError?) -> Void)?) throws(UVError) {
        try streamWrite(bytes, completion: completion)
    }

    /// See ``ByteStream/shutdown(_:)``.
    public func shutdown(_ completion: ((UVError?) -> Void)?) throws(UVError) {
        try streamShutdown(completion)
    }

    /// See ``ByteStream/close(_:)``.
    public func close(_ onClosed: (() -> Void)?) {
        core.close(self, then: onClosed)
    }

    /// See ``ByteStream/isClosed``.
    public var isClosed: Bool { !core.isOpen }

    /// See ``ByteStream/queuedWriteBytes``.
    public var queuedWriteBytes: Int { streamQueuedWriteBytes }

    /// See ``ByteStream/keepsLoopAlive``.
    public var keepsLoopAlive: Bool {
        get { core.isReferenced }
        set { core.isReferenced = newValue }
    }

    func handleWillClose() {
        stream.release()
    }
}

/// A connect in flight: the connection (kept alive) and the Swift completion. The request's
/// `data` holds one retain of it until ``tcpDidConnect``.
private final class PendingConnect {
    let connection: TCPConnection
    let completion: (UVError?) -> Void

    init(connection: TCPConnection, completion: @escaping (UVError?) -> Void) {
        self.connection = connection
        self.completion = completion
    }
}

/// The `uv_connect_cb` of ``TCPConnection/connect(on:host:port:_:)``.
private func tcpDidConnect(_ request: UnsafeMutablePointer<uv_connect_t>?, _ status: Int32) {
    guard let request, let data = request.pointee.data else { return }
    let pending = Unmanaged<PendingConnect>.fromOpaque(data).takeRetainedValue()
    request.deallocate()
    pending.completion(status < 0 ? UVCall.error(status, "uv_tcp_connect") : nil)
}
