import Foundation
import HostRuntime
import ShareModel

/// One server-sent event of `sharesim live`: the figures at the end of a report interval,
/// as the dashboard charts them.
struct LiveFrame: Encodable {
    struct WorkloadFigures: Encodable {
        var name: String
        /// Served per second in the latest whole interval (over the run so far before one).
        var throughput: Double
        var served: UInt64
        var rejected: UInt64
        var failed: UInt64
        /// Latency percentiles over the run so far, in seconds.
        var p50: Double
        var p99: Double
    }

    struct NamedValue: Encodable {
        var name: String
        var value: Double
    }

    var scenario: String
    var simSeconds: Double
    var measuredSeconds: Double
    var progress: Double
    var events: UInt64
    var speed: String
    var paused: Bool
    var finished: Bool
    var workloads: [WorkloadFigures]
    /// Busy cores over capacity per region, in the latest whole interval.
    var regionUtilisation: [NamedValue]
    /// Fraction of devices online per shared pool, in the latest whole interval.
    var poolsOnline: [NamedValue]

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
        workloads = results.workloads.enumerated().map { index, workload in
            WorkloadFigures(
                name: workload.name,
                throughput: Self.finite(latest?.workloads[index].throughputPerSecond ?? workload.throughputPerSecond),
                served: workload.served,
                rejected: workload.rejected,
                failed: workload.failed,
                p50: Self.finite(workload.latency.p50),
                p99: Self.finite(workload.latency.p99)
            )
        }
        regionUtilisation = results.regions.map { region in
            guard let latest else { return NamedValue(name: region.name, value: Self.finite(region.utilisation)) }
            var busy = 0.0
            var capacity = 0.0
            for (index, zone) in results.zones.enumerated() where zone.region == region.name {
                busy += latest.zoneUtilisation[index] * Double(zone.capacity)
                capacity += Double(zone.capacity)
            }
            return NamedValue(name: region.name, value: capacity > 0 ? Self.finite(busy / capacity) : 0)
        }
        poolsOnline = results.sharedPools.enumerated().map { index, pool in
            NamedValue(name: pool.name, value: Self.finite(latest?.poolOnlineFraction[index] ?? pool.onlineFraction))
        }
    }

    /// The frame as one line of JSON.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// `value`, or 0 if it is not finite (JSON has no NaN).
    static func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }
}

/// The `/metrics` exposition of a live run.
enum LiveMetrics {
    static func metrics(results: ModelResults, session: LiveSession) -> [PrometheusMetric] {
        let status = session.status
        func perClass(_ value: (WorkloadResults) -> Double) -> [PrometheusMetric.Sample] {
            results.workloads.map { .init(labels: [("class", $0.name)], value: value($0)) }
        }
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
                samples: [.init(value: { if case .factor(let f) = status.speed { f } else { .infinity } }())]
            ),
            PrometheusMetric(
                name: "sharesim_arrived_total",
                help: "Requests created after the warm-up, per class.",
                type: .counter,
                samples: perClass { Double($0.arrived) }
            ),
            PrometheusMetric(
                name: "sharesim_served_total",
                help: "Requests served after the warm-up, per class.",
                type: .counter,
                samples: perClass { Double($0.served) }
            ),
            PrometheusMetric(
                name: "sharesim_rejected_total",
                help: "Requests turned away on their last attempt, per class.",
                type: .counter,
                samples: perClass { Double($0.rejected) }
            ),
            PrometheusMetric(
                name: "sharesim_failed_total",
                help: "Requests lost after being accepted, per class.",
                type: .counter,
                samples: perClass { Double($0.failed) }
            ),
            PrometheusMetric(
                name: "sharesim_throughput_per_second",
                help: "Served requests per simulated second of measured time, per class.",
                type: .gauge,
                samples: perClass { $0.throughputPerSecond }
            ),
            PrometheusMetric(
                name: "sharesim_latency_seconds",
                help: "End-to-end latency percentiles of served requests, per class.",
                type: .gauge,
                samples: results.workloads.flatMap { workload in
                    [
                        PrometheusMetric.Sample(
                            labels: [("class", workload.name), ("quantile", "0.5")],
                            value: workload.latency.p50
                        ),
                        PrometheusMetric.Sample(
                            labels: [("class", workload.name), ("quantile", "0.99")],
                            value: workload.latency.p99
                        ),
                    ]
                }
            ),
            PrometheusMetric(
                name: "sharesim_region_utilisation_ratio",
                help: "Busy cores over capacity, time-weighted, per region.",
                type: .gauge,
                samples: results.regions.map { .init(labels: [("region", $0.name)], value: $0.utilisation) }
            ),
            PrometheusMetric(
                name: "sharesim_pool_online_ratio",
                help: "Fraction of shared devices online, time-weighted, per pool.",
                type: .gauge,
                samples: results.sharedPools.map { .init(labels: [("pool", $0.name)], value: $0.onlineFraction) }
            ),
        ]
        if let cost = results.cost {
            metrics.append(
                PrometheusMetric(
                    name: "sharesim_cost_total",
                    help: "What the measured span cost so far.",
                    type: .gauge,
                    samples: [.init(value: cost.total)]
                )
            )
        }
        return metrics
    }
}
