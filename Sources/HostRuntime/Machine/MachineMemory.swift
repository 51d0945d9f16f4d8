import Foundation

/// How much memory this machine has, for sizing runs before they start.
public enum MachineMemory {
    /// The physical memory (bytes), or less when this process may not use it all: the cgroup
    /// limit of its container (`/sys/fs/cgroup/memory.max`, cgroup v2) or its address-space
    /// limit (`ulimit -v`).
    public static var bytes: Double {
        let pages = Double(sysconf(Int32(_SC_PHYS_PAGES)))
        let pageSize = Double(sysconf(Int32(_SC_PAGESIZE)))
        let physical = pages > 0 && pageSize > 0 ? pages * pageSize : 8 * 1_073_741_824
        return [cgroupLimit, addressSpaceLimit].compactMap { $0 }.filter { $0 > 0 }.reduce(physical, min)
    }

    /// The soft address-space limit, or nil when there is none.
    static var addressSpaceLimit: Double? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return Double(limit.rlim_cur)
    }

    /// The cgroup v2 memory limit, or nil when there is none (`max`) or it cannot be read.
    static var cgroupLimit: Double? {
        guard let file = fopen("/sys/fs/cgroup/memory.max", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// `24 GiB`, `512 MiB`: a size in binary units with up to one decimal.
    public static func text(_ bytes: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = bytes
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return HumanNumbers.fixed(value, decimals: value < 10 && unit > 0 ? 1 : 0) + " " + units[unit]
    }
}
