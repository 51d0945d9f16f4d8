/// What a report says about the run itself: which scenario, how long, how it went.
public struct RunMetadata: Hashable, Sendable, Codable {
    /// The scenario's name.
    public var scenarioName: String
    /// The scenario's one-paragraph description (may be empty).
    public var scenarioDescription: String
    /// The variant's name, or nil for the scenario as written.
    public var variant: String?
    /// The seed of the first replication (replication i runs with its own derived seed).
    public var seed: UInt64
    /// The number of replications the figures combine (≥ 1).
    public var replications: Int
    /// Simulated seconds measured per replication.
    public var durationSeconds: Double
    /// Simulated seconds discarded before measuring.
    public var warmupSeconds: Double
    /// The length of one time-series interval, in seconds.
    public var intervalSeconds: Double
    /// ShareSim's version string, as the CLI passes it in.
    public var sharesimVersion: String
    /// Wall-clock seconds the whole run took (all replications); nil when not recorded (a
    /// report written for byte-identical output leaves it out).
    public var wallTimeSeconds: Double?
    /// Engine events processed, summed over replications.
    public var eventsProcessed: UInt64
    /// False when the run was interrupted and the report covers only finished work.
    public var complete: Bool
    /// The scenario's question and headline figures, which the report leads with; nil when
    /// the scenario declares none.
    public var focus: ReportFocus?

    /// Creates metadata from its parts.
    public init(
        scenarioName: String,
        scenarioDescription: String,
        variant: String?,
        seed: UInt64,
        replications: Int,
        durationSeconds: Double,
        warmupSeconds: Double,
        intervalSeconds: Double,
        sharesimVersion: String,
        wallTimeSeconds: Double?,
        eventsProcessed: UInt64,
        complete: Bool,
        focus: ReportFocus? = nil
    ) {
        self.scenarioName = scenarioName
        self.scenarioDescription = scenarioDescription
        self.variant = variant
        self.seed = seed
        self.replications = replications
        self.durationSeconds = durationSeconds
        self.warmupSeconds = warmupSeconds
        self.intervalSeconds = intervalSeconds
        self.sharesimVersion = sharesimVersion
        self.wallTimeSeconds = wallTimeSeconds
        self.eventsProcessed = eventsProcessed
        self.complete = complete
        self.focus = focus
    }

    private enum CodingKeys: String, CodingKey {
        case scenarioName, scenarioDescription, variant, seed, replications, durationSeconds
        case warmupSeconds, intervalSeconds, sharesimVersion, wallTimeSeconds, eventsProcessed, complete, focus
    }

    /// Encodes every field in declaration order, `variant` and `focus` as null when absent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scenarioName, forKey: .scenarioName)
        try container.encode(scenarioDescription, forKey: .scenarioDescription)
        try container.encode(variant, forKey: .variant)
        try container.encode(seed, forKey: .seed)
        try container.encode(replications, forKey: .replications)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        try container.encode(warmupSeconds, forKey: .warmupSeconds)
        try container.encode(intervalSeconds, forKey: .intervalSeconds)
        try container.encode(sharesimVersion, forKey: .sharesimVersion)
        try container.encode(wallTimeSeconds, forKey: .wallTimeSeconds)
        try container.encode(eventsProcessed, forKey: .eventsProcessed)
        try container.encode(complete, forKey: .complete)
        try container.encode(focus, forKey: .focus)
    }
}
