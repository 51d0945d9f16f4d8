import Testing

@testable import Reports

/// What keeps charts readable: colours that do not repeat, legends that wrap rather than
/// cut, logarithmic axes for values spanning decades, ticks in human units.
@Suite("Chart style")
struct ChartStyleTests {
    @Test("29 series get 29 different colours, the first eight from the Okabe–Ito palette")
    func paletteDoesNotRepeat() {
        let colours = (0..<29).map(SVGChart.colour)
        #expect(Set(colours).count == 29)
        #expect(Array(colours.prefix(8)) == SVGChart.palette)
        #expect(colours[8] == "hsl(17,70%,38%)")
        #expect(Set((0..<200).map(SVGChart.colour)).count == 200)
    }

    @Test("a long legend entry wraps at a separator, and nothing is cut")
    func legendsWrap() {
        let name = "xunlei-hongkong / cloud-only / warmup=1 min"
        let lines = SVGChart.wrapped(name, width: 26)
        #expect(lines == ["xunlei-hongkong /", "cloud-only / warmup=1 min"])
        #expect(lines.joined(separator: " ") == name)
        #expect(SVGChart.wrapped("short", width: 26) == ["short"])
        #expect(SVGChart.wrapped(String(repeating: "x", count: 30), width: 26).map(\.count) == [26, 4])
        let chart = SVGChart.lineChart(
            id: "c",
            title: "t",
            x: ChartAxis.linear(title: "x", unit: .seconds, values: [0, 1]),
            y: ChartAxis.linear(title: "y", unit: .count, values: [0, 1]),
            series: (0..<29).map { SVGChart.LineSeries(name: "region-\($0) / \(name)", points: [(0, 1, nil, nil)]) }
        )
        #expect(!chart.contains("…"))
        #expect(chart.contains(">cloud-only / warmup=1 min</text>"))
        // 29 entries of three lines each (20 px, then 15 px per extra line) do not fit in 340 px:
        // the chart grows to hold them, 44 + 29 × 50 + 8 px.
        #expect(chart.contains("viewBox=\"0 0 900.0 1502.0\""))
    }

    @Test("values spanning more than two decades get a logarithmic axis with human ticks")
    func logarithmicAxes() {
        let wide = ChartAxis.automatic(title: "Throughput", unit: .requestsPerSecond, values: [5, 80, 6_500])
        #expect(wide.logarithmic)
        #expect(wide.title == "Throughput (req/s, log scale)")
        #expect(wide.ticks.map(\.label) == ["1", "3", "10", "30", "100", "300", "1k", "3k", "10k"])
        let narrow = ChartAxis.automatic(title: "Throughput", unit: .requestsPerSecond, values: [5, 80, 400])
        #expect(!narrow.logarithmic)
        let withZero = ChartAxis.automatic(title: "Throughput", unit: .requestsPerSecond, values: [0, 5, 6_500])
        #expect(!withZero.logarithmic)
        let latency = ChartAxis.automatic(title: "Latency", unit: .seconds, values: [0.002, 0.04, 9])
        #expect(latency.title == "Latency (log scale)")
        #expect(latency.ticks.map(\.label).contains("10 ms"))
        let linear = ChartAxis.linear(title: "Rate", unit: .requestsPerSecond, values: [0, 6_500])
        #expect(linear.ticks.map(\.label) == ["0", "2k", "4k", "6k", "8k"])
        #expect(linear.ticks.allSatisfy { !$0.label.contains("e+") })
    }
}
