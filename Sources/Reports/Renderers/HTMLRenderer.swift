/// Renders reports as one self-contained HTML file: inline CSS, inline SVG charts, no
/// scripts, no fonts, no network references (the only URL is the SVG namespace).
///
/// A run shows throughput over time per class (with 95% bands), the latency distribution
/// (CDF, log scale) per class, utilisation by region, and who served each class; a
/// comparison shows bars with 95% whiskers per run; a sweep shows lines with 95% bands
/// against the swept value. The tables of ``TableRenderer`` follow the charts. The markup
/// is well-formed XML (XHTML syntax), so XML tools can read it.
public struct HTMLRenderer: Sendable {
    /// A renderer.
    public init() {}

    /// The HTML of a run report.
    public func render(_ report: RunReport) -> String {
        page(ReportLayout.document(report), charts: runCharts(report))
    }

    /// The HTML of a comparison.
    public func render(_ comparison: ComparisonReport) -> String {
        page(ReportLayout.document(comparison), charts: comparisonCharts(comparison))
    }

    /// The HTML of a sweep.
    public func render(_ sweep: SweepReport) -> String {
        page(ReportLayout.document(sweep), charts: sweepCharts(sweep))
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
        var charts: [String] = []
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
                    title: "Utilisation by region (95% interval)",
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

    // MARK: - Comparison charts

    private func comparisonCharts(_ comparison: ComparisonReport) -> [String] {
        let labels = comparison.entries.map(\.label)
        let baseline = comparison.entries[0].report.figures
        let lookup = Dictionary(comparison.figures.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        func groups(_ section: FigureSection, _ subjects: [String], _ metric: String) -> [SVGChart.BarGroup] {
            subjects.compactMap { subject in
                guard let figure = lookup[section.rawValue + "/" + subject + "/" + metric],
                    figure.estimates.contains(where: { $0 != nil })
                else { return nil }
                return SVGChart.BarGroup(label: subject.isEmpty ? figure.label : subject, values: figure.estimates)
            }
        }
        var charts: [String] = []
        let classes = baseline.workloads.map(\.name)
        let specs: [(String, String, String, FigureSection, [String], String, FigureUnit)] = [
            (
                "compare-throughput", "Throughput per class", "Throughput", .workload, classes, "throughputPerSecond",
                .requestsPerSecond
            ),
            ("compare-latency-p99", "Latency p99 per class", "Latency p99", .workload, classes, "latencyP99", .seconds),
            (
                "compare-slo", "SLO attainment per class", "SLO attainment", .workload, classes, "sloAttainment",
                .fraction
            ),
            (
                "compare-utilisation", "Utilisation by region", "Utilisation", .region, baseline.regions.map(\.name),
                "utilisation", .fraction
            ),
            ("compare-cost", "Total cost", "Cost", .cost, [""], "total", .money),
        ]
        for (id, title, yTitle, section, subjects, metric, unit) in specs {
            let chartGroups = groups(section, subjects, metric)
            guard !chartGroups.isEmpty else { continue }
            let peaks = chartGroups.map { group in group.values.compactMap { $0?.mean }.max() ?? 0 }
            if Self.scalesDiffer(peaks) {
                for (index, group) in chartGroups.enumerated() {
                    charts.append(
                        SVGChart.barChart(
                            id: id + "-" + String(index + 1),
                            title: title + ": " + group.label + " (95% interval)",
                            yTitle: yTitle,
                            unit: unit,
                            seriesNames: labels,
                            groups: [group]
                        )
                    )
                }
            } else {
                charts.append(
                    SVGChart.barChart(
                        id: id,
                        title: title + " (95% interval)",
                        yTitle: yTitle,
                        unit: unit,
                        seriesNames: labels,
                        groups: chartGroups
                    )
                )
            }
        }
        if let change = changeChart(comparison, lookup: lookup) { charts.insert(change, at: 0) }
        return charts
    }

    /// Bars of the relative change of headline figures against the baseline, with the 95%
    /// interval of the paired difference as whiskers: the comparison at a glance.
    private func changeChart(_ comparison: ComparisonReport, lookup: [String: ComparisonFigure]) -> String? {
        guard comparison.entries.count > 1 else { return nil }
        let baseline = comparison.entries[0].report.figures
        var keys: [(String, String)] = []
        for workload in baseline.workloads {
            keys.append(("workload/" + workload.name + "/throughputPerSecond", workload.name + "\nthroughput"))
            keys.append(("workload/" + workload.name + "/latencyP99", workload.name + "\np99 latency"))
        }
        for region in baseline.regions {
            keys.append(("region/" + region.name + "/utilisation", region.name + "\nutilisation"))
        }
        keys.append(("cost//total", "total\ncost"))
        let groups: [SVGChart.BarGroup] = keys.compactMap { key, label in
            guard let figure = lookup[key], let base = figure.estimates[0], base.mean != 0 else { return nil }
            let values = comparison.entries.indices.dropFirst().map { index -> Estimate? in
                guard let difference = figure.differences[index] else { return nil }
                return Estimate(
                    mean: difference.mean / base.mean.magnitude,
                    halfWidth95: difference.halfWidth95.map { $0 / base.mean.magnitude },
                    n: difference.n
                )
            }
            return SVGChart.BarGroup(label: label, values: values)
        }
        guard !groups.isEmpty else { return nil }
        let alternatives = comparison.entries.dropFirst().map(\.label)
        return SVGChart.barChart(
            id: "compare-change",
            title: "Change against " + comparison.entries[0].label + " (95% interval of the paired difference)",
            yTitle: "Change",
            unit: .fraction,
            seriesNames: alternatives,
            groups: groups,
            signed: true
        )
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
        func values(_ series: [SVGChart.LineSeries]) -> [Double] {
            series.flatMap { $0.points.flatMap { [$0.y, $0.low ?? $0.y, $0.high ?? $0.y] } }
        }
        let peaks = series.map { line in line.points.map(\.y).max() ?? 0 }
        guard Self.scalesDiffer(peaks) else {
            return [
                SVGChart.lineChart(
                    id: id,
                    title: title + suffix,
                    x: x,
                    y: ChartAxis.linear(title: yTitle, unit: unit, values: values(series)),
                    series: series
                )
            ]
        }
        return series.enumerated().map { index, line in
            SVGChart.lineChart(
                id: id + "-" + String(index + 1),
                title: splitTitle + ": " + line.name + suffix,
                x: x,
                y: ChartAxis.linear(title: yTitle, unit: unit, values: values([line])),
                series: [line]
            )
        }
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
        let lookup = Dictionary(sweep.figures.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let positions: [Double] =
            sweep.isNumeric ? sweep.points.compactMap(\.numericValue) : sweep.points.indices.map(Double.init)
        let x = ChartAxis.categorical(
            title: sweep.parameter,
            labels: sweep.points.map(\.value),
            positions: sweep.isNumeric ? positions : nil
        )
        func lines(_ section: FigureSection, _ subjects: [String], _ metric: String) -> [SVGChart.LineSeries] {
            subjects.compactMap { subject in
                guard let figure = lookup[section.rawValue + "/" + subject + "/" + metric],
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
        }
        var charts: [String] = []
        let classes = first.workloads.map(\.name)
        let specs: [(String, String, String, FigureSection, [String], String, FigureUnit)] = [
            (
                "sweep-throughput", "Throughput per class", "Throughput", .workload, classes, "throughputPerSecond",
                .requestsPerSecond
            ),
            ("sweep-latency-p99", "Latency p99 per class", "Latency p99", .workload, classes, "latencyP99", .seconds),
            (
                "sweep-utilisation", "Utilisation by region", "Utilisation", .region, first.regions.map(\.name),
                "utilisation", .fraction
            ),
            ("sweep-cost", "Total cost", "Cost", .cost, [""], "total", .money),
        ]
        for (id, title, yTitle, section, subjects, metric, unit) in specs {
            let series = lines(section, subjects, metric)
            guard !series.isEmpty else { continue }
            charts += lineCharts(
                id: id,
                title: title,
                splitTitle: yTitle,
                suffix: " vs " + sweep.parameter + " (95% band)",
                x: x,
                yTitle: yTitle,
                unit: unit,
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
            "<dl class=\"facts\">",
        ]
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
        for table in document.tables {
            lines.append("<section class=\"table\">")
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
        }
        if !document.notes.isEmpty {
            lines.append("<footer>")
            lines += document.notes.map { "<p>" + HTMLText.escape($0) + "</p>" }
            lines.append("</footer>")
        }
        lines += ["</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
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

        """
}
