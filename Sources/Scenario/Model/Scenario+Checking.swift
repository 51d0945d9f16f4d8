extension Scenario {
    /// Checks every variant and every sweep point: each must apply and decode.
    ///
    /// - Throws: ``ScenarioError`` with the first variant's or sweep point's problems.
    public func checkVariantsAndSweep() throws(ScenarioError) {
        for variant in variantNames { _ = try applying(variant: variant) }
        if let sweep {
            for value in sweep.values { _ = try setting(sweep.path, to: value, at: value.location) }
        }
    }

    /// What the scenario holds beyond its base run, for one-line summaries: `3 variants, a
    /// sweep of 4 values`; empty when it has neither.
    public var extrasSummary: String {
        [
            variants.isEmpty ? nil : "\(variants.count) variant\(variants.count == 1 ? "" : "s")",
            sweep.map { "a sweep of \($0.values.count) values" },
        ].compactMap { $0 }.joined(separator: ", ")
    }
}
