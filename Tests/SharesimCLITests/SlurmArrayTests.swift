import Foundation
import Testing

/// The README's Slurm job array, as written (simulated time shortened), submitted with its own
/// `sbatch --wait` to a one-node cluster on localhost (`.ci/slurm-cluster`), with the built
/// `sharesim` first on the job's `PATH`; its merge equals one local sweep byte for byte.
/// Without Slurm the test is skipped with the reason; `SHARESIM_REQUIRE_SLURM=1` (CI) makes
/// that a failure.
@Suite("README Slurm job array on a real cluster")
struct SlurmArrayTests {
    @Test(
        "the README's job array, run by Slurm and merged, equals one local sweep byte for byte",
        .timeLimit(.minutes(5))
    )
    func jobArrayMergesToTheLocalReport() async throws {
        let recipe = try #require(SlurmRecipe.find(in: ReadmeText.shellBlocks())?.recipe, "no Slurm recipe in README")
        let tasks = try #require(recipe.taskCount, "the job script asks for no `#SBATCH --array=1-N`")
        let scriptName = try #require(recipe.scriptName, "the recipe has no `sbatch` line")
        let report = try #require(recipe.mergedReport, "the recipe's merge has no --output")
        let reference = "local-" + report
        let localArguments = try #require(recipe.localArguments(output: reference), "no --shard/--results to drop")
        #expect(!localArguments.joined().contains("$"), "\(localArguments)")

        let cluster = try SlurmCluster.start()
        defer { cluster.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-array-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { Self.remove(folder) }
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("Simulations"),
            withDestinationURL: ReadmeText.root.appendingPathComponent("Simulations")
        )
        try recipe.shortenedJobScript.write(
            to: folder.appendingPathComponent(scriptName),
            atomically: true,
            encoding: .utf8
        )
        try recipe.reproducibleSubmission.write(
            to: folder.appendingPathComponent("submit.sh"),
            atomically: true,
            encoding: .utf8
        )

        // `timeout` ends the whole process group, sbatch included, if the cluster never runs the job.
        // Waited for off the cooperative pool, which other tests need meanwhile (see offPool).
        let environment = cluster.environment(withProgramsIn: CLIRunner.executable.deletingLastPathComponent())
        let submitted = try await offPool {
            try CLIRunner.runProgram(
                URL(fileURLWithPath: "/usr/bin/timeout"),
                ["240", "/bin/sh", "-e", "submit.sh"],
                in: folder,
                environment: environment
            )
        }
        let logs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("slurm-") && $0.hasSuffix(".out") }.sorted()
        let outputs = try logs.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        let said = submitted.standardOutput + submitted.standardError + outputs.joined(separator: "\n")
        #expect(submitted.status == 0, "the submission exited \(submitted.status): \(said)")
        #expect(logs.count == tasks, "one output file per array task: \(logs)")
        for (log, output) in zip(logs, outputs) {
            #expect(output.contains("sharesim: this shard finished"), "\(log): \(output)")
        }

        let local = try await offPool { try CLIRunner.run(localArguments, in: folder) }
        #expect(local.status == 0, "`sharesim \(localArguments.joined(separator: " "))`: \(local.standardError)")
        let merged = try Data(contentsOf: folder.appendingPathComponent(report))
        let whole = try Data(contentsOf: folder.appendingPathComponent(reference))
        #expect(merged == whole, "merged \(merged.count) bytes, local run \(whole.count) bytes")
        let html = String(decoding: merged, as: UTF8.self)
        #expect(html.contains("<svg") && html.contains("ShareSim sweep: xunlei-xingyu-cdn"))
        #expect(!html.contains("incomplete"))
    }

    /// Removes `folder`, recording a failure to do so.
    static func remove(_ folder: URL) {
        do { try FileManager.default.removeItem(at: folder) } catch {
            Issue.record(error, "could not remove \(folder.path)")
        }
    }
}
