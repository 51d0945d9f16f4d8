/// An HTTP/1.1 response to serialise onto a connection.
///
/// ``serialized()`` writes the status line, the headers in order, a `Content-Length`
/// computed from the body (any given one is dropped, so the two cannot disagree), a blank
/// line and the body:
///
/// ```swift
/// HTTPResponse(status: .ok, contentType: "text/plain; charset=utf-8", body: "up\n").serialized()
/// // HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 3\r\n\r\nup\n
/// ```
public struct HTTPResponse: Sendable, Equatable {
    /// The status line's code and reason.
    public var status: HTTPStatus
    /// Header fields in the order they are written; names and values must not contain CR or
    /// LF.
    public var headers: [HTTPHeader]
    /// The body bytes.
    public var body: [UInt8]

    /// A response with `status`, `headers` and `body`.
    public init(status: HTTPStatus = .ok, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response whose body is `body` in UTF-8, with a `Content-Type` header first.
    public init(status: HTTPStatus = .ok, contentType: String, body: String, headers: [HTTPHeader] = []) {
        self.init(status: status, headers: [HTTPHeader("Content-Type", contentType)] + headers, body: Array(body.utf8))
    }

    /// The answer to a request the parser rejected: the error's status, a one-line plain-text
    /// body, and `Connection: close` (the connection's framing cannot be trusted any more).
    public init(rejecting error: HTTPParseError) {
        self.init(
            status: error.status,
            contentType: "text/plain; charset=utf-8",
            body: "\(error.status)\n",
            headers: [HTTPHeader("Connection", "close")]
        )
    }

    /// The response as bytes on the wire.
    ///
    /// - Precondition: no header name or value contains CR or LF, and a 1xx, 204 or 304
    ///   response has an empty body (it also gets no `Content-Length`).
    public func serialized() -> [UInt8] {
        precondition(!status.forbidsBody || body.isEmpty, "HTTPResponse: status \(status.code) cannot have a body")
        var bytes = Self.head(status: status, headers: headers.filter { !$0.matches("Content-Length") })
        if !status.forbidsBody {
            bytes.removeLast(2)
            Self.appendHeader(HTTPHeader("Content-Length", String(body.count)), to: &bytes)
            bytes.append(contentsOf: [13, 10])
        }
        bytes.append(contentsOf: body)
        return bytes
    }

    /// The head of a server-sent-events response: status 200, `Content-Type:
    /// text/event-stream`, `Cache-Control: no-cache`, then `headers`, and no length, since
    /// the body is the open-ended stream of ``serverSentEvent(data:event:id:)`` frames that
    /// follows.
    public static func eventStreamHead(headers: [HTTPHeader] = []) -> [UInt8] {
        head(
            status: .ok,
            headers: [HTTPHeader("Content-Type", "text/event-stream"), HTTPHeader("Cache-Control", "no-cache")]
                + headers
        )
    }

    /// One server-sent event: optional `event:` and `id:` lines, one `data:` line per line
    /// of `data`, and the blank line that ends the event.
    ///
    /// - Precondition: `event` and `id` contain no line breaks.
    public static func serverSentEvent(data: String, event: String? = nil, id: String? = nil) -> [UInt8] {
        var text = ""
        if let event {
            precondition(!event.contains(where: \.isNewline), "HTTPResponse: an event name cannot contain a line break")
            text += "event: \(event)\n"
        }
        if let id {
            precondition(!id.contains(where: \.isNewline), "HTTPResponse: an event id cannot contain a line break")
            text += "id: \(id)\n"
        }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line.hasSuffix("\r") ? line.dropLast() : line)\n"
        }
        text += "\n"
        return Array(text.utf8)
    }

    /// A status line, header lines and the blank line.
    private static func head(status: HTTPStatus, headers: [HTTPHeader]) -> [UInt8] {
        var bytes = Array("HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n".utf8)
        for header in headers { appendHeader(header, to: &bytes) }
        bytes.append(contentsOf: [13, 10])
        return bytes
    }

    private static func appendHeader(_ header: HTTPHeader, to bytes: inout [UInt8]) {
        precondition(
            !header.name.utf8.contains { $0 == 13 || $0 == 10 || $0 == UInt8(ascii: ":") }
                && !header.value.utf8.contains { $0 == 13 || $0 == 10 },
            "HTTPResponse: header \(header.name) contains a line break or a bad name"
        )
        bytes.append(contentsOf: header.name.utf8)
        bytes.append(contentsOf: ": ".utf8)
        bytes.append(contentsOf: header.value.utf8)
        bytes.append(contentsOf: [13, 10])
    }
}
