#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only results file: one JSON line per finished job, written the moment the
/// result arrives, so an interrupted run loses nothing it had finished (`--results PATH`,
/// `--resume`).
///
/// The format is JSON Lines; each line is an object with the members `id` (a string) and
/// `payload`, the job's result written as the JSON value itself:
///
/// ```json
/// {"id":"variant=base/rep=3","payload":{"mean":1.5}}
/// ```
///
/// so `json.loads` on a line, or `pandas.read_json(path, lines=True)`, gives the result as an
/// object. The payload's text is copied unchanged and reads back byte for byte. A payload that
/// cannot be written that way (not valid JSON, a JSON string, whitespace around it, or a line
/// break, see ``FlatJSON/isSingleLineValue(_:)``) is written as a JSON string holding it,
/// escaped as ``WorkerMessage`` does (`{"id":"rep=1","payload":"line\nbreak"}`); ShareSim's own
/// results are always one-line JSON objects, so that happens only for other payloads. Readers
/// accept both forms, in any mix: files written before results were embedded hold only the
/// string form. Lines are
/// appended with `O_APPEND` in a single `write`, then flushed with `fsync` (unless turned
/// off), so after a crash the file holds every result reported so far and at most one torn
/// last line, which readers ignore and ``init(path:mode:syncsEachResult:)`` with
/// ``OpenMode/resume`` cuts off before appending. Any other line that does not parse is
/// reported as an error, with its line number, rather than silently dropped.
///
/// One process writes a journal at a time; shards running on several machines each write
/// their own and ``merge(paths:)`` combines them.
///
/// ```swift
/// let journal = try ResultsJournal(path: "out/sweep.results.jsonl", mode: resume ? .resume : .startFresh)
/// let outcome = try pool.run(jobs, skipping: journal.storedResults) { event in
///     if case .finished(let result) = event { try? journal.append(result) }
/// }
/// journal.close()
/// ```
public final class ResultsJournal {
    /// What to do with a results file that already exists.
    public enum OpenMode: Sendable, Hashable {
        /// Empty the file and start over (a run without `--resume`).
        case startFresh
        /// Keep the results already there (they become ``ResultsJournal/storedResults``)
        /// and append after them; a torn last line is cut off first.
        case resume
    }

    /// The file's path.
    public let path: String
    /// The results that were in the file when it was opened, by job id; empty when opened
    /// with ``OpenMode/startFresh``. Jobs with these ids need not run again.
    public let storedResults: [String: String]
    /// The line each of ``storedResults`` was read from (1-based), for errors about it.
    public let storedLines: [String: Int]
    /// Whether each append is flushed to the device before ``append(_:)`` returns.
    public let syncsEachResult: Bool
    private var descriptor: Int32

    /// Opens (creating if needed) the results file at `path` for appending.
    ///
    /// - Parameters:
    ///   - path: the results file, usually next to the run's output.
    ///   - mode: whether to keep or discard results already in the file.
    ///   - syncsEachResult: whether every append waits for `fsync`; turning it off trades
    ///     crash safety (a power loss may lose recent lines) for speed with very many
    ///     small jobs. A killed process loses nothing either way.
    /// - Throws: ``ResultsFileError`` if the file cannot be read, holds a malformed line
    ///   other than a torn last one, holds one id with two different results, or cannot be
    ///   opened for writing.
    public init(path: String, mode: OpenMode, syncsEachResult: Bool = true) throws(ResultsFileError) {
        self.path = path
        self.syncsEachResult = syncsEachResult
        var stored: [String: (payload: String, line: Int)] = [:]
        do {
            switch mode {
            case .startFresh:
                descriptor = try POSIXFile.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND)
            case .resume:
                if let contents = try POSIXFile.contentsIfPresent(path) {
                    let parsed = try ResultsFileContents(path: path, bytes: contents)
                    stored = try parsed.resultsWithLines()
                    if parsed.completeByteCount < contents.count {
                        // Cut off the torn line so the next append starts a fresh line.
                        _ = try POSIXFile.retrying("truncate", path) { truncate(path, off_t(parsed.completeByteCount)) }
                    }
                }
                descriptor = try POSIXFile.open(path, O_WRONLY | O_CREAT | O_APPEND)
            }
        } catch let error as FileOperationError {
            throw ResultsFileError(path: path, line: nil, message: "\(error.operation) failed: \(error.message)")
        } catch let error as ResultsFileError {
            throw error
        } catch {
            throw ResultsFileError(path: path, line: nil, message: "\(error)")
        }
        storedResults = stored.mapValues(\.payload)
        storedLines = stored.mapValues(\.line)
    }

    deinit {
        if descriptor >= 0 { POSIXFile.close(descriptor) }
    }

    /// Appends `result` as one line and, if ``syncsEachResult``, flushes it to the device.
    ///
    /// - Throws: ``FileOperationError`` if the write or flush fails (disk full, closed
    ///   journal); the file may then end with a torn line, which readers ignore.
    public func append(_ result: WorkerResult) throws(FileOperationError) {
        guard descriptor >= 0 else { throw FileOperationError(operation: "write", path: path, code: EBADF) }
        let line = Self.line(for: result) + "\n"
        try POSIXFile.writeAll(descriptor, Array(line.utf8), path: path)
        if syncsEachResult { try POSIXFile.sync(descriptor, path: path) }
    }

    /// Flushes and closes the file; later appends fail. Closing twice does nothing.
    public func close() {
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        POSIXFile.close(descriptor)
        descriptor = -1
    }

    /// The journal line for `result`, without its newline: the payload as itself when it is
    /// one line of JSON other than a string, else as a JSON string holding it. Linear in the
    /// payload's length.
    public static func line(for result: WorkerResult) -> String {
        var text = "{\"id\":"
        FlatJSON.appendString(result.id, to: &text)
        text += ",\"payload\":"
        if FlatJSON.isSingleLineValue(result.payload) {
            text += result.payload
        } else {
            FlatJSON.appendString(result.payload, to: &text)
        }
        text += "}"
        return text
    }

    /// The results stored in the file at `path`, by job id; empty if the file does not
    /// exist. A torn last line is ignored; the file is not changed.
    ///
    /// - Throws: ``ResultsFileError`` for an unreadable file, a malformed complete line, or
    ///   one id with two different results.
    public static func load(path: String) throws(ResultsFileError) -> [String: String] {
        let contents: [UInt8]?
        do {
            contents = try POSIXFile.contentsIfPresent(path)
        } catch {
            throw ResultsFileError(path: path, line: nil, message: error.description)
        }
        guard let contents else { return [:] }
        return try ResultsFileContents(path: path, bytes: contents).resultsByID()
    }

    /// The results of several (partial, per-shard) results files combined, by job id.
    ///
    /// The same id in several files is fine when the results are identical (a shard run
    /// twice); different results for one id are an error, since the runs are supposed to be
    /// deterministic and one of them cannot be trusted.
    ///
    /// - Throws: ``ResultsFileError`` naming both places for a conflicting id; a missing
    ///   file is an error too (a shard that never ran is worth noticing).
    public static func merge(paths: [String]) throws(ResultsFileError) -> [String: String] {
        try mergeWithOrigins(paths: paths).results.mapValues(\.payload)
    }

    /// What ``mergeWithOrigins(paths:)`` found: each result with the file and line it was first
    /// read from, and the files that end with a torn line.
    public struct MergedResults: Sendable {
        /// The results by job id, each with where it was read.
        public var results: [String: (payload: String, path: String, line: Int)]
        /// The files whose last line is torn (a writer stopped in the middle of it), in
        /// argument order.
        public var tornPaths: [String]
    }

    /// Like ``merge(paths:)``, keeping where each result came from and which files end with a
    /// torn line.
    ///
    /// - Throws: ``ResultsFileError`` as ``merge(paths:)`` does.
    public static func mergeWithOrigins(paths: [String]) throws(ResultsFileError) -> MergedResults {
        var merged: [String: (payload: String, path: String, line: Int)] = [:]
        var torn: [String] = []
        for path in paths {
            let contents: [UInt8]?
            do {
                contents = try POSIXFile.contentsIfPresent(path)
            } catch {
                throw ResultsFileError(path: path, line: nil, message: error.description)
            }
            guard let contents else {
                throw ResultsFileError(path: path, line: nil, message: "no such results file")
            }
            let parsed = try ResultsFileContents(path: path, bytes: contents)
            if parsed.completeByteCount < contents.count { torn.append(path) }
            for entry in parsed.entries {
                if let earlier = merged[entry.result.id] {
                    guard earlier.payload == entry.result.payload else {
                        throw ResultsFileError(
                            path: path,
                            line: entry.line,
                            message:
                                "job '\(entry.result.id)' has a different result than in "
                                + "\(earlier.path):\(earlier.line)"
                        )
                    }
                } else {
                    merged[entry.result.id] = (entry.result.payload, path, entry.line)
                }
            }
        }
        return MergedResults(results: merged, tornPaths: torn)
    }
}

/// A results file parsed: its complete lines, and how many bytes they take (the rest is a
/// torn last line).
struct ResultsFileContents {
    /// Every result on a complete line, with its 1-based line number, in file order.
    let entries: [(result: WorkerResult, line: Int)]
    /// The bytes up to and including the last newline.
    let completeByteCount: Int
    let path: String

    init(path: String, bytes: [UInt8]) throws(ResultsFileError) {
        self.path = path
        var entries: [(result: WorkerResult, line: Int)] = []
        var lineStart = 0
        var lineNumber = 0
        while let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            lineNumber += 1
            let line = bytes[lineStart..<newline]
            lineStart = newline + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            entries.append((try Self.parse(line, path: path, lineNumber: lineNumber), lineNumber))
        }
        self.entries = entries
        completeByteCount = lineStart
    }

    /// The results by id; one id with two different results is an error.
    func resultsByID() throws(ResultsFileError) -> [String: String] {
        try resultsWithLines().mapValues(\.payload)
    }

    /// The results by id with the line each was first read from; one id with two different
    /// results is an error.
    func resultsWithLines() throws(ResultsFileError) -> [String: (payload: String, line: Int)] {
        var results: [String: (payload: String, line: Int)] = [:]
        for entry in entries {
            if let earlier = results[entry.result.id] {
                guard earlier.payload == entry.result.payload else {
                    throw ResultsFileError(
                        path: path,
                        line: entry.line,
                        message: "job '\(entry.result.id)' has a different result than on line \(earlier.line)"
                    )
                }
            } else {
                results[entry.result.id] = (entry.result.payload, entry.line)
            }
        }
        return results
    }

    private static func parse(
        _ line: ArraySlice<UInt8>,
        path: String,
        lineNumber: Int
    ) throws(ResultsFileError) -> WorkerResult {
        let members: [(key: String, value: FlatJSON.Value)]
        do {
            members = try FlatJSON.parseObjectKeepingValues(line)
        } catch {
            throw ResultsFileError(path: path, line: lineNumber, message: error.message)
        }
        guard members.count == 2, let id = members.first(where: { $0.key == "id" })?.value,
            let payload = members.first(where: { $0.key == "payload" })?.value
        else {
            throw ResultsFileError(path: path, line: lineNumber, message: "expected exactly the members id and payload")
        }
        guard case .string(let id) = id else {
            throw ResultsFileError(path: path, line: lineNumber, message: "the id is not a string")
        }
        // A string is the payload's text itself (an older file, or a payload that is not one-line JSON).
        let payloadText: String
        switch payload {
        case .string(let text), .json(let text): payloadText = text
        }
        return WorkerResult(id: id, payload: payloadText)
    }
}

/// A results file that cannot be used: unreadable, malformed, or contradicting itself or
/// another file.
public struct ResultsFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// The 1-based line the problem is on, if it is about one line.
    public let line: Int?
    /// What is wrong.
    public let message: String

    /// The error `message` about `path`, at `line` if given.
    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `PATH:LINE: error: MESSAGE` (without `:LINE` when it is about the whole file).
    public var description: String {
        if let line { return "\(path):\(line): error: \(message)" }
        return "\(path): error: \(message)"
    }
}
