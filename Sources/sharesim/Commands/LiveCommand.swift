import ArgumentParser
import Experiments
import Foundation
import Reports
import Scenario

/// `sharesim live SCENARIO`: runs a scenario paced against the wall clock and serves a
/// dashboard, `/metrics`, an event stream and control requests on loopback.
struct LiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Run a scenario against the wall clock and serve a live dashboard, Prometheus metrics and controls.",
        discussion: """
            Pages: GET / (dashboard), GET /metrics (Prometheus text format), GET /events (server-sent \
            events, one per report interval), POST /control with `Authorization: Bearer TOKEN` (printed at \
            start) and a JSON body: {"action":"pause"}, {"action":"resume"}, {"action":"speed","value":10} \
            (or "max"), {"action":"outage","target":"zone:NAME","down":true} (targets: zone, region, edge-site, \
            link). Loopback only unless --allow-remote. Ctrl-C ends the run (exit status 130).
            """
    )

    @Argument(help: "A scenario file or a built-in scenario name.")
    var scenario: String?

    @Option(help: "Run this variant of the scenario (see the scenario's `variants`).")
    var variant: String = "base"

    @Option(help: "Simulated seconds per wall-clock second, or `max` for as fast as possible.")
    var speed: String = "1"

    @Option(help: "The address and port to serve on: IP:PORT, localhost:PORT or [IPv6]:PORT (port 0: any free one).")
    var listen: String = "127.0.0.1:8080"

    @Flag(help: "Allow --listen to name an address other machines can reach, such as 0.0.0.0.")
    var allowRemote = false

    @Option(help: "The token POST /control requires (16 to 256 letters, digits, -._~+/=); default: a random one.")
    var controlToken: String?

    @Flag(help: "Exit when the run reaches its end instead of serving the final figures until Ctrl-C.")
    var exitAtEnd = false

    func run() throws {
        let settings = try LiveSettings(
            speed: speed,
            listen: listen,
            allowRemote: allowRemote,
            controlToken: controlToken,
            exitAtEnd: exitAtEnd
        )
        let loaded = try ScenarioReference(argument: scenario).load().applying(variant: variant)
        let session = try LiveSession(
            scenarioName: loaded.name,
            spec: loaded.spec,
            seed: loaded.seed(forReplication: 1),
            settings: settings,
            note: { FileHandle.standardError.write(Data("sharesim: \($0)\n".utf8)) }
        )
        let ending = try session.run()
        var incomplete = session.isFinished ? "" : " (incomplete: interrupted)"
        if case .stopped = ending { incomplete = " (incomplete: too many requests in flight)" }
        let title = loaded.name + incomplete
        let figures = HeadlineFigures(session.snapshot, focus: loaded.reportFocus)
        FileHandle.standardOutput.write(Data(figures.table(title: title).utf8))
        if case .interrupted = ending { throw ExperimentError.interrupted }
        if case .stopped(let breach) = ending { throw ExperimentError.failed("\(breach)") }
    }
}
