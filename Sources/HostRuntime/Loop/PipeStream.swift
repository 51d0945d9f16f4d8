internal import CLibUV

/// A libuv pipe: one end of a child process's standard input, output or error, or a pipe
/// this process already has (a worker's own standard input and output).
///
/// See ``ByteStream`` for reading, writing and closing. Pipes to children are created by
/// ``ChildProcess/spawn(on:executable:arguments:environment:workingDirectory:standardError:onExit:)``;
/// ``init(loop:fileDescriptor:)`` wraps an existing one.
public final class PipeStream: ByteStream, StreamOwner {
    let core: HandleCore
    let stream = StreamState()

    /// An unconnected pipe on `loop`, ready to be handed to `uv_spawn`.
    init(loop: EventLoop) throws(UVError) {
        let raw = HandleCore.allocate(UV_NAMED_PIPE)
        let status = uv_pipe_init(loop.raw, raw.assumingMemoryBound(to: uv_pipe_t.self), 0)
        guard status >= 0 else {
            raw.deallocate()
            throw UVCall.error(status, "uv_pipe_init")
        }
        core = HandleCore(loop: loop, raw: raw)
        core.attach(self)
    }

    /// Wraps `fileDescriptor`, an open pipe or socket such as a worker's standard input (0)
    /// or output (1) when its parent spawned it with pipes.
    ///
    /// The stream owns the descriptor from then on: closing the stream closes it, and libuv
    /// switches it to non-blocking mode. Regular files and terminals are not pipes and fail.
    ///
    /// - Throws: `uv_pipe_open`'s error, such as `EBADF` for a descriptor that is not open.
    public convenience init(loop: EventLoop, fileDescriptor: Int32) throws(UVError) {
        try self.init(loop: loop)
        let status = uv_pipe_open(core.pointer(as: uv_pipe_t.self), fileDescriptor)
        guard status >= 0 else {
            close(nil)
            throw UVCall.error(status, "uv_pipe_open")
        }
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
