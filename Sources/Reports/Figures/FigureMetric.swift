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
    /// Median time to first byte (creation to the answer's first byte at the client).
    case timeToFirstByteP50
    /// 99th-percentile time to first byte.
    case timeToFirstByteP99
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
    /// Median start-up delay of a stream's sessions (press play to first frame).
    case startupDelayP50
    /// 90th-percentile start-up delay.
    case startupDelayP90
    /// 99th-percentile start-up delay.
    case startupDelayP99
    /// Stalls after playback started, per session.
    case rebuffersPerSession
    /// Stalled time over viewing time (watched plus stalled).
    case rebufferRatio
    /// The share of sessions with at least one stall.
    case rebufferedShare
    /// The mean bitrate of the media a stream's sessions received.
    case averageBitrate
    /// Compute jobs moved because their device left.
    case preemptions
    /// Requests that arrived while a zone, edge site or link was down.
    case arrivedDuringOutages
    /// Of those, lost (rejected or failed on their last attempt).
    case lostDuringOutages
    /// 99th-percentile end-to-end latency of those served.
    case latencyP99DuringOutages
    /// Attempts that reached a site that was down (health-checked runs only).
    case sentToDeadSites
    /// Mean time retried requests spent before the attempt that served them (health-checked runs only).
    case retryDelay
    /// Request bytes carried up to zones (transactions with a payload only).
    case bytesUp
    /// Those bytes as a mean rate over the measured span (transactions with a payload only).
    case bitrateUp
    /// Response bytes delivered down (transactions with a payload only).
    case bytesDown

    // Per stage of a request graph (subject `<workload>:<stage>`).
    /// Stage visits served.
    case stageVisits
    /// Mean wait for a core at the stage's zone.
    case stageMeanWait
    /// Mean service at the stage's zone.
    case stageMeanService
    /// Mean stage time: ready (its predecessor's end) to the end of its service.
    case stageMeanTime
    /// 99th-percentile stage time.
    case stageP99
    /// Mean stage time over the class's mean end-to-end latency.
    case stageShare

    // Per drawn link (``ShareModel/LinkSpec``).
    /// Bytes that crossed the link in the measured span.
    case linkBytes
    /// Those bytes' bits over capacity × measured time.
    case linkUtilisation
    /// The highest utilisation of one interval of the series.
    case linkPeakUtilisation
    /// Active flows on the link, time-weighted.
    case linkMeanFlows
    /// Measured seconds the link was down.
    case linkDown

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
    /// Everything the region is billed: compute on demand and provisioned, egress per GB and 95th.
    case regionCost
    /// The billed percentile (95th by default) of the egress link's 5-minute average rates.
    case regionEgress95th
    /// Mean rate of request bytes into the region over its ingress (backhaul); runs whose
    /// transactions carry request bytes only.
    case regionBackhaulMean
    /// The 95th percentile of the ingress's 5-minute average rates (as billing samples them).
    case regionBackhaul95th
    /// Ingress bits over ingress capacity × measured time, when the ingress has a capacity.
    case regionBackhaulUtilisation

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
    /// An autoscaled zone's fewest paid servers.
    case zoneServersMin
    /// An autoscaled zone's paid servers, time-weighted mean.
    case zoneServersMean
    /// An autoscaled zone's most paid servers.
    case zoneServersMax
    /// An autoscaled zone's scale-out actions.
    case zoneScaleOuts
    /// An autoscaled zone's scale-in actions.
    case zoneScaleIns

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
    /// What the edge site's delivery is billed: per GB and on the 95th percentile.
    case edgeCost
    /// The billed percentile of the uplink's 5-minute average rates.
    case edgeUplink95th
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
    /// What the pool's devices are paid: per GB, on the 95th percentile, storage and credits.
    case poolCost
    /// The billed percentile of the pool's 5-minute average upload rates (devices summed).
    case poolBandwidth95th
    /// What one device of the pool is paid per 30-day month at the run's pace: the pool's cost
    /// / devices / measured months (what a box owner earns).
    case poolPayoutPerDevicePerMonth

    // The run's cost, by item.
    /// On-demand compute: busy core-hours.
    case costCompute
    /// Provisioned compute: every core for the whole span, used or not.
    case costProvisioned
    /// Cloud egress billed per GB.
    case costEgress
    /// Cloud egress billed on the 95th percentile of 5-minute rates.
    case costEgress95th
    /// Backhaul (region ingress) billed per GB and on the 95th percentile.
    case costBackhaul
    /// Edge delivery, per GB and 95th percentile.
    case costEdge
    /// Shared devices paid per GB served.
    case costSharedPerGB
    /// Shared devices paid on the 95th percentile.
    case costShared95th
    /// Shared devices paid for storage lent.
    case costSharedStorage
    /// Credits paid to shared devices, at the credit price.
    case costCredits
    /// Every item together.
    case costTotal
    /// Cost per million served requests.
    case costPerMillionRequests
    /// Cost per TB delivered.
    case costPerTBDelivered
    /// Cost per hour of the measured span (a peak hour when the scenario models a peak).
    case costPerHour

    /// Whether the figure exists only when the scenario has prices (a cost, or a billed
    /// percentile rate): rows are left out of unpriced runs.
    public var isBilled: Bool {
        switch self {
        case .regionCost, .regionEgress95th, .edgeCost, .edgeUplink95th, .poolCost, .poolBandwidth95th,
            .poolPayoutPerDevicePerMonth:
            true
        default: descriptor.section == .cost
        }
    }

    /// The metric's descriptor: label, unit, direction, aggregation, charts.
    public var descriptor: FigureDescriptor { FigureRegistry.descriptor(of: self) }

    /// The metrics of `section`, in report order.
    public static func all(in section: FigureSection) -> [FigureMetric] {
        allCases.filter { $0.descriptor.section == section }
    }
}

extension FigureMetric {
    /// Whether it describes a stream's playback (start-up delay, rebuffering): reported for
    /// stream classes only.
    public var isPlayback: Bool {
        switch self {
        case .startupDelayP50, .startupDelayP90, .startupDelayP99, .rebuffersPerSession, .rebufferRatio,
            .rebufferedShare, .averageBitrate:
            true
        default: false
        }
    }
}
