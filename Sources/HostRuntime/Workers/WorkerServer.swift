#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The worker side of the wire protocol (``WorkerMessage``): what `sharesim worker` runs.
///
/// It reads job lines from standard input, runs the handler on each, writes the result
/// (or the handler's error) as one line to standard output and flushes it, and returns
/// when standard input ends. The worker is a dedicated process, so it simply blocks on
/// `read`; one job runs at a time.
///
/// ```swift
/// // sharesim worker
/// try WorkerServer.serve { job in
///     let request = try decode(job.payload)
///     return try encode(simulate(request))      // one line of JSON
/// }
/// // returning from the command exits with status 0
/// ```
public enum WorkerServer {
    /// The longest job line accepted, in bytes: 64 MiB.
    public static let maximumLineLength = 64 << 20

    /// Serves jobs from standard input to standard output until standard input ends.
    ///
    /// Before reading, it makes the process a well-behaved worker:
    /// - The protocol gets a private copy of standard output, and descriptor 1 is pointed
    ///   at standard error, so a stray `print` in a handler lands on standard error instead
    ///   of corrupting the protocol.
    /// - `SIGINT` and `SIGTERM` are blocked. Ctrl-C in a terminal reaches the whole process
    ///   group; the parent pool decides what to do (it kills its workers), so a worker dying
    ///   on its own would only look like a crash. A worker whose parent died sees end of
    ///   input, or a broken pipe, and ends.
    ///
    /// - Parameter handler: runs one job and returns its result payload (one line of JSON
    ///   by convention; any string is carried safely). An error it throws is sent as an
    ///   `error` message with `String(describing: error)`, and serving continues.
    /// - Throws: ``WorkerProtocolError`` for a line that is not a job (the parent is not
    ///   speaking the protocol: exit with a failure status), or ``FileOperationError`` if
    ///   standard input or output fails.
    public static func serve(handler: (WorkerJob) throws -> String) throws {
        blockTerminationSignals()
        let protocolOutput = try POSIXFile.retrying("fcntl(F_DUPFD_CLOEXEC)", "standard output") {
            fcntl(1, F_DUPFD_CLOEXEC, 3)
        }
        defer { POSIXFile.close(protocolOutput) }
        _ = try POSIXFile.retrying("dup2", "standard output") { dup2(2, 1) }
        try serve(input: 0, output: protocolOutput, handler: handler)
    }

    /// Serves jobs read from the descriptor `input` to the descriptor `output` until
    /// `input` ends, with no changes to the process (no signal or descriptor juggling).
    ///
    /// Both descriptors are used with blocking `read` and `write`; neither is closed. A
    /// partial line at the very end of the input (a parent that died mid-write) is ignored.
    ///
    /// - Throws: as ``serve(handler:)``.
    public static func serve(input: Int32, output: Int32, handler: (WorkerJob) throws -> String) throws {
        var reader = LineReader(maximumLineLength: maximumLineLength)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = try POSIXFile.retrying("read", "standard input") {
                chunk.withUnsafeMutableBytes { buffer in read(input, buffer.baseAddress, buffer.count) }
            }
            if count == 0 { return }
            reader.append(chunk[0..<count])
            while let line = try reader.nextLine() {
                guard let reply = try reply(to: line, handler: handler) else { continue }
                try POSIXFile.writeAll(output, Array((reply.line + "\n").utf8), path: "standard output")
            }
        }
    }

    /// The answer to one protocol line: the handler's result or error for a job line, or
    /// `nil` for a blank line.
    ///
    /// - Throws: ``WorkerProtocolError`` if the line is not a job message.
    public static func reply(
        to line: some Collection<UInt8>,
        handler: (WorkerJob) throws -> String
    ) throws(WorkerProtocolError) -> WorkerMessage? {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        guard case .job(let job) = try WorkerMessage(line: line) else {
            throw WorkerProtocolError(message: "a worker only accepts job messages", line: line)
        }
        do {
            return .result(WorkerResult(id: job.id, payload: try handler(job)))
        } catch {
            return .error(id: job.id, message: String(describing: error))
        }
    }

    /// Blocks `SIGINT` and `SIGTERM` for this thread (and threads it starts later).
    private static func blockTerminationSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        #if canImport(Glibc)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        #else
        signals |= (1 << UInt32(SIGINT - 1)) | (1 << UInt32(SIGTERM - 1))
        #endif
        _ = pthread_sigmask(SIG_BLOCK, &signals, nil)
    }
}
