/// A failure of an experiment that a command reports in one line, with its exit status.
///
/// Problems in a scenario file are ``Scenario/ScenarioError`` values with their locations;
/// this type covers everything else an experiment can refuse or fail at.
public enum ExperimentError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Bad input from the user (a missing file, a bad setting): exit status 2.
    case usage(String)
    /// The experiment could not complete (a worker failed, a file could not be written): exit status 1.
    case failed(String)
    /// The experiment was interrupted by a signal: exit status 130.
    case interrupted

    /// The message, without a prefix.
    public var description: String {
        switch self {
        case .usage(let message), .failed(let message): message
        case .interrupted: "interrupted"
        }
    }
}
