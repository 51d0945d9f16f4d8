import Reports
import ShareModel
import SimTestSupport
import Testing

@Suite("Failure-detection figures")
struct DetectionFiguresTests {
    /// The fixture's replications as if eu-west-a were health-checked: one outage detected
    /// after `delay` s (and `delay` + 4 s at most), web sent 30 requests into the window.
    static func replications(delay: Double) -> [ModelResults] {
        ReportFixture.replications().map { run in
            var run = run
            run.zones[0].detection = DetectionResults(
                outagesDetected: 1,
                meanDetectionSeconds: delay,
                minDetectionSeconds: delay,
                maxDetectionSeconds: delay + 4,
                undetectedOutages: 0,
                lateMarkDowns: 0,
                recoveriesDetected: 1,
                meanRecoverySeconds: 7
            )
            run.zones[1].detection = DetectionResults(
                outagesDetected: 0,
                meanDetectionSeconds: nil,
                minDetectionSeconds: nil,
                maxDetectionSeconds: nil,
                undetectedOutages: 0,
                lateMarkDowns: 0,
                recoveriesDetected: 0,
                meanRecoverySeconds: nil
            )
            run.workloads[0].sentToDeadSites = 30
            run.workloads[0].retriedServed = 30
            run.workloads[0].meanRetryDelaySeconds = 2.01
            return run
        }
    }

    @Test("Health-checked runs report time to detect, requests sent to dead sites and retry delay")
    func rowsAndTables() throws {
        let runs = Self.replications(delay: 14.5)
        let report = RunReport(
            scenarioName: "fixture-cdn",
            scenarioDescription: "",
            variant: nil,
            sharesimVersion: "0.0.0-test",
            wallTimeSeconds: nil,
            focus: nil,
            replications: runs
        )
        #expect(report.row(FigureID(.zoneDetectionDelay, of: "eu-west-a"))?.estimate?.mean == 14.5)
        #expect(report.row(FigureID(.zoneDetectionDelayMax, of: "eu-west-a"))?.estimate?.mean == 18.5)
        // Checked but never failed: no delay, but a count of undetected outages (0).
        #expect(report.row(FigureID(.zoneDetectionDelay, of: "eu-west-b")) == nil)
        #expect(report.row(FigureID(.zoneUndetectedOutages, of: "eu-west-b"))?.estimate?.mean == 0)
        // Not checked: no detection rows at all.
        #expect(report.row(FigureID(.zoneUndetectedOutages, of: "us-east-a")) == nil)
        #expect(report.row(FigureID(.sentToDeadSites, of: "web"))?.estimate?.mean == 30)
        #expect(report.row(FigureID(.retryDelay, of: "web"))?.estimate?.mean == 2.01)
        let text = TableRenderer(colour: false).render(report)
        #expect(text.contains("Failure detection"))
        #expect(text.contains("Before detection"))
        #expect(!TableRenderer(colour: false).render(ReportFixture.run()).contains("Failure detection"))
    }
}
