import Reports
import SimTestSupport
import Testing

@Suite struct FormattingTests {
    @Test func numbersUseHumanScalesAndUnits() {
        #expect(HumanFormat.format(583_000, .requestsPerSecond) == "583.0k/s")
        #expect(HumanFormat.format(12.4e9, .bitsPerSecond) == "12.4 Gbit/s")
        #expect(HumanFormat.format(0.0842, .seconds) == "84.2 ms")
        #expect(HumanFormat.format(0.973, .fraction) == "97.3%")
        #expect(HumanFormat.format(0.9995, .fraction) == "99.95%")
        #expect(HumanFormat.format(12.4e9, .bytes) == "12.4 GB")
        #expect(HumanFormat.format(1234.5, .money) == "¤1,234.50")
        #expect(HumanFormat.format(1234.5, .money, currency: "CNY") == "CNY 1,234.50")
        #expect(HumanFormat.format(12.4e6, .money, currency: "USD") == "USD 12.4M")
        #expect(HumanFormat.signed(-3, .money, currency: "CNY") == "-CNY 3.00")
        #expect(HumanFormat.format(950, .count) == "950")
        #expect(HumanFormat.format(999_960, .requestsPerSecond) == "1.00M/s")
        #expect(HumanFormat.format(1_050, .requestsPerSecond) == "1.05k/s")
        #expect(HumanFormat.signed(-0.003, .seconds) == "-3.0 ms")
        #expect(
            HumanFormat.estimate(Estimate(mean: 583_000, halfWidth95: 1_200, n: 5), .requestsPerSecond)
                == "583.0k/s ± 1.20k/s"
        )
    }

    @Test func formatsParseFromNamesAndExtensions() {
        #expect(ReportFormat(name: "JSON") == .json)
        #expect(ReportFormat(name: "markdown") == .md)
        #expect(ReportFormat(name: "yaml") == nil)
        #expect(ReportFormat(inferringFrom: "out/report.html") == .html)
        #expect(ReportFormat(inferringFrom: "summary.CSV") == .csv)
        #expect(ReportFormat(inferringFrom: "notes.markdown") == .md)
        #expect(ReportFormat(inferringFrom: "run.txt") == .table)
        #expect(ReportFormat(inferringFrom: "dir.v2/report") == nil)
        #expect(ReportFormat(inferringFrom: ".json") == nil)
        #expect(ReportFormat.seriesPath(forSummaryPath: "out/run.csv") == "out/run.series.csv")
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(TableRenderer.shouldUseColour(isTerminal: true, environment: [:]))
        #expect(!TableRenderer.shouldUseColour(isTerminal: false, environment: [:]))
        #expect(!TableRenderer.shouldUseColour(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(TableRenderer.shouldUseColour(isTerminal: true, environment: ["NO_COLOR": ""]))
    }

    @Test func colourAddsEscapesAndNothingElse() {
        let report = ReportFixture.run()
        let plain = TableRenderer(colour: false).render(report)
        let coloured = TableRenderer(colour: true).render(report)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;36mWorkloads\u{1B}[0m"))
        #expect(
            stripped(coloured).split(separator: "\n").map { $0.trimmingSuffixSpaces() }
                == plain.split(separator: "\n").map { $0.trimmingSuffixSpaces() }
        )
    }

    @Test func csvQuotesFieldsWithCommasAndQuotes() {
        let text = CSVRenderer().summary(ReportFixture.run())
        #expect(text.contains("workload,\"video \"\"HD\"\", EU\",throughputPerSecond,"))
        #expect(text.hasPrefix("section,subject,figure,label,unit,mean,ci95_half_width,n\r\n"))
    }

    private func stripped(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for character in text {
            if character == "\u{1B}" {
                inEscape = true
            } else if inEscape {
                if character == "m" { inEscape = false }
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension Substring {
    fileprivate func trimmingSuffixSpaces() -> Substring {
        var result = self
        while result.last == " " { result = result.dropLast() }
        return result
    }
}
