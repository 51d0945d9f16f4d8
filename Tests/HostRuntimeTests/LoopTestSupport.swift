import HostRuntime
import Testing

/// An event loop with a watchdog, so that no loop test can hang.
///
/// The watchdog is a timer that does not keep the loop alive: when the test's own handles
/// finish, `run` returns at once; if they never do, the watchdog stops the loop after
/// `timeout` and `run` records a failure.
final class LoopHarness {
    let loop: EventLoop
    private let watchdog: LoopTimer
    private let flag = TimeoutFlag()
    /// Objects kept alive until the harness goes (clients a callback created, say).
    private var kept: [AnyObject] = []

    init(timeout: Duration = .seconds(20)) throws {
        loop = try EventLoop()
        watchdog = try LoopTimer(loop: loop)
        let flag = flag
        let loop = loop
        try watchdog.start(after: timeout) { _ in
            flag.timedOut = true
            loop.stop()
        }
        watchdog.keepsLoopAlive = false
    }

    /// Runs the loop until the test's handles are done (or the watchdog fires).
    func run(sourceLocation: SourceLocation = #_sourceLocation) {
        loop.run()
        #expect(!flag.timedOut, "the loop timed out", sourceLocation: sourceLocation)
    }

    /// Keeps `object` alive as long as the harness.
    func keep(_ object: AnyObject) {
        kept.append(object)
    }

    /// Whether the watchdog fired.
    var timedOut: Bool { flag.timedOut }

    /// Open handles other than the watchdog.
    var openTestHandles: [String] {
        Array(loop.openHandles.dropFirst())
    }

    /// Closes the watchdog, then the loop; returns what the loop still had to close.
    func finish() throws -> LoopCloseReport {
        watchdog.close()
        return try loop.close()
    }
}

/// Set by the watchdog.
final class TimeoutFlag {
    var timedOut = false
}

/// A weak reference, to check that closed handles are released.
struct WeakBox<Object: AnyObject> {
    weak var object: Object?
}
