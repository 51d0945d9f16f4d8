internal import CLibUV

/// A POSIX signal number, such as `SIGINT`, with the platform's value.
public struct ProcessSignal: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The platform's signal number.
    public let rawValue: Int32

    /// The signal with number `rawValue`.
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// `SIGINT`: interrupt, sent by Ctrl-C in a terminal.
    public static let interrupt = ProcessSignal(rawValue: SIGINT)
    /// `SIGTERM`: polite request to terminate.
    public static let terminate = ProcessSignal(rawValue: SIGTERM)
    /// `SIGHUP`: the controlling terminal went away.
    public static let hangup = ProcessSignal(rawValue: SIGHUP)
    /// `SIGKILL`: immediate termination; cannot be caught or watched.
    public static let kill = ProcessSignal(rawValue: SIGKILL)
    /// `SIGUSR1`: user-defined signal 1.
    public static let user1 = ProcessSignal(rawValue: SIGUSR1)
    /// `SIGUSR2`: user-defined signal 2.
    public static let user2 = ProcessSignal(rawValue: SIGUSR2)

    /// The conventional name, such as `SIGINT`, or `signal N` for others.
    public var description: String {
        switch self {
        case .interrupt: "SIGINT"
        case .terminate: "SIGTERM"
        case .hangup: "SIGHUP"
        case .kill: "SIGKILL"
        case .user1: "SIGUSR1"
        case .user2: "SIGUSR2"
        default: "signal \(rawValue)"
        }
    }

    /// Sends this signal to the process `processID` (`uv_kill`).
    public func send(to processID: Int32) throws(UVError) {
        try UVCall.check(uv_kill(processID, rawValue), "uv_kill")
    }

    /// The id of the current process (`uv_os_getpid`).
    public static var currentProcessID: Int32 { uv_os_getpid() }
}
