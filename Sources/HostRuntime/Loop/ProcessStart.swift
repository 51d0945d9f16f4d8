#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signal settings every ShareSim process needs before it does anything else.
public enum ProcessStart {
    /// Unblocks every signal on the calling thread (``SignalMask/unblockAll()``) and ignores
    /// `SIGPIPE` (``ignoreBrokenPipes()``) and `SIGXFSZ` process-wide. Call it first thing in
    /// `main`, before any thread starts, so that every command gets all three.
    ///
    /// With `SIGXFSZ` ignored, a write past `ulimit -f` fails with `EFBIG` and is reported
    /// like a full disk (the results file stops, the report is still written) instead of
    /// killing the process with a half-written temporary file.
    public static func prepare() {
        SignalMask.unblockAll()
        ignoreBrokenPipes()
        _ = signal(SIGXFSZ, SIG_IGN)
    }

    /// Ignores `SIGPIPE` for the whole process.
    ///
    /// On Linux a write to a socket or pipe whose reader is gone raises `SIGPIPE`, whose default
    /// action kills the process without a word (exit status 141): one dashboard tab closed at
    /// the wrong moment would end a live run. Ignored, the write fails with `EPIPE` instead and
    /// the writer closes that one connection. Calling it again does nothing more; the worker
    /// pool and ``HTTPServer`` call it too, for programs that did not call ``prepare()``.
    /// Child processes started by libuv get the default action back.
    public static func ignoreBrokenPipes() {
        _ = signal(SIGPIPE, SIG_IGN)
    }
}
