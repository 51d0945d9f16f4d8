import HostRuntime
import Testing

@Suite("signal watchers")
struct LoopSignalTests {
    @Test("SIGUSR1 sent to this process reaches an active watcher as SIGUSR1")
    func userSignal() throws {
        let harness = try LoopHarness()
        let watcher = try SignalWatcher(loop: harness.loop)
        var received: [ProcessSignal] = []
        try watcher.start(.user1) { signal in
            received.append(signal)
            watcher.close()
        }
        #expect(watcher.signal == .user1)
        try ProcessSignal.user1.send(to: ProcessSignal.currentProcessID)
        harness.run()
        #expect(received == [.user1])
        #expect(received.first?.description == "SIGUSR1")
        #expect(try harness.finish().isClean)
    }

    @Test("an unreferenced watcher does not keep the loop running")
    func unreferencedWatcher() throws {
        let harness = try LoopHarness()
        let watcher = try SignalWatcher(loop: harness.loop)
        try watcher.start(.user2) { _ in Issue.record("no SIGUSR2 was sent") }
        watcher.keepsLoopAlive = false
        harness.run()
        watcher.stop()
        #expect(watcher.signal == nil)
        watcher.close()
        harness.run()
        #expect(try harness.finish().isClean)
    }

    @Test("signals have the platform's numbers and names")
    func signalNumbers() {
        #expect(ProcessSignal.terminate.rawValue == 15)
        #expect(ProcessSignal.interrupt.rawValue == 2)
        #expect(ProcessSignal.kill.rawValue == 9)
        #expect(ProcessSignal.interrupt.description == "SIGINT")
        #expect(ProcessSignal(rawValue: 40).description == "signal 40")
    }
}
