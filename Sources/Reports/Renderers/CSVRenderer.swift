/// Renders reports as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas,
/// quotes or line breaks quoted, quotes doubled), ready for pandas or a spreadsheet.
///
/// Two files per report: the **summary**, one row per figure (and per run or swept value),
/// in long form with base units (`unit` column: `req/s`, `bit/s`, `s`, `fraction`, `B`, …;
/// money as the scenario's ISO 4217 code, `CNY`, in a run's summary);
/// and the **series**, one row per interval (and per run or swept value) in wide form,
/// each column named `<entity>.<figure>_<unit>`, holding means over replications. Numbers
/// use their shortest round-trip form; a missing value is an empty field.
public struct CSVRenderer: Sendable {
    /// A renderer.
    public init() {}

    // MARK: - Summary

    /// The summary CSV of a run: `section,subject,figure,label,unit,mean,ci95_half_width,n`.
    public func summary(_ report: RunReport) -> String {
        var lines = [["section", "subject", "figure", "label", "unit", "mean", "ci95_half_width", "n"]]
        let currency = report.figures.cost?.currency
        for row in report.rows {
            // Money is labelled with the scenario's currency code when it has one.
            let unit = row.unit == .money ? currency ?? row.unit.symbol : row.unit.symbol
            lines.append(
                [row.section.rawValue, row.subject, row.metric, row.label, unit]
                    + estimateFields(row.estimate)
            )
        }
        return csv(lines)
    }

    /// The summary CSV of a comparison: one row per figure and run, with the difference
    /// against the first run (`diff_*`, empty for the first), `significant` (`true`/`false`),
    /// and the change as people read it: `change_kind` (`percentage_points` for shares,
    /// `percent` for the rest) and `change` in that kind (−15.0 for a share from 62% to 47%).
    public func summary(_ comparison: ComparisonReport) -> String {
        var lines = [
            [
                "section", "subject", "figure", "label", "unit", "run", "mean", "ci95_half_width", "n", "diff_mean",
                "diff_ci95_half_width", "diff_relative_percent", "significant", "paired", "change_kind", "change",
            ]
        ]
        for figure in comparison.figures {
            for (index, entry) in comparison.entries.enumerated() {
                var fields = [figure.section.rawValue, figure.subject, figure.metric, figure.label, figure.unit.symbol]
                fields.append(entry.label)
                fields += estimateFields(figure.estimates[index])
                if let difference = figure.differences[index] {
                    fields += [
                        number(difference.mean), difference.halfWidth95.map(number) ?? "",
                        difference.relativePercent.map(number) ?? "", String(difference.significant),
                        String(difference.paired), figure.changeKind.csvName,
                        difference.change(figure.changeKind).map(number) ?? "",
                    ]
                } else {
                    fields += ["", "", "", "", "", figure.changeKind.csvName, ""]
                }
                lines.append(fields)
            }
        }
        return csv(lines)
    }

    /// The summary CSV of a sweep: one row per figure and swept value, with `parameter`,
    /// `value` (as written) and `numeric_value` (base unit, when numeric).
    public func summary(_ sweep: SweepReport) -> String {
        var lines = [
            [
                "section", "subject", "figure", "label", "unit", "parameter", "value", "numeric_value", "mean",
                "ci95_half_width", "n",
            ]
        ]
        for figure in sweep.figures {
            for (index, point) in sweep.points.enumerated() {
                lines.append(
                    [figure.section.rawValue, figure.subject, figure.metric, figure.label, figure.unit.symbol]
                        + [sweep.parameter, point.value, point.numericValue.map(number) ?? ""]
                        + estimateFields(figure.estimates[index])
                )
            }
        }
        return csv(lines)
    }

    /// The summary CSV of any report.
    public func summary(_ report: Report) -> String {
        switch report {
        case .run(let run): summary(run)
        case .comparison(let comparison): summary(comparison)
        case .sweep(let sweep): summary(sweep)
        }
    }

    // MARK: - Series

    /// The series CSV of a run: `start_s,length_s`, then per class
    /// `workload.<name>.throughput_req_per_s`, `.bitrate_bit_per_s`, `.mean_latency_s`,
    /// `.served`, `.lost`; per zone `zone.<name>.utilisation_fraction`; per pool
    /// `pool.<name>.online_fraction`. Means over replications.
    public func series(_ report: RunReport) -> String {
        let table = SeriesColumns.of(report)
        return csv([table.headers] + table.rows.map { row in row.map { $0.map(number) ?? "" } })
    }

    /// The series CSV of a comparison: a `run` column, then the baseline's series columns,
    /// one block of rows per run.
    public func series(_ comparison: ComparisonReport) -> String {
        let headers = SeriesColumns.of(comparison.entries[0].report).headers
        var lines = [["run"] + headers]
        for entry in comparison.entries {
            lines += aligned(SeriesColumns.of(entry.report), to: headers).map { [entry.label] + $0 }
        }
        return csv(lines)
    }

    /// The series CSV of a sweep: `parameter`, `value` columns, then the first point's
    /// series columns, one block of rows per swept value.
    public func series(_ sweep: SweepReport) -> String {
        let headers = SeriesColumns.of(sweep.points[0].report).headers
        var lines = [["parameter", "value"] + headers]
        for point in sweep.points {
            lines += aligned(SeriesColumns.of(point.report), to: headers).map { [sweep.parameter, point.value] + $0 }
        }
        return csv(lines)
    }

    /// The series CSV of any report.
    public func series(_ report: Report) -> String {
        switch report {
        case .run(let run): series(run)
        case .comparison(let comparison): series(comparison)
        case .sweep(let sweep): series(sweep)
        }
    }

    // MARK: - Helpers

    /// `columns`' rows as text, reordered to `headers` (a column it lacks is empty).
    private func aligned(_ columns: SeriesColumns, to headers: [String]) -> [[String]] {
        let positions = headers.map { header in columns.headers.firstIndex(of: header) }
        return columns.rows.map { row in
            positions.map { position in position.flatMap { element(row, $0) ?? nil }.map(number) ?? "" }
        }
    }

    private func estimateFields(_ estimate: Estimate?) -> [String] {
        guard let estimate else { return ["", "", ""] }
        return [number(estimate.mean), estimate.halfWidth95.map(number) ?? "", String(estimate.n)]
    }

    private func number(_ value: Double) -> String {
        value.isFinite ? value.description : ""
    }

    private func csv(_ lines: [[String]]) -> String {
        lines.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// `text` as one RFC 4180 field.
    private func field(_ text: String) -> String { CSVField.escaped(text) }
}
