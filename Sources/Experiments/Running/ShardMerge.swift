import HostRuntime
public import Reports

/// Combines the results files of sharded runs (`--shard K/N --results PART`) into the report
/// their command would have written in one piece.
public enum ShardMerge {
    /// The report of the results in `paths`, in the order of the command that made them.
    ///
    /// The report's kind is the one the jobs carry; parts made by different kinds of
    /// command are refused.
    ///
    /// - Throws: ``ExperimentError/usage(_:)`` for a missing, unreadable or conflicting part,
    ///   or parts of different kinds of report.
    public static func report(paths: [String]) throws -> Report {
        let merged: [String: String]
        do {
            merged = try ResultsJournal.merge(paths: paths)
        } catch {
            throw ExperimentError.usage(error.description)
        }
        let results = try merged.keys.sorted().map { id in
            guard let payload = merged[id] else { throw ExperimentError.failed("lost the result of '\(id)'") }
            do {
                return try JobCoding.decode(JobResult.self, from: payload)
            } catch {
                throw ExperimentError.usage("the result of job '\(id)' cannot be read: \(error)")
            }
        }
        let ordered = results.sorted { $0.job.order < $1.job.order }
        guard let kind = ordered.first?.job.report else {
            throw ExperimentError.usage("the results files hold no results")
        }
        guard ordered.allSatisfy({ $0.job.report == kind }) else {
            throw ExperimentError.usage("the results files come from different kinds of command; merge them separately")
        }
        return try ReportAssembly.report(ordered, kind: kind, wallSeconds: nil, complete: true)
    }
}
