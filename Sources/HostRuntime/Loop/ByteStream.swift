/// A bidirectional byte stream on an ``EventLoop``: a ``PipeStream`` or a ``TCPConnection``.
///
/// Reads arrive through one callback as ``StreamReadEvent``s; each write copies its bytes,
/// queues them in order and reports completion through its own callback. Everything runs
/// on the loop's thread.
public protocol ByteStream: AnyObject {
    /// Starts delivering incoming bytes to `onRead`, replacing any earlier callback.
    ///
    /// End of stream arrives as ``StreamReadEvent/endOfFile``, distinct from
    /// ``StreamReadEvent/failure(_:)``; after either, reading has stopped.
    func startReading(_ onRead: @escaping (StreamReadEvent) -> Void) throws(UVError)

    /// Stops delivering bytes; ``startReading(_:)`` resumes. Does nothing when closed.
    func stopReading()

    /// Queues a copy of `bytes` for writing; `completion` runs once they are written (with
    /// `nil`) or the write failed or was cancelled by a close (with the error).
    ///
    /// - Throws: a ``UVError`` if the write cannot even be queued (for example the stream is
    ///   closed); `completion` is not called then.
    func write(_ bytes: some Collection<UInt8>, completion: ((UVError?) -> Void)?) throws(UVError)

    /// Half-closes the stream after every queued write: the peer reads end of stream, while
    /// this side can still read. `completion` reports the outcome.
    func shutdown(_ completion: ((UVError?) -> Void)?) throws(UVError)

    /// Closes the stream; queued writes complete with `ECANCELED`, then `onClosed` runs.
    func close(_ onClosed: (() -> Void)?)

    /// Whether ``close(_:)`` has been called.
    var isClosed: Bool { get }

    /// Bytes queued for writing and not yet handed to the operating system, for back
    /// pressure (a slow reader makes this grow).
    var queuedWriteBytes: Int { get }

    /// Whether an active stream keeps ``EventLoop/run()`` from returning (the default).
    var keepsLoopAlive: Bool { get set }
}

extension ByteStream {
    /// Queues a copy of `bytes` for writing, with no completion callback.
    public func write(_ bytes: some Collection<UInt8>) throws(UVError) {
        try write(bytes, completion: nil)
    }

    /// Queues the UTF-8 bytes of `text` for writing; `completion` as in
    /// ``write(_:completion:)``.
    public func write(_ text: String, completion: ((UVError?) -> Void)? = nil) throws(UVError) {
        try write(Array(text.utf8), completion: completion)
    }

    /// Half-closes the stream after every queued write, with no completion callback.
    public func shutdown() throws(UVError) {
        try shutdown(nil)
    }

    /// Closes the stream, with no callback.
    public func close() {
        close(nil)
    }
}
