import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking TCP client socket to 127.0.0.1, for driving `sharesim live` with exactly the
/// bytes a hostile client would send. Sends never raise `SIGPIPE`; every wait has a deadline.
///
/// `@unchecked Sendable`: a test hands a socket to ``offPool(_:)`` and awaits it, so one
/// thread at a time uses it.
final class RawSocket: @unchecked Sendable {
    /// How reading a reply ended.
    enum Ending: Equatable, Sendable {
        /// The server closed the connection (end of stream).
        case closed
        /// The server reset the connection.
        case reset
        /// Nothing arrived before the deadline: the server hung.
        case timedOut
    }

    private(set) var fd: Int32

    /// A socket connected to 127.0.0.1:`port`; receives wait at most `timeout`.
    init(port: Int, timeout: Duration = .seconds(5)) throws {
        #if canImport(Glibc)
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        let seconds = timeout.components.seconds
        var limit = timeval(tv_sec: Int(seconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close()
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close() }

    /// Sends all of `bytes`; false if the server closed or reset the connection first.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Self.sendNoSignal(fd, $0, flags: 0) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// Sends `text` in UTF-8; false if the server closed or reset the connection first.
    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Sends what the system takes without waiting; returns the byte count, 0 when it would
    /// block, -1 when the connection is gone.
    func sendWithoutWaiting(_ bytes: [UInt8]) -> Int {
        let count = bytes.withUnsafeBytes { Self.sendNoSignal(fd, $0, flags: Int32(MSG_DONTWAIT)) }
        if count >= 0 { return count }
        return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1
    }

    /// Tells the server nothing more will be sent (`shutdown(SHUT_WR)`).
    func finishSending() {
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    /// Reads until the server closes, resets, or goes quiet for the receive timeout.
    func receiveAll() -> (bytes: [UInt8], ending: Ending) {
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                reply += buffer[..<count]
            } else if count == 0 {
                return (reply, .closed)
            } else {
                return (reply, errno == EAGAIN || errno == EWOULDBLOCK ? .timedOut : .reset)
            }
        }
    }

    /// Reads once: what has arrived (waiting up to the receive timeout), or nil at the end.
    func receiveSome() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return count > 0 ? Array(buffer[..<count]) : nil
    }

    /// Whether the connection is open with nothing to read (a peek that does not wait).
    var isOpenAndQuiet: Bool {
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
    }

    /// Closes at once with a reset (`SO_LINGER` 0), as a crashed client or a closed tab does.
    func reset() {
        var linger = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
        close()
    }

    /// Closes the socket (once).
    func close() {
        guard fd >= 0 else { return }
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
        fd = -1
    }

    private static func sendNoSignal(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, flags: Int32) -> Int {
        #if canImport(Glibc)
        Glibc.send(fd, bytes.baseAddress, bytes.count, flags | Int32(MSG_NOSIGNAL))
        #else
        Darwin.send(fd, bytes.baseAddress, bytes.count, flags)
        #endif
    }
}

/// The status codes of the HTTP/1.1 responses in `bytes`, in order, following each
/// `Content-Length` (an event stream, which has none, ends the list).
func responseStatuses(in bytes: [UInt8]) -> [Int] {
    var statuses: [Int] = []
    var rest = bytes[...]
    let blankLine: [UInt8] = [13, 10, 13, 10]
    while rest.starts(with: "HTTP/1.1 ".utf8) {
        guard let status = Int(String(decoding: rest.dropFirst(9).prefix(3), as: UTF8.self)),
            let headEnd = rest.firstRange(of: blankLine)?.upperBound
        else { break }
        statuses.append(status)
        let head = String(decoding: rest[..<headEnd], as: UTF8.self).lowercased()
        guard let lengthLine = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length: ") }),
            let length = Int(lengthLine.dropFirst("content-length: ".count))
        else { break }
        rest = rest[headEnd...].dropFirst(length)
    }
    return statuses
}

/// The resident memory of process `pid` in bytes, read from `/proc` (Linux) or `ps`.
func residentBytes(of pid: Int32) -> Int? {
    if let status = FileManager.default.contents(atPath: "/proc/\(pid)/status") {
        let line = String(decoding: status, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line.flatMap { Int($0.split(separator: " ")[1]) }.map { $0 * 1024 }
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/ps")
    process.arguments = ["-o", "rss=", "-p", String(pid)]
    let output = Pipe()
    process.standardOutput = output
    do {
        try process.run()
    } catch {
        return nil
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)).map { $0 * 1024 }
}
