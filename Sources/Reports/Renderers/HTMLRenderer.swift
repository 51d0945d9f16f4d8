/// Renders reports as one self-contained HTML file: inline CSS, inline SVG charts, no
/// scripts, no fonts, no network references (the only URL is the SVG namespace).
///
/// Every page leads with the scenario's question and headline figures (``ReportFocus``):
/// their table, then their charts (`headline-1`, …). A run then shows throughput over time
/// per class (with 95% bands), the latency distribution (CDF, log scale) per class,
/// utilisation by region, and who served each class; a comparison shows the change of each
/// headline figure against the baseline (relative, or in percentage points for shares),
/// then bars with 95% whiskers per run; a sweep shows lines with 95% bands against the
/// swept value. The tables of ``TableRenderer`` follow the charts. The markup
/// is well-formed XML (XHTML syntax), so XML tools can read it.
public struct HTMLRenderer: Sendable {
    /// The ISO 4217 code charts label money with, set per report from its cost (nil: `¤`).
    private var currency: String? = nil

    /// A renderer.
    public init() {}

    /// This renderer labelling money with `currency`.
    private func labelling(_ currency: String?) -> HTMLRenderer {
        var renderer = self
        renderer.currency = currency
        return renderer
    }

    /// The HTML of a run report.
    public func render(_ report: RunReport) -> String {
        let renderer = labelling(report.figures.cost?.currency)
        return renderer.page(ReportLayout.document(report), charts: renderer.runCharts(report))
    }

    /// The HTML of a comparison.
    public func render(_ comparison: ComparisonReport) -> String {
        let currencies = comparison.entries.map { $0.report.figures.cost?.currency }
        let renderer = labelling(currencies.allSatisfy { $0 == currencies[0] } ? currencies[0] : nil)
        return renderer.page(ReportLayout.document(comparison), charts: renderer.comparisonCharts(comparison))
    }

    /// The HTML of a sweep.
    public func render(_ sweep: SweepReport) -> String {
        let renderer = labelling(sweep.points[0].report.figures.cost?.currency)
        return renderer.page(ReportLayout.document(sweep), charts: renderer.sweepCharts(sweep))
    }

    /// The HTML of any report.
    public func render(_ report: Report) -> String {
        switch report {
        case .run(let run): render(run)
        case .comparison(let comparison): render(comparison)
        case .sweep(let sweep): render(sweep)
        }
    }

    // MARK: - Run charts

    private func runCharts(_ report: RunReport) -> [String] {
        let figures = report.figures
        var charts = focusCharts(
            (report.metadata.focus?.chartedFigures ?? []).compactMap { id in
                report.row(id).map { (id, [$0.estimate]) }
            },
            seriesNames: [report.metadata.variant ?? report.metadata.scenarioName],
            replications: report.metadata.replications
        )
        if !figures.workloads.isEmpty && !figures.series.isEmpty {
            let times = figures.series.map { $0.startSeconds + $0.lengthSeconds / 2 }
            let series = figures.workloads.indices.map { index in
                SVGChart.LineSeries(
                    name: figures.workloads[index].name,
                    points: zip(times, figures.series).map { time, point in
                        let estimate = element(point.workloads, index)?.throughputPerSecond
                        return (
                            time, estimate?.mean ?? 0, estimate?.halfWidth95.map { _ in estimate?.lower ?? 0 },
                            estimate?.halfWidth95.map { _ in estimate?.upper ?? 0 }
                        )
                    }
                )
            }
            let start = figures.series.first?.startSeconds ?? 0
            let end = figures.series.last.map { $0.startSeconds + $0.lengthSeconds } ?? 1
            let x = ChartAxis.linear(title: "Time since warm-up", unit: .seconds, values: [start, end])
            charts += lineCharts(
                id: "throughput-over-time",
                title: "Throughput over time per class",
                splitTitle: "Throughput over time",
                suffix: "",
                x: x,
                yTitle: "Throughput",
                unit: .requestsPerSecond,
                series: series
            )
        }
        if !figures.workloads.isEmpty && !figures.series.isEmpty {
            // Each interval's own p99 and median, so an outage window shows as a spike.
            // Intervals that served nothing have no point.
            func line(
                _ index: Int,
                _ label: String,
                _ pick: (SeriesWorkloadFigures) -> Estimate?
            ) -> SVGChart.LineSeries {
                SVGChart.LineSeries(
                    name: figures.workloads[index].name + " " + label,
                    points: figures.series.compactMap { point in
                        guard let estimate = element(point.workloads, index).flatMap(pick) else { return nil }
                        return (
                            point.startSeconds + point.lengthSeconds / 2, estimate.mean,
                            estimate.halfWidth95.map { _ in estimate.lower },
                            estimate.halfWidth95.map { _ in estimate.upper }
                        )
                    }
                )
            }
            let groups = figures.workloads.indices.map { index in
                (
                    name: figures.workloads[index].name,
                    lines: [line(index, "p99", \.latencyP99Seconds), line(index, "p50", \.latencyP50Seconds)]
                        .filter { !$0.points.isEmpty }
                )
            }.filter { !$0.lines.isEmpty }
            let start = figures.series.first?.startSeconds ?? 0
            let end = figures.series.last.map { $0.startSeconds + $0.lengthSeconds } ?? 1
            if !groups.isEmpty {
                charts += lineCharts(
                    id: "latency-over-time",
                    title: "Latency p99 and p50 over time per class",
                    splitTitle: "Latency p99 and p50 over time",
                    suffix: Self.intervalNote(report.metadata.replications, " (95% band)"),
                    x: ChartAxis.linear(title: "Time since warm-up", unit: .seconds, values: [start, end]),
                    yTitle: "Latency",
                    unit: .seconds,
                    groups: groups
                )
            }
        }
        let withLatency = figures.workloads.filter { !$0.latency.cdf.isEmpty }
        if !withLatency.isEmpty {
            let series = withLatency.map { workload in
                SVGChart.LineSeries(
                    name: workload.name,
                    points: workload.latency.cdf.map { ($0.seconds, $0.percentile / 100, nil, nil) }
                )
            }
            charts.append(
                SVGChart.lineChart(
                    id: "latency-cdf",
                    title: "Latency distribution (CDF), per class",
                    x: ChartAxis.logarithmicSeconds(
                        title: "End-to-end latency",
                        values: series.flatMap { $0.points.map(\.x) }
                    ),
                    y: ChartAxis.linear(title: "Requests at or below", unit: .fraction, values: [0, 1]),
                    series: series
                )
            )
        }
        if !figures.regions.isEmpty {
            charts.append(
                SVGChart.barChart(
                    id: "utilisation-by-region",
                    title: "Utilisation by region" + Self.intervalNote(report.metadata.replications, " (95% interval)"),
                    yTitle: "Utilisation",
                    unit: .fraction,
                    seriesNames: ["Utilisation"],
                    groups: figures.regions.map { SVGChart.BarGroup(label: $0.name, values: [$0.utilisation]) }
                )
            )
        }
        if !figures.workloads.isEmpty {
            let sources = figures.workloads[0].servedBy
            charts.append(
                SVGChart.stackedBarChart(
                    id: "served-by",
                    title: "Who served each class",
                    categories: figures.workloads.map(\.name),
                    segmentNames: sources.map(\.label),
                    shares: figures.workloads.map { workload in workload.servedBy.map { $0.share?.mean } }
                )
            )
        }
        return charts
    }

    // MARK: - Headline charts

    /// The charts that lead a report: the scenario's charted figures as bars (one bar per
    /// run or value in `seriesNames`), one chart per unit, in the order the figures are
    /// declared; ids `headline-1`, `headline-2`, ….
    private func focusCharts(
        _ figures: [(id: FigureID, estimates: [Estimate?])],
        seriesNames: [String],
        replications: Int
    ) -> [String] {
        var units: [FigureUnit] = []
        for figure in figures where !units.contains(figure.id.descriptor.unit) {
            units.append(figure.id.descriptor.unit)
        }
        return units.enumerated().map { index, unit in
            let groups = figures.filter { $0.id.descriptor.unit == unit }.map { figure in
                SVGChart.BarGroup(label: Self.chartLabel(figure.id), values: figure.estimates)
            }
            return SVGChart.barChart(
                id: "headline-" + String(index + 1),
                title: "Headline figures" + (units.count > 1 ? ": " + Self.quantityName(unit).lowercased() : "")
                    + Self.intervalNote(replications, " (95% interval)"),
                yTitle: Self.quantityName(unit),
                unit: unit,
                seriesNames: seriesNames,
                groups: groups,
                currency: currency
            )
        }
    }

    /// What figures of `unit` measure, as an axis title before its unit: `Share`, `Time`, ….
    static func quantityName(_ unit: FigureUnit) -> String {
        switch unit {
        case .requestsPerSecond: "Rate"
        case .bitsPerSecond: "Bitrate"
        case .seconds: "Time"
        case .fraction: "Share"
        case .count: "Count"
        case .requests: "Queue"
        case .bytes: "Bytes"
        case .money: "Cost"
        case .cores: "Cores"
        case .devices: "Devices"
        case .credits: "Credits"
        }
    }

    /// A figure's two-line label under a bar group: the entity, then what is measured.
    static func chartLabel(_ id: FigureID) -> String {
        if id.subject.isEmpty { return id.descriptor.section.title.lowercased() + "\n" + id.label.lowercased() }
        return id.subject + "\n" + (id.source == nil ? id.label.lowercased() : "served by " + id.label.lowercased())
    }

    // MARK: - Comparison charts

    /// The entities a figure of `section` is charted for in `figures`: class, region, zone,
    /// site or pool names; one empty subject for run-wide figures.
    private static func subjects(_ section: FigureSection, in figures: ReportFigures) -> [String] {
        switch section {
        case .workload, .servedBy: figures.workloads.map(\.name)
        case .stage: figures.stages ?? []
        case .link: figures.links ?? []
        case .region: figures.regions.map(\.name)
        case .zone: figures.zones.map(\.name)
        case .edgeSite: figures.edgeSites.map(\.name)
        case .sharedPool: figures.sharedPools.map(\.name)
        case .cost: [""]
        }
    }

    private func comparisonCharts(_ comparison: ComparisonReport) -> [String] {
        let labels = comparison.entries.map(\.label)
        var charts: [String] = []
        for descriptor in FigureRegistry.descriptors(in: .comparisonBars) {
            // Every run's entities, the baseline's first: an alternative may draw links it lacks.
            var subjects: [String] = []
            for entry in comparison.entries {
                for subject in Self.subjects(descriptor.section, in: entry.report.figures)
                where !subjects.contains(subject) {
                    subjects.append(subject)
                }
            }
            let chartGroups: [SVGChart.BarGroup] = subjects.compactMap {
                guard let figure = comparison.figure(FigureID(descriptor.metric, of: $0)),
                    figure.estimates.contains(where: { $0 != nil })
                else { return nil }
                return SVGChart.BarGroup(label: $0.isEmpty ? figure.label : $0, values: figure.estimates)
            }
            guard !chartGroups.isEmpty else { continue }
            let id = "compare-" + descriptor.chartID
            let peaks = chartGroups.map { group in group.values.compactMap { $0?.mean }.max() ?? 0 }
            let split = Self.scalesDiffer(peaks)
            for (index, group) in (split ? chartGroups.map { [$0] } : [chartGroups]).enumerated() {
                charts.append(
                    SVGChart.barChart(
                        id: split ? id + "-" + String(index + 1) : id,
                        title: descriptor.chartTitle + (split ? ": " + group[0].label : "")
                            + Self.intervalNote(comparison.entries[0].report.metadata.replications, " (95% interval)"),
                        yTitle: descriptor.label,
                        unit: descriptor.unit,
                        seriesNames: labels,
                        groups: group,
                        currency: currency
                    )
                )
            }
        }
        let focus = comparison.entries[0].report.metadata.focus
        let lead = focusCharts(
            (focus?.chartedFigures ?? []).compactMap { id in comparison.figure(id).map { (id, $0.estimates) } },
            seriesNames: labels,
            replications: comparison.entries[0].report.metadata.replications
        )
        return changeCharts(comparison) + lead + latencyOverlays(comparison) + charts
    }

    /// One latency CDF per class with one line per run (log latency axis), ids
    /// `compare-latency-cdf-1`, `-2`, …: where the distributions part, not only at p99.
    private func latencyOverlays(_ comparison: ComparisonReport) -> [String] {
        let names = comparison.entries[0].report.figures.workloads.filter { !$0.latency.cdf.isEmpty }.map(\.name)
        return names.enumerated().compactMap { index, name in
            let series = comparison.entries.map { entry in
                SVGChart.LineSeries(
                    name: entry.label,
                    points: (entry.report.figures.workloads.first { $0.name == name }?.latency.cdf ?? []).map {
                        ($0.seconds, $0.percentile / 100, nil, nil)
                    }
                )
            }
            let values = series.flatMap { $0.points.map(\.x) }
            guard !values.isEmpty else { return nil }
            return SVGChart.lineChart(
                id: "compare-latency-cdf-" + String(index + 1),
                title: "Latency distribution (CDF): " + name,
                x: ChartAxis.logarithmicSeconds(title: "End-to-end latency", values: values),
                y: ChartAxis.linear(title: "Requests at or below", unit: .fraction, values: [0, 1]),
                series: series
            )
        }
    }

    /// The comparison at a glance: bars of each headline figure's change against the baseline,
    /// with the 95% interval of the paired difference as whiskers. Shares and ratios change by
    /// percentage points (`compare-change-points`), everything else by a percentage of the
    /// baseline (`compare-change`). The scenario's headline figures come first, then the
    /// registry's ``FigureChart/comparisonChange`` figures.
    private func changeCharts(_ comparison: ComparisonReport) -> [String] {
        guard comparison.entries.count > 1 else { return [] }
        let baseline = comparison.entries[0].report.figures
        var ids: [(FigureID, String)] = (comparison.entries[0].report.metadata.focus?.headline ?? []).map {
            ($0, Self.chartLabel($0))
        }
        let charted = FigureRegistry.descriptors(in: .comparisonChange)
        for section in FigureSection.allCases {
            for subject in Self.subjects(section, in: baseline) {
                for descriptor in charted where descriptor.section == section {
                    let id = FigureID(descriptor.metric, of: subject)
                    guard !ids.contains(where: { $0.0 == id }) else { continue }
                    let label = descriptor.label.lowercased()
                    ids.append((id, subject.isEmpty ? label + "\ncost" : subject + "\n" + label))
                }
            }
        }
        func groups(points: Bool) -> [SVGChart.BarGroup] {
            ids.compactMap { id, label in
                guard (id.descriptor.unit == .fraction) == points, let figure = comparison.figure(id),
                    let base = figure.estimates[0], points || base.mean != 0
                else { return nil }
                let scale = points ? 1 : base.mean.magnitude
                let values = comparison.entries.indices.dropFirst().map { index -> Estimate? in
                    guard let difference = figure.differences[index] else { return nil }
                    return Estimate(
                        mean: difference.mean / scale,
                        halfWidth95: difference.halfWidth95.map { $0 / scale },
                        n: difference.n
                    )
                }
                return SVGChart.BarGroup(label: label, values: values)
            }
        }
        let alternatives = comparison.entries.dropFirst().map(\.label)
        let note = Self.intervalNote(
            comparison.entries[0].report.metadata.replications,
            " (95% interval of the paired difference)"
        )
        var charts: [String] = []
        let relative = groups(points: false)
        if !relative.isEmpty {
            charts.append(
                SVGChart.barChart(
                    id: "compare-change",
                    title: "Change against " + comparison.entries[0].label + note,
                    yTitle: "Change",
                    unit: .fraction,
                    seriesNames: alternatives,
                    groups: relative,
                    signed: true
                )
            )
        }
        let points = groups(points: true)
        if !points.isEmpty {
            charts.append(
                SVGChart.barChart(
                    id: "compare-change-points",
                    title: "Change of shares against " + comparison.entries[0].label + note,
                    yTitle: "Change",
                    unit: .fraction,
                    seriesNames: alternatives,
                    groups: points,
                    percentagePoints: true
                )
            )
        }
        return charts
    }

    /// One line chart titled `title + suffix`, or one per series (`splitTitle: name` + `suffix`,
    /// ids `id-1`, `id-2`, …) when their peaks differ by more than 10×, so that a small class
    /// is not flattened against a large one.
    private func lineCharts(
        id: String,
        title: String,
        splitTitle: String,
        suffix: String,
        x: ChartAxis,
        yTitle: String,
        unit: FigureUnit,
        series: [SVGChart.LineSeries]
    ) -> [String] {
        lineCharts(
            id: id,
            title: title,
            splitTitle: splitTitle,
            suffix: suffix,
            x: x,
            yTitle: yTitle,
            unit: unit,
            groups: series.map { (name: $0.name, lines: [$0]) }
        )
    }

    /// One chart of every group's lines, or one chart per group when the groups' peaks
    /// differ by more than 10× (so a small group is not flattened against a large one).
    private func lineCharts(
        id: String,
        title: String,
        splitTitle: String,
        suffix: String,
        x: ChartAxis,
        yTitle: String,
        unit: FigureUnit,
        groups: [(name: String, lines: [SVGChart.LineSeries])]
    ) -> [String] {
        func values(_ series: [SVGChart.LineSeries]) -> [Double] {
            series.flatMap { $0.points.flatMap { [$0.y, $0.low ?? $0.y, $0.high ?? $0.y] } }
        }
        let peaks = groups.map { group in group.lines.flatMap { $0.points.map(\.y) }.max() ?? 0 }
        guard Self.scalesDiffer(peaks) else {
            let series = groups.flatMap(\.lines)
            return [
                SVGChart.lineChart(
                    id: id,
                    title: title + suffix,
                    x: x,
                    y: ChartAxis.automatic(title: yTitle, unit: unit, values: values(series), currency: currency),
                    series: series
                )
            ]
        }
        return groups.enumerated().map { index, group in
            SVGChart.lineChart(
                id: id + "-" + String(index + 1),
                title: splitTitle + ": " + group.name + suffix,
                x: x,
                y: ChartAxis.automatic(title: yTitle, unit: unit, values: values(group.lines), currency: currency),
                series: group.lines
            )
        }
    }

    /// `note` when there are replications enough for an interval (two or more), else nothing:
    /// a chart of one replication has no interval to label.
    static func intervalNote(_ replications: Int, _ note: String) -> String {
        replications > 1 ? note : ""
    }

    /// Whether the positive `peaks` span more than a factor of 10.
    static func scalesDiffer(_ peaks: [Double]) -> Bool {
        let positive = peaks.filter { $0 > 0 && $0.isFinite }
        guard let low = positive.min(), let high = positive.max(), positive.count > 1 else { return false }
        return high > 10 * low
    }

    // MARK: - Sweep charts

    private func sweepCharts(_ sweep: SweepReport) -> [String] {
        let first = sweep.points[0].report.figures
        let positions: [Double] =
            sweep.isNumeric ? sweep.points.compactMap(\.numericValue) : sweep.points.indices.map(Double.init)
        let x = ChartAxis.categorical(
            title: sweep.parameter,
            labels: sweep.points.map(\.value),
            positions: sweep.isNumeric ? positions : nil
        )
        var charts: [String] = []
        let focus = sweep.points[0].report.metadata.focus
        for (index, id) in (focus?.chartedFigures ?? []).enumerated() {
            guard let figure = sweep.figure(id), figure.estimates.contains(where: { $0 != nil }) else { continue }
            let points = zip(positions, figure.estimates).compactMap { position, estimate in
                estimate.map { estimate in
                    (
                        position, estimate.mean, estimate.halfWidth95.map { _ in estimate.lower },
                        estimate.halfWidth95.map { _ in estimate.upper }
                    )
                }
            }
            let values = points.flatMap { [$0.1, $0.2 ?? $0.1, $0.3 ?? $0.1] }
            charts.append(
                SVGChart.lineChart(
                    id: "headline-" + String(index + 1),
                    title: id.headlineName + " vs " + sweep.parameter
                        + Self.intervalNote(sweep.points[0].report.metadata.replications, " (95% band)"),
                    x: x,
                    y: ChartAxis.automatic(
                        title: id.label,
                        unit: id.descriptor.unit,
                        values: values,
                        currency: currency
                    ),
                    series: [SVGChart.LineSeries(name: id.headlineName, points: points)]
                )
            )
        }
        for descriptor in FigureRegistry.descriptors(in: .sweepLines) {
            let series: [SVGChart.LineSeries] = Self.subjects(descriptor.section, in: first).compactMap { subject in
                guard let figure = sweep.figure(FigureID(descriptor.metric, of: subject)),
                    figure.estimates.contains(where: { $0 != nil })
                else { return nil }
                let points = zip(positions, figure.estimates).compactMap { position, estimate in
                    estimate.map { estimate in
                        (
                            position, estimate.mean, estimate.halfWidth95.map { _ in estimate.lower },
                            estimate.halfWidth95.map { _ in estimate.upper }
                        )
                    }
                }
                return SVGChart.LineSeries(name: subject.isEmpty ? figure.label : subject, points: points)
            }
            guard !series.isEmpty else { continue }
            charts += lineCharts(
                id: "sweep-" + descriptor.chartID,
                title: descriptor.chartTitle,
                splitTitle: descriptor.label,
                suffix: " vs " + sweep.parameter
                    + Self.intervalNote(sweep.points[0].report.metadata.replications, " (95% band)"),
                x: x,
                yTitle: descriptor.label,
                unit: descriptor.unit,
                series: series
            )
        }
        return charts
    }

    // MARK: - Page

    private func page(_ document: ReportDocument, charts: [String]) -> String {
        var lines = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\"/>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
            "<meta name=\"generator\" content=\"ShareSim\"/>",
            "<title>" + HTMLText.escape(document.title) + "</title>",
            "<style>" + Self.css + "</style>",
            "</head>",
            "<body>",
            "<header>",
            "<h1>" + HTMLText.escape(document.title) + "</h1>",
        ]
        if let question = document.question {
            lines += [
                "<section class=\"question\">", "<h2>Question</h2>",
                "<p class=\"question\">" + HTMLText.escape(question) + "</p>", "</section>",
            ]
        }
        if let headline = document.headline { lines += table(headline, id: "headline") }
        lines.append("<dl class=\"facts\">")
        for fact in document.facts {
            lines.append(
                "<dt>" + HTMLText.escape(fact.label) + "</dt><dd" + (fact.warning ? " class=\"warning\"" : "") + ">"
                    + HTMLText.escape(fact.value) + "</dd>"
            )
        }
        lines += ["</dl>", "</header>"]
        if !charts.isEmpty {
            lines.append("<section class=\"charts\">")
            for chart in charts {
                lines += ["<figure>", chart, "</figure>"]
            }
            lines.append("</section>")
        }
        for table in document.tables { lines += self.table(table) }
        if !document.notes.isEmpty {
            lines.append("<footer>")
            lines += document.notes.map { "<p>" + HTMLText.escape($0) + "</p>" }
            lines.append("</footer>")
        }
        lines += ["</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `table` as a section with its heading; `id` names the section.
    private func table(_ table: TextTable, id: String? = nil) -> [String] {
        var lines = ["<section class=\"table\"" + (id.map { " id=\"" + $0 + "\"" } ?? "") + ">"]
        lines.append("<h2>" + HTMLText.escape(table.title) + "</h2>")
        lines.append("<table>")
        lines.append(
            "<thead><tr>"
                + table.headers.indices.map { column in
                    "<th" + (table.alignments[column] == .right ? " class=\"num\"" : "") + ">"
                        + HTMLText.escape(table.headers[column]) + "</th>"
                }.joined() + "</tr></thead>"
        )
        lines.append("<tbody>")
        for row in table.rows {
            lines.append(
                "<tr>"
                    + table.headers.indices.map { column -> String in
                        let cell = element(row, column) ?? ""
                        var classes: [String] = []
                        if table.alignments[column] == .right { classes.append("num") }
                        if cell.highlight { classes.append("significant") }
                        let attribute = classes.isEmpty ? "" : " class=\"" + classes.joined(separator: " ") + "\""
                        return "<td" + attribute + ">" + HTMLText.escape(cell.text) + "</td>"
                    }.joined() + "</tr>"
            )
        }
        lines += ["</tbody>", "</table>", "</section>"]
        return lines
    }

    private static let css = """

        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          margin: 24px auto; max-width: 1100px; padding: 0 16px; color: #1d1d1f; background: #fff; }
        h1 { font-size: 22px; margin: 0 0 12px; }
        h2 { font-size: 17px; margin: 28px 0 8px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 0 0 16px;
          font-size: 14px; }
        dl.facts dt { color: #555; }
        dl.facts dd { margin: 0; }
        .warning { color: #b00020; font-weight: bold; }
        .charts figure { margin: 18px 0; }
        svg.chart { max-width: 100%; height: auto; font-family: inherit; }
        svg .chart-title { font-size: 15px; font-weight: 600; fill: #1d1d1f; }
        svg .axis-title { font-size: 13px; fill: #333; }
        svg .tick { font-size: 12px; fill: #444; }
        svg .value { font-size: 11px; fill: #222; }
        svg .inside { font-size: 12px; fill: #fff; font-weight: 600; }
        svg .category { font-size: 13px; fill: #222; font-weight: 600; }
        svg .legend-label { font-size: 13px; fill: #222; }
        svg .grid { stroke: #e4e4e7; stroke-width: 1; }
        svg .axis { stroke: #555; stroke-width: 1; }
        table { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
        th, td { padding: 4px 10px; border-bottom: 1px solid #e4e4e7; text-align: left; white-space: nowrap; }
        th { background: #f4f4f5; font-weight: 600; }
        .num { text-align: right; }
        td.significant { font-weight: bold; color: #8a5a00; background: #fff6dc; }
        footer { margin-top: 24px; font-size: 13px; color: #555; }
        p.question { font-size: 16px; margin: 0 0 12px; }

        """
}
