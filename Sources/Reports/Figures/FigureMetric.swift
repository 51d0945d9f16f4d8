/// What a figure measures, whatever entity it is measured on: one case per row of the
/// registry (``FigureRegistry``), grouped by the section it belongs to.
///
/// Cases are in report order: rows, tables and charts list figures in this order.
public enum FigureMetric: Hashable, Sendable, CaseIterable {
    // Per workload class.
    /// Served requests per second of measured time.
    case throughput
    /// Delivered bits per second of measured time.
    case bitrate
    /// Mean end-to-end latency of served requests.
    case latencyMean
    /// Median end-to-end latency.
    case latencyP50
    /// 90th-percentile end-to-end latency.
    case latencyP90
    /// 99th-percentile end-to-end latency.
    case latencyP99
    /// 99.9th-percentile end-to-end latency.
    case latencyP999
    /// Largest end-to-end latency.
    case latencyMax
    /// Served requests within the class's objective over served requests.
    case sloAttainment
    /// Served over arrived; requests still in flight at the end count against it.
    case successRatio
    /// Requests created in the measured span.
    case arrived
    /// Requests served.
    case served
    /// Requests turned away on their last attempt.
    case rejected
    /// Requests lost after being accepted.
    case failed
    /// Requests still in flight when the run ended: neither served nor lost.
    case unfinished
    /// Extra attempts made.
    case retries
    /// Stream playback stall, summed over served streams.
    case stall
    /// Compute jobs moved because their device left.
    case preemptions
    /// Attempts that reached a site that was down (health-checked runs only).
    case sentToDeadSites
    /// Mean time retried requests spent before the attempt that served them (health-checked runs only).
    case retryDelay

    // Per workload class and source (``FigureID/source``).
    /// The share of the class's served requests that one source served.
    case servedShare

    // Per region.
    /// Busy cores over capacity, time-weighted, over the region's zones.
    case regionUtilisation
    /// Mean number waiting, summed over the region's zones.
    case regionMeanQueueLength
    /// Fraction of time up, capacity-weighted over the region's zones.
    case regionAvailability
    /// Requests the region's zones served.
    case regionServed
    /// Egress bits over egress capacity × measured time.
    case regionEgressUtilisation

    // Per availability zone.
    /// Busy cores over capacity, time-weighted.
    case zoneUtilisation
    /// Mean number waiting, time-weighted.
    case zoneMeanQueueLength
    /// Mean wait before service.
    case zoneMeanWait
    /// Fraction of time up.
    case zoneAvailability
    /// Requests served.
    case zoneServed
    /// Requests turned away (queue full or zone down).
    case zoneRejected
    /// Mean time from a zone's failure to its health check marking it down.
    case zoneDetectionDelay
    /// Longest time from a zone's failure to its health check marking it down.
    case zoneDetectionDelayMax
    /// Outages of a health-checked zone that ended before they were detected.
    case zoneUndetectedOutages

    // Per edge site.
    /// Cache hits over lookups.
    case edgeHitRatio
    /// Hit bytes over looked-up bytes.
    case edgeByteHitRatio
    /// Bytes sent to users (hits and misses).
    case edgeBytesServed
    /// Uplink bits over uplink capacity × measured time.
    case edgeUplinkUtilisation
    /// Fraction of time up.
    case edgeAvailability
    /// Mean time from an edge site's failure to its health check marking it down.
    case edgeDetectionDelay

    // Per shared pool.
    /// Fraction of devices online, time-weighted.
    case poolOnlineFraction
    /// Bytes the pool's devices sent.
    case poolBytesServed
    /// Requests the pool's devices served.
    case poolRequestsServed
    /// Credits the pool's devices earned.
    case poolCredits

    // The run's cost.
    /// Compute cost.
    case costCompute
    /// Egress cost.
    case costEgress
    /// Credits paid to shared devices, at the credit price.
    case costCredits
    /// Compute, egress and credits together.
    case costTotal
    /// Cost per million served requests.
    case costPerMillionRequests
    /// Cost per TB delivered.
    case costPerTBDelivered

    /// Whether the metric exists only in runs with health checks: its rows are left out of
    /// a report whose runs all lack it, so reports of other scenarios do not change.
    public var isDetection: Bool {
        switch self {
        case .sentToDeadSites, .retryDelay, .zoneDetectionDelay, .zoneDetectionDelayMax, .zoneUndetectedOutages,
            .edgeDetectionDelay:
            true
        default: false
        }
    }

    /// The metric's descriptor: label, unit, direction, aggregation, charts.
    public var descriptor: FigureDescriptor { FigureRegistry.descriptor(of: self) }

    /// The metrics of `section`, in report order.
    public static func all(in section: FigureSection) -> [FigureMetric] {
        allCases.filter { $0.descriptor.section == section }
    }
}
