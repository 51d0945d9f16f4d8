#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calling thread's signal mask.
public enum SignalMask {
    /// Unblocks every signal on the calling thread, which threads it starts inherit.
    ///
    /// A process inherits its parent's signal mask across `exec`: started from a thread that
    /// blocks signals (a Dispatch worker, a test runner), it would never see `SIGCHLD`
    /// (so libuv could not notice its workers exit) nor `SIGINT`. Call this first thing in
    /// `main`, before any thread starts.
    public static func unblockAll() {
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
    }
}
