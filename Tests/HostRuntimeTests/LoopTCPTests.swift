import HostRuntime
import Testing

@Suite("TCP on loopback")
struct LoopTCPTests {
    /// Starts an echo server on 127.0.0.1 with an ephemeral port; returns it and its port.
    /// Each connection echoes what it reads and closes at end of stream.
    private func echoServer(on loop: EventLoop, serverSawEndOfFile: @escaping () -> Void) throws -> (TCPListener, Int) {
        let listener = try TCPListener(loop: loop, host: "127.0.0.1", port: 0)
        try listener.listen { result in
            guard case .success(let connection) = result else {
                Issue.record("accept failed: \(result)")
                return
            }
            do {
                try connection.startReading { event in
                    switch event {
                    case .data(let bytes):
                        do { try connection.write(bytes) } catch { Issue.record("echo write failed: \(error)") }
                    case .endOfFile:
                        serverSawEndOfFile()
                        connection.close()
                    case .failure(let error):
                        Issue.record("server read failed: \(error)")
                        connection.close()
                    }
                }
            } catch {
                Issue.record("server read start failed: \(error)")
            }
        }
        let port = try listener.boundPort
        return (listener, port)
    }

    @Test("a client and an echo server in one loop exchange bytes, and each sees the other close")
    func echo() throws {
        let harness = try LoopHarness()
        var serverSawEnd = false
        let (listener, port) = try echoServer(on: harness.loop) { serverSawEnd = true }
        #expect(port > 0 && port < 65536)

        var connected = false
        var received: [UInt8] = []
        var clientSawEnd = false
        var writesCompleted: [Int] = []
        let message = "hello, loop"
        let client = try TCPConnection.connect(on: harness.loop, host: "127.0.0.1", port: port) { error in
            #expect(error == nil)
            connected = true
        }
        // Writes queued before the connect completes go out once it does, in order.
        for (index, part) in ["hello", ", ", "loop"].enumerated() {
            try client.write(part) { error in
                #expect(error == nil)
                writesCompleted.append(index)
            }
        }
        try client.startReading { event in
            switch event {
            case .data(let bytes):
                received += bytes
                if received.count == message.utf8.count {
                    do { try client.shutdown() } catch { Issue.record("shutdown failed: \(error)") }
                }
            case .endOfFile:
                clientSawEnd = true
                client.close()
                listener.close()
            case .failure(let error):
                Issue.record("client read failed: \(error)")
                client.close()
                listener.close()
            }
        }
        harness.run()
        #expect(connected)
        #expect(String(decoding: received, as: UTF8.self) == message)
        #expect(writesCompleted == [0, 1, 2])
        #expect(serverSawEnd, "the client's shutdown reached the server as end of stream")
        #expect(clientSawEnd, "the server's close reached the client as end of stream")
        #expect(try harness.finish().isClean)
    }

    @Test("a 4 MiB echo arrives intact across many reads, with the write buffer kept alive")
    func largeEcho() throws {
        let harness = try LoopHarness()
        let (listener, port) = try echoServer(on: harness.loop) {}
        let payload = (0..<(4 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        var received: [UInt8] = []
        received.reserveCapacity(payload.count)
        var reads = 0
        var written = false
        let client = try TCPConnection.connect(on: harness.loop, host: "127.0.0.1", port: port) { error in
            #expect(error == nil)
        }
        try client.write(payload) { error in
            #expect(error == nil)
            written = true
        }
        #expect(client.queuedWriteBytes >= 0)
        try client.startReading { event in
            guard case .data(let bytes) = event else {
                Issue.record("unexpected \(event)")
                client.close()
                listener.close()
                return
            }
            reads += 1
            received += bytes
            if received.count >= payload.count {
                client.close()
                listener.close()
            }
        }
        harness.run()
        #expect(written)
        #expect(received.count == payload.count)
        #expect(received == payload)
        #expect(reads > 1, "4 MiB cannot arrive in one 64 KiB read")
        #expect(try harness.finish().isClean)
    }

    @Test("connecting to a port nobody listens on reports ECONNREFUSED")
    func refused() throws {
        let harness = try LoopHarness()
        // A port that was just free: bind one, note it, release it.
        let probe = try TCPListener(loop: harness.loop, host: "127.0.0.1", port: 0)
        let port = try probe.boundPort
        probe.close()
        var outcome: UVError?
        let client = try TCPConnection.connect(on: harness.loop, host: "127.0.0.1", port: port) { error in
            outcome = error
        }
        harness.run()
        #expect(outcome?.name == "ECONNREFUSED")
        #expect(outcome?.function == "uv_tcp_connect")
        client.close()
        harness.run()
        #expect(try harness.finish().isClean)
    }

    @Test("a malformed address or port is an EINVAL error, not a crash")
    func badAddress() throws {
        let harness = try LoopHarness()
        let badHost = #expect(throws: UVError.self) {
            _ = try TCPListener(loop: harness.loop, host: "localhost:80", port: 0)
        }
        #expect(badHost?.name == "EINVAL")
        let badPort = #expect(throws: UVError.self) {
            _ = try TCPListener(loop: harness.loop, host: "127.0.0.1", port: 70_000)
        }
        #expect(badPort?.name == "EINVAL")
        harness.run()
        #expect(try harness.finish().isClean)
    }

    @Test("closing a connection with a write in flight cancels the write")
    func closeCancelsWrites() throws {
        let harness = try LoopHarness()
        let (listener, port) = try echoServer(on: harness.loop) {}
        var outcome: UVError??
        let client = try TCPConnection.connect(on: harness.loop, host: "127.0.0.1", port: port) { _ in }
        try client.write(Array(repeating: 7, count: 1024)) { error in outcome = .some(error) }
        client.close()
        listener.close()
        let error = #expect(throws: UVError.self) { try client.write([1]) }
        #expect(error?.function == "uv_write")
        harness.run()
        #expect(outcome??.name == "ECANCELED")
        #expect(try harness.finish().isClean)
    }
}
