internal import CZlib
import Foundation

/// Why a trace file cannot be opened or read, in words that follow `cannot read trace 'x': `.
struct TraceFileFailure: Error, Hashable {
    var reason: String
}

/// The bytes of one trace file, read in chunks: from disk through zlib's `gzread` (which
/// inflates gzip and passes any other file through byte for byte), or from memory for the
/// built-in library.
///
/// Memory is the caller's buffer and zlib's own (about 160 KB): never the whole file.
final class TraceByteStream {
    /// The open file, or nil when reading from memory.
    private var file: gzFile?
    /// The bytes of a trace held in memory.
    private let memory: [UInt8]
    /// How far `memory` has been read.
    private var memoryOffset = 0

    /// Opens the regular file at `path`.
    ///
    /// - Throws: ``TraceFileFailure`` if it does not exist, is not a regular file, or
    ///   cannot be opened.
    init(path: String) throws(TraceFileFailure) {
        memory = []
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw TraceFileFailure(reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw TraceFileFailure(reason: "not a regular file") }
        guard let opened = gzopen(path, "rb") else {
            throw TraceFileFailure(reason: "not readable (\(String(cString: strerror(errno))))")
        }
        _ = gzbuffer(opened, 128 * 1024)
        file = opened
    }

    /// A stream over `bytes`.
    init(bytes: [UInt8]) {
        memory = bytes
        file = nil
    }

    deinit {
        if let file { gzclose(file) }
    }

    /// Reads up to `buffer.count` bytes into `buffer`; returns how many (0 at the end).
    ///
    /// - Throws: ``TraceFileFailure`` if the file cannot be read or its gzip data is damaged.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(TraceFileFailure) -> Int {
        guard let file else {
            let count = min(buffer.count, memory.count - memoryOffset)
            guard count > 0, let base = buffer.baseAddress else { return 0 }
            memory.withUnsafeBytes { source in
                guard let start = source.baseAddress else { return }
                base.copyMemory(from: start + memoryOffset, byteCount: count)
            }
            memoryOffset += count
            return count
        }
        guard let base = buffer.baseAddress else { return 0 }
        let count = gzread(file, base, UInt32(min(buffer.count, Int(Int32.max))))
        guard count >= 0 else {
            var code: Int32 = 0
            let message = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
            throw TraceFileFailure(reason: code == Z_ERRNO ? String(cString: strerror(errno)) : "damaged: \(message)")
        }
        return Int(count)
    }

    /// Goes back to the first byte.
    ///
    /// - Throws: ``TraceFileFailure`` if the file cannot be rewound.
    func rewind() throws(TraceFileFailure) {
        guard let file else {
            memoryOffset = 0
            return
        }
        guard gzrewind(file) == 0 else { throw TraceFileFailure(reason: "cannot go back to its start") }
    }
}

/// Splits a ``TraceByteStream`` into lines, reading 64 KB at a time into one reused buffer.
struct TraceLineReader {
    /// The longest line a trace may have, in bytes.
    static let maximumLineBytes = 64 * 1024
    /// How much is read at once.
    static let chunkBytes = 64 * 1024

    let stream: TraceByteStream
    /// Bytes read and not yet handed out are `buffer[start..<end]`.
    private(set) var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false
    /// The number of the line last handed out, from 1.
    private(set) var lineNumber = 0

    init(stream: TraceByteStream) {
        self.stream = stream
        buffer = [UInt8](repeating: 0, count: Self.chunkBytes + Self.maximumLineBytes)
    }

    /// The next line's bytes in ``buffer`` (without its `\n` or `\r\n`), valid until the next
    /// call; nil at the end of the file.
    ///
    /// - Throws: ``TraceFileFailure`` if the file cannot be read, or a line is longer than
    ///   ``maximumLineBytes``.
    /// - Complexity: O(line length) amortised; no allocation.
    mutating func nextLine() throws(TraceFileFailure) -> Range<Int>? {
        while true {
            if let newline = buffer[start..<end].firstIndex(of: UInt8(ascii: "\n")) {
                lineNumber += 1
                var line = start..<newline
                start = newline + 1
                if line.count > 0, buffer[line.upperBound - 1] == UInt8(ascii: "\r") {
                    line = line.lowerBound..<(line.upperBound - 1)
                }
                return line
            }
            if atEnd {
                guard start < end else { return nil }
                lineNumber += 1
                let line = start..<end
                start = end
                return line
            }
            guard end - start < Self.maximumLineBytes else {
                throw TraceFileFailure(
                    reason: "line \(lineNumber + 1) is longer than \(Self.maximumLineBytes) bytes"
                )
            }
            if start > 0 {
                buffer.withUnsafeMutableBytes { bytes in
                    guard let base = bytes.baseAddress else { return }
                    (base).copyMemory(from: base + start, byteCount: end - start)
                }
                end -= start
                start = 0
            }
            let filled = end
            let stream = stream
            let result = buffer.withUnsafeMutableBytes { bytes -> Result<Int, TraceFileFailure> in
                do throws(TraceFileFailure) {
                    return .success(try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[filled...])))
                } catch {
                    return .failure(error)
                }
            }
            let count = try result.get()
            if count == 0 { atEnd = true }
            end += count
        }
    }

    /// Goes back to the file's first line.
    ///
    /// - Throws: ``TraceFileFailure`` if the file cannot be rewound.
    mutating func rewind() throws(TraceFileFailure) {
        try stream.rewind()
        start = 0
        end = 0
        atEnd = false
        lineNumber = 0
    }
}
