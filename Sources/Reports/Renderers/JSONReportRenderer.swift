/// Renders reports as JSON in the `sharesim.report/2` schema (``ReportSchema``,
/// `docs/report.schema.json`).
///
/// The output is deterministic: the same report gives the same bytes. `"schema"` is the
/// first key and `"kind"` (`run`, `comparison`, `sweep`) the second; the keys are the same
/// for every kind; numbers use their shortest round-trip form; absent values are `null`.
/// All quantities are in base units: seconds, bytes, bits per second, requests per second,
/// fractions 0...1, money units. `figures` is one flat table of rows (figure, run, mean, 95%
/// interval, n, and a comparison's change) that `pandas.json_normalize` reads in one step.
///
/// Decoding the output with `JSONDecoder` into the same report type gives the report back.
public struct JSONReportRenderer: Sendable {
    /// Whether to write the run's wall time; false makes two identical runs byte-identical.
    public var includeWallTime: Bool

    /// A renderer; `includeWallTime` false writes `wallTimeSeconds` as `null`.
    public init(includeWallTime: Bool = true) {
        self.includeWallTime = includeWallTime
    }

    /// The JSON text of a run report, ending with a newline.
    public func render(_ report: RunReport) -> String {
        encode(prepared(report))
    }

    /// The JSON text of a comparison, ending with a newline.
    public func render(_ comparison: ComparisonReport) -> String {
        encode(
            ComparisonReport(
                entries: comparison.entries.map { .init(label: $0.label, report: prepared($0.report)) }
            )
        )
    }

    /// The JSON text of a sweep, ending with a newline.
    public func render(_ sweep: SweepReport) -> String {
        encode(
            SweepReport(
                parameter: sweep.parameter,
                points: sweep.points.map {
                    .init(value: $0.value, numericValue: $0.numericValue, report: prepared($0.report))
                }
            )
        )
    }

    /// The JSON text of any report, ending with a newline.
    public func render(_ report: Report) -> String {
        switch report {
        case .run(let run): render(run)
        case .comparison(let comparison): render(comparison)
        case .sweep(let sweep): render(sweep)
        }
    }

    /// `report` with its wall time cleared when it is not to be written.
    private func prepared(_ report: RunReport) -> RunReport {
        guard !includeWallTime else { return report }
        var metadata = report.metadata
        metadata.wallTimeSeconds = nil
        return RunReport(metadata: metadata, replications: report.replications)
    }

    private func encode(_ value: some Encodable) -> String {
        do {
            return JSONWriter.write(try OrderedJSONEncoder.encode(value))
        } catch {
            // The report types only encode numbers, strings and containers: this cannot fail.
            preconditionFailure("encoding a report failed: \(error)")
        }
    }
}
