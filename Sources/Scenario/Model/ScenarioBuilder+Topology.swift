import ShareModel
import SimCore

/// The workload classes as zones need them: each one's default service time, its index by
/// name, and every name the file writes (classes that failed to read included).
struct WorkloadCatalogue {
    /// The service time of each class that read, in order.
    var services: [SampledDistribution]
    /// The name of each class that read and the key its service time is written under, in order.
    var classes: [(name: String, serviceKey: SpecField)]
    /// The position in ``services`` of each class by name.
    var index: [String: Int]
    /// Every class name the file writes.
    var written: ReferenceNames

    init(_ workloads: [DecodedWorkload], written: ReferenceNames) {
        services = workloads.map(\.service)
        classes = workloads.map { ($0.spec.name, $0.serviceKey) }
        var index: [String: Int] = [:]
        for (position, workload) in workloads.enumerated() where index[workload.spec.name] == nil {
            index[workload.spec.name] = position
        }
        self.index = index
        self.written = written
    }
}

/// A region as read, with its prices.
struct DecodedRegion {
    var placement: CloudRegionPlacement
    var price: RegionPricing?
}

/// A region's `price:` as read, each amount per base unit (second, byte) in the scenario
/// currency; absent keys are nil and cost nothing.
struct RegionPriceFields {
    var coreHour: Double?
    var provisionedCoreHour: Double?
    var egress: Double?
    var egress95th: PercentilePrice?
    var ingress: Double?
    var ingress95th: PercentilePrice?
}

/// An edge site as read, with its prices.
struct DecodedEdgeSite {
    var spec: EdgeSiteSpec
    var price: EdgeSitePricing?
}

/// A shared pool as read, with its prices.
struct DecodedPool {
    var placement: SharedPoolPlacement
    var price: SharedPoolPricing?
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
        let catalogue = WorkloadCatalogue(workloads, written: workloadNames)
        let regions =
            top.named("regions", element: "region") { region, name -> DecodedRegion? in
                self.elements[.region(name)] = region.node
                return self.readRegion(&region, name: name, workloads: catalogue)
            } ?? []
        // Names as the file writes them, read or not: an element that failed to read is
        // reported once, not again by every reference to it.
        regionNames = names(of: .region)
        zoneNames = names(of: .zone)
        siteNames.append(contentsOf: zoneNames)
        return regions
    }

    mutating func readRegion(
        _ region: inout MappingReader,
        name: String,
        workloads: WorkloadCatalogue
    ) -> DecodedRegion? {
        let location = location(&region, of: .region(name))
        let egress = region.optional("egress", as: .dataRate)
        let ingress = region.optional("ingress", as: .dataRate)
        readHealthCheck(&region, for: .region(name))
        let regionScaling = readAutoscaling(&region, of: .region(name))
        let inherited = regionScaling.resolved(inheriting: nil)
        let regionDiscipline = region.optional("discipline", as: Self.discipline)
        let regionServices = region.list("services", of: .name)
        let price = region.mapping("price") { price in
            RegionPriceFields(
                coreHour: self.price(&price, "core_hour", per: .duration),
                provisionedCoreHour: self.price(&price, "provisioned_core_hour", per: .duration),
                egress: self.price(&price, "egress", per: .dataSize),
                egress95th: self.percentilePrice(&price, "egress_95th", of: .region(name)),
                ingress: self.price(&price, "ingress", per: .dataSize),
                ingress95th: self.percentilePrice(&price, "ingress_95th", of: .region(name))
            )
        }
        var zones: [ZoneSpec]?
        if let node = region.node("zones") {
            if node.mappingEntries != nil, node["count"] != nil {
                zones = readZoneTemplate(
                    node,
                    region: name,
                    workloads: workloads,
                    autoscaling: inherited,
                    discipline: regionDiscipline,
                    services: regionServices
                )
            } else {
                var holder = MappingReader(
                    ScenarioNode.mapping(
                        [MappingEntry(key: "zones", keyLocation: node.location, value: node)],
                        at: node.location
                    ),
                    context: "region '\(name)'"
                )
                var zoneFailed = false
                zones = holder.named("zones", element: "zone") { zone, zoneName -> ZoneSpec? in
                    self.elements[.zone(zoneName)] = zone.node
                    self.readHealthCheck(&zone, for: .zone(zoneName))
                    let spec = self.readZone(
                        &zone,
                        name: zoneName,
                        workloads: workloads,
                        autoscaling: inherited,
                        discipline: regionDiscipline,
                        services: regionServices
                    )
                    if spec == nil { zoneFailed = true }
                    return spec
                }
                if zoneFailed { zones = nil }
                diagnostics.append(contentsOf: holder.finish())
            }
        } else {
            region.error("missing required field 'zones' in region '\(name)'")
        }
        guard let location, let zones else { return nil }
        if case .invalid = regionScaling { return nil }
        do {
            let spec = try RegionSpec(name: name, zones: zones)
            var pricing: RegionPricing?
            if let price {
                pricing = try RegionPricing(
                    region: name,
                    pricePerCoreHour: (price.coreHour ?? 0) * CostUnits.secondsPerHour,
                    pricePerEgressGB: (price.egress ?? 0) * CostUnits.bytesPerGB,
                    pricePerProvisionedCoreHour: (price.provisionedCoreHour ?? 0) * CostUnits.secondsPerHour,
                    egress95th: price.egress95th,
                    pricePerIngressGB: (price.ingress ?? 0) * CostUnits.bytesPerGB,
                    ingress95th: price.ingress95th
                )
            }
            return DecodedRegion(
                placement: CloudRegionPlacement(
                    region: spec,
                    location: location,
                    egressBitsPerSecond: egress,
                    ingressBitsPerSecond: ingress
                ),
                price: pricing
            )
        } catch {
            report(error, in: &region)
            return nil
        }
    }

    /// `zones: {count: N, ...}`: N identical zones named `<region>-a`, `-b`, ...
    mutating func readZoneTemplate(
        _ node: ScenarioNode,
        region: String,
        workloads: WorkloadCatalogue,
        autoscaling: AutoscalingPolicy?,
        discipline: ServiceDiscipline?,
        services: [String]?
    ) -> [ZoneSpec]? {
        var zones: [ZoneSpec] = []
        var failed = false
        var local = Diagnostics()
        MappingReader.read(node, context: "'zones' in region '\(region)'", into: &local) { template in
            guard let count = template.required("count", as: ValueParser<Int>.count.atLeast(1).atMost(26)) else {
                template.ignore(
                    "servers",
                    "cores",
                    "queue",
                    "timeout",
                    "service",
                    "autoscaling",
                    "discipline",
                    "services"
                )
                failed = true
                return
            }
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            let named = (0..<count).map { "\(region)-\(letters[$0])" }
            // Every stamped zone is written at the template, so a model error names the first
            // zone and points into the template once.
            for name in named { self.elements[.zone(name)] = node }
            guard
                let first = self.readZone(
                    &template,
                    name: named[0],
                    workloads: workloads,
                    autoscaling: autoscaling,
                    discipline: discipline,
                    services: services,
                    copies: count
                )
            else {
                failed = true
                return
            }
            zones = named.map { first.renamed($0) }
        }
        diagnostics.append(contentsOf: local)
        return failed ? nil : zones
    }

    /// A zone, or `copies` identical ones (a template): nil when a value is wrong (reported).
    /// `autoscaling`, `discipline` and `services` are its region's, which its own replace.
    mutating func readZone(
        _ zone: inout MappingReader,
        name: String,
        workloads: WorkloadCatalogue,
        autoscaling inherited: AutoscalingPolicy?,
        discipline inheritedDiscipline: ServiceDiscipline?,
        services inheritedServices: [String]?,
        copies: Int = 1
    ) -> ZoneSpec? {
        let services = zone.list("services", of: .name) ?? inheritedServices ?? []
        let servers = zone.required("servers", as: .count)
        let discipline = zone.optional("discipline", as: Self.discipline) ?? inheritedDiscipline ?? .fcfs
        let scaling = readAutoscaling(&zone, of: .zone(name))
        let cores = zone.optional("cores", as: .count, default: 1)
        let queue = zone.optional("queue", as: .count)
        let timeout = zone.optional("timeout", as: .simDuration)
        var overrides: [(index: Int, distribution: SampledDistribution)] = []
        if let node = zone.node("service") {
            if let entries = node.mappingEntries {
                for entry in entries {
                    guard let index = workloads.index[entry.key] else {
                        // A class that failed to read is reported already, at the class.
                        if !workloads.written.contains(entry.key) {
                            zone.error(
                                "'service' in zone '\(name)' names unknown workload '\(entry.key)'",
                                at: ScenarioNode.null(at: entry.keyLocation),
                                suggestion: suggestion(for: entry.key, among: workloads.written)
                            )
                        }
                        continue
                    }
                    switch ValueParser<SampledDistribution>.distribution(of: .duration).parse(entry.value) {
                    case .success(let distribution): overrides.append((index, distribution))
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
                        + "\(node.summary)",
                    at: node
                )
            }
        }
        if case .invalid = scaling { return nil }
        guard let servers, !workloads.services.isEmpty,
            admitServiceTimes(workloads.services.count * copies, zone: &zone)
        else { return nil }
        var service = workloads.services
        for (index, distribution) in overrides { service[index] = distribution }
        do {
            return try ZoneSpec(
                name: name,
                servers: servers,
                coresPerServer: cores,
                serviceTimes: service,
                maxWaiting: queue,
                timeout: timeout,
                autoscaling: scaling.resolved(inheriting: inherited),
                discipline: discipline,
                services: services
            )
        } catch {
            let attributed = attributed(error, overridden: Set(overrides.map(\.index)), workloads: workloads)
            // A class's own service time fails in every zone: it is reported once, at the class.
            if reportedServiceErrors.insert(attributed).inserted { report(attributed, in: &zone) }
            return nil
        }
    }

    /// A zone's error about its service time for class `i` (field `service[i]`), attributed to
    /// where that value is written: the zone's `service.<class>` when the zone overrides it,
    /// else the class's own `service` (or `cpu`).
    func attributed(_ error: SpecError, overridden: Set<Int>, workloads: WorkloadCatalogue) -> SpecError {
        guard error.field.steps.count == 2, error.field.key == SpecField.service.key,
            case .index(let index) = error.field.steps[1], workloads.classes.indices.contains(index)
        else { return error }
        let workload = workloads.classes[index]
        if overridden.contains(index) {
            return error.attributed(to: error.element, field: .service.child(workload.name))
        }
        return error.attributed(to: .workload(workload.name), field: workload.serviceKey)
    }

    /// Counts `count` more zone service times against ``ScenarioLimits/serviceTimes``;
    /// false (reported once, at the zone that crossed it) when there are too many.
    mutating func admitServiceTimes(_ count: Int, zone: inout MappingReader) -> Bool {
        serviceTimes += count
        let limit = limits.serviceTimes
        guard serviceTimes > limit else { return true }
        if !reportedServiceTimes {
            reportedServiceTimes = true
            zone.error(
                "the zones hold more than \(ScenarioLimits.grouped(limit)) service times in all (one per zone and "
                    + "workload class); use fewer zones or workload classes"
            )
        }
        return false
    }

    mutating func readEdgeSites(_ top: inout MappingReader) -> [DecodedEdgeSite]? {
        let sites =
            top.named("edge_sites", element: "edge site") { site, name -> DecodedEdgeSite? in
                self.elements[.edgeSite(name)] = site.node
                let location = self.location(&site, of: .edgeSite(name))
                let region = site.required("region", as: .name)
                let origin = site.required("origin", as: .name)
                self.requireKnown(
                    region ?? "",
                    among: self.regionNames,
                    kind: "region",
                    from: "edge site '\(name)'",
                    at: region == nil ? nil : site.entry("region")?.value
                )
                self.requireKnown(
                    origin ?? "",
                    among: self.regionNames,
                    kind: "region",
                    from: "edge site '\(name)'",
                    at: origin == nil ? nil : site.entry("origin")?.value
                )
                let cache = site.required("cache", as: .dataSize)
                let uplink = site.required("uplink", as: .dataRate)
                let nodes = site.optional("nodes", as: .count, default: 1)
                let price = site.mapping("price") { price in
                    (
                        self.price(&price, "egress", per: .dataSize),
                        self.percentilePrice(&price, "egress_95th", of: .edgeSite(name))
                    )
                }
                self.readHealthCheck(&site, for: .edgeSite(name))
                guard let location, let region, let origin, let cache, let uplink else { return nil }
                let spec = EdgeSiteSpec(
                    name: name,
                    location: location,
                    region: region,
                    originRegion: origin,
                    cacheBytes: Int64(min(cache, 9e18)),
                    uplinkBitsPerSecond: uplink,
                    nodes: nodes
                )
                do throws(SpecError) {
                    var pricing: EdgeSitePricing?
                    if let price {
                        pricing = try EdgeSitePricing(
                            site: name,
                            pricePerEgressGB: (price.0 ?? 0) * CostUnits.bytesPerGB,
                            egress95th: price.1
                        )
                    }
                    return DecodedEdgeSite(spec: spec, price: pricing)
                } catch {
                    self.report(error, in: &site)
                    return nil
                }
            } ?? []
        edgeNames = ReferenceNames(
            top.node("edge_sites").flatMap { node in
                node.sequenceElements?.compactMap(\.name) ?? node.mappingEntries?.map(\.key)
            } ?? []
        )
        siteNames.append(contentsOf: edgeNames)
        return sites
    }

    mutating func readPools(_ top: inout MappingReader) -> [DecodedPool]? {
        let pools =
            top.named("shared_pools", element: "shared pool") { pool, name -> DecodedPool? in
                self.elements[.sharedPool(name)] = pool.node
                let location = self.location(&pool, of: .sharedPool(name))
                let region = pool.required("region", as: .name)
                self.requireKnown(
                    region ?? "",
                    among: self.regionNames,
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
                let price = pool.mapping("price") { price in
                    (
                        self.price(&price, "per_gb", per: .dataSize),
                        self.percentilePrice(&price, "bandwidth_95th", of: .sharedPool(name)),
                        self.price(&price, "storage_gb_day", per: nil)
                    )
                }
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
                let placement = SharedPoolPlacement(
                    pool: spec,
                    location: location,
                    region: region,
                    probes: probes,
                    maxUploads: maxUploads
                )
                do throws(SpecError) {
                    var pricing: SharedPoolPricing?
                    if let price {
                        pricing = try SharedPoolPricing(
                            pool: name,
                            pricePerGB: (price.0 ?? 0) * CostUnits.bytesPerGB,
                            bandwidth95th: price.1,
                            pricePerStorageGBDay: price.2 ?? 0
                        )
                    }
                    return DecodedPool(placement: placement, price: pricing)
                } catch {
                    self.report(error, in: &pool)
                    return nil
                }
            } ?? []
        siteNames.append(contentsOf: names(of: .sharedPool))
        return pools
    }

    /// The price list, when any region, edge site or pool has a price or the scenario prices
    /// credits, in the scenario's currency; problems are reported at the `cost` section or
    /// the element at fault.
    mutating func buildPrices(
        regions: [DecodedRegion],
        edgeSites: [DecodedEdgeSite],
        pools: [DecodedPool],
        creditPrice: Double?
    ) -> PriceList? {
        let edgePriced = edgeSites.contains { $0.price != nil }
        // Pools are billed by place when any has a price, or when credits have one (a pool's
        // cost is then its credits), so the places add up to the total.
        let poolPriced = pools.contains { $0.price != nil } || (creditPrice != nil && !pools.isEmpty)
        guard creditPrice != nil || edgePriced || poolPriced || regions.contains(where: { $0.price != nil })
        else { return nil }
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
            var edgePricing: [EdgeSitePricing] = []
            if edgePriced {
                for site in edgeSites {
                    if let price = site.price {
                        edgePricing.append(price)
                    } else {
                        edgePricing.append(try EdgeSitePricing(site: site.spec.name, pricePerEgressGB: 0))
                    }
                }
            }
            var poolPricing: [SharedPoolPricing] = []
            if poolPriced {
                for pool in pools {
                    if let price = pool.price {
                        poolPricing.append(price)
                    } else {
                        poolPricing.append(try SharedPoolPricing(pool: pool.placement.pool.name, pricePerGB: 0))
                    }
                }
            }
            return try PriceList(
                currency: currency.code,
                regions: pricing,
                edgeSites: edgePricing,
                sharedPools: poolPricing,
                pricePerCredit: creditPrice ?? 0
            )
        } catch {
            report(error)
            return nil
        }
    }
}
