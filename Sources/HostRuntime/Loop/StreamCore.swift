internal import CLibUV

/// Implemented by handle owners whose handle is a `uv_stream_t` (pipes and TCP
/// connections); the ``ByteStream`` operations live here once and the owners forward to
/// them.
protocol StreamOwner: LoopHandleOwner {
    /// The stream's read callback and buffer.
    var stream: StreamState { get }
}

/// The read side of a stream: the Swift callback and the buffer libuv reads into.
final class StreamState {
    /// Bytes read per `read` system call at most.
    static let readBufferSize = 64 * 1024

    /// The callback given to ``StreamOwner/startReading(_:)``.
    var onRead: ((StreamReadEvent) -> Void)?
    /// Allocated on the first read; libuv fills it and the read callback copies it out
    /// before the next allocation, so one buffer per stream suffices.
    private var buffer: UnsafeMutableRawBufferPointer?

    init() {}

    /// The read buffer, allocated on first use.
    func readBuffer() -> UnsafeMutableRawBufferPointer {
        if let buffer { return buffer }
        let fresh = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readBufferSize, alignment: 16)
        buffer = fresh
        return fresh
    }

    /// Drops the callback and frees the buffer; called when the handle starts closing, after
    /// which libuv reads no more.
    func release() {
        onRead = nil
        buffer?.deallocate()
        buffer = nil
    }
}

extension StreamOwner {
    /// The handle as a `uv_stream_t`.
    var streamPointer: UnsafeMutablePointer<uv_stream_t> { core.pointer(as: uv_stream_t.self) }

    func streamStartReading(_ onRead: @escaping (StreamReadEvent) -> Void) throws(UVError) {
        guard core.isOpen else { throw UVCall.closedHandle("uv_read_start") }
        stream.onRead = onRead
        // Restarting while reading only swaps the callback; stopping first keeps
        // uv_read_start from refusing with EALREADY, and does nothing when not reading.
        _ = uv_read_stop(streamPointer)
        try UVCall.check(uv_read_start(streamPointer, streamAllocate, streamDidRead), "uv_read_start")
    }

    func streamStopReading() {
        guard core.isOpen else { return }
        _ = uv_read_stop(streamPointer)
    }

    func streamWrite(_ bytes: some Collection<UInt8>, completion: ((UVError?) -> Void)?) throws(UVError) {
        guard core.isOpen else { throw UVCall.closedHandle("uv_write") }
        let request = StreamRequest<uv_write_t>(owner: self, byteCount: bytes.count, completion: completion)
        request.bytes.copyBytes(from: bytes)
        var buffer = uv_buf_init(request.bytes.baseAddress?.assumingMemoryBound(to: CChar.self), UInt32(bytes.count))
        let status = request.submit { pointer in uv_write(pointer, streamPointer, &buffer, 1, streamDidWrite) }
        try UVCall.check(status, "uv_write")
    }

    func streamShutdown(_ completion: ((UVError?) -> Void)?) throws(UVError) {
        guard core.isOpen else { throw UVCall.closedHandle("uv_shutdown") }
        let request = StreamRequest<uv_shutdown_t>(owner: self, byteCount: 0, completion: completion)
        let status = request.submit { pointer in uv_shutdown(pointer, streamPointer, streamDidShutdown) }
        try UVCall.check(status, "uv_shutdown")
    }

    var streamQueuedWriteBytes: Int {
        core.isOpen ? uv_stream_get_write_queue_size(streamPointer) : 0
    }

    /// Called from the read callback.
    fileprivate func deliver(_ event: StreamReadEvent) {
        stream.onRead?(event)
    }
}

/// One in-flight write or shutdown: the libuv request, the bytes it writes (which must live
/// until its callback) and the Swift completion. The request's `data` holds one retain of
/// this object from ``submit(_:)`` until the callback.
private final class StreamRequest<Request> {
    let request: UnsafeMutablePointer<Request>
    let bytes: UnsafeMutableRawBufferPointer
    /// Keeps the stream's owner alive while the request is in flight.
    let owner: AnyObject
    let completion: ((UVError?) -> Void)?

    init(owner: AnyObject, byteCount: Int, completion: ((UVError?) -> Void)?) {
        request = UnsafeMutablePointer<Request>.allocate(capacity: 1)
        bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(byteCount, 1), alignment: 1)
        self.owner = owner
        self.completion = completion
    }

    deinit {
        request.deallocate()
        bytes.deallocate()
    }

    /// Runs the libuv call that starts the request; if it fails synchronously, the retain is
    /// dropped again and the status returned.
    func submit(_ start: (UnsafeMutablePointer<Request>) -> Int32) -> Int32 {
        let data = Unmanaged.passRetained(self).toOpaque()
        UnsafeMutableRawPointer(request).assumingMemoryBound(to: uv_req_t.self).pointee.data = data
        let status = start(request)
        if status < 0 { Unmanaged<StreamRequest<Request>>.fromOpaque(data).release() }
        return status
    }

    /// Takes back the retain stored in a finished request and runs its completion.
    static func finish(_ request: UnsafeMutablePointer<Request>?, status: Int32, function: StaticString) {
        guard let request,
            let data = UnsafeMutableRawPointer(request).assumingMemoryBound(to: uv_req_t.self).pointee.data
        else { return }
        let object = Unmanaged<StreamRequest<Request>>.fromOpaque(data).takeRetainedValue()
        object.completion?(status < 0 ? UVCall.error(status, function) : nil)
    }
}

/// The `uv_alloc_cb` of every stream: hands libuv the stream's read buffer.
private func streamAllocate(
    _ handle: UnsafeMutablePointer<uv_handle_t>?,
    _ suggestedSize: Int,
    _ buffer: UnsafeMutablePointer<uv_buf_t>?
) {
    guard let buffer else { return }
    guard let owner = HandleCore.owner(of: UnsafeMutableRawPointer(handle)) as? any StreamOwner, owner.core.isOpen
    else {
        // A zero-length buffer makes libuv report ENOBUFS instead of reading.
        buffer.pointee = uv_buf_init(nil, 0)
        return
    }
    let readBuffer = owner.stream.readBuffer()
    buffer.pointee = uv_buf_init(readBuffer.baseAddress?.assumingMemoryBound(to: CChar.self), UInt32(readBuffer.count))
}

/// The `uv_read_cb` of every stream: copies the bytes out and reports them, end of stream
/// or the error.
private func streamDidRead(
    _ handle: UnsafeMutablePointer<uv_stream_t>?,
    _ count: Int,
    _ buffer: UnsafePointer<uv_buf_t>?
) {
    guard let owner = HandleCore.owner(of: UnsafeMutableRawPointer(handle)) as? any StreamOwner else { return }
    if count > 0 {
        guard let base = buffer?.pointee.base else { return }
        let bytes = [UInt8](UnsafeRawBufferPointer(start: base, count: count))
        owner.deliver(.data(bytes))
    } else if count == Int(UV_EOF.rawValue) {
        owner.deliver(.endOfFile)
    } else if count < 0 {
        // libuv stops reading by itself on EOF only; stop on errors too, as documented.
        if let handle { _ = uv_read_stop(handle) }
        owner.deliver(.failure(UVCall.error(Int32(count), "uv_read")))
    }
    // count == 0: nothing was read (EAGAIN); libuv will call again.
}

/// The `uv_write_cb` of every stream.
private func streamDidWrite(_ request: UnsafeMutablePointer<uv_write_t>?, _ status: Int32) {
    StreamRequest<uv_write_t>.finish(request, status: status, function: "uv_write")
}

/// The `uv_shutdown_cb` of every stream.
private func streamDidShutdown(_ request: UnsafeMutablePointer<uv_shutdown_t>?, _ status: Int32) {
    StreamRequest<uv_shutdown_t>.finish(request, status: status, function: "uv_shutdown")
}
