import SimCore

extension SharedPoolPlacement {
    /// The allowed numbers of devices probed per request.
    public static let probesRange = 1...1_000
    /// The allowed numbers of uploads a device serves at once.
    public static let maxUploadsRange = 1...255
}

extension RetryPolicy {
    /// The allowed numbers of attempts per request (the first one included).
    public static let attemptsRange = 1...100
}

extension ModelSpec {
    /// The most measurement intervals a run may have.
    public static let maximumIntervals = 100_000

    /// Checks the spec as a whole: names unique, every reference known, every number in
    /// range, and every demand with at least one site that may serve it.
    ///
    /// - Throws: ``SpecErrors`` with every problem found, at most one per element (its
    ///   first), each naming the element and the field by its scenario key, with a
    ///   suggestion for an unknown name when one is close.
    /// - Complexity: O(n log n) in the size of the spec; a suggestion for an unknown name
    ///   costs O(names of its kind) more.
    public func validate() throws(SpecErrors) {
        var collector = SpecErrorCollector()
        let names = SpecNames(self)
        collector.check { () throws(SpecError) in try validateTiming() }
        validateNames(&collector)
        validateClasses(&collector, names: names)
        validateSites(&collector, names: names)
        validatePopulations(&collector, names: names)
        validatePolicies(&collector, names: names)
        validateFailures(&collector, names: names)
        validatePrices(&collector, names: names)
        validateTraces(&collector)
        validateTopology(&collector)
        try collector.throwIfAny()
    }

    /// Each arrival trace plays forward at a finite positive speed, from a time not before
    /// zero, over a positive period, with pairs naming populations and classes the spec has.
    func validateTraces(_ collector: inout SpecErrorCollector) {
        for (index, trace) in deviceTraces.enumerated() {
            let field = SpecField("device_traces").at(index)
            collector.check { () throws(SpecError) in
                guard let pool = sharedPools.first(where: { $0.pool.name == trace.pool }) else {
                    throw SpecError(.scenario, field.child("pool"), .other("no shared pool '\(trace.pool)'"))
                }
                guard trace.speed.isFinite, trace.speed > 0 else {
                    throw SpecError(.scenario, field.child("speed"), .notPositive(got: "\(trace.speed)"))
                }
                guard trace.start >= .zero else {
                    throw SpecError(.scenario, field.child("start"), .negative(got: "\(trace.start)"))
                }
                guard trace.period > .zero else {
                    throw SpecError(.scenario, field.child("period"), .notPositive(got: "\(trace.period)"))
                }
                if let last = trace.devices.last, Int(last) >= pool.pool.deviceCount {
                    throw SpecError(
                        .scenario,
                        field.child("file"),
                        .other("names device \(last), but pool '\(trace.pool)' has \(pool.pool.deviceCount)")
                    )
                }
            }
        }
        for (index, trace) in arrivalTraces.enumerated() {
            let field = SpecField("traces").at(index)
            collector.check { () throws(SpecError) in
                guard trace.speed.isFinite, trace.speed > 0 else {
                    throw SpecError(.scenario, field.child("speed"), .notPositive(got: "\(trace.speed)"))
                }
                guard trace.start >= .zero else {
                    throw SpecError(.scenario, field.child("start"), .negative(got: "\(trace.start)"))
                }
                guard trace.period > .zero else {
                    throw SpecError(.scenario, field.child("period"), .notPositive(got: "\(trace.period)"))
                }
                for pair in trace.pairs
                where Int(pair.population) >= populations.count || Int(pair.workloadClass) >= workloadClasses.count {
                    throw SpecError(
                        .scenario,
                        field.child("file"),
                        .other("names population \(pair.population) or class \(pair.workloadClass), beyond the spec's")
                    )
                }
            }
        }
    }

    func validateTiming() throws(SpecError) {
        if warmup < .zero {
            throw SpecError(.scenario, .warmup, .negative(got: "\(warmup)"))
        }
        if duration <= .zero {
            throw SpecError(.scenario, .duration, .notPositive(got: "\(duration)"))
        }
        if interval <= .zero {
            throw SpecError(.scenario, .interval, .notPositive(got: "\(interval)"))
        }
        if duration.nanoseconds / interval.nanoseconds > Self.maximumIntervals {
            throw SpecError(
                .scenario,
                .interval,
                .other("gives more than \(Self.maximumIntervals) intervals over \(duration); use a longer interval")
            )
        }
    }

    func validateNames(_ collector: inout SpecErrorCollector) {
        Self.requireUnique(regionNames, kind: .region, &collector)
        Self.requireUnique(zones.map(\.zone.name), kind: .zone, &collector)
        Self.requireUnique(edgeSites.map(\.name), kind: .edgeSite, &collector)
        Self.requireUnique(sharedPools.map(\.pool.name), kind: .sharedPool, &collector)
        Self.requireUnique(populations.map(\.name), kind: .population, &collector)
        Self.requireUnique(workloadClasses.map(\.name), kind: .workload, &collector)
        let siteKinds: [(SpecElement.Kind, [String])] = [
            (.zone, zones.map(\.zone.name)), (.edgeSite, edgeSites.map(\.name)),
            (.sharedPool, sharedPools.map(\.pool.name)),
        ]
        var earlier: Set<String> = []
        for (kind, names) in siteKinds {
            for name in Set(names).sorted() where earlier.contains(name) {
                collector.check { () throws(SpecError) in
                    throw SpecError(
                        SpecElement(kind, name: name),
                        .name,
                        .other("is already the name of another site")
                    )
                }
            }
            earlier.formUnion(names)
        }
        collector.check { () throws(SpecError) in
            if regions.isEmpty && edgeSites.isEmpty && sharedPools.isEmpty {
                throw SpecError(.scenario, .regions, .other("the model has no site to serve anything"))
            }
            if workloadClasses.isEmpty {
                throw SpecError(.scenario, .workloads, .empty)
            }
            if workloadClasses.count > Int(UInt16.max) {
                throw SpecError(
                    .scenario,
                    .workloads,
                    .tooLarge(got: "\(workloadClasses.count)", maximum: "\(UInt16.max)")
                )
            }
        }
    }

    static func requireUnique(_ names: [String], kind: SpecElement.Kind, _ collector: inout SpecErrorCollector) {
        var seen: Set<String> = []
        for name in names {
            collector.check { () throws(SpecError) in
                if name.isEmpty {
                    throw SpecError(SpecElement(kind), .name, .emptyName)
                }
                if !seen.insert(name).inserted {
                    throw SpecError(SpecElement(kind, name: name), .name, .duplicateName(name))
                }
            }
        }
    }

    func validateClasses(_ collector: inout SpecErrorCollector, names: SpecNames) {
        for workload in workloadClasses {
            collector.check { () throws(SpecError) in
                try Self.validate(workload)
                try Self.validateStages(of: workload, names: names)
            }
        }
    }

    /// A class's stages: a transaction's only, without a request size, forming a graph
    /// ``RequestGraph/resolve(_:zones:services:)`` accepts.
    static func validateStages(of workload: WorkloadClassSpec, names: SpecNames) throws(SpecError) {
        guard !workload.stages.isEmpty else { return }
        let element = SpecElement.workload(workload.name)
        guard case .transaction = workload.kind else {
            throw SpecError(
                element,
                SpecField("stages"),
                .other("applies to transaction workloads only, not to a \(workload.kind.label)")
            )
        }
        if workload.requestBytes != nil {
            throw SpecError(
                element,
                .requestSize,
                .other("does not apply to a class with stages: give a later stage a 'message' instead")
            )
        }
        _ = try RequestGraph.resolve(workload, zones: names.zones, services: names.services)
    }

    static func validate(_ workload: WorkloadClassSpec) throws(SpecError) {
        let element = SpecElement.workload(workload.name)
        if let slo = workload.slo, slo <= .zero {
            throw SpecError(element, .slo, .notPositive(got: "\(slo)"))
        }
        try SpecError.require(workload.priority, in: WorkloadClassSpec.priorities, element, .priority)
        for (field, size) in [(SpecField.requestSize, workload.requestBytes), (.responseSize, workload.responseBytes)] {
            guard let size else { continue }
            guard case .transaction = workload.kind else {
                throw SpecError(
                    element,
                    field,
                    .other("applies to transaction workloads only, not to a \(workload.kind.label)")
                )
            }
            try validatePayload(size, element: element, field: field)
        }
        switch workload.kind {
        case .transaction:
            break
        case .download(let content):
            try Self.validate(content, element: element)
        case .stream(let content, let bitrate):
            try Self.validate(content, element: element)
            try SpecError.requirePositive(bitrate, element, .bitrate)
            try Self.validate(workload.playback, videoSeconds: content.objectBytes.mean * 8 / bitrate, element: element)
            try Self.validate(ladder: workload.playback.ladderBitsPerSecond, bitrate: bitrate, element: element)
        case .compute(let job):
            if !(job.cpuSeconds.mean.isFinite && job.cpuSeconds.mean > 0) {
                throw SpecError(element, .cpu, .other("must have a positive finite mean, got \(job.cpuSeconds.mean)"))
            }
            if let checkpoint = job.checkpointInterval, checkpoint <= .zero {
                throw SpecError(element, .checkpoint, .notPositive(got: "\(checkpoint)"))
            }
        }
    }

    /// A request or response size: a positive, finite mean of at most 1 TB, and no negative
    /// draw (its least value is not below zero).
    static func validatePayload(_ size: SampledDistribution, element: SpecElement, field: SpecField) throws(SpecError) {
        if !(size.mean.isFinite && size.mean > 0) {
            throw SpecError(element, field, .other("must have a positive finite mean, got \(size.mean) bytes"))
        }
        if size.mean > ContentSpec.maximumMeanObjectBytes {
            throw SpecError(element, field, .tooLarge(got: "a mean of \(size.mean) bytes", maximum: "1 TB"))
        }
    }

    static func validate(_ content: ContentSpec, element: SpecElement) throws(SpecError) {
        try SpecError.require(content.catalogueSize, in: 1...LRUCache.maximumCatalogueSize, element, .catalogue)
        try SpecError.requireNonNegative(content.zipfExponent, element, .zipf)
        if !(content.objectBytes.mean.isFinite && content.objectBytes.mean > 0) {
            throw SpecError(
                element,
                .objectSize,
                .other("must have a positive finite mean, got \(content.objectBytes.mean)")
            )
        }
        if content.objectBytes.mean > ContentSpec.maximumMeanObjectBytes {
            throw SpecError(
                element,
                .objectSize,
                .tooLarge(got: "a mean of \(content.objectBytes.mean) bytes", maximum: "1 TB")
            )
        }
    }

    func validateSites(_ collector: inout SpecErrorCollector, names: SpecNames) {
        for placement in regions {
            collector.check { () throws(SpecError) in
                if let egress = placement.egressBitsPerSecond {
                    try SpecError.requirePositive(egress, .region(placement.region.name), .egress)
                }
                if let ingress = placement.ingressBitsPerSecond {
                    try SpecError.requirePositive(ingress, .region(placement.region.name), .ingress)
                }
            }
            for zone in placement.region.zones {
                collector.check { () throws(SpecError) in
                    if zone.workloadClassCount != workloadClasses.count {
                        throw SpecError(
                            .zone(zone.name),
                            .service,
                            .other(
                                "has \(zone.workloadClassCount) service times for "
                                    + "\(workloadClasses.count) workload classes"
                            )
                        )
                    }
                }
            }
        }
        let catalogueObjects = workloadClasses.reduce(0) { $0 + ($1.kind.content?.catalogueSize ?? 0) }
        for site in edgeSites {
            collector.check { () throws(SpecError) in
                let element = SpecElement.edgeSite(site.name)
                try names.regions.require(site.region, element, .region, kind: "region")
                try names.regions.require(site.originRegion, element, .origin, kind: "region")
                if site.cacheBytes <= 0 {
                    throw SpecError(element, .cache, .notPositive(got: "\(site.cacheBytes) bytes"))
                }
                try SpecError.requirePositive(site.uplinkBitsPerSecond, element, .uplink)
                try SpecError.require(site.nodes, in: 1...Int.max, element, .nodes)
                if catalogueObjects > LRUCache.maximumCatalogueSize {
                    throw SpecError(
                        element,
                        .cache,
                        .other("the catalogues together exceed \(LRUCache.maximumCatalogueSize) objects")
                    )
                }
            }
        }
        for placement in sharedPools {
            collector.check { () throws(SpecError) in
                let element = SpecElement.sharedPool(placement.pool.name)
                try names.regions.require(placement.region, element, .region, kind: "region")
                try placement.pool.validate()
                try SpecError.require(placement.probes, in: SharedPoolPlacement.probesRange, element, .probes)
                try SpecError.require(
                    placement.maxUploads,
                    in: SharedPoolPlacement.maxUploadsRange,
                    element,
                    .maxUploads
                )
            }
        }
    }

    func validatePopulations(_ collector: inout SpecErrorCollector, names: SpecNames) {
        var traced = Set<UInt32>()
        for trace in arrivalTraces { traced.formUnion(trace.pairs.map(\.population)) }
        for (index, population) in populations.enumerated() {
            collector.check { () throws(SpecError) in
                try validate(population, names: names, traced: traced.contains(UInt32(index)))
            }
        }
    }

    /// Checks one population; `traced` when a trace creates requests of it (then it may ask
    /// for nothing of its own).
    func validate(_ population: PopulationSpec, names: SpecNames, traced: Bool = false) throws(SpecError) {
        let element = SpecElement.population(population.name)
        if let access = population.accessBitsPerSecond {
            try SpecError.requirePositive(access, element, .access)
        }
        if let lines = population.lines { try validate(lines, element) }
        for (index, region) in (population.allowedRegions ?? []).enumerated() {
            try names.regions.require(region, element, .allowedRegions.at(index), kind: "region")
        }
        if population.demands.isEmpty, !traced {
            throw SpecError(element, .workloads, .other("the population generates no work"))
        }
        for (index, demand) in population.demands.enumerated() {
            let field = SpecField.workloads.at(index)
            try names.workloads.require(demand.workloadClass, element, field.child("workload"), kind: "workload")
            try Self.validate(demand, element, field)
            guard let position = names.workloadIndex[demand.workloadClass] else { continue }
            let workload = workloadClasses[position]
            if !names.hasCandidateSite(for: population, kind: workload.kind) {
                throw SpecError(
                    element,
                    field,
                    .other(
                        "no site may serve '\(workload.name)' (\(workload.kind.label)) for this population"
                            + (population.allowedRegions == nil ? "" : " in its allowed regions")
                    )
                )
            }
            try validateStagePlaces(of: workload, for: population, field: field)
        }
    }

    /// Each `service:` stage of `workload` has a zone offering it in `population`'s allowed
    /// regions (stages placed by service keep to them; a stage at a named zone goes there).
    func validateStagePlaces(
        of workload: WorkloadClassSpec,
        for population: PopulationSpec,
        field: SpecField
    ) throws(SpecError) {
        guard let allowed = population.allowedRegions else { return }
        for stage in workload.stages {
            guard case .service(let service) = stage.placement else { continue }
            let offered = regions.contains { placement in
                allowed.contains(placement.region.name)
                    && placement.region.zones.contains { $0.services.contains(service) }
            }
            if !offered {
                throw SpecError(
                    .population(population.name),
                    field,
                    .other(
                        "stage '\(stage.name)' of '\(workload.name)' needs service '\(service)', which no zone in "
                            + "the population's allowed regions offers"
                    )
                )
            }
        }
    }

    func validatePolicies(_ collector: inout SpecErrorCollector, names: SpecNames) {
        if case .weighted(let weights) = routing {
            for (site, weight) in weights.sorted(by: { $0.key < $1.key }) {
                collector.check { () throws(SpecError) in
                    try names.sites.require(site, .routing, .weights.child(site), kind: "site")
                    try SpecError.requireNonNegative(weight, .routing, .weights.child(site))
                }
            }
        }
        collector.check { () throws(SpecError) in
            try SpecError.require(retry.maxAttempts, in: RetryPolicy.attemptsRange, .retry, .attempts)
            if retry.backoff < .zero {
                throw SpecError(.retry, .backoff, .negative(got: "\(retry.backoff)"))
            }
            if retry.cap < .zero {
                throw SpecError(.retry, .cap, .negative(got: "\(retry.cap)"))
            }
            if !(retry.multiplier.isFinite && retry.multiplier >= 1) {
                throw SpecError(.retry, .multiplier, .tooSmall(got: "\(retry.multiplier)", minimum: "1"))
            }
        }
    }

    /// Checks that every measured latency names two places the latency model knows: regions,
    /// edge sites, shared pools and populations (a zone is reached at its region's name).
    ///
    /// Not part of ``validate()``: a what-if that removes a place (a variant without the edge
    /// tier) keeps the measured figures written for it, which then simply apply to nothing.
    /// Check a scenario as written with this, to catch a misspelt name.
    ///
    /// - Throws: ``SpecErrors``, one per pair naming an unknown place, field `between`.
    /// - Complexity: O(places + measured pairs).
    public func validateMeasuredLatencyPlaces() throws(SpecErrors) {
        var collector = SpecErrorCollector()
        let pairs = latency.measuredPairs
        guard !pairs.isEmpty else { return }
        let places = KnownNames(
            regionNames + edgeSites.map(\.name) + sharedPools.map(\.pool.name) + populations.map(\.name)
        )
        let kind = "place (a region, edge site, shared pool or population)"
        for pair in pairs {
            collector.check { () throws(SpecError) in
                let element = SpecElement(.measuredLatency, name: "\(pair.first), \(pair.second)")
                try places.require(pair.first, element, .between, kind: kind)
                try places.require(pair.second, element, .between, kind: kind)
            }
        }
        try collector.throwIfAny()
    }

    func validateFailures(_ collector: inout SpecErrorCollector, names: SpecNames) {
        let links = KnownNames(linkNames)
        var groupNames: [String] = []
        for group in failureGroups {
            let element = SpecElement(.failureGroup, name: group.name)
            collector.check { () throws(SpecError) in
                if groupNames.contains(group.name) { throw SpecError(element, .name, .duplicateName(group.name)) }
                groupNames.append(group.name)
                for zone in group.zones { try names.zones.require(zone, element, .zones, kind: "zone") }
            }
        }
        let groups = KnownNames(groupNames)
        let targets =
            outages.enumerated().map { (SpecElement.outage($0.offset, of: $0.element.target), $0.element.target) }
            + randomFailures.enumerated().map {
                (SpecElement.randomFailure($0.offset, of: $0.element.target), $0.element.target)
            }
            + slowdowns.enumerated().map { (SpecElement.slowdown($0.offset, of: $0.element.target), $0.element.target) }
            + healthCheckOverrides.map { (SpecElement(.healthCheck, name: $0.target.name), $0.target) }
        for (element, target) in targets {
            collector.check { () throws(SpecError) in
                let field = SpecField.target(target)
                switch target {
                case .zone(let name):
                    try names.zones.require(name, element, field, kind: "zone")
                case .region(let name):
                    try names.regions.require(name, element, field, kind: "region")
                case .edgeSite(let name):
                    try names.edgeSites.require(name, element, field, kind: "edge site")
                case .link(let name):
                    try links.require(name, element, field, kind: "link")
                case .group(let name):
                    try groups.require(name, element, field, kind: "failure group")
                }
            }
        }
        var seen: Set<FailureTarget> = []
        for (index, spec) in randomFailures.enumerated() where !seen.insert(spec.target).inserted {
            collector.check { () throws(SpecError) in
                throw SpecError(
                    .randomFailure(index, of: spec.target),
                    .target(spec.target),
                    .other("repeats the target \(spec.target): give each target at most one random-failure spec")
                )
            }
        }
    }

    func validatePrices(_ collector: inout SpecErrorCollector, names: SpecNames) {
        guard let prices else { return }
        // Edge and pool prices are indexed like the spec's sites: none, or one per site in order.
        let edgeNames = edgeSites.map(\.name)
        if !prices.edgeSites.isEmpty && prices.edgeSites.map(\.site) != edgeNames {
            collector.check { () throws(SpecError) in
                throw SpecError(.cost, .price, .other("must price every edge site, in the spec's order"))
            }
        }
        let poolNames = sharedPools.map(\.pool.name)
        if !prices.sharedPools.isEmpty && prices.sharedPools.map(\.pool) != poolNames {
            collector.check { () throws(SpecError) in
                throw SpecError(.cost, .price, .other("must price every shared pool, in the spec's order"))
            }
        }
        for pricing in prices.regions {
            collector.check { () throws(SpecError) in
                if !names.regions.contains(pricing.region) {
                    throw SpecError(
                        .region(pricing.region),
                        .price,
                        .other("prices a region the model does not have"),
                        suggestion: NameSuggestion.closest(to: pricing.region, among: names.regions.names)
                    )
                }
            }
        }
    }

    /// The names links can be failed by: the built-in `<region>.egress`, `<region>.ingress`,
    /// `<edge site>.uplink` and `<population>.access` (limited or not: an unlimited one fails
    /// too), then the links drawn in ``links``.
    public var linkNames: [String] {
        builtinLinkNames + links.map(\.name)
    }

    /// The names of the built-in links, limited or not, in the order ``linkNames`` lists them.
    public var builtinLinkNames: [String] {
        regions.map { "\($0.region.name).egress" } + regions.map { "\($0.region.name).ingress" }
            + edgeSites.map { "\($0.name).uplink" } + populations.map { "\($0.name).access" }
    }

    /// The names of the links with a capacity (that a path may cross): built-in links with a
    /// limit, then the drawn links.
    public var limitedLinkNames: [String] {
        regions.compactMap { $0.egressBitsPerSecond == nil ? nil : "\($0.region.name).egress" }
            + regions.compactMap { $0.ingressBitsPerSecond == nil ? nil : "\($0.region.name).ingress" }
            + edgeSites.map { "\($0.name).uplink" }
            + populations.compactMap { $0.accessBitsPerSecond == nil ? nil : "\($0.name).access" }
            + links.map(\.name)
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

extension ModelSpec {
    /// Checks a population's client lines: at least one technology, each share in (0, 1],
    /// the shares summing to 1, each rate distribution with a positive mean.
    func validate(_ lines: ClientLineMix, _ element: SpecElement) throws(SpecError) {
        guard !lines.technologies.isEmpty else { throw SpecError(element, .line, .empty) }
        var total = 0.0
        for (index, technology) in lines.technologies.enumerated() {
            let field = lines.technologies.count == 1 ? SpecField.line : SpecField.line.at(index)
            guard technology.share > 0, technology.share <= 1 else {
                throw SpecError(element, field.child("share"), .other("must be in (0, 1], got \(technology.share)"))
            }
            guard technology.bitsPerSecond.mean > 0, technology.bitsPerSecond.mean.isFinite else {
                throw SpecError(element, field.child("rate"), .other("needs a positive mean rate"))
            }
            total += technology.share
        }
        guard abs(total - 1) <= ClientLineMix.shareTolerance else {
            throw SpecError(
                element,
                .line,
                .other("shares sum to \((total * 1e6).rounded() / 1e6); they must sum to 1 (every client has one line)")
            )
        }
    }
}

extension ModelSpec {
    /// Checks a stream's player: positive, finite buffers and segment; the start-up and resume
    /// buffers and a segment within the buffer ahead; a start-up buffer no longer than the
    /// mean video (`videoSeconds`, the mean object size over the bitrate); a viewing time with a
    /// positive mean.
    static func validate(_ playback: PlaybackSpec, videoSeconds: Double, element: SpecElement) throws(SpecError) {
        let buffers: [(String, Double)] = [
            ("segment", playback.segmentSeconds), ("startup", playback.startupSeconds),
            ("resume", playback.resumeSeconds), ("buffer_ahead", playback.bufferAheadSeconds),
        ]
        for (key, value) in buffers {
            try SpecError.requirePositive(value, element, .playback.child(key))
        }
        for (key, value) in buffers.dropLast() where value > playback.bufferAheadSeconds {
            throw SpecError(
                element,
                .playback.child(key),
                .other(
                    "\(value) s is longer than 'buffer_ahead' (\(playback.bufferAheadSeconds) s), the most the player holds"
                )
            )
        }
        if playback.startupSeconds > videoSeconds {
            throw SpecError(
                element,
                .playback.child("startup"),
                .other(
                    "\(playback.startupSeconds) s is longer than the mean video (\((videoSeconds * 10).rounded() / 10) s: "
                        + "object_size over bitrate)"
                )
            )
        }
        if let watch = playback.watchSeconds, !(watch.mean > 0 && watch.mean.isFinite) {
            throw SpecError(element, .playback.child("watch"), .other("needs a positive, finite mean viewing time"))
        }
    }
}

extension ModelSpec {
    /// Checks a stream's ladder: positive, finite, strictly ascending rates whose top is the
    /// stream's bitrate (the rate its object size is a video of).
    static func validate(ladder: [Double], bitrate: Double, element: SpecElement) throws(SpecError) {
        guard !ladder.isEmpty else { return }
        let field = SpecField.playback.child("ladder")
        for (index, rate) in ladder.enumerated() {
            try SpecError.requirePositive(rate, element, field.at(index))
            if index > 0, rate <= ladder[index - 1] {
                throw SpecError(
                    element,
                    field.at(index),
                    .other("renditions must go up: \(rate) bit/s after \(ladder[index - 1]) bit/s")
                )
            }
        }
        if ladder[ladder.count - 1] != bitrate {
            throw SpecError(
                element,
                field,
                .other(
                    "the top rendition (\(ladder[ladder.count - 1]) bit/s) must be the stream's 'bitrate' "
                        + "(\(bitrate) bit/s), the rate its object sizes are videos of"
                )
            )
        }
    }
}
