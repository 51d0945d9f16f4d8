import HostRuntime
public import Reports
import SimCore

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
        /// The parts that end with a torn line (a shard stopped while writing a result).
        public var tornParts: [String]

        /// Whether every simulation of the command is in the parts.
        public var isComplete: Bool { missingJobs.isEmpty }

        /// One line for people: which shards or how many simulations are missing; nil when none are.
        public var missingSummary: String? {
            guard !missingJobs.isEmpty else { return nil }
            var count = "\(missingJobs.count) of \(planSize) simulations are missing"
            if !missingShards.isEmpty {
                let shards = missingShards.count == 1 ? "shard " : "shards "
                count += " (" + shards + missingShards.joined(separator: ", ") + ")"
            }
            for part in tornParts {
                count += "; \(part) ends with a torn line (its shard stopped while writing a result)"
            }
            return count
        }
    }

    /// The report of the results in `paths`, in the order of the command that made them.
    ///
    /// The report's kind is the one the jobs carry. Every problem is found before refusing, one
    /// line each: a part named twice, results written by another version of ShareSim, parts
    /// made by different kinds or sizes of command, by different versions of a scenario or
    /// with different seeds. Parts ending with a torn line (a shard that stopped while writing)
    /// are listed in ``Outcome/tornParts``; that simulation counts as missing.
    ///
    /// - Throws: ``ExperimentError/usage(_:)`` for a missing, unreadable or conflicting part,
    ///   and with every mismatch found, one per line.
    public static func merge(paths: [String]) throws -> Outcome {
        var problems: [String] = []
        var seenPaths: Set<String> = []
        for path in paths where !seenPaths.insert(OutputSafety.canonical(path)).inserted {
            problems.append("\(path) is named twice")
        }
        let merged: ResultsJournal.MergedResults
        do {
            merged = try ResultsJournal.mergeWithOrigins(paths: Array(Set(paths)).sorted())
        } catch {
            throw ExperimentError.usage(error.description)
        }
        var results: [JobResult] = []
        for id in merged.results.keys.sorted() {
            guard let origin = merged.results[id] else { continue }
            let result: JobResult
            do {
                result = try JobCoding.decode(JobResult.self, from: origin.payload)
            } catch {
                problems.append(
                    "\(origin.path):\(origin.line): the result of '\(id)' cannot be read "
                        + "(\(ExperimentRunner.summary(of: error)))"
                )
                continue
            }
            if result.job.id != id {
                let writer = id.split(separator: "/").first.map(String.init) ?? id
                problems.append(
                    "\(origin.path):\(origin.line): written by another version of ShareSim (\(writer), this is "
                        + "sharesim=\(BuildConfiguration.version)); re-run that shard with this version"
                )
                continue
            }
            results.append(result)
        }
        let ordered = results.sorted { $0.job.order < $1.job.order }
        guard let first = ordered.first?.job else {
            problems.append("the results files hold no results")
            throw ExperimentError.usage(problems.joined(separator: "\n"))
        }
        problems += mismatches(ordered, first: first)
        if !problems.isEmpty { throw ExperimentError.usage(problems.joined(separator: "\n")) }
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
            planSize: first.planSize,
            tornParts: merged.tornPaths
        )
    }

    /// One line per result that does not belong with the first one's command: another kind or
    /// size of command, another version of a scenario entry, another seed, or a second result
    /// for the same simulation.
    static func mismatches(_ ordered: [JobResult], first: SimulationJob) -> [String] {
        var problems: [String] = []
        var digestByEntry: [Int: String] = [:]
        var orders: Set<Int> = []
        for job in ordered.map(\.job) {
            if job.report != first.report || job.planSize != first.planSize || job.shardCount != first.shardCount {
                problems.append(
                    "job '\(job.id)' is not part of the first part's command (\(first.report), \(first.planSize) "
                        + "simulations in \(first.shardCount) shards); merge each command's parts separately"
                )
                continue
            }
            if let digest = digestByEntry[job.entry], digest != job.scenarioDigest {
                problems.append(
                    "job '\(job.id)' ran another version of the scenario (the file was edited between shards); "
                        + "merge parts made from the same file"
                )
            }
            digestByEntry[job.entry] = digestByEntry[job.entry] ?? job.scenarioDigest
            if job.baseSeed != first.baseSeed {
                problems.append(
                    "job '\(job.id)' ran with seed \(job.baseSeed.map(String.init) ?? "of the scenario"), the first "
                        + "part with \(first.baseSeed.map(String.init) ?? "the scenario's"); give every shard the same --seed"
                )
            }
            if !orders.insert(job.order).inserted {
                problems.append("simulation \(job.order + 1) of the command has two different results ('\(job.id)')")
            }
        }
        return problems
    }
}
