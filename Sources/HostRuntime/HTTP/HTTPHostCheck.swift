/// Refuses requests that were not addressed to this server: the defence of a loopback
/// server against DNS rebinding and against cross-site requests from a web page.
///
/// - `Host` must name the address the server listens on, or `localhost`, with any port. A
///   server listening on every address (`0.0.0.0`, `::`) accepts any numeric address instead
///   of its own. Other names are refused: an attacker's domain can be made to resolve to this
///   machine, but its name stays in `Host`. HTTP/1.1 requires `Host`; HTTP/1.0 may omit it.
/// - `Origin`, when a browser sends one, must be this server's own origin: `http://` and the
///   request's `Host`. A page from anywhere else is refused, whatever it asks for.
///
/// ```swift
/// let check = HTTPHostCheck(listeningOn: IPAddress("127.0.0.1")!)
/// check.refusal(of: request)   // nil: go ahead; otherwise the 400 or 403 to answer with
/// ```
public struct HTTPHostCheck: Sendable, Equatable {
    /// The address the server listens on.
    public let listenAddress: IPAddress

    /// A check for a server listening on `listenAddress`.
    public init(listeningOn listenAddress: IPAddress) {
        self.listenAddress = listenAddress
    }

    /// `nil` if `request` may be served; otherwise the response refusing it: 400 for a
    /// missing, repeated or malformed `Host`, 403 for a foreign `Host` or `Origin`.
    public func refusal(of request: HTTPRequest) -> HTTPResponse? {
        let hosts = request.headers.filter { $0.matches("Host") }
        if hosts.count > 1 { return Self.refuse(.badRequest, "a request may carry one Host header") }
        guard let hostHeader = hosts.first?.value else {
            let needsHost = request.versionMajor > 1 || (request.versionMajor == 1 && request.versionMinor >= 1)
            return needsHost ? Self.refuse(.badRequest, "an HTTP/1.1 request needs a Host header") : nil
        }
        guard let host = Self.hostName(inHostHeader: hostHeader) else {
            return Self.refuse(.badRequest, "the Host header is not HOST or HOST:PORT")
        }
        guard accepts(host: host) else {
            return Self.refuse(.forbidden, "this server does not answer for the host in the Host header")
        }
        let origins = request.headers.filter { $0.matches("Origin") }
        if let origin = origins.first?.value,
            origins.count > 1 || origin.lowercased() != "http://" + hostHeader.lowercased()
        {
            return Self.refuse(.forbidden, "requests from another origin are not accepted")
        }
        return nil
    }

    /// Whether `host` (lowercased, IPv6 without brackets) names this server.
    private func accepts(host: String) -> Bool {
        if host == "localhost" { return true }
        guard let address = IPAddress(host) else { return false }
        return listenAddress.isUnspecified || address == listenAddress
    }

    /// The host part of a `Host` header value (`name`, `name:port`, `[v6]` or `[v6]:port`),
    /// lowercased and without brackets; `nil` when the value has another shape.
    static func hostName(inHostHeader value: String) -> String? {
        let text = value.lowercased()
        let host: Substring
        let port: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return nil }
            port = rest.isEmpty ? nil : rest.dropFirst()
            guard host.contains(":") else { return nil }
        } else {
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            host = parts[0]
            port = parts.count > 1 ? parts[1] : nil
            guard !host.contains(":") else { return nil }
        }
        if let port, port.isEmpty || port.count > 5 || !port.allSatisfy(\.isASCIIDigit) { return nil }
        guard !host.isEmpty, host.utf8.allSatisfy(Self.isHostByte) else { return nil }
        return String(host)
    }

    /// Letters, digits and the punctuation of names and IPv6 addresses.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
        }
    }

    private static func refuse(_ status: HTTPStatus, _ reason: String) -> HTTPResponse {
        HTTPResponse(
            status: status,
            contentType: "text/plain; charset=utf-8",
            body: "\(status): \(reason)\n",
            headers: [HTTPHeader("Connection", "close")]
        )
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0 to 9.
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
