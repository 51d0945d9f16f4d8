/// One figure of a report: a metric measured on one entity (a workload class, region, zone,
/// edge site or pool; nothing for run-wide figures), and for a served-by share, the source.
///
/// The string key (`workload/web/latencyP99`) is derived here and nowhere else.
public struct FigureID: Hashable, Sendable, CustomStringConvertible {
    /// What is measured.
    public let metric: FigureMetric
    /// The entity's name; empty for run-wide figures (cost).
    public let subject: String
    /// The source of a ``FigureMetric/servedShare``; nil for every other metric.
    public let source: ServedBySource?

    /// `metric` of the entity named `subject` (empty for run-wide figures).
    public init(_ metric: FigureMetric, of subject: String = "") {
        precondition(metric != .servedShare, "a served-by share needs its source: use servedShare(of:by:)")
        self.metric = metric
        self.subject = subject
        self.source = nil
    }

    /// The share of `workload`'s served requests that `source` served.
    public static func servedShare(of workload: String, by source: ServedBySource) -> FigureID {
        FigureID(metric: .servedShare, subject: workload, source: source)
    }

    private init(metric: FigureMetric, subject: String, source: ServedBySource?) {
        self.metric = metric
        self.subject = subject
        self.source = source
    }

    /// The metric's descriptor.
    public var descriptor: FigureDescriptor { metric.descriptor }

    /// The metric's name within its section: the descriptor's key, or a share's source key.
    public var metricKey: String { source?.key ?? descriptor.key }

    /// The label for people: the descriptor's, or a share's source label.
    public var label: String { source?.label ?? descriptor.label }

    /// The stable key `section/subject/metric` that JSON and CSV carry, e.g.
    /// `workload/web/latencyP99` or `servedBy/video/cloud:cn-shenzhen`.
    public var key: String { descriptor.section.rawValue + "/" + subject + "/" + metricKey }

    /// `subject · label`, or the label alone for run-wide figures.
    public var displayName: String { subject.isEmpty ? label : subject + " · " + label }

    /// The name a headline row carries, saying what is measured on what:
    /// `web · Latency p99`, `video · Served by Shared devices`, `Cost · Per TB delivered`.
    public var headlineName: String {
        if source != nil { return subject + " · Served by " + label }
        return (subject.isEmpty ? descriptor.section.title : subject) + " · " + label
    }

    /// The key.
    public var description: String { key }
}

/// Who served a request: the sources a class's served-by shares are split into.
public enum ServedBySource: Hashable, Sendable {
    /// An edge cache (a hit).
    case edge
    /// Shared devices.
    case shared
    /// A cloud region's zones.
    case cloud(region: String)
    /// The origin, through the edge (a miss).
    case origin

    /// The source's key in figure keys: `edge`, `shared`, `cloud:<region>`, `origin`.
    public var key: String {
        switch self {
        case .edge: "edge"
        case .shared: "shared"
        case .cloud(let region): "cloud:" + region
        case .origin: "origin"
        }
    }

    /// The label for people: `Edge`, `Shared devices`, `Cloud <region>`, `Origin`.
    public var label: String {
        switch self {
        case .edge: "Edge"
        case .shared: "Shared devices"
        case .cloud(let region): "Cloud " + region
        case .origin: "Origin"
        }
    }
}
