/// How a child process ended: its exit status, or the signal that terminated it.
public struct ProcessExit: Sendable, Equatable, CustomStringConvertible {
    /// The exit status the process returned (0 when a signal ended it).
    public let status: Int64
    /// The signal that terminated the process, or `nil` if it exited by itself.
    public let signal: ProcessSignal?

    /// An exit with `status` and terminating `signal`.
    public init(status: Int64, signal: ProcessSignal?) {
        self.status = status
        self.signal = signal
    }

    /// Whether the process exited by itself with status 0.
    public var isSuccess: Bool { status == 0 && signal == nil }

    /// `exit status N` or `terminated by SIGNAME`.
    public var description: String {
        if let signal { return "terminated by \(signal)" }
        return "exit status \(status)"
    }
}
