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
    /// Sends one request to 127.0.0.1:`port` with `Connection: close` and returns the reply.
    static func request(port: Int, method: String = "GET", path: String, body: String? = nil) throws -> String {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        if let body { text += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
        text += "\r\n" + (body ?? "")
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw POSIXError(.EPIPE) }
            sent += count
        }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            reply += buffer[..<count]
        }
        return String(decoding: reply, as: UTF8.self)
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

    @Test("serves /metrics, /, /events and /control while running, and exits at the end", .timeLimit(.minutes(1)))
    func serveAndControl() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", Self.longQueue)
        let cli = try RunningCLI(["live", file, "--speed", "2000", "--listen", "127.0.0.1:0", "--exit-at-end"])
        defer { cli.kill() }
        #expect(cli.wait(upTo: .seconds(20)) { livePort(in: cli.standardError) != nil })
        let port = try #require(livePort(in: cli.standardError), "no port in: \(cli.standardError)")

        let paused = try RawHTTP.request(port: port, method: "POST", path: "/control", body: #"{"action":"pause"}"#)
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

        let missing = try RawHTTP.request(
            port: port,
            method: "POST",
            path: "/control",
            body: #"{"action":"outage","target":"zone:nowhere"}"#
        )
        #expect(missing.hasPrefix("HTTP/1.1 404"))
        #expect(missing.contains("zone:r-a"))
        let outage = try RawHTTP.request(
            port: port,
            method: "POST",
            path: "/control",
            body: #"{"action":"outage","target":"zone:r-a","down":true}"#
        )
        #expect(outage.hasPrefix("HTTP/1.1 200 OK"))
        let back = try RawHTTP.request(
            port: port,
            method: "POST",
            path: "/control",
            body: #"{"action":"outage","target":"zone:r-a","down":false}"#
        )
        #expect(back.hasPrefix("HTTP/1.1 200 OK"))
        #expect(
            try RawHTTP.request(port: port, method: "POST", path: "/control", body: "{not json").hasPrefix(
                "HTTP/1.1 400"
            )
        )
        #expect(try RawHTTP.request(port: port, path: "/control").hasPrefix("HTTP/1.1 405"))
        #expect(try RawHTTP.request(port: port, path: "/nowhere").hasPrefix("HTTP/1.1 404"))
        let big = String(repeating: " ", count: 5000)
        #expect(try RawHTTP.request(port: port, method: "POST", path: "/control", body: big).hasPrefix("HTTP/1.1 413"))

        let resumed = try RawHTTP.request(port: port, method: "POST", path: "/control", body: #"{"action":"resume"}"#)
        #expect(resumed.hasPrefix("HTTP/1.1 200 OK"))
        #expect(resumed.contains(#""paused":false"#))
        let fast = try RawHTTP.request(
            port: port,
            method: "POST",
            path: "/control",
            body: #"{"action":"speed","value":"max"}"#
        )
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

    @Test("SIGINT ends a live run with status 130 and an incomplete table", .timeLimit(.minutes(1)))
    func interrupt() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", Self.longQueue)
        let cli = try RunningCLI(["live", file, "--speed", "1", "--listen", "127.0.0.1:0"])
        defer { cli.kill() }
        #expect(cli.wait(upTo: .seconds(20)) { livePort(in: cli.standardError) != nil })
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
        let speed = try CLIRunner.run(["live", file, "--speed", "fast", "--listen", "127.0.0.1:0"])
        #expect(speed.status == 2)
    }
}
