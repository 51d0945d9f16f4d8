import Foundation
public import Reports
public import Scenario
public import ShareModel
public import SimCore

/// One simulation to run: a scenario, its variant and settings, one replication. Sent to a
/// worker process as JSON, or run in this process; either way the result is the same bytes.
public struct SimulationJob: Codable, Hashable, Sendable {
    /// A `PATH=VALUE` override (a sweep point or `--set`).
    public struct Setting: Codable, Hashable, Sendable {
        /// The scenario path, e.g. `shared_pools.hk-onething.devices`.
        public var path: String
        /// The value as written, e.g. `300k`.
        public var value: String

        /// A setting of `path` to `value`.
        public init(path: String, value: String) {
            self.path = path
            self.value = value
        }

        /// `PATH=VALUE` split at the first `=`; nil without one or with an empty path.
        public init?(parsing text: String) {
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { return nil }
            self.init(path: parts[0], value: parts[1])
        }
    }

    /// The scenario.
    public var scenario: ScenarioReference
    /// The kind of report the command that made this job writes; stored in results files, so
    /// `merge` is told the kind rather than guessing it.
    public var report: ReportKind
    /// The position of this job's entry in a comparison (0 otherwise), so that a scenario
    /// compared with itself keeps two entries.
    public var entry: Int = 0
    /// The variant's name (`base` for the scenario as written).
    public var variant: String
    /// Overrides, applied in order after the variant.
    public var settings: [Setting]
    /// The replication, from 1.
    public var replication: Int
    /// The scenario's base seed, or the one given with `--seed`.
    public var baseSeed: UInt64?
    /// A measured duration replacing the scenario's, in seconds.
    public var durationSeconds: Double?
    /// The job's position in its command's list, so merged shards keep the command's order.
    public var order: Int = 0
    /// How many jobs the command made in all (every shard's), so `merge` can tell which are
    /// missing; set by the runner.
    public var planSize: Int = 0
    /// Into how many shards the command's jobs were split (1 when not sharded); set by the runner.
    public var shardCount: Int = 1
    /// A stable hash of the scenario's resolved document (its `extends` included), part of
    /// the id, so `--resume` never reuses a result computed before the file was edited.
    public var scenarioDigest: String = ""
    /// Where this job writes its sampled requests' records, if the command records them;
    /// set by the runner. Not part of ``id``: recording changes no result.
    public var requestTrace: RequestTracePart? = nil

    /// A job from its parts; `order` is set by the runner.
    public init(
        scenario: ScenarioReference,
        report: ReportKind,
        entry: Int = 0,
        variant: String,
        settings: [Setting],
        replication: Int,
        baseSeed: UInt64? = nil,
        durationSeconds: Double? = nil,
        scenarioDigest: String = ""
    ) {
        self.scenario = scenario
        self.report = report
        self.entry = entry
        self.variant = variant
        self.settings = settings
        self.replication = replication
        self.baseSeed = baseSeed
        self.durationSeconds = durationSeconds
        self.scenarioDigest = scenarioDigest
    }

    /// A stable identifier: the same job gets the same id in every process and run of this
    /// version of ShareSim; another version (whose model may measure differently) gives
    /// another id, so `--resume` never mixes results of two versions.
    public var id: String {
        var parts = ["sharesim=\(BuildConfiguration.version)"]
        if entry != 0 { parts.append("entry=\(entry)") }
        parts.append("variant=\(variant)")
        parts += settings.map { "\($0.path)=\($0.value)" }
        parts.append("rep=\(replication)")
        if !scenarioDigest.isEmpty { parts.append("scenario=\(scenarioDigest)") }
        return parts.joined(separator: "/")
    }

    /// The label of this job's run in a comparison: the scenario, the variant, the settings.
    public var label: String {
        var parts = [scenario.displayName]
        if variant != "base" { parts.append(variant) }
        parts += settings.map { "\($0.path)=\($0.value)" }
        return parts.joined(separator: " / ")
    }

    /// The scenario with this job's variant, settings and duration applied.
    ///
    /// - Throws: ``ScenarioError`` for a bad variant or setting, ``ExperimentError`` for a
    ///   path that is not one.
    public func resolvedScenario() throws -> Scenario {
        var scenario = try scenario.load().applying(variant: variant)
        for setting in settings {
            guard let path = ScenarioPath(parsing: setting.path) else {
                throw ExperimentError.usage("invalid path '\(setting.path)'")
            }
            let location = SourceLocation(file: "--set", line: 1, column: 1)
            scenario = try scenario.setting(path, to: .scalar(setting.value, at: location), at: location)
        }
        if let durationSeconds { scenario.spec.duration = .seconds(durationSeconds) }
        if let baseSeed { scenario.seed = baseSeed }
        return scenario
    }

    /// Runs the job and returns it with its results.
    ///
    /// - Parameters:
    ///   - limits: what the simulation may hold at once.
    ///   - isStopRequested: asked about 2,000 times over the run; when it returns true the
    ///     run ends at once by throwing ``ExperimentError/interrupted``.
    ///   - progress: called about 2,000 times with the simulated time reached, the run's end
    ///     and the events so far.
    /// - Throws: scenario errors, ``RunLimitBreach`` when the run reaches `limits`, or
    ///   ``ExperimentError/interrupted``.
    public func run(
        limits: RunLimits = .unlimited,
        isStopRequested: () -> Bool = { false },
        progress: ((_ simulated: SimTime, _ end: SimTime, _ events: UInt64) -> Void)? = nil
    ) throws -> JobResult {
        let scenario = try resolvedScenario()
        let seed = scenario.seed(forReplication: replication)
        var simulation = try ModelRun.prepare(
            scenario.spec,
            seed: seed,
            limits: limits,
            recording: requestTrace?.sampling
        )
        let records = try requestTrace.map {
            try RequestTraceWriter(part: $0, variant: variant, replication: replication)
        }
        // Run in 1/2000ths of the span so the caller can show how far it got and stop it.
        let end = simulation.model.runEnd
        let chunk = SimDuration(nanoseconds: max(1, end.nanoseconds / 2_000))
        while simulation.now < end, simulation.model.limitBreach == nil {
            ModelRun.advance(&simulation, until: min(end, simulation.now + chunk))
            try records?.write(simulation.model.takeRequestRecords())
            progress?(simulation.now, end, simulation.scheduler.eventCount)
            if isStopRequested() { throw ExperimentError.interrupted }
        }
        let results = try ModelRun.finish(&simulation)
        if let records {
            try records.write(simulation.model.takeUnfinishedRequestRecords(at: end))
            try records.commit()
        }
        // The result names its scenario; the texts stay out of results files.
        var job = self
        job.scenario.pinnedTexts = nil
        return JobResult(
            job: job,
            scenarioName: scenario.name,
            scenarioDescription: scenario.description,
            focus: scenario.reportFocus,
            results: results
        )
    }
}

/// What one job produced, with the job itself: a line of a results file.
public struct JobResult: Codable, Sendable {
    /// The job.
    public var job: SimulationJob
    /// The resolved scenario's name and description.
    public var scenarioName: String
    /// The resolved scenario's description.
    public var scenarioDescription: String
    /// The resolved scenario's question and headline figures, if it declares them.
    public var focus: ReportFocus?
    /// What the run measured.
    public var results: ModelResults

    /// A result from its parts.
    public init(
        job: SimulationJob,
        scenarioName: String,
        scenarioDescription: String,
        focus: ReportFocus? = nil,
        results: ModelResults
    ) {
        self.job = job
        self.scenarioName = scenarioName
        self.scenarioDescription = scenarioDescription
        self.focus = focus
        self.results = results
    }
}

/// The JSON form of jobs and results: sorted keys, so equal values give equal bytes.
public enum JobCoding {
    /// `value` as one line of JSON with sorted keys.
    public static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The value `text` encodes.
    public static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
