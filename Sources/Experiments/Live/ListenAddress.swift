/// Where `sharesim live` listens: a numeric host and a port.
public struct ListenAddress: Hashable, Sendable {
    /// The numeric host, IPv4 or IPv6 (without brackets).
    public var host: String
    /// The port, 0...65535 (0: one the system chooses).
    public var port: Int

    /// `HOST:PORT` or `[IPv6]:PORT`.
    ///
    /// - Throws: ``ExperimentError/usage(_:)`` naming `--listen` when `text` is neither.
    public init(parsing text: String) throws {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw ExperimentError.usage("--listen must be HOST:PORT, not '\(text)'") }
            portText = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            throw ExperimentError.usage("--listen must be HOST:PORT, not '\(text)'")
        }
        guard !host.isEmpty, let port = Int(portText), (0...65535).contains(port) else {
            throw ExperimentError.usage("--listen must be HOST:PORT with a port from 0 to 65535, not '\(text)'")
        }
        self.host = String(host)
        self.port = port
    }

    /// The host as a URL shows it (IPv6 in brackets).
    public var urlHost: String { host.contains(":") ? "[\(host)]" : host }
}
