import HostRuntime
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh temporary directory for one test, removed with everything in it by ``remove()``.
struct WorkerScratch {
    let path: String

    init() throws {
        var template = Array("/tmp/sharesim-workers-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        path = try #require(made.map { String(cString: $0) })
    }

    /// `path/name`.
    func file(_ name: String) -> String { "\(path)/\(name)" }

    /// Writes `text` to `name` and returns its path.
    @discardableResult
    func save(_ name: String, _ text: String) throws -> String {
        let target = file(name)
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        #expect(written == bytes.count)
        return target
    }

    /// The contents of `path` as text, or `nil` if it does not exist.
    func contents(of path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The lines of the file at `path` (none if it does not exist).
    func lines(_ path: String) -> [String] {
        (contents(of: path) ?? "").split(separator: "\n").map(String.init)
    }

    /// The names in the directory.
    func entries() -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                raw.baseAddress.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? ""
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    func remove() {
        for name in entries() { unlink(file(name)) }
        rmdir(path)
    }
}

/// Fake workers: `/bin/sh` scripts that speak the line protocol.
///
/// Every script takes `LOG DIR` as arguments: it appends each job id it receives to the
/// file `LOG` and keeps marker files in `DIR`. It answers `{"job":ID,"payload":P}` with
/// `{"result":ID,"payload":"done(P)"}`, the payload still escaped, so the result decodes to
/// `done(` + payload + `)`, which is what ``transform(_:)`` computes in process.
enum FakeWorker {
    /// The in-process twin of the scripts' answer.
    static func transform(_ job: WorkerJob) -> String { "done(\(job.payload))" }

    /// The common loop; `$SPECIAL` runs before answering, with `$id` set.
    static func script(special: String = "") -> String {
        """
        LOG="$1"; DIR="$2"
        while IFS= read -r line; do
            [ -z "$line" ] && continue
            id=$(printf '%s\\n' "$line" | sed -n 's/^{"job":"\\([^"]*\\)".*/\\1/p')
            payload=$(printf '%s\\n' "$line" | sed -n 's/.*"payload":"\\(.*\\)"}$/\\1/p')
            printf '%s\\n' "$id" >> "$LOG"
            marker="$DIR/marker-$(printf '%s' "$id" | tr '/=' '__')"
            \(special)
            printf '{"result":"%s","payload":"done(%s)"}\\n' "$id" "$payload"
        done
        """
    }

    /// Answers every job.
    static let echo = script()

    /// Kills itself with SIGKILL the first time it sees `id`.
    static func crashOnce(_ id: String) -> String {
        script(special: #"if [ "$id" = "\#(id)" ] && [ ! -e "$marker" ]; then : > "$marker"; kill -9 $$; fi"#)
    }

    /// Exits with status 3 whenever it sees `id`.
    static func alwaysCrash(_ id: String) -> String {
        script(special: #"if [ "$id" = "\#(id)" ]; then exit 3; fi"#)
    }

    /// Sleeps 5 s (past a short time limit) the first time it sees `id`.
    static func slowOnce(_ id: String) -> String {
        script(special: #"if [ "$id" = "\#(id)" ] && [ ! -e "$marker" ]; then : > "$marker"; sleep 5; fi"#)
    }

    /// Answers `id` with a handler error.
    static func handlerError(_ id: String) -> String {
        script(
            special:
                #"if [ "$id" = "\#(id)" ]; then printf '{"error":"%s","message":"boom"}\n' "$id"; continue; fi"#
        )
    }

    /// Closes its standard output and hangs the first time it sees `id`.
    static func closeOutputOnce(_ id: String) -> String {
        script(special: #"if [ "$id" = "\#(id)" ] && [ ! -e "$marker" ]; then : > "$marker"; exec 1>&-; sleep 3; fi"#)
    }

    /// Answers `id` with a line that is not a protocol message, the first time.
    static func garbageOnce(_ id: String) -> String {
        script(special: #"if [ "$id" = "\#(id)" ] && [ ! -e "$marker" ]; then : > "$marker"; echo hello; fi"#)
    }
}

/// Jobs `rep=0` ... with JSON payloads that need escaping.
func sampleJobs(_ count: Int) -> [WorkerJob] {
    (0..<count).map { WorkerJob(id: "variant=base/rep=\($0)", payload: #"{"seed":\#($0 * 7 + 1),"name":"a b"}"#) }
}

/// Options that run `script` (written into `scratch`) with `/bin/sh`, logging to `log`.
func fakeWorkerOptions(
    _ script: String,
    in scratch: WorkerScratch,
    workers: Int,
    log: String = "log",
    timeLimit: Duration = .seconds(20)
) throws -> WorkerPoolOptions {
    let path = try scratch.save("worker-\(workers).sh", script)
    var options = WorkerPoolOptions(
        workerCount: workers,
        executable: "/bin/sh",
        arguments: [path, scratch.file(log), scratch.path],
        timeLimit: timeLimit
    )
    options.stopSignals = [.testStop]
    return options
}
