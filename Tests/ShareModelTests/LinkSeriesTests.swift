import Testing

@testable import ShareModel
@testable import SimCore

/// Per-link series: a drawn link's bytes and flows per interval against an independent
/// computation from the request records, and the link's totals against its series.
@Suite("Link series")
struct LinkSeriesTests {
    /// ``LinkPathTests/trunkSpec()`` with neither population's access limited, so the trunk is
    /// every answer's only bottleneck (it runs at full capacity whenever it carries a flow),
    /// and a 10 s warm-up, so the series starts mid-run.
    static func trunkOnlySpec() throws -> ModelSpec {
        var spec = try LinkPathTests.trunkSpec()
        spec.populations[0].accessBitsPerSecond = nil
        spec.warmup = .seconds(10)
        return spec
    }

    /// The seconds of `[from, to)` that `spans` cover, counting overlaps once.
    static func coveredSeconds(of spans: [(Int64, Int64)], from: Int64, to: Int64) -> Double {
        var covered: Int64 = 0
        var reach = from
        for (start, end) in spans.sorted(by: { $0.0 < $1.0 }) {
            let lower = max(start, reach)
            let upper = min(end, to)
            if upper > lower { covered += upper - lower }
            reach = max(reach, upper)
        }
        return Double(covered) / 1e9
    }

    @Test("a trunk's bytes and flows per interval equal capacity × busy time and flow-time from the request records")
    func seriesMatchesRecords() throws {
        let spec = try Self.trunkOnlySpec()
        var simulation = try ModelRun.prepare(spec, seed: 3, recording: RequestSampling(rate: 1))
        let results = try ModelRun.finish(&simulation)
        let records =
            simulation.model.takeRequestRecords()
            + simulation.model.takeUnfinishedRequestRecords(at: simulation.model.runEnd)
        // Every answer crosses the trunk in its transfer step, from the flow's start to its end.
        let spans = records.flatMap { record in
            record.steps.filter { $0.phase == .transfer }.map { ($0.start.nanoseconds, $0.end.nanoseconds) }
        }
        #expect(spans.count > 250, "\(spans.count) transfers")
        let link = try #require(results.links?.first)
        let capacity = LinkPathTests.trunkCapacity
        var totalBytes = 0.0
        var busiest = 0.0
        for point in results.series {
            let start = Int64((10 + point.startSeconds) * 1e9)
            let end = start + Int64(point.lengthSeconds * 1e9)
            let measured = try #require(point.links?.first)
            let busy = Self.coveredSeconds(of: spans, from: start, to: end)
            let overlapping = spans.filter { $0.0 < end && $0.1 > start }
            let flowSeconds = overlapping.reduce(0.0) { sum, span in
                sum + Double(min(span.1, end) - max(span.0, start)) / 1e9
            }
            // A flow's end is its completion rounded up to the nanosecond: at most one
            // nanosecond of capacity (12.5 bytes) per transfer separates the two counts.
            let tolerance = 12.5 * Double(overlapping.count) + 1e-9 * measured.bytes
            #expect(
                abs(measured.bytes - capacity / 8 * busy) <= tolerance,
                "interval at \(point.startSeconds) s: \(measured.bytes) B vs \(capacity / 8 * busy) B"
            )
            #expect(abs(measured.utilisation - measured.bytes * 8 / (capacity * point.lengthSeconds)) <= 1e-12)
            #expect(
                abs(measured.meanFlows - flowSeconds / point.lengthSeconds) <= 1e-9 * Double(overlapping.count + 1),
                "interval at \(point.startSeconds) s: \(measured.meanFlows) flows vs \(flowSeconds / point.lengthSeconds)"
            )
            totalBytes += measured.bytes
            busiest = max(busiest, measured.utilisation)
        }
        // 60 Mbit/s offered over 100 Mbit/s: busy most, not all, of each interval.
        #expect(results.series.count == 10)
        #expect(busiest > 0.5 && busiest < 1)
        #expect(abs(link.bytes - totalBytes) <= 1e-9 * totalBytes)
        #expect(link.utilisation == link.bytes * 8 / (capacity * results.durationSeconds))
        #expect(link.peakUtilisation == busiest)
        let flowSeconds = results.series.reduce(0.0) { $0 + ($1.links?.first?.meanFlows ?? 0) * $1.lengthSeconds }
        #expect(abs(link.meanFlows - flowSeconds / results.durationSeconds) <= 1e-12 * link.meanFlows)
    }

    @Test("a trunk carries bytes only while it is up: zero bytes and flows in intervals it is down")
    func downTrunkCarriesNothing() throws {
        var spec = try Self.trunkOnlySpec()
        spec.outages = [
            try ScheduledOutage(target: .link("trunk"), start: SimTime(.seconds(50)), duration: .seconds(40))
        ]
        let results = try ModelRun.run(spec, seed: 3)
        // Intervals [40, 60) and [60, 80) after the warm-up: the trunk is down from 50 s to 90 s.
        let down = results.series.filter { $0.startSeconds == 40 }
        let point = try #require(down.first?.links?.first)
        #expect(point.bytes == 0 && point.meanFlows == 0)
        #expect(results.links?.first?.downSeconds == 40)
    }

    @Test("a scenario without drawn links has no link series and no link results")
    func noLinksNoSeries() throws {
        var spec = try Self.trunkOnlySpec()
        spec.paths = []
        spec.links = []
        let results = try ModelRun.run(spec, seed: 3)
        #expect(results.links == nil)
        #expect(results.series.allSatisfy { $0.links == nil })
    }
}
