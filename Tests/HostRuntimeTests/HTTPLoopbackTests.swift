import HostRuntime
import Testing

@Suite("HTTP over loopback TCP")
struct HTTPLoopbackTests {
    @Test("a request parsed from a TCP connection gets a response the client reads back")
    func requestAndResponse() throws {
        let harness = try LoopHarness()
        let listener = try TCPListener(loop: harness.loop, host: "127.0.0.1", port: 0)
        var served: [HTTPRequest] = []
        try listener.listen { result in
            guard case .success(let connection) = result else { return }
            let parser = HTTPRequestParser()
            try? connection.startReading { event in
                guard case .data(let bytes) = event else {
                    connection.close()
                    return
                }
                do {
                    for request in try parser.feed(bytes) {
                        served.append(request)
                        let response = HTTPResponse(
                            status: .ok,
                            contentType: "text/plain",
                            body: "you asked for \(request.path)\n",
                            headers: [HTTPHeader("Connection", "close")]
                        )
                        try connection.write(response.serialized()) { _ in connection.close() }
                    }
                } catch let error as HTTPParseError {
                    try? connection.write(HTTPResponse(rejecting: error).serialized()) { _ in connection.close() }
                } catch {
                    connection.close()
                }
            }
        }
        var reply: [UInt8] = []
        let client = try TCPConnection.connect(on: harness.loop, host: "127.0.0.1", port: try listener.boundPort) {
            error in
            #expect(error == nil)
        }
        try client.write("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        try client.startReading { event in
            switch event {
            case .data(let bytes): reply += bytes
            case .endOfFile, .failure:
                client.close()
                listener.close()
            }
        }
        harness.run()
        #expect(served.map(\.path) == ["/metrics"])
        #expect(
            String(decoding: reply, as: UTF8.self)
                == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 23\r\n\r\n"
                + "you asked for /metrics\n"
        )
        #expect(try harness.finish().isClean)
    }
}
