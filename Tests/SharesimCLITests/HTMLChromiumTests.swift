import Foundation
import SimTestSupport
import Testing

/// The HTML reports opened in headless Chromium, as a reader would: each page (a run, a
/// comparison, a sweep) loads, renders to a screenshot, logs nothing to the console, and
/// every chart on it is an `<svg>` with axis titles and tick labels. Without Chromium the
/// test is skipped with the reason; `SHARESIM_REQUIRE_CHROMIUM=1` (CI, which installs the
/// `chromium` package) makes that a failure.
@Suite("HTML reports in headless Chromium")
struct HTMLChromiumTests {
    /// Thrown when `SHARESIM_REQUIRE_CHROMIUM=1` and no Chromium is on `PATH`.
    struct ChromiumMissing: Error, CustomStringConvertible {
        var description: String { "SHARESIM_REQUIRE_CHROMIUM=1, but no chromium is on PATH" }
    }

    /// Chromium on `PATH` under one of its usual names; skips (or fails) the test without it.
    static func chromium() throws -> URL {
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            if let program = SlurmCluster.program(name) { return program }
        }
        if ProcessInfo.processInfo.environment["SHARESIM_REQUIRE_CHROMIUM"] == "1" { throw ChromiumMissing() }
        try Test.cancel(
            "Chromium is not on PATH (apt-get install chromium); SHARESIM_REQUIRE_CHROMIUM=1 makes this a failure"
        )
    }

    /// The queue fixture with a question and headline figures, so the pages lead with charts of them.
    static let scenario =
        ScenarioFixture.queue + """

            report:
              question: How long do orders wait?
              headline: [zone/r-a/meanWaitSeconds, workload/orders/latencyP99, region/r/utilisation]

            """

    @Test("a run, a comparison and a sweep render in Chromium with no console message, every chart an svg with axes")
    func pagesRender() throws {
        let chromium = try Self.chromium()
        let fixture = try ScenarioFixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let queue = try fixture.write("queue.yaml", Self.scenario)
        let pool = try fixture.write("pool.yaml", ScenarioFixture.pool)
        let common = ["--reproducible", "--quiet", "--jobs", "0"]
        let pages: [(name: String, arguments: [String], charts: [String])] = [
            (
                "run.html", ["run", queue, "--replications", "2"],
                [
                    "headline-1", "headline-2", "throughput-over-time", "latency-over-time", "latency-cdf",
                    "utilisation-by-region", "served-by",
                ]
            ),
            (
                "comparison.html", ["compare", queue, "--variants", "base,double", "--replications", "2"],
                [
                    "compare-change", "compare-change-points", "headline-1", "headline-2", "compare-latency-cdf-1",
                    "compare-throughput", "compare-latency-p99", "compare-region-utilisation",
                ]
            ),
            ("sweep.html", ["sweep", pool], ["sweep-throughput", "sweep-latency-p99", "sweep-region-utilisation"]),
        ]
        func open(_ name: String) throws -> CLIResult {
            try CLIRunner.runProgram(
                chromium,
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-logging=stderr",
                    "--v=0", "--user-data-dir=" + fixture.path("profile"), "--window-size=1200,2400",
                    "--screenshot=" + fixture.path(name + ".png"), "--dump-dom",
                    URL(fileURLWithPath: fixture.path(name)).absoluteString,
                ]
            )
        }
        // The console check can fail: a page whose script logs an error is caught.
        _ = try fixture.write("broken.html", "<!DOCTYPE html><p>x</p><script>console.error('boom')</script>")
        #expect(try open("broken.html").standardError.split(separator: "\n").contains { $0.contains(":CONSOLE") })
        for page in pages {
            let result = try CLIRunner.run(page.arguments + common + ["--output", fixture.path(page.name)])
            #expect(result.status == 0, "\(page.arguments): \(result.standardError)")
            let screenshot = fixture.path(page.name + ".png")
            let browser = try open(page.name)
            #expect(browser.status == 0, "\(page.name): \(browser.standardError)")
            // A screenshot was taken: a PNG of some size.
            let image = try Data(contentsOf: URL(fileURLWithPath: screenshot))
            #expect(image.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(page.name)")
            #expect(image.count > 20_000, "\(page.name): \(image.count) bytes")
            // Nothing on the console: no script error, no failed load.
            let console = browser.standardError.split(separator: "\n").filter { $0.contains(":CONSOLE") }
            #expect(console.isEmpty, "\(page.name): \(console)")
            // The page as Chromium built it: every figure holds one svg chart with axis
            // titles and tick labels.
            let dom = browser.standardOutput
            let figures = dom.components(separatedBy: "<figure>").dropFirst()
            let ids = figures.compactMap { $0.firstMatch(of: #/<svg [^>]*id="([^"]+)"/#).map { String($0.output.1) } }
            #expect(ids == page.charts, "\(page.name)")
            for figure in figures {
                let chart = figure.components(separatedBy: "</figure>")[0]
                let id = chart.firstMatch(of: #/<svg [^>]*id="([^"]+)"/#).map { String($0.output.1) } ?? "?"
                #expect(chart.components(separatedBy: "<svg ").count == 2, "\(page.name) \(id)")
                #expect(chart.contains("class=\"axis-title\""), "\(page.name) \(id) has no axis title")
                #expect(chart.contains("class=\"tick\""), "\(page.name) \(id) has no tick labels")
            }
        }
    }
}
