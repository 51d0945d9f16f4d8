internal import CLibUV

/// A numeric IPv4 or IPv6 address, parsed without any name lookup.
///
/// ```swift
/// IPAddress("127.0.0.1")?.isLoopback      // true
/// IPAddress("::")?.isUnspecified          // true: every address of the machine
/// IPAddress("localhost")                  // nil: names are not addresses
/// ```
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// The address bytes in network order: 4 for IPv4, 16 for IPv6.
    public let bytes: [UInt8]

    /// The address written as `text` (`127.0.0.1`, `::1`; no brackets, no port), or `nil` if
    /// `text` is not a numeric address.
    public init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count < 64, !text.contains("%") else { return nil }
        var v4 = [UInt8](repeating: 0, count: 4)
        if uv_inet_pton(AF_INET, text, &v4) == 0 {
            bytes = v4
            return
        }
        var v6 = [UInt8](repeating: 0, count: 16)
        guard uv_inet_pton(AF_INET6, text, &v6) == 0 else { return nil }
        bytes = v6
    }

    /// Whether this is an IPv6 address.
    public var isIPv6: Bool { bytes.count == 16 }

    /// Whether the address reaches only this machine: `127.0.0.0/8`, `::1`, or an IPv4-mapped
    /// `::ffff:127.x.y.z`.
    public var isLoopback: Bool {
        guard isIPv6 else { return bytes[0] == 127 }
        if bytes.dropLast().allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
        return bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff && bytes[12] == 127
    }

    /// Whether this is the wildcard address (`0.0.0.0` or `::`), which listens on every
    /// address of the machine.
    public var isUnspecified: Bool { bytes.allSatisfy { $0 == 0 } }

    /// The address in its shortest standard text, such as `::1`.
    public var description: String {
        var text = [CChar](repeating: 0, count: 64)
        let status = uv_inet_ntop(isIPv6 ? AF_INET6 : AF_INET, bytes, &text, text.count)
        guard status == 0 else { return bytes.map(String.init).joined(separator: ".") }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
