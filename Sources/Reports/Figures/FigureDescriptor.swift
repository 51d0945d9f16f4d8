/// Everything a report, a comparison, a sweep, a chart, the live dashboard or `/metrics`
/// needs to know about one metric, in one place.
public struct FigureDescriptor: Hashable, Sendable {
    /// The metric described.
    public let metric: FigureMetric
    /// The part of a report it belongs to.
    public let section: FigureSection
    /// Its name in the JSON `metric` field, CSV `figure` column and figure keys, e.g. `latencyP99`
    /// (unique within its section; for a served-by share, the source's key stands in).
    public let key: String
    /// Its label for people, e.g. `Latency p99`.
    public let label: String
    /// The unit of its values.
    public let unit: FigureUnit
    /// Which way is better, for comparisons.
    public let direction: FigureDirection
    /// How it combines over entities and time.
    public let aggregation: FigureAggregation
    /// Where it is shown beyond the report's tables.
    public let charts: Set<FigureChart>
    /// Its family name in `/metrics` (for ``FigureChart/prometheus`` figures), e.g.
    /// `sharesim_served_total`; percentiles of one distribution share a family.
    public let prometheusName: String?
    /// For a percentile of a distribution, the quantile it is (0.99 for p99); nil otherwise.
    public let quantile: Double?
    /// Whether the figure exists only in runs that measured what it is about (requests
    /// during outages need an outage in the measured span): a report leaves its row out
    /// when no replication defines it, instead of printing an empty one.
    public let onlyWhenMeasured: Bool
}

/// Which way a figure is better, so comparisons can say "better" or "worse" rather than
/// only "up" or "down".
public enum FigureDirection: String, Hashable, Sendable, CaseIterable {
    /// More is better (throughput, success, availability).
    case higherIsBetter
    /// Less is better (latency, losses, cost).
    case lowerIsBetter
    /// Neither: a description of the load (arrivals, utilisation, bytes).
    case neutral

    /// Whether a change by `delta` (alternative − baseline) is an improvement; nil for a
    /// neutral figure or no change.
    public func isImprovement(_ delta: Double) -> Bool? {
        guard delta != 0 else { return nil }
        switch self {
        case .higherIsBetter: return delta > 0
        case .lowerIsBetter: return delta < 0
        case .neutral: return nil
        }
    }
}

/// How a figure combines over entities (zones into a region) and over time.
public enum FigureAggregation: String, Hashable, Sendable, CaseIterable {
    /// A total that only grows within a run: counts of requests, bytes, money. Exported
    /// to Prometheus as a counter.
    case cumulative
    /// A level or ratio that is averaged, never added: rates, latencies, utilisation,
    /// shares. Exported to Prometheus as a gauge.
    case average
}

/// A place beyond the report's tables where figures are shown.
public enum FigureChart: String, Hashable, Sendable, CaseIterable {
    /// A bar chart per figure in a comparison's HTML, one bar per run.
    case comparisonBars
    /// The "change against the baseline" chart that leads a comparison's HTML.
    case comparisonChange
    /// A line chart per figure against the swept value in a sweep's HTML.
    case sweepLines
    /// The few figures `sharesim watch` and `sharesim live` print.
    case headline
    /// The live dashboard's charts (fed by `/events`).
    case liveDashboard
    /// The `/metrics` exposition of a live run.
    case prometheus
}

extension FigureDescriptor {
    /// The metric's part of a chart's element id: `throughput`, `latency-p99`, `region-utilisation`.
    public var chartID: String {
        let label = String(self.label.lowercased().map { $0 == " " ? "-" : $0 })
        return section == .workload ? label : section.rawValue.lowercased() + "-" + label
    }

    /// A chart's title for this metric over its section's entities: `Latency p99 per class`,
    /// `Utilisation by region`, `Total cost`.
    public var chartTitle: String {
        switch section {
        case .workload, .servedBy: label + " per class"
        case .stage: label + " by stage"
        case .link: label + " by link"
        case .region: label + " by region"
        case .zone: label + " by zone"
        case .edgeSite: label + " by edge site"
        case .sharedPool: label + " by shared pool"
        case .cost: label + " cost"
        }
    }
}
