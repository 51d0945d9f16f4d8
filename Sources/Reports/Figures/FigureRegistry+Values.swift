public import ShareModel

extension FigureRegistry {
    /// The value of `id` in `run`, reading the entity at `position` of its section's list
    /// (entities are matched across replications by position); nil where the figure is
    /// undefined (a latency with nothing served, a ratio of nothing) or the run lacks it.
    ///
    /// - Complexity: O(1), except region figures that combine zones: O(zones).
    public static func value(of id: FigureID, at position: Int, in run: ModelResults) -> Double? {
        switch id.descriptor.section {
        case .workload: element(run.workloads, position).flatMap { workload(id.metric, $0) }
        case .servedBy: element(run.workloads, position).flatMap { share(id.source, $0.servedBy, run) }
        case .stage: element(stageResults(of: run), position).flatMap { stage(id.metric, $0) }
        case .link: element(run.links ?? [], position).flatMap { link(id.metric, $0) }
        case .region:
            id.metric.isBilled
                ? run.cost.flatMap { element($0.regions, position) }.flatMap { regionCost(id.metric, $0) }
                : element(run.regions, position).flatMap { region(id.metric, $0, run) }
        case .zone: element(run.zones, position).flatMap { zone(id.metric, $0) }
        case .edgeSite:
            id.metric.isBilled
                ? run.cost.flatMap { element($0.edgeSites, position) }.flatMap { siteCost(id.metric, $0) }
                : element(run.edgeSites, position).flatMap { edgeSite(id.metric, $0) }
        case .sharedPool:
            id.metric == .poolPayoutPerDevicePerMonth
                ? payoutPerDevicePerMonth(at: position, in: run)
                : id.metric.isBilled
                    ? run.cost.flatMap { element($0.sharedPools, position) }.flatMap { siteCost(id.metric, $0) }
                    : element(run.sharedPools, position).flatMap { pool(id.metric, $0) }
        case .cost: run.cost.flatMap { cost(id.metric, $0) }
        }
    }

    /// The value of `id` in `run`, finding its entity by name (``FigureID/subject``); nil
    /// where the figure is undefined or the run has no such entity.
    ///
    /// - Complexity: O(entities of the figure's section).
    public static func value(of id: FigureID, in run: ModelResults) -> Double? {
        let names: [String] =
            switch id.descriptor.section {
            case .workload, .servedBy: run.workloads.map(\.name)
            case .stage: stageSubjects(of: run)
            case .link: (run.links ?? []).map(\.name)
            case .region: run.regions.map(\.name)
            case .zone: run.zones.map(\.name)
            case .edgeSite: run.edgeSites.map(\.name)
            case .sharedPool: run.sharedPools.map(\.name)
            case .cost: [""]
            }
        let position = id.descriptor.section == .cost ? 0 : names.firstIndex(of: id.subject)
        return position.flatMap { value(of: id, at: $0, in: run) }
    }

    private static func workload(_ metric: FigureMetric, _ workload: WorkloadResults) -> Double? {
        let latency = workload.latency
        let served = latency.count > 0
        switch metric {
        case .throughput: return workload.throughputPerSecond
        case .bitrate: return workload.bitsPerSecond
        case .latencyMean: return served ? latency.mean : nil
        case .latencyP50: return served ? latency.p50 : nil
        case .latencyP90: return served ? latency.p90 : nil
        case .latencyP99: return served ? latency.p99 : nil
        case .latencyP999: return served ? latency.p999 : nil
        case .latencyMax: return served ? latency.max : nil
        case .timeToFirstByteP50: return workload.timeToFirstByteP50
        case .timeToFirstByteP99: return workload.timeToFirstByteP99
        case .sloAttainment: return workload.sloAttainment
        case .successRatio: return workload.successRatio
        case .arrived: return Double(workload.arrived)
        case .served: return Double(workload.served)
        case .rejected: return Double(workload.rejected)
        case .failed: return Double(workload.failed)
        case .unfinished: return Double(workload.inFlight)
        case .retries: return Double(workload.retries)
        case .stall: return workload.stallSeconds
        case .startupDelayP50: return workload.playback?.startupP50
        case .startupDelayP90: return workload.playback?.startupP90
        case .startupDelayP99: return workload.playback?.startupP99
        case .rebuffersPerSession: return workload.playback?.rebuffersPerSession
        case .rebufferRatio: return workload.playback?.rebufferRatio
        case .rebufferedShare: return workload.playback?.rebufferedShare
        case .averageBitrate: return workload.playback?.averageBitrate
        case .preemptions: return Double(workload.preemptions)
        case .arrivedDuringOutages: return workload.duringOutages.map { Double($0.arrived) }
        case .lostDuringOutages: return workload.duringOutages.map { Double($0.lost) }
        case .latencyP99DuringOutages: return workload.duringOutages?.latencyP99
        case .sentToDeadSites: return workload.sentToDeadSites.map { Double($0) }
        case .retryDelay: return workload.meanRetryDelaySeconds
        case .bytesUp: return workload.bytesUp
        case .bitrateUp: return workload.upBitsPerSecond
        case .bytesDown: return workload.bytesUp.map { _ in workload.bytesDelivered }
        default: return nil
        }
    }

    /// Every stage of every class with stages, in class then stage order: the entities of
    /// the ``FigureSection/stage`` section.
    public static func stageResults(of run: ModelResults) -> [StageResults] {
        run.workloads.flatMap { $0.stages ?? [] }
    }

    /// The subjects of ``stageResults(of:)``: `<workload>:<stage>`.
    public static func stageSubjects(of run: ModelResults) -> [String] {
        run.workloads.flatMap { workload in (workload.stages ?? []).map { workload.name + ":" + $0.name } }
    }

    private static func stage(_ metric: FigureMetric, _ stage: StageResults) -> Double? {
        let visited = stage.visits > 0
        switch metric {
        case .stageVisits: return Double(stage.visits)
        case .stageMeanWait: return visited ? stage.meanWaitSeconds : nil
        case .stageMeanService: return visited ? stage.meanServiceSeconds : nil
        case .stageMeanTime: return visited ? stage.meanStageSeconds : nil
        case .stageP99: return visited ? stage.p99StageSeconds : nil
        case .stageShare: return stage.shareOfLatency
        default: return nil
        }
    }

    private static func link(_ metric: FigureMetric, _ link: LinkResults) -> Double? {
        switch metric {
        case .linkBytes: link.bytes
        case .linkUtilisation: link.utilisation
        case .linkPeakUtilisation: link.peakUtilisation
        case .linkMeanFlows: link.meanFlows
        case .linkDown: link.downSeconds
        default: nil
        }
    }

    private static func share(_ source: ServedBySource?, _ servedBy: ServedByResults, _ run: ModelResults) -> Double? {
        guard let source, servedBy.total > 0 else { return nil }
        let part: UInt64?
        switch source {
        case .edge: part = servedBy.edge
        case .shared: part = servedBy.shared
        case .origin: part = servedBy.origin
        case .cloud(let name):
            part = run.regions.firstIndex { $0.name == name }.flatMap { element(servedBy.cloudByRegion, $0) }
        }
        return part.map { Double($0) / Double(servedBy.total) }
    }

    private static func region(_ metric: FigureMetric, _ region: RegionResults, _ run: ModelResults) -> Double? {
        let zones = run.zones.filter { $0.region == region.name }
        switch metric {
        case .regionUtilisation: return region.utilisation
        case .regionMeanQueueLength: return zones.isEmpty ? nil : zones.reduce(0) { $0 + $1.meanQueueLength }
        case .regionAvailability:
            let capacity = zones.reduce(0) { $0 + $1.capacity }
            guard capacity > 0 else { return nil }
            return zones.reduce(0) { $0 + $1.availability * Double($1.capacity) } / Double(capacity)
        case .regionServed: return Double(region.served)
        case .regionEgressUtilisation: return region.egressUtilisation
        case .regionBackhaulMean: return region.backhaulMeanBitsPerSecond
        case .regionBackhaul95th: return region.backhaul95thBitsPerSecond
        case .regionBackhaulUtilisation: return region.backhaulUtilisation
        default: return nil
        }
    }

    private static func zone(_ metric: FigureMetric, _ zone: ZoneResults) -> Double? {
        switch metric {
        case .zoneUtilisation: zone.utilisation
        case .zoneMeanQueueLength: zone.meanQueueLength
        case .zoneMeanWait: zone.meanWaitSeconds
        case .zoneAvailability: zone.availability
        case .zoneServed: Double(zone.served)
        case .zoneRejected: Double(zone.rejected)
        case .zoneDetectionDelay: zone.detection?.meanDetectionSeconds
        case .zoneDetectionDelayMax: zone.detection?.maxDetectionSeconds
        case .zoneUndetectedOutages: zone.detection.map { Double($0.undetectedOutages) }
        case .zoneServersMin: zone.autoscaling?.minServers
        case .zoneServersMean: zone.autoscaling?.meanServers
        case .zoneServersMax: zone.autoscaling?.maxServers
        case .zoneScaleOuts: zone.autoscaling.map { Double($0.scaleOuts) }
        case .zoneScaleIns: zone.autoscaling.map { Double($0.scaleIns) }
        default: nil
        }
    }

    private static func edgeSite(_ metric: FigureMetric, _ site: EdgeSiteResults) -> Double? {
        switch metric {
        case .edgeHitRatio: site.hitRatio
        case .edgeByteHitRatio: site.byteHitRatio
        case .edgeBytesServed: site.bytesServed
        case .edgeUplinkUtilisation: site.uplinkUtilisation
        case .edgeAvailability: site.availability
        case .edgeDetectionDelay: site.detection?.meanDetectionSeconds
        default: nil
        }
    }

    private static func pool(_ metric: FigureMetric, _ pool: SharedPoolResults) -> Double? {
        switch metric {
        case .poolOnlineFraction: pool.onlineFraction
        case .poolBytesServed: pool.bytesServed
        case .poolRequestsServed: Double(pool.requestsServed)
        case .poolCredits: pool.credits
        default: nil
        }
    }

    private static func cost(_ metric: FigureMetric, _ cost: CostResults) -> Double? {
        switch metric {
        case .costCompute: cost.compute
        case .costProvisioned: cost.provisioned
        case .costEgress: cost.egress
        case .costEgress95th: cost.egress95th
        case .costBackhaul: cost.backhaul
        case .costEdge: cost.edge
        case .costSharedPerGB: cost.sharedPerGB
        case .costShared95th: cost.shared95th
        case .costSharedStorage: cost.sharedStorage
        case .costCredits: cost.credits
        case .costTotal: cost.total
        case .costPerMillionRequests: cost.perMillionRequests
        case .costPerTBDelivered: cost.perTBDelivered
        case .costPerHour: cost.perHour
        default: nil
        }
    }

    /// A region's billed figures; rates in bit/s (the results hold Mbit/s).
    private static func regionCost(_ metric: FigureMetric, _ cost: RegionCostResults) -> Double? {
        switch metric {
        case .regionCost: cost.total
        case .regionEgress95th: cost.egress95thMbps.map { $0 * 1e6 }
        default: nil
        }
    }

    /// What one device of the pool at `position` is paid per 30-day month: the pool's cost /
    /// devices × (30 days / measured seconds); nil for an unpriced pool, no device or no time.
    private static func payoutPerDevicePerMonth(at position: Int, in run: ModelResults) -> Double? {
        guard let cost = run.cost.flatMap({ element($0.sharedPools, position) }),
            let pool = element(run.sharedPools, position), pool.devices > 0, run.durationSeconds > 0
        else { return nil }
        return cost.total / Double(pool.devices) * (PercentilePrice.Period.month.seconds / run.durationSeconds)
    }

    /// An edge site's or pool's billed figures; rates in bit/s (the results hold Mbit/s).
    private static func siteCost(_ metric: FigureMetric, _ cost: SiteCostResults) -> Double? {
        switch metric {
        case .edgeCost, .poolCost: cost.total
        case .edgeUplink95th, .poolBandwidth95th: cost.percentileMbps.map { $0 * 1e6 }
        default: nil
        }
    }
}
