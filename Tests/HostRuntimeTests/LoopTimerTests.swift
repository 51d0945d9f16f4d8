import Testing

@testable import HostRuntime

@Suite("event loop and timers")
struct LoopTimerTests {
    @Test("a repeating timer fires five times, and stopping it lets the run end")
    func repeatingTimer() throws {
        let harness = try LoopHarness()
        let timer = try LoopTimer(loop: harness.loop)
        var fired = 0
        try timer.start(after: .milliseconds(1), repeat: .milliseconds(1)) { timer in
            fired += 1
            if fired == 5 { timer.stop() }
        }
        #expect(timer.isActive)
        harness.run()
        #expect(fired == 5)
        #expect(!timer.isActive)
        #expect(!harness.loop.isAlive, "a stopped timer keeps nothing alive")
        #expect(harness.openTestHandles == ["timer"], "stopped is not closed")

        var closed = false
        timer.close { closed = true }
        #expect(timer.isClosed)
        harness.run()
        #expect(closed)
        #expect(harness.openTestHandles.isEmpty)
        #expect(try harness.finish().leakedHandles == [])
    }

    @Test("a one-shot timer closed from its own callback fires once and releases its object")
    func oneShotTimer() throws {
        let harness = try LoopHarness()
        var fired = 0
        var weakTimer = WeakBox<LoopTimer>()
        do {
            let timer = try LoopTimer(loop: harness.loop)
            weakTimer.object = timer
            try timer.start(after: .milliseconds(2)) { timer in
                fired += 1
                timer.close()
            }
        }
        #expect(weakTimer.object != nil, "an open handle keeps its object alive")
        harness.run()
        #expect(fired == 1)
        #expect(weakTimer.object == nil, "the close callback released the object")
        #expect(try harness.finish().isClean)
    }

    @Test("creating and closing 1000 timers leaves nothing alive and releases every object")
    func manyTimers() throws {
        let harness = try LoopHarness()
        var closedCount = 0
        var weakTimers: [WeakBox<LoopTimer>] = []
        for index in 0..<1000 {
            let timer = try LoopTimer(loop: harness.loop)
            try timer.start(after: .seconds(60)) { _ in Issue.record("a closed timer fired") }
            if index.isMultiple(of: 2) { timer.stop() }
            weakTimers.append(WeakBox(object: timer))
            timer.close { closedCount += 1 }
        }
        #expect(harness.openTestHandles.isEmpty, "closing handles are not open")
        harness.run()
        #expect(closedCount == 1000)
        #expect(weakTimers.allSatisfy { $0.object == nil })
        #expect(!harness.loop.isAlive)
        #expect(try harness.finish().isClean)
    }

    @Test("closing the loop closes and reports the handles left open")
    func closeReportsLeaks() throws {
        let loop = try EventLoop()
        let timer = try LoopTimer(loop: loop)
        try timer.start(after: .seconds(60)) { _ in }
        let listener = try TCPListener(loop: loop, host: "127.0.0.1", port: 0)
        var timerClosed = false
        let tidy = try LoopTimer(loop: loop)
        tidy.close()
        let report = try loop.close()
        #expect(report.leakedHandles == ["timer", "tcp"])
        #expect(!report.isClean)
        #expect(timer.isClosed && listener.isClosed)
        timer.close { timerClosed = true }
        #expect(!timerClosed, "closing again does nothing")
        #expect(try loop.close().isClean, "closing a closed loop reports nothing")
    }

    @Test("a closed timer refuses to start, naming the function")
    func closedTimerThrows() throws {
        let harness = try LoopHarness()
        let timer = try LoopTimer(loop: harness.loop)
        timer.close()
        let error = #expect(throws: UVError.self) {
            try timer.start(after: .milliseconds(1)) { _ in }
        }
        #expect(error?.function == "uv_timer_start")
        #expect(error?.name == "EBADF")
        timer.stop()
        harness.run()
        #expect(try harness.finish().isClean)
    }

    @Test("the watchdog pattern: an unreferenced timer does not keep the loop running")
    func unreferencedTimer() throws {
        let harness = try LoopHarness()
        let timer = try LoopTimer(loop: harness.loop)
        var fired = false
        try timer.start(after: .seconds(30)) { _ in fired = true }
        timer.keepsLoopAlive = false
        #expect(!timer.keepsLoopAlive)
        harness.run()
        #expect(!fired)
        timer.close()
        harness.run()
        #expect(try harness.finish().isClean)
    }

    @Test("durations round up to whole milliseconds and never go negative")
    func durationRounding() {
        #expect(LoopTimer.milliseconds(.zero) == 0)
        #expect(LoopTimer.milliseconds(.milliseconds(-5)) == 0)
        #expect(LoopTimer.milliseconds(.nanoseconds(1)) == 1)
        #expect(LoopTimer.milliseconds(.milliseconds(7)) == 7)
        #expect(LoopTimer.milliseconds(.microseconds(7_001)) == 8)
        #expect(LoopTimer.milliseconds(.seconds(3)) == 3000)
        #expect(LoopTimer.milliseconds(.seconds(Int64.max)) == UInt64.max)
    }
}
