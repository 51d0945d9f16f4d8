import ShareModel
import SimCore

/// Turns a resolved scenario document into a ``Scenario``, reporting every problem at its
/// file, line and column.
public enum ScenarioDecoder {
    /// The scenario `document` describes (read from `file`).
    ///
    /// - Throws: ``ScenarioError`` with every problem found: unknown fields (with
    ///   suggestions), missing fields, wrong or missing units, impossible values, and
    ///   cross-references to unknown regions, sites, workloads or populations. With
    ///   `asWritten` (the default; false for a variant, sweep point or `--set` applied to a
    ///   scenario already checked), measured latencies must name places the scenario has.
    public static func decode(
        _ document: ScenarioNode,
        file: String,
        limits: ScenarioLimits = .standard,
        asWritten: Bool = true
    ) throws(ScenarioError) -> Scenario {
        var builder = ScenarioBuilder(file: file, limits: limits, asWritten: asWritten)
        let scenario = builder.scenario(from: document)
        try builder.diagnostics.throwIfErrors()
        guard let scenario else {
            throw ScenarioError(Diagnostics([.error("the scenario could not be read", at: document.location)]))
        }
        return scenario
    }
}

/// The state of one decoding: diagnostics so far and where each element came from.
struct ScenarioBuilder {
    let file: String
    let limits: ScenarioLimits
    /// Whether the document is the scenario as written (not a variant, sweep point or
    /// `--set` of it): only then must measured latencies name places it has.
    let asWritten: Bool
    var diagnostics = Diagnostics()
    /// The node of each element, by the typed reference model errors carry, recorded as each
    /// element is read.
    var elements: [SpecElement: ScenarioNode] = [:]
    /// Names known so far, as the file writes them, for cross-references.
    var regionNames = ReferenceNames()
    var siteNames = ReferenceNames()
    var workloadNames = ReferenceNames()
    var zoneNames = ReferenceNames()
    var edgeNames = ReferenceNames()
    var populationNames = ReferenceNames()
    var groupNames = ReferenceNames()
    /// The names of the links drawn in `links`, as the file writes them.
    var drawnLinkNames = ReferenceNames()
    /// The scenario's health check, and its regions', zones' and edge sites' own, as read.
    var healthCheck: HealthCheckSpec?
    var healthCheckOverrides: [HealthCheckOverride] = []
    /// The gray failures read from `failures`.
    var slowdowns: [ScheduledSlowdown] = []
    /// How many more unknown names get a suggestion: finding one costs a pass over every
    /// name of the kind, so a file of many bad references stays linear.
    var suggestionsLeft = ScenarioBuilder.suggestionLimit
    /// Service times the zones read so far hold (one per zone and workload class).
    var serviceTimes = 0
    /// Whether the service-time limit was reported.
    var reportedServiceTimes = false
    /// Service-time errors already reported, so that a class's bad default is reported once
    /// and not again by every zone.
    var reportedServiceErrors: Set<SpecError> = []
    /// The scenario's currency and exchange rates, read before any price.
    var currency = CurrencyContext()

    /// The most unknown names that get a "did you mean" in one decoding.
    static let suggestionLimit = 100

    init(file: String, limits: ScenarioLimits = .standard, asWritten: Bool = true) {
        self.file = file
        self.limits = limits
        self.asWritten = asWritten
    }

    mutating func scenario(from document: ScenarioNode) -> Scenario? {
        var result: Scenario?
        var local = Diagnostics()
        MappingReader.read(document, context: "scenario", into: &local) { top in
            result = self.read(&top, document: document)
        }
        diagnostics.append(contentsOf: local)
        return result
    }

    mutating func read(_ top: inout MappingReader, document: ScenarioNode) -> Scenario? {
        elements[.scenario] = document
        top.ignore("extends")
        // A user's own file needs only a duration, workloads, sites and populations: the name
        // defaults to the file's, the description to nothing, the sources to none.
        let name = top.entry("name") == nil ? Self.defaultName(forFile: file) : top.required("name", as: .name)
        let description = top.optional("description", as: .string, default: "")
        let sources = top.mappings("sources", element: "source") { source -> SourceCitation? in
            let seed = source.required("seed", as: .name)
            let figure = source.required("figure", as: .string)
            let usedIn = source.required("used_in", as: .string)
            return seed.flatMap { seed in
                figure.flatMap { figure in usedIn.map { SourceCitation(seed: seed, figure: figure, usedIn: $0) } }
            }
        }
        let assumptions =
            top.mappings("assumptions", element: "assumption") { assumption -> Assumption? in
                let figure = assumption.required("figure", as: .string)
                let reason = assumption.required("reason", as: .string)
                return figure.flatMap { figure in reason.map { Assumption(figure: figure, reason: $0) } }
            } ?? []
        let duration = top.required("duration", as: .simDuration)
        let warmup = top.optional("warmup", as: .simDuration, default: .zero)
        let interval = top.optional("interval", as: .simDuration)
        let seed = top.optional("seed", as: .count, default: 1)
        let replications = top.optional(
            "replications",
            as: ValueParser<Int>.count.atLeast(1).atMost(10_000),
            default: 1
        )
        readCurrency(&top)
        let latency = readLatency(&top)
        let workloads = readWorkloads(&top)
        let regions = readRegions(&top, workloads: workloads ?? [])
        let edgeSites = readEdgeSites(&top)
        let pools = readPools(&top)
        let populations = readPopulations(&top, workloads: workloads ?? [])
        let (routing, retry) = readRouting(&top)
        readHealthCheck(&top, for: nil)
        let links = readLinks(&top)
        let paths = readPaths(&top)
        let failureGroups = readFailureGroups(&top)
        let (outages, randomFailures) = readFailures(&top)
        if let cost = top.node("cost") { elements[.cost] = cost }
        let creditPrice =
            top.mapping("cost") { cost in
                self.price(&cost, "credit", per: nil)
            } ?? nil
        let variants = readVariants(&top)
        let sweep = readSweep(&top)
        let reportRequest = readReport(&top)
        let traceEntries = readTraces(&top)
        let deviceTraceEntries = readDeviceTraces(&top)

        // Later checks would only repeat earlier problems (an element that failed to read is
        // missing from the model), so the model is checked as a whole only when all is well.
        guard !diagnostics.hasErrors, !top.diagnostics.hasErrors else { return nil }
        guard let name, let duration, let latency, let workloads, let regions,
            let edgeSites, let pools, let populations, let routing, let retry, let outages, let randomFailures,
            let links, let paths
        else { return nil }
        let prices = buildPrices(regions: regions, edgeSites: edgeSites, pools: pools, creditPrice: creditPrice)
        guard !diagnostics.hasErrors else { return nil }
        var spec = ModelSpec(
            regions: regions.map(\.placement),
            edgeSites: edgeSites.map(\.spec),
            sharedPools: pools.map(\.placement),
            populations: populations,
            workloadClasses: workloads.map(\.spec),
            routing: routing,
            retry: retry,
            latency: latency,
            outages: outages,
            randomFailures: randomFailures,
            failureGroups: failureGroups,
            slowdowns: slowdowns,
            healthCheck: healthCheck,
            healthCheckOverrides: healthCheckOverrides,
            prices: prices,
            warmup: warmup,
            duration: duration,
            interval: interval ?? max(.seconds(1), .nanoseconds(duration.nanoseconds / 20))
        )
        spec.links = links
        spec.paths = paths
        spec.arrivalTraces = buildTraces(traceEntries, spec: spec)
        spec.deviceTraces = buildDeviceTraces(deviceTraceEntries, spec: spec)
        guard !diagnostics.hasErrors else { return nil }
        do {
            try spec.validate()
            if asWritten { try spec.validateMeasuredLatencyPlaces() }
        } catch {
            for problem in error.errors { report(problem) }
            return nil
        }
        var scenario = Scenario(
            name: name,
            description: description,
            file: file,
            sources: sources ?? [],
            assumptions: assumptions,
            seed: UInt64(seed),
            replications: replications,
            spec: spec,
            variants: variants,
            sweep: sweep,
            report: reportRequest,
            document: document
        )
        scenario.elementNodes = elements
        return scenario
    }

    /// Reports a model error at the node of the field it names, inside the node of its element.
    /// The name a scenario without `name:` takes: its file's name without the folder and the
    /// `.yaml`/`.yml` extension (`mini.yaml` is `mini`).
    static func defaultName(forFile file: String) -> String {
        var name = file.split(separator: "/").last.map(String.init) ?? file
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        if name.hasPrefix(BuiltinScenarios.scheme) { name.removeFirst(BuiltinScenarios.scheme.count) }
        return name.isEmpty ? "scenario" : name
    }

    mutating func report(_ error: SpecError) {
        diagnostics.error(Self.message(for: error), at: location(of: error).location, suggestion: error.suggestion)
    }

    /// Reports a model error through `reader`, at the field it names inside its element (or
    /// inside the reader's node when the element has not been recorded).
    func report(_ error: SpecError, in reader: inout MappingReader) {
        reader.error(
            Self.message(for: error),
            at: location(of: error, fallback: reader.node),
            suggestion: error.suggestion
        )
    }

    /// The node a model error points at: its field's value inside its element's node, or the
    /// deepest part of that path the file has (the element itself when the key is absent).
    func location(of error: SpecError, fallback: ScenarioNode? = nil) -> ScenarioNode {
        guard let element = elements[error.element] ?? fallback ?? elements[.scenario] else {
            return .null(at: SourceLocation(file: file, line: 1, column: 1))
        }
        return Self.node(of: error.field, in: element)
    }

    /// The node of `field` inside `element`, or the deepest part of that path it has.
    static func node(of field: SpecField, in element: ScenarioNode) -> ScenarioNode {
        var node = element
        for step in field.steps {
            let next: ScenarioNode?
            switch step {
            case .key(let key): next = node.entry(key)?.value
            case .index(let position):
                next = node.sequenceElements.flatMap { $0.indices.contains(position) ? $0[position] : nil }
            }
            guard let next else { break }
            node = next
        }
        return node
    }

    /// The names of the elements of `kind` as the file writes them, whether they read or not,
    /// so that a reference to an element that failed is not reported a second time.
    func names(of kind: SpecElement.Kind) -> ReferenceNames {
        ReferenceNames(elements.keys.filter { $0.kind == kind }.map(\.name).sorted())
    }

    /// `invalid 'cores' in zone 'hz-a': must be at least 1, got 0`.
    static func message(for error: SpecError) -> String {
        "invalid '\(error.field)' in \(error.element): \(error.message)"
    }

    /// The name among `known` that `name` probably meant, while suggestions last.
    mutating func suggestion(for name: String, among known: ReferenceNames) -> String? {
        guard suggestionsLeft > 0 else { return nil }
        suggestionsLeft -= 1
        return Suggestions.best(for: name, among: known.ordered)
    }

    /// Reports `name` at `node` if it is not among `known`, with a suggestion.
    mutating func requireKnown(
        _ name: String,
        among known: ReferenceNames,
        kind: String,
        from context: String,
        at node: ScenarioNode?
    ) {
        guard !known.contains(name), let node else { return }
        diagnostics.error(
            "\(context) refers to unknown \(kind) '\(name)'",
            at: node.location,
            suggestion: suggestion(for: name, among: known)
        )
    }

    /// How many elements the list or mapping `node` holds as written (0 for anything else).
    static func writtenCount(_ node: ScenarioNode?) -> Int {
        node?.sequenceElements?.count ?? node?.mappingEntries?.count ?? 0
    }

    mutating func readLatency(_ top: inout MappingReader) -> LatencyModel? {
        if let node = top.node("latency") { elements[.latency] = node }
        let values = top.mapping("latency") { latency in
            (
                speed: latency.optional(
                    "fibre_speed",
                    as: .number,
                    default: LatencyModel.defaultFibreSpeedKilometresPerSecond
                ),
                inflation: latency.optional(
                    "path_inflation",
                    as: .number,
                    default: LatencyModel.defaultPathInflation
                ),
                jitter: latency.optional("jitter", as: .simDuration, default: .zero),
                measured: latency.mappings("measured", element: "measured latency") { pair in
                    (
                        between: pair.list("between", of: .name, required: true),
                        latency: pair.required("latency", as: .simDuration),
                        node: pair.node
                    )
                } ?? []
            )
        }
        var model: LatencyModel
        do {
            let jitter = try LatencyJitter(seed: 0, pairSpread: values?.jitter ?? .zero)
            model = try LatencyModel(
                fibreSpeedKilometresPerSecond: values?.speed ?? LatencyModel.defaultFibreSpeedKilometresPerSecond,
                pathInflation: values?.inflation ?? LatencyModel.defaultPathInflation,
                jitter: jitter
            )
        } catch {
            report(error)
            return nil
        }
        var failed = false
        for (index, pair) in (values?.measured ?? []).enumerated() {
            elements[.measuredLatency(index)] = pair.node
            guard let between = pair.between, let latency = pair.latency else { continue }
            guard between.count == 2 else {
                diagnostics.error(
                    "'between' in a measured latency needs exactly two names, got \(between.count)",
                    at: pair.node.location
                )
                continue
            }
            let endpoints = EndpointPair(between[0], between[1])
            elements[SpecElement(.measuredLatency, name: "\(endpoints.first), \(endpoints.second)")] = pair.node
            do {
                try model.setMeasuredLatency(latency, between: between[0], and: between[1])
            } catch {
                report(error.attributed(to: .measuredLatency(index)))
                failed = true
            }
        }
        return failed ? nil : model
    }
}

extension ValueParser where Value == SimDuration {
    /// A duration that must be more than zero.
    var positiveDuration: ValueParser<SimDuration> {
        require("must be more than zero") { $0 > .zero }
    }
}
