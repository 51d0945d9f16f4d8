internal import CLibUV

/// Watches for a POSIX signal (such as Ctrl-C's `SIGINT`) and reports it on the loop's thread.
///
/// libuv's handler only records the signal; the callback runs later, from the loop, so it
/// may do anything. While a watcher for a signal is active, the signal's default action
/// (such as terminating the process) does not happen.
///
/// A watcher whose only job is to end a run cleanly usually sets ``keepsLoopAlive`` to
/// `false`, so it does not keep the loop running by itself.
public final class SignalWatcher: LoopHandleOwner {
    let core: HandleCore
    private var onSignal: ((ProcessSignal) -> Void)?

    /// A stopped watcher on `loop`.
    public init(loop: EventLoop) throws(UVError) {
        let raw = HandleCore.allocate(UV_SIGNAL)
        let status = uv_signal_init(loop.raw, raw.assumingMemoryBound(to: uv_signal_t.self))
        guard status >= 0 else {
            raw.deallocate()
            throw UVCall.error(status, "uv_signal_init")
        }
        core = HandleCore(loop: loop, raw: raw)
        core.attach(self)
    }

    /// Starts watching `signal`, replacing any signal watched before.
    ///
    /// - Parameters:
    ///   - signal: the signal to watch; `SIGKILL` and `SIGSTOP` cannot be watched.
    ///   - oneShot: stop after the first delivery, restoring the signal's default action.
    ///   - onSignal: called on the loop's thread with the signal, once per delivery (signals
    ///     arriving close together may be reported once).
    public func start(
        _ signal: ProcessSignal,
        oneShot: Bool = false,
        _ onSignal: @escaping (ProcessSignal) -> Void
    ) throws(UVError) {
        guard core.isOpen else { throw UVCall.closedHandle("uv_signal_start") }
        self.onSignal = onSignal
        let handle = core.pointer(as: uv_signal_t.self)
        if oneShot {
            try UVCall.check(
                uv_signal_start_oneshot(handle, signalWatcherFired, signal.rawValue),
                "uv_signal_start_oneshot"
            )
        } else {
            try UVCall.check(uv_signal_start(handle, signalWatcherFired, signal.rawValue), "uv_signal_start")
        }
    }

    /// Stops watching; the signal's default action applies again. Does nothing when closed.
    public func stop() {
        guard core.isOpen else { return }
        _ = uv_signal_stop(core.pointer(as: uv_signal_t.self))
    }

    /// The signal being watched, or `nil` when stopped or closed.
    public var signal: ProcessSignal? {
        guard core.isOpen, uv_is_active(core.handle) != 0 else { return nil }
        return ProcessSignal(rawValue: core.pointer(as: uv_signal_t.self).pointee.signum)
    }

    /// Whether an active watcher keeps ``EventLoop/run()`` from returning (the default).
    public var keepsLoopAlive: Bool {
        get { core.isReferenced }
        set { core.isReferenced = newValue }
    }

    /// Whether ``close(_:)`` has been called.
    public var isClosed: Bool { !core.isOpen }

    /// Stops watching and releases the watcher; `onClosed` runs once its memory is freed.
    public func close(_ onClosed: (() -> Void)? = nil) {
        core.close(self, then: onClosed)
    }

    func handleWillClose() {
        onSignal = nil
    }

    fileprivate func deliver(_ signalNumber: Int32) {
        onSignal?(ProcessSignal(rawValue: signalNumber))
    }
}

/// The `uv_signal_cb` of every ``SignalWatcher``.
private func signalWatcherFired(_ handle: UnsafeMutablePointer<uv_signal_t>?, _ signalNumber: Int32) {
    HandleCore.owner(of: UnsafeMutableRawPointer(handle), as: SignalWatcher.self)?.deliver(signalNumber)
}
