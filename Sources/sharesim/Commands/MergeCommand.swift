import ArgumentParser
import Experiments
import Foundation

/// `sharesim merge PARTS...`: combines the results files of shards into one report.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the results files of sharded runs (--shard K/N --results PART) into one report.",
        discussion: "A merge that lacks simulations says which shards are missing, writes the report marked "
            + "incomplete, and exits 1 unless --allow-partial."
    )

    @Argument(help: "Results files written by the shards.")
    var parts: [String]

    @Flag(help: "Exit 0 even when shards are missing (the report is still marked incomplete).")
    var allowPartial = false

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if parts.isEmpty { throw ValidationError("name the results files to merge") }
    }

    func run() throws {
        let merged = try ShardMerge.merge(paths: parts)
        try report.write(merged.report)
        guard let missing = merged.missingSummary else { return }
        if allowPartial {
            FileHandle.standardError.write(Data("sharesim: warning: \(missing); the report is incomplete\n".utf8))
        } else {
            throw ExperimentError.failed("\(missing); the report is marked incomplete (--allow-partial to accept)")
        }
    }
}
