public import Reports
public import ShareModel

/// `--trace-requests FILE`: where a run's per-request records go, which requests it records
/// and in what format.
///
/// Each simulation writes its records to a part of its own (``part(forJob:)``) while it runs,
/// in a directory beside the file, and renames it into place when it has finished; when the
/// run ends, the parts of the finished simulations are joined in the command's job order
/// into the file, so the file is the same whatever the number of workers.
public struct RequestTrace: Hashable, Sendable {
    /// The file the records end in.
    public let path: String
    /// Which requests are recorded.
    public let sampling: RequestSampling
    /// CSV or JSON lines, from the file's extension.
    public let format: RequestRecordFormat

    /// The trace of `path` at `rate` (the share of requests recorded, in (0, 1]).
    ///
    /// - Throws: ``ExperimentError/usage(_:)`` for an extension other than `.csv`, `.jsonl`
    ///   or `.ndjson`, or a rate outside (0, 1].
    public init(path: String, rate: Double) throws(ExperimentError) {
        guard !path.isEmpty, let format = RequestRecordFormat(inferringFrom: path) else {
            throw .usage("--trace-requests '\(path)': name a .csv, .jsonl or .ndjson file")
        }
        guard let sampling = RequestSampling(rate: rate) else {
            throw .usage(
                "--trace-sample must be a share in (0, 1] (0.01 records one request in a hundred), got \(rate)"
            )
        }
        self.path = path
        self.sampling = sampling
        self.format = format
    }

    /// The directory of the simulations' parts while the run lasts: `FILE.parts`.
    public var partsDirectory: String { path + ".parts" }

    /// Where the job at position `order` of the command writes its records.
    public func part(forJob order: Int) -> RequestTracePart {
        RequestTracePart(path: "\(partsDirectory)/\(order).\(format.rawValue)", sampling: sampling, format: format)
    }
}

/// One simulation's share of a ``RequestTrace``: the part file it writes, sent to a worker
/// process with its job.
public struct RequestTracePart: Hashable, Sendable, Codable {
    /// The part file, written under a temporary name and renamed when the simulation ends.
    public var path: String
    /// Which requests are recorded.
    public var sampling: RequestSampling
    /// How the lines are written (the part has no header; the joined file has one).
    public var format: RequestRecordFormat
}
