import Foundation
import HostRuntime
import Reports
import ShareModel
import SimCore

/// One server-sent event of `sharesim live`: the figures at the end of a report interval
/// that the dashboard charts (those the registry marks ``FigureChart/liveDashboard``),
/// each under its registry key.
struct LiveFrame: Encodable {
    /// One entity's dashboard figures, by registry key (`throughputPerSecond`, `latencyP99`, …).
    struct Entity: Encodable {
        var name: String
        var figures: [String: Double]
    }

    var scenario: String
    var simSeconds: Double
    var measuredSeconds: Double
    var progress: Double
    var events: UInt64
    var speed: String
    var paused: Bool
    var finished: Bool
    /// The simulated seconds the latency percentiles cover (see ``LiveLatencyBounds``).
    var latencyWindowSeconds: Double
    /// Per class: throughput in the latest whole interval (over the run so far before one),
    /// latency p50 and p99 over the sliding window (absent while the window is empty).
    var workloads: [Entity]
    /// Per region: busy cores over capacity in the latest whole interval.
    var regions: [Entity]
    /// Per shared pool: fraction of devices online in the latest whole interval.
    var sharedPools: [Entity]

    init(session: LiveSession, results: ModelResults) {
        let status = session.status
        scenario = session.scenarioName
        simSeconds = status.simulatedSeconds
        measuredSeconds = max(0, status.simulatedSeconds - status.warmupSeconds)
        progress = status.runEndSeconds > 0 ? min(1, status.simulatedSeconds / status.runEndSeconds) : 1
        events = results.eventsProcessed
        speed = status.speed.description
        paused = status.paused
        finished = status.finished
        let latest = results.series.last { $0.lengthSeconds >= results.intervalSeconds * 0.99 }
        let latestFigures = LatestInterval(results: results, point: latest)
        func entities(_ section: FigureSection, _ names: [String]) -> [Entity] {
            let shown = FigureRegistry.descriptors(in: .liveDashboard).filter { $0.section == section }
            return names.enumerated().map { position, name in
                var figures: [String: Double] = [:]
                for descriptor in shown {
                    let id = FigureID(descriptor.metric, of: name)
                    let value =
                        latestFigures.value(of: id, at: position)
                        ?? FigureRegistry.value(of: id, at: position, in: results)
                    figures[descriptor.key] = Self.finite(value ?? 0)
                }
                return Entity(name: name, figures: figures)
            }
        }
        let latency = session.liveLatency
        latencyWindowSeconds = (latency.first?.windowLength ?? LiveLatencyBounds.shortestWindow).exactSeconds
        workloads = Self.windowed(entities(.workload, results.workloads.map(\.name)), latency)
        regions = entities(.region, results.regions.map(\.name))
        sharedPools = entities(.sharedPool, results.sharedPools.map(\.name))
    }

    /// `workloads` with p50 and p99 over each class's window in place of those over the run
    /// so far; without them while its window is empty (the chart shows a gap, not zero).
    static func windowed(_ workloads: [Entity], _ latency: [LiveLatency]) -> [Entity] {
        zip(workloads, latency).map { entity, latency in
            var entity = entity
            let keys = [(FigureMetric.latencyP50, 50.0), (.latencyP99, 99.0)]
            for (metric, percent) in keys {
                let key = FigureRegistry.descriptor(of: metric).key
                entity.figures[key] = latency.window.percentile(percent)?.exactSeconds
            }
            return entity
        }
    }

    /// The frame as one line of JSON (sorted keys).
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch {
            // Every number is finite (see `finite`), so encoding cannot fail.
            preconditionFailure("a live frame could not be encoded: \(error)")
        }
    }

    /// `value`, or 0 if it is not finite (JSON has no NaN).
    static func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }
}

/// The figures of the latest whole report interval, where the series has them: throughput
/// per class, utilisation per region (capacity-weighted over its zones), online per pool.
private struct LatestInterval {
    let results: ModelResults
    let point: IntervalResults?

    func value(of id: FigureID, at position: Int) -> Double? {
        guard let point else { return nil }
        switch id.metric {
        case .throughput:
            return position < point.workloads.count ? point.workloads[position].throughputPerSecond : nil
        case .poolOnlineFraction:
            return position < point.poolOnlineFraction.count ? point.poolOnlineFraction[position] : nil
        case .regionUtilisation:
            var busy = 0.0
            var capacity = 0.0
            for (index, zone) in results.zones.enumerated() where zone.region == id.subject {
                busy += point.zoneUtilisation[index] * Double(zone.capacity)
                capacity += Double(zone.capacity)
            }
            return capacity > 0 ? busy / capacity : 0
        default:
            return nil
        }
    }
}

/// The `/metrics` exposition of a live run: the run's status, every figure the registry marks
/// ``FigureChart/prometheus`` (one family per ``FigureDescriptor/prometheusName``), then the
/// latency histogram `sharesim_latency_seconds`.
enum LiveMetrics {
    static func metrics(results: ModelResults, session: LiveSession) -> [PrometheusMetric] {
        let status = session.status
        let speed: Double = if case .factor(let factor) = status.speed { factor } else { .infinity }
        var metrics = [
            PrometheusMetric(
                name: "sharesim_sim_time_seconds",
                help: "Simulated time reached.",
                type: .gauge,
                samples: [.init(value: status.simulatedSeconds)]
            ),
            PrometheusMetric(
                name: "sharesim_run_end_seconds",
                help: "Simulated time at which the run ends.",
                type: .gauge,
                samples: [.init(value: status.runEndSeconds)]
            ),
            PrometheusMetric(
                name: "sharesim_events_total",
                help: "Engine events processed.",
                type: .counter,
                samples: [.init(value: Double(results.eventsProcessed))]
            ),
            PrometheusMetric(
                name: "sharesim_paused",
                help: "1 while the run is paused.",
                type: .gauge,
                samples: [.init(value: status.paused ? 1 : 0)]
            ),
            PrometheusMetric(
                name: "sharesim_finished",
                help: "1 once the run has reached its end.",
                type: .gauge,
                samples: [.init(value: status.finished ? 1 : 0)]
            ),
            PrometheusMetric(
                name: "sharesim_speed",
                help: "Simulated seconds per wall-clock second (+Inf: as fast as possible).",
                type: .gauge,
                samples: [.init(value: speed)]
            ),
        ]
        for descriptor in FigureRegistry.descriptors(in: .prometheus) {
            guard let name = descriptor.prometheusName else { continue }
            let samples = Self.samples(descriptor, results)
            if let index = metrics.firstIndex(where: { $0.name == name }) {
                metrics[index].samples += samples
                continue
            }
            if descriptor.section == .cost && results.cost == nil { continue }
            metrics.append(
                PrometheusMetric(
                    name: name,
                    help: Self.help(descriptor),
                    type: descriptor.aggregation == .cumulative ? .counter : .gauge,
                    samples: samples
                )
            )
        }
        metrics.append(latencyHistogram(session.liveLatency))
        return metrics
    }

    /// Served requests' latencies per workload class since the warm-up, as the Prometheus
    /// histogram `sharesim_latency_seconds` over ``LiveLatencyBounds/exported``.
    static func latencyHistogram(_ latency: [LiveLatency]) -> PrometheusMetric {
        PrometheusMetric.histogram(
            name: "sharesim_latency_seconds",
            help: "Latency of served requests (s), per workload class, over the measured time so far.",
            series: latency.map { entry in
                PrometheusMetric.HistogramSeries(
                    labels: [("class", entry.workload)],
                    upperBounds: entry.buckets.bounds.map(\.exactSeconds),
                    cumulativeCounts: entry.buckets.cumulativeCounts,
                    sum: entry.buckets.sumSeconds
                )
            }
        )
    }

    /// One sample per entity of the descriptor's section that defines it.
    private static func samples(_ descriptor: FigureDescriptor, _ results: ModelResults) -> [PrometheusMetric.Sample] {
        let entities: (label: String, names: [String])
        switch descriptor.section {
        case .workload, .servedBy: entities = ("class", results.workloads.map(\.name))
        case .stage: entities = ("stage", FigureRegistry.stageSubjects(of: results))
        case .link: entities = ("link", (results.links ?? []).map(\.name))
        case .region: entities = ("region", results.regions.map(\.name))
        case .zone: entities = ("zone", results.zones.map(\.name))
        case .edgeSite: entities = ("edge_site", results.edgeSites.map(\.name))
        case .sharedPool: entities = ("pool", results.sharedPools.map(\.name))
        case .cost:
            return FigureRegistry.value(of: FigureID(descriptor.metric), at: 0, in: results).map { [.init(value: $0)] }
                ?? []
        }
        return entities.names.enumerated().compactMap { position, name in
            guard let value = FigureRegistry.value(of: FigureID(descriptor.metric, of: name), at: position, in: results)
            else { return nil }
            return PrometheusMetric.Sample(labels: [(entities.label, name)], value: value)
        }
    }

    /// The family's help line: what it is, in which unit, per what.
    private static func help(_ descriptor: FigureDescriptor) -> String {
        let what = descriptor.label
        let per: String
        switch descriptor.section {
        case .workload, .servedBy: per = ", per class"
        case .stage: per = ", per stage"
        case .link: per = ", per link"
        case .region: per = ", per region"
        case .zone: per = ", per zone"
        case .edgeSite: per = ", per edge site"
        case .sharedPool: per = ", per shared pool"
        case .cost: per = ""
        }
        return what + " (" + descriptor.unit.symbol + ")" + per + ", over the measured time so far."
    }
}

extension SimDuration {
    /// The duration in seconds, correctly rounded (`30 s` is `30`, not `30.000000000000004`),
    /// for labels such as `le="30"` that must read as the bound itself.
    fileprivate var exactSeconds: Double { Double(nanoseconds) / 1e9 }
}
