import Foundation
import Testing

/// The one-node Slurm cluster on localhost that `.ci/slurm-cluster` runs, for tests that
/// submit jobs to it.
struct SlurmCluster {
    /// Why Slurm cannot be used here, thrown when `SHARESIM_REQUIRE_SLURM=1`.
    struct Unavailable: Error, CustomStringConvertible {
        /// What is missing or failed.
        var description: String
    }

    /// The cluster's `slurm.conf` (the `SLURM_CONF` of the commands that talk to it).
    var configuration: String
    /// Whether `start` started the cluster (and `stop` ends it), rather than reusing a running one.
    var startedHere: Bool

    /// The script that starts and stops the cluster.
    static var script: URL { ReadmeText.root.appendingPathComponent(".ci/slurm-cluster") }

    /// Whether a missing Slurm fails the test instead of skipping it (`SHARESIM_REQUIRE_SLURM=1`, as in CI).
    static var required: Bool { ProcessInfo.processInfo.environment["SHARESIM_REQUIRE_SLURM"] == "1" }

    /// Starts the cluster, or finds it already running.
    ///
    /// Without Slurm (no `sbatch` on `PATH`, or the cluster does not start) the calling test is
    /// cancelled, which reports it as skipped with the reason; with `SHARESIM_REQUIRE_SLURM=1`
    /// the reason is thrown instead, failing the test.
    static func start() throws -> SlurmCluster {
        guard program("sbatch") != nil else {
            try unavailable("sbatch is not on PATH (apt-get install slurm-wlm munge)")
        }
        let running = try CLIRunner.runProgram(script, ["status"]).status == 0
        let started = try CLIRunner.runProgram(script, ["start"])
        let configuration = started.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard started.status == 0, !configuration.isEmpty else {
            try unavailable("`.ci/slurm-cluster start` exited \(started.status): \(started.standardError)")
        }
        return SlurmCluster(configuration: configuration, startedHere: !running)
    }

    /// Stops the cluster if `start` started it; a failure to stop is recorded as an issue.
    func stop() {
        guard startedHere else { return }
        do {
            let stopped = try CLIRunner.runProgram(Self.script, ["stop"])
            if stopped.status != 0 {
                Issue.record("`.ci/slurm-cluster stop` exited \(stopped.status): \(stopped.standardError)")
            }
        } catch {
            Issue.record(error, "`.ci/slurm-cluster stop` did not run")
        }
    }

    /// The environment for `sbatch` and the job: this process's, with `directory` first on
    /// `PATH`, the cluster's configuration, and the whole environment exported to the job.
    func environment(withProgramsIn directory: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = directory.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["SLURM_CONF"] = configuration
        environment["SBATCH_EXPORT"] = "ALL"
        return environment
    }

    /// The executable called `name` in a folder of `PATH`, if any.
    static func program(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Skips the calling test with `reason`, or fails it when Slurm is required.
    private static func unavailable(_ reason: String) throws -> Never {
        if required { throw Unavailable(description: "SHARESIM_REQUIRE_SLURM=1, but \(reason)") }
        try Test.cancel("Slurm is not available: \(reason); SHARESIM_REQUIRE_SLURM=1 makes this a failure")
    }
}
