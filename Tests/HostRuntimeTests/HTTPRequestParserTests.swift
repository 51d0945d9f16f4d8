import HostRuntime
import Testing

@Suite("HTTP request parsing")
struct HTTPRequestParserTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("a GET with headers yields method, path, query and headers in order")
    func getWithHeaders() throws {
        let parser = HTTPRequestParser()
        let requests = try parser.feed(
            bytes(
                "GET /metrics?format=text&x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: text/plain\r\n"
                    + "X-Tag: a\r\nx-tag:  b \r\n\r\n"
            )
        )
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/metrics?format=text&x=1")
        #expect(request.path == "/metrics")
        #expect(request.query == "format=text&x=1")
        #expect(
            request.headers == [
                HTTPHeader("Host", "127.0.0.1:8080"), HTTPHeader("Accept", "text/plain"), HTTPHeader("X-Tag", "a"),
                HTTPHeader("x-tag", "b"),
            ]
        )
        #expect(request.headers.value(of: "ACCEPT") == "text/plain")
        #expect(request.headers.value(of: "missing") == nil)
        #expect(request.body.isEmpty)
        #expect(request.versionMajor == 1 && request.versionMinor == 1)
        #expect(request.keepAlive)
        #expect(!parser.hasPartialRequest)
    }

    @Test("a POST with a JSON body split into chunks of every size yields one request at its last byte")
    func postInChunks() throws {
        let json = #"{"action":"speed","factor":4.5,"note":"split me"}"#
        let wire = bytes(
            "POST /control HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(json.utf8.count)\r\n\r\n\(json)"
        )
        for size in 1...17 {
            let parser = HTTPRequestParser()
            var requests: [HTTPRequest] = []
            var start = 0
            while start < wire.count {
                let end = min(start + size, wire.count)
                let got = try parser.feed(wire[start..<end])
                if end < wire.count { #expect(got.isEmpty, "no request before the last byte (chunk size \(size))") }
                requests += got
                start = end
            }
            #expect(requests.count == 1, "chunk size \(size)")
            #expect(requests.first?.method == "POST")
            #expect(requests.first?.path == "/control")
            #expect(requests.first?.bodyText == json)
            #expect(requests.first?.headers.value(of: "content-type") == "application/json")
        }
    }

    @Test("a chunked body is decoded, and pipelined requests come out in order")
    func chunkedAndPipelined() throws {
        let parser = HTTPRequestParser()
        let requests = try parser.feed(
            bytes(
                "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
                    + "GET /b HTTP/1.0\r\n\r\n"
            )
        )
        #expect(requests.map(\.path) == ["/a", "/b"])
        #expect(requests.first?.bodyText == "hello world")
        #expect(requests.last?.versionMinor == 0)
        #expect(requests.last?.keepAlive == false, "HTTP/1.0 closes by default")
    }

    @Test("malformed input is a 400 error, and the parser stays failed")
    func malformed() throws {
        let parser = HTTPRequestParser()
        let error = #expect(throws: HTTPParseError.self) { try parser.feed([0x16, 0x03, 0x01, 0x00, 0x10, 0x01]) }
        #expect(error?.kind == .malformed)
        #expect(error?.status == .badRequest)
        #expect(error?.status.code == 400)
        let again = #expect(throws: HTTPParseError.self) { try parser.feed(bytes("GET / HTTP/1.1\r\n\r\n")) }
        #expect(again == error)
    }

    @Test(
        "a method that is a token the parser does not know is a 501 error; noise in its place is 400",
        arguments: [
            ("HELLO THERE\r\n\r\n", 501), ("BREW /pot HTTP/1.1\r\n\r\n", 501), ("get / HTTP/1.1\r\n\r\n", 501),
            ("@@@ / HTTP/1.1\r\n\r\n", 400),
            ("G\u{1}T / HTTP/1.1\r\n\r\n", 400), ("GET\r\n\r\n", 400),
        ]
    )
    func unknownMethod(_ wire: String, _ status: Int) throws {
        let error = #expect(throws: HTTPParseError.self) { try HTTPRequestParser().feed(bytes(wire)) }
        #expect(error?.status.code == status)
        #expect((error?.kind == .unknownMethod) == (status == 501))
    }

    @Test("requests before a malformed one are returned; its error comes with the next call")
    func errorAfterRequests() throws {
        let parser = HTTPRequestParser()
        let good = try parser.feed(bytes("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\nFOO / HTTP/1.1\r\n\r\n"))
        #expect(good.map(\.path) == ["/a", "/b"])
        #expect(parser.failure?.status.code == 501)
        let error = #expect(throws: HTTPParseError.self) { try parser.finish() }
        #expect(error == parser.failure)

        let upgrade = HTTPRequestParser()
        let served = try upgrade.feed(
            bytes("GET /a HTTP/1.1\r\n\r\nGET /chat HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n")
        )
        #expect(served.map(\.path) == ["/a"], "the request asking for the upgrade is not returned")
        #expect(upgrade.failure?.status.code == 400)
    }

    @Test("parsing stops after the requested number of requests and says how many bytes it used")
    func parseAtMost() throws {
        let first = "GET /a HTTP/1.1\r\n\r\n"
        let second = "POST /b HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi"
        let third = "GET /c HTTP/1.1\r\n\r\nGET /d"
        let wire = bytes(first + second + third)
        let parser = HTTPRequestParser()
        let one = try parser.parse(wire, maxRequests: 1)
        #expect(one.requests.map(\.path) == ["/a"])
        #expect(one.consumed == first.utf8.count)
        let two = try parser.parse(wire.dropFirst(one.consumed), maxRequests: 2)
        #expect(two.requests.map(\.path) == ["/b", "/c"])
        #expect(two.requests.first?.bodyText == "hi")
        #expect(two.consumed == second.utf8.count + "GET /c HTTP/1.1\r\n\r\n".utf8.count)
        let rest = try parser.parse(wire.dropFirst(one.consumed + two.consumed), maxRequests: 5)
        #expect(rest.requests.isEmpty && rest.consumed == "GET /d".utf8.count)
        #expect(parser.hasPartialRequest)
        #expect(try parser.feed(bytes(" HTTP/1.0\r\n\r\n")).map(\.path) == ["/d"])
    }

    @Test("a bad header line is a 400 error")
    func badHeader() throws {
        let parser = HTTPRequestParser()
        let error = #expect(throws: HTTPParseError.self) {
            try parser.feed(bytes("GET / HTTP/1.1\r\nBad Header Name: x\r\n\r\n"))
        }
        #expect(error?.status.code == 400)
    }

    @Test("headers over the limit are a 431 error, even before they end")
    func headersTooLarge() throws {
        let parser = HTTPRequestParser(limits: .init(maxHeaderBytes: 64))
        let error = #expect(throws: HTTPParseError.self) {
            try parser.feed(bytes("GET / HTTP/1.1\r\nCookie: \(String(repeating: "x", count: 100))"))
        }
        #expect(error?.kind == .headersTooLarge)
        #expect(error?.status.code == 431)

        let exact = HTTPRequestParser(limits: .init(maxHeaderBytes: 11))
        // "/" (1) + "Host" (4) + "abcdef" (6) = 11 bytes: at the limit.
        #expect(try exact.feed(bytes("GET / HTTP/1.1\r\nHost: abcdef\r\n\r\n")).count == 1)
    }

    @Test("a body over the limit is a 413 error, as soon as Content-Length announces it")
    func bodyTooLarge() throws {
        let parser = HTTPRequestParser(limits: .init(maxBodyBytes: 1000))
        let error = #expect(throws: HTTPParseError.self) {
            try parser.feed(bytes("POST /control HTTP/1.1\r\nContent-Length: 1001\r\n\r\n"))
        }
        #expect(error?.kind == .bodyTooLarge)
        #expect(error?.status.code == 413)

        let chunked = HTTPRequestParser(limits: .init(maxBodyBytes: 8))
        let chunkedError = #expect(throws: HTTPParseError.self) {
            try chunked.feed(bytes("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n5\r\nworld\r\n"))
        }
        #expect(chunkedError?.status.code == 413)

        let exact = HTTPRequestParser(limits: .init(maxBodyBytes: 5))
        #expect(try exact.feed(bytes("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello")).first?.bodyText == "hello")
    }

    @Test("the end of the stream inside a request is a 400 error; between requests it is fine")
    func endOfStream() throws {
        let idle = HTTPRequestParser()
        _ = try idle.feed(bytes("GET / HTTP/1.1\r\n\r\n"))
        #expect(try idle.finish().isEmpty)

        let cut = HTTPRequestParser()
        #expect(try cut.feed(bytes("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc")).isEmpty)
        #expect(cut.hasPartialRequest)
        let error = #expect(throws: HTTPParseError.self) { try cut.finish() }
        #expect(error?.status.code == 400)
    }

    @Test("protocol upgrades are refused with 400")
    func upgrade() throws {
        let parser = HTTPRequestParser()
        let error = #expect(throws: HTTPParseError.self) {
            try parser.feed(bytes("GET /chat HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"))
        }
        #expect(error?.status.code == 400)
    }
}
