/// The part of a report a figure belongs to.
public enum FigureSection: String, Hashable, Sendable, Codable, CaseIterable {
    /// Per workload class.
    case workload
    /// Per workload class: the share each source served.
    case servedBy
    /// Per cloud region.
    case region
    /// Per availability zone.
    case zone
    /// Per edge site.
    case edgeSite
    /// Per shared-device pool.
    case sharedPool
    /// The whole run's cost.
    case cost

    /// The section's heading in tables: `Workloads`, `Served by`, …
    public var title: String {
        switch self {
        case .workload: "Workloads"
        case .servedBy: "Served by"
        case .region: "Regions"
        case .zone: "Zones"
        case .edgeSite: "Edge sites"
        case .sharedPool: "Shared pools"
        case .cost: "Cost"
        }
    }
}

/// One figure of a run in flat form: what it is, its value per replication, and its estimate.
///
/// The flat list (``RunReport/rows``) is what comparisons pair up and sweeps line up, by
/// ``key``, and what the summary CSV prints.
public struct FigureRow: Hashable, Sendable {
    /// A stable identifier: `section/subject/metric`, e.g. `workload/web/latencyP99`.
    public var key: String
    /// The section.
    public var section: FigureSection
    /// The entity measured (a class, region, zone, pool name; empty for the run's cost).
    public var subject: String
    /// The metric's identifier within the section, e.g. `latencyP99`.
    public var metric: String
    /// The metric's human label, e.g. `Latency p99`.
    public var label: String
    /// The unit of the values.
    public var unit: FigureUnit
    /// One value per replication, in replication order; nil where it is undefined there.
    public var values: [Double?]
    /// The estimate over the defined values; nil when none is defined.
    public var estimate: Estimate?

    /// Creates a row; the estimate is computed from `values`.
    public init(
        section: FigureSection,
        subject: String,
        metric: String,
        label: String,
        unit: FigureUnit,
        values: [Double?]
    ) {
        self.key = section.rawValue + "/" + subject + "/" + metric
        self.section = section
        self.subject = subject
        self.metric = metric
        self.label = label
        self.unit = unit
        self.values = values
        self.estimate = Estimate(values: values.compactMap { $0 })
    }

    /// `subject label` for a row of a mixed table: `web Latency p99`, or the label alone.
    public var displayName: String { subject.isEmpty ? label : subject + " · " + label }
}
