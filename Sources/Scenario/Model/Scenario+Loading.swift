extension Scenario {
    /// The scenario in the file at `path`, with its `extends` resolved.
    ///
    /// - Throws: ``ScenarioError`` with every problem, each at its file, line and column.
    public static func load(path: String, loader: ScenarioLoader = ScenarioLoader()) throws(ScenarioError) -> Scenario {
        let (document, files) = try loader.loadListingFiles(path)
        var scenario = try ScenarioDecoder.decode(document, file: path, limits: loader.limits)
        scenario.sourceFiles = files
        return scenario
    }

    /// The scenario in `text`, reported as file `name` (built-in scenarios, tests).
    public static func parse(
        _ text: String,
        name: String,
        limits: ScenarioLimits = .standard
    ) throws(ScenarioError) -> Scenario {
        var diagnostics = Diagnostics()
        let document = ScenarioLoader(files: [name: text], limits: limits).load(name, diagnostics: &diagnostics)
        try diagnostics.throwIfErrors()
        guard let document else { throw ScenarioError(diagnostics) }
        return try ScenarioDecoder.decode(document, file: name, limits: limits)
    }

    /// The names of the variants, with `base` (the scenario itself) first.
    public var variantNames: [String] { ["base"] + variants.map(\.name) }

    /// The scenario with variant `name` applied (`base` is the scenario itself).
    ///
    /// - Throws: ``ScenarioError`` if there is no such variant (with a suggestion), or if its
    ///   overrides miss their paths or make the scenario invalid.
    public func applying(variant name: String) throws(ScenarioError) -> Scenario {
        if name == "base" { return self }
        guard let variant = variants.first(where: { $0.name == name }) else {
            var diagnostics = Diagnostics()
            diagnostics.error(
                "scenario '\(self.name)' has no variant '\(name)' (it has: \(variantNames.joined(separator: ", ")))",
                at: .startOf(file),
                suggestion: Suggestions.best(for: name, among: variantNames)
            )
            throw ScenarioError(diagnostics)
        }
        return try applying(variant)
    }

    /// The scenario with `variant`'s overrides applied.
    func applying(_ variant: ScenarioVariant) throws(ScenarioError) -> Scenario {
        var document = self.document
        var diagnostics = Diagnostics()
        ScenarioOverrides.apply(
            variant.overrides.map { ($0.path, $0.value, $0.value.location) },
            to: &document,
            diagnostics: &diagnostics
        )
        try diagnostics.throwIfErrors()
        return try redecoded(document, touching: variant.overrides.map(\.path))
    }

    /// The scenario with the node at `path` replaced by `value` (a sweep point or `--set`),
    /// reported at `location` if the path misses.
    public func setting(
        _ path: ScenarioPath,
        to value: ScenarioNode,
        at location: SourceLocation
    ) throws(ScenarioError) -> Scenario {
        var document = self.document
        var diagnostics = Diagnostics()
        ScenarioOverrides.apply(path: path, value: value, to: &document, at: location, diagnostics: &diagnostics)
        try diagnostics.throwIfErrors()
        return try redecoded(document, touching: [path])
    }

    /// The scenario `document` (this scenario's, changed at `paths`) describes.
    ///
    /// Unless a path leads into `variants` or `sweep`, those sections are this scenario's
    /// own, already checked: they are not decoded again, so checking every variant of a file
    /// costs the base scenario's size per variant, not the whole file's.
    func redecoded(_ document: ScenarioNode, touching paths: [ScenarioPath]) throws(ScenarioError) -> Scenario {
        let ownSections: Set<String> = ["variants", "sweep"]
        guard !paths.contains(where: { $0.segments.first.map(ownSections.contains) ?? false }),
            let entries = document.mappingEntries
        else {
            var result = try ScenarioDecoder.decode(document, file: file, asWritten: false)
            result.document = document
            result.sourceFiles = sourceFiles
            return result
        }
        let base = ScenarioNode.mapping(entries.filter { !ownSections.contains($0.key) }, at: document.location)
        var result = try ScenarioDecoder.decode(base, file: file, asWritten: false)
        result.variants = variants
        result.sweep = sweep
        result.document = document
        result.sourceFiles = sourceFiles
        return result
    }
}
