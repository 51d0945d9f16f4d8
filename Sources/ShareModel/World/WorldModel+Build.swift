import SimCore

extension WorldModel {
    /// Interns every site: zones (region order), edge sites, pools.
    mutating func buildSites() throws(SpecError) {
        let regionIndex = Dictionary(uniqueKeysWithValues: spec.regions.enumerated().map { ($1.region.name, $0) })
        let kinds = CloudZone.EventKinds(completion: Kind.zoneCompletion, timeout: Kind.zoneTimeout)
        for (region, zone) in spec.zones {
            let index = zones.count
            let regionName = spec.regions[region].region.name
            zones.append(
                CloudZone(
                    spec: zone,
                    seed: seed,
                    streamName: "cloud/\(regionName)/\(zone.name)/service",
                    target: UInt32(index),
                    eventKinds: kinds
                )
            )
            zoneRegion.append(region)
            zoneDownCount.append(0)
            zoneSite.append(UInt32(sites.count))
            sites.append(.zone(index))
            siteRegion.append(region)
        }
        let catalogueObjects = spec.workloadClasses.reduce(0) { $0 + ($1.kind.content?.catalogueSize ?? 0) }
        for (index, site) in spec.edgeSites.enumerated() {
            do {
                edgeCaches.append(try LRUCache(capacityBytes: site.cacheBytes, catalogueSize: max(1, catalogueObjects)))
            } catch {
                throw error.attributed(to: .edgeSite(site.name))
            }
            edgeUp.append(true)
            edgeDownSince.append(.zero)
            edgeDowntime.append(.zero)
            edgeActiveFlows.append(0)
            edgeOriginRegion.append(regionIndex[site.originRegion]!)
            edgeSite.append(UInt32(sites.count))
            sites.append(.edge(index))
            siteRegion.append(regionIndex[site.region]!)
        }
        let servesCompute = spec.workloadClasses.contains { $0.kind.job != nil }
        let servesContent = spec.workloadClasses.contains { $0.kind.content != nil }
        for (index, placement) in spec.sharedPools.enumerated() {
            let pool = try SharedPool(
                spec: placement.pool,
                seed: seed,
                churnEventKind: Kind.churn,
                eventTarget: UInt32(index)
            )
            let devices = pool.deviceCount
            pools.append(pool)
            poolDeviceLink.append(servesContent ? Array(repeating: ModelRequest.none, count: devices) : [])
            poolDeviceUploads.append(servesContent ? Array(repeating: 0, count: devices) : [])
            poolDeviceJob.append(servesCompute ? Array(repeating: ModelRequest.none, count: devices) : [])
            poolBusyDevices.append(0)
            poolKey.append(StableHash.of("shared-pool/" + placement.pool.name))
            poolSite.append(UInt32(sites.count))
            sites.append(.pool(index))
            siteRegion.append(regionIndex[placement.region]!)
        }
        siteWeight = Array(repeating: 0, count: sites.count)
        if case .weighted(let weights) = spec.routing {
            let names = spec.siteNames
            for (site, name) in names.enumerated() { siteWeight[site] = weights[name] ?? 0 }
        }
    }

    /// Creates the shared links: region egress, edge uplinks, population access.
    mutating func buildNetwork() throws(SpecError) {
        regionActiveFlows = Array(repeating: 0, count: spec.regions.count)
        for (index, placement) in spec.regions.enumerated() {
            regionEgressLink.append(
                try addLink(
                    placement.egressBitsPerSecond,
                    owner: .regionEgress(index),
                    element: .region(placement.region.name),
                    field: .egress
                )
            )
        }
        for (index, site) in spec.edgeSites.enumerated() {
            edgeUplink.append(
                try addLink(
                    site.uplinkBitsPerSecond,
                    owner: .edgeUplink(index),
                    element: .edgeSite(site.name),
                    field: .uplink
                )
            )
        }
        for (index, population) in spec.populations.enumerated() {
            populationAccessLink.append(
                try addLink(
                    population.accessBitsPerSecond,
                    owner: .populationAccess(index),
                    element: .population(population.name),
                    field: .access
                )
            )
        }
    }

    /// A link of `capacity`, or `none` when there is no limit.
    mutating func addLink(
        _ capacity: Double?,
        owner: LinkOwner,
        element: SpecElement,
        field: SpecField
    ) throws(SpecError) -> UInt32 {
        guard let capacity else { return ModelRequest.none }
        do {
            let link = try network.addLink(capacityBitsPerSecond: capacity)
            linkOwner.append(owner)
            linkUp.append(true)
            return link.index
        } catch {
            throw error.attributed(to: element, field: field)
        }
    }

    /// Catalogues, demands with their arrival streams, and each demand's candidate sites.
    mutating func buildWork() throws(SpecError) {
        var firstCacheID = 0
        for workload in spec.workloadClasses {
            if let content = workload.kind.content {
                catalogues.append(
                    try ContentCatalogue(
                        spec: content,
                        className: workload.name,
                        firstCacheID: firstCacheID,
                        seed: seed
                    )
                )
                firstCacheID += content.catalogueSize
            } else {
                catalogues.append(nil)
            }
            workStreams.append(RandomStream(seed: seed, name: "work/\(workload.name)"))
        }
        classTraits = spec.workloadClasses.map(ClassTraits.init)
        contentShare = 1 / Double(max(1, classTraits.count { $0.hasContent }))
        poolProbes = spec.sharedPools.map(\.probes)
        poolMaxUploads = spec.sharedPools.map(\.maxUploads)
        zoneMeanService = zones.flatMap { zone in zone.spec.serviceTimes.map(\.mean) }
        let endpoints = try siteEndpoints()
        let classIndex = Dictionary(uniqueKeysWithValues: spec.workloadClasses.enumerated().map { ($1.name, $0) })
        for (populationIndex, population) in spec.populations.enumerated() {
            let client: LatencyEndpoint
            do {
                client = try LatencyEndpoint(
                    name: population.name,
                    coordinate: population.location,
                    kind: population.clientKind
                )
            } catch {
                throw error.attributed(to: .population(population.name))
            }
            for demand in population.demands {
                let workloadIndex = classIndex[demand.workloadClass]!
                let kind = spec.workloadClasses[workloadIndex].kind
                let allowed = Set(spec.candidateSites(for: population, kind: kind))
                let names = spec.siteNames
                var list: [(site: UInt32, latency: SimDuration)] = []
                for site in sites.indices where allowed.contains(names[site]) {
                    list.append((UInt32(site), spec.latency.latency(from: client, to: endpoints[site])))
                }
                list.sort { $0.latency != $1.latency ? $0.latency < $1.latency : $0.site < $1.site }
                candidates.append(list.map(\.site))
                candidateLatency.append(list.map(\.latency))
                let streamName = "arrivals/\(population.name)/\(demand.workloadClass)"
                demands.append(
                    Demand(
                        population: UInt32(populationIndex),
                        workloadClass: UInt32(workloadIndex),
                        arrivals: NonHomogeneousPoissonArrivals(profile: demand.rate),
                        stream: RandomStream(seed: seed, name: streamName),
                        objectStream: RandomStream(seed: seed, name: streamName + "/objects")
                    )
                )
            }
        }
        var regionEndpoints: [LatencyEndpoint] = []
        for placement in spec.regions {
            do {
                regionEndpoints.append(
                    try LatencyEndpoint(
                        name: placement.region.name,
                        coordinate: placement.location,
                        kind: .dataCenter
                    )
                )
            } catch {
                throw error.attributed(to: .region(placement.region.name))
            }
        }
        for index in spec.edgeSites.indices {
            let edge = endpoints[Int(edgeSite[index])]
            edgeOriginLatency.append(spec.latency.latency(from: edge, to: regionEndpoints[edgeOriginRegion[index]]))
        }
    }

    /// The latency endpoint of every site: zones at their region's location (named after
    /// the region, so measured overrides by region name apply), edge sites and pools at their own.
    func siteEndpoints() throws(SpecError) -> [LatencyEndpoint] {
        var endpoints: [LatencyEndpoint] = []
        for (region, _) in spec.zones {
            let placement = spec.regions[region]
            endpoints.append(
                try LatencyEndpoint(name: placement.region.name, coordinate: placement.location, kind: .dataCenter)
            )
        }
        for site in spec.edgeSites {
            endpoints.append(try LatencyEndpoint(name: site.name, coordinate: site.location, kind: .edgeSite))
        }
        for placement in spec.sharedPools {
            endpoints.append(
                try LatencyEndpoint(name: placement.pool.name, coordinate: placement.location, kind: .homeBroadband)
            )
        }
        return endpoints
    }

    /// Counters and series, created for the measured span (reset at the warm-up's end).
    mutating func buildMeasurement() {
        tallies = spec.workloadClasses.map { _ in
            WorkloadTally(regionCount: spec.regions.count, interval: spec.interval, origin: warmupEnd)
        }
        zoneBusySeries = zones.map { _ in
            TimeWeightedSeries(initialValue: 0, interval: spec.interval, origin: warmupEnd)
        }
        poolOnlineSeries = pools.map { _ in
            TimeWeightedSeries(initialValue: 0, interval: spec.interval, origin: warmupEnd)
        }
        poolTallies = pools.map { _ in PoolTally() }
        edgeBytes = Array(repeating: 0, count: spec.edgeSites.count)
        edgeHits = Array(repeating: 0, count: spec.edgeSites.count)
        edgeMisses = Array(repeating: 0, count: spec.edgeSites.count)
        regionEgressBytes = Array(repeating: 0, count: spec.regions.count)
        regionServed = Array(repeating: 0, count: spec.regions.count)
    }

    /// Every outage window over the run, per target (targets in stable-name order).
    mutating func buildFailures() throws(SpecError) {
        let schedule = try FailureSchedule(
            scheduled: spec.outages,
            random: spec.randomFailures,
            seed: seed,
            horizon: max(runEnd, SimTime.zero + .nanoseconds(1))
        )
        failureTargets = schedule.targets
        failureWindows = failureTargets.map { schedule.windows(for: $0) }
    }
}
