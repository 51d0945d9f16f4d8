internal import CLibUV

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
    /// The kernel reports it in KiB on Linux (bytes on macOS); this returns bytes on both.
    public static func peakResidentBytes() throws(UVError) -> UInt64 {
        var usage = uv_rusage_t()
        try UVCall.check(uv_getrusage(&usage), "uv_getrusage")
        #if os(Linux)
        return usage.ru_maxrss &* 1024
        #else
        return usage.ru_maxrss
        #endif
    }
}
