import Foundation
import HostRuntime
import Reports
import Scenario
import ShareModel

/// One `sharesim watch` session: runs a scenario file, watches it and every file it
/// `extends`, and re-runs it after each change, printing what moved.
///
/// Files are watched through their folders (one ``FileWatcher`` per folder, filtered by file
/// name), which survives editors that save by renaming a new file over the old one. Changes
/// are debounced, and a change that leaves every file's contents as they were is ignored.
public final class WatchSession {
    /// How a session ended.
    public enum Ending: Sendable {
        /// `--once-after-change` and a re-run finished.
        case rerunDone
        /// SIGINT or SIGTERM arrived.
        case interrupted
    }

    /// Quiet time after the last change before re-running.
    static let debounce: Duration = .milliseconds(200)

    private let path: String
    private let variant: String
    private let onceAfterChange: Bool
    private let loop: EventLoop
    private let debounceTimer: LoopTimer
    private var watchers: [String: FileWatcher] = [:]
    private var signals: [SignalWatcher] = []
    /// The watched files (absolute, standardised), with their contents at the last run.
    private var files: [String: Data?] = [:]
    private var last: HeadlineFigures?
    private var ending: Ending?

    /// Where the session's text goes: tables and changes to `output`, notes and errors to
    /// `diagnostics`.
    private let output: (String) -> Void
    private let diagnostics: (String) -> Void

    /// A session for the scenario file at `path` (its `variant`); `onceAfterChange` ends it
    /// after the first re-run. Text for standard output goes to `output`, notes and errors
    /// (with their `sharesim:` prefix) to `diagnostics`.
    public init(
        path: String,
        variant: String,
        onceAfterChange: Bool,
        output: @escaping (String) -> Void,
        diagnostics: @escaping (String) -> Void
    ) throws {
        self.output = output
        self.diagnostics = diagnostics
        self.path = URL(fileURLWithPath: path).standardizedFileURL.path
        self.variant = variant
        self.onceAfterChange = onceAfterChange
        loop = try EventLoop()
        debounceTimer = try LoopTimer(loop: loop)
    }

    /// Runs once, then watches until a signal (or the first re-run with `onceAfterChange`).
    public func run() throws -> Ending {
        for signal in [ProcessSignal.interrupt, .terminate, .hangup] {
            let watcher = try SignalWatcher(loop: loop)
            try watcher.start(signal) { [unowned self] _ in self.shutDown(.interrupted) }
            watcher.keepsLoopAlive = false
            signals.append(watcher)
        }
        _ = runScenario(initial: true)
        try rewatch()
        let count = files.count
        note("watching \(count) file\(count == 1 ? "" : "s") for changes; Ctrl-C to stop")
        loop.run()
        _ = try? loop.close()
        return ending ?? .interrupted
    }

    // MARK: Running

    /// Loads and runs the scenario, prints the table (first run) or what moved, and updates
    /// the watched files. Returns whether it ran.
    private func runScenario(initial: Bool) -> Bool {
        var watched: Set<String> = [path]
        defer { files = Dictionary(uniqueKeysWithValues: watched.map { ($0, Self.contents(of: $0)) }) }
        if !initial { watched.formUnion(files.keys) }
        let scenario: Scenario
        do {
            let loaded = try Scenario.load(path: path)
            watched = [path]
            watched.formUnion(loaded.sourceFiles)
            scenario = try loaded.applying(variant: variant)
        } catch {
            report(error)
            return false
        }
        let results: ModelResults
        do {
            results = try ModelRun.run(scenario.spec, seed: scenario.seed(forReplication: 1))
        } catch {
            report(error)
            return false
        }
        let figures = HeadlineFigures(results, focus: scenario.reportFocus)
        if let last, !initial {
            let moved = figures.changes(from: last)
            var text = "re-ran \(scenario.name) after a change:\n"
            text += moved.isEmpty ? "  no headline figure moved\n" : moved.map { "  " + $0 + "\n" }.joined()
            print(text)
        } else {
            print(figures.table(title: scenario.name))
        }
        last = figures
        return true
    }

    // MARK: Watching

    /// Watches the folder of every watched file (closing watchers no longer needed).
    private func rewatch() throws {
        let folders = Set(files.keys.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path })
        for (folder, watcher) in watchers where !folders.contains(folder) {
            watcher.close()
            watchers[folder] = nil
        }
        for folder in folders where watchers[folder] == nil {
            let watcher = try FileWatcher(loop: loop)
            do {
                try watcher.start(path: folder) { [unowned self] change in self.changed(change, in: folder) }
            } catch {
                watcher.close()
                note("cannot watch \(folder): \(error)")
                continue
            }
            watchers[folder] = watcher
        }
    }

    private func changed(_ change: Result<FileChange, UVError>, in folder: String) {
        guard ending == nil, case .success(let change) = change else { return }
        if let name = change.fileName {
            let changedPath = URL(fileURLWithPath: folder).appendingPathComponent(name).standardizedFileURL.path
            guard files.keys.contains(changedPath) else { return }
        }
        try? debounceTimer.start(after: Self.debounce) { [unowned self] _ in self.settle() }
    }

    /// Runs after the debounce: re-runs if any watched file's contents changed.
    private func settle() {
        guard ending == nil else { return }
        guard files.contains(where: { Self.contents(of: $0.key) != $0.value }) else { return }
        let ran = runScenario(initial: false)
        do {
            try rewatch()
        } catch {
            note("cannot watch: \(error)")
        }
        if ran, onceAfterChange { shutDown(.rerunDone) }
    }

    private func shutDown(_ reason: Ending) {
        guard ending == nil else { return }
        ending = reason
        debounceTimer.close()
        for watcher in watchers.values { watcher.close() }
        watchers = [:]
        for watcher in signals { watcher.close() }
        signals = []
    }

    // MARK: Output

    private static func contents(of path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }

    private func report(_ error: any Error) {
        let text: String
        if let error = error as? ScenarioError {
            text = error.diagnostics.map(\.description).joined(separator: "\n")
        } else {
            text = "sharesim: error: \(error)"
        }
        diagnostics(text + "\nsharesim: still watching; fix the file to re-run\n")
    }

    private func note(_ text: String) {
        diagnostics("sharesim: \(text)\n")
    }

    private func print(_ text: String) {
        output(text)
    }
}
