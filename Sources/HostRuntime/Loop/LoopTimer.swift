internal import CLibUV

/// A libuv timer: calls back once after a delay, then optionally again at a fixed interval.
///
/// Times are in the loop's millisecond clock; durations are rounded up to whole
/// milliseconds. Like every handle, a timer must be closed (``close(_:)``) when done.
public final class LoopTimer: LoopHandleOwner {
    let core: HandleCore
    private var onFire: ((LoopTimer) -> Void)?

    /// A stopped timer on `loop`.
    public init(loop: EventLoop) throws(UVError) {
        let raw = HandleCore.allocate(UV_TIMER)
        let status = uv_timer_init(loop.raw, raw.assumingMemoryBound(to: uv_timer_t.self))
        guard status >= 0 else {
            raw.deallocate()
            throw UVCall.error(status, "uv_timer_init")
        }
        core = HandleCore(loop: loop, raw: raw)
        core.attach(self)
    }

    /// Starts (or restarts) the timer: `onFire` runs after `delay`, then every `interval` if
    /// one is given, until ``stop()`` or ``close(_:)``.
    ///
    /// - Parameters:
    ///   - delay: time until the first call, rounded up to whole milliseconds.
    ///   - interval: time between later calls, rounded up to whole milliseconds; `nil` (or
    ///     zero) fires once.
    ///   - onFire: called on the loop's thread with this timer.
    public func start(
        after delay: Duration,
        repeat interval: Duration? = nil,
        _ onFire: @escaping (LoopTimer) -> Void
    ) throws(UVError) {
        guard core.isOpen else { throw UVCall.closedHandle("uv_timer_start") }
        self.onFire = onFire
        let timeout = Self.milliseconds(delay)
        let repeatEvery = interval.map(Self.milliseconds) ?? 0
        try UVCall.check(
            uv_timer_start(core.pointer(as: uv_timer_t.self), loopTimerFired, timeout, repeatEvery),
            "uv_timer_start"
        )
    }

    /// Stops the timer; it can be started again. Does nothing on a closed timer.
    public func stop() {
        guard core.isOpen else { return }
        _ = uv_timer_stop(core.pointer(as: uv_timer_t.self))
    }

    /// Whether the timer is started and will fire.
    public var isActive: Bool {
        core.isOpen && uv_is_active(core.handle) != 0
    }

    /// Whether an active timer keeps ``EventLoop/run()`` from returning (the default).
    ///
    /// A guard or watchdog timer that must not by itself keep the loop running sets this to
    /// `false`.
    public var keepsLoopAlive: Bool {
        get { core.isReferenced }
        set { core.isReferenced = newValue }
    }

    /// Whether ``close(_:)`` has been called.
    public var isClosed: Bool { !core.isOpen }

    /// Stops the timer and releases it; `onClosed` runs once its memory is freed.
    ///
    /// Closing twice does nothing the second time.
    public func close(_ onClosed: (() -> Void)? = nil) {
        core.close(self, then: onClosed)
    }

    func handleWillClose() {
        onFire = nil
    }

    fileprivate func fire() {
        onFire?(self)
    }

    /// `duration` in whole milliseconds, rounded up; negative durations count as zero.
    static func milliseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, !(seconds == 0 && attoseconds <= 0) else { return 0 }
        let perMillisecond: Int64 = 1_000_000_000_000_000
        let (wholeMilliseconds, remainder) = attoseconds.quotientAndRemainder(dividingBy: perMillisecond)
        let fraction = UInt64(wholeMilliseconds) + (remainder > 0 ? 1 : 0)
        let (scaled, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1000)
        guard !overflow else { return UInt64.max }
        let (total, overflow2) = scaled.addingReportingOverflow(fraction)
        return overflow2 ? UInt64.max : total
    }
}

/// The `uv_timer_cb` of every ``LoopTimer``.
private func loopTimerFired(_ handle: UnsafeMutablePointer<uv_timer_t>?) {
    HandleCore.owner(of: UnsafeMutableRawPointer(handle), as: LoopTimer.self)?.fire()
}
