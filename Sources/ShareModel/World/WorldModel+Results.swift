public import SimCore

extension WorldModel {
    /// What the run measured from the end of the warm-up to `end` (the run's end), with
    /// `events` engine events processed.
    ///
    /// - Complexity: O(intervals × (classes + zones + pools) + requests in flight).
    public func results(at end: SimTime, events: UInt64) -> ModelResults {
        let measured = max(1e-9, (end - warmupEnd).seconds)
        var inFlight = Array(repeating: UInt64(0), count: spec.workloadClasses.count)
        for request in liveRequests where request.isCounted {
            inFlight[Int(request.workloadClass)] += 1
        }
        let workloads = spec.workloadClasses.indices.map { index in
            workloadResults(index, inFlight: inFlight[index], measured: measured)
        }
        let zoneResults = zones.indices.map { zoneResult($0, end: end) }
        let regionResults = spec.regions.indices.map { region in
            regionResult(region, zones: zoneResults, measured: measured)
        }
        let edgeResults = spec.edgeSites.indices.map { edgeResult($0, end: end, measured: measured) }
        let poolResults = pools.indices.map { poolResult($0, end: end) }
        return ModelResults(
            seed: seed,
            warmupSeconds: spec.warmup.seconds,
            durationSeconds: measured,
            intervalSeconds: spec.interval.seconds,
            eventsProcessed: events,
            workloads: workloads,
            regions: regionResults,
            zones: zoneResults,
            edgeSites: edgeResults,
            sharedPools: poolResults,
            cost: costResults(),
            series: series(until: end)
        )
    }

    /// The requests still in flight.
    var liveRequests: [ModelRequest] {
        requests.liveSlots.map { requests[$0] }
    }

    func workloadResults(_ index: Int, inFlight: UInt64, measured: Double) -> WorkloadResults {
        let tally = tallies[index]
        let histogram = tally.latency
        let empty = histogram.isEmpty
        func seconds(_ duration: SimDuration) -> Double { empty ? 0 : duration.seconds }
        let latency = LatencyResults(
            count: UInt64(histogram.count),
            mean: seconds(histogram.mean),
            p50: seconds(histogram.percentile(50)),
            p90: seconds(histogram.percentile(90)),
            p99: seconds(histogram.percentile(99)),
            p999: seconds(histogram.percentile(99.9)),
            max: seconds(histogram.max),
            cdf: LatencyResults.cdfPercentiles.map {
                LatencyPoint(percentile: $0, seconds: seconds(histogram.percentile($0)))
            }
        )
        let workload = spec.workloadClasses[index]
        return WorkloadResults(
            name: workload.name,
            kind: workload.kind.label,
            arrived: tally.arrived,
            served: tally.served,
            rejected: tally.rejected,
            failed: tally.failed,
            inFlight: inFlight,
            retries: tally.retries,
            preemptions: tally.preemptions,
            servedBy: ServedByResults(
                cloudByRegion: tally.servedByRegion,
                edge: tally.servedByEdge,
                shared: tally.servedByShared,
                origin: tally.servedByOrigin
            ),
            latency: latency,
            sloSeconds: workload.slo?.seconds,
            sloMet: tally.sloMet,
            bytesDelivered: tally.bytes,
            throughputPerSecond: Double(tally.served) / measured,
            bitsPerSecond: tally.bytes * 8 / measured,
            stallSeconds: tally.stallSeconds,
            wastedCPUSeconds: tally.wastedCPUSeconds
        )
    }

    func zoneResult(_ zone: Int, end: SimTime) -> ZoneResults {
        let metrics = zones[zone].metrics
        return ZoneResults(
            name: zones[zone].spec.name,
            region: spec.regions[zoneRegion[zone]].region.name,
            capacity: zones[zone].spec.capacity,
            utilisation: metrics.utilisation(until: end),
            meanQueueLength: metrics.meanQueueLength(until: end),
            meanWaitSeconds: metrics.waitInQueue.count == 0 ? 0 : metrics.waitInQueue.mean,
            availability: metrics.availability(until: end),
            arrived: UInt64(metrics.arrived),
            served: UInt64(metrics.served),
            rejected: UInt64(metrics.rejected),
            timedOut: UInt64(metrics.timedOut),
            failed: UInt64(metrics.failed)
        )
    }

    func regionResult(_ region: Int, zones zoneResults: [ZoneResults], measured: Double) -> RegionResults {
        var capacity = 0
        var busy = 0.0
        for zone in zones.indices where zoneRegion[zone] == region {
            capacity += zoneResults[zone].capacity
            busy += zoneResults[zone].utilisation * Double(zoneResults[zone].capacity)
        }
        let egress = spec.regions[region].egressBitsPerSecond
        return RegionResults(
            name: spec.regions[region].region.name,
            capacity: capacity,
            utilisation: capacity == 0 ? 0 : busy / Double(capacity),
            served: regionServed[region],
            egressBytes: regionEgressBytes[region],
            egressUtilisation: egress.map { regionEgressBytes[region] * 8 / ($0 * measured) }
        )
    }

    func edgeResult(_ edge: Int, end: SimTime, measured: Double) -> EdgeSiteResults {
        let site = spec.edgeSites[edge]
        var downtime = edgeDowntime[edge]
        if !edgeUp[edge] { downtime = downtime + (end - max(edgeDownSince[edge], warmupEnd)) }
        let hits = edgeHits[edge]
        let misses = edgeMisses[edge]
        return EdgeSiteResults(
            name: site.name,
            region: site.region,
            nodes: site.nodes,
            hitRatio: hits + misses == 0 ? 0 : Double(hits) / Double(hits + misses),
            byteHitRatio: edgeCaches[edge].byteHitRatio,
            hits: hits,
            misses: misses,
            bytesServed: edgeBytes[edge],
            uplinkUtilisation: edgeBytes[edge] * 8 / (site.uplinkBitsPerSecond * measured),
            availability: max(0, 1 - downtime.seconds / measured)
        )
    }

    func poolResult(_ pool: Int, end: SimTime) -> SharedPoolResults {
        let tally = poolTallies[pool]
        return SharedPoolResults(
            name: pools[pool].spec.name,
            region: spec.sharedPools[pool].region,
            devices: pools[pool].deviceCount,
            onlineFraction: pools[pool].onlineFraction.mean(until: end),
            requestsServed: tally.requestsServed,
            bytesServed: tally.bytesServed,
            credits: tally.credits,
            jobsCompleted: tally.jobsCompleted,
            cpuSeconds: tally.cpuSeconds,
            preemptions: tally.preemptions,
            transitions: pools[pool].transitionCount - tally.transitionsAtWarmup
        )
    }

    func costResults() -> CostResults? {
        guard let prices = spec.prices else { return nil }
        let summary = ledger.summary(prices: prices)
        return CostResults(
            compute: summary.compute,
            egress: summary.egress,
            credits: summary.credits,
            total: summary.total,
            perMillionRequests: summary.costPerMillionRequests,
            perTBDelivered: summary.costPerTBDelivered,
            regions: summary.regions.map {
                RegionCostResults(region: $0.region, compute: $0.compute, egress: $0.egress)
            }
        )
    }

    func series(until end: SimTime) -> [IntervalResults] {
        let served = tallies.map { $0.servedSeries.points(until: end) }
        let bytes = tallies.map { $0.bytesSeries.points(until: end) }
        let lost = tallies.map { $0.lostSeries.points(until: end) }
        let busy = zoneBusySeries.map { $0.points(until: end) }
        let online = poolOnlineSeries.map { $0.points(until: end) }
        let count = served.first?.count ?? 0
        return (0..<count).map { index in
            let reference = served[0][index]
            let seconds = reference.length.seconds
            let workloads = tallies.indices.map { workload in
                let point = served[workload][index]
                return IntervalWorkloadPoint(
                    served: UInt64(point.count),
                    lost: UInt64(lost[workload][index].count),
                    throughputPerSecond: Double(point.count) / seconds,
                    bitsPerSecond: bytes[workload][index].sum * 8 / seconds,
                    meanLatencySeconds: point.mean
                )
            }
            return IntervalResults(
                startSeconds: (reference.start - warmupEnd).seconds,
                lengthSeconds: seconds,
                workloads: workloads,
                zoneUtilisation: zones.indices.map { busy[$0][index].mean / Double(zones[$0].spec.capacity) },
                poolOnlineFraction: online.map { $0[index].mean }
            )
        }
    }
}
