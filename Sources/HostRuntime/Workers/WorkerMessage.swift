/// One line of the worker wire protocol.
///
/// A worker (`sharesim worker`, see ``WorkerServer``) talks to its parent (``WorkerPool``)
/// over its standard input and output. Every message is one line: a JSON object whose
/// values are all strings, UTF-8, ended by a single `\n`. Payloads, ids and messages are
/// opaque strings escaped inside the object (see below), so they may contain anything,
/// newlines included, and the line stays one line.
///
/// | direction        | line                                          | meaning                         |
/// |------------------|-----------------------------------------------|---------------------------------|
/// | parent → worker  | `{"job":"ID","payload":"PAYLOAD"}`            | run this job                    |
/// | worker → parent  | `{"result":"ID","payload":"PAYLOAD"}`         | the job finished with a result  |
/// | worker → parent  | `{"error":"ID","message":"MESSAGE"}`          | the job's handler threw         |
///
/// - The parent sends one job at a time and waits for its answer before sending the next;
///   the worker answers each job with exactly one `result` or `error` line carrying the
///   job's id.
/// - End of the worker's standard input means no more jobs: the worker exits with status 0.
/// - Anything else from the worker (a line that does not parse, a wrong id, an answer
///   nobody asked for) is a protocol violation: the parent kills the worker and treats
///   the job as failed by a crash.
/// - Writers produce exactly the spelling above (keys in that order, no spaces; strings
///   escape `"`, `\` and control characters, `\n` as `\n`, other controls as `\u00XX`,
///   everything else raw UTF-8), so a line is a deterministic function of its fields.
///   Readers accept any JSON object with exactly those string members, in any order.
/// - Blank lines are ignored by both sides.
/// - Payloads stay escaped strings here, unlike in results files (``ResultsJournal``), which
///   embed them as JSON for other tools to read: both ends of a pipe are the same binary, the
///   pool treats payloads as opaque text (they need not be JSON), and nothing else reads it.
///
/// A shell script is enough to speak it, which is how the tests fake a worker:
///
/// ```sh
/// while IFS= read -r line; do
///     printf '%s\n' "$line" | sed 's/^{"job":/{"result":/'   # echoes the payload back
/// done
/// ```
public enum WorkerMessage: Sendable, Hashable {
    /// Parent → worker: run this job.
    case job(WorkerJob)
    /// Worker → parent: the job with this id finished with this result.
    case result(WorkerResult)
    /// Worker → parent: the handler threw while running the job named `id`; `message`
    /// describes the error.
    case error(id: String, message: String)

    /// The id of the job the message is about.
    public var jobID: String {
        switch self {
        case .job(let job): job.id
        case .result(let result): result.id
        case .error(let id, _): id
        }
    }

    /// The message as one protocol line, without the trailing newline.
    public var line: String {
        switch self {
        case .job(let job): FlatJSON.object(["job": job.id, "payload": job.payload])
        case .result(let result): FlatJSON.object(["result": result.id, "payload": result.payload])
        case .error(let id, let message): FlatJSON.object(["error": id, "message": message])
        }
    }

    /// Parses one protocol line (with or without its trailing newline).
    ///
    /// - Throws: ``WorkerProtocolError`` if the line is not exactly one of the three
    ///   messages.
    public init(line: some Collection<UInt8>) throws(WorkerProtocolError) {
        var bytes = Array(line)
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        let members: [(key: String, value: String)]
        do {
            members = try FlatJSON.parseObject(bytes)
        } catch {
            throw WorkerProtocolError(message: error.message, line: bytes)
        }
        func value(_ key: String) -> String? { members.first { $0.key == key }?.value }
        let keys = Set(members.map(\.key))
        if keys == ["job", "payload"], let id = value("job"), let payload = value("payload") {
            self = .job(WorkerJob(id: id, payload: payload))
        } else if keys == ["result", "payload"], let id = value("result"), let payload = value("payload") {
            self = .result(WorkerResult(id: id, payload: payload))
        } else if keys == ["error", "message"], let id = value("error"), let message = value("message") {
            self = .error(id: id, message: message)
        } else {
            let found = members.map(\.key).joined(separator: ", ")
            throw WorkerProtocolError(
                message: "expected the members job+payload, result+payload or error+message, found [\(found)]",
                line: bytes
            )
        }
    }

    /// Parses one protocol line given as text.
    ///
    /// - Throws: ``WorkerProtocolError`` if the line is not exactly one of the messages.
    public init(line: String) throws(WorkerProtocolError) {
        try self.init(line: Array(line.utf8))
    }
}

/// A line that is not a valid worker-protocol message.
public struct WorkerProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong with the line.
    public let message: String
    /// The start of the offending line (at most 200 bytes, invalid UTF-8 replaced).
    public let excerpt: String

    /// The error `message` about `line`.
    public init(message: String, line: some Collection<UInt8>) {
        self.message = message
        let head = Array(line.prefix(200))
        excerpt = String(decoding: head, as: UTF8.self) + (line.count > 200 ? "…" : "")
    }

    /// `malformed worker message: MESSAGE in 'EXCERPT'`.
    public var description: String { "malformed worker message: \(message) in '\(excerpt)'" }
}
