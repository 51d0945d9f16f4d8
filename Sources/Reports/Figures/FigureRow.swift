/// The part of a report a figure belongs to.
public enum FigureSection: String, Hashable, Sendable, Codable, CaseIterable {
    /// Per workload class.
    case workload
    /// Per workload class: the share each source served.
    case servedBy
    /// Per stage of a request graph: subject `<workload>:<stage>`.
    case stage
    /// Per link drawn in the scenario.
    case link
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
        case .stage: "Stages"
        case .link: "Links"
        case .region: "Regions"
        case .zone: "Zones"
        case .edgeSite: "Edge sites"
        case .sharedPool: "Shared pools"
        case .cost: "Cost"
        }
    }
}

/// One figure of a run in flat form: which figure, its value per replication, and its estimate.
///
/// The flat list (``RunReport/rows``) is what comparisons pair up and sweeps line up, by
/// ``FigureID``, and what the summary CSV prints.
public struct FigureRow: IdentifiedFigure, Hashable, Sendable {
    /// Which figure.
    public var id: FigureID
    /// One value per replication, in replication order; nil where it is undefined there.
    public var values: [Double?]
    /// The estimate over the defined values; nil when none is defined.
    public var estimate: Estimate?

    /// A row of `id`; the estimate is computed from `values`.
    public init(id: FigureID, values: [Double?]) {
        self.id = id
        self.values = values
        self.estimate = Estimate(values: values.compactMap { $0 })
    }

}

/// A value about one figure (a row, a figure across runs): its identity's parts read
/// through ``FigureID`` and its descriptor.
public protocol IdentifiedFigure {
    /// Which figure.
    var id: FigureID { get }
}

extension IdentifiedFigure {
    /// The figure's key, e.g. `workload/web/latencyP99`.
    public var key: String { id.key }
    /// The section.
    public var section: FigureSection { id.descriptor.section }
    /// The entity measured (a class, region, zone, pool name; empty for the run's cost).
    public var subject: String { id.subject }
    /// The metric's name within the section, e.g. `latencyP99`.
    public var metric: String { id.metricKey }
    /// The human label, e.g. `Latency p99`.
    public var label: String { id.label }
    /// The unit of the values.
    public var unit: FigureUnit { id.descriptor.unit }
    /// `subject · label`, or the label alone.
    public var displayName: String { id.displayName }
}
