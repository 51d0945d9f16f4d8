/// The identity of the JSON report format.
public enum ReportSchema {
    /// The schema name and version every JSON report carries in its `"schema"` key; the
    /// number changes whenever a key is renamed or removed or its meaning changes.
    public static let identifier = "sharesim.report/1"
}
