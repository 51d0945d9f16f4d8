import HostRuntime

/// Where `sharesim live` listens: a numeric host and a port.
///
/// `localhost` stands for `127.0.0.1`; no other name is looked up. An address other machines
/// can reach (anything but loopback, such as `0.0.0.0`) is refused unless the caller allows
/// it, so that the dashboard and its controls never reach the network by accident.
public struct ListenAddress: Hashable, Sendable {
    /// The numeric host, IPv4 or IPv6 (without brackets).
    public var host: String
    /// The port, 0...65535 (0: one the system chooses).
    public var port: Int

    /// `HOST:PORT` or `[IPv6]:PORT`, where HOST is a numeric address or `localhost`.
    ///
    /// - Parameter allowRemote: whether an address other than loopback is accepted.
    /// - Throws: ``ExperimentError/usage(_:)`` naming `--listen` when `text` is not such an
    ///   address, or naming `--allow-remote` when it is not loopback and `allowRemote` is false.
    public init(parsing text: String, allowRemote: Bool = false) throws {
        let example = "such as 127.0.0.1:8080, localhost:8080 or [::1]:8080"
        let hostText: Substring
        let portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            hostText = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else {
                throw ExperimentError.usage("--listen must be HOST:PORT (\(example)), not '\(text)'")
            }
            portText = rest.dropFirst()
            guard hostText.contains(":") else {
                throw ExperimentError.usage("--listen: brackets are for IPv6 addresses only, not '\(text)'")
            }
        } else if let colon = text.lastIndex(of: ":") {
            hostText = text[..<colon]
            portText = text[text.index(after: colon)...]
            if hostText.contains(":") {
                throw ExperimentError.usage(
                    "--listen: write an IPv6 address in brackets, such as [::1]:8080, not '\(text)'"
                )
            }
        } else {
            throw ExperimentError.usage("--listen must be HOST:PORT (\(example)), not '\(text)'")
        }
        guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(portText), (0...65535).contains(port)
        else {
            throw ExperimentError.usage(
                "--listen: the port must be a number from 0 to 65535, not '\(portText)' in '\(text)'"
            )
        }
        let name = hostText.lowercased()
        guard let address = name == "localhost" ? IPAddress("127.0.0.1") : IPAddress(String(hostText)) else {
            throw ExperimentError.usage(
                "--listen: '\(hostText)' is not a numeric IP address or localhost (\(example); names are not looked up)"
            )
        }
        guard address.isLoopback || allowRemote else {
            throw ExperimentError.usage(
                "--listen \(text) would accept connections from other machines; add --allow-remote to serve the "
                    + "dashboard, /metrics and /control beyond this machine"
            )
        }
        self.host = address.description
        self.port = port
    }

    /// The host as a URL shows it (IPv6 in brackets).
    public var urlHost: String { host.contains(":") ? "[\(host)]" : host }
}
