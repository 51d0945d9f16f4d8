/// Inline SVG charts for the HTML report: lines with confidence bands, bars with
/// confidence whiskers, and 100% stacked bars, each with a title, labelled axes and a legend.
///
/// Coordinates print with one decimal, so the same data gives the same markup. Every
/// drawn series carries `data-series="<name>"` so tests and scripts can find it.
enum SVGChart {
    /// One line of a line chart; `low`/`high` draw a band when every point has them.
    struct LineSeries {
        var name: String
        var points: [(x: Double, y: Double, low: Double?, high: Double?)]
    }

    /// One group of bars: a label and one estimate per series.
    struct BarGroup {
        var label: String
        var values: [Estimate?]
    }

    /// The Okabe–Ito palette: distinguishable with colour-blindness, readable on white.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#555555", "#B8A000"]

    /// The colour of series `index` (from 0): the palette's first, then hues a golden angle
    /// apart at alternating lightness, so no two of the first hundreds of series share a
    /// colour (29 regions get 29 colours).
    static func colour(_ index: Int) -> String {
        if index < palette.count { return palette[index] }
        let extra = index - palette.count
        let hue = (extra * 137 + 17) % 360
        let lightness = [38, 52, 30][extra % 3]
        return "hsl(\(hue),\(extra % 2 == 0 ? 70 : 55)%,\(lightness)%)"
    }

    private static let width = 900.0
    private static let left = 78.0
    private static let right = 210.0
    private static let top = 40.0
    private static let bottom = 58.0
    private static var plotWidth: Double { width - left - right }

    // MARK: - Line chart

    /// A line chart of `series` over axes `x` and `y`, 340 px high.
    static func lineChart(id: String, title: String, x: ChartAxis, y: ChartAxis, series: [LineSeries]) -> String {
        let height = 340.0
        let plotHeight = height - top - bottom
        func px(_ value: Double) -> Double { left + x.fraction(value) * plotWidth }
        func py(_ value: Double) -> Double { top + (1 - y.fraction(value)) * plotHeight }
        var body = frame(title: title, x: x, y: y, height: height, xAt: px, yAt: py)
        for (index, line) in series.enumerated() {
            let colour = colour(index)
            let name = HTMLText.escape(line.name)
            if line.points.count > 1, line.points.allSatisfy({ $0.low != nil && $0.high != nil }) {
                let upper = line.points.map { point(px($0.x), py($0.high ?? $0.y)) }
                let lower = line.points.reversed().map { point(px($0.x), py($0.low ?? $0.y)) }
                body.append(
                    "<polygon class=\"band\" data-series=\"\(name)\" "
                        + "points=\"\((upper + lower).joined(separator: " "))\" "
                        + "fill=\"\(colour)\" fill-opacity=\"0.15\" stroke=\"none\"/>"
                )
            }
            let points = line.points.map { point(px($0.x), py($0.y)) }.joined(separator: " ")
            body.append(
                "<polyline class=\"series\" data-series=\"\(name)\" points=\"\(points)\" fill=\"none\" "
                    + "stroke=\"\(colour)\" stroke-width=\"2.2\" stroke-linejoin=\"round\"/>"
            )
            if line.points.count <= 30 {
                for p in line.points {
                    body.append(
                        "<circle cx=\"\(coordinate(px(p.x)))\" cy=\"\(coordinate(py(p.y)))\" r=\"3\" "
                            + "fill=\"\(colour)\"/>"
                    )
                }
            }
        }
        let key = legend(series.map(\.name))
        return svg(id: id, title: title, height: Swift.max(height, key.bottom + 8), body: body + key.parts)
    }

    // MARK: - Bar chart

    /// Grouped vertical bars, one group per `groups` entry and one bar per series, each with
    /// a whisker over its 95% interval; the value is printed above each bar when few. With
    /// `percentagePoints`, fractions are changes of shares, labelled in pp (`+2.5 pp`).
    static func barChart(
        id: String,
        title: String,
        yTitle: String,
        unit: FigureUnit,
        seriesNames: [String],
        groups: [BarGroup],
        signed: Bool = false,
        percentagePoints: Bool = false,
        currency: String? = nil
    ) -> String {
        func valueLabel(_ value: Double) -> String {
            if percentagePoints { return (value > 0 ? "+" : "") + HumanFormat.fixed(value * 100, decimals: 1) + " pp" }
            return signed
                ? HumanFormat.signed(value, unit, currency: currency)
                : HumanFormat.format(value, unit, currency: currency)
        }
        let height = 340.0
        let plotHeight = height - top - bottom
        let values = groups.flatMap { $0.values.compactMap { $0 } }.flatMap { [$0.lower, $0.upper, $0.mean] }
        let y = ChartAxis.linear(
            title: yTitle,
            unit: unit,
            values: values,
            percentagePoints: percentagePoints,
            currency: currency
        )
        let x = ChartAxis.categorical(title: "", labels: groups.map(\.label))
        func px(_ value: Double) -> Double { left + x.fraction(value) * plotWidth }
        func py(_ value: Double) -> Double { top + (1 - y.fraction(value)) * plotHeight }
        var body = frame(title: title, x: x, y: y, height: height, xAt: px, yAt: py, xTickLabels: false)
        let groupWidth = plotWidth / Double(max(groups.count, 1))
        let charactersPerLine = max(6, Int(groupWidth / 7))
        for (groupIndex, group) in groups.enumerated() {
            let lines = group.label.split(separator: "\n", omittingEmptySubsequences: false).prefix(2)
            for (lineIndex, line) in lines.enumerated() {
                let shown =
                    line.count > charactersPerLine ? String(line.prefix(charactersPerLine - 1)) + "…" : String(line)
                body.append(
                    "<text x=\"\(coordinate(px(Double(groupIndex))))\" "
                        + "y=\"\(coordinate(height - bottom + 18 + 14 * Double(lineIndex)))\" text-anchor=\"middle\" "
                        + "class=\"tick\">\(HTMLText.escape(shown))</text>"
                )
            }
        }
        if y.lower < 0 {
            let yZero = coordinate(py(0))
            body.append(
                "<line x1=\"\(coordinate(left))\" y1=\"\(yZero)\" x2=\"\(coordinate(left + plotWidth))\" "
                    + "y2=\"\(yZero)\" class=\"axis\"/>"
            )
        }
        let seriesCount = max(seriesNames.count, 1)
        let barWidth = min(groupWidth * 0.75 / Double(seriesCount), 64)
        let showValues = groups.count * seriesCount <= 12
        for (groupIndex, group) in groups.enumerated() {
            let centre = px(Double(groupIndex))
            let start = centre - barWidth * Double(seriesCount) / 2
            for (seriesIndex, estimate) in group.values.enumerated() {
                guard let estimate else { continue }
                let x0 = start + barWidth * Double(seriesIndex)
                let yValue = py(estimate.mean)
                let yZero = py(0)
                let colour = colour(seriesIndex)
                let name = HTMLText.escape(element(seriesNames, seriesIndex) ?? "")
                body.append(
                    "<rect class=\"bar\" data-series=\"\(name)\" data-group=\"\(HTMLText.escape(group.label))\" "
                        + "x=\"\(coordinate(x0 + 1))\" y=\"\(coordinate(min(yValue, yZero)))\" "
                        + "width=\"\(coordinate(barWidth - 2))\" height=\"\(coordinate(abs(yZero - yValue)))\" "
                        + "fill=\"\(colour)\"/>"
                )
                let whiskerX = x0 + barWidth / 2
                let negative = estimate.mean < 0
                var labelY = negative ? max(yValue, yZero) : min(yValue, yZero)
                if let halfWidth = estimate.halfWidth95 {
                    let yLow = py(estimate.mean - halfWidth)
                    let yHigh = py(estimate.mean + halfWidth)
                    labelY = negative ? max(labelY, yLow) : min(labelY, yHigh)
                    body.append(
                        "<path class=\"whisker\" d=\"M\(coordinate(whiskerX)) \(coordinate(yLow))V\(coordinate(yHigh))"
                            + "M\(coordinate(whiskerX - 5)) \(coordinate(yLow))h10M\(coordinate(whiskerX - 5)) "
                            + "\(coordinate(yHigh))h10\" stroke=\"#222\" stroke-width=\"1.4\" fill=\"none\"/>"
                    )
                }
                if showValues {
                    body.append(
                        "<text x=\"\(coordinate(whiskerX))\" y=\"\(coordinate(negative ? labelY + 14 : labelY - 5))\" "
                            + "text-anchor=\"middle\" "
                            + "class=\"value\">\(HTMLText.escape(valueLabel(estimate.mean)))</text>"
                    )
                }
            }
        }
        var chartHeight = height
        if seriesNames.count > 1 || (seriesNames.first.map { !$0.isEmpty } ?? false) {
            let key = legend(seriesNames)
            body += key.parts
            chartHeight = Swift.max(height, key.bottom + 8)
        }
        return svg(id: id, title: title, height: chartHeight, body: body)
    }

    // MARK: - Stacked bars

    /// One horizontal 100% bar per category, split into `segmentNames` by `shares` (0...1).
    static func stackedBarChart(
        id: String,
        title: String,
        categories: [String],
        segmentNames: [String],
        shares: [[Double?]]
    ) -> String {
        let rowHeight = 28.0
        let gap = 26.0
        let height = top + 18 + Double(categories.count) * (rowHeight + gap) - gap + 12 + bottom
        let x = ChartAxis.linear(title: "Share of served requests", unit: .fraction, values: [0, 1])
        func px(_ value: Double) -> Double { left + x.fraction(value) * plotWidth }
        var body = [title_(title)]
        let plotBottom = height - bottom
        for tick in x.ticks {
            let xx = coordinate(px(tick.value))
            body.append(
                "<line x1=\"\(xx)\" y1=\"\(coordinate(top))\" x2=\"\(xx)\" y2=\"\(coordinate(plotBottom))\" "
                    + "class=\"grid\"/>"
            )
            body.append(
                "<text x=\"\(xx)\" y=\"\(coordinate(plotBottom + 16))\" text-anchor=\"middle\" class=\"tick\">"
                    + "\(HTMLText.escape(tick.label))</text>"
            )
        }
        body.append(
            "<text x=\"\(coordinate(left + plotWidth / 2))\" y=\"\(coordinate(height - 14))\" text-anchor=\"middle\" "
                + "class=\"axis-title\">\(HTMLText.escape(x.title))</text>"
        )
        for (row, category) in categories.enumerated() {
            let y0 = top + 18 + Double(row) * (rowHeight + gap)
            body.append(
                "<text x=\"\(coordinate(left))\" y=\"\(coordinate(y0 - 6))\" class=\"category\">"
                    + "\(HTMLText.escape(category))</text>"
            )
            var start = 0.0
            for (segment, share) in (element(shares, row) ?? []).enumerated() {
                guard let share, share > 0 else { continue }
                let x0 = px(start)
                let x1 = px(start + share)
                body.append(
                    "<rect class=\"segment\" data-series=\"\(HTMLText.escape(element(segmentNames, segment) ?? ""))\" "
                        + "data-group=\"\(HTMLText.escape(category))\" x=\"\(coordinate(x0))\" y=\"\(coordinate(y0))\" "
                        + "width=\"\(coordinate(x1 - x0))\" height=\"\(coordinate(rowHeight))\" "
                        + "fill=\"\(colour(segment))\"/>"
                )
                if x1 - x0 >= 44 {
                    body.append(
                        "<text x=\"\(coordinate((x0 + x1) / 2))\" y=\"\(coordinate(y0 + rowHeight / 2 + 4))\" "
                            + "text-anchor=\"middle\" "
                            + "class=\"inside\">\(HumanFormat.fixed(share * 100, decimals: 0))%</text>"
                    )
                }
                start += share
            }
        }
        let key = legend(segmentNames)
        return svg(id: id, title: title, height: Swift.max(height, key.bottom + 8), body: body + key.parts)
    }

    // MARK: - Parts

    /// Title, grid, ticks and axis titles of a chart with both axes.
    private static func frame(
        title: String,
        x: ChartAxis,
        y: ChartAxis,
        height: Double,
        xAt: (Double) -> Double,
        yAt: (Double) -> Double,
        xTickLabels: Bool = true
    ) -> [String] {
        let plotBottom = height - bottom
        var parts = [title_(title)]
        for tick in y.ticks {
            let yy = coordinate(yAt(tick.value))
            parts.append(
                "<line x1=\"\(coordinate(left))\" y1=\"\(yy)\" x2=\"\(coordinate(left + plotWidth))\" "
                    + "y2=\"\(yy)\" class=\"grid\"/>"
            )
            parts.append(
                "<text x=\"\(coordinate(left - 6))\" y=\"\(coordinate(yAt(tick.value) + 4))\" text-anchor=\"end\" "
                    + "class=\"tick\">\(HTMLText.escape(tick.label))</text>"
            )
        }
        for tick in x.ticks {
            let xx = coordinate(xAt(tick.value))
            parts.append(
                "<line x1=\"\(xx)\" y1=\"\(coordinate(plotBottom))\" x2=\"\(xx)\" "
                    + "y2=\"\(coordinate(plotBottom + 5))\" class=\"axis\"/>"
            )
            guard xTickLabels else { continue }
            parts.append(
                "<text x=\"\(xx)\" y=\"\(coordinate(plotBottom + 18))\" text-anchor=\"middle\" class=\"tick\">"
                    + "\(HTMLText.escape(tick.label))</text>"
            )
        }
        parts.append(
            "<line x1=\"\(coordinate(left))\" y1=\"\(coordinate(plotBottom))\" x2=\"\(coordinate(left + plotWidth))\" "
                + "y2=\"\(coordinate(plotBottom))\" class=\"axis\"/>"
        )
        parts.append(
            "<line x1=\"\(coordinate(left))\" y1=\"\(coordinate(top))\" x2=\"\(coordinate(left))\" "
                + "y2=\"\(coordinate(plotBottom))\" class=\"axis\"/>"
        )
        if !x.title.isEmpty {
            parts.append(
                "<text x=\"\(coordinate(left + plotWidth / 2))\" y=\"\(coordinate(height - 14))\" "
                    + "text-anchor=\"middle\" "
                    + "class=\"axis-title\">\(HTMLText.escape(x.title))</text>"
            )
        }
        let middle = coordinate(top + (plotBottom - top) / 2)
        parts.append(
            "<text x=\"16\" y=\"\(middle)\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(middle))\" "
                + "class=\"axis-title\">\(HTMLText.escape(y.title))</text>"
        )
        return parts
    }

    private static func title_(_ title: String) -> String {
        "<text x=\"\(coordinate(left))\" y=\"22\" class=\"chart-title\">\(HTMLText.escape(title))</text>"
    }

    /// A legend in the right margin, one swatch per name; a long name wraps onto further
    /// lines (never cut), and the returned bottom says how tall the chart must be to show it all.
    private static func legend(_ names: [String]) -> (parts: [String], bottom: Double) {
        let x = left + plotWidth + 18
        var parts = ["<g class=\"legend\">"]
        var y = top + 4
        for (index, name) in names.enumerated() {
            parts.append(
                "<rect x=\"\(coordinate(x))\" y=\"\(coordinate(y))\" width=\"12\" height=\"12\" "
                    + "fill=\"\(colour(index))\"/>"
            )
            for (lineIndex, line) in wrapped(name, width: 26).enumerated() {
                parts.append(
                    "<text x=\"\(coordinate(x + 18))\" y=\"\(coordinate(y + 10.5 + 15 * Double(lineIndex)))\" "
                        + "class=\"legend-label\">\(HTMLText.escape(line))</text>"
                )
                if lineIndex > 0 { y += 15 }
            }
            y += 20
        }
        parts.append("</g>")
        return (parts, y)
    }

    /// `text` in lines of at most `width` characters, broken after spaces, `/`, `,` or `=`
    /// where it can be, else inside a word.
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var rest = Substring(text)
        while rest.count > width {
            let window = rest.prefix(width)
            let cut = window.lastIndex { " /,=".contains($0) }.map { rest.index(after: $0) } ?? window.endIndex
            let line = rest[..<cut]
            lines.append(String(line.last == " " ? line.dropLast() : line))
            rest = rest[cut...].drop { $0 == " " }
        }
        if !rest.isEmpty || lines.isEmpty { lines.append(String(rest)) }
        return lines
    }

    private static func svg(id: String, title: String, height: Double, body: [String]) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(HTMLText.escape(id))\" class=\"chart\" role=\"img\" "
            + "aria-label=\"\(HTMLText.escape(title))\" viewBox=\"0 0 \(coordinate(width)) \(coordinate(height))\" "
            + "width=\"\(coordinate(width))\" height=\"\(coordinate(height))\">\n" + body.joined(separator: "\n")
            + "\n</svg>"
    }

    private static func point(_ x: Double, _ y: Double) -> String {
        coordinate(x) + "," + coordinate(y)
    }

    /// A coordinate with one decimal.
    static func coordinate(_ value: Double) -> String {
        HumanFormat.fixed(value, decimals: 1)
    }
}

/// Escaping for HTML and XML text and attribute values.
enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities XML also knows.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
