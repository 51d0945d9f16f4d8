public import SimCore

extension WorldModel {
    /// What the run measured from the end of the warm-up to `end` (the run's end), with
    /// `events` engine events processed.
    ///
    /// - Complexity: O(intervals × (classes + zones + pools) + requests in flight).
    public func results(at end: SimTime, events: UInt64) -> ModelResults {
        let measured = max(1e-9, (end - warmupEnd).seconds)
        var inFlight = Array(repeating: UInt64(0), count: spec.workloadClasses.count)
        for request in liveRequests where request.isCounted && request.graphFate != .answered {
            inFlight[request.workloadClass.offset] += 1
        }
        let workloads = spec.workloadClasses.indices.map { index in
            workloadResults(index, inFlight: inFlight[index], measured: measured, end: end)
        }
        let zoneResults = zones.indices.map { zoneResult($0, end: end) }
        let regionResults = spec.regions.indices.map { region in
            regionResult(region, zones: zoneResults, measured: measured)
        }
        let edgeResults = spec.edgeSites.indices.map { edgeResult($0, end: end, measured: measured) }
        let poolResults = pools.indices.map { poolResult($0, end: end) }
        let linkSeries = linkSeries(until: end)
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
            cost: costResults(end: end, measured: measured),
            series: series(until: end, links: linkSeries),
            warnings: Optional(warnings(workloads: workloads, zones: zoneResults)).flatMap { $0.isEmpty ? nil : $0 },
            arrivals: arrivalResults(),
            links: linkResults(end: end, measured: measured, series: linkSeries)
        )
    }

    /// The figures of every drawn link, from its `series` (``linkSeries(until:)``), or nil
    /// when the spec draws none.
    func linkResults(end: SimTime, measured: Double, series: [[IntervalLinkPoint]]) -> [LinkResults]? {
        guard !spec.links.isEmpty else { return nil }
        return spec.links.enumerated().map { index, link in
            let points = series[index]
            let lengths = linkMeters[index].flows.points(until: end).map { Double($0.length.nanoseconds) / 1e9 }
            let bytes = points.reduce(0) { $0 + $1.bytes }
            let flowSeconds = zip(points, lengths).reduce(0) { $0 + $1.0.meanFlows * $1.1 }
            return LinkResults(
                name: link.name,
                capacityBitsPerSecond: link.capacityBitsPerSecond,
                latencySeconds: spec.oneWayLatency(of: link).seconds,
                bytes: bytes,
                utilisation: LinkMeter.utilisation(
                    bytes: bytes,
                    capacity: link.capacityBitsPerSecond,
                    seconds: measured
                ),
                peakUtilisation: points.map(\.utilisation).max() ?? 0,
                meanFlows: measured > 0 ? flowSeconds / measured : 0,
                downSeconds: measuredDowntime(of: .link(link.name), end: end)
            )
        }
    }

    /// The measured seconds `target` was down by its outage windows (overlaps once), up to `end`.
    func measuredDowntime(of target: FailureTarget, end: SimTime) -> Double {
        guard let index = failureTargets.firstIndex(of: target) else { return 0 }
        var seconds = 0.0
        var covered = warmupEnd
        for window in failureWindows[index].sorted(by: { $0.start < $1.start }) {
            let start = max(window.start, covered)
            let stop = min(window.end, end)
            if stop > start { seconds += (stop - start).seconds }
            covered = max(covered, stop)
        }
        return seconds
    }

    /// Every synthetic demand's process and measured arrivals, when some demand is not
    /// Poisson; else nil (a trace's demands are listed only when they also draw arrivals).
    func arrivalResults() -> [DemandArrivalResults]? {
        let synthetic = demands.ids.filter { !demands[$0].isReplayOnly }
        guard synthetic.contains(where: { demands[$0].arrivals.process != .poisson }) else { return nil }
        return synthetic.map { id in
            DemandArrivalResults(
                population: spec.populations[demands[id].population.offset].name,
                workload: spec.workloadClasses[demands[id].workloadClass.offset].name,
                process: demands[id].arrivals.process.summary,
                arrived: demands[id].arrived
            )
        }
    }

    /// The requests still in flight.
    var liveRequests: [ModelRequest] {
        requests.liveSlots.map { requests[$0] }
    }

    /// The results of workload class `index`, with `inFlight` of its requests still in flight,
    /// over a measured span ending at `end`.
    func workloadResults(_ index: Int, inFlight: UInt64, measured: Double, end: SimTime) -> WorkloadResults {
        let tally = classes[index].tally
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
        var results = WorkloadResults(
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
            wastedCPUSeconds: tally.wastedCPUSeconds,
            duringOutages: outageWindowResults(tally.duringOutages, end: end)
        )
        if workload.requestBytes != nil {
            results.bytesUp = tally.bytesUp
            results.upBitsPerSecond = tally.bytesUp * 8 / measured
        }
        if let firstByte = tally.firstByte, !firstByte.isEmpty {
            results.timeToFirstByteP50 = firstByte.percentile(50).seconds
            results.timeToFirstByteP99 = firstByte.percentile(99).seconds
        }
        if classes[index].traits.streamBitrate > 0 {
            let startup = tally.startupDelay.flatMap { $0.isEmpty ? nil : $0 }
            results.playback = PlaybackResults(
                sessions: tally.served,
                startup: startup.map {
                    ($0.percentile(50).seconds, $0.percentile(90).seconds, $0.percentile(99).seconds, $0.mean.seconds)
                },
                rebuffers: tally.rebuffers,
                rebufferedSessions: tally.rebufferedSessions,
                watchedSeconds: tally.watchedSeconds,
                stallSeconds: tally.stallSeconds,
                receivedMediaSeconds: tally.receivedMediaSeconds,
                receivedMediaBits: tally.receivedMediaBits
            )
        }
        if classes[index].stagePlan >= 0 {
            results.stages = stageResults(of: index, meanLatency: tally.latency.isEmpty ? 0 : latency.mean)
        }
        if hasHealthChecks {
            results.sentToDeadSites = tally.sentToDeadSites
            results.retriedServed = tally.retriedServed
            results.meanRetryDelaySeconds =
                tally.retriedServed == 0 ? nil : tally.retryDelaySeconds / Double(tally.retriedServed)
        }
        return results
    }

    /// `tally` as results, or nil when nothing was down in the measured span up to `end`.
    func outageWindowResults(_ tally: OutageTally, end: SimTime) -> OutageWindowResults? {
        let window = outageClock.measuredSeconds(until: end, measuringFrom: warmupEnd)
        guard window > 0 else { return nil }
        let latency = tally.latency.flatMap { $0.isEmpty ? nil : $0 }
        return OutageWindowResults(
            windowSeconds: window,
            arrived: tally.arrived,
            served: tally.served,
            lost: tally.lost,
            latencyP50: latency?.percentile(50).seconds,
            latencyP99: latency?.percentile(99).seconds
        )
    }

    /// What the health checker of `site` saw, or nil when it is not checked.
    func detectionResult(_ site: SiteID) -> DetectionResults? {
        let index = Int(sites[site].probe)
        guard index >= 0 else { return nil }
        let tally = probes[index].tally
        let detected = tally.detected > 0
        return DetectionResults(
            outagesDetected: tally.detected,
            meanDetectionSeconds: detected ? tally.delaySum / Double(tally.detected) : nil,
            minDetectionSeconds: detected ? tally.delayMin : nil,
            maxDetectionSeconds: detected ? tally.delayMax : nil,
            undetectedOutages: tally.undetected,
            lateMarkDowns: tally.lateMarkDowns,
            recoveriesDetected: tally.recovered,
            meanRecoverySeconds: tally.recovered > 0 ? tally.recoveryDelaySum / Double(tally.recovered) : nil
        )
    }

    /// The results of zone `zone` at `end`.
    func zoneResult(_ zone: Int, end: SimTime) -> ZoneResults {
        let metrics = zones[zone].engine.metrics
        return ZoneResults(
            name: zones[zone].engine.spec.name,
            region: spec.regions[zones[zone].region.offset].region.name,
            capacity: zones[zone].engine.spec.capacity,
            utilisation: metrics.utilisation(until: end),
            meanQueueLength: metrics.meanQueueLength(until: end),
            meanWaitSeconds: metrics.waitInQueue.count == 0 ? 0 : metrics.waitInQueue.mean,
            availability: metrics.availability(until: end),
            arrived: UInt64(metrics.arrived),
            served: UInt64(metrics.served),
            rejected: UInt64(metrics.rejected),
            timedOut: UInt64(metrics.timedOut),
            failed: UInt64(metrics.failed),
            detection: detectionResult(zones[zone].site),
            autoscaling: autoscalingResult(zones[zone].engine, end: end)
        )
    }

    /// What the autoscaler of `zone` did up to `end`, or nil when it has no policy.
    func autoscalingResult(_ zone: CloudZone, end: SimTime) -> AutoscalingResults? {
        guard zone.spec.autoscaling != nil else { return nil }
        let metrics = zone.metrics
        let cores = Double(zone.spec.coresPerServer)
        return AutoscalingResults(
            minServers: metrics.provisionedCores.min / cores,
            meanServers: metrics.provisionedCores.mean(until: end) / cores,
            maxServers: metrics.provisionedCores.max / cores,
            scaleOuts: UInt64(metrics.scaleOuts),
            scaleIns: UInt64(metrics.scaleIns),
            evaluationsAtMax: UInt64(metrics.evaluationsAtMax),
            meanCoresInService: metrics.servingCores.mean(until: end)
        )
    }

    /// The results of region `region`, its zones' figures summed from `zoneResults`; its
    /// utilisation weighs each zone by its cores in service (time-weighted for an autoscaled
    /// zone, whose ``ZoneResults/capacity`` is its starting capacity).
    func regionResult(_ region: Int, zones zoneResults: [ZoneResults], measured: Double) -> RegionResults {
        var capacity = 0
        var cores = 0.0
        var busy = 0.0
        for zone in zones.indices where zones[zone].region.offset == region {
            let result = zoneResults[zone]
            let inService = result.autoscaling?.meanCoresInService ?? Double(result.capacity)
            capacity += result.capacity
            cores += inService
            busy += result.utilisation * inService
        }
        let egress = spec.regions[region].egressBitsPerSecond
        var results = RegionResults(
            name: spec.regions[region].region.name,
            capacity: capacity,
            utilisation: cores > 0 ? busy / cores : 0,
            served: regions[region].served,
            egressBytes: regions[region].egressBytes,
            egressUtilisation: egress.map { regions[region].egressBytes * 8 / ($0 * measured) }
        )
        if let samples = backhaulSamples {
            let bytes = regions[region].ingressBytes
            results.backhaulBytes = bytes
            results.backhaulMeanBitsPerSecond = bytes * 8 / measured
            results.backhaul95thBitsPerSecond = samples.percentileMbps(link: region, percentile: 95) * 1e6
            results.backhaulUtilisation = spec.regions[region].ingressBitsPerSecond.map { bytes * 8 / ($0 * measured) }
        }
        return results
    }

    /// The results of edge site `edge` at `end`.
    func edgeResult(_ edge: Int, end: SimTime, measured: Double) -> EdgeSiteResults {
        let site = spec.edgeSites[edge]
        let state = edgeSites[edge]
        var downtime = state.downtime
        if !state.isUp { downtime = downtime + (end - max(state.downSince, warmupEnd)) }
        let hits = state.hits
        let misses = state.misses
        return EdgeSiteResults(
            name: site.name,
            region: site.region,
            nodes: site.nodes,
            hitRatio: hits + misses == 0 ? 0 : Double(hits) / Double(hits + misses),
            byteHitRatio: state.cache.byteHitRatio,
            hits: hits,
            misses: misses,
            bytesServed: state.bytes,
            uplinkUtilisation: state.bytes * 8 / (site.uplinkBitsPerSecond * measured),
            availability: max(0, 1 - downtime.seconds / measured),
            detection: detectionResult(state.site)
        )
    }

    /// The results of shared pool `pool` at `end`.
    func poolResult(_ pool: Int, end: SimTime) -> SharedPoolResults {
        let tally = pools[pool].tally
        let engine = pools[pool].engine
        return SharedPoolResults(
            name: engine.spec.name,
            region: spec.sharedPools[pool].region,
            devices: engine.deviceCount,
            onlineFraction: engine.onlineFraction.mean(until: end),
            requestsServed: tally.requestsServed,
            bytesServed: tally.bytesServed,
            credits: tally.credits,
            jobsCompleted: tally.jobsCompleted,
            cpuSeconds: tally.cpuSeconds,
            preemptions: tally.preemptions,
            transitions: engine.transitionCount - tally.transitionsAtWarmup
        )
    }

    /// The costs, if the spec has prices, of `measured` seconds ending at `end`: the ledger's
    /// recorded quantities plus provisioned cores (every zone's capacity for the whole span,
    /// busy or not, up or not; an autoscaled zone's paid cores, time-weighted: in service,
    /// starting up and retiring) and storage lent (each pool's storage × its time-weighted
    /// online fraction, since an offline device's storage cannot be used).
    func costResults(end: SimTime, measured: Double) -> CostResults? {
        guard let prices = spec.prices else { return nil }
        var billed = ledger
        billed.endMeasurement(seconds: measured)
        for zone in zones.indices {
            let engine = zones[zone].engine
            billed.recordProvisioned(
                region: CostRegionID(zones[zone].region.index),
                coreSeconds: engine.spec.autoscaling == nil
                    ? Double(engine.spec.capacity) * measured
                    : engine.metrics.provisionedCores.integral(until: end)
            )
        }
        for pool in pools.indices where pool < billed.poolBytes.count {
            let engine = pools[pool].engine
            let storage = engine.storageBytes.reduce(0.0) { $0 + Double($1) }
            billed.recordStorage(pool: pool, byteSeconds: storage * engine.onlineFraction.mean(until: end) * measured)
        }
        return CostResults(billed.summary(prices: prices))
    }

    /// The per-interval series from the end of the warm-up to `end`, with each drawn link's
    /// points from `links` (``linkSeries(until:)``).
    func series(until end: SimTime, links: [[IntervalLinkPoint]]) -> [IntervalResults] {
        let served = classes.map { $0.tally.servedSeries.points(until: end) }
        let bytes = classes.map { $0.tally.bytesSeries.points(until: end) }
        let lost = classes.map { $0.tally.lostSeries.points(until: end) }
        let arrived = classes.map { $0.tally.arrivedSeries.points(until: end) }
        let quantiles = classes.map { $0.tally.latencyQuantiles.points(until: end) }
        let busy = zones.map { $0.busySeries.points(until: end) }
        let online = pools.map { $0.onlineSeries.points(until: end) }
        let autoscaled = zones.contains { $0.autoscaled }
        let servers = autoscaled ? zones.map { $0.serversSeries.points(until: end) } : []
        let count = served.first?.count ?? 0
        return (0..<count).map { index in
            let reference = served[0][index]
            let seconds = reference.length.seconds
            let workloads = classes.indices.map { workload in
                let point = served[workload][index]
                let latency = quantiles[workload].indices.contains(index) ? quantiles[workload][index] : nil
                return IntervalWorkloadPoint(
                    served: UInt64(point.count),
                    lost: UInt64(lost[workload][index].count),
                    throughputPerSecond: Double(point.count) / seconds,
                    bitsPerSecond: bytes[workload][index].sum * 8 / seconds,
                    meanLatencySeconds: point.mean,
                    latencyP50Seconds: latency?.p50.seconds,
                    latencyP99Seconds: latency?.p99.seconds,
                    arrived: UInt64(arrived[workload][index].count)
                )
            }
            return IntervalResults(
                startSeconds: (reference.start - warmupEnd).seconds,
                lengthSeconds: seconds,
                workloads: workloads,
                zoneUtilisation: zones.indices.map { zone in
                    // An autoscaled zone's busy cores over its paid cores in the interval.
                    let cores =
                        zones[zone].autoscaled
                        ? servers[zone][index].mean * Double(zones[zone].engine.spec.coresPerServer)
                        : Double(zones[zone].engine.spec.capacity)
                    return cores > 0 ? busy[zone][index].mean / cores : 0
                },
                poolOnlineFraction: online.map { $0[index].mean },
                zoneServers: autoscaled ? servers.map { $0[index].mean } : nil,
                links: links.isEmpty ? nil : links.map { $0.indices.contains(index) ? $0[index] : .idle }
            )
        }
    }
}
