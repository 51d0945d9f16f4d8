/// Names of one kind, in the spec's order (the candidates for suggestions) and as a set (for
/// membership in O(1)).
struct KnownNames {
    /// The names in the spec's order, repeats kept.
    let names: [String]
    private let set: Set<String>

    init(_ names: [String]) {
        self.names = names
        set = Set(names)
    }

    /// Whether `name` is one of the names.
    func contains(_ name: String) -> Bool { set.contains(name) }

    /// Throws an unknown-name error for `field` of `element` unless `name` is known, suggesting
    /// the closest known name.
    ///
    /// - Complexity: O(1) when `name` is known; O(names) to find the suggestion otherwise.
    func require(_ name: String, _ element: SpecElement, _ field: SpecField, kind: String) throws(SpecError) {
        guard !set.contains(name) else { return }
        throw SpecError(
            element,
            field,
            .unknown(kind: kind, name: name),
            suggestion: NameSuggestion.closest(to: name, among: names)
        )
    }
}

/// The names a whole-spec check looks things up by, built once so that checking a spec is
/// linear in its size: regions, sites, workload classes, and which regions hold which kind
/// of site.
struct SpecNames {
    let regions: KnownNames
    let zones: KnownNames
    let edgeSites: KnownNames
    let sites: KnownNames
    let workloads: KnownNames
    /// The services zones offer to request graphs, each once, in zone order.
    let services: KnownNames
    /// The index of each workload class by name (the first, if a name repeats).
    let workloadIndex: [String: Int]
    /// Regions with at least one zone, edge site or shared pool.
    let regionsWithZones: Set<String>
    let regionsWithEdgeSites: Set<String>
    let regionsWithPools: Set<String>

    init(_ spec: ModelSpec) {
        regions = KnownNames(spec.regionNames)
        zones = KnownNames(spec.zones.map(\.zone.name))
        edgeSites = KnownNames(spec.edgeSites.map(\.name))
        sites = KnownNames(spec.siteNames)
        workloads = KnownNames(spec.workloadClasses.map(\.name))
        var offered: [String] = []
        var seen: Set<String> = []
        for (_, zone) in spec.zones {
            for service in zone.services where seen.insert(service).inserted { offered.append(service) }
        }
        services = KnownNames(offered)
        var index: [String: Int] = [:]
        for (position, workload) in spec.workloadClasses.enumerated() where index[workload.name] == nil {
            index[workload.name] = position
        }
        workloadIndex = index
        regionsWithZones = Set(spec.regions.filter { !$0.region.zones.isEmpty }.map(\.region.name))
        regionsWithEdgeSites = Set(spec.edgeSites.map(\.region))
        regionsWithPools = Set(spec.sharedPools.map(\.region))
    }

    /// Whether any site may serve work of `kind` for `population` (kind and data residency
    /// only), as ``ModelSpec/candidateSites(for:kind:)`` would list one.
    ///
    /// - Complexity: O(1), or O(allowed regions) for a population restricted to some.
    func hasCandidateSite(for population: PopulationSpec, kind: WorkloadKind) -> Bool {
        var kinds = [regionsWithZones]
        switch kind {
        case .transaction: break
        case .download, .stream: kinds += [regionsWithEdgeSites, regionsWithPools]
        case .compute: kinds.append(regionsWithPools)
        }
        guard let allowed = population.allowedRegions else { return kinds.contains { !$0.isEmpty } }
        return allowed.contains { region in kinds.contains { $0.contains(region) } }
    }
}
