import ShareModel
import SimCore

/// A region as read, with its prices.
struct DecodedRegion {
    var placement: CloudRegionPlacement
    var price: RegionPricing?
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

    /// The `location` field of `element` as a coordinate.
    func location(_ reader: inout MappingReader, of element: SpecElement) -> GeoCoordinate? {
        guard let pair = reader.required("location", as: Self.latitudeLongitude) else { return nil }
        do {
            return try GeoCoordinate(latitude: pair[0], longitude: pair[1])
        } catch {
            report(error.attributed(to: element), in: &reader)
            return nil
        }
    }

    mutating func readRegions(_ top: inout MappingReader, workloads: [DecodedWorkload]) -> [DecodedRegion]? {
        var builder = self
        let regions =
            top.named("regions", element: "region") { region, name -> DecodedRegion? in
                builder.elements[.region(name)] = region.node
                return builder.readRegion(&region, name: name, workloads: workloads)
            } ?? []
        self = builder
        // Names as the file writes them, read or not: an element that failed to read is
        // reported once, not again by every reference to it.
        regionNames = names(of: .region)
        zoneNames = names(of: .zone)
        siteNames += zoneNames
        return regions
    }

    mutating func readRegion(
        _ region: inout MappingReader,
        name: String,
        workloads: [DecodedWorkload]
    ) -> DecodedRegion? {
        let location = location(&region, of: .region(name))
        let egress = region.optional("egress", as: .dataRate)
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
                var zoneFailed = false
                zones = holder.named("zones", element: "zone") { zone, zoneName -> ZoneSpec? in
                    builder.elements[.zone(zoneName)] = zone.node
                    let spec = builder.readZone(&zone, name: zoneName, workloads: workloads)
                    if spec == nil { zoneFailed = true }
                    return spec
                }
                if zoneFailed { zones = nil }
                diagnostics.append(contentsOf: holder.finish())
                elements = builder.elements
            }
        } else {
            region.error("missing required field 'zones' in region '\(name)'")
        }
        guard let location, let zones else { return nil }
        do {
            let spec = try RegionSpec(name: name, zones: zones)
            var pricing: RegionPricing?
            if let price, let core = price.0, let egressPrice = price.1 {
                pricing = try RegionPricing(
                    region: name,
                    pricePerCoreHour: core.amountPerBaseUnit * 3_600,
                    pricePerEgressGB: egressPrice.amountPerBaseUnit * 1e9
                )
            }
            return DecodedRegion(
                placement: CloudRegionPlacement(region: spec, location: location, egressBitsPerSecond: egress),
                price: pricing
            )
        } catch {
            report(error, in: &region)
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
            named = (0..<count).map { "\(region)-\(letters[$0])" }
            var elements = builder.elements
            for name in named { elements[.zone(name)] = node }
            var stamping = builder
            stamping.elements = elements
            guard let first = stamping.readZone(&template, name: named[0], workloads: workloads) else {
                failed = true
                return
            }
            zones = named.map { first.renamed($0) }
        }
        diagnostics.append(contentsOf: local)
        for name in named { elements[.zone(name)] = node }
        return failed ? nil : zones
    }

    func readZone(_ zone: inout MappingReader, name: String, workloads: [DecodedWorkload]) -> ZoneSpec? {
        let servers = zone.required("servers", as: .count)
        let cores = zone.optional("cores", as: .count, default: 1)
        let queue = zone.optional("queue", as: .count)
        let timeout = zone.optional("timeout", as: .simDuration)
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
                    "expected a mapping of workload name to service time for 'service' in zone '\(name)', got "
                        + "\(overrides.summary)",
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
            report(error, in: &zone)
            return nil
        }
    }

    mutating func readEdgeSites(_ top: inout MappingReader) -> [EdgeSiteSpec]? {
        var builder = self
        let sites =
            top.named("edge_sites", element: "edge site") { site, name -> EdgeSiteSpec? in
                builder.elements[.edgeSite(name)] = site.node
                let location = builder.location(&site, of: .edgeSite(name))
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
                let cache = site.required("cache", as: .dataSize)
                let uplink = site.required("uplink", as: .dataRate)
                let nodes = site.optional("nodes", as: .count, default: 1)
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
        siteNames += edgeNames
        return sites
    }

    mutating func readPools(_ top: inout MappingReader) -> [SharedPoolPlacement]? {
        var builder = self
        let pools =
            top.named("shared_pools", element: "shared pool") { pool, name -> SharedPoolPlacement? in
                builder.elements[.sharedPool(name)] = pool.node
                let location = builder.location(&pool, of: .sharedPool(name))
                let region = pool.required("region", as: .name)
                builder.requireKnown(
                    region ?? "",
                    among: builder.regionNames,
                    kind: "region",
                    from: "shared pool '\(name)'",
                    at: region == nil ? nil : pool.entry("region")?.value
                )
                let devices = pool.required("devices", as: .count)
                let uplink = pool.required("uplink", as: .distribution(of: .dataRate))
                let storage = pool.required("storage", as: .distribution(of: .dataSize))
                let cpu = pool.optional(
                    "cpu",
                    as: .distribution(of: .number),
                    default: .constant(ConstantDistribution(finite: 0))
                )
                let online = pool.required("online", as: .distribution(of: .duration))
                let offline = pool.required("offline", as: .distribution(of: .duration))
                let diurnal = pool.list("diurnal", of: .number)
                let nat = pool.optional("nat", as: .fraction, default: 0)
                let credits = pool.optional("credits_per_gb", as: .number, default: 0)
                let probes = pool.optional("probes", as: .count, default: 8)
                let maxUploads = pool.optional("max_uploads", as: .count, default: 4)
                guard let location, let region, let devices, let uplink, let storage, let online, let offline
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
                    diurnalOffScale: diurnal.map { DiurnalOffScale(hourlyFactors: $0) },
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
        siteNames += names(of: .sharedPool)
        return pools
    }

    /// The price list, when any region has a price or the scenario prices credits; problems
    /// are reported at the `cost` section or the region at fault.
    mutating func buildPrices(regions: [DecodedRegion], creditPrice: Double?) -> PriceList? {
        guard creditPrice != nil || regions.contains(where: { $0.price != nil }) else { return nil }
        do throws(SpecError) {
            var pricing: [RegionPricing] = []
            for region in regions {
                if let price = region.price {
                    pricing.append(price)
                } else {
                    let name = region.placement.region.name
                    pricing.append(try RegionPricing(region: name, pricePerCoreHour: 0, pricePerEgressGB: 0))
                }
            }
            return try PriceList(regions: pricing, pricePerCredit: creditPrice ?? 0)
        } catch {
            report(error)
            return nil
        }
    }
}
