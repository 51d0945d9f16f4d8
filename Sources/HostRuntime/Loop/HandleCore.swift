internal import CLibUV

/// Implemented by every Swift object that owns one libuv handle.
///
/// The handle's `data` field holds one retain of its owner, taken when the handle is
/// initialised and released in the close callback, after the handle's memory is freed. So an
/// owner lives at least as long as its handle, callbacks always find a live object, and a
/// handle the program forgot is still reachable through ``EventLoop/close()``.
protocol LoopHandleOwner: AnyObject {
    /// The handle's memory and lifecycle state.
    var core: HandleCore { get }
    /// Drops the Swift callbacks (and any buffers) when the handle starts closing, which
    /// breaks reference cycles running through the callbacks.
    func handleWillClose()
}

/// The memory and lifecycle of one libuv handle; shared by every handle wrapper.
final class HandleCore {
    /// Where a handle is in its life.
    enum State {
        /// Initialised and usable.
        case open
        /// `uv_close` was called; the close callback has not run yet.
        case closing
        /// The close callback ran and the memory is freed.
        case closed
    }

    /// The loop the handle belongs to; kept alive by every handle on it.
    let loop: EventLoop
    /// The handle's memory, sized by `uv_handle_size` for its type.
    let raw: UnsafeMutableRawPointer
    /// Where the handle is in its life.
    private(set) var state: State = .open
    /// Called once the handle's memory is freed.
    var onClosed: (() -> Void)?

    /// Wraps memory from ``allocate(_:)`` that a `uv_*_init` call has initialised.
    init(loop: EventLoop, raw: UnsafeMutableRawPointer) {
        self.loop = loop
        self.raw = raw
    }

    /// Uninitialised memory for a handle of `type`, freed by the close callback.
    static func allocate(_ type: uv_handle_type) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer.allocate(
            byteCount: uv_handle_size(type),
            alignment: MemoryLayout<uv_any_handle>.alignment
        )
    }

    /// The handle as the generic `uv_handle_t`.
    var handle: UnsafeMutablePointer<uv_handle_t> { raw.assumingMemoryBound(to: uv_handle_t.self) }

    /// The handle as its concrete type, such as `uv_timer_t`.
    func pointer<Handle>(as type: Handle.Type) -> UnsafeMutablePointer<Handle> {
        raw.assumingMemoryBound(to: type)
    }

    /// Whether the handle can still be used.
    var isOpen: Bool { state == .open }

    /// Stores one retain of `owner` in the handle's `data`; released by the close callback.
    func attach(_ owner: any LoopHandleOwner) {
        handle.pointee.data = Unmanaged<AnyObject>.passRetained(owner).toOpaque()
    }

    /// Whether the handle keeps ``EventLoop/run()`` from returning while it is active.
    var isReferenced: Bool {
        get { isOpen && uv_has_ref(handle) != 0 }
        set {
            guard isOpen else { return }
            if newValue { uv_ref(handle) } else { uv_unref(handle) }
        }
    }

    /// Starts closing the handle; does nothing if it is already closing or closed.
    func close(_ owner: any LoopHandleOwner, then onClosed: (() -> Void)?) {
        guard state == .open else { return }
        state = .closing
        self.onClosed = onClosed
        owner.handleWillClose()
        uv_close(handle, loopHandleDidClose)
    }

    /// Called from the close callback: frees the memory and reports the close.
    fileprivate func didClose() {
        state = .closed
        raw.deallocate()
        let callback = onClosed
        onClosed = nil
        callback?()
    }

    /// The owner stored in a handle's `data`, if it is one of ours.
    static func owner(of handle: UnsafeMutableRawPointer?) -> AnyObject? {
        guard let data = handle?.assumingMemoryBound(to: uv_handle_t.self).pointee.data else { return nil }
        return Unmanaged<AnyObject>.fromOpaque(data).takeUnretainedValue()
    }

    /// The owner stored in a handle's `data`, if it is an `Owner`.
    static func owner<Owner: AnyObject>(of handle: UnsafeMutableRawPointer?, as type: Owner.Type) -> Owner? {
        owner(of: handle) as? Owner
    }
}

/// The close callback of every handle: frees its memory, then releases its owner.
private func loopHandleDidClose(_ handle: UnsafeMutablePointer<uv_handle_t>?) {
    guard let handle, let data = handle.pointee.data else { return }
    handle.pointee.data = nil
    let object = Unmanaged<AnyObject>.fromOpaque(data).takeRetainedValue()
    guard let owner = object as? any LoopHandleOwner else { return }
    owner.core.didClose()
}
