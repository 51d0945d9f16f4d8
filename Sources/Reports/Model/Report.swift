/// Any report a renderer can render: one run, a comparison, or a sweep.
public enum Report: Hashable, Sendable {
    /// One run.
    case run(RunReport)
    /// Several runs against the first.
    case comparison(ComparisonReport)
    /// One run per value of a swept parameter.
    case sweep(SweepReport)
}

extension Report {
    /// Every run's warnings, prefixed with the run's label in comparisons and sweeps: what a
    /// command prints on standard error after the report.
    public var warnings: [String] {
        switch self {
        case .run(let run):
            return run.warnings
        case .comparison(let comparison):
            return comparison.entries.flatMap { entry in entry.report.warnings.map { entry.label + ": " + $0 } }
        case .sweep(let sweep):
            return sweep.points.flatMap { point in
                point.report.warnings.map { sweep.parameter + " = " + point.value + ": " + $0 }
            }
        }
    }
}
