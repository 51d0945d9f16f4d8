import Foundation

/// Whether a process is running or stopped, read from `/proc/PID/stat` (Linux).
enum ProcessRunState {
    /// Whether process `id` is stopped (`SIGSTOP`, `SIGTSTP`, or traced by a debugger): state
    /// `T` or `t`. False when it cannot be told (another system, or the process is gone).
    static func isStopped(_ id: Int32) -> Bool {
        guard id > 0, let handle = FileHandle(forReadingAtPath: "/proc/\(id)/stat") else { return false }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 512) else { return false }
        // `PID (COMMAND) STATE ...`: the command may hold spaces and parentheses, so the state
        // is the first field after the last `)`.
        guard let close = data.lastIndex(of: UInt8(ascii: ")")) else { return false }
        let state = data[data.index(after: close)...].first { $0 != UInt8(ascii: " ") }
        return state == UInt8(ascii: "T") || state == UInt8(ascii: "t")
    }
}
