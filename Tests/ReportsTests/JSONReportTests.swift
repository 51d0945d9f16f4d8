import Foundation
import Reports
import SimTestSupport
import Testing

/// The `sharesim.report/2` layout: the same keys for every kind, a flat figures table,
/// time series as columns with their own time axis, and the raw runs to decode from.
@Suite struct JSONReportTests {
    static let topKeys = [
        "schema", "kind", "focus", "parameter", "commonRandomNumbers", "figures", "series", "latencyCDF", "runs",
    ]
    static let rowKeys = [
        "figure", "section", "subject", "metric", "label", "unit", "run", "value", "numericValue", "mean", "low",
        "high", "halfWidth95", "n", "changeKind", "change", "diffMean", "diffLow", "diffHigh", "significant", "paired",
    ]

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The object's keys in the order the text writes them (JSONSerialization forgets order).
    static func orderedTopKeys(_ text: String) -> [String] {
        text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { line in
            String(line.dropFirst(3).prefix { $0 != "\"" })
        }
    }

    @Test func schemaIsTheFirstKeyAndKindTheSecond() {
        let text = JSONReportRenderer().render(ReportFixture.run())
        #expect(text.hasPrefix("{\n  \"schema\": \"sharesim.report/2\",\n  \"kind\": \"run\",\n"))
    }

    @Test func everyKindHasTheSameKeysInTheSameOrder() throws {
        let renderer = JSONReportRenderer(includeWallTime: false)
        let texts = [
            renderer.render(ReportFixture.run()), renderer.render(ReportFixture.comparison()),
            renderer.render(ReportFixture.sweep()),
        ]
        for text in texts {
            #expect(Self.orderedTopKeys(text) == Self.topKeys)
            let rows = try #require(try Self.object(text)["figures"] as? [[String: Any]])
            #expect(rows.allSatisfy { Set($0.keys) == Set(Self.rowKeys) })
        }
        let row = try #require(texts[1].range(of: "    {\n      \"figure\": "))
        let firstRow = texts[1][row.lowerBound...].prefix { $0 != "}" }
        let keys = firstRow.split(separator: "\n").dropFirst().map {
            String($0.drop { $0 == " " }.dropFirst().prefix { $0 != "\"" })
        }
        .filter { !$0.isEmpty }
        #expect(keys == Self.rowKeys)
    }

    @Test func aRunHasOneRowPerFigureWithItsMeanAndInterval() throws {
        let report = ReportFixture.run()
        let object = try Self.object(JSONReportRenderer().render(report))
        #expect(object["kind"] as? String == "run")
        #expect(object["parameter"] is NSNull)
        let focus = try #require(object["focus"] as? [String: Any])
        #expect(focus["question"] as? String == "Does the edge keep web fast as load grows?")
        #expect((focus["headline"] as? [String])?.last == "cost//total")
        let rows = try #require(object["figures"] as? [[String: Any]])
        #expect(rows.map { $0["figure"] as? String } == report.rows.map(\.key))
        let p99 = try #require(rows.first { $0["figure"] as? String == "workload/web/latencyP99" })
        let estimate = try #require(report.row(FigureID(.latencyP99, of: "web"))?.estimate)
        #expect(p99["mean"] as? Double == estimate.mean)
        #expect(abs((p99["low"] as? Double ?? 0) - estimate.lower) < 1e-15)
        #expect(abs((p99["high"] as? Double ?? 0) - estimate.upper) < 1e-15)
        #expect(p99["n"] as? Int == 2)
        #expect(p99["unit"] as? String == "seconds")
        #expect(p99["run"] as? String == "fixture-cdn")
        #expect(p99["diffMean"] is NSNull && p99["changeKind"] is NSNull)
        // Undefined everywhere: an SLO attainment without an objective.
        let slo = try #require(rows.first { $0["figure"] as? String == "workload/video \"HD\", EU/sloAttainment" })
        #expect(slo["mean"] is NSNull && slo["n"] is NSNull && slo["low"] is NSNull)
    }

    @Test func oneReplicationHasNoIntervalEnds() throws {
        let report = RunReport(
            scenarioName: "one",
            sharesimVersion: "t",
            wallTimeSeconds: nil,
            replications: [ReportFixture.replication(0)]
        )
        let rows = try #require(try Self.object(JSONReportRenderer().render(report))["figures"] as? [[String: Any]])
        let throughput = try #require(rows.first { $0["figure"] as? String == "workload/web/throughputPerSecond" })
        #expect(throughput["mean"] as? Double == 1_000)
        #expect(throughput["low"] is NSNull && throughput["high"] is NSNull && throughput["halfWidth95"] is NSNull)
        #expect(throughput["n"] as? Int == 1)
    }

    @Test func aComparisonHasOneRowPerFigureAndRunWithTheChange() throws {
        let comparison = ReportFixture.comparison()
        let object = try Self.object(JSONReportRenderer().render(comparison))
        #expect(object["commonRandomNumbers"] as? Bool == true)
        let rows = try #require(object["figures"] as? [[String: Any]])
        #expect(rows.count == comparison.figures.count * 2)
        let throughput = rows.filter { $0["figure"] as? String == "workload/web/throughputPerSecond" }
        #expect(throughput.map { $0["run"] as? String } == ["baseline", "more-web"])
        #expect(throughput[0]["diffMean"] is NSNull && throughput[0]["changeKind"] as? String == "percent")
        #expect(throughput[1]["diffMean"] as? Double == 100)
        #expect(throughput[1]["diffLow"] as? Double == 100 && throughput[1]["diffHigh"] as? Double == 100)
        #expect(throughput[1]["significant"] as? Bool == true && throughput[1]["paired"] as? Bool == true)
        #expect(abs((throughput[1]["change"] as? Double ?? 0) - 100 * 100 / 1050) < 1e-9)
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.map { $0["label"] as? String } == ["baseline", "more-web"])
        #expect(runs.allSatisfy { ($0["replications"] as? [Any])?.count == 2 })
    }

    @Test func aSweepRowCarriesItsValue() throws {
        let object = try Self.object(JSONReportRenderer().render(ReportFixture.sweep()))
        #expect(object["parameter"] as? String == "workloads.web.rate")
        let rows = try #require(object["figures"] as? [[String: Any]])
        let throughput = rows.filter { $0["figure"] as? String == "workload/web/throughputPerSecond" }
        #expect(throughput.map { $0["value"] as? String } == ["1k/s", "1.5k/s", "2k/s"])
        #expect(throughput.map { $0["numericValue"] as? Double } == [1_000, 1_500, 2_000])
        #expect(throughput.map { $0["mean"] as? Double } == [1_050, 1_500, 1_930])
        #expect(throughput.first?["run"] as? String == "workloads.web.rate = 1k/s")
    }

    @Test func theSeriesAreColumnsOnTheirOwnTimeAxis() throws {
        let report = ReportFixture.run()
        let object = try Self.object(JSONReportRenderer().render(report))
        let blocks = try #require(object["series"] as? [[String: Any]])
        #expect(blocks.count == 1)
        #expect(blocks[0]["startSeconds"] as? [Double] == report.figures.series.map(\.startSeconds))
        #expect(blocks[0]["lengthSeconds"] as? [Double] == [10, 10, 10])
        let columns = try #require(blocks[0]["columns"] as? [String: Any])
        let workloadColumns = [
            "throughput_req_per_s", "bitrate_bit_per_s", "mean_latency_s", "p50_latency_s", "p99_latency_s", "served",
            "lost",
        ]
        let expected =
            ["web", "video \"HD\", EU"].flatMap { name in workloadColumns.map { "workload." + name + "." + $0 } }
            + ["eu-west-a", "eu-west-b", "us-east-a"].map { "zone." + $0 + ".utilisation_fraction" }
            + ["pool.homes-eu.online_fraction"]
        #expect(Set(columns.keys) == Set(expected))
        #expect(columns.count == expected.count)
        let throughput = try #require(columns["workload.web.throughput_req_per_s"] as? [Double])
        #expect(throughput == report.figures.series.map { $0.workloads[0].throughputPerSecond?.mean ?? .nan })
        let cdf = try #require(object["latencyCDF"] as? [[String: Any]])
        #expect(cdf.map { $0["workload"] as? String } == ["web", "video \"HD\", EU"])
        #expect((cdf[0]["percentiles"] as? [Double])?.count == report.figures.workloads[0].latency.cdf.count)
        let comparisonBlocks = try #require(
            try Self.object(JSONReportRenderer().render(ReportFixture.comparison()))["series"] as? [[String: Any]]
        )
        #expect(comparisonBlocks.map { $0["run"] as? String } == ["baseline", "more-web"])
    }

    @Test func identicalRunsGiveIdenticalBytes() {
        let renderer = JSONReportRenderer(includeWallTime: false)
        var first = ReportFixture.run()
        var second = ReportFixture.run()
        first = RunReport(metadata: with(first.metadata, wallTime: 1.25), replications: first.replications)
        second = RunReport(metadata: with(second.metadata, wallTime: 9.5), replications: second.replications)
        #expect(renderer.render(first) == renderer.render(second))
        #expect(renderer.render(first).contains("\"wallTimeSeconds\": null"))
    }

    @Test func theOutputDecodesBackToTheSameReport() throws {
        let report = ReportFixture.run()
        let text = JSONReportRenderer().render(report)
        let decoded = try JSONDecoder().decode(RunReport.self, from: Data(text.utf8))
        #expect(decoded == report)
        let comparison = ReportFixture.comparison()
        let decodedComparison = try JSONDecoder().decode(
            ComparisonReport.self,
            from: Data(JSONReportRenderer().render(comparison).utf8)
        )
        #expect(decodedComparison == comparison)
        let sweep = ReportFixture.sweep()
        let decodedSweep = try JSONDecoder().decode(
            SweepReport.self,
            from: Data(JSONReportRenderer().render(sweep).utf8)
        )
        #expect(decodedSweep == sweep)
    }

    @Test func anotherSchemaOrKindIsRefused() {
        let text = JSONReportRenderer().render(ReportFixture.run())
        for (old, new) in [("sharesim.report/2", "sharesim.report/1"), ("\"kind\": \"run\"", "\"kind\": \"sweep\"")] {
            let changed = text.replacingOccurrences(of: old, with: new)
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode(RunReport.self, from: Data(changed.utf8))
            }
        }
    }

    private func with(_ metadata: RunMetadata, wallTime: Double) -> RunMetadata {
        var copy = metadata
        copy.wallTimeSeconds = wallTime
        return copy
    }
}
