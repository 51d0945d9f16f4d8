import HostRuntime
import Testing

@Suite("child processes over pipes")
struct LoopChildProcessTests {
    @Test("lines written to cat come back through the line framing, and cat exits with status 0")
    func catEchoesLines() throws {
        let harness = try LoopHarness()
        var reader = LineReader(maximumLineLength: 1024)
        var lines: [String] = []
        var exit: ProcessExit?
        var outputEnded = false
        var child: ChildProcess?
        func closeWhenDone() {
            if exit != nil && outputEnded { child?.close() }
        }
        let spawned = try ChildProcess.spawn(on: harness.loop, executable: "/bin/cat") { status in
            exit = status
            closeWhenDone()
        }
        child = spawned
        #expect(spawned.id > 0)
        try spawned.standardOutput.startReading { event in
            switch event {
            case .data(let bytes):
                reader.append(bytes)
                do {
                    while let line = try reader.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
                } catch {
                    Issue.record("framing failed: \(error)")
                }
            case .endOfFile:
                outputEnded = true
                closeWhenDone()
            case .failure(let error):
                Issue.record("stdout failed: \(error)")
            }
        }
        // Line boundaries deliberately fall inside writes.
        for part in ["alpha\nbe", "ta\n", "gam", "ma\n", "{\"job\":42}\n"] { try spawned.standardInput.write(part) }
        try spawned.standardInput.shutdown()
        harness.run()
        #expect(lines == ["alpha", "beta", "gamma", "{\"job\":42}"])
        #expect(reader.takeRemainder() == nil)
        #expect(exit == ProcessExit(status: 0, signal: nil))
        #expect(exit?.isSuccess == true)
        #expect(try harness.finish().isClean)
    }

    @Test("sh -c 'exit 3' reports exit status 3")
    func exitStatus() throws {
        let harness = try LoopHarness()
        var exit: ProcessExit?
        var child: ChildProcess?
        child = try ChildProcess.spawn(on: harness.loop, executable: "/bin/sh", arguments: ["-c", "exit 3"]) { status in
            exit = status
            child?.close()
        }
        harness.run()
        #expect(exit == ProcessExit(status: 3, signal: nil))
        #expect(exit?.description == "exit status 3")
        #expect(child?.isClosed == true)
        #expect(try harness.finish().isClean)
    }

    @Test("killing sleep 10 with SIGTERM reports term signal 15")
    func killWithTerminate() throws {
        let harness = try LoopHarness()
        var exit: ProcessExit?
        var child: ChildProcess?
        child = try ChildProcess.spawn(on: harness.loop, executable: "sleep", arguments: ["10"]) { status in
            exit = status
            child?.close()
        }
        try child?.kill(.terminate)
        harness.run()
        #expect(exit?.signal == .terminate)
        #expect(exit?.signal?.rawValue == 15)
        #expect(exit?.description == "terminated by SIGTERM")
        #expect(try harness.finish().isClean)
    }

    @Test("spawning a missing executable throws ENOENT from uv_spawn and leaves no handle open")
    func missingExecutable() throws {
        let harness = try LoopHarness()
        let error = #expect(throws: UVError.self) {
            _ = try ChildProcess.spawn(on: harness.loop, executable: "/nonexistent/sharesim-worker") { _ in
                Issue.record("a process that never started exited")
            }
        }
        #expect(error?.name == "ENOENT")
        #expect(error?.function == "uv_spawn")
        #expect(harness.openTestHandles.isEmpty)
        harness.run()
        #expect(try harness.finish().isClean)
    }

    @Test("the environment is passed exactly and standard error can be read separately")
    func environmentAndStandardError() throws {
        let harness = try LoopHarness()
        var output: [UInt8] = []
        var errors: [UInt8] = []
        var ended = 0
        var exit: ProcessExit?
        var child: ChildProcess?
        func closeWhenDone() {
            if ended == 2 && exit != nil { child?.close() }
        }
        let spawned = try ChildProcess.spawn(
            on: harness.loop,
            executable: "/bin/sh",
            arguments: ["-c", "echo \"$GREETING-$HOME\"; echo oops >&2"],
            environment: ["GREETING": "hi"],
            standardError: .pipe
        ) { status in
            exit = status
            closeWhenDone()
        }
        child = spawned
        let errorPipe = try #require(spawned.standardError)
        for (pipe, isError) in [(spawned.standardOutput, false), (errorPipe, true)] {
            try pipe.startReading { event in
                switch event {
                case .data(let bytes): if isError { errors += bytes } else { output += bytes }
                case .endOfFile:
                    ended += 1
                    closeWhenDone()
                case .failure(let error): Issue.record("read failed: \(error)")
                }
            }
        }
        try spawned.standardInput.shutdown()
        harness.run()
        #expect(String(decoding: output, as: UTF8.self) == "hi-\n", "HOME is not inherited")
        #expect(String(decoding: errors, as: UTF8.self) == "oops\n")
        #expect(exit?.isSuccess == true)
        #expect(try harness.finish().isClean)
    }
}
