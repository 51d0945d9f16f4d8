public import SimCore

extension ModelBenchmarks {
    /// The size of the topology `sharesim bench model topology` builds.
    public struct TopologySize: Hashable, Sendable {
        /// Cloud regions, each the centre of a cluster of zones, edge sites and populations.
        public var regions: Int
        /// Zones in all, dealt to the regions in turn.
        public var zones: Int
        /// Edge sites in all, dealt to the regions in turn.
        public var edgeSites: Int
        /// Populations in all, dealt to the regions in turn.
        public var populations: Int

        /// A topology of `regions` clusters holding `zones`, `edgeSites` and `populations`
        /// between them; each count at least `regions`.
        public init(regions: Int, zones: Int, edgeSites: Int, populations: Int) {
            self.regions = regions
            self.zones = zones
            self.edgeSites = edgeSites
            self.populations = populations
        }

        /// Alibaba Cloud's scale, with the seed's 3,200 edge nodes as 3,200 sites: 29 regions,
        /// 1,000 zones, 3,200 edge sites and 300 populations.
        public static let full = TopologySize(regions: 29, zones: 1_000, edgeSites: 3_200, populations: 300)
    }

    /// A global footprint of `size`: regions placed over the map, each with its zones at its
    /// centre and its edge sites within 800 km of it, and populations within 600 km of a
    /// region, each sending orders (a transaction, exp(20 ms) of a zone core) and downloads
    /// (2 MB objects of a 10,000-object catalogue with Zipf 0.8 popularity, cached at the
    /// edge sites) at `requestsPerSecond` in all, half of each, routed by `routing`.
    ///
    /// The places are drawn from fixed streams, so the same size gives the same spec on every
    /// machine. Zones have 64 cores each, so the nearest zone of a region can take all its
    /// populations' orders.
    ///
    /// - Precondition: each count of `size` is at least `size.regions`, and `regions` is at least 1.
    public static func topology(
        _ size: TopologySize,
        requestsPerSecond: Double,
        routing: RoutingPolicy = .nearestHealthy,
        duration: SimDuration
    ) throws -> ModelSpec {
        precondition(
            size.regions >= 1 && min(size.zones, size.edgeSites, size.populations) >= size.regions,
            "a topology needs at least one zone, edge site and population per region"
        )
        var placement = RandomStream(seed: 1, name: "bench/topology/places")
        let centres = try (0..<size.regions).map { _ in
            try GeoCoordinate(latitude: -35 + 90 * placement.nextUnit(), longitude: -175 + 350 * placement.nextUnit())
        }
        let orderService = SampledDistribution.exponential(try ExponentialDistribution(mean: 0.02))
        let requestHandling = SampledDistribution.constant(try ConstantDistribution(0.001))
        var regions: [CloudRegionPlacement] = []
        for region in 0..<size.regions {
            let zones = try stride(from: region, to: size.zones, by: size.regions).map { zone in
                try ZoneSpec(
                    name: "zone-\(zone)",
                    servers: 8,
                    coresPerServer: 8,
                    serviceTimes: [orderService, requestHandling],
                    maxWaiting: 10_000
                )
            }
            regions.append(
                CloudRegionPlacement(
                    region: try RegionSpec(name: "region-\(region)", zones: zones),
                    location: centres[region]
                )
            )
        }
        let edgeSites = try (0..<size.edgeSites).map { edge in
            let region = edge % size.regions
            return EdgeSiteSpec(
                name: "edge-\(edge)",
                location: try place(around: centres[region], withinKilometres: 800, using: &placement),
                region: "region-\(region)",
                originRegion: "region-\(region)",
                cacheBytes: 2_000_000_000,
                uplinkBitsPerSecond: 10e9
            )
        }
        let perPopulation = requestsPerSecond / 2 / Double(size.populations)
        let populations = try (0..<size.populations).map { population in
            PopulationSpec(
                name: "users-\(population)",
                location: try place(
                    around: centres[population % size.regions],
                    withinKilometres: 600,
                    using: &placement
                ),
                demands: [
                    WorkloadDemand(workloadClass: "orders", rate: try .constant(ratePerSecond: perPopulation)),
                    WorkloadDemand(workloadClass: "downloads", rate: try .constant(ratePerSecond: perPopulation)),
                ]
            )
        }
        let content = ContentSpec(
            catalogueSize: 10_000,
            zipfExponent: 0.8,
            objectBytes: .constant(try ConstantDistribution(2e6))
        )
        return ModelSpec(
            regions: regions,
            edgeSites: edgeSites,
            populations: populations,
            workloadClasses: [
                WorkloadClassSpec(name: "orders", kind: .transaction, slo: .milliseconds(200)),
                WorkloadClassSpec(name: "downloads", kind: .download(content)),
            ],
            routing: routing,
            latency: try LatencyModel(),
            duration: duration,
            interval: .seconds(10)
        )
    }

    /// A point drawn uniformly from the disc of `radius` kilometres around `centre` (on a
    /// local flat map, which is close enough at these distances).
    static func place(
        around centre: GeoCoordinate,
        withinKilometres radius: Double,
        using stream: inout RandomStream
    ) throws(SpecError) -> GeoCoordinate {
        let distance = radius * PortableMath.sqrt(stream.nextUnit())
        let bearing = 2 * Double.pi * stream.nextUnit()
        let kilometresPerDegree = 111.195
        let latitude = centre.latitude + distance * PortableMath.cos(bearing) / kilometresPerDegree
        let perDegreeOfLongitude = kilometresPerDegree * PortableMath.cos(latitude * Double.pi / 180)
        var longitude = centre.longitude + distance * PortableMath.sin(bearing) / perDegreeOfLongitude
        if longitude > 180 { longitude -= 360 }
        if longitude < -180 { longitude += 360 }
        return try GeoCoordinate(latitude: latitude, longitude: longitude)
    }
}
