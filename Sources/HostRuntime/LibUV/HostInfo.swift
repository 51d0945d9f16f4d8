internal import CLibUV

/// Facts about the machine a run happens on, for benchmark records and reports.
public enum HostInfo {
    /// The number of CPUs this process may use (at least 1).
    public static var availableParallelism: Int {
        Int(uv_available_parallelism())
    }

    /// Total physical memory in bytes.
    public static var totalMemoryBytes: UInt64 {
        uv_get_total_memory()
    }

    /// The libuv version in use, such as `1.44.2`.
    public static var libuvVersion: String {
        UVCall.versionString
    }
}
