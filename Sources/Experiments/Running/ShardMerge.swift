import HostRuntime
public import Reports

/// Combines the results files of sharded runs (`--shard K/N --results PART`) into the report
/// their command would have written in one piece, and says what is missing.
public enum ShardMerge {
    /// What a merge produced.
    public struct Outcome: Sendable {
        /// The report, marked incomplete when simulations are missing.
        public var report: Report
        /// Positions (0-based, in the command's order) of the simulations no part holds.
        public var missingJobs: [Int]
        /// The shards (`K/N`) none of whose simulations any part holds.
        public var missingShards: [String]
        /// How many simulations the command made in all.
        public var planSize: Int

        /// Whether every simulation of the command is in the parts.
        public var isComplete: Bool { missingJobs.isEmpty }

        /// One line for people: which shards or how many simulations are missing; nil when none are.
        public var missingSummary: String? {
            guard !missingJobs.isEmpty else { return nil }
            let count = "\(missingJobs.count) of \(planSize) simulations are missing"
            guard !missingShards.isEmpty else { return count }
            let shards = missingShards.count == 1 ? "shard " : "shards "
            return count + " (" + shards + missingShards.joined(separator: ", ") + ")"
        }
    }

    /// The report of the results in `paths`, in the order of the command that made them.
    ///
    /// The report's kind is the one the jobs carry; parts made by different kinds of
    /// command, by different versions of a scenario, or by commands of different sizes are
    /// refused.
    ///
    /// - Throws: ``ExperimentError/usage(_:)`` for a missing, unreadable, conflicting or
    ///   mismatched part.
    public static func merge(paths: [String]) throws -> Outcome {
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
        guard let first = ordered.first?.job else { throw ExperimentError.usage("the results files hold no results") }
        for result in ordered {
            let job = result.job
            guard job.report == first.report, job.planSize == first.planSize, job.shardCount == first.shardCount
            else {
                throw ExperimentError.usage(
                    "the results files come from different commands (job '\(job.id)' is not part of the first's "
                        + "\(first.planSize) simulations); merge each command's parts separately"
                )
            }
            let sameEntry = ordered.first { $0.job.entry == job.entry }?.job
            guard sameEntry?.scenarioDigest == job.scenarioDigest else {
                throw ExperimentError.usage(
                    "the results files hold runs of two versions of one scenario (job '\(job.id)'); "
                        + "merge parts made from the same file"
                )
            }
        }
        let present = Set(ordered.map(\.job.order))
        let missing = (0..<first.planSize).filter { !present.contains($0) }
        let shardCount = max(1, first.shardCount)
        let missingShards = (1...shardCount).filter { shard in
            let positions = (0..<first.planSize).filter { $0 % shardCount == shard - 1 }
            return !positions.isEmpty && positions.allSatisfy { !present.contains($0) }
        }
        let report = try ReportAssembly.report(
            ordered,
            kind: first.report,
            wallSeconds: nil,
            complete: missing.isEmpty
        )
        return Outcome(
            report: report,
            missingJobs: missing,
            missingShards: missingShards.map { "\($0)/\(shardCount)" },
            planSize: first.planSize
        )
    }
}
