import Testing

@testable import Reports

/// How a comparison states a change: shares in percentage points, and which way is better.
@Suite("Difference text")
struct DifferenceTextTests {
    static func difference(_ mean: Double, halfWidth: Double?, relative: Double?, significant: Bool) -> FigureDifference
    {
        FigureDifference(
            mean: mean,
            halfWidth95: halfWidth,
            n: 5,
            relativePercent: relative,
            significant: significant,
            paired: true
        )
    }

    @Test("a share changes by percentage points, never by a percentage of a percentage")
    func percentagePoints() {
        let text = ReportLayout.differenceText(
            Self.difference(-0.023, halfWidth: 0.004, relative: -2.4, significant: true),
            FigureMetric.successRatio.descriptor
        )
        #expect(text == "-2.3 pp ± 0.4 pp * worse")
    }

    @Test("a significant change says better or worse by the figure's direction; a neutral one says neither")
    func direction() {
        let lower = Self.difference(-0.010, halfWidth: 0.002, relative: -12.5, significant: true)
        #expect(
            ReportLayout.differenceText(lower, FigureMetric.latencyP99.descriptor)
                == "-10.0 ms ± 2.0 ms (-12.5%) * better"
        )
        let arrivals = Self.difference(100, halfWidth: 10, relative: 1, significant: true)
        #expect(ReportLayout.differenceText(arrivals, FigureMetric.arrived.descriptor) == "+100 ± 10 (+1.0%) *")
        let noise = Self.difference(-0.010, halfWidth: 0.02, relative: -12.5, significant: false)
        #expect(ReportLayout.differenceText(noise, FigureMetric.latencyP99.descriptor) == "-10.0 ms ± 20.0 ms (-12.5%)")
    }
}
