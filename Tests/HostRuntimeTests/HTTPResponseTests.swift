import HostRuntime
import Testing

@Suite("HTTP response serialisation")
struct HTTPResponseTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("a response serialises to the exact bytes: status line, headers in order, length, body")
    func exactBytes() {
        let response = HTTPResponse(
            status: .ok,
            contentType: "text/plain; version=0.0.4",
            body: "up 1\n",
            headers: [HTTPHeader("Cache-Control", "no-store"), HTTPHeader("Content-Length", "999")]
        )
        #expect(
            text(response.serialized())
                == "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nCache-Control: no-store\r\n"
                + "Content-Length: 5\r\n\r\nup 1\n"
        )
    }

    @Test("an empty body still gets Content-Length 0; 204 gets none")
    func emptyBodies() {
        #expect(
            text(HTTPResponse(status: .notFound).serialized()) == "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
        )
        #expect(text(HTTPResponse(status: .noContent).serialized()) == "HTTP/1.1 204 No Content\r\n\r\n")
    }

    @Test("a parse error becomes its status with a plain body and Connection: close")
    func rejection() throws {
        let parser = HTTPRequestParser(limits: .init(maxHeaderBytes: 4))
        let error = try #require(
            #expect(throws: HTTPParseError.self) { try parser.feed(Array("GET /long HTTP/1.1\r\n\r\n".utf8)) }
        )
        #expect(
            text(HTTPResponse(rejecting: error).serialized())
                == "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Connection: close\r\nContent-Length: 36\r\n\r\n431 Request Header Fields Too Large\n"
        )
    }

    @Test("the event-stream head and events have the exact server-sent-events framing")
    func eventStream() {
        #expect(
            text(HTTPResponse.eventStreamHead(headers: [HTTPHeader("Connection", "keep-alive")]))
                == "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                + "Connection: keep-alive\r\n\r\n"
        )
        #expect(
            text(HTTPResponse.serverSentEvent(data: "{\"t\":1}\nsecond", event: "tick", id: "7"))
                == "event: tick\nid: 7\ndata: {\"t\":1}\ndata: second\n\n"
        )
        #expect(text(HTTPResponse.serverSentEvent(data: "")) == "data: \n\n")
    }
}
