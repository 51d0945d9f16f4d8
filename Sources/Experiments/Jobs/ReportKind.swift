/// Which report a command writes from its jobs: the command knows it and says so, and results
/// files carry it, so nothing downstream infers it from labels.
public enum ReportKind: Codable, Hashable, Sendable {
    /// One run (its replications).
    case run
    /// Several runs side by side, against the first (entries told apart by ``SimulationJob/entry``).
    case comparison
    /// One run per value of the setting at `parameter` (a scenario path).
    case sweep(parameter: String)
}
