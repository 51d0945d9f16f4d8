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

    /// Records a figure of `section`/`subject` and returns its estimate.
    mutating func add(
        _ section: FigureSection,
        _ subject: String,
        _ metric: String,
        _ label: String,
        _ unit: FigureUnit,
        _ value: (ModelResults) -> Double?
    ) -> Estimate? {
        let row = FigureRow(
            section: section,
            subject: subject,
            metric: metric,
            label: label,
            unit: unit,
            values: runs.map(value)
        )
        rows.append(row)
        return row.estimate
    }

    /// The whole set of figures, built from ``runs``.
    mutating func build() -> ReportFigures {
        let first = runs[0]
        let workloads = first.workloads.indices.map { workload($0, first: first) }
        let regions = first.regions.indices.map { region($0, first: first) }
        let zones = first.zones.indices.map { zone($0, first: first) }
        let edgeSites = first.edgeSites.indices.map { edgeSite($0, first: first) }
        let pools = first.sharedPools.indices.map { pool($0, first: first) }
        let cost = runs.contains { $0.cost != nil } ? costFigures() : nil
        return ReportFigures(
            workloads: workloads,
            regions: regions,
            zones: zones,
            edgeSites: edgeSites,
            sharedPools: pools,
            cost: cost,
            series: series()
        )
    }

    // MARK: - Workloads

    private mutating func workload(_ index: Int, first: ModelResults) -> WorkloadFigures {
        let spec = first.workloads[index]
        let name = spec.name
        func at(_ run: ModelResults) -> WorkloadResults? { element(run.workloads, index) }
        func count(
            _ metric: String,
            _ label: String,
            _ pick: @escaping (WorkloadResults) -> UInt64
        ) -> (
            String, String, (ModelResults) -> Double?
        ) {
            (metric, label, { run in at(run).map { Double(pick($0)) } })
        }
        func latency(_ pick: @escaping (LatencyResults) -> Double) -> (ModelResults) -> Double? {
            { run in at(run).flatMap { $0.latency.count > 0 ? pick($0.latency) : nil } }
        }

        let throughput = add(.workload, name, "throughputPerSecond", "Throughput", .requestsPerSecond) {
            at($0)?.throughputPerSecond
        }
        let bits = add(.workload, name, "bitsPerSecond", "Bitrate", .bitsPerSecond) { at($0)?.bitsPerSecond }
        let latencyFigures = LatencyFigures(
            mean: add(.workload, name, "latencyMean", "Latency mean", .seconds, latency { $0.mean }),
            p50: add(.workload, name, "latencyP50", "Latency p50", .seconds, latency { $0.p50 }),
            p90: add(.workload, name, "latencyP90", "Latency p90", .seconds, latency { $0.p90 }),
            p99: add(.workload, name, "latencyP99", "Latency p99", .seconds, latency { $0.p99 }),
            p999: add(.workload, name, "latencyP999", "Latency p99.9", .seconds, latency { $0.p999 }),
            max: add(.workload, name, "latencyMax", "Latency max", .seconds, latency { $0.max }),
            cdf: latencyCDF(index)
        )
        let slo = add(.workload, name, "sloAttainment", "SLO attainment", .fraction) { at($0)?.sloAttainment }
        let success = add(.workload, name, "successRatio", "Success", .fraction) { at($0)?.successRatio }
        var counts: [Estimate?] = []
        for (metric, label, value) in [
            count("arrived", "Arrived", { $0.arrived }),
            count("served", "Served", { $0.served }),
            count("rejected", "Rejected", { $0.rejected }),
            count("failed", "Failed", { $0.failed }),
            count("retries", "Retries", { $0.retries }),
        ] {
            counts.append(add(.workload, name, metric, label, .count, value))
        }
        let stall = add(.workload, name, "stallSeconds", "Stall", .seconds) { at($0)?.stallSeconds }
        let preemptions = add(.workload, name, "preemptions", "Preemptions", .count) {
            at($0).map { Double($0.preemptions) }
        }

        var shares: [ServedByShare] = []
        func share(_ source: String, _ label: String, _ pick: @escaping (ServedByResults) -> UInt64?) {
            let estimate = add(.servedBy, name, source, label, .fraction) { run in
                guard let servedBy = at(run)?.servedBy, servedBy.total > 0, let part = pick(servedBy) else {
                    return nil
                }
                return Double(part) / Double(servedBy.total)
            }
            shares.append(ServedByShare(source: source, label: label, share: estimate))
        }
        share("edge", "Edge") { $0.edge }
        share("shared", "Shared devices") { $0.shared }
        for (regionIndex, region) in first.regions.enumerated() {
            share("cloud:" + region.name, "Cloud " + region.name) { element($0.cloudByRegion, regionIndex) }
        }
        share("origin", "Origin") { $0.origin }

        return WorkloadFigures(
            name: name,
            kind: spec.kind,
            sloSeconds: spec.sloSeconds,
            throughputPerSecond: throughput,
            bitsPerSecond: bits,
            latency: latencyFigures,
            sloAttainment: slo,
            successRatio: success,
            arrived: counts[0],
            served: counts[1],
            rejected: counts[2],
            failed: counts[3],
            retries: counts[4],
            stallSeconds: stall,
            preemptions: preemptions,
            servedBy: shares
        )
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

    // MARK: - Regions, zones, edge sites, pools

    private mutating func region(_ index: Int, first: ModelResults) -> RegionFigures {
        let spec = first.regions[index]
        let name = spec.name
        let zoneIndices = first.zones.indices.filter { first.zones[$0].region == name }
        func at(_ run: ModelResults) -> RegionResults? { element(run.regions, index) }
        func zones(_ run: ModelResults) -> [ZoneResults] { zoneIndices.compactMap { element(run.zones, $0) } }
        let utilisation = add(.region, name, "utilisation", "Utilisation", .fraction) { at($0)?.utilisation }
        let queue = add(.region, name, "meanQueueLength", "Mean queue", .requests) { run in
            let zones = zones(run)
            return zones.isEmpty ? nil : zones.reduce(0) { $0 + $1.meanQueueLength }
        }
        let availability = add(.region, name, "availability", "Availability", .fraction) { run in
            let zones = zones(run)
            let capacity = zones.reduce(0) { $0 + $1.capacity }
            guard capacity > 0 else { return nil }
            return zones.reduce(0) { $0 + $1.availability * Double($1.capacity) } / Double(capacity)
        }
        let served = add(.region, name, "served", "Served", .count) { at($0).map { Double($0.served) } }
        let egress = add(.region, name, "egressUtilisation", "Egress utilisation", .fraction) {
            at($0)?.egressUtilisation
        }
        return RegionFigures(
            name: name,
            capacity: spec.capacity,
            utilisation: utilisation,
            meanQueueLength: queue,
            availability: availability,
            served: served,
            egressUtilisation: egress
        )
    }

    private mutating func zone(_ index: Int, first: ModelResults) -> ZoneFigures {
        let spec = first.zones[index]
        let name = spec.name
        func at(_ run: ModelResults) -> ZoneResults? { element(run.zones, index) }
        return ZoneFigures(
            name: name,
            region: spec.region,
            capacity: spec.capacity,
            utilisation: add(.zone, name, "utilisation", "Utilisation", .fraction) { at($0)?.utilisation },
            meanQueueLength: add(.zone, name, "meanQueueLength", "Mean queue", .requests) {
                at($0)?.meanQueueLength
            },
            meanWaitSeconds: add(.zone, name, "meanWaitSeconds", "Mean wait", .seconds) { at($0)?.meanWaitSeconds },
            availability: add(.zone, name, "availability", "Availability", .fraction) { at($0)?.availability },
            served: add(.zone, name, "served", "Served", .count) { at($0).map { Double($0.served) } },
            rejected: add(.zone, name, "rejected", "Rejected", .count) { at($0).map { Double($0.rejected) } }
        )
    }

    private mutating func edgeSite(_ index: Int, first: ModelResults) -> EdgeSiteFigures {
        let spec = first.edgeSites[index]
        let name = spec.name
        func at(_ run: ModelResults) -> EdgeSiteResults? { element(run.edgeSites, index) }
        return EdgeSiteFigures(
            name: name,
            region: spec.region,
            nodes: spec.nodes,
            hitRatio: add(.edgeSite, name, "hitRatio", "Hit ratio", .fraction) { at($0)?.hitRatio },
            byteHitRatio: add(.edgeSite, name, "byteHitRatio", "Byte hit ratio", .fraction) { at($0)?.byteHitRatio },
            bytesServed: add(.edgeSite, name, "bytesServed", "Bytes served", .bytes) { at($0)?.bytesServed },
            uplinkUtilisation: add(.edgeSite, name, "uplinkUtilisation", "Uplink utilisation", .fraction) {
                at($0)?.uplinkUtilisation
            },
            availability: add(.edgeSite, name, "availability", "Availability", .fraction) { at($0)?.availability }
        )
    }

    private mutating func pool(_ index: Int, first: ModelResults) -> SharedPoolFigures {
        let spec = first.sharedPools[index]
        let name = spec.name
        func at(_ run: ModelResults) -> SharedPoolResults? { element(run.sharedPools, index) }
        return SharedPoolFigures(
            name: name,
            region: spec.region,
            devices: spec.devices,
            onlineFraction: add(.sharedPool, name, "onlineFraction", "Online", .fraction) { at($0)?.onlineFraction },
            bytesServed: add(.sharedPool, name, "bytesServed", "Bytes served", .bytes) { at($0)?.bytesServed },
            requestsServed: add(.sharedPool, name, "requestsServed", "Requests served", .count) {
                at($0).map { Double($0.requestsServed) }
            },
            credits: add(.sharedPool, name, "credits", "Credits", .credits) { at($0)?.credits }
        )
    }

    // MARK: - Cost and series

    private mutating func costFigures() -> CostFigures {
        CostFigures(
            compute: add(.cost, "", "compute", "Compute", .money) { $0.cost?.compute },
            egress: add(.cost, "", "egress", "Egress", .money) { $0.cost?.egress },
            credits: add(.cost, "", "credits", "Credits", .money) { $0.cost?.credits },
            total: add(.cost, "", "total", "Total", .money) { $0.cost?.total },
            perMillionRequests: add(.cost, "", "perMillionRequests", "Per million requests", .money) {
                $0.cost?.perMillionRequests
            },
            perTBDelivered: add(.cost, "", "perTBDelivered", "Per TB delivered", .money) { $0.cost?.perTBDelivered }
        )
    }

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
            return SeriesPointFigures(
                startSeconds: reference.startSeconds,
                lengthSeconds: reference.lengthSeconds,
                workloads: workloads,
                zoneUtilisation: zones,
                poolOnlineFraction: pools
            )
        }
    }
}

/// `array[index]`, or nil when the index is out of range.
func element<T>(_ array: [T], _ index: Int) -> T? {
    array.indices.contains(index) ? array[index] : nil
}
