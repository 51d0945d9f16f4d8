#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed file or descriptor operation of the worker machinery (results journals,
/// atomic writes, the worker's standard input and output), with the system's error.
public struct FileOperationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The system call that failed, such as `open` or `fsync`.
    public let operation: String
    /// The file it was about, or a description such as `standard input`.
    public let path: String
    /// The `errno` value.
    public let code: Int32

    /// The failure of `operation` on `path` with `errno` `code`.
    public init(operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// The system's text for ``code``, such as `No such file or directory`.
    public var message: String { String(cString: strerror(code)) }

    /// `PATH: OPERATION failed: MESSAGE`.
    public var description: String { "\(path): \(operation) failed: \(message)" }
}

/// Thin wrappers over the POSIX calls the worker machinery needs: interrupted calls are
/// retried, `-1` becomes a thrown ``FileOperationError``.
enum POSIXFile {
    /// The call's result, retrying `EINTR`; throws on any other failure.
    static func retrying<Result: BinaryInteger>(
        _ operation: String,
        _ path: String,
        _ call: () -> Result
    ) throws(FileOperationError) -> Result {
        while true {
            let result = call()
            if result >= 0 { return result }
            let code = errno
            if code == EINTR { continue }
            throw FileOperationError(operation: operation, path: path, code: code)
        }
    }

    /// Opens `path` with `flags` (close-on-exec is always added, so spawned workers never
    /// inherit the descriptor).
    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws(FileOperationError) -> Int32 {
        try retrying("open", path) { systemOpen(path, flags | O_CLOEXEC, mode) }
    }

    /// Writes all of `bytes` to `descriptor`, looping over short writes.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(FileOperationError) {
        var offset = 0
        while offset < bytes.count {
            let written = try retrying("write", path) {
                bytes.withUnsafeBytes { buffer in
                    write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                }
            }
            offset += written
        }
    }

    /// Everything readable from `descriptor` until end of file.
    static func readAll(_ descriptor: Int32, path: String) throws(FileOperationError) -> [UInt8] {
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = try retrying("read", path) {
                chunk.withUnsafeMutableBytes { buffer in read(descriptor, buffer.baseAddress, buffer.count) }
            }
            if count == 0 { return contents }
            contents.append(contentsOf: chunk[0..<count])
        }
    }

    /// The whole contents of the file at `path`, or `nil` if it does not exist.
    static func contentsIfPresent(_ path: String) throws(FileOperationError) -> [UInt8]? {
        let descriptor: Int32
        do {
            descriptor = try open(path, O_RDONLY)
        } catch  where error.code == ENOENT {
            return nil
        }
        defer { systemClose(descriptor) }
        return try readAll(descriptor, path: path)
    }

    /// Closes `descriptor`, ignoring errors (the descriptor is gone either way).
    static func close(_ descriptor: Int32) {
        systemClose(descriptor)
    }

    /// Flushes `descriptor`'s data to the storage device.
    static func sync(_ descriptor: Int32, path: String) throws(FileOperationError) {
        _ = try retrying("fsync", path) { fsync(descriptor) }
    }
}

/// `close(2)`, callable from types that have a `close` method of their own.
func systemClose(_ descriptor: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(descriptor)
    #else
    _ = Darwin.close(descriptor)
    #endif
}

/// `open(2)` with a mode argument; the variadic C declaration is not callable from Swift
/// on every platform with the same spelling.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    #if canImport(Glibc)
    Glibc.open(path, flags, mode)
    #else
    Darwin.open(path, flags, mode)
    #endif
}
