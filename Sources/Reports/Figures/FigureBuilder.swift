internal import ShareModel

/// Builds ``ReportFigures`` and the flat ``FigureRow`` list from replications at once, so
/// that both always hold the same numbers.
///
/// Entities are matched across replications by position (the same spec gives the same
/// order); a replication that lacks one (an interrupted run) contributes nothing to it.
struct FigureBuilder {
    /// The replications, in order.
    let runs: [ModelResults]
    /// The flat rows, in the order they were built.
    private(set) var rows: [FigureRow] = []

    init(runs: [ModelResults]) {
        self.runs = runs
    }

    /// Records the row of `id` (the entity at `position` of its section) and returns its
    /// estimate; a figure that exists only when measured has no row where no run defines it.
    private mutating func add(_ id: FigureID, at position: Int) -> Estimate? {
        let row = FigureRow(id: id, values: runs.map { FigureRegistry.value(of: id, at: position, in: $0) })
        if row.estimate != nil || !id.descriptor.onlyWhenMeasured { rows.append(row) }
        return row.estimate
    }

    /// Records every metric of `section` for the entity `subject` at `position`, in registry
    /// order, and returns their estimates by metric.
    private mutating func addAll(
        _ section: FigureSection,
        of subject: String,
        at position: Int
    ) -> [FigureMetric: Estimate?] {
        var estimates: [FigureMetric: Estimate?] = [:]
        let priced = runs.contains { $0.cost != nil }
        for metric in FigureMetric.all(in: section) where priced || !metric.isBilled {
            estimates[metric] = add(FigureID(metric, of: subject), at: position)
        }
        return estimates
    }

    /// The whole set of figures, built from ``runs``.
    mutating func build() -> ReportFigures {
        let first = runs[0]
        let workloads = first.workloads.indices.map { workload($0, first: first) }
        let stages = FigureRegistry.stageSubjects(of: first)
        for (position, subject) in stages.enumerated() { _ = addAll(.stage, of: subject, at: position) }
        let links = (first.links ?? []).map(\.name)
        for (position, subject) in links.enumerated() { _ = addAll(.link, of: subject, at: position) }
        let regions = first.regions.indices.map { index in
            let region = first.regions[index]
            let figures = addAll(.region, of: region.name, at: index)
            return RegionFigures(
                name: region.name,
                capacity: region.capacity,
                utilisation: figures[.regionUtilisation] ?? nil,
                meanQueueLength: figures[.regionMeanQueueLength] ?? nil,
                availability: figures[.regionAvailability] ?? nil,
                served: figures[.regionServed] ?? nil,
                egressUtilisation: figures[.regionEgressUtilisation] ?? nil,
                cost: figures[.regionCost] ?? nil,
                egress95th: figures[.regionEgress95th] ?? nil,
                backhaulMean: figures[.regionBackhaulMean] ?? nil,
                backhaul95th: figures[.regionBackhaul95th] ?? nil,
                backhaulUtilisation: figures[.regionBackhaulUtilisation] ?? nil
            )
        }
        let zones = first.zones.indices.map { index in
            let zone = first.zones[index]
            let figures = addAll(.zone, of: zone.name, at: index)
            return ZoneFigures(
                name: zone.name,
                region: zone.region,
                capacity: zone.capacity,
                utilisation: figures[.zoneUtilisation] ?? nil,
                meanQueueLength: figures[.zoneMeanQueueLength] ?? nil,
                meanWaitSeconds: figures[.zoneMeanWait] ?? nil,
                availability: figures[.zoneAvailability] ?? nil,
                served: figures[.zoneServed] ?? nil,
                rejected: figures[.zoneRejected] ?? nil,
                detectionSeconds: figures[.zoneDetectionDelay] ?? nil,
                maxDetectionSeconds: figures[.zoneDetectionDelayMax] ?? nil,
                undetectedOutages: figures[.zoneUndetectedOutages] ?? nil,
                serversMin: figures[.zoneServersMin] ?? nil,
                serversMean: figures[.zoneServersMean] ?? nil,
                serversMax: figures[.zoneServersMax] ?? nil,
                scaleOuts: figures[.zoneScaleOuts] ?? nil,
                scaleIns: figures[.zoneScaleIns] ?? nil
            )
        }
        let edgeSites = first.edgeSites.indices.map { index in
            let site = first.edgeSites[index]
            let figures = addAll(.edgeSite, of: site.name, at: index)
            return EdgeSiteFigures(
                name: site.name,
                region: site.region,
                nodes: site.nodes,
                hitRatio: figures[.edgeHitRatio] ?? nil,
                byteHitRatio: figures[.edgeByteHitRatio] ?? nil,
                bytesServed: figures[.edgeBytesServed] ?? nil,
                uplinkUtilisation: figures[.edgeUplinkUtilisation] ?? nil,
                availability: figures[.edgeAvailability] ?? nil,
                cost: figures[.edgeCost] ?? nil,
                uplink95th: figures[.edgeUplink95th] ?? nil,
                detectionSeconds: figures[.edgeDetectionDelay] ?? nil
            )
        }
        let pools = first.sharedPools.indices.map { index in
            let pool = first.sharedPools[index]
            let figures = addAll(.sharedPool, of: pool.name, at: index)
            return SharedPoolFigures(
                name: pool.name,
                region: pool.region,
                devices: pool.devices,
                onlineFraction: figures[.poolOnlineFraction] ?? nil,
                bytesServed: figures[.poolBytesServed] ?? nil,
                requestsServed: figures[.poolRequestsServed] ?? nil,
                credits: figures[.poolCredits] ?? nil,
                cost: figures[.poolCost] ?? nil,
                bandwidth95th: figures[.poolBandwidth95th] ?? nil,
                payoutPerDevicePerMonth: figures[.poolPayoutPerDevicePerMonth] ?? nil
            )
        }
        var cost: CostFigures?
        if runs.contains(where: { $0.cost != nil }) {
            let figures = addAll(.cost, of: "", at: 0)
            cost = CostFigures(
                currency: runs.lazy.compactMap { $0.cost?.currency }.first,
                compute: figures[.costCompute] ?? nil,
                provisioned: figures[.costProvisioned] ?? nil,
                egress: figures[.costEgress] ?? nil,
                egress95th: figures[.costEgress95th] ?? nil,
                backhaul: figures[.costBackhaul] ?? nil,
                edge: figures[.costEdge] ?? nil,
                sharedPerGB: figures[.costSharedPerGB] ?? nil,
                shared95th: figures[.costShared95th] ?? nil,
                sharedStorage: figures[.costSharedStorage] ?? nil,
                credits: figures[.costCredits] ?? nil,
                total: figures[.costTotal] ?? nil,
                perMillionRequests: figures[.costPerMillionRequests] ?? nil,
                perTBDelivered: figures[.costPerTBDelivered] ?? nil,
                perHour: figures[.costPerHour] ?? nil
            )
        }
        return ReportFigures(
            workloads: workloads,
            regions: regions,
            zones: zones,
            edgeSites: edgeSites,
            sharedPools: pools,
            cost: cost,
            series: series(),
            stages: stages.isEmpty ? nil : stages,
            links: first.links == nil ? nil : links
        )
    }

    // MARK: - Workloads

    private mutating func workload(_ index: Int, first: ModelResults) -> WorkloadFigures {
        let spec = first.workloads[index]
        let figures = addAll(.workload, of: spec.name, at: index)
        let sources = [ServedBySource.edge, .shared] + first.regions.map { .cloud(region: $0.name) } + [.origin]
        let shares = sources.map { source in
            ServedByShare(
                source: source.key,
                label: source.label,
                share: add(.servedShare(of: spec.name, by: source), at: index)
            )
        }
        var result = WorkloadFigures(
            name: spec.name,
            kind: spec.kind,
            sloSeconds: spec.sloSeconds,
            throughputPerSecond: figures[.throughput] ?? nil,
            bitsPerSecond: figures[.bitrate] ?? nil,
            latency: LatencyFigures(
                mean: figures[.latencyMean] ?? nil,
                p50: figures[.latencyP50] ?? nil,
                p90: figures[.latencyP90] ?? nil,
                p99: figures[.latencyP99] ?? nil,
                p999: figures[.latencyP999] ?? nil,
                max: figures[.latencyMax] ?? nil,
                cdf: latencyCDF(index)
            ),
            sloAttainment: figures[.sloAttainment] ?? nil,
            successRatio: figures[.successRatio] ?? nil,
            arrived: figures[.arrived] ?? nil,
            served: figures[.served] ?? nil,
            rejected: figures[.rejected] ?? nil,
            failed: figures[.failed] ?? nil,
            unfinished: figures[.unfinished] ?? nil,
            retries: figures[.retries] ?? nil,
            stallSeconds: figures[.stall] ?? nil,
            preemptions: figures[.preemptions] ?? nil,
            servedBy: shares,
            sentToDeadSites: figures[.sentToDeadSites] ?? nil,
            retryDelaySeconds: figures[.retryDelay] ?? nil,
            bytesUp: figures[.bytesUp] ?? nil,
            bitsPerSecondUp: figures[.bitrateUp] ?? nil,
            bytesDown: figures[.bytesDown] ?? nil
        )
        result.timeToFirstByteP50 = figures[.timeToFirstByteP50] ?? nil
        result.timeToFirstByteP99 = figures[.timeToFirstByteP99] ?? nil
        result.startupDelayP50 = figures[.startupDelayP50] ?? nil
        result.startupDelayP90 = figures[.startupDelayP90] ?? nil
        result.startupDelayP99 = figures[.startupDelayP99] ?? nil
        result.rebuffersPerSession = figures[.rebuffersPerSession] ?? nil
        result.rebufferRatio = figures[.rebufferRatio] ?? nil
        result.rebufferedSessionShare = figures[.rebufferedShare] ?? nil
        result.averageBitrate = figures[.averageBitrate] ?? nil
        return result
    }

    /// The CDF of class `index`, each percentile's latency averaged over replications with samples.
    private func latencyCDF(_ index: Int) -> [LatencyCDFPoint] {
        let withSamples = runs.compactMap { element($0.workloads, index) }.filter { $0.latency.count > 0 }
        guard let first = withSamples.first else { return [] }
        return first.latency.cdf.indices.map { pointIndex in
            let values = withSamples.compactMap { element($0.latency.cdf, pointIndex)?.seconds }
            return LatencyCDFPoint(
                percentile: first.latency.cdf[pointIndex].percentile,
                seconds: Estimate(values: values)?.mean ?? 0
            )
        }
    }

    // MARK: - Series

    /// The series averaged point by point over the replications that reached each point.
    private func series() -> [SeriesPointFigures] {
        let length = runs.map(\.series.count).max() ?? 0
        let first = runs[0]
        return (0..<length).map { pointIndex in
            let points = runs.compactMap { element($0.series, pointIndex) }
            let reference = points[0]
            let workloads = first.workloads.indices.map { workloadIndex in
                let values = points.compactMap { element($0.workloads, workloadIndex) }
                return SeriesWorkloadFigures(
                    throughputPerSecond: Estimate(values: values.map(\.throughputPerSecond)),
                    bitsPerSecond: Estimate(values: values.map(\.bitsPerSecond)),
                    meanLatencySeconds: Estimate(values: values.compactMap(\.meanLatencySeconds)),
                    latencyP50Seconds: Estimate(values: values.compactMap(\.latencyP50Seconds)),
                    latencyP99Seconds: Estimate(values: values.compactMap(\.latencyP99Seconds)),
                    served: Estimate(values: values.map { Double($0.served) }),
                    lost: Estimate(values: values.map { Double($0.lost) })
                )
            }
            let zones = first.zones.indices.map { zoneIndex in
                Estimate(values: points.compactMap { element($0.zoneUtilisation, zoneIndex) })
            }
            let pools = first.sharedPools.indices.map { poolIndex in
                Estimate(values: points.compactMap { element($0.poolOnlineFraction, poolIndex) })
            }
            let servers = points.contains { $0.zoneServers != nil }
            let links = (first.links ?? []).indices.map { linkIndex in
                let values = points.compactMap { $0.links.flatMap { element($0, linkIndex) } }
                return SeriesLinkFigures(
                    bytes: Estimate(values: values.map(\.bytes)),
                    utilisation: Estimate(values: values.map(\.utilisation)),
                    meanFlows: Estimate(values: values.map(\.meanFlows))
                )
            }
            return SeriesPointFigures(
                startSeconds: reference.startSeconds,
                lengthSeconds: reference.lengthSeconds,
                workloads: workloads,
                zoneUtilisation: zones,
                poolOnlineFraction: pools,
                zoneServers: servers
                    ? first.zones.indices.map { zoneIndex in
                        Estimate(values: points.compactMap { $0.zoneServers.flatMap { element($0, zoneIndex) } })
                    } : nil,
                links: first.links == nil ? nil : links
            )
        }
    }
}

/// `array[index]`, or nil when the index is out of range.
func element<T>(_ array: [T], _ index: Int) -> T? {
    array.indices.contains(index) ? array[index] : nil
}
