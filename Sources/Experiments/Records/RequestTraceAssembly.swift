import Foundation
import Reports
import ShareModel

extension RequestTrace {
    /// What joining the parts gave.
    public struct Joined: Hashable, Sendable {
        /// Records in the file.
        public var records: Int
        /// Finished simulations whose part was missing (finished before `--resume` by a run
        /// that did not record requests), so their records are not in the file.
        public var missingParts: Int
    }

    /// Starts a run: creates the parts directory and, unless `resuming`, removes the parts a
    /// previous run left in it.
    ///
    /// - Throws: ``ExperimentError/failed(_:)`` when the directory cannot be made or cleared.
    public func prepare(resuming: Bool) throws(ExperimentError) {
        let files = FileManager.default
        do {
            if !resuming, files.fileExists(atPath: partsDirectory) { try files.removeItem(atPath: partsDirectory) }
            try files.createDirectory(atPath: partsDirectory, withIntermediateDirectories: true)
        } catch {
            throw .failed("cannot prepare '\(partsDirectory)' for the request records: \(error)")
        }
    }

    /// Joins the parts of the jobs at `finished` positions (in that order) into the file,
    /// written under a temporary name and renamed, copying 1 MiB at a time; removes the parts
    /// directory when `complete` (every job of the command finished), else keeps it for
    /// `--resume`.
    ///
    /// - Throws: ``ExperimentError/failed(_:)`` when a part cannot be read or the file written.
    public func join(finished: [Int], complete: Bool) throws(ExperimentError) -> Joined {
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data((format.header ?? "").utf8)),
            let output = FileHandle(forWritingAtPath: temporary)
        else {
            throw .failed("cannot write the request records to '\(temporary)'")
        }
        var joined = Joined(records: 0, missingParts: 0)
        do {
            defer { try? output.close() }
            try output.seekToEnd()
            for order in finished {
                guard let input = FileHandle(forReadingAtPath: part(forJob: order).path) else {
                    joined.missingParts += 1
                    continue
                }
                defer { try? input.close() }
                while let block = try input.read(upToCount: 1 << 20), !block.isEmpty {
                    joined.records += block.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                    try output.write(contentsOf: block)
                }
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .failed("cannot write the request records to '\(path)': \(error)")
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .failed("cannot write the request records to '\(path)': \(String(cString: strerror(errno)))")
        }
        if complete { try? FileManager.default.removeItem(atPath: partsDirectory) }
        return joined
    }
}

extension RequestTrace {
    /// The line the command prints on standard error once the records are joined, with a
    /// warning when finished simulations have no part (their records are missing).
    public static func summary(_ joined: Joined, of trace: RequestTrace) -> String {
        var line =
            "sharesim: wrote \(joined.records) request record(s) to \(trace.path) "
            + "(\(trace.sampling.rate.description) of the requests, warm-up included)"
        if joined.missingParts > 0 {
            line +=
                "\nsharesim: warning: the records of \(joined.missingParts) simulation(s) that finished before "
                + "--resume are not in \(trace.path): that run did not record requests"
        }
        return line
    }
}
