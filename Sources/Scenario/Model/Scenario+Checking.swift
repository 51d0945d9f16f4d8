extension Scenario {
    /// Checks every variant and every sweep point: each must apply and decode.
    ///
    /// Each one decodes the scenario again (without its variants and sweep), so the work is
    /// bounded first: more than ``ScenarioLimits/checkedNodes`` nodes in all is an error at
    /// `variants` (or `sweep`) saying how much it would take.
    /// - Throws: ``ScenarioError`` with the first variant's or sweep point's problems.
    public func checkVariantsAndSweep(limits: ScenarioLimits = .standard) throws(ScenarioError) {
        _ = try variantsAndSweepPoints(limits: limits)
    }

    /// Every variant (`base` first, the scenario itself) and every sweep point of the base,
    /// applied, with labels such as `no-edge` or `shared_pools.p.devices=10k`; bounded as
    /// ``checkVariantsAndSweep(limits:)`` says.
    ///
    /// - Throws: ``ScenarioError`` with the first variant's or sweep point's problems.
    public func variantsAndSweepPoints(
        limits: ScenarioLimits = .standard
    ) throws(ScenarioError) -> [(label: String, scenario: Scenario)] {
        let checks = variants.count + (sweep?.values.count ?? 0)
        if checks > 0 {
            let nodes =
                document.mappingEntries?.filter { $0.key != "variants" && $0.key != "sweep" }
                .reduce(1) { $0 + 1 + $1.value.nodeCount } ?? document.nodeCount
            let (total, overflow) = nodes.multipliedReportingOverflow(by: checks)
            if overflow || total > limits.checkedNodes {
                let key = document.entry(variants.isEmpty ? "sweep" : "variants")
                var diagnostics = Diagnostics()
                func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
                let values = count(sweep?.values.count ?? 0, "sweep value")
                diagnostics.error(
                    "checking \(count(variants.count, "variant")) and \(values) "
                        + "would decode the scenario's \(ScenarioLimits.grouped(nodes)) YAML nodes \(checks) times; at "
                        + "most \(ScenarioLimits.grouped(limits.checkedNodes)) nodes in all may be checked: move some "
                        + "variants to files that extend this one",
                    at: key?.keyLocation ?? .startOf(file)
                )
                throw ScenarioError(diagnostics)
            }
        }
        var result: [(label: String, scenario: Scenario)] = [("base", self)]
        for variant in variants { result.append((variant.name, try applying(variant))) }
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
