import SimCore

extension WorldModel {
    /// Interns every region and site: zones (region order), edge sites, pools.
    mutating func buildSites() throws(SpecError) {
        regions = spec.regions.map {
            RegionState(egressBitsPerSecond: $0.egressBitsPerSecond, ingressBitsPerSecond: $0.ingressBitsPerSecond)
        }
        let regionIndex = Dictionary(
            uniqueKeysWithValues: spec.regions.enumerated().map { ($1.region.name, RegionID(UInt32($0))) }
        )
        let kinds = CloudZone.EventKinds(
            completion: Kind.zoneCompletion,
            timeout: Kind.zoneTimeout,
            autoscale: Kind.zoneAutoscale,
            serversReady: Kind.zoneServersReady
        )
        let priorities = spec.workloadClasses.map(\.priority)
        for (region, zone) in spec.zones {
            let id = ZoneID(UInt32(zones.count))
            let regionID = RegionID(UInt32(region))
            let regionName = spec.regions[region].region.name
            zones.append(
                ZoneState(
                    engine: CloudZone(
                        spec: zone,
                        seed: seed,
                        streamName: "cloud/\(regionName)/\(zone.name)/service",
                        target: id.index,
                        eventKinds: kinds,
                        priorities: priorities
                    ),
                    region: regionID,
                    site: SiteID(UInt32(sites.count)),
                    busySeries: TimeWeightedSeries(initialValue: 0, interval: spec.interval, origin: warmupEnd),
                    serversSeries: TimeWeightedSeries(
                        initialValue: Double(zone.servers),
                        interval: spec.interval,
                        origin: warmupEnd
                    ),
                    autoscaled: zone.autoscaling != nil
                )
            )
            sites.append(SiteState(role: .zone(id), region: regionID))
            if regions[regionID].firstZone < 0 { regions[regionID].firstZone = id.offset }
            regions[regionID].zoneCount += 1
            regions[regionID].zonesUp += 1
        }
        let catalogueObjects = spec.workloadClasses.reduce(0) { $0 + ($1.kind.content?.catalogueSize ?? 0) }
        for (index, site) in spec.edgeSites.enumerated() {
            let cache: LRUCache
            do {
                cache = try LRUCache(capacityBytes: site.cacheBytes, catalogueSize: max(1, catalogueObjects))
            } catch {
                throw error.attributed(to: .edgeSite(site.name))
            }
            edgeSites.append(
                EdgeSiteState(
                    cache: cache,
                    site: SiteID(UInt32(sites.count)),
                    originRegion: regionIndex[site.originRegion]!,
                    uplinkBitsPerSecond: site.uplinkBitsPerSecond
                )
            )
            sites.append(SiteState(role: .edge(EdgeSiteID(UInt32(index))), region: regionIndex[site.region]!))
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
            pools.append(
                PoolState(
                    engine: pool,
                    site: SiteID(UInt32(sites.count)),
                    key: StableHash.of("shared-pool/" + placement.pool.name),
                    probes: placement.probes,
                    maxUploads: placement.maxUploads,
                    devices: PoolDevices(
                        link: servesContent ? Array(repeating: .none, count: devices) : [],
                        uploads: servesContent ? Array(repeating: 0, count: devices) : [],
                        job: servesCompute ? Array(repeating: .none, count: devices) : []
                    ),
                    onlineSeries: TimeWeightedSeries(initialValue: 0, interval: spec.interval, origin: warmupEnd)
                )
            )
            sites.append(SiteState(role: .pool(PoolID(UInt32(index))), region: regionIndex[placement.region]!))
        }
        if case .weighted(let weights) = spec.routing {
            let names = spec.siteNames
            for (site, name) in names.enumerated() { sites[site].weight = weights[name] ?? 0 }
        }
    }

    /// Creates the shared links: region egress, edge uplinks, population access, then the
    /// drawn links; resolves the paths.
    mutating func buildNetwork() throws(SpecError) {
        for (index, placement) in spec.regions.enumerated() {
            regions[index].egressLink = try addLink(
                placement.egressBitsPerSecond,
                owner: .regionEgress(RegionID(UInt32(index))),
                element: .region(placement.region.name),
                field: .egress
            )
            regions[index].ingressLink = try addLink(
                placement.ingressBitsPerSecond,
                owner: .regionIngress(RegionID(UInt32(index))),
                element: .region(placement.region.name),
                field: .ingress
            )
        }
        for (index, site) in spec.edgeSites.enumerated() {
            edgeSites[index].uplink = try addLink(
                site.uplinkBitsPerSecond,
                owner: .edgeUplink(EdgeSiteID(UInt32(index))),
                element: .edgeSite(site.name),
                field: .uplink
            )
        }
        for (index, population) in spec.populations.enumerated() {
            populations.append(
                PopulationState(
                    accessLink: try addLink(
                        population.accessBitsPerSecond,
                        owner: .populationAccess(PopulationID(UInt32(index))),
                        element: .population(population.name),
                        field: .access
                    ),
                    lines: population.lines,
                    lineStream: RandomStream(seed: seed, name: "lines/\(population.name)")
                )
            )
        }
        try buildDrawnLinks()
        linkMeters = drawnLinks.map { _ in LinkMeter(interval: spec.interval, origin: warmupEnd) }
        buildPaths()
    }

    /// A link of `capacity`, or `none` when there is no limit.
    mutating func addLink(
        _ capacity: Double?,
        owner: LinkOwner,
        element: SpecElement,
        field: SpecField
    ) throws(SpecError) -> LinkID {
        guard let capacity else { return .none }
        do {
            let link = try network.addLink(capacityBitsPerSecond: capacity)
            links.append(LinkState(owner: owner))
            return link
        } catch {
            throw error.attributed(to: element, field: field)
        }
    }

    /// Classes with their catalogues, demands with their arrival streams, and each
    /// demand's nearest candidate sites (latencies computed once per population and site).
    mutating func buildWork() throws(SpecError) {
        var firstCacheID = 0
        for workload in spec.workloadClasses {
            var catalogue: ContentCatalogue?
            if let content = workload.kind.content {
                catalogue = try ContentCatalogue(
                    spec: content,
                    className: workload.name,
                    firstCacheID: firstCacheID,
                    seed: seed
                )
                firstCacheID += content.catalogueSize
            }
            classes.append(
                WorkloadClassState(
                    traits: ClassTraits(workload),
                    catalogue: catalogue,
                    workStream: RandomStream(seed: seed, name: "work/\(workload.name)"),
                    payloadStream: RandomStream(seed: seed, name: "payload/\(workload.name)"),
                    watchStream: RandomStream(seed: seed, name: "watch/\(workload.name)"),
                    ladder: workload.playback.ladderBitsPerSecond,
                    tally: WorkloadTally(regionCount: spec.regions.count, interval: spec.interval, origin: warmupEnd)
                )
            )
        }
        contentShare = 1 / Double(max(1, classes.count { $0.traits.hasContent }))
        zoneMeanService = zones.flatMap { zone in zone.engine.spec.serviceTimes.map(\.mean) }
        serviceFloors = makeServiceFloors()
        siteEndpoints = try makeSiteEndpoints()
        let classIndex = Dictionary(uniqueKeysWithValues: spec.workloadClasses.enumerated().map { ($1.name, $0) })
        for (populationIndex, population) in spec.populations.enumerated() {
            do {
                clientEndpoints.append(
                    try LatencyEndpoint(
                        name: population.name,
                        coordinate: population.location,
                        kind: population.clientKind
                    )
                )
            } catch {
                throw error.attributed(to: .population(population.name))
            }
            let id = PopulationID(UInt32(populationIndex))
            let latencies = latenciesToSites(from: id)
            for (position, demand) in population.demands.enumerated() {
                let workloadIndex = classIndex[demand.workloadClass]!
                let kind = spec.workloadClasses[workloadIndex].kind
                // A class asked for again (a steady stream and a burst) draws from its own
                // streams: `#2`, `#3`, … after the name the first one keeps.
                let repeats = population.demands[..<position].count { $0.workloadClass == demand.workloadClass }
                let streamName =
                    "arrivals/\(population.name)/\(demand.workloadClass)" + (repeats > 0 ? "#\(repeats + 1)" : "")
                demands.append(
                    Demand(
                        population: id,
                        workloadClass: WorkloadClassID(UInt32(workloadIndex)),
                        arrivals: ArrivalGenerator(
                            process: demand.arrivals,
                            profile: demand.rate,
                            auxiliary: Self.auxiliaryStream(of: demand.arrivals, named: streamName, seed: seed)
                        ),
                        stream: RandomStream(seed: seed, name: streamName),
                        objectStream: RandomStream(seed: seed, name: streamName + "/objects"),
                        candidates: candidateList(for: id, kind: kind, latencies: latencies, keeping: candidatesPerKind)
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
        for edge in edgeSites.ids {
            let endpoint = siteEndpoints[edgeSites[edge].site.offset]
            let origin = regionEndpoints[edgeSites[edge].originRegion.offset]
            edgeSites[edge].originLatency =
                spec.latency.latency(from: endpoint, to: origin) + pathLatency(edgeSites[edge].originPath)
        }
        buildStagePlans()
    }

    /// The latency endpoint of every site: zones at their region's location (named after
    /// the region, so measured overrides by region name apply), edge sites and pools at their own.
    func makeSiteEndpoints() throws(SpecError) -> [LatencyEndpoint] {
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
        resolveFailureSubjects()
    }
}
