import SimCore

@testable import ShareModel

/// Small builders for whole-model specs in tests.
enum WorldFixture {
    static func place(_ latitude: Double, _ longitude: Double) throws -> GeoCoordinate {
        try GeoCoordinate(latitude: latitude, longitude: longitude)
    }

    static func exponential(mean: Double) throws -> SampledDistribution {
        .exponential(try ExponentialDistribution(mean: mean))
    }

    static func constant(_ value: Double) throws -> SampledDistribution {
        .constant(try ConstantDistribution(value))
    }

    static func rate(_ perSecond: Double) throws -> RateProfile {
        try RateProfile.constant(ratePerSecond: perSecond)
    }

    /// A region at `location` with one zone per entry of `zones` (name, cores), every class
    /// served in `service`.
    static func region(
        _ name: String,
        at location: GeoCoordinate,
        zones: [(String, Int)],
        service: [SampledDistribution],
        maxWaiting: Int? = nil,
        timeout: SimDuration? = nil,
        egress: Double? = nil
    ) throws -> CloudRegionPlacement {
        let specs = try zones.map { zone throws(SpecError) in
            try ZoneSpec(
                name: zone.0,
                servers: zone.1,
                coresPerServer: 1,
                serviceTimes: service,
                maxWaiting: maxWaiting,
                timeout: timeout
            )
        }
        return CloudRegionPlacement(
            region: try RegionSpec(name: name, zones: specs),
            location: location,
            egressBitsPerSecond: egress
        )
    }

    /// A pool whose devices are online practically all the time (sessions of 10⁹ s on, 1 s off).
    static func alwaysOnPool(
        _ name: String,
        devices: Int,
        storage: Double,
        uplink: Double = 20e6,
        cores: Double = 2
    ) throws -> SharedPoolSpec {
        SharedPoolSpec(
            name: name,
            deviceCount: devices,
            uplinkBitsPerSecond: try constant(uplink),
            storageBytes: try constant(storage),
            cpuCores: try constant(cores),
            onSessionSeconds: try constant(1e9),
            offSessionSeconds: try constant(1)
        )
    }

    static func latency() throws -> LatencyModel { try LatencyModel() }
}
