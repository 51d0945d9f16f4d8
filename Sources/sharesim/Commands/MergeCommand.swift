import ArgumentParser
import Experiments

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
        try report.write(try ShardMerge.report(paths: parts))
    }
}
