import ArgumentParser
import Foundation
import HostRuntime
import Scenario

/// `sharesim live SCENARIO`: runs a scenario paced against the wall clock and serves a
/// dashboard, `/metrics`, an event stream and control requests on loopback.
struct LiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Run a scenario against the wall clock and serve a live dashboard, Prometheus metrics and controls.",
        discussion: """
            Pages: GET / (dashboard), GET /metrics (Prometheus text format), GET /events (server-sent \
            events, one per report interval), POST /control with a JSON body: {"action":"pause"}, \
            {"action":"resume"}, {"action":"speed","value":10} (or "max"), \
            {"action":"outage","target":"zone:NAME","down":true} (targets: zone, region, edge-site, link). \
            The server binds to loopback unless --listen names another address. Ctrl-C ends the run \
            (exit status 130).
            """
    )

    @Argument(help: "A scenario file or a built-in scenario name.")
    var scenario: String?

    @Option(help: "Run this variant of the scenario (see the scenario's `variants`).")
    var variant: String = "base"

    @Option(help: "Simulated seconds per wall-clock second, or `max` for as fast as possible.")
    var speed: String = "1"

    @Option(help: "The address and port to serve on (port 0: one the system chooses).")
    var listen: String = "127.0.0.1:8080"

    @Flag(help: "Exit when the run reaches its end instead of serving the final figures until Ctrl-C.")
    var exitAtEnd = false

    func run() throws {
        guard let pace = PacedClock.Speed(parsing: speed) else {
            throw CommandFailure.usage("--speed must be a positive number or `max`, not '\(speed)'")
        }
        let (host, port) = try Self.parseListen(listen)
        let reference = ScenarioReference(argument: scenario)
        let loaded = try reference.load().applying(variant: variant)
        let session = try LiveSession(
            scenarioName: loaded.name,
            spec: loaded.spec,
            seed: loaded.seed(forReplication: 1),
            speed: pace,
            host: host,
            port: port,
            exitAtEnd: exitAtEnd
        )
        let shownHost = host.contains(":") ? "[\(host)]" : host
        FileHandle.standardError.write(Data("sharesim: live on http://\(shownHost):\(try session.boundPort)\n".utf8))
        let ending = try session.run()
        let results = session.snapshot
        let complete = session.isFinished
        let title = "\(loaded.name)" + (complete ? "" : " (incomplete: interrupted)")
        FileHandle.standardOutput.write(Data(HeadlineFigures(results).table(title: title).utf8))
        if case .interrupted = ending { throw CommandFailure.interrupted }
    }

    /// `HOST:PORT` or `[IPv6]:PORT` split into a numeric host and a port.
    static func parseListen(_ text: String) throws -> (host: String, port: Int) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw CommandFailure.usage("--listen must be HOST:PORT, not '\(text)'") }
            portText = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            throw CommandFailure.usage("--listen must be HOST:PORT, not '\(text)'")
        }
        guard !host.isEmpty, let port = Int(portText), (0...65535).contains(port) else {
            throw CommandFailure.usage("--listen must be HOST:PORT with a port from 0 to 65535, not '\(text)'")
        }
        return (String(host), port)
    }
}
