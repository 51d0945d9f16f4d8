import ShareModel

/// The JSON document of any report, in the `sharesim.report/2` layout (``ReportSchema``):
/// the same keys for a run, a comparison and a sweep, built from the report and encoded in
/// the documented order.
struct ReportJSON: Encodable {
    var kind: String
    var focus: ReportFocus?
    var parameter: String?
    var commonRandomNumbers: Bool
    var figures: [FigureRowJSON]
    var series: [SeriesBlockJSON]
    var latencyCDF: [LatencyCDFBlockJSON]
    var runs: [ReportRunJSON]

    /// The document of a run report.
    init(_ report: RunReport) {
        let label = Self.label(of: report.metadata)
        kind = "run"
        focus = report.metadata.focus
        parameter = nil
        commonRandomNumbers = true
        figures = report.rows.map { FigureRowJSON(id: $0.id, run: label, estimate: $0.estimate) }
        series = [SeriesBlockJSON(report, run: label)]
        latencyCDF = LatencyCDFBlockJSON.blocks(report, run: label)
        runs = [ReportRunJSON(label: label, report: report)]
    }

    /// The document of a comparison.
    init(_ comparison: ComparisonReport) {
        kind = "comparison"
        focus = comparison.entries[0].report.metadata.focus
        parameter = nil
        commonRandomNumbers = comparison.commonRandomNumbers
        figures = comparison.figures.flatMap { figure in
            comparison.entries.indices.map { index in
                var row = FigureRowJSON(
                    id: figure.id,
                    run: comparison.entries[index].label,
                    estimate: figure.estimates[index]
                )
                row.changeKind = figure.changeKind
                row.difference = figure.differences[index]
                return row
            }
        }
        series = comparison.entries.map { SeriesBlockJSON($0.report, run: $0.label) }
        latencyCDF = comparison.entries.flatMap { LatencyCDFBlockJSON.blocks($0.report, run: $0.label) }
        runs = comparison.entries.map { ReportRunJSON(label: $0.label, report: $0.report) }
    }

    /// The document of a sweep.
    init(_ sweep: SweepReport) {
        let labels = sweep.points.map { sweep.parameter + " = " + $0.value }
        kind = "sweep"
        focus = sweep.points[0].report.metadata.focus
        parameter = sweep.parameter
        commonRandomNumbers = sweep.points.allSatisfy {
            $0.report.replications.map(\.seed) == sweep.points[0].report.replications.map(\.seed)
        }
        figures = sweep.figures.flatMap { figure in
            sweep.points.indices.map { index in
                var row = FigureRowJSON(id: figure.id, run: labels[index], estimate: figure.estimates[index])
                row.value = sweep.points[index].value
                row.numericValue = sweep.points[index].numericValue
                return row
            }
        }
        series = sweep.points.indices.map { index in
            var block = SeriesBlockJSON(sweep.points[index].report, run: labels[index])
            block.value = sweep.points[index].value
            return block
        }
        latencyCDF = sweep.points.indices.flatMap { index in
            LatencyCDFBlockJSON.blocks(sweep.points[index].report, run: labels[index]).map { block in
                var block = block
                block.value = sweep.points[index].value
                return block
            }
        }
        runs = sweep.points.indices.map { index in
            var run = ReportRunJSON(label: labels[index], report: sweep.points[index].report)
            run.value = sweep.points[index].value
            run.numericValue = sweep.points[index].numericValue
            return run
        }
    }

    /// A run's label in a run report: its scenario's name (the variant is in its metadata),
    /// so a variant saved as a file of its own gives the same rows as the variant itself.
    static func label(of metadata: RunMetadata) -> String {
        metadata.scenarioName
    }

    enum CodingKeys: String, CodingKey {
        case schema, kind, focus, parameter, commonRandomNumbers, figures, series, latencyCDF, runs
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ReportSchema.identifier, forKey: .schema)
        try container.encode(kind, forKey: .kind)
        try container.encode(focus, forKey: .focus)
        try container.encode(parameter, forKey: .parameter)
        try container.encode(commonRandomNumbers, forKey: .commonRandomNumbers)
        try container.encode(figures, forKey: .figures)
        try container.encode(series, forKey: .series)
        try container.encode(latencyCDF, forKey: .latencyCDF)
        try container.encode(runs, forKey: .runs)
    }

    /// The `runs` of a report document, after checking its schema and kind.
    static func runs(from decoder: any Decoder, expectedKind: String) throws -> [ReportRunJSON] {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try ReportSchema.check(container, schemaKey: .schema, kindKey: .kind, expectedKind: expectedKind)
        let runs = try container.decode([ReportRunJSON].self, forKey: .runs)
        guard !runs.isEmpty else {
            throw DecodingError.dataCorruptedError(
                forKey: .runs,
                in: container,
                debugDescription: "a \(expectedKind) report needs at least one run"
            )
        }
        return runs
    }

    /// The swept parameter of a sweep document.
    static func parameter(from decoder: any Decoder) throws -> String {
        try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .parameter)
    }
}

/// One row of a JSON report's flat `figures` table: which figure, which run (and swept
/// value), its estimate as mean and interval, and in a comparison its change.
struct FigureRowJSON: Encodable {
    var id: FigureID
    var run: String
    var value: String? = nil
    var numericValue: Double? = nil
    var estimate: Estimate?
    var changeKind: ChangeKind? = nil
    var difference: FigureDifference? = nil

    init(id: FigureID, run: String, estimate: Estimate?) {
        self.id = id
        self.run = run
        self.estimate = estimate
    }

    enum CodingKeys: String, CodingKey {
        case figure, section, subject, metric, label, unit, run, value, numericValue
        case mean, low, high, halfWidth95, n
        case changeKind, change, diffMean, diffLow, diffHigh, significant, paired
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.key, forKey: .figure)
        try container.encode(id.descriptor.section, forKey: .section)
        try container.encode(id.subject, forKey: .subject)
        try container.encode(id.metricKey, forKey: .metric)
        try container.encode(id.label, forKey: .label)
        try container.encode(id.descriptor.unit, forKey: .unit)
        try container.encode(run, forKey: .run)
        try container.encode(value, forKey: .value)
        try container.encode(numericValue, forKey: .numericValue)
        let interval = estimate?.halfWidth95 != nil
        try container.encode(estimate?.mean, forKey: .mean)
        try container.encode(interval ? estimate?.lower : nil, forKey: .low)
        try container.encode(interval ? estimate?.upper : nil, forKey: .high)
        try container.encode(estimate?.halfWidth95, forKey: .halfWidth95)
        try container.encode(estimate?.n, forKey: .n)
        try container.encode(changeKind, forKey: .changeKind)
        try container.encode(changeKind.flatMap { difference?.change($0) }, forKey: .change)
        try container.encode(difference?.mean, forKey: .diffMean)
        let halfWidth = difference?.halfWidth95
        try container.encode(halfWidth.flatMap { half in difference.map { $0.mean - half } }, forKey: .diffLow)
        try container.encode(halfWidth.flatMap { half in difference.map { $0.mean + half } }, forKey: .diffHigh)
        try container.encode(difference?.significant, forKey: .significant)
        try container.encode(difference?.paired, forKey: .paired)
    }
}

/// One run's time series in a JSON report: its own time axis (`startSeconds`,
/// `lengthSeconds`) and one column per figure, named as in the series CSV.
struct SeriesBlockJSON: Encodable {
    var run: String
    var value: String? = nil
    var table: SeriesColumns

    init(_ report: RunReport, run: String) {
        self.run = run
        self.table = SeriesColumns.of(report)
    }

    private struct ColumnKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    enum CodingKeys: String, CodingKey { case run, value, startSeconds, lengthSeconds, columns }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(run, forKey: .run)
        try container.encode(value, forKey: .value)
        try container.encode(table.rows.map { $0[0] }, forKey: .startSeconds)
        try container.encode(table.rows.map { $0[1] }, forKey: .lengthSeconds)
        var columns = container.nestedContainer(keyedBy: ColumnKey.self, forKey: .columns)
        for (index, header) in table.headers.enumerated().dropFirst(2) {
            try columns.encode(table.rows.map { element($0, index) ?? nil }, forKey: ColumnKey(stringValue: header))
        }
    }
}

/// One workload's latency distribution in one run of a JSON report: latencies in seconds
/// at fixed percentiles, averaged over replications.
struct LatencyCDFBlockJSON: Encodable {
    var run: String
    var value: String? = nil
    var workload: String
    var percentiles: [Double]
    var seconds: [Double]

    /// One block per workload of `report` that served something.
    static func blocks(_ report: RunReport, run: String) -> [LatencyCDFBlockJSON] {
        report.figures.workloads.filter { !$0.latency.cdf.isEmpty }.map { workload in
            LatencyCDFBlockJSON(
                run: run,
                workload: workload.name,
                percentiles: workload.latency.cdf.map(\.percentile),
                seconds: workload.latency.cdf.map(\.seconds)
            )
        }
    }
}

/// One run of a JSON report's `runs`: its label (and swept value), its metadata and every
/// replication's raw results, from which a reader rebuilds the run report.
struct ReportRunJSON: Codable {
    var label: String
    var value: String?
    var numericValue: Double?
    var run: RunMetadata
    var replications: [ModelResults]

    init(label: String, report: RunReport) {
        self.label = label
        self.value = nil
        self.numericValue = nil
        self.run = report.metadata
        self.replications = report.replications
    }

    /// The run report it holds.
    var report: RunReport { RunReport(metadata: run, replications: replications) }

    enum CodingKeys: String, CodingKey { case label, value, numericValue, run, replications }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(value, forKey: .value)
        try container.encode(numericValue, forKey: .numericValue)
        try container.encode(run, forKey: .run)
        try container.encode(replications, forKey: .replications)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decode(String.self, forKey: .label)
        value = try container.decodeIfPresent(String.self, forKey: .value)
        numericValue = try container.decodeIfPresent(Double.self, forKey: .numericValue)
        run = try container.decode(RunMetadata.self, forKey: .run)
        replications = try container.decode([ModelResults].self, forKey: .replications)
        guard !replications.isEmpty else {
            throw DecodingError.dataCorruptedError(
                forKey: .replications,
                in: container,
                debugDescription: "a run needs at least one replication"
            )
        }
    }
}
