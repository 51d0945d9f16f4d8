internal import CLibUV

/// A child process started with `uv_spawn`, with its standard input and output connected to
/// this process by pipes.
///
/// ```swift
/// let child = try ChildProcess.spawn(on: loop, executable: "/bin/cat") { exit in
///     print(exit)          // exit status 0
/// }
/// try child.standardOutput.startReading { event in ... }
/// try child.standardInput.write("hello\n")
/// try child.standardInput.shutdown()   // cat sees end of input and exits
/// ```
///
/// The exit callback and the end of the output pipes arrive in either order. ``close(_:)``
/// closes the process handle and any of its pipes still open; it does not kill the process.
public final class ChildProcess: LoopHandleOwner {
    /// What happens to the child's standard error.
    public enum StandardErrorMode: Sendable {
        /// The child writes to this process's standard error.
        case inherit
        /// Standard error is read through ``ChildProcess/standardError``.
        case pipe
        /// Standard error is discarded.
        case ignore
    }

    let core: HandleCore
    /// Writes to the child's standard input; ``ByteStream/shutdown(_:)`` ends its input.
    public let standardInput: PipeStream
    /// Reads the child's standard output.
    public let standardOutput: PipeStream
    /// Reads the child's standard error, when spawned with ``StandardErrorMode/pipe``.
    public let standardError: PipeStream?
    /// How the process ended, once it has.
    public private(set) var exit: ProcessExit?
    private var onExit: ((ProcessExit) -> Void)?
    private var processID: Int32 = 0

    private init(
        loop: EventLoop,
        raw: UnsafeMutableRawPointer,
        standardInput: PipeStream,
        standardOutput: PipeStream,
        standardError: PipeStream?,
        onExit: @escaping (ProcessExit) -> Void
    ) {
        core = HandleCore(loop: loop, raw: raw)
        self.standardInput = standardInput
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.onExit = onExit
        core.attach(self)
    }

    /// Starts `executable` with `arguments`.
    ///
    /// - Parameters:
    ///   - loop: the loop that reports the pipes and the exit.
    ///   - executable: a path, or a name looked up in `PATH`; it is also the child's `argv[0]`.
    ///   - arguments: the arguments after `argv[0]`.
    ///   - environment: the child's whole environment, or `nil` to inherit this process's.
    ///   - workingDirectory: the child's working directory, or `nil` for this process's.
    ///   - standardError: where the child's standard error goes.
    ///   - onExit: called once on the loop's thread when the process ends.
    /// - Throws: `uv_spawn`'s error, such as `ENOENT` for a missing executable; no handle
    ///   stays open then (the loop frees them on its next run or close).
    public static func spawn(
        on loop: EventLoop,
        executable: String,
        arguments: [String] = [],
        environment: [String: String]? = nil,
        workingDirectory: String? = nil,
        standardError: StandardErrorMode = .inherit,
        onExit: @escaping (ProcessExit) -> Void
    ) throws(UVError) -> ChildProcess {
        var pipes: [PipeStream] = []
        let input: PipeStream
        let output: PipeStream
        let errorPipe: PipeStream?
        do {
            input = try PipeStream(loop: loop)
            pipes.append(input)
            output = try PipeStream(loop: loop)
            pipes.append(output)
            errorPipe = standardError == .pipe ? try PipeStream(loop: loop) : nil
            if let errorPipe { pipes.append(errorPipe) }
        } catch {
            for pipe in pipes { pipe.close(nil) }
            throw error
        }
        let process = ChildProcess(
            loop: loop,
            raw: HandleCore.allocate(UV_PROCESS),
            standardInput: input,
            standardOutput: output,
            standardError: errorPipe,
            onExit: onExit
        )
        var stdio = [
            Self.pipe(input, flags: UV_READABLE_PIPE.rawValue),
            Self.pipe(output, flags: UV_WRITABLE_PIPE.rawValue),
            Self.standardErrorContainer(standardError, pipe: errorPipe),
        ]
        let argv = CStringArray([executable] + arguments)
        let envp = environment.map { environment in
            CStringArray(environment.keys.sorted().map { "\($0)=\(environment[$0] ?? "")" })
        }
        let status = withExtendedLifetime((argv, envp)) {
            stdio.withUnsafeMutableBufferPointer { stdio in
                executable.withCString { file in
                    Self.withOptionalCString(workingDirectory) { cwd in
                        var options = uv_process_options_t()
                        options.exit_cb = childProcessExited
                        options.file = file
                        options.args = argv.pointers
                        options.env = envp?.pointers
                        options.cwd = cwd
                        options.stdio_count = Int32(stdio.count)
                        options.stdio = stdio.baseAddress
                        return uv_spawn(loop.raw, process.core.pointer(as: uv_process_t.self), &options)
                    }
                }
            }
        }
        guard status >= 0 else {
            // uv_spawn initialised the process handle even though it failed: close it.
            process.close(nil)
            throw UVCall.error(status, "uv_spawn")
        }
        process.processID = uv_process_get_pid(process.core.pointer(as: uv_process_t.self))
        return process
    }

    /// The child's process id.
    public var id: Int32 { processID }

    /// Sends `signal` to the child.
    ///
    /// - Throws: `ESRCH` if the process has already exited, or a closed-handle error.
    public func kill(_ signal: ProcessSignal = .terminate) throws(UVError) {
        guard core.isOpen else { throw UVCall.closedHandle("uv_process_kill") }
        try UVCall.check(uv_process_kill(core.pointer(as: uv_process_t.self), signal.rawValue), "uv_process_kill")
    }

    /// Whether a running child keeps ``EventLoop/run()`` from returning (the default).
    public var keepsLoopAlive: Bool {
        get { core.isReferenced }
        set { core.isReferenced = newValue }
    }

    /// Whether ``close(_:)`` has been called.
    public var isClosed: Bool { !core.isOpen }

    /// Closes the process handle and every pipe of the child still open; `onClosed` runs
    /// once the process handle's memory is freed. A child still running is not killed; its
    /// exit is then not reported.
    public func close(_ onClosed: (() -> Void)? = nil) {
        standardInput.close(nil)
        standardOutput.close(nil)
        standardError?.close(nil)
        core.close(self, then: onClosed)
    }

    func handleWillClose() {
        onExit = nil
    }

    fileprivate func exited(status: Int64, signal: Int32) {
        let exit = ProcessExit(status: status, signal: signal == 0 ? nil : ProcessSignal(rawValue: signal))
        self.exit = exit
        onExit?(exit)
    }

    private static func pipe(_ pipe: PipeStream, flags: UInt32) -> uv_stdio_container_t {
        var container = uv_stdio_container_t()
        container.flags = uv_stdio_flags(rawValue: UV_CREATE_PIPE.rawValue | flags)
        container.data.stream = pipe.streamPointer
        return container
    }

    private static func standardErrorContainer(
        _ mode: StandardErrorMode,
        pipe errorPipe: PipeStream?
    ) -> uv_stdio_container_t {
        if let errorPipe { return pipe(errorPipe, flags: UV_WRITABLE_PIPE.rawValue) }
        var container = uv_stdio_container_t()
        switch mode {
        case .inherit, .pipe:
            container.flags = UV_INHERIT_FD
            container.data.fd = 2
        case .ignore:
            container.flags = UV_IGNORE
        }
        return container
    }

    private static func withOptionalCString<Result>(
        _ text: String?,
        _ body: (UnsafePointer<CChar>?) -> Result
    ) -> Result {
        guard let text else { return body(nil) }
        return text.withCString { body($0) }
    }
}

/// A NULL-terminated array of C strings, as `uv_spawn` takes for `args` and `env`; freed
/// when released.
private final class CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointers = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() {
            let utf8 = string.utf8CString
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: utf8.count)
            _ = UnsafeMutableBufferPointer(start: copy, count: utf8.count).initialize(from: utf8)
            (pointers + index).initialize(to: copy)
        }
        (pointers + strings.count).initialize(to: nil)
    }

    deinit {
        for index in 0..<count { pointers[index]?.deallocate() }
        pointers.deallocate()
    }
}

/// The `uv_exit_cb` of every ``ChildProcess``.
private func childProcessExited(_ handle: UnsafeMutablePointer<uv_process_t>?, _ status: Int64, _ signal: Int32) {
    HandleCore.owner(of: UnsafeMutableRawPointer(handle), as: ChildProcess.self)?.exited(status: status, signal: signal)
}
