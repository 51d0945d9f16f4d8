internal import CLibUV

/// What a ``FileWatcher`` saw happen to a file.
public struct FileChangeKinds: OptionSet, Sendable, Hashable {
    /// The raw `uv_fs_event` bits.
    public let rawValue: Int32

    /// The kinds with raw bits `rawValue`.
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// `UV_RENAME`: the file was renamed, created or deleted (editors that save by renaming
    /// a new file over the old one cause this).
    public static let rename = FileChangeKinds(rawValue: Int32(UV_RENAME.rawValue))
    /// `UV_CHANGE`: the file's contents or attributes changed.
    public static let change = FileChangeKinds(rawValue: Int32(UV_CHANGE.rawValue))
}

/// One change reported by a ``FileWatcher``.
public struct FileChange: Sendable, Equatable {
    /// The name of the file that changed, relative to the watched path (for a watched file,
    /// usually its own base name), when the platform reports it.
    public let fileName: String?
    /// What happened.
    public let kinds: FileChangeKinds

    /// A change of `kinds` to `fileName`.
    public init(fileName: String?, kinds: FileChangeKinds) {
        self.fileName = fileName
        self.kinds = kinds
    }
}

/// Watches a file or directory for changes (`uv_fs_event`: inotify on Linux, FSEvents or
/// kqueue on macOS).
///
/// Editors often save by writing a new file and renaming it over the old one; after a
/// ``FileChangeKinds/rename`` the watch may follow the old file, so a watcher of a single
/// file should restart (``start(path:_:)`` again) after a rename.
public final class FileWatcher: LoopHandleOwner {
    let core: HandleCore
    private var onChange: ((Result<FileChange, UVError>) -> Void)?

    /// A stopped watcher on `loop`.
    public init(loop: EventLoop) throws(UVError) {
        let raw = HandleCore.allocate(UV_FS_EVENT)
        let status = uv_fs_event_init(loop.raw, raw.assumingMemoryBound(to: uv_fs_event_t.self))
        guard status >= 0 else {
            raw.deallocate()
            throw UVCall.error(status, "uv_fs_event_init")
        }
        core = HandleCore(loop: loop, raw: raw)
        core.attach(self)
    }

    /// Starts watching `path`, restarting if already watching; changes (or errors) go to
    /// `onChange` on the loop's thread. Changes made after this returns are reported.
    ///
    /// - Throws: `uv_fs_event_start`'s error, such as `ENOENT` for a missing path.
    public func start(path: String, _ onChange: @escaping (Result<FileChange, UVError>) -> Void) throws(UVError) {
        guard core.isOpen else { throw UVCall.closedHandle("uv_fs_event_start") }
        stop()
        self.onChange = onChange
        try UVCall.check(
            uv_fs_event_start(core.pointer(as: uv_fs_event_t.self), fileWatcherChanged, path, 0),
            "uv_fs_event_start"
        )
    }

    /// Stops watching; does nothing when stopped or closed.
    public func stop() {
        guard core.isOpen else { return }
        _ = uv_fs_event_stop(core.pointer(as: uv_fs_event_t.self))
    }

    /// The path being watched, or `nil` when stopped or closed.
    public var path: String? {
        guard core.isOpen else { return nil }
        var size = 4096
        var text = [CChar](repeating: 0, count: size)
        guard uv_fs_event_getpath(core.pointer(as: uv_fs_event_t.self), &text, &size) == 0 else { return nil }
        return String(decoding: text.prefix(size).map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
        onChange = nil
    }

    fileprivate func report(_ change: Result<FileChange, UVError>) {
        onChange?(change)
    }
}

/// The `uv_fs_event_cb` of every ``FileWatcher``.
private func fileWatcherChanged(
    _ handle: UnsafeMutablePointer<uv_fs_event_t>?,
    _ fileName: UnsafePointer<CChar>?,
    _ events: Int32,
    _ status: Int32
) {
    guard let watcher = HandleCore.owner(of: UnsafeMutableRawPointer(handle), as: FileWatcher.self) else { return }
    if status < 0 {
        watcher.report(.failure(UVCall.error(status, "uv_fs_event_start")))
    } else {
        watcher.report(
            .success(
                FileChange(fileName: fileName.map { String(cString: $0) }, kinds: FileChangeKinds(rawValue: events))
            )
        )
    }
}
