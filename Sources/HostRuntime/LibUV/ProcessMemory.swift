internal import CLibUV

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much memory this process holds, as the operating system counts it.
public enum ProcessMemory {
    /// The resident set size now, in bytes.
    public static func residentBytes() throws(UVError) -> UInt64 {
        var rss = 0
        try UVCall.check(uv_resident_set_memory(&rss), "uv_resident_set_memory")
        return UInt64(rss)
    }

    /// The largest resident set size this process has had so far, in bytes.
    ///
    /// On Linux this is the program's own high-water mark (`VmHWM` in `/proc/self/status`):
    /// the kernel's `ru_maxrss` also counts the memory image the process replaced at `exec`,
    /// which under `posix_spawn` (a shared-memory `vfork`) is its parent's, so a small run
    /// started by a large process would report the parent's size. Elsewhere, and when the
    /// file cannot be read, it is `ru_maxrss` (KiB on Linux, bytes on macOS; bytes here).
    public static func peakResidentBytes() throws(UVError) -> UInt64 {
        #if os(Linux)
        if let own = peakResidentBytes(ofProcess: nil) { return own }
        #endif
        var usage = uv_rusage_t()
        try UVCall.check(uv_getrusage(&usage), "uv_getrusage")
        #if os(Linux)
        return usage.ru_maxrss &* 1024
        #else
        return usage.ru_maxrss
        #endif
    }

    /// The high-water resident size of the running program of process `pid` (this process
    /// when nil), in bytes, from `/proc/PID/status`; nil where there is no such file (not
    /// Linux, a process that has ended) or it has no `VmHWM` line.
    ///
    /// It counts only the program the process runs now, not one it replaced at `exec`.
    public static func peakResidentBytes(ofProcess pid: Int32?) -> UInt64? {
        let path = pid.map { "/proc/\($0)/status" } ?? "/proc/self/status"
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // The status file is a few KiB; the field is in its first half.
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        return highWaterBytes(inStatus: buffer[..<count])
    }

    /// The `VmHWM:   123456 kB` field of a `/proc/PID/status` text, in bytes.
    static func highWaterBytes(inStatus status: ArraySlice<UInt8>) -> UInt64? {
        let key = Array("VmHWM:".utf8)
        var lineStart = status.startIndex
        while lineStart < status.endIndex {
            let lineEnd = status[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? status.endIndex
            let line = status[lineStart..<lineEnd]
            if line.starts(with: key) {
                var kibibytes: UInt64 = 0
                var digits = 0
                for byte in line.dropFirst(key.count) where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    kibibytes = kibibytes &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                    digits += 1
                }
                return digits > 0 ? kibibytes &* 1024 : nil
            }
            lineStart = lineEnd + 1
        }
        return nil
    }
}
