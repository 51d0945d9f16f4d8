internal import CHTTPParser

/// Parses HTTP/1.x requests from bytes fed in any chunks (libhttp-parser underneath).
///
/// It knows nothing of sockets: feed it what a connection reads and it returns each request
/// as soon as its last byte arrives, several if the client pipelines. Sizes are bounded: the
/// request line and headers by ``Limits/maxHeaderBytes`` (431 when exceeded), the body by
/// ``Limits/maxBodyBytes`` (413, as soon as `Content-Length` announces it). A method that is
/// a well-formed token the parser does not know gets 501; anything else that is not HTTP/1.x
/// gets 400. After an error the parser is spent: every later call throws the same error, and
/// the server should answer with ``HTTPParseError/status`` and close the connection.
///
/// ``parse(_:maxRequests:)`` stops after a number of requests and says how many bytes it
/// used, so a server can hold the rest back while it answers (pipelining backpressure).
///
/// ```swift
/// let parser = HTTPRequestParser()
/// for request in try parser.feed(Array("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".utf8)) {
///     print(request.method, request.path)   // GET /metrics
/// }
/// ```
///
/// A parser belongs to one connection and one thread; it is not `Sendable`.
public final class HTTPRequestParser {
    /// Size limits on one request.
    public struct Limits: Sendable, Equatable {
        /// The most bytes of request target, header names and header values together.
        public var maxHeaderBytes: Int
        /// The most body bytes (after removing chunked coding).
        public var maxBodyBytes: Int

        /// Limits of `maxHeaderBytes` (16 KiB by default) and `maxBodyBytes` (1 MiB).
        public init(maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 1 << 20) {
            precondition(maxHeaderBytes >= 0 && maxBodyBytes >= 0, "HTTPRequestParser.Limits: negative limit")
            self.maxHeaderBytes = maxHeaderBytes
            self.maxBodyBytes = maxBodyBytes
        }
    }

    /// The limits this parser enforces.
    public let limits: Limits

    private let parser: UnsafeMutablePointer<http_parser>
    private let settings: UnsafeMutablePointer<http_parser_settings>
    /// The error that spent the parser, if one did; every later call throws it.
    public private(set) var failure: HTTPParseError?
    /// The error a callback found, reported when `http_parser_execute` returns.
    private var callbackError: HTTPParseError?

    // The request being parsed.
    private var inMessage = false
    private var target: [UInt8] = []
    private var headers: [HTTPHeader] = []
    private var field: [UInt8] = []
    private var value: [UInt8] = []
    private var readingValue = false
    private var headerBytes = 0
    private var body: [UInt8] = []
    private var method = ""
    private var keepAlive = true
    /// Requests completed during the current `feed` or `parse`.
    private var completed: [HTTPRequest] = []
    /// The parser pauses once this many requests are complete in one call.
    private var requestLimit = Int.max

    /// A parser for one connection's requests, enforcing `limits`.
    public init(limits: Limits = Limits()) {
        self.limits = limits
        parser = .allocate(capacity: 1)
        parser.initialize(to: http_parser())
        http_parser_init(parser, HTTP_REQUEST)
        var callbacks = http_parser_settings()
        callbacks.on_message_begin = httpMessageBegan
        callbacks.on_url = httpTargetBytes
        callbacks.on_header_field = httpHeaderNameBytes
        callbacks.on_header_value = httpHeaderValueBytes
        callbacks.on_headers_complete = httpHeadersComplete
        callbacks.on_body = httpBodyBytes
        callbacks.on_message_complete = httpMessageComplete
        settings = .allocate(capacity: 1)
        settings.initialize(to: callbacks)
    }

    deinit {
        parser.deallocate()
        settings.deallocate()
    }

    /// Parses the next bytes from the connection.
    ///
    /// - Returns: the requests whose last byte was in `bytes`, in order; usually none or one.
    ///   When a malformed request follows complete ones, those are returned and the error
    ///   (already in ``failure``) is thrown by the next call, so each can still be answered.
    /// - Throws: ``HTTPParseError`` for malformed or oversized input before any complete
    ///   request, and on every call after the parser failed.
    public func feed(_ bytes: some Collection<UInt8>) throws(HTTPParseError) -> [HTTPRequest] {
        try parse(bytes, maxRequests: .max).requests
    }

    /// Parses from the start of `bytes` until `maxRequests` requests are complete or the bytes
    /// run out.
    ///
    /// - Returns: the complete requests, in order, and how many bytes of `bytes` were used;
    ///   the caller passes the rest (`bytes.dropFirst(consumed)`) to a later call.
    /// - Throws: as ``feed(_:)``.
    /// - Precondition: `maxRequests` is positive.
    public func parse(
        _ bytes: some Collection<UInt8>,
        maxRequests: Int
    ) throws(HTTPParseError) -> (requests: [HTTPRequest], consumed: Int) {
        precondition(maxRequests > 0, "HTTPRequestParser: maxRequests must be positive")
        if let failure { throw failure }
        guard !bytes.isEmpty else { return ([], 0) }
        requestLimit = maxRequests
        defer { requestLimit = .max }
        let outcome =
            bytes.withContiguousStorageIfAvailable { run(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { run($0) }
        return try outcome.get()
    }

    /// Tells the parser the connection ended; throws if a request was cut off.
    ///
    /// - Returns: a request that the end of the stream completed (rare; HTTP/1.x requests
    ///   are delimited without it, so usually none).
    public func finish() throws(HTTPParseError) -> [HTTPRequest] {
        if let failure { throw failure }
        return try run(UnsafeRawBufferPointer(start: nil, count: 0)).get().requests
    }

    /// Whether part of a request has arrived but not all of it.
    public var hasPartialRequest: Bool { inMessage }

    /// Runs libhttp-parser over `bytes` and collects what it completed or why it failed.
    private func run(
        _ bytes: UnsafeRawBufferPointer
    ) -> Result<(requests: [HTTPRequest], consumed: Int), HTTPParseError> {
        parser.pointee.data = Unmanaged.passUnretained(self).toOpaque()
        let parsed = http_parser_execute(
            parser,
            settings,
            bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
            bytes.count
        )
        parser.pointee.data = nil
        defer { completed = [] }
        let code = parser.pointee.http_errno
        let error: HTTPParseError
        if code == HPE_PAUSED.rawValue {
            // Paused by `messageComplete` at the request limit; the rest waits for the next call.
            http_parser_pause(parser, 0)
            return .success((completed, parsed))
        } else if code != HPE_OK.rawValue {
            error = callbackError ?? Self.error(forCode: code, in: bytes, at: parsed)
        } else if parser.pointee.upgrade != 0 {
            // The request asking for the upgrade is complete, but it is not served.
            if !completed.isEmpty { completed.removeLast() }
            error = HTTPParseError(kind: .malformed, detail: "protocol upgrades and CONNECT are not supported")
        } else if parsed != bytes.count {
            error = HTTPParseError(
                kind: .malformed,
                detail: "the parser stopped after \(parsed) of \(bytes.count) bytes"
            )
        } else {
            return .success((completed, parsed))
        }
        failure = error
        return completed.isEmpty ? .failure(error) : .success((completed, parsed))
    }

    /// The error for libhttp-parser's `code`, which it reported at byte `position` of `bytes`.
    private static func error(
        forCode code: UInt32,
        in bytes: UnsafeRawBufferPointer,
        at position: Int
    ) -> HTTPParseError {
        let number = http_errno(rawValue: code)
        let name = String(cString: http_errno_name(number))
        let description = String(cString: http_errno_description(number))
        if code == HPE_INVALID_METHOD.rawValue, let method = unknownMethod(in: bytes, around: position) {
            return HTTPParseError(kind: .unknownMethod, detail: "the method \(method) is not supported")
        }
        let kind: HTTPParseError.Kind = code == HPE_HEADER_OVERFLOW.rawValue ? .headersTooLarge : .malformed
        return HTTPParseError(kind: kind, detail: "\(description) (\(name))")
    }

    /// The method the parser gave up on at `position`, if the bytes there form a token (up to
    /// 32 bytes) that ends with a space or the end of `bytes`: a method it does not know,
    /// rather than noise.
    private static func unknownMethod(in bytes: UnsafeRawBufferPointer, around position: Int) -> String? {
        guard position <= bytes.count else { return nil }
        var start = position
        while start > 0, isTokenByte(bytes[start - 1]) { start -= 1 }
        var end = position
        while end < bytes.count, isTokenByte(bytes[end]) { end += 1 }
        guard end > start, end - start <= 32, end == bytes.count || bytes[end] == UInt8(ascii: " ") else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    // MARK: Callbacks, called from inside `http_parser_execute`.

    fileprivate func messageBegan() {
        inMessage = true
        target = []
        headers = []
        field = []
        value = []
        readingValue = false
        headerBytes = 0
        body = []
    }

    /// Counts header bytes; false (with the error recorded) when over the limit.
    private func countHeaderBytes(_ count: Int) -> Bool {
        headerBytes += count
        guard headerBytes <= limits.maxHeaderBytes else {
            callbackError = HTTPParseError(
                kind: .headersTooLarge,
                detail: "the request line and headers exceed \(limits.maxHeaderBytes) bytes"
            )
            return false
        }
        return true
    }

    fileprivate func targetBytes(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard countHeaderBytes(bytes.count) else { return false }
        target.append(contentsOf: bytes)
        return true
    }

    fileprivate func headerNameBytes(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if readingValue { commitHeader() }
        guard countHeaderBytes(bytes.count) else { return false }
        // libhttp-parser (as built without strict mode) lets some non-token bytes, such as
        // spaces, into names; RFC 9110 does not.
        guard bytes.allSatisfy(Self.isTokenByte) else {
            callbackError = HTTPParseError(kind: .malformed, detail: "a header name contains an invalid character")
            return false
        }
        field.append(contentsOf: bytes)
        return true
    }

    /// Whether `byte` may appear in an RFC 9110 token (a header name).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    fileprivate func headerValueBytes(_ bytes: UnsafeRawBufferPointer) -> Bool {
        readingValue = true
        guard countHeaderBytes(bytes.count) else { return false }
        value.append(contentsOf: bytes)
        return true
    }

    private func commitHeader() {
        // libhttp-parser drops leading whitespace from values; trailing whitespace is not
        // part of a value either (RFC 9110 section 5.5).
        while let last = value.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { value.removeLast() }
        headers.append(HTTPHeader(String(decoding: field, as: UTF8.self), String(decoding: value, as: UTF8.self)))
        field = []
        value = []
        readingValue = false
    }

    fileprivate func headersComplete() -> Bool {
        if readingValue || !field.isEmpty { commitHeader() }
        method = String(cString: http_method_str(http_method(rawValue: parser.pointee.method)))
        keepAlive = http_should_keep_alive(parser) != 0
        let declared = parser.pointee.content_length
        // libhttp-parser leaves ULLONG_MAX when there is no Content-Length.
        if declared != UInt64.max, declared > UInt64(limits.maxBodyBytes) {
            callbackError = HTTPParseError(
                kind: .bodyTooLarge,
                detail: "Content-Length \(declared) exceeds the limit of \(limits.maxBodyBytes) bytes"
            )
            return false
        }
        return true
    }

    fileprivate func bodyBytes(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= limits.maxBodyBytes else {
            callbackError = HTTPParseError(
                kind: .bodyTooLarge,
                detail: "the body exceeds the limit of \(limits.maxBodyBytes) bytes"
            )
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    fileprivate func messageComplete() {
        completed.append(
            HTTPRequest(
                method: method,
                target: String(decoding: target, as: UTF8.self),
                headers: headers,
                body: body,
                versionMajor: Int(parser.pointee.http_major),
                versionMinor: Int(parser.pointee.http_minor),
                keepAlive: keepAlive
            )
        )
        inMessage = false
        target = []
        headers = []
        body = []
        if completed.count >= requestLimit { http_parser_pause(parser, 1) }
    }

    /// The parser whose `feed` is running, from the `data` field.
    fileprivate static func current(_ parser: UnsafeMutablePointer<http_parser>?) -> HTTPRequestParser? {
        guard let data = parser?.pointee.data else { return nil }
        return Unmanaged<HTTPRequestParser>.fromOpaque(data).takeUnretainedValue()
    }
}

// The `http_cb` and `http_data_cb` callbacks: 0 continues, anything else stops the parser
// with an error (which the Swift side has recorded).

private func httpMessageBegan(_ parser: UnsafeMutablePointer<http_parser>?) -> Int32 {
    HTTPRequestParser.current(parser)?.messageBegan()
    return 0
}

private func httpTargetBytes(
    _ parser: UnsafeMutablePointer<http_parser>?,
    _ at: UnsafePointer<CChar>?,
    _ length: Int
) -> Int32 {
    guard let request = HTTPRequestParser.current(parser) else { return -1 }
    return request.targetBytes(UnsafeRawBufferPointer(start: at, count: length)) ? 0 : -1
}

private func httpHeaderNameBytes(
    _ parser: UnsafeMutablePointer<http_parser>?,
    _ at: UnsafePointer<CChar>?,
    _ length: Int
) -> Int32 {
    guard let request = HTTPRequestParser.current(parser) else { return -1 }
    return request.headerNameBytes(UnsafeRawBufferPointer(start: at, count: length)) ? 0 : -1
}

private func httpHeaderValueBytes(
    _ parser: UnsafeMutablePointer<http_parser>?,
    _ at: UnsafePointer<CChar>?,
    _ length: Int
) -> Int32 {
    guard let request = HTTPRequestParser.current(parser) else { return -1 }
    return request.headerValueBytes(UnsafeRawBufferPointer(start: at, count: length)) ? 0 : -1
}

/// Returning 1 or 2 here means "no body" or "upgrade" to libhttp-parser; errors use -1.
private func httpHeadersComplete(_ parser: UnsafeMutablePointer<http_parser>?) -> Int32 {
    guard let request = HTTPRequestParser.current(parser) else { return -1 }
    return request.headersComplete() ? 0 : -1
}

private func httpBodyBytes(
    _ parser: UnsafeMutablePointer<http_parser>?,
    _ at: UnsafePointer<CChar>?,
    _ length: Int
) -> Int32 {
    guard let request = HTTPRequestParser.current(parser) else { return -1 }
    return request.bodyBytes(UnsafeRawBufferPointer(start: at, count: length)) ? 0 : -1
}

private func httpMessageComplete(_ parser: UnsafeMutablePointer<http_parser>?) -> Int32 {
    HTTPRequestParser.current(parser)?.messageComplete()
    return 0
}
