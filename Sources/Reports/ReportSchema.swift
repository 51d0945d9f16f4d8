/// The identity and layout of the JSON report format, `sharesim.report/2`; the JSON Schema
/// is `docs/report.schema.json`.
///
/// Every JSON report is one object with the same keys whatever its kind, in this order:
///
/// - `schema`: ``identifier``; `kind`: `run`, `comparison` or `sweep`.
/// - `focus`: the scenario's question and headline figures (``ReportFocus``: `question`,
///   `headline` and `charts` as figure keys), or null.
/// - `parameter`: the swept path (a sweep), else null; `commonRandomNumbers`: whether
///   replication i of every run used the same seed (true for a run).
/// - `figures`: the flat table, one row per figure and run (``FigureRowJSON``): `figure`
///   (the key, `workload/web/latencyP99`), `section`, `subject`, `metric`, `label`, `unit`,
///   `run` (the run's label), `value` and `numericValue` (the swept value, else null), `mean`,
///   `low` and `high` (the 95% interval, null with one replication), `halfWidth95`, `n`, and
///   in a comparison `changeKind` (`percentagePoints` for shares, `percent` for the rest),
///   `change` (in that kind), `diffMean`, `diffLow`, `diffHigh`, `significant`, `paired`
///   (null for the baseline's rows and outside comparisons). `pandas.json_normalize` reads
///   it as one table.
/// - `series`: per run, `{run, value, startSeconds, lengthSeconds, columns}`: its own time
///   axis and one array per column named as in the series CSV
///   (`workload.web.throughput_req_per_s`).
/// - `latencyCDF`: per run and workload, `{run, value, workload, percentiles, seconds}`.
/// - `runs`: per run, `{label, value, numericValue, run, replications}`: ``RunMetadata`` and
///   every replication's raw results, from which a reader rebuilds everything else.
///
/// Quantities are in base units: seconds, bytes, bits per second, requests per second,
/// fractions in 0...1, money in the scenario's currency (its ISO 4217 code is each
/// replication's `cost.currency`; money figures have unit `money`). Keys appear in a fixed order, numbers in their shortest
/// round-trip form, absent values as `null` (keys are never left out). Adding a key keeps
/// the version; renaming or removing one, or changing its meaning, bumps it (`/1` held a
/// run's figures grouped by entity and a comparison's as one object per figure).
public enum ReportSchema {
    /// The schema name and version every JSON report carries in its `"schema"` key; the
    /// number changes whenever a key is renamed or removed or its meaning changes.
    public static let identifier = "sharesim.report/2"

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
