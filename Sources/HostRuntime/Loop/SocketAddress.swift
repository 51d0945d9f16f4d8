internal import CLibUV

/// An IPv4 or IPv6 socket address parsed from a numeric host string and a port.
struct SocketAddress {
    private var storage = sockaddr_storage()

    /// The address of `host` (such as `127.0.0.1` or `::1`; no name lookup) and `port`.
    init(host: String, port: Int) throws(UVError) {
        guard (0...65535).contains(port) else { throw UVCall.error(UV_EINVAL.rawValue, "uv_ip4_addr") }
        let v4Status = withUnsafeMutableBytes(of: &storage) { bytes in
            uv_ip4_addr(host, Int32(port), bytes.baseAddress?.assumingMemoryBound(to: sockaddr_in.self))
        }
        if v4Status == 0 { return }
        let v6Status = withUnsafeMutableBytes(of: &storage) { bytes in
            uv_ip6_addr(host, Int32(port), bytes.baseAddress?.assumingMemoryBound(to: sockaddr_in6.self))
        }
        // A host that is neither form reports the IPv4 parser's error.
        guard v6Status == 0 else { throw UVCall.error(v4Status, "uv_ip4_addr") }
    }

    /// The address a TCP handle is bound to or connected to, read by `uv_tcp_getsockname`
    /// (`peer` false) or `uv_tcp_getpeername` (`peer` true).
    init(of handle: UnsafeMutablePointer<uv_tcp_t>, peer: Bool) throws(UVError) {
        var length = Int32(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutableBytes(of: &storage) { bytes in
            let address = bytes.baseAddress?.assumingMemoryBound(to: sockaddr.self)
            return peer ? uv_tcp_getpeername(handle, address, &length) : uv_tcp_getsockname(handle, address, &length)
        }
        try UVCall.check(status, peer ? "uv_tcp_getpeername" : "uv_tcp_getsockname")
    }

    /// The port in host byte order.
    var port: Int {
        withUnsafeBytes(of: storage) { bytes in
            switch Int32(storage.ss_family) {
            case AF_INET: Int(UInt16(bigEndian: bytes.load(as: sockaddr_in.self).sin_port))
            case AF_INET6: Int(UInt16(bigEndian: bytes.load(as: sockaddr_in6.self).sin6_port))
            default: 0
            }
        }
    }

    /// The numeric host, such as `127.0.0.1`.
    var host: String {
        var text = [CChar](repeating: 0, count: 64)
        let status = withUnsafeBytes(of: storage) { bytes in
            switch Int32(storage.ss_family) {
            case AF_INET:
                withUnsafePointer(to: bytes.load(as: sockaddr_in.self)) { uv_ip4_name($0, &text, text.count) }
            case AF_INET6:
                withUnsafePointer(to: bytes.load(as: sockaddr_in6.self)) { uv_ip6_name($0, &text, text.count) }
            default: UV_EINVAL.rawValue
            }
        }
        guard status == 0 else { return "" }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Runs `body` with the address as a `sockaddr`.
    func withSockAddr<Result>(_ body: (UnsafePointer<sockaddr>?) -> Result) -> Result {
        withUnsafeBytes(of: storage) { bytes in body(bytes.baseAddress?.assumingMemoryBound(to: sockaddr.self)) }
    }
}
