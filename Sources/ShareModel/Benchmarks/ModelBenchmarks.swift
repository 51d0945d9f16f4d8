public import SimCore

/// Whole-model workloads for `sharesim bench model`: the scale targets of the model.
public enum ModelBenchmarks {
    /// A pool of `devices` home devices in Hong Kong with churn (Weibull online sessions of
    /// mean about 1 h, lognormal offline gaps of median 2 h), serving `requestsPerSecond`
    /// video downloads shared-first with a cloud fallback, for `duration`.
    public static func sharedPool(devices: Int, requestsPerSecond: Double, duration: SimDuration) throws -> ModelSpec {
        let hongKong = try GeoCoordinate(latitude: 22.32, longitude: 114.17)
        let shenzhen = try GeoCoordinate(latitude: 22.54, longitude: 114.06)
        let pool = SharedPoolSpec(
            name: "hk-homes",
            deviceCount: devices,
            uplinkBitsPerSecond: .uniform(try UniformDistribution(lower: 20e6, upper: 100e6)),
            storageBytes: .constant(try ConstantDistribution(500e9)),
            cpuCores: .constant(try ConstantDistribution(2)),
            onSessionSeconds: .weibull(try WeibullDistribution(shape: 0.7, scale: 2_800)),
            offSessionSeconds: .logNormal(try LogNormalDistribution(mu: PortableMath.log(7_200), sigma: 1)),
            natFraction: 0.3,
            creditsPerGB: 1
        )
        let zone = try ZoneSpec(
            name: "sz-a",
            servers: 200,
            coresPerServer: 32,
            serviceTimes: [.constant(try ConstantDistribution(0.002))]
        )
        return ModelSpec(
            regions: [
                CloudRegionPlacement(
                    region: try RegionSpec(name: "cn-shenzhen", zones: [zone]),
                    location: shenzhen,
                    egressBitsPerSecond: 400e9
                )
            ],
            sharedPools: [SharedPoolPlacement(pool: pool, location: hongKong, region: "cn-shenzhen", probes: 4)],
            populations: [
                PopulationSpec(
                    name: "hong-kong",
                    location: hongKong,
                    demands: [
                        WorkloadDemand(
                            workloadClass: "video",
                            rate: try RateProfile.constant(ratePerSecond: requestsPerSecond)
                        )
                    ]
                )
            ],
            workloadClasses: [
                WorkloadClassSpec(
                    name: "video",
                    kind: .download(
                        ContentSpec(
                            catalogueSize: 100_000,
                            zipfExponent: 0.8,
                            objectBytes: .constant(try ConstantDistribution(20e6))
                        )
                    )
                )
            ],
            routing: .sharedFirst,
            latency: try LatencyModel(),
            duration: duration,
            interval: .seconds(60)
        )
    }

    /// A public cloud of `regions` regions with `zonesPerRegion` zones each, placed around
    /// the globe, with one population per region sending `transactionsPerSecond` orders in
    /// all (exponential service of 20 ms), routed to the lowest expected latency.
    public static func multiRegionCloud(
        regions: Int,
        zonesPerRegion: Int,
        transactionsPerSecond: Double,
        duration: SimDuration
    ) throws -> ModelSpec {
        var placements: [CloudRegionPlacement] = []
        var populations: [PopulationSpec] = []
        let perRegion = transactionsPerSecond / Double(regions)
        // Enough cores per zone for 60% utilisation at an even share of the load.
        let cores = max(1, Int((perRegion * 0.02 / Double(zonesPerRegion) / 0.6).rounded(.up)))
        for index in 0..<regions {
            let latitude = -40 + 80 * Double(index % 9) / 8
            let longitude = -180 + 360 * Double(index) / Double(regions)
            let location = try GeoCoordinate(latitude: latitude, longitude: longitude)
            let zones = try (0..<zonesPerRegion).map { zone in
                try ZoneSpec(
                    name: "r\(index)-z\(zone)",
                    servers: cores,
                    coresPerServer: 1,
                    serviceTimes: [.exponential(try ExponentialDistribution(mean: 0.02))],
                    maxWaiting: 10_000
                )
            }
            placements.append(
                CloudRegionPlacement(region: try RegionSpec(name: "region-\(index)", zones: zones), location: location)
            )
            populations.append(
                PopulationSpec(
                    name: "users-\(index)",
                    location: location,
                    demands: [
                        WorkloadDemand(
                            workloadClass: "orders",
                            rate: try RateProfile.constant(ratePerSecond: perRegion)
                        )
                    ]
                )
            )
        }
        return ModelSpec(
            regions: placements,
            populations: populations,
            workloadClasses: [WorkloadClassSpec(name: "orders", kind: .transaction, slo: .milliseconds(200))],
            routing: .lowestLatency,
            latency: try LatencyModel(),
            duration: duration,
            interval: .seconds(10)
        )
    }
}
