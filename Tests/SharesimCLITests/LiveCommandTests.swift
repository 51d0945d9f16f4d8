import Foundation
import SimTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `sharesim` process the test talks to while it runs: its output is collected as it
/// arrives, every wait has a deadline, and the process is killed if the test leaves early.
final class RunningCLI: Sendable {
    private let process: Process
    private let output = OutputBuffer()
    private let errors = OutputBuffer()

    init(_ arguments: [String]) throws {
        process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        let output = output
        let errors = errors
        outPipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            output.data.withLock { $0.append(data) }
        }
        errPipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            errors.data.withLock { $0.append(data) }
        }
        try process.run()
    }

    deinit { kill() }

    /// The process id.
    var processIdentifier: Int32 { process.processIdentifier }

    /// Whether the process is still running.
    var isRunning: Bool { process.isRunning }

    /// Whether the process ended by a signal (such as `SIGPIPE`) rather than by exiting.
    var diedBySignal: Bool { !process.isRunning && process.terminationReason == .uncaughtSignal }

    var standardOutput: String { output.data.withLock { String(decoding: $0, as: UTF8.self) } }
    var standardError: String { errors.data.withLock { String(decoding: $0, as: UTF8.self) } }

    /// Kills the process if it is still running.
    func kill() {
        if process.isRunning {
            signalProcess(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) {
        if process.isRunning { signalProcess(process.processIdentifier, signal) }
    }

    /// Waits until `condition` holds, polling; false after `timeout`.
    func wait(upTo timeout: Duration, until condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }

    /// The exit status once the process ends, or nil (after killing it) on timeout.
    func exitStatus(within timeout: Duration) -> Int32? {
        guard wait(upTo: timeout, until: { !process.isRunning }) else {
            kill()
            return nil
        }
        process.waitUntilExit()
        // Let the readability handlers drain the pipes.
        Thread.sleep(forTimeInterval: 0.1)
        return process.terminationStatus
    }
}

/// Sends `signal` to process `pid` (the global `kill`, which `RunningCLI.kill()` shadows).
func signalProcess(_ pid: Int32, _ signal: Int32) {
    _ = kill(pid, signal)
}

/// Bytes a pipe's handler appends from another thread.
final class OutputBuffer: Sendable {
    let data = Mutex(Data())
}

/// A minimal blocking HTTP/1.1 client over a POSIX socket, with a receive timeout.
enum RawHTTP {
    /// Sends one request to 127.0.0.1:`port` with `Host: 127.0.0.1`, `headers` and
    /// `Connection: close`, and returns the reply.
    static func request(
        port: Int,
        method: String = "GET",
        path: String,
        headers: [String] = [],
        body: String? = nil
    ) throws -> String {
        let socket = try RawSocket(port: port, timeout: .seconds(10))
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for header in headers { text += header + "\r\n" }
        if let body { text += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
        text += "\r\n" + (body ?? "")
        socket.send(text)
        return String(decoding: socket.receiveAll().bytes, as: UTF8.self)
    }

    /// Sends a control request with `body`, authorised by `token`.
    static func control(port: Int, token: String, _ body: String) throws -> String {
        try request(
            port: port,
            method: "POST",
            path: "/control",
            headers: ["Authorization: Bearer \(token)"],
            body: body
        )
    }
}

/// The port in `sharesim: live on http://127.0.0.1:PORT`, once printed.
func livePort(in standardError: String) -> Int? {
    guard let range = standardError.range(of: "live on http://127.0.0.1:") else { return nil }
    let digits = standardError[range.upperBound...].prefix { $0.isNumber }
    return Int(digits)
}

@Suite("sharesim live")
struct LiveCommandTests {
    /// The tiny queue, run long enough (at speed 2000, 20 s of wall time) to be steered.
    static let longQueue = ScenarioFixture.queue.replacingOccurrences(of: "duration: 4000 s", with: "duration: 40000 s")

    /// The control token the tests pass with `--control-token`.
    static let token = "test-token-0123456789"

    @Test("serves /metrics, /, /events and /control while running, and exits at the end", .timeLimit(.minutes(1)))
    func serveAndControl() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", Self.longQueue)
        let cli = try RunningCLI([
            "live", file, "--speed", "2000", "--listen", "127.0.0.1:0", "--exit-at-end", "--control-token", Self.token,
        ])
        defer { cli.kill() }
        #expect(cli.wait(upTo: .seconds(20)) { livePort(in: cli.standardError) != nil })
        let port = try #require(livePort(in: cli.standardError), "no port in: \(cli.standardError)")
        #expect(cli.standardError.contains("(POST /control needs Authorization: Bearer <the --control-token>)"))
        #expect(!cli.standardError.contains(Self.token))

        let paused = try RawHTTP.control(port: port, token: Self.token, #"{"action":"pause"}"#)
        #expect(paused.hasPrefix("HTTP/1.1 200 OK"))
        #expect(paused.contains(#""paused":true"#))

        let metrics = try RawHTTP.request(port: port, path: "/metrics")
        #expect(metrics.hasPrefix("HTTP/1.1 200 OK"))
        #expect(metrics.contains("Content-Type: text/plain; version=0.0.4"))
        #expect(metrics.contains("# TYPE sharesim_served_total counter\n"))
        #expect(metrics.contains("sharesim_served_total{class=\"orders\"} "))
        #expect(metrics.contains("sharesim_paused 1\n"))

        let page = try RawHTTP.request(port: port, path: "/")
        #expect(page.contains("EventSource(\"/events\")"))
        #expect(!page.contains("http://") && !page.contains("https://"))
        #expect(page.contains("const controlToken = \"\(Self.token)\";"))
        #expect(page.contains("Cache-Control: no-store\r\n"))
        #expect(page.contains("X-Frame-Options: DENY\r\n"))

        let missing = try RawHTTP.control(
            port: port,
            token: Self.token,
            #"{"action":"outage","target":"zone:nowhere"}"#
        )
        #expect(missing.hasPrefix("HTTP/1.1 404"))
        #expect(missing.contains("zone:r-a"))
        let outage = try RawHTTP.control(
            port: port,
            token: Self.token,
            #"{"action":"outage","target":"zone:r-a","down":true}"#
        )
        #expect(outage.hasPrefix("HTTP/1.1 200 OK"))
        let back = try RawHTTP.control(
            port: port,
            token: Self.token,
            #"{"action":"outage","target":"zone:r-a","down":false}"#
        )
        #expect(back.hasPrefix("HTTP/1.1 200 OK"))
        #expect(try RawHTTP.control(port: port, token: Self.token, "{not json").hasPrefix("HTTP/1.1 400"))
        #expect(try RawHTTP.request(port: port, path: "/control").hasPrefix("HTTP/1.1 405"))
        #expect(try RawHTTP.request(port: port, path: "/nowhere").hasPrefix("HTTP/1.1 404"))
        let big = String(repeating: " ", count: 5000)
        #expect(try RawHTTP.control(port: port, token: Self.token, big).hasPrefix("HTTP/1.1 413"))

        // Without the token, with another, or from another site: refused, and nothing changes.
        let body = #"{"action":"resume"}"#
        let anonymous = try RawHTTP.request(port: port, method: "POST", path: "/control", body: body)
        #expect(anonymous.hasPrefix("HTTP/1.1 401 Unauthorized\r\n"))
        #expect(anonymous.contains("WWW-Authenticate: Bearer realm=\"sharesim\"\r\n"))
        #expect(anonymous.contains("Authorization: Bearer TOKEN"))
        #expect(try RawHTTP.control(port: port, token: "test-token-0123456788", body).hasPrefix("HTTP/1.1 401"))
        #expect(try RawHTTP.control(port: port, token: Self.token + "x", body).hasPrefix("HTTP/1.1 401"))
        let basic = ["Authorization: Basic \(Self.token)"]
        #expect(
            try RawHTTP.request(port: port, method: "POST", path: "/control", headers: basic, body: body).hasPrefix(
                "HTTP/1.1 401"
            )
        )
        let crossSite = try RawHTTP.request(
            port: port,
            method: "POST",
            path: "/control",
            headers: [
                "Authorization: Bearer \(Self.token)", "Origin: http://evil.example", "Content-Type: text/plain",
            ],
            body: body
        )
        #expect(crossSite.hasPrefix("HTTP/1.1 403 Forbidden\r\n"))
        let sameSite = try RawHTTP.request(
            port: port,
            method: "POST",
            path: "/control",
            headers: ["Authorization: Bearer \(Self.token)", "Origin: http://127.0.0.1"],
            body: #"{"action":"pause"}"#
        )
        #expect(sameSite.hasPrefix("HTTP/1.1 200 OK\r\n"))
        let rebound = try RawSocket(port: port)
        rebound.send("GET / HTTP/1.1\r\nHost: attacker.example:\(port)\r\n\r\n")
        #expect(String(decoding: rebound.receiveAll().bytes, as: UTF8.self).hasPrefix("HTTP/1.1 403 Forbidden\r\n"))
        #expect(try RawHTTP.request(port: port, path: "/metrics").contains("sharesim_paused 1\n"), "still paused")

        let resumed = try RawHTTP.control(port: port, token: Self.token, #"{"action":"resume"}"#)
        #expect(resumed.hasPrefix("HTTP/1.1 200 OK"))
        #expect(resumed.contains(#""paused":false"#))
        let fast = try RawHTTP.control(port: port, token: Self.token, #"{"action":"speed","value":"max"}"#)
        #expect(fast.contains(#""speed":"max""#))

        #expect(cli.exitStatus(within: .seconds(40)) == 0)
        #expect(cli.standardOutput.contains("orders · Throughput"))
        #expect(cli.standardError.contains("finished"))
    }

    @Test("an event stream delivers a JSON object per report interval", .timeLimit(.minutes(1)))
    func eventStream() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", Self.longQueue)
        let cli = try RunningCLI(["live", file, "--speed", "20000", "--listen", "127.0.0.1:0", "--exit-at-end"])
        defer { cli.kill() }
        #expect(cli.wait(upTo: .seconds(20)) { livePort(in: cli.standardError) != nil })
        let port = try #require(livePort(in: cli.standardError))
        // The stream ends when the run does (the server closes on --exit-at-end).
        let stream = try RawHTTP.request(port: port, path: "/events")
        #expect(stream.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream"))
        let frames = stream.components(separatedBy: "event: figures\ndata: ").dropFirst()
        #expect(frames.count >= 3)
        let last = try #require(frames.last?.components(separatedBy: "\n").first)
        let object = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
        #expect(object?["finished"] as? Bool == true)
        #expect((object?["workloads"] as? [[String: Any]])?.first?["name"] as? String == "orders")
        #expect(cli.exitStatus(within: .seconds(30)) == 0)
    }

    @Test(
        "SIGINT ends a live run with status 130 and an incomplete table; localhost listens on 127.0.0.1",
        .timeLimit(.minutes(1))
    )
    func interrupt() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", Self.longQueue)
        let cli = try RunningCLI(["live", file, "--speed", "1", "--listen", "localhost:0"])
        defer { cli.kill() }
        #expect(cli.wait(upTo: .seconds(20)) { livePort(in: cli.standardError) != nil })
        let line = try #require(cli.standardError.split(separator: "\n").first)
        #expect(line.hasPrefix("sharesim: live on http://127.0.0.1:"))
        let token = try #require(line.split(separator: "Authorization: Bearer ").last?.dropLast())
        #expect(token.count == 32 && token.allSatisfy(\.isHexDigit), "a generated token: \(line)")
        let port = try #require(livePort(in: cli.standardError))
        let metrics = try RawHTTP.request(port: port, path: "/metrics")
        #expect(metrics.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(try RawHTTP.control(port: port, token: String(token), #"{"action":"pause"}"#).hasPrefix("HTTP/1.1 200"))
        cli.send(SIGINT)
        #expect(cli.exitStatus(within: .seconds(20)) == 130)
        #expect(cli.standardOutput.contains("incomplete"))
    }

    @Test("a bad --listen or --speed is a usage error", .timeLimit(.minutes(1)))
    func usage() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let listen = try CLIRunner.run(["live", file, "--listen", "localhost"])
        #expect(listen.status == 2)
        #expect(listen.standardError.contains("--listen"))
        for address in ["0.0.0.0:0", "[::]:0", "192.168.1.4:0"] {
            let remote = try CLIRunner.run(["live", file, "--listen", address])
            #expect(remote.status == 2)
            #expect(
                remote.standardError == "sharesim: error: --listen \(address) would accept connections from other "
                    + "machines; add --allow-remote to serve the dashboard, /metrics and /control beyond this "
                    + "machine\n"
            )
        }
        let name = try CLIRunner.run(["live", file, "--listen", "example.com:8080"])
        #expect(name.status == 2)
        #expect(name.standardError.contains("'example.com' is not a numeric IP address or localhost"))
        let token = try CLIRunner.run(["live", file, "--listen", "127.0.0.1:0", "--control-token", "short"])
        #expect(token.status == 2)
        #expect(token.standardError.contains("--control-token must be 16 to 256 characters"))
        let speed = try CLIRunner.run(["live", file, "--speed", "fast", "--listen", "127.0.0.1:0"])
        #expect(speed.status == 2)
    }
}
