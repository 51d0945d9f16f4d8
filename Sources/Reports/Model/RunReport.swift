public import ShareModel

/// The report of one run: its metadata, every replication's results, and the figures
/// derived from them (mean and 95% interval over replications).
///
/// A value: build it once from the replications, then hand it to any renderer. Encoded, it
/// is the JSON report (`"schema": "sharesim.report/2"`, `"kind": "run"`), and decoding that
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

    /// Encodes the report in the `sharesim.report/2` layout (``ReportSchema``), kind `run`.
    public func encode(to encoder: any Encoder) throws {
        try ReportJSON(self).encode(to: encoder)
    }

    /// Decodes a run report, rebuilding the figures from its run's replications.
    ///
    /// Throws when `schema` is not ``ReportSchema/identifier``, `kind` is not `run`, or
    /// `runs` does not hold exactly one run with at least one replication.
    public init(from decoder: any Decoder) throws {
        let runs = try ReportJSON.runs(from: decoder, expectedKind: "run")
        guard runs.count == 1 else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "a run report holds one run, not \(runs.count)")
            )
        }
        self = runs[0].report
    }
}
