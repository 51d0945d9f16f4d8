import Foundation
import HostRuntime
import Reports
public import ShareModel
import SimCore

/// One `sharesim live` run: the simulation, paced against the wall clock on a libuv timer,
/// and the HTTP server that shows and steers it.
///
/// Everything happens on the loop's thread: the tick timer advances the simulation, the
/// server's handler reads snapshots and applies control requests between ticks, so the
/// simulation is never touched concurrently.
public final class LiveSession {
    /// How a session ended.
    public enum Ending: Sendable {
        /// The run reached its end (and `--exit-at-end` was given).
        case finished
        /// SIGINT, SIGTERM or SIGHUP arrived.
        case interrupted
        /// The run reached its limit of requests in flight and cannot go on.
        case stopped(RunLimitBreach)
    }

    /// How often the tick timer fires.
    static let tickInterval: Duration = .milliseconds(100)
    /// Wall time one tick may spend simulating before it yields to the server.
    static let tickBudget: Duration = .milliseconds(80)

    /// The scenario's name, shown on the dashboard.
    public let scenarioName: String
    private let loop: EventLoop
    private var simulation: Simulation<WorldModel, DefaultPendingEventSet>
    private var clock: PacedClock
    private let started = ContinuousClock.now
    private let settings: LiveSettings
    private let ticker: LoopTimer
    private var signals: [SignalWatcher] = []
    private var server: HTTPServer?
    /// Simulated time advanced per `run(until:)` call, so a tick can stop on its budget;
    /// adapted so that one call takes a few milliseconds of wall time.
    private var chunk: SimDuration
    /// The longest chunk: half a report interval, so one chunk crosses at most one.
    private let maxChunk: SimDuration
    /// Report intervals already published.
    private var publishedIntervals = 0
    /// The latest published frame, sent first to new event-stream clients.
    private var lastFrame: String?
    /// The frames published so far (the last 500), replayed to a new `/events`
    /// client so its charts start with the run's history.
    private var history: [String] = []
    private let historyLimit = 500
    /// Whether the run reached its end.
    public private(set) var isFinished = false
    private var ending: Ending?
    /// Where one-line notes for the user go (the run finished, ...).
    private let note: (String) -> Void

    /// A session for `spec` with `seed`, paced and served as `settings` say.
    ///
    /// - Parameter note: receives one-line notes for the user (where the server listens,
    ///   the run finished, ...).
    /// - Throws: ``ExperimentError/usage(_:)`` when the address cannot be listened on.
    public init(
        scenarioName: String,
        spec: ModelSpec,
        seed: UInt64,
        settings: LiveSettings,
        note: @escaping (String) -> Void
    ) throws {
        self.scenarioName = scenarioName
        self.note = note
        self.settings = settings
        loop = try EventLoop()
        simulation = try ModelRun.prepare(spec, seed: seed, limits: ExperimentRunner.limits(simultaneous: 1))
        simulation.model.recordLiveLatency()
        clock = PacedClock(speed: settings.speed)
        let interval = spec.interval.nanoseconds > 0 ? spec.interval : spec.duration
        maxChunk = SimDuration(nanoseconds: max(1_000_000, interval.nanoseconds / 2))
        chunk = SimDuration(nanoseconds: max(1_000_000, interval.nanoseconds / 10))
        ticker = try LoopTimer(loop: loop)
        let address = settings.listen
        do {
            server = try HTTPServer(loop: loop, host: address.host, port: address.port) { [unowned self] request in
                self.handle(request)
            }
        } catch {
            ticker.close()
            _ = try? loop.close()
            throw ExperimentError.usage("--listen: cannot listen on \(address.urlHost):\(address.port): \(error)")
        }
    }

    /// The port the server listens on.
    public var boundPort: Int {
        get throws { try server?.boundPort ?? 0 }
    }

    /// Where the dashboard is, such as `http://127.0.0.1:8080`.
    public var url: String {
        get throws { "http://\(settings.listen.urlHost):\(try boundPort)" }
    }

    /// Notes where the dashboard is and how to send control requests, then runs until the run
    /// ends (with ``LiveSettings/exitAtEnd``) or a signal arrives; returns how it ended.
    public func run() throws -> Ending {
        let token = settings.controlToken
        let header = "Authorization: Bearer " + (token.isGenerated ? token.text : "<the --control-token>")
        note("live on \(try url) (POST /control needs \(header))")
        for signal in [ProcessSignal.interrupt, .terminate, .hangup] {
            let watcher = try SignalWatcher(loop: loop)
            try watcher.start(signal) { [unowned self] _ in self.shutDown(.interrupted) }
            watcher.keepsLoopAlive = false
            signals.append(watcher)
        }
        try ticker.start(after: .zero, repeat: Self.tickInterval) { [unowned self] _ in self.tick() }
        loop.run()
        _ = try? loop.close()
        return ending ?? .finished
    }

    /// What the run has measured so far.
    public var snapshot: ModelResults {
        simulation.model.snapshot(at: simulation.now, events: simulation.scheduler.eventCount)
    }

    /// Each workload class's latencies now: since the warm-up, and over the sliding window.
    var liveLatency: [LiveLatency] {
        simulation.model.liveLatency(at: simulation.now)
    }

    // MARK: Pacing

    private var wallSeconds: Double {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    private func tick() {
        guard !isFinished, !clock.isPaused else { return }
        let runEnd = simulation.model.runEnd
        let tickStart = ContinuousClock.now
        let goal = clock.simulatedSeconds(atWall: wallSeconds)
        let target = goal >= runEnd.seconds ? runEnd : SimTime(.seconds(goal))
        while simulation.now < target, simulation.model.limitBreach == nil {
            let next = min(target, simulation.now + chunk)
            let chunkStart = ContinuousClock.now
            ModelRun.advance(&simulation, until: next)
            adaptChunk(took: ContinuousClock.now - chunkStart, ranFullChunk: next < target)
            publishCrossedIntervals()
            if ContinuousClock.now - tickStart > Self.tickBudget { break }
        }
        if simulation.now < target, case .factor = clock.speed {
            // Behind the wall clock: carry on from here rather than catching up in a burst.
            clock.rebase(atWall: wallSeconds, simulatedSeconds: simulation.now.seconds)
        }
        if let breach = simulation.model.limitBreach {
            isFinished = true
            publish()
            note("live run of \(scenarioName) stopped: \(breach)")
            shutDown(.stopped(breach))
        } else if simulation.now >= runEnd {
            finish()
        }
    }

    /// Halves the chunk when one took over 20 ms, doubles it (up to half a report interval) when
    /// a whole one took under 5 ms.
    private func adaptChunk(took elapsed: Duration, ranFullChunk: Bool) {
        if elapsed > .milliseconds(20) {
            chunk = SimDuration(nanoseconds: max(1_000_000, chunk.nanoseconds / 2))
        } else if ranFullChunk, elapsed < .milliseconds(5) {
            chunk = SimDuration(nanoseconds: min(maxChunk.nanoseconds, chunk.nanoseconds * 2))
        }
    }

    private func publishCrossedIntervals() {
        let warmupEnd = simulation.model.warmupEnd
        guard simulation.now > warmupEnd else { return }
        let interval = simulation.model.spec.interval.seconds
        guard interval > 0 else { return }
        let crossed = Int(((simulation.now - warmupEnd).seconds / interval).rounded(.down))
        if crossed > publishedIntervals {
            publishedIntervals = crossed
            publish()
        }
    }

    private func publish() {
        let frame = LiveFrame(session: self, results: snapshot).json
        lastFrame = frame
        history.append(frame)
        if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
        server?.broadcast(event: "figures", data: frame)
    }

    private func finish() {
        guard !isFinished else { return }
        isFinished = true
        ticker.stop()
        publish()
        note("live run of \(scenarioName) finished; serving final figures")
        if settings.exitAtEnd { shutDown(.finished) }
    }

    private func shutDown(_ reason: Ending) {
        guard ending == nil else { return }
        ending = reason
        ticker.close()
        server?.close()
        server = nil
        for watcher in signals { watcher.close() }
        signals = []
    }

    /// The state `LiveFrame` and `/metrics` report alongside the figures.
    var status:
        (
            simulatedSeconds: Double, runEndSeconds: Double, warmupSeconds: Double, speed: PacedClock.Speed,
            paused: Bool, finished: Bool
        )
    {
        (
            simulation.now.seconds, simulation.model.runEnd.seconds, simulation.model.warmupEnd.seconds, clock.speed,
            clock.isPaused, isFinished
        )
    }

    // MARK: HTTP

    private func handle(_ request: HTTPRequest) -> HTTPServer.Reply {
        switch request.path {
        case "/", "/index.html":
            guard request.method == "GET" else { return Self.methodNotAllowed("GET") }
            let page = LiveDashboard.page(title: scenarioName, controlToken: settings.controlToken.text)
            return .response(
                HTTPResponse(
                    contentType: "text/html; charset=utf-8",
                    body: page,
                    headers: [
                        // The page holds the control token: never cached, never framed by another site.
                        HTTPHeader("Cache-Control", "no-store"), HTTPHeader("X-Frame-Options", "DENY"),
                        HTTPHeader("Content-Security-Policy", "frame-ancestors 'none'"),
                    ]
                )
            )
        case "/metrics":
            guard request.method == "GET" else { return Self.methodNotAllowed("GET") }
            let text = PrometheusText.format(LiveMetrics.metrics(results: snapshot, session: self))
            return .response(HTTPResponse(contentType: PrometheusText.contentType, body: text))
        case "/events":
            guard request.method == "GET" else { return Self.methodNotAllowed("GET") }
            let frames = history.isEmpty ? [LiveFrame(session: self, results: snapshot).json] : history
            return .eventStream(
                initialEvents: Array(frames.map { HTTPResponse.serverSentEvent(data: $0, event: "figures") }.joined())
            )
        case "/control":
            guard request.method == "POST" else { return Self.methodNotAllowed("POST") }
            guard settings.controlToken.authorizes(request) else {
                var reply = controlReply(
                    status: .unauthorized,
                    message: "a control request needs the header Authorization: Bearer TOKEN, with the token "
                        + "printed when the run started (or given with --control-token)"
                )
                reply.headers.append(HTTPHeader("WWW-Authenticate", "Bearer realm=\"sharesim\""))
                return .response(reply)
            }
            let (status, message) = control(request.body)
            return .response(controlReply(status: status, message: message))
        default:
            return .response(
                HTTPResponse(
                    status: .notFound,
                    contentType: "text/plain; charset=utf-8",
                    body: "no such page: \(request.path)\n"
                )
            )
        }
    }

    private static func methodNotAllowed(_ allowed: String) -> HTTPServer.Reply {
        .response(
            HTTPResponse(
                status: .methodNotAllowed,
                contentType: "text/plain; charset=utf-8",
                body: "only \(allowed) is allowed here\n",
                headers: [HTTPHeader("Allow", allowed)]
            )
        )
    }

    /// Takes `target` down or up; a separate function so that the model and the scheduler
    /// are two parts of one `inout` value, not two accesses to the session's property.
    private static func setOutage(
        of target: FailureTarget,
        down: Bool,
        in simulation: inout Simulation<WorldModel, DefaultPendingEventSet>
    ) {
        simulation.model.setOutage(of: target, down: down, scheduler: &simulation.scheduler)
    }

    private func controlReply(status: HTTPStatus, message: String) -> HTTPResponse {
        let reply = ControlReply(
            ok: status == .ok,
            message: message,
            paused: clock.isPaused,
            speed: clock.speed.description,
            simSeconds: simulation.now.seconds,
            finished: isFinished
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = (try? encoder.encode(reply)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return HTTPResponse(status: status, contentType: "application/json", body: text + "\n")
    }

    /// Applies one control request; returns the status and a one-line message.
    private func control(_ body: [UInt8]) -> (HTTPStatus, String) {
        let request: ControlRequest
        do {
            request = try JSONDecoder().decode(ControlRequest.self, from: Data(body))
        } catch {
            return (.badRequest, "the body must be a JSON object such as {\"action\":\"pause\"}")
        }
        switch request.action {
        case "pause":
            clock.pause(atWall: wallSeconds, simulatedSeconds: simulation.now.seconds)
            return (.ok, "paused")
        case "resume":
            clock.resume(atWall: wallSeconds)
            return (.ok, "resumed")
        case "speed":
            let speed: PacedClock.Speed?
            switch request.value {
            case .text(let text): speed = PacedClock.Speed(parsing: text)
            case .number(let number): speed = number.isFinite && number > 0 ? .factor(number) : nil
            case nil: speed = nil
            }
            guard let speed else {
                return (.badRequest, "\"value\" must be a positive number of simulated seconds per second, or \"max\"")
            }
            clock.setSpeed(speed, atWall: wallSeconds, simulatedSeconds: simulation.now.seconds)
            return (.ok, "speed \(speed)")
        case "outage":
            guard let name = request.target else {
                return (.badRequest, "missing \"target\", such as \"zone:hz-a\"")
            }
            let down = request.down ?? true
            let targets = simulation.model.controllableTargets
            guard let target = targets.first(where: { $0.stableName == name }) else {
                let valid = targets.map(\.stableName).joined(separator: ", ")
                return (.notFound, "no target '\(name)'; valid targets: \(valid)")
            }
            Self.setOutage(of: target, down: down, in: &simulation)
            return (.ok, "\(target) \(down ? "down" : "up")")
        default:
            return (.badRequest, "unknown action '\(request.action)' (pause, resume, speed or outage)")
        }
    }
}

/// The body of a `POST /control` request.
private struct ControlRequest: Decodable {
    /// A speed: a number, or text such as `max`.
    enum Value: Decodable {
        case number(Double)
        case text(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    var action: String
    var value: Value?
    var target: String?
    var down: Bool?
}

/// The answer to a control request: the outcome and the state after it.
private struct ControlReply: Encodable {
    var ok: Bool
    var message: String
    var paused: Bool
    var speed: String
    var simSeconds: Double
    var finished: Bool
}
