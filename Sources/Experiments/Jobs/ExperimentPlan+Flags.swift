import Scenario

extension ExperimentPlan.Selection {
    /// The selection that the command-line flags `--seed`, `--replications`, `--duration` and
    /// `--set PATH=VALUE` (as typed) describe.
    ///
    /// - Throws: ``ExperimentError/usage(_:)`` naming the first flag at fault: replications
    ///   outside 1...10,000, a duration without a unit, not positive or over a year, a setting
    ///   without `=` or with an empty path.
    public static func parsing(
        seed: UInt64?,
        replications: Int?,
        duration: String?,
        settings: [String]
    ) throws(ExperimentError) -> Self {
        if let replications, !(1...10_000).contains(replications) {
            throw .usage("--replications must be 1...10000, got \(replications)")
        }
        var seconds: Double?
        if let duration {
            switch QuantityKind.duration.parse(duration) {
            case .success(let value) where value > 0 && value <= 365 * 86_400: seconds = value
            case .success: throw .usage("--duration must be more than zero and at most a year, got '\(duration)'")
            case .failure(let error): throw .usage("--duration: \(error.message)")
            }
        }
        var parsed: [SimulationJob.Setting] = []
        for setting in settings {
            guard let value = SimulationJob.Setting(parsing: setting) else {
                throw .usage("--set expects PATH=VALUE, got '\(setting)'")
            }
            parsed.append(value)
        }
        return Self(seed: seed, replications: replications, durationSeconds: seconds, settings: parsed)
    }
}
