public import ShareModel

/// The report of one run: its metadata, every replication's results, and the figures
/// derived from them (mean and 95% interval over replications).
///
/// A value: build it once from the replications, then hand it to any renderer. Encoded, it
/// is the JSON report (`"schema": "sharesim.report/1"`, `"kind": "run"`), and decoding that
/// JSON rebuilds the same report, so `compare` can work from saved files.
public struct RunReport: Hashable, Sendable, Codable {
    /// What ran, for how long, and how it went.
    public let metadata: RunMetadata
    /// One result per replication, in replication order (replication i used seed i).
    public let replications: [ModelResults]
    /// Every figure as an estimate over replications.
    public let figures: ReportFigures
    /// The same figures in flat form, in a stable order, with per-replication values.
    public let rows: [FigureRow]

    /// A report over `replications` (at least one) with the given metadata.
    public init(metadata: RunMetadata, replications: [ModelResults]) {
        precondition(!replications.isEmpty, "a report needs at least one replication")
        self.metadata = metadata
        self.replications = replications
        var builder = FigureBuilder(runs: replications)
        figures = builder.build()
        rows = builder.rows
    }

    /// A report over `replications`, taking seed, durations and event counts from them.
    ///
    /// - Parameters:
    ///   - scenarioName: the scenario's name; `scenarioDescription` its description.
    ///   - variant: the variant's name, or nil for the scenario as written.
    ///   - sharesimVersion: ShareSim's version string.
    ///   - wallTimeSeconds: wall-clock seconds the run took.
    ///   - complete: false for an interrupted run.
    ///   - focus: the scenario's question and headline figures, if it declares them.
    ///   - replications: one result per replication, at least one, in order.
    public init(
        scenarioName: String,
        scenarioDescription: String = "",
        variant: String? = nil,
        sharesimVersion: String,
        wallTimeSeconds: Double?,
        complete: Bool = true,
        focus: ReportFocus? = nil,
        replications: [ModelResults]
    ) {
        precondition(!replications.isEmpty, "a report needs at least one replication")
        let first = replications[0]
        let metadata = RunMetadata(
            scenarioName: scenarioName,
            scenarioDescription: scenarioDescription,
            variant: variant,
            seed: first.seed,
            replications: replications.count,
            durationSeconds: first.durationSeconds,
            warmupSeconds: first.warmupSeconds,
            intervalSeconds: first.intervalSeconds,
            sharesimVersion: sharesimVersion,
            wallTimeSeconds: wallTimeSeconds,
            eventsProcessed: replications.reduce(0) { $0 &+ $1.eventsProcessed },
            complete: complete,
            focus: focus
        )
        self.init(metadata: metadata, replications: replications)
    }

    /// What the reader must know to trust the figures (an outage outside the run, a
    /// saturated zone): every replication's warnings, each once, in first-seen order.
    public var warnings: [String] {
        var seen: [String] = []
        for text in replications.flatMap({ $0.warnings ?? [] }) where !seen.contains(text) { seen.append(text) }
        return seen
    }

    /// The row of figure `id`, or nil when the run lacks it.
    ///
    /// - Complexity: O(number of rows).
    public func row(_ id: FigureID) -> FigureRow? {
        rows.first { $0.id == id }
    }

    private enum CodingKeys: String, CodingKey {
        case schema, kind, run, figures, replications
    }

    /// Encodes `schema`, `kind` (`run`), `run` (the metadata), `figures`, `replications`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ReportSchema.identifier, forKey: .schema)
        try container.encode("run", forKey: .kind)
        try container.encode(metadata, forKey: .run)
        try container.encode(figures, forKey: .figures)
        try container.encode(replications, forKey: .replications)
    }

    /// Decodes a run report, rebuilding the figures from the replications.
    ///
    /// Throws when `schema` is not ``ReportSchema/identifier`` or `kind` is not `run`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try ReportSchema.check(container, schemaKey: .schema, kindKey: .kind, expectedKind: "run")
        let metadata = try container.decode(RunMetadata.self, forKey: .run)
        let replications = try container.decode([ModelResults].self, forKey: .replications)
        guard !replications.isEmpty else {
            throw DecodingError.dataCorruptedError(
                forKey: .replications,
                in: container,
                debugDescription: "a run report needs at least one replication"
            )
        }
        self.init(metadata: metadata, replications: replications)
    }
}
