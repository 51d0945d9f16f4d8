/// Facts about the scenario file format that other parts of ShareSim refer to.
public enum ScenarioFormat {
    /// The file extensions a scenario file may have.
    public static let fileExtensions = ["yaml", "yml"]
}
