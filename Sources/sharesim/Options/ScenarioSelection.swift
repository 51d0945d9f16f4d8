import ArgumentParser
import Scenario
import SimCore

/// Options that change which simulations a scenario makes: seed, replications, duration and
/// `PATH=VALUE` settings.
struct ScenarioSelection: ParsableArguments {
    @Option(help: "Base seed (replication i runs with seed + i - 1; default: the scenario's).")
    var seed: UInt64?

    @Option(help: "Independent replications (1 to 10,000; default: the scenario's).")
    var replications: Int?

    @Option(help: "Measured simulated time, with a unit: '30 min', '2 h' (default: the scenario's).")
    var duration: String?

    @Option(
        name: .customLong("set"),
        help: "Override a field for this run: PATH=VALUE (repeatable), e.g. shared_pools.hk-homes.devices=300k."
    )
    var settings: [String] = []

    func validate() throws {
        if let replications, !(1...10_000).contains(replications) {
            throw ValidationError("--replications must be 1...10000, got \(replications)")
        }
        if let duration {
            switch QuantityKind.duration.parse(duration) {
            case .success(let seconds) where seconds > 0 && seconds <= 365 * 86_400: break
            case .success:
                throw ValidationError("--duration must be more than zero and at most a year, got '\(duration)'")
            case .failure(let error): throw ValidationError("--duration: \(error.message)")
            }
        }
        for setting in settings where !setting.contains("=") || setting.hasPrefix("=") {
            throw ValidationError("--set expects PATH=VALUE, got '\(setting)'")
        }
    }

    /// The `--set` overrides.
    var parsedSettings: [SimulationJob.Setting] {
        settings.map { text in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            return SimulationJob.Setting(path: parts[0], value: parts.count > 1 ? parts[1] : "")
        }
    }

    /// The duration in seconds, if given.
    var durationSeconds: Double? {
        duration.flatMap { try? QuantityKind.duration.parse($0).get() }
    }

    /// The jobs of `scenario` (already loaded from `reference`) for one variant and settings:
    /// one per replication.
    func jobs(
        for reference: ScenarioReference,
        scenario: Scenario,
        variant: String,
        entry: Int = 0,
        extraSettings: [SimulationJob.Setting] = [],
        baseSeed: UInt64? = nil
    ) -> [SimulationJob] {
        let count = replications ?? scenario.replications
        let digest = String(StableHash.of(scenario.document.description), radix: 16)
        return (1...count).map { replication in
            SimulationJob(
                scenario: reference,
                entry: entry,
                variant: variant,
                settings: parsedSettings + extraSettings,
                replication: replication,
                baseSeed: seed ?? baseSeed,
                durationSeconds: durationSeconds,
                scenarioDigest: digest
            )
        }
    }

    /// Checks that every job resolves (variant, settings, duration) before any runs.
    static func check(_ jobs: [SimulationJob]) throws {
        var seen = Set<String>()
        for job in jobs where seen.insert("\(job.entry)|" + ReportAssembly.label(of: job)).inserted {
            _ = try job.resolvedScenario()
        }
    }
}
