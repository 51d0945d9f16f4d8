import Foundation
import HostRuntime
import Testing

@Suite("file watchers")
struct LoopFileWatcherTests {
    @Test("writing to a watched file reports a change with the file's name")
    func changeReported() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sharesim-watch-\(ProcessSignal.currentProcessID)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("scenario.yaml")
        try Data("a: 1\n".utf8).write(to: file)

        let harness = try LoopHarness()
        let watcher = try FileWatcher(loop: harness.loop)
        var changes: [FileChange] = []
        try watcher.start(path: file.path) { result in
            switch result {
            case .success(let change): changes.append(change)
            case .failure(let error): Issue.record("watch failed: \(error)")
            }
            watcher.close()
        }
        #expect(watcher.path == file.path)
        // The watch is in place when start returns, so this write is seen.
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("b: 2\n".utf8))
        try handle.close()
        harness.run()
        #expect(changes.count == 1)
        #expect(changes.first?.fileName == "scenario.yaml")
        #expect(changes.first?.kinds.contains(.change) == true)
        #expect(try harness.finish().isClean)
    }

    @Test("watching a missing path throws ENOENT")
    func missingPath() throws {
        let harness = try LoopHarness()
        let watcher = try FileWatcher(loop: harness.loop)
        let error = #expect(throws: UVError.self) {
            try watcher.start(path: "/nonexistent/sharesim/scenario.yaml") { _ in }
        }
        #expect(error?.name == "ENOENT")
        watcher.close()
        harness.run()
        #expect(try harness.finish().isClean)
    }
}
