import ShareModel

/// The one table of figures: every metric's descriptor, and how its value is read from a
/// run's results. Results-to-report, comparisons, sweeps, charts, the live dashboard and
/// `/metrics` all read it; adding a metric is one case, one descriptor and one reader here.
public enum FigureRegistry {
    /// Every descriptor, in report order.
    public static let descriptors: [FigureDescriptor] = FigureMetric.allCases.map(make)

    private static let table = Dictionary(uniqueKeysWithValues: descriptors.map { ($0.metric, $0) })

    /// The descriptor of `metric`.
    public static func descriptor(of metric: FigureMetric) -> FigureDescriptor {
        table[metric] ?? make(metric)
    }

    /// The descriptors shown in `chart`, in report order.
    public static func descriptors(in chart: FigureChart) -> [FigureDescriptor] {
        descriptors.filter { $0.charts.contains(chart) }
    }

    private static func make(_ metric: FigureMetric) -> FigureDescriptor {
        typealias D = FigureDescriptor
        let comparison: Set<FigureChart> = [.comparisonBars, .comparisonChange, .sweepLines]
        switch metric {
        case .throughput:
            return D(
                metric,
                .workload,
                "throughputPerSecond",
                "Throughput",
                .requestsPerSecond,
                .higherIsBetter,
                .average,
                comparison.union([.headline, .liveDashboard, .prometheus]),
                prometheusName: "sharesim_throughput_per_second"
            )
        case .bitrate:
            return D(metric, .workload, "bitsPerSecond", "Bitrate", .bitsPerSecond, .higherIsBetter, .average, [])
        case .latencyMean:
            return D(metric, .workload, "latencyMean", "Latency mean", .seconds, .lowerIsBetter, .average, [])
        case .latencyP50:
            return D(
                metric,
                .workload,
                "latencyP50",
                "Latency p50",
                .seconds,
                .lowerIsBetter,
                .average,
                [.liveDashboard],
                quantile: 0.5
            )
        case .latencyP90:
            return D(metric, .workload, "latencyP90", "Latency p90", .seconds, .lowerIsBetter, .average, [])
        case .latencyP99:
            return D(
                metric,
                .workload,
                "latencyP99",
                "Latency p99",
                .seconds,
                .lowerIsBetter,
                .average,
                comparison.union([.headline, .liveDashboard]),
                quantile: 0.99
            )
        case .latencyP999:
            return D(metric, .workload, "latencyP999", "Latency p99.9", .seconds, .lowerIsBetter, .average, [])
        case .latencyMax:
            return D(metric, .workload, "latencyMax", "Latency max", .seconds, .lowerIsBetter, .average, [])
        case .timeToFirstByteP50:
            return D(
                metric,
                .workload,
                "timeToFirstByteP50",
                "Time to first byte p50",
                .seconds,
                .lowerIsBetter,
                .average,
                [],
                quantile: 0.5
            )
        case .timeToFirstByteP99:
            return D(
                metric,
                .workload,
                "timeToFirstByteP99",
                "Time to first byte p99",
                .seconds,
                .lowerIsBetter,
                .average,
                [],
                quantile: 0.99
            )
        case .sloAttainment:
            return D(
                metric,
                .workload,
                "sloAttainment",
                "SLO attainment",
                .fraction,
                .higherIsBetter,
                .average,
                [.comparisonBars, .headline]
            )
        case .successRatio:
            return D(metric, .workload, "successRatio", "Success", .fraction, .higherIsBetter, .average, [.headline])
        case .arrived:
            return D(
                metric,
                .workload,
                "arrived",
                "Arrived",
                .count,
                .neutral,
                .cumulative,
                [.prometheus],
                prometheusName: "sharesim_arrived_total"
            )
        case .served:
            return D(
                metric,
                .workload,
                "served",
                "Served",
                .count,
                .higherIsBetter,
                .cumulative,
                [.prometheus],
                prometheusName: "sharesim_served_total"
            )
        case .rejected:
            return D(
                metric,
                .workload,
                "rejected",
                "Rejected",
                .count,
                .lowerIsBetter,
                .cumulative,
                [.prometheus],
                prometheusName: "sharesim_rejected_total"
            )
        case .failed:
            return D(
                metric,
                .workload,
                "failed",
                "Failed",
                .count,
                .lowerIsBetter,
                .cumulative,
                [.prometheus],
                prometheusName: "sharesim_failed_total"
            )
        case .unfinished:
            return D(metric, .workload, "unfinished", "Unfinished", .count, .lowerIsBetter, .cumulative, [])
        case .retries:
            return D(metric, .workload, "retries", "Retries", .count, .lowerIsBetter, .cumulative, [])
        case .stall:
            return D(metric, .workload, "stallSeconds", "Stall", .seconds, .lowerIsBetter, .cumulative, [])
        case .startupDelayP50, .startupDelayP90, .startupDelayP99:
            let (key, label, quantile, charts): (String, String, Double, Set<FigureChart>) =
                switch metric {
                case .startupDelayP50: ("startupDelayP50", "Start-up delay p50", 0.5, comparison.union([.headline]))
                case .startupDelayP90: ("startupDelayP90", "Start-up delay p90", 0.9, [])
                default: ("startupDelayP99", "Start-up delay p99", 0.99, comparison)
                }
            return D(
                metric,
                .workload,
                key,
                label,
                .seconds,
                .lowerIsBetter,
                .average,
                charts,
                quantile: quantile,
                onlyWhenMeasured: true
            )
        case .rebuffersPerSession:
            return D(
                metric,
                .workload,
                "rebuffersPerSession",
                "Rebuffers per session",
                .count,
                .lowerIsBetter,
                .average,
                [],
                onlyWhenMeasured: true
            )
        case .rebufferRatio:
            return D(
                metric,
                .workload,
                "rebufferRatio",
                "Rebuffering ratio",
                .fraction,
                .lowerIsBetter,
                .average,
                comparison.union([.headline]),
                onlyWhenMeasured: true
            )
        case .rebufferedShare:
            return D(
                metric,
                .workload,
                "rebufferedSessionShare",
                "Sessions with a rebuffer",
                .fraction,
                .lowerIsBetter,
                .average,
                [],
                onlyWhenMeasured: true
            )
        case .averageBitrate:
            return D(
                metric,
                .workload,
                "averageBitrate",
                "Average bitrate",
                .bitsPerSecond,
                .higherIsBetter,
                .average,
                [],
                onlyWhenMeasured: true
            )
        case .preemptions:
            return D(metric, .workload, "preemptions", "Preemptions", .count, .lowerIsBetter, .cumulative, [])
        case .arrivedDuringOutages:
            return D(
                metric,
                .workload,
                "arrivedDuringOutages",
                "Arrived during outages",
                .count,
                .neutral,
                .cumulative,
                [],
                onlyWhenMeasured: true
            )
        case .lostDuringOutages:
            return D(
                metric,
                .workload,
                "lostDuringOutages",
                "Lost during outages",
                .count,
                .lowerIsBetter,
                .cumulative,
                [],
                onlyWhenMeasured: true
            )
        case .latencyP99DuringOutages:
            return D(
                metric,
                .workload,
                "latencyP99DuringOutages",
                "Latency p99 during outages",
                .seconds,
                .lowerIsBetter,
                .average,
                [],
                onlyWhenMeasured: true
            )
        case .servedShare:
            return D(metric, .servedBy, "share", "Share", .fraction, .neutral, .average, [])
        case .stageVisits:
            return D(metric, .stage, "visits", "Visits", .count, .neutral, .cumulative, [])
        case .stageMeanWait:
            return D(metric, .stage, "meanWait", "Mean wait", .seconds, .lowerIsBetter, .average, [])
        case .stageMeanService:
            return D(metric, .stage, "meanService", "Mean service", .seconds, .lowerIsBetter, .average, [])
        case .stageMeanTime:
            return D(metric, .stage, "meanStage", "Mean stage time", .seconds, .lowerIsBetter, .average, [])
        case .stageP99:
            return D(
                metric,
                .stage,
                "stageP99",
                "Stage time p99",
                .seconds,
                .lowerIsBetter,
                .average,
                [],
                quantile: 0.99
            )
        case .stageShare:
            return D(metric, .stage, "shareOfLatency", "Share of latency", .fraction, .neutral, .average, [])
        case .linkBytes:
            return D(metric, .link, "bytes", "Bytes", .bytes, .neutral, .cumulative, [.comparisonBars])
        case .linkUtilisation:
            return D(
                metric,
                .link,
                "utilisation",
                "Utilisation",
                .fraction,
                .neutral,
                .average,
                [.comparisonBars, .sweepLines]
            )
        case .linkPeakUtilisation:
            return D(
                metric,
                .link,
                "peakUtilisation",
                "Peak utilisation",
                .fraction,
                .neutral,
                .average,
                [.comparisonBars, .sweepLines]
            )
        case .linkMeanFlows:
            return D(metric, .link, "meanFlows", "Mean flows", .count, .neutral, .average, [])
        case .linkDown:
            return D(metric, .link, "downSeconds", "Down", .seconds, .lowerIsBetter, .cumulative, [])
        case .regionUtilisation:
            return D(
                metric,
                .region,
                "utilisation",
                "Utilisation",
                .fraction,
                .neutral,
                .average,
                [.comparisonBars, .comparisonChange, .sweepLines, .liveDashboard, .prometheus],
                prometheusName: "sharesim_region_utilisation_ratio"
            )
        case .regionMeanQueueLength:
            return D(metric, .region, "meanQueueLength", "Mean queue", .requests, .lowerIsBetter, .average, [])
        case .regionAvailability:
            return D(metric, .region, "availability", "Availability", .fraction, .higherIsBetter, .average, [])
        case .regionServed:
            return D(metric, .region, "served", "Served", .count, .neutral, .cumulative, [])
        case .regionEgressUtilisation:
            return D(metric, .region, "egressUtilisation", "Egress utilisation", .fraction, .neutral, .average, [])
        case .regionCost:
            return D(metric, .region, "cost", "Cost", .money, .lowerIsBetter, .cumulative, [])
        case .regionEgress95th:
            return D(metric, .region, "egress95th", "Egress 95th", .bitsPerSecond, .neutral, .average, [])
        case .regionBackhaulMean:
            return D(
                metric,
                .region,
                "backhaulMean",
                "Backhaul in",
                .bitsPerSecond,
                .neutral,
                .average,
                [],
                onlyWhenMeasured: true
            )
        case .regionBackhaul95th:
            return D(
                metric,
                .region,
                "backhaul95th",
                "Backhaul in 95th",
                .bitsPerSecond,
                .neutral,
                .average,
                [],
                onlyWhenMeasured: true
            )
        case .regionBackhaulUtilisation:
            return D(
                metric,
                .region,
                "backhaulUtilisation",
                "Backhaul utilisation",
                .fraction,
                .neutral,
                .average,
                [],
                onlyWhenMeasured: true
            )
        case .bytesUp:
            return D(
                metric,
                .workload,
                "bytesUp",
                "Bytes up",
                .bytes,
                .neutral,
                .cumulative,
                [],
                onlyWhenMeasured: true
            )
        case .bitrateUp:
            return D(
                metric,
                .workload,
                "bitsPerSecondUp",
                "Bitrate up",
                .bitsPerSecond,
                .neutral,
                .average,
                [],
                onlyWhenMeasured: true
            )
        case .bytesDown:
            return D(
                metric,
                .workload,
                "bytesDown",
                "Bytes down",
                .bytes,
                .neutral,
                .cumulative,
                [],
                onlyWhenMeasured: true
            )
        case .sentToDeadSites:
            return D(
                metric,
                .workload,
                "sentToDeadSites",
                "Sent to dead sites",
                .count,
                .lowerIsBetter,
                .cumulative,
                [],
                onlyWhenMeasured: true
            )
        case .retryDelay:
            return D(
                metric,
                .workload,
                "meanRetryDelaySeconds",
                "Retry delay",
                .seconds,
                .lowerIsBetter,
                .average,
                [],
                onlyWhenMeasured: true
            )
        case .zoneDetectionDelay:
            return D(
                metric,
                .zone,
                "detectionSeconds",
                "Time to detect",
                .seconds,
                .lowerIsBetter,
                .average,
                [],
                onlyWhenMeasured: true
            )
        case .zoneDetectionDelayMax:
            return D(
                metric,
                .zone,
                "maxDetectionSeconds",
                "Time to detect max",
                .seconds,
                .lowerIsBetter,
                .average,
                [],
                onlyWhenMeasured: true
            )
        case .zoneUndetectedOutages:
            return D(
                metric,
                .zone,
                "undetectedOutages",
                "Undetected outages",
                .count,
                .lowerIsBetter,
                .cumulative,
                [],
                onlyWhenMeasured: true
            )
        case .zoneServersMin:
            return D(
                metric,
                .zone,
                "serversMin",
                "Servers min",
                .count,
                .neutral,
                .average,
                [],
                onlyWhenMeasured: true
            )
        case .zoneServersMean:
            return D(
                metric,
                .zone,
                "serversMean",
                "Servers mean",
                .count,
                .lowerIsBetter,
                .average,
                [],
                onlyWhenMeasured: true
            )
        case .zoneServersMax:
            return D(
                metric,
                .zone,
                "serversMax",
                "Servers max",
                .count,
                .neutral,
                .average,
                [],
                onlyWhenMeasured: true
            )
        case .zoneScaleOuts:
            return D(
                metric,
                .zone,
                "scaleOuts",
                "Scale-outs",
                .count,
                .neutral,
                .cumulative,
                [],
                onlyWhenMeasured: true
            )
        case .zoneScaleIns:
            return D(
                metric,
                .zone,
                "scaleIns",
                "Scale-ins",
                .count,
                .neutral,
                .cumulative,
                [],
                onlyWhenMeasured: true
            )
        case .edgeDetectionDelay:
            return D(
                metric,
                .edgeSite,
                "detectionSeconds",
                "Time to detect",
                .seconds,
                .lowerIsBetter,
                .average,
                [],
                onlyWhenMeasured: true
            )
        case .zoneUtilisation:
            return D(metric, .zone, "utilisation", "Utilisation", .fraction, .neutral, .average, [])
        case .zoneMeanQueueLength:
            return D(metric, .zone, "meanQueueLength", "Mean queue", .requests, .lowerIsBetter, .average, [])
        case .zoneMeanWait:
            return D(metric, .zone, "meanWaitSeconds", "Mean wait", .seconds, .lowerIsBetter, .average, [])
        case .zoneAvailability:
            return D(metric, .zone, "availability", "Availability", .fraction, .higherIsBetter, .average, [])
        case .zoneServed:
            return D(metric, .zone, "served", "Served", .count, .neutral, .cumulative, [])
        case .zoneRejected:
            return D(metric, .zone, "rejected", "Rejected", .count, .lowerIsBetter, .cumulative, [])
        case .edgeHitRatio:
            return D(metric, .edgeSite, "hitRatio", "Hit ratio", .fraction, .higherIsBetter, .average, [])
        case .edgeByteHitRatio:
            return D(metric, .edgeSite, "byteHitRatio", "Byte hit ratio", .fraction, .higherIsBetter, .average, [])
        case .edgeBytesServed:
            return D(metric, .edgeSite, "bytesServed", "Bytes served", .bytes, .neutral, .cumulative, [])
        case .edgeUplinkUtilisation:
            return D(metric, .edgeSite, "uplinkUtilisation", "Uplink utilisation", .fraction, .neutral, .average, [])
        case .edgeAvailability:
            return D(metric, .edgeSite, "availability", "Availability", .fraction, .higherIsBetter, .average, [])
        case .edgeCost:
            return D(metric, .edgeSite, "cost", "Cost", .money, .lowerIsBetter, .cumulative, [])
        case .edgeUplink95th:
            return D(metric, .edgeSite, "uplink95th", "Uplink 95th", .bitsPerSecond, .neutral, .average, [])
        case .poolOnlineFraction:
            return D(
                metric,
                .sharedPool,
                "onlineFraction",
                "Online",
                .fraction,
                .higherIsBetter,
                .average,
                [.liveDashboard, .prometheus],
                prometheusName: "sharesim_pool_online_ratio"
            )
        case .poolBytesServed:
            return D(metric, .sharedPool, "bytesServed", "Bytes served", .bytes, .neutral, .cumulative, [])
        case .poolRequestsServed:
            return D(metric, .sharedPool, "requestsServed", "Requests served", .count, .neutral, .cumulative, [])
        case .poolCredits:
            return D(metric, .sharedPool, "credits", "Credits", .credits, .neutral, .cumulative, [])
        case .poolCost:
            return D(metric, .sharedPool, "cost", "Cost", .money, .lowerIsBetter, .cumulative, [])
        case .poolBandwidth95th:
            return D(metric, .sharedPool, "bandwidth95th", "Bandwidth 95th", .bitsPerSecond, .neutral, .average, [])
        case .poolPayoutPerDevicePerMonth:
            return D(
                metric,
                .sharedPool,
                "payoutPerDevicePerMonth",
                "Paid per device per month",
                .money,
                .neutral,
                .average,
                []
            )
        case .costCompute:
            return D(metric, .cost, "compute", "Compute on demand", .money, .lowerIsBetter, .cumulative, [])
        case .costProvisioned:
            return D(metric, .cost, "provisioned", "Compute provisioned", .money, .lowerIsBetter, .cumulative, [])
        case .costEgress:
            return D(metric, .cost, "egress", "Egress per GB", .money, .lowerIsBetter, .cumulative, [])
        case .costEgress95th:
            return D(metric, .cost, "egress95th", "Egress 95th", .money, .lowerIsBetter, .cumulative, [])
        case .costBackhaul:
            return D(
                metric,
                .cost,
                "backhaul",
                "Backhaul",
                .money,
                .lowerIsBetter,
                .cumulative,
                [],
                onlyWhenMeasured: true
            )
        case .costEdge:
            return D(metric, .cost, "edge", "Edge delivery", .money, .lowerIsBetter, .cumulative, [])
        case .costSharedPerGB:
            return D(metric, .cost, "sharedPerGB", "Shared devices per GB", .money, .lowerIsBetter, .cumulative, [])
        case .costShared95th:
            return D(metric, .cost, "shared95th", "Shared devices 95th", .money, .lowerIsBetter, .cumulative, [])
        case .costSharedStorage:
            return D(
                metric,
                .cost,
                "sharedStorage",
                "Shared devices storage",
                .money,
                .lowerIsBetter,
                .cumulative,
                []
            )
        case .costCredits:
            return D(metric, .cost, "credits", "Credits", .money, .lowerIsBetter, .cumulative, [])
        case .costTotal:
            return D(
                metric,
                .cost,
                "total",
                "Total",
                .money,
                .lowerIsBetter,
                .cumulative,
                comparison.union([.headline, .prometheus]),
                prometheusName: "sharesim_cost_total"
            )
        case .costPerMillionRequests:
            return D(metric, .cost, "perMillionRequests", "Per million requests", .money, .lowerIsBetter, .average, [])
        case .costPerTBDelivered:
            return D(metric, .cost, "perTBDelivered", "Per TB delivered", .money, .lowerIsBetter, .average, [])
        case .costPerHour:
            return D(metric, .cost, "perHour", "Per hour", .money, .lowerIsBetter, .average, [])
        }
    }
}

extension FigureDescriptor {
    /// A descriptor from its parts (the registry's shorthand).
    fileprivate init(
        _ metric: FigureMetric,
        _ section: FigureSection,
        _ key: String,
        _ label: String,
        _ unit: FigureUnit,
        _ direction: FigureDirection,
        _ aggregation: FigureAggregation,
        _ charts: Set<FigureChart>,
        prometheusName: String? = nil,
        quantile: Double? = nil,
        onlyWhenMeasured: Bool = false
    ) {
        self.init(
            metric: metric,
            section: section,
            key: key,
            label: label,
            unit: unit,
            direction: direction,
            aggregation: aggregation,
            charts: charts,
            prometheusName: prometheusName,
            quantile: quantile,
            onlyWhenMeasured: onlyWhenMeasured
        )
    }
}
