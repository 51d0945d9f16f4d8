internal import CLibUV

/// A single-threaded libuv event loop and the owner of every handle created on it.
///
/// Handles (timers, signal watchers, pipes, TCP sockets, child processes, file watchers) are
/// created on a loop and report through Swift closures while the loop runs. Everything about
/// a loop happens on the thread that calls ``run()``: the loop, its handles and their
/// callbacks are not `Sendable`, and a loop must never be run from two threads at once or
/// re-entered from one of its own callbacks.
///
/// Every handle must be closed; ``close()`` closes whatever is still open and reports it, so
/// a forgotten handle shows up instead of leaking silently.
///
/// ```swift
/// let loop = try EventLoop()
/// let timer = try LoopTimer(loop: loop)
/// try timer.start(after: .milliseconds(10)) { timer in print("tick"); timer.close() }
/// loop.run()
/// let report = try loop.close()   // report.leakedHandles is empty
/// ```
public final class EventLoop {
    /// The libuv loop.
    let raw: UnsafeMutablePointer<uv_loop_t>
    /// Whether ``close()`` succeeded (the memory is freed then).
    private var isClosed = false
    /// Whether a `run` call is in progress, to catch re-entrant runs.
    private var isRunning = false

    /// A new loop with no handles.
    public init() throws(UVError) {
        let loop = UnsafeMutablePointer<uv_loop_t>.allocate(capacity: 1)
        let status = uv_loop_init(loop)
        guard status >= 0 else {
            loop.deallocate()
            throw UVCall.error(status, "uv_loop_init")
        }
        raw = loop
    }

    deinit {
        // Every handle retains its loop, so none of ours is open here. If libuv still refuses
        // to close, the loop's memory is leaked on purpose: freeing memory libuv may still
        // use would be worse.
        guard !isClosed else { return }
        _ = try? close()
    }

    /// Runs until no active, referenced handle or request is left, or until ``stop()``.
    ///
    /// - Returns: `true` if the loop was stopped while something was still active.
    @discardableResult
    public func run() -> Bool { run(UV_RUN_DEFAULT) }

    /// Polls for events once, waiting if nothing is ready, and runs their callbacks.
    ///
    /// - Returns: `true` if something is still active (more callbacks are expected).
    @discardableResult
    public func runOnce() -> Bool { run(UV_RUN_ONCE) }

    /// Runs the callbacks of events that are ready now, without waiting.
    ///
    /// - Returns: `true` if something is still active (more callbacks are expected).
    @discardableResult
    public func runNoWait() -> Bool { run(UV_RUN_NOWAIT) }

    private func run(_ mode: uv_run_mode) -> Bool {
        precondition(!isClosed, "EventLoop: run after close")
        precondition(!isRunning, "EventLoop: run called from inside one of its own callbacks")
        isRunning = true
        defer { isRunning = false }
        return uv_run(raw, mode) != 0
    }

    /// Makes the current ``run()`` return after this loop iteration; call it from a callback.
    public func stop() {
        guard !isClosed else { return }
        uv_stop(raw)
    }

    /// Whether any referenced handle is active or any request is pending, that is, whether
    /// ``run()`` would do anything.
    public var isAlive: Bool {
        !isClosed && uv_loop_alive(raw) != 0
    }

    /// The loop's cached time in milliseconds, updated at the start of each iteration.
    public var nowMilliseconds: UInt64 {
        isClosed ? 0 : uv_now(raw)
    }

    /// The handles on this loop that are open (not closed or closing), by libuv type name
    /// (such as `timer` or `tcp`), in creation order.
    public var openHandles: [String] {
        guard !isClosed else { return [] }
        return collectHandles().filter { uv_is_closing($0) == 0 }.map(Self.typeName(of:))
    }

    /// Closes every handle still open, runs the loop until their close callbacks have run,
    /// and releases the loop.
    ///
    /// Pending writes and connects on the handles it closes complete with `ECANCELED`.
    /// Calling it again after it succeeded does nothing and reports nothing.
    ///
    /// - Returns: the handles that were still open, which a careful program never has.
    /// - Throws: `uv_loop_close`'s error (`EBUSY`) if libuv still holds something; the loop
    ///   then stays usable and `close` may be tried again.
    @discardableResult
    public func close() throws(UVError) -> LoopCloseReport {
        guard !isClosed else { return LoopCloseReport(leakedHandles: []) }
        precondition(!isRunning, "EventLoop: close called from inside one of its own callbacks")
        var leaked: [String] = []
        for handle in collectHandles() where uv_is_closing(handle) == 0 {
            leaked.append(Self.typeName(of: handle))
            if let owner = HandleCore.owner(of: UnsafeMutableRawPointer(handle)) as? any LoopHandleOwner {
                owner.core.close(owner, then: nil)
            } else {
                uv_close(handle, nil)
            }
        }
        _ = run(UV_RUN_DEFAULT)
        try UVCall.check(uv_loop_close(raw), "uv_loop_close")
        isClosed = true
        raw.deallocate()
        return LoopCloseReport(leakedHandles: leaked)
    }

    /// Every handle libuv knows on this loop (internal ones excluded), in creation order.
    private func collectHandles() -> [UnsafeMutablePointer<uv_handle_t>] {
        let box = HandleList()
        withExtendedLifetime(box) {
            uv_walk(raw, collectHandle, Unmanaged.passUnretained(box).toOpaque())
        }
        return box.handles
    }

    private static func typeName(of handle: UnsafeMutablePointer<uv_handle_t>) -> String {
        guard let name = uv_handle_type_name(uv_handle_get_type(handle)) else { return "unknown" }
        return String(cString: name)
    }
}

/// Handles collected by a `uv_walk`.
private final class HandleList {
    var handles: [UnsafeMutablePointer<uv_handle_t>] = []
}

/// The `uv_walk` callback: appends the handle to the ``HandleList`` in `arg`.
private func collectHandle(_ handle: UnsafeMutablePointer<uv_handle_t>?, _ arg: UnsafeMutableRawPointer?) {
    guard let handle, let arg else { return }
    Unmanaged<HandleList>.fromOpaque(arg).takeUnretainedValue().handles.append(handle)
}
