import ArgumentParser
import Experiments
import Scenario

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
        help: "Override a field for this run: PATH=VALUE (repeatable), e.g. shared_pools.hk-onething.devices=300k."
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

    /// The selection, for an ``ExperimentPlan``.
    var plan: ExperimentPlan.Selection {
        ExperimentPlan.Selection(
            seed: seed,
            replications: replications,
            durationSeconds: duration.flatMap { text in
                if case .success(let seconds) = QuantityKind.duration.parse(text) { seconds } else { nil }
            },
            settings: settings.compactMap(SimulationJob.Setting.init(parsing:))
        )
    }
}
