/// What a read from a stream produced: bytes, the end of the stream, or an error.
public enum StreamReadEvent: Sendable, Equatable {
    /// Bytes that arrived, never empty.
    case data([UInt8])
    /// The peer closed its end (or shut down writing); no more data will come and reading
    /// has stopped. The stream is still open and must be closed.
    case endOfFile
    /// Reading failed (for example `ECONNRESET`); reading has stopped and the stream should
    /// be closed.
    case failure(UVError)
}
