/// Any report a renderer can render: one run, a comparison, or a sweep.
public enum Report: Hashable, Sendable {
    /// One run.
    case run(RunReport)
    /// Several runs against the first.
    case comparison(ComparisonReport)
    /// One run per value of a swept parameter.
    case sweep(SweepReport)
}
