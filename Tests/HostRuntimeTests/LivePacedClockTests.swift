import HostRuntime
import Testing

@Suite("Paced clock")
struct LivePacedClockTests {
    @Test("simulated time runs at the speed from the anchor")
    func speed() {
        let clock = PacedClock(speed: .factor(10), simulatedSeconds: 5, atWall: 1)
        #expect(clock.simulatedSeconds(atWall: 1) == 5)
        #expect(clock.simulatedSeconds(atWall: 3) == 25)
        #expect(clock.simulatedSeconds(atWall: 0) == 5)
    }

    @Test("pause holds simulated time; resume continues from there without a jump")
    func pauseResume() {
        var clock = PacedClock(speed: .factor(2))
        #expect(clock.simulatedSeconds(atWall: 4) == 8)
        clock.pause(atWall: 4, simulatedSeconds: 8)
        #expect(clock.isPaused)
        #expect(clock.simulatedSeconds(atWall: 100) == 8)
        clock.pause(atWall: 50, simulatedSeconds: 99)
        #expect(clock.simulatedSeconds(atWall: 100) == 8)
        clock.resume(atWall: 10)
        #expect(!clock.isPaused)
        #expect(clock.simulatedSeconds(atWall: 10) == 8)
        #expect(clock.simulatedSeconds(atWall: 13) == 14)
    }

    @Test("a speed change re-anchors at the run's position; a paused clock stays paused")
    func setSpeed() {
        var clock = PacedClock(speed: .factor(1))
        clock.setSpeed(.factor(100), atWall: 10, simulatedSeconds: 9)
        #expect(clock.simulatedSeconds(atWall: 11) == 109)
        clock.setSpeed(.unlimited, atWall: 11, simulatedSeconds: 109)
        #expect(clock.simulatedSeconds(atWall: 12) == .infinity)
        clock.pause(atWall: 12, simulatedSeconds: 500)
        clock.setSpeed(.factor(3), atWall: 13, simulatedSeconds: 500)
        #expect(clock.isPaused)
        #expect(clock.simulatedSeconds(atWall: 20) == 500)
        clock.resume(atWall: 20)
        #expect(clock.simulatedSeconds(atWall: 21) == 503)
    }

    @Test("a rebase drops the backlog of a run that fell behind")
    func rebase() {
        var clock = PacedClock(speed: .factor(1000))
        #expect(clock.simulatedSeconds(atWall: 1) == 1000)
        clock.rebase(atWall: 1, simulatedSeconds: 200)
        #expect(clock.simulatedSeconds(atWall: 2) == 1200)
    }

    @Test("speeds parse from numbers and max")
    func parsing() {
        #expect(PacedClock.Speed(parsing: "max") == .unlimited)
        #expect(PacedClock.Speed(parsing: " 10 ") == .factor(10))
        #expect(PacedClock.Speed(parsing: "0.5") == .factor(0.5))
        #expect(PacedClock.Speed(parsing: "0") == nil)
        #expect(PacedClock.Speed(parsing: "-1") == nil)
        #expect(PacedClock.Speed(parsing: "fast") == nil)
        #expect(PacedClock.Speed(parsing: "inf") == nil)
        #expect(PacedClock.Speed.factor(10).description == "10")
        #expect(PacedClock.Speed.factor(0.5).description == "0.5")
        #expect(PacedClock.Speed.unlimited.description == "max")
    }
}
