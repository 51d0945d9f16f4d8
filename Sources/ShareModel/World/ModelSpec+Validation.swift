import SimCore

extension ModelSpec {
    /// Checks the spec as a whole: names unique, every reference known, every number in
    /// range, and every demand with at least one site that may serve it.
    ///
    /// - Throws: the first ``ModelSpecError`` found, naming the element and field, with a
    ///   suggestion for an unknown name when one is close.
    /// - Complexity: O(populations × sites) plus the size of the spec.
    public func validate() throws(ModelSpecError) {
        try validateTiming()
        try validateNames()
        try validateClasses()
        try validateSites()
        try validatePopulations()
        try validatePolicies()
        try validateFailures()
        try validatePrices()
    }

    func validateTiming() throws(ModelSpecError) {
        if warmup < .zero {
            throw ModelSpecError(element: "run", field: "warmup", problem: "must not be negative, got \(warmup)")
        }
        if duration <= .zero {
            throw ModelSpecError(element: "run", field: "duration", problem: "must be positive, got \(duration)")
        }
        if interval <= .zero {
            throw ModelSpecError(element: "run", field: "interval", problem: "must be positive, got \(interval)")
        }
        if duration.nanoseconds / interval.nanoseconds > 100_000 {
            throw ModelSpecError(
                element: "run",
                field: "interval",
                problem: "gives more than 100,000 intervals over \(duration); use a longer interval"
            )
        }
    }

    func validateNames() throws(ModelSpecError) {
        try Self.requireUnique(regionNames, kind: "region")
        try Self.requireUnique(siteNames, kind: "site")
        try Self.requireUnique(populations.map(\.name), kind: "population")
        try Self.requireUnique(workloadClasses.map(\.name), kind: "workload")
        if regions.isEmpty && edgeSites.isEmpty && sharedPools.isEmpty {
            throw ModelSpecError(
                element: "topology",
                field: "regions",
                problem: "the model has no site to serve anything"
            )
        }
        if workloadClasses.isEmpty {
            throw ModelSpecError(element: "model", field: "workloads", problem: "at least one workload class is needed")
        }
        if workloadClasses.count > Int(UInt16.max) {
            throw ModelSpecError(element: "model", field: "workloads", problem: "at most \(UInt16.max) classes")
        }
    }

    static func requireUnique(_ names: [String], kind: String) throws(ModelSpecError) {
        var seen: Set<String> = []
        for name in names {
            if name.isEmpty {
                throw ModelSpecError(element: kind, field: "name", problem: "must not be empty")
            }
            if !seen.insert(name).inserted {
                throw ModelSpecError(element: "\(kind) '\(name)'", field: "name", problem: "the name is used twice")
            }
        }
    }

    func validateClasses() throws(ModelSpecError) {
        for workload in workloadClasses {
            let element = "workload '\(workload.name)'"
            if let slo = workload.slo, slo <= .zero {
                throw ModelSpecError(element: element, field: "slo", problem: "must be positive, got \(slo)")
            }
            switch workload.kind {
            case .transaction:
                break
            case .download(let content):
                try Self.validate(content, element: element)
            case .stream(let content, let bitrate):
                try Self.validate(content, element: element)
                if !(bitrate.isFinite && bitrate > 0) {
                    throw ModelSpecError(
                        element: element,
                        field: "bitrate",
                        problem: "must be a positive rate, got \(bitrate)"
                    )
                }
            case .compute(let job):
                if !(job.cpuSeconds.mean.isFinite && job.cpuSeconds.mean > 0) {
                    throw ModelSpecError(
                        element: element,
                        field: "cpu_seconds",
                        problem: "must have a positive finite mean"
                    )
                }
                if let checkpoint = job.checkpointInterval, checkpoint <= .zero {
                    throw ModelSpecError(
                        element: element,
                        field: "checkpoint",
                        problem: "must be positive, got \(checkpoint)"
                    )
                }
            }
        }
    }

    static func validate(_ content: ContentSpec, element: String) throws(ModelSpecError) {
        if content.catalogueSize < 1 || content.catalogueSize > LRUCache.maximumCatalogueSize {
            throw ModelSpecError(
                element: element,
                field: "catalogue",
                problem: "must be 1...\(LRUCache.maximumCatalogueSize) objects, got \(content.catalogueSize)"
            )
        }
        if !(content.zipfExponent.isFinite && content.zipfExponent >= 0) {
            throw ModelSpecError(
                element: element,
                field: "zipf",
                problem: "must be a finite exponent >= 0, got \(content.zipfExponent)"
            )
        }
        if !(content.objectBytes.mean.isFinite && content.objectBytes.mean > 0) {
            throw ModelSpecError(element: element, field: "object_size", problem: "must have a positive finite mean")
        }
    }

    func validateSites() throws(ModelSpecError) {
        let regionNames = regionNames
        for placement in regions {
            let element = "region '\(placement.region.name)'"
            if let egress = placement.egressBitsPerSecond, !(egress.isFinite && egress > 0) {
                throw ModelSpecError(
                    element: element,
                    field: "egress",
                    problem: "must be a positive rate, got \(egress)"
                )
            }
            for zone in placement.region.zones where zone.workloadClassCount != workloadClasses.count {
                throw ModelSpecError(
                    element: "zone '\(zone.name)'",
                    field: "service_times",
                    problem:
                        "has \(zone.workloadClassCount) service times for \(workloadClasses.count) workload classes"
                )
            }
        }
        let catalogueObjects = workloadClasses.reduce(0) { $0 + ($1.kind.content?.catalogueSize ?? 0) }
        for site in edgeSites {
            let element = "edge site '\(site.name)'"
            try Self.requireKnown(site.region, among: regionNames, element: element, field: "region", kind: "region")
            try Self.requireKnown(
                site.originRegion,
                among: regionNames,
                element: element,
                field: "origin",
                kind: "region"
            )
            if site.cacheBytes <= 0 {
                throw ModelSpecError(
                    element: element,
                    field: "cache",
                    problem: "must be positive, got \(site.cacheBytes) bytes"
                )
            }
            if !(site.uplinkBitsPerSecond.isFinite && site.uplinkBitsPerSecond > 0) {
                throw ModelSpecError(
                    element: element,
                    field: "uplink",
                    problem: "must be a positive rate, got \(site.uplinkBitsPerSecond)"
                )
            }
            if site.nodes < 1 {
                throw ModelSpecError(element: element, field: "nodes", problem: "must be at least 1, got \(site.nodes)")
            }
            if catalogueObjects > LRUCache.maximumCatalogueSize {
                throw ModelSpecError(
                    element: element,
                    field: "cache",
                    problem: "the catalogues together exceed \(LRUCache.maximumCatalogueSize) objects"
                )
            }
        }
        for placement in sharedPools {
            let element = "shared pool '\(placement.pool.name)'"
            try Self.requireKnown(
                placement.region,
                among: regionNames,
                element: element,
                field: "region",
                kind: "region"
            )
            if placement.maxUploads < 1 || placement.maxUploads > 255 {
                throw ModelSpecError(
                    element: element,
                    field: "max_uploads",
                    problem: "must be 1...255, got \(placement.maxUploads)"
                )
            }
            if placement.probes < 1 || placement.probes > 1_000 {
                throw ModelSpecError(
                    element: element,
                    field: "probes",
                    problem: "must be 1...1000, got \(placement.probes)"
                )
            }
            do {
                try placement.pool.validate()
            } catch {
                throw ModelSpecError(element: element, field: error.field, problem: error.problem)
            }
            if placement.pool.deviceCount >= Int(UInt32.max) {
                throw ModelSpecError(element: element, field: "devices", problem: "must be below 2^32")
            }
        }
    }

    func validatePopulations() throws(ModelSpecError) {
        let regionNames = regionNames
        let classNames = workloadClasses.map(\.name)
        for population in populations {
            let element = "population '\(population.name)'"
            if let access = population.accessBitsPerSecond, !(access.isFinite && access > 0) {
                throw ModelSpecError(
                    element: element,
                    field: "access",
                    problem: "must be a positive rate, got \(access)"
                )
            }
            for region in population.allowedRegions ?? [] {
                try Self.requireKnown(
                    region,
                    among: regionNames,
                    element: element,
                    field: "allowed_regions",
                    kind: "region"
                )
            }
            if population.demands.isEmpty {
                throw ModelSpecError(element: element, field: "workloads", problem: "the population generates no work")
            }
            for demand in population.demands {
                try Self.requireKnown(
                    demand.workloadClass,
                    among: classNames,
                    element: element,
                    field: "workloads",
                    kind: "workload"
                )
                let workload = workloadClasses[classNames.firstIndex(of: demand.workloadClass)!]
                if candidateSites(for: population, kind: workload.kind).isEmpty {
                    throw ModelSpecError(
                        element: element,
                        field: "workloads",
                        problem: "no site may serve '\(workload.name)' (\(workload.kind.label)) for this population"
                            + (population.allowedRegions == nil ? "" : " in its allowed regions")
                    )
                }
            }
        }
    }

    func validatePolicies() throws(ModelSpecError) {
        if case .weighted(let weights) = routing {
            let names = siteNames
            for (site, weight) in weights.sorted(by: { $0.key < $1.key }) {
                try Self.requireKnown(site, among: names, element: "routing", field: "weights", kind: "site")
                if !(weight.isFinite && weight >= 0) {
                    throw ModelSpecError(
                        element: "routing",
                        field: "weights.\(site)",
                        problem: "must be a finite weight >= 0, got \(weight)"
                    )
                }
            }
        }
        if retry.maxAttempts < 1 || retry.maxAttempts > 100 {
            throw ModelSpecError(
                element: "retry",
                field: "max_attempts",
                problem: "must be 1...100, got \(retry.maxAttempts)"
            )
        }
        if retry.backoff < .zero || retry.cap < .zero {
            throw ModelSpecError(element: "retry", field: "backoff", problem: "waits must not be negative")
        }
        if !(retry.multiplier.isFinite && retry.multiplier >= 1) {
            throw ModelSpecError(
                element: "retry",
                field: "multiplier",
                problem: "must be a finite factor >= 1, got \(retry.multiplier)"
            )
        }
    }

    func validateFailures() throws(ModelSpecError) {
        let targets = outages.map(\.target) + randomFailures.map(\.target)
        let zoneNames = zones.map(\.zone.name)
        let edgeNames = edgeSites.map(\.name)
        let links = linkNames
        for target in targets {
            let element = "failure of \(target)"
            switch target {
            case .zone(let name):
                try Self.requireKnown(name, among: zoneNames, element: element, field: "target", kind: "zone")
            case .region(let name):
                try Self.requireKnown(name, among: regionNames, element: element, field: "target", kind: "region")
            case .edgeSite(let name):
                try Self.requireKnown(name, among: edgeNames, element: element, field: "target", kind: "edge site")
            case .link(let name):
                try Self.requireKnown(name, among: links, element: element, field: "target", kind: "link")
            }
        }
    }

    func validatePrices() throws(ModelSpecError) {
        guard let prices else { return }
        let names = regionNames
        for pricing in prices.regions {
            try Self.requireKnown(pricing.region, among: names, element: "cost", field: "regions", kind: "region")
        }
    }

    /// The names links can be failed by: `<region>.egress`, `<edge site>.uplink` and
    /// `<population>.access`, for those that have a capacity.
    public var linkNames: [String] {
        regions.compactMap { $0.egressBitsPerSecond == nil ? nil : "\($0.region.name).egress" }
            + edgeSites.map { "\($0.name).uplink" }
            + populations.compactMap { $0.accessBitsPerSecond == nil ? nil : "\($0.name).access" }
    }

    static func requireKnown(
        _ name: String,
        among names: [String],
        element: String,
        field: String,
        kind: String
    ) throws(ModelSpecError) {
        guard !names.contains(name) else { return }
        throw ModelSpecError(
            element: element,
            field: field,
            problem: "unknown \(kind) '\(name)'",
            suggestion: NameSuggestion.closest(to: name, among: names)
        )
    }

    /// Whether a population may be served in `region` under its data-residency rule.
    func allows(_ population: PopulationSpec, region: String) -> Bool {
        population.allowedRegions.map { $0.contains(region) } ?? true
    }

    /// The names of the sites that may serve work of `kind` for `population` (kind and
    /// residency only; health and load are the router's business).
    func candidateSites(for population: PopulationSpec, kind: WorkloadKind) -> [String] {
        var names: [String] = []
        for placement in regions where allows(population, region: placement.region.name) {
            names += placement.region.zones.map(\.name)
        }
        switch kind {
        case .transaction:
            break
        case .download, .stream:
            names += edgeSites.filter { allows(population, region: $0.region) }.map(\.name)
            names += sharedPools.filter { allows(population, region: $0.region) }.map(\.pool.name)
        case .compute:
            names += sharedPools.filter { allows(population, region: $0.region) }.map(\.pool.name)
        }
        return names
    }
}
