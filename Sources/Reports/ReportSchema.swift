/// The identity and layout of the JSON report format, `sharesim.report/1`.
///
/// Every JSON report is one object. Its first key is `"schema"` (``identifier``), its second
/// `"kind"`, then:
///
/// - `run`: `"run"` (``RunMetadata``: scenario, variant, seed, replications, durations,
///   version, wall time, events, `complete`), `"figures"` (``ReportFigures``: `workloads`,
///   `regions`, `zones`, `edgeSites`, `sharedPools`, `cost`, `series`), `"replications"`
///   (each replication's `ModelResults`, from which a reader rebuilds everything else).
/// - `comparison`: `"commonRandomNumbers"`, `"labels"`, `"figures"` (one
///   ``ComparisonFigure`` per figure: `key`, `section`, `subject`, `metric`, `label`, `unit`,
///   `estimates` per run, `differences` per run against the first, null for the first),
///   `"runs"` (each `{"label", "report"}` with a full run report).
/// - `sweep`: `"parameter"`, `"values"`, `"figures"` (one ``SweepFigure`` per figure with
///   `estimates` per value), `"runs"` (each `{"value", "numericValue", "report"}`).
///
/// Every figure is an ``Estimate`` object `{"mean", "halfWidth95", "n"}` in base units:
/// seconds, bytes, bits per second, requests per second, fractions in 0...1, money units;
/// `halfWidth95` is null with one replication. Keys appear in a fixed order, numbers in
/// their shortest round-trip form, absent values as `null` (keys are never left out).
/// Adding a key keeps the version; renaming or removing one, or changing its meaning,
/// bumps it.
public enum ReportSchema {
    /// The schema name and version every JSON report carries in its `"schema"` key; the
    /// number changes whenever a key is renamed or removed or its meaning changes.
    public static let identifier = "sharesim.report/1"

    /// Throws unless `container` holds this schema and the expected kind.
    static func check<Key: CodingKey>(
        _ container: KeyedDecodingContainer<Key>,
        schemaKey: Key,
        kindKey: Key,
        expectedKind: String
    ) throws {
        let schema = try container.decode(String.self, forKey: schemaKey)
        guard schema == identifier else {
            throw DecodingError.dataCorruptedError(
                forKey: schemaKey,
                in: container,
                debugDescription: "unsupported report schema \"\(schema)\"; this build reads \"\(identifier)\""
            )
        }
        let kind = try container.decode(String.self, forKey: kindKey)
        guard kind == expectedKind else {
            throw DecodingError.dataCorruptedError(
                forKey: kindKey,
                in: container,
                debugDescription: "expected a \(expectedKind) report, found \"\(kind)\""
            )
        }
    }
}
