/// Splits a byte stream into newline-delimited messages, whatever the chunk boundaries.
///
/// Append chunks as they arrive, then take complete lines until ``nextLine()`` returns
/// `nil`. A line longer than ``maximumLineLength`` (not counting its newline) is an error,
/// reported after every complete line before it; the reader is then broken and keeps
/// throwing, since the stream has lost its framing.
///
/// ```swift
/// var reader = LineReader(maximumLineLength: 1 << 20)
/// reader.append(chunk)
/// while let line = try reader.nextLine() { handle(line) }
/// ```
///
/// - Complexity: amortised O(n) in the bytes appended; each byte is scanned once.
public struct LineReader: Sendable {
    /// A line grew past the limit.
    public struct LineTooLong: Error, Sendable, Equatable, CustomStringConvertible {
        /// The limit, in bytes.
        public let maximumLineLength: Int

        /// The error for a line longer than `maximumLineLength` bytes.
        public init(maximumLineLength: Int) {
            self.maximumLineLength = maximumLineLength
        }

        /// Names the limit.
        public var description: String { "a line is longer than \(maximumLineLength) bytes" }
    }

    /// The longest line accepted, in bytes, not counting the newline.
    public let maximumLineLength: Int
    private var buffer: [UInt8] = []
    /// Where the next line starts in `buffer`.
    private var lineStart = 0
    /// How far `buffer` has been searched for a newline.
    private var scanned = 0
    private var isBroken = false

    /// An empty reader accepting lines of up to `maximumLineLength` bytes.
    public init(maximumLineLength: Int = 1 << 20) {
        precondition(maximumLineLength >= 0, "LineReader: negative maximum line length")
        self.maximumLineLength = maximumLineLength
    }

    /// Adds bytes received from the stream.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        guard !isBroken else { return }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete line without its `\n`, or `nil` when no complete line is buffered.
    ///
    /// - Throws: ``LineTooLong`` when the next line (complete or not) exceeds the limit.
    public mutating func nextLine() throws(LineTooLong) -> [UInt8]? {
        guard !isBroken else { throw LineTooLong(maximumLineLength: maximumLineLength) }
        if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
            guard newline - lineStart <= maximumLineLength else { throw breakReader() }
            let line = Array(buffer[lineStart..<newline])
            lineStart = newline + 1
            scanned = lineStart
            compactIfWorthwhile()
            return line
        }
        scanned = buffer.count
        guard buffer.count - lineStart <= maximumLineLength else { throw breakReader() }
        return nil
    }

    /// Takes every complete line buffered, in order.
    ///
    /// - Throws: ``LineTooLong`` as ``nextLine()`` does; lines before the long one are lost
    ///   then, so use ``nextLine()`` to keep them.
    public mutating func takeLines() throws(LineTooLong) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        while let line = try nextLine() { lines.append(line) }
        return lines
    }

    /// The bytes after the last newline, which the stream ended without terminating; empties
    /// the reader. Call it at end of stream; `nil` if there are none.
    public mutating func takeRemainder() -> [UInt8]? {
        defer {
            buffer.removeAll(keepingCapacity: false)
            lineStart = 0
            scanned = 0
        }
        guard !isBroken, lineStart < buffer.count else { return nil }
        return Array(buffer[lineStart...])
    }

    /// Bytes buffered that are not yet returned as lines.
    public var bufferedByteCount: Int { buffer.count - lineStart }

    private mutating func breakReader() -> LineTooLong {
        isBroken = true
        buffer = []
        lineStart = 0
        scanned = 0
        return LineTooLong(maximumLineLength: maximumLineLength)
    }

    /// Drops consumed bytes once they are at least half the buffer, keeping removal amortised
    /// O(1) per byte.
    private mutating func compactIfWorthwhile() {
        guard lineStart > 4096, lineStart * 2 >= buffer.count else { return }
        buffer.removeSubrange(0..<lineStart)
        scanned -= lineStart
        lineStart = 0
    }
}
