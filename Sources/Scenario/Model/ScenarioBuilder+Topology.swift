import ShareModel
import SimCore

/// A region as read, with its prices.
struct DecodedRegion {
    var placement: CloudRegionPlacement
    var price: (coreHour: Double, egressGB: Double)?
}

extension ScenarioBuilder {
    static let latitudeLongitude = ValueParser<[Double]>(expecting: "[latitude, longitude] in degrees") { node in
        guard let elements = node.sequenceElements, elements.count == 2 else {
            return .failure(ValueError("expected [latitude, longitude] in degrees, got \(node.summary)"))
        }
        var values: [Double] = []
        for element in elements {
            switch ValueParser<Double>.number.parse(element) {
            case .success(let value): values.append(value)
            case .failure(let error): return .failure(error)
            }
        }
        return .success(values)
    }

    /// A `location` field as a coordinate.
    func location(_ reader: inout MappingReader) -> GeoCoordinate? {
        guard let pair = reader.required("location", as: Self.latitudeLongitude) else { return nil }
        do {
            return try GeoCoordinate(latitude: pair[0], longitude: pair[1])
        } catch {
            reader.error(
                "invalid 'location' in \(reader.context): \(error)",
                at: reader.entry("location")?.value ?? reader.node
            )
            return nil
        }
    }

    mutating func readRegions(_ top: inout MappingReader, workloads: [DecodedWorkload]) -> [DecodedRegion]? {
        var builder = self
        let regions =
            top.named("regions", element: "region") { region, name -> DecodedRegion? in
                builder.elements["region '\(name)'"] = region.node
                return builder.readRegion(&region, name: name, workloads: workloads)
            } ?? []
        self = builder
        regionNames = regions.map(\.placement.region.name)
        zoneNames = regions.flatMap { $0.placement.region.zones.map(\.name) }
        siteNames += zoneNames
        return regions
    }

    mutating func readRegion(
        _ region: inout MappingReader,
        name: String,
        workloads: [DecodedWorkload]
    ) -> DecodedRegion? {
        let location = location(&region)
        let egress = region.optional("egress", as: ValueParser<Double>.dataRate.positive)
        let price = region.mapping("price") { price in
            (
                price.required("core_hour", as: .price(per: .duration)),
                price.required("egress", as: .price(per: .dataSize))
            )
        }
        var zones: [ZoneSpec]?
        if let node = region.node("zones") {
            if node.mappingEntries != nil, node["count"] != nil {
                zones = readZoneTemplate(node, region: name, workloads: workloads)
            } else {
                var builder = self
                var holder = MappingReader(
                    ScenarioNode.mapping(
                        [MappingEntry(key: "zones", keyLocation: node.location, value: node)],
                        at: node.location
                    ),
                    context: "region '\(name)'"
                )
                zones = holder.named("zones", element: "zone") { zone, zoneName -> ZoneSpec? in
                    builder.elements["zone '\(zoneName)'"] = zone.node
                    return builder.readZone(&zone, name: zoneName, workloads: workloads)
                }
                diagnostics.append(contentsOf: holder.finish())
                elements = builder.elements
            }
        } else {
            region.error("missing required field 'zones' in region '\(name)'")
        }
        guard let location, let zones else { return nil }
        do {
            let spec = try RegionSpec(name: name, zones: zones)
            var pricing: (Double, Double)?
            if let price, let core = price.0, let egressPrice = price.1 {
                pricing = (core.amountPerBaseUnit * 3_600, egressPrice.amountPerBaseUnit * 1e9)
            }
            return DecodedRegion(
                placement: CloudRegionPlacement(region: spec, location: location, egressBitsPerSecond: egress),
                price: pricing
            )
        } catch {
            region.error("invalid region '\(name)': \(error)")
            return nil
        }
    }

    /// `zones: {count: N, ...}`: N identical zones named `<region>-a`, `-b`, ...
    mutating func readZoneTemplate(_ node: ScenarioNode, region: String, workloads: [DecodedWorkload]) -> [ZoneSpec]? {
        var zones: [ZoneSpec] = []
        var failed = false
        var local = Diagnostics()
        var named: [String] = []
        let builder = self
        MappingReader.read(node, context: "'zones' in region '\(region)'", into: &local) { template in
            guard let count = template.required("count", as: ValueParser<Int>.count.atLeast(1).atMost(26)) else {
                template.ignore("servers", "cores", "queue", "timeout", "service")
                failed = true
                return
            }
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            var first: ZoneSpec?
            for index in 0..<count {
                let name = "\(region)-\(letters[index])"
                named.append(name)
                if index == 0 {
                    first = builder.readZone(&template, name: name, workloads: workloads)
                } else if let first {
                    do {
                        zones.append(
                            try ZoneSpec(
                                name: name,
                                servers: first.servers,
                                coresPerServer: first.coresPerServer,
                                serviceTimes: first.serviceTimes,
                                maxWaiting: first.maxWaiting,
                                timeout: first.timeout
                            )
                        )
                    } catch {
                        failed = true
                    }
                }
                if index == 0 { if let first { zones.append(first) } else { failed = true } }
            }
        }
        diagnostics.append(contentsOf: local)
        for name in named { elements["zone '\(name)'"] = node }
        return failed ? nil : zones
    }

    func readZone(_ zone: inout MappingReader, name: String, workloads: [DecodedWorkload]) -> ZoneSpec? {
        let servers = zone.required("servers", as: ValueParser<Int>.count.atLeast(1))
        let cores = zone.optional("cores", as: ValueParser<Int>.count.atLeast(1), default: 1)
        let queue = zone.optional("queue", as: .count)
        let timeout = zone.optional("timeout", as: ValueParser<SimDuration>.simDuration.positiveDuration)
        var service = workloads.map(\.service)
        let names = workloads.map(\.spec.name)
        if let overrides = zone.node("service") {
            if let entries = overrides.mappingEntries {
                for entry in entries {
                    guard let index = names.firstIndex(of: entry.key) else {
                        zone.error(
                            "'service' in zone '\(name)' names unknown workload '\(entry.key)'",
                            at: ScenarioNode.null(at: entry.keyLocation),
                            suggestion: Suggestions.best(for: entry.key, among: names)
                        )
                        continue
                    }
                    switch ValueParser<SampledDistribution>.distribution(of: .duration).parse(entry.value) {
                    case .success(let distribution): service[index] = distribution
                    case .failure(let error):
                        zone.error(
                            "invalid 'service.\(entry.key)' in zone '\(name)': \(error.message)",
                            at: entry.value,
                            suggestion: error.suggestion
                        )
                    }
                }
            } else {
                zone.error(
                    "expected a mapping of workload name to service time for 'service' in zone '\(name)', got \(overrides.summary)",
                    at: overrides
                )
            }
        }
        guard let servers, !service.isEmpty else { return nil }
        do {
            return try ZoneSpec(
                name: name,
                servers: servers,
                coresPerServer: cores,
                serviceTimes: service,
                maxWaiting: queue,
                timeout: timeout
            )
        } catch {
            zone.error("invalid zone '\(name)': \(error)")
            return nil
        }
    }

    mutating func readEdgeSites(_ top: inout MappingReader) -> [EdgeSiteSpec]? {
        var builder = self
        let sites =
            top.named("edge_sites", element: "edge site") { site, name -> EdgeSiteSpec? in
                builder.elements["edge site '\(name)'"] = site.node
                let location = builder.location(&site)
                let region = site.required("region", as: .name)
                let origin = site.required("origin", as: .name)
                builder.requireKnown(
                    region ?? "",
                    among: builder.regionNames,
                    kind: "region",
                    from: "edge site '\(name)'",
                    at: region == nil ? nil : site.entry("region")?.value
                )
                builder.requireKnown(
                    origin ?? "",
                    among: builder.regionNames,
                    kind: "region",
                    from: "edge site '\(name)'",
                    at: origin == nil ? nil : site.entry("origin")?.value
                )
                let cache = site.required("cache", as: ValueParser<Double>.dataSize.positive)
                let uplink = site.required("uplink", as: ValueParser<Double>.dataRate.positive)
                let nodes = site.optional("nodes", as: ValueParser<Int>.count.atLeast(1), default: 1)
                guard let location, let region, let origin, let cache, let uplink else { return nil }
                return EdgeSiteSpec(
                    name: name,
                    location: location,
                    region: region,
                    originRegion: origin,
                    cacheBytes: Int64(min(cache, 9e18)),
                    uplinkBitsPerSecond: uplink,
                    nodes: nodes
                )
            } ?? []
        self = builder
        edgeNames =
            top.node("edge_sites").flatMap { node in
                node.sequenceElements?.compactMap(\.name) ?? node.mappingEntries?.map(\.key)
            } ?? []
        siteNames += sites.map(\.name)
        return sites
    }

    mutating func readPools(_ top: inout MappingReader) -> [SharedPoolPlacement]? {
        var builder = self
        let pools =
            top.named("shared_pools", element: "shared pool") { pool, name -> SharedPoolPlacement? in
                builder.elements["shared pool '\(name)'"] = pool.node
                let location = builder.location(&pool)
                let region = pool.required("region", as: .name)
                builder.requireKnown(
                    region ?? "",
                    among: builder.regionNames,
                    kind: "region",
                    from: "shared pool '\(name)'",
                    at: region == nil ? nil : pool.entry("region")?.value
                )
                let devices = pool.required("devices", as: ValueParser<Int>.count.atMost(Int(UInt32.max) - 1))
                let uplink = pool.required("uplink", as: .distribution(of: .dataRate))
                let storage = pool.required("storage", as: .distribution(of: .dataSize))
                let cpu =
                    pool.optional("cpu", as: .distribution(of: .number)) ?? (try? .constant(ConstantDistribution(0)))
                let online = pool.required("online", as: .distribution(of: .duration))
                let offline = pool.required("offline", as: .distribution(of: .duration))
                let diurnal = pool.list("diurnal", of: ValueParser<Double>.number.atLeast(0))
                if let diurnal, diurnal.count != 24 {
                    pool.error(
                        "'diurnal' in shared pool '\(name)' needs 24 hourly factors, got \(diurnal.count)",
                        at: pool.entry("diurnal")?.value ?? pool.node
                    )
                }
                let nat = pool.optional("nat", as: .fraction, default: 0)
                let credits = pool.optional("credits_per_gb", as: ValueParser<Double>.number.atLeast(0), default: 0)
                let probes = pool.optional("probes", as: ValueParser<Int>.count.atLeast(1).atMost(1_000), default: 8)
                let maxUploads = pool.optional(
                    "max_uploads",
                    as: ValueParser<Int>.count.atLeast(1).atMost(255),
                    default: 4
                )
                guard let location, let region, let devices, let uplink, let storage, let cpu, let online, let offline
                else { return nil }
                let spec = SharedPoolSpec(
                    name: name,
                    deviceCount: devices,
                    uplinkBitsPerSecond: uplink,
                    storageBytes: storage,
                    cpuCores: cpu,
                    onSessionSeconds: online,
                    offSessionSeconds: offline,
                    natFraction: nat,
                    diurnalOffScale: diurnal.flatMap { $0.count == 24 ? DiurnalOffScale(hourlyFactors: $0) : nil },
                    creditsPerGB: credits
                )
                return SharedPoolPlacement(
                    pool: spec,
                    location: location,
                    region: region,
                    probes: probes,
                    maxUploads: maxUploads
                )
            } ?? []
        self = builder
        siteNames += pools.map(\.pool.name)
        return pools
    }

    /// The price list, when any region has a price or the scenario prices credits.
    func buildPrices(regions: [DecodedRegion], creditPrice: Double?, at node: ScenarioNode) -> PriceList? {
        guard creditPrice != nil || regions.contains(where: { $0.price != nil }) else { return nil }
        let pricing = regions.compactMap { region in
            try? RegionPricing(
                region: region.placement.region.name,
                pricePerCoreHour: region.price?.coreHour ?? 0,
                pricePerEgressGB: region.price?.egressGB ?? 0
            )
        }
        return try? PriceList(regions: pricing, pricePerCredit: creditPrice ?? 0)
    }
}
