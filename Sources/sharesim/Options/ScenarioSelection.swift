import ArgumentParser
import Experiments

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
        do { _ = try parsed() } catch { throw ValidationError(error.description) }
    }

    /// The selection, for an ``ExperimentPlan`` (checked by ``validate()``).
    var plan: ExperimentPlan.Selection { (try? parsed()) ?? ExperimentPlan.Selection() }

    private func parsed() throws(ExperimentError) -> ExperimentPlan.Selection {
        try .parsing(seed: seed, replications: replications, duration: duration, settings: settings)
    }
}
