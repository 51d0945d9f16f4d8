import ArgumentParser
import Foundation
import HostRuntime

/// `sharesim merge PARTS...`: combines the results files of shards into one report.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the results files of sharded runs (--shard K/N --results PART) into one report."
    )

    @Argument(help: "Results files written by the shards.")
    var parts: [String]

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if parts.isEmpty { throw ValidationError("name the results files to merge") }
    }

    func run() throws {
        let merged: [String: String]
        do {
            merged = try ResultsJournal.merge(paths: parts)
        } catch {
            throw CommandFailure.usage(error.description)
        }
        let results = try merged.keys.sorted().map { id in try JobCoding.decode(JobResult.self, from: merged[id]!) }
        // The order of the command that made them.
        let ordered = results.sorted { $0.job.order < $1.job.order }
        try report.write(try ReportAssembly.report(ordered, wallSeconds: nil, complete: true))
    }
}
