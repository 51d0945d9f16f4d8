extension Scenario {
    /// Checks every variant and every sweep point: each must apply and decode.
    ///
    /// - Throws: ``ScenarioError`` with the first variant's or sweep point's problems.
    public func checkVariantsAndSweep() throws(ScenarioError) {
        _ = try variantsAndSweepPoints()
    }

    /// Every variant (`base` first) and every sweep point of the base, applied, with labels
    /// such as `no-edge` or `shared_pools.p.devices=10k`.
    ///
    /// - Throws: ``ScenarioError`` with the first variant's or sweep point's problems.
    public func variantsAndSweepPoints() throws(ScenarioError) -> [(label: String, scenario: Scenario)] {
        var result: [(label: String, scenario: Scenario)] = []
        for variant in variantNames { result.append((variant, try applying(variant: variant))) }
        if let sweep {
            for value in sweep.values {
                result.append(("\(sweep.path)=\(value)", try setting(sweep.path, to: value, at: value.location)))
            }
        }
        return result
    }

    /// What the scenario holds beyond its base run, for one-line summaries: `3 variants, a
    /// sweep of 4 values`; empty when it has neither.
    public var extrasSummary: String {
        [
            variants.isEmpty ? nil : "\(variants.count) variant\(variants.count == 1 ? "" : "s")",
            sweep.map { "a sweep of \($0.values.count) values" },
        ].compactMap { $0 }.joined(separator: ", ")
    }

    /// The variants and the sweep by name, for listings: `variants: base, no-edge; sweep:
    /// shared_pools.p.devices over 10k, 20k`; nil when the scenario has neither.
    public var variantsAndSweep: String? {
        let parts = [
            variants.isEmpty ? nil : "variants: " + variantNames.joined(separator: ", "),
            sweep.map { "sweep: \($0.path) over " + $0.values.map(\.description).joined(separator: ", ") },
        ].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
