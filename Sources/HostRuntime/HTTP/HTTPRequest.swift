/// A complete HTTP/1.x request, as ``HTTPRequestParser`` delivers it.
public struct HTTPRequest: Sendable, Equatable {
    /// The method, such as `GET` or `POST`.
    public var method: String
    /// The request target exactly as sent, such as `/metrics?format=text`.
    public var target: String
    /// The header fields in the order received; repeated names are kept apart.
    public var headers: [HTTPHeader]
    /// The body bytes, with any chunked transfer coding removed.
    public var body: [UInt8]
    /// The major HTTP version, 1 for `HTTP/1.1`.
    public var versionMajor: Int
    /// The minor HTTP version, 1 for `HTTP/1.1`.
    public var versionMinor: Int
    /// Whether the connection may carry another request after the response (HTTP/1.1
    /// without `Connection: close`, or HTTP/1.0 with `keep-alive`).
    public var keepAlive: Bool

    /// A request with the given parts.
    public init(
        method: String,
        target: String,
        headers: [HTTPHeader] = [],
        body: [UInt8] = [],
        versionMajor: Int = 1,
        versionMinor: Int = 1,
        keepAlive: Bool = true
    ) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.versionMajor = versionMajor
        self.versionMinor = versionMinor
        self.keepAlive = keepAlive
    }

    /// The target's path, before any `?`, such as `/metrics`.
    public var path: String {
        guard let question = target.firstIndex(of: "?") else { return target }
        return String(target[..<question])
    }

    /// The target's query, after the first `?` (without it), or `nil` if there is none.
    public var query: String? {
        guard let question = target.firstIndex(of: "?") else { return nil }
        return String(target[target.index(after: question)...])
    }

    /// The body decoded as UTF-8 (invalid bytes become U+FFFD).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
