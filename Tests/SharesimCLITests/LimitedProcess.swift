import Foundation
import HostRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a child process run under limits ended, with its peak memory and what it wrote to
/// standard error.
struct LimitedProcessOutcome: Sendable {
    /// How it ended.
    enum Ending: Equatable, Sendable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it (not one of ours).
        case signalled(Int32)
        /// It ran past its time limit and was killed.
        case timedOut
    }

    var ending: Ending
    /// The peak resident memory of the program run (bytes); see ``LimitedProcess/peak(reported:polled:)``.
    var peakBytes: Int
    /// Wall time from start to end (seconds).
    var seconds: Double
    /// Standard error, as written.
    var standardError: String
}

/// Runs a program with an address-space limit (`ulimit -v`, through `/bin/sh`) and a wall-time
/// limit, standard input and output on `/dev/null` and standard error into a file, and
/// reports how it ended; a child past its time limit is killed with its process group.
enum LimitedProcess {
    /// Runs `program` with `arguments` in `directory`, under `memoryBytes` of address space and
    /// `seconds` of wall time; `errorFile` receives standard error (overwritten).
    static func run(
        _ program: String,
        _ arguments: [String],
        in directory: String,
        memoryBytes: Int,
        seconds: Double,
        errorFile: String
    ) throws -> LimitedProcessOutcome {
        let script = "ulimit -v \(memoryBytes / 1024) && cd \"$1\" && shift && exec \"$@\""
        let argv = ["/bin/sh", "-c", script, "sh", directory, program] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        let started = Date()
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, cArguments, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        var waitStatus: Int32 = 0
        var usage = rusage()
        var timedOut = false
        var polled: UInt64 = 0
        while true {
            if let highWater = ProcessMemory.peakResidentBytes(ofProcess: pid) { polled = max(polled, highWater) }
            let result = wait4(pid, &waitStatus, WNOHANG, &usage)
            if result == pid { break }
            if result < 0, errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            if !timedOut, Date().timeIntervalSince(started) > seconds {
                timedOut = true
                kill(-pid, SIGKILL)
            }
            usleep(2_000)
        }
        let elapsed = Date().timeIntervalSince(started)
        let signal = waitStatus & 0x7F
        let ending: LimitedProcessOutcome.Ending =
            timedOut ? .timedOut : signal == 0 ? .exited((waitStatus >> 8) & 0xFF) : .signalled(signal)
        let errors = FileManager.default.contents(atPath: errorFile) ?? Data()
        return LimitedProcessOutcome(
            ending: ending,
            peakBytes: Int(peak(reported: UInt64(usage.ru_maxrss) * 1024, polled: polled)),
            seconds: elapsed,
            standardError: String(decoding: errors, as: UTF8.self)
        )
    }

    /// The child's own peak resident size (bytes), from what `wait4` reported and the largest
    /// high-water mark seen while polling `/proc/PID/status`.
    ///
    /// `ru_maxrss` also counts the memory image replaced at `exec`, and `posix_spawn` runs the
    /// child in this process's memory until then, so it is at least this test process's own
    /// peak. Above that peak it is the child's; at or below it, the polled mark is used, which
    /// misses at most growth in the child's last polling interval (2 ms).
    static func peak(reported: UInt64, polled: UInt64) -> UInt64 {
        let ownPeak = ProcessMemory.peakResidentBytes(ofProcess: nil) ?? 0
        return reported > ownPeak ? reported : polled
    }
}
