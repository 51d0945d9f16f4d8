import ShareModel

/// A scenario as one YAML file that stands alone: what `sharesim show` prints and
/// `sharesim init` writes.
///
/// A file that extends nothing, asked for without a variant, is its text exactly as written
/// (comments and `sources` citations included). Otherwise it is the resolved scenario written
/// by ``YAMLWriter`` under a comment saying what was resolved: the files it extends merged in,
/// and the variant's overrides applied. A resolved variant leaves out the scenario's
/// `variants` (they were written against the base scenario: the file *is* the variant now)
/// and keeps its `sweep` when every point still applies to the variant. The scenario's `name`
/// is always written, so the file runs under the same name wherever it is saved. The text
/// decodes to the same model as the original, so it runs to the same results.
public struct StandaloneScenario: Hashable, Sendable {
    /// The YAML text, ending with a line break.
    public var text: String
    /// Whether ``text`` is the file exactly as written rather than the resolved scenario.
    public var isVerbatim: Bool

    /// The built-in scenario `name`, with `variant` applied unless it is nil or `base`.
    ///
    /// - Throws: ``ScenarioError`` for an unknown scenario (listing the built-in ones) or an
    ///   unknown variant (listing the scenario's), or if the variant does not apply.
    public static func builtin(_ name: String, variant: String? = nil) throws(ScenarioError) -> StandaloneScenario {
        try BuiltinScenarios.requireExists(name)
        return try resolve(
            text: BuiltinScenarios.text(of: name) ?? "",
            path: BuiltinScenarios.path(of: name),
            what: "Built-in scenario \(name)",
            variant: variant,
            loader: BuiltinScenarios.loader
        )
    }

    /// The scenario file at `path` (read through `loader`), with `variant` applied unless it
    /// is nil or `base`.
    ///
    /// - Throws: ``ScenarioError`` if the file cannot be read or decoded, or for an unknown
    ///   variant (listing the scenario's).
    public static func file(
        _ path: String,
        variant: String? = nil,
        loader: ScenarioLoader = ScenarioLoader()
    ) throws(ScenarioError) -> StandaloneScenario {
        switch loader.read(path) {
        case .success(let text):
            return try resolve(text: text, path: path, what: "Scenario file \(path)", variant: variant, loader: loader)
        case .failure(let problem):
            var diagnostics = Diagnostics()
            diagnostics.error("cannot read scenario file '\(path)': \(problem.reason)", at: .startOf(path))
            throw ScenarioError(diagnostics)
        }
    }

    /// `text`, read as the file `path` (described as `what` in the header comment), as it
    /// stands alone with `variant` applied.
    static func resolve(
        text: String,
        path: String,
        what: String,
        variant: String?,
        loader: ScenarioLoader
    ) throws(ScenarioError) -> StandaloneScenario {
        var resolver = ExtendsResolver(loader: loader)
        let resolved = resolver.resolve(path, text: text)
        try resolver.diagnostics.throwIfErrors()
        guard let resolved else { throw ScenarioError(resolver.diagnostics) }
        let scheme = BuiltinScenarios.scheme
        let extended = resolver.reads.dropFirst().map { $0.hasPrefix(scheme) ? String($0.dropFirst(scheme.count)) : $0 }
        let variant = variant == "base" ? nil : variant
        let base = try ScenarioDecoder.decode(resolved, file: path, limits: loader.limits)
        guard variant != nil || !extended.isEmpty else {
            return StandaloneScenario(text: text.hasSuffix("\n") ? text : text + "\n", isVerbatim: true)
        }
        var comment: [String] = []
        var document = resolved
        if let variant {
            let applied = try base.applying(variant: variant)
            document = applied.document
            let description = base.variants.first { $0.name == variant }?.description ?? ""
            comment.append("\(what) with its variant \(variant) applied by `sharesim show`: \(description)")
            var dropped = ["variants"]
            if let sweep = applied.sweep {
                let applies = sweep.values.allSatisfy { value in
                    (try? applied.setting(sweep.path, to: value, at: value.location)) != nil
                }
                if !applies { dropped.append("sweep") }
                comment.append(
                    applies
                        ? "The other variants are left out; the sweep is kept."
                        : "The other variants and the sweep (of \(sweep.path), which this variant changes) are left out."
                )
            } else if base.variants.count > 1 {
                comment.append("The other variants are left out.")
            }
            document = document.removing(keys: dropped)
            let (kept, removedPlaces) = document.keepingMeasuredLatencies(amongPlacesOf: applied.spec)
            document = kept
            if !removedPlaces.isEmpty {
                comment.append(
                    "Measured latencies naming places this variant removes (\(removedPlaces.joined(separator: ", "))) "
                        + "are left out."
                )
            }
            let (focused, removedFigures) = document.keepingReportFigures(amongEntitiesOf: applied.spec)
            document = focused
            if !removedFigures.isEmpty {
                comment.append(
                    "Report figures of things this variant removes (\(removedFigures.joined(separator: ", "))) "
                        + "are left out."
                )
            }
        } else {
            comment.append("\(what), resolved by `sharesim show`.")
        }
        if !extended.isEmpty {
            comment.append(
                "What it extends (\(extended.joined(separator: ", "))) is merged in, so this file stands alone; "
                    + "comments are not kept."
            )
        }
        if document["name"] == nil, var entries = document.mappingEntries {
            let location = document.location
            entries.insert(
                MappingEntry(key: "name", keyLocation: location, value: .scalar(base.name, at: location)),
                at: 0
            )
            document = .mapping(entries, at: location)
        }
        let header = comment.flatMap { commentLines($0) }.joined() + "\n"
        return StandaloneScenario(
            text: header + (try YAMLWriter.text(of: document.movingToEnd(["variants", "sweep"]))),
            isVerbatim: false
        )
    }

    /// `text` as YAML comment lines of at most about 100 columns, each ending with a line break.
    static func commentLines(_ text: String) -> [String] {
        var lines: [String] = []
        var line = "#"
        for word in text.split(whereSeparator: \.isWhitespace) {
            if line.count + 1 + word.count > 100, line != "#" {
                lines.append(line + "\n")
                line = "#"
            }
            line += " " + word
        }
        lines.append(line + "\n")
        return lines
    }
}

extension ScenarioNode {
    /// This mapping with the entries under `keys` moved after the others, in the order of
    /// `keys` (any other node unchanged): a file reads better with its what-ifs last.
    func movingToEnd(_ keys: [String]) -> ScenarioNode {
        guard let entries = mappingEntries else { return self }
        let moved = keys.compactMap { key in entries.first { $0.key == key } }
        return .mapping(entries.filter { !keys.contains($0.key) } + moved, at: location)
    }

    /// This scenario document with the entries of `latency.measured` that name a place `spec`
    /// does not have left out (a variant removing an edge site keeps the figures measured for
    /// it, which a file standing alone must not), and the names of those places in order.
    func keepingMeasuredLatencies(amongPlacesOf spec: ModelSpec) -> (ScenarioNode, [String]) {
        guard let entries = mappingEntries, let latencyIndex = entries.firstIndex(where: { $0.key == "latency" }),
            let latencyEntries = entries[latencyIndex].value.mappingEntries,
            let measuredIndex = latencyEntries.firstIndex(where: { $0.key == "measured" }),
            let measured = latencyEntries[measuredIndex].value.sequenceElements
        else { return (self, []) }
        var places = Set(spec.regionNames)
        places.formUnion(spec.edgeSites.map(\.name))
        places.formUnion(spec.sharedPools.map(\.pool.name))
        places.formUnion(spec.populations.map(\.name))
        var removed: [String] = []
        let kept = measured.filter { pair in
            let names = pair["between"]?.sequenceElements?.compactMap(\.scalarText) ?? []
            let unknown = names.filter { !places.contains($0) }
            for name in unknown where !removed.contains(name) { removed.append(name) }
            return unknown.isEmpty
        }
        guard !removed.isEmpty else { return (self, []) }
        var newLatency = latencyEntries
        newLatency[measuredIndex].value = .sequence(kept, at: latencyEntries[measuredIndex].value.location)
        var newEntries = entries
        newEntries[latencyIndex].value = .mapping(newLatency, at: entries[latencyIndex].value.location)
        return (.mapping(newEntries, at: location), removed)
    }

    /// This scenario document with the figures of `report.headline` and `report.charts` that
    /// name an entity `spec` does not have left out (a variant removing a pool keeps the
    /// headline figures of that pool, which a file standing alone must not), and those
    /// figures' names in order.
    func keepingReportFigures(amongEntitiesOf spec: ModelSpec) -> (ScenarioNode, [String]) {
        guard let entries = mappingEntries, let reportIndex = entries.firstIndex(where: { $0.key == "report" }),
            var reportEntries = entries[reportIndex].value.mappingEntries
        else { return (self, []) }
        var entities = Set(spec.workloadClasses.map(\.name))
        entities.formUnion(spec.regionNames)
        entities.formUnion(spec.zones.map(\.zone.name))
        entities.formUnion(spec.edgeSites.map(\.name))
        entities.formUnion(spec.sharedPools.map(\.pool.name))
        let regions = Set(spec.regionNames)
        func isKept(_ name: String) -> Bool {
            let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, !parts[1].isEmpty else { return true }
            if parts[2].hasPrefix("cloud:"), !regions.contains(String(parts[2].dropFirst("cloud:".count))) {
                return false
            }
            return entities.contains(parts[1])
        }
        var removed: [String] = []
        for index in reportEntries.indices where ["headline", "charts"].contains(reportEntries[index].key) {
            guard let names = reportEntries[index].value.sequenceElements else { continue }
            let kept = names.filter { node in
                guard let name = node.scalarText, !isKept(name) else { return true }
                if !removed.contains(name) { removed.append(name) }
                return false
            }
            reportEntries[index].value = .sequence(kept, at: reportEntries[index].value.location)
        }
        guard !removed.isEmpty else { return (self, []) }
        var newEntries = entries
        newEntries[reportIndex].value = .mapping(reportEntries, at: entries[reportIndex].value.location)
        return (.mapping(newEntries, at: location), removed)
    }

    /// This mapping without the entries under `keys` (any other node unchanged).
    func removing(keys: [String]) -> ScenarioNode {
        guard let entries = mappingEntries else { return self }
        return .mapping(entries.filter { !keys.contains($0.key) }, at: location)
    }
}
