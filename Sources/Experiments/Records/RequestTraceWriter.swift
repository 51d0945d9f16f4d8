import Foundation
import Reports
import ShareModel

/// Writes one simulation's records to its part file as the simulation runs: lines go to
/// `PART.tmp`, which ``commit()`` renames to the part's name once the simulation has ended,
/// so a part that exists is whole.
///
/// A class: it owns an open file, closed once (by ``commit()`` or on release, which removes
/// an uncommitted temporary file).
final class RequestTraceWriter {
    private let part: RequestTracePart
    private let variant: String
    private let replication: Int
    private var handle: FileHandle?
    private var pending = ""
    private var temporaryPath: String { part.path + ".tmp" }

    /// A writer of `part` for the run of `variant`, replication `replication`.
    ///
    /// - Throws: ``ExperimentError/failed(_:)`` when the temporary file cannot be created.
    init(part: RequestTracePart, variant: String, replication: Int) throws {
        self.part = part
        self.variant = variant
        self.replication = replication
        let directory = (part.path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ExperimentError.failed("cannot create '\(directory)' for the request records: \(error)")
        }
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporaryPath)
        else {
            throw ExperimentError.failed("cannot write the request records to '\(temporaryPath)'")
        }
        self.handle = handle
    }

    deinit {
        if let handle {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporaryPath)
        }
    }

    /// Appends `records`' lines; writes reach the file in blocks of about 1 MiB.
    func write(_ records: [RequestRecord]) throws {
        for record in records {
            pending += part.format.line(record, variant: variant, replication: replication)
        }
        if pending.utf8.count >= 1 << 20 { try flush() }
    }

    /// Writes what is pending, closes the file and renames it to the part's name.
    func commit() throws {
        try flush()
        try handle?.close()
        handle = nil
        guard rename(temporaryPath, part.path) == 0 else {
            throw ExperimentError.failed(
                "cannot finish the request records '\(part.path)': \(String(cString: strerror(errno)))"
            )
        }
    }

    private func flush() throws {
        guard !pending.isEmpty, let handle else { return }
        do {
            try handle.write(contentsOf: Data(pending.utf8))
        } catch {
            throw ExperimentError.failed("cannot write the request records to '\(temporaryPath)': \(error)")
        }
        pending = ""
    }
}
