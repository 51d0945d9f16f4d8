import Scenario
import SimCore

/// The jobs of one command (`run`, `compare` or `sweep`) and the kind of report they make.
///
/// Built from what the user selected; every job is checked to resolve (variant, settings,
/// duration) before any runs, so a typo fails at once rather than in a worker.
public struct ExperimentPlan: Sendable {
    /// What the user chose beyond the scenario: seed, replications, duration and overrides.
    public struct Selection: Hashable, Sendable {
        /// The base seed; nil keeps the scenario's.
        public var seed: UInt64?
        /// Replications per entry; nil keeps the scenario's.
        public var replications: Int?
        /// The measured duration in seconds; nil keeps the scenario's.
        public var durationSeconds: Double?
        /// `PATH=VALUE` overrides applied to every job.
        public var settings: [SimulationJob.Setting]

        /// A selection from its parts.
        public init(
            seed: UInt64? = nil,
            replications: Int? = nil,
            durationSeconds: Double? = nil,
            settings: [SimulationJob.Setting] = []
        ) {
            self.seed = seed
            self.replications = replications
            self.durationSeconds = durationSeconds
            self.settings = settings
        }
    }

    /// The jobs, in the order their results are reported.
    public let jobs: [SimulationJob]
    /// The report they make.
    public let kind: ReportKind

    /// Wraps `jobs` (all of the one `kind`) after checking that each distinct entry resolves.
    public init(jobs: [SimulationJob], kind: ReportKind) throws {
        var seen = Set<String>()
        for job in jobs where seen.insert("\(job.entry)|" + job.label).inserted {
            _ = try job.resolvedScenario()
        }
        self.jobs = jobs
        self.kind = kind
    }

    /// One run of `variant` of `reference`.
    public static func run(_ reference: ScenarioReference, variant: String, selection: Selection) throws -> Self {
        let reference = try reference.pinned()
        let scenario = try reference.load()
        return try Self(
            jobs: jobs(reference, scenario, variant: variant, kind: .run, selection: selection),
            kind: .run
        )
    }

    /// Several variants of one scenario, side by side, against the first.
    public static func comparison(
        _ reference: ScenarioReference,
        variants: [String],
        selection: Selection
    ) throws -> Self {
        guard variants.count >= 2 else {
            throw ExperimentError.usage("a comparison of variants needs at least two names, got \(variants.count)")
        }
        let reference = try reference.pinned()
        let scenario = try reference.load()
        let jobs = variants.enumerated().flatMap { entry, variant in
            Self.jobs(
                reference,
                scenario,
                variant: variant,
                kind: .comparison,
                selection: selection,
                entry: entry,
                baseSeed: scenario.seed
            )
        }
        return try Self(jobs: jobs, kind: .comparison)
    }

    /// Several scenarios side by side, against the first, all with the first one's seed.
    public static func comparison(_ references: [ScenarioReference], selection: Selection) throws -> Self {
        guard references.count >= 2 else {
            throw ExperimentError.usage("a comparison needs at least two scenarios, got \(references.count)")
        }
        var jobs: [SimulationJob] = []
        var baseSeed: UInt64?
        for (entry, reference) in references.enumerated() {
            let reference = try reference.pinned()
            let scenario = try reference.load()
            baseSeed = baseSeed ?? scenario.seed
            jobs += Self.jobs(
                reference,
                scenario,
                variant: "base",
                kind: .comparison,
                selection: selection,
                entry: entry,
                baseSeed: baseSeed
            )
        }
        return try Self(jobs: jobs, kind: .comparison)
    }

    /// `variant` of `reference` at each of `values` of the setting at `path`; with `path`
    /// nil, the scenario's own `sweep`.
    public static func sweep(
        _ reference: ScenarioReference,
        variant: String,
        path: String?,
        values: [String],
        selection: Selection
    ) throws -> Self {
        let reference = try reference.pinned()
        let scenario = try reference.load()
        var path = path
        var values = values
        if path == nil {
            guard let sweep = scenario.sweep else {
                throw ExperimentError.usage(
                    "scenario '\(scenario.name)' has no sweep; give one with --over PATH=V1,V2,..."
                )
            }
            path = sweep.path.description
            values = try sweep.values.map { node in
                guard let text = node.scalarText else {
                    throw ExperimentError.usage(
                        "\(node.location): a sweep value must be a single value, got \(node.summary)"
                    )
                }
                return text
            }
        }
        guard let path, values.count >= 2 else { throw ExperimentError.usage("a sweep needs at least two values") }
        let kind = ReportKind.sweep(parameter: path)
        var jobs: [SimulationJob] = []
        for value in values {
            var point = selection
            point.settings.append(SimulationJob.Setting(path: path, value: value))
            jobs += Self.jobs(reference, scenario, variant: variant, kind: kind, selection: point)
        }
        return try Self(jobs: jobs, kind: kind)
    }

    /// One job per replication of `scenario` (already loaded from `reference`).
    private static func jobs(
        _ reference: ScenarioReference,
        _ scenario: Scenario,
        variant: String,
        kind: ReportKind,
        selection: Selection,
        entry: Int = 0,
        baseSeed: UInt64? = nil
    ) -> [SimulationJob] {
        let count = selection.replications ?? scenario.replications
        let digest = String(StableHash.of(scenario.document.description), radix: 16)
        return (1...max(1, count)).map { replication in
            SimulationJob(
                scenario: reference,
                report: kind,
                entry: entry,
                variant: variant,
                settings: selection.settings,
                replication: replication,
                baseSeed: selection.seed ?? baseSeed,
                durationSeconds: selection.durationSeconds,
                scenarioDigest: digest
            )
        }
    }
}
