/// Maps wall-clock time to simulated time for a run paced at a chosen speed, with pause and
/// resume; pure arithmetic on seconds, so it is tested without a clock.
///
/// The clock keeps an anchor (a wall time and the simulated time it maps to); changing the
/// speed, pausing or resuming re-anchors at the moment of the change, so simulated time never
/// jumps:
///
/// ```swift
/// var clock = PacedClock(speed: .factor(10))   // 10 simulated seconds per wall second
/// clock.simulatedSeconds(atWall: 2)            // 20
/// clock.pause(atWall: 2)
/// clock.simulatedSeconds(atWall: 5)            // 20
/// clock.resume(atWall: 5)
/// clock.simulatedSeconds(atWall: 6)            // 30
/// ```
public struct PacedClock: Sendable, Equatable {
    /// How fast simulated time runs.
    public enum Speed: Sendable, Hashable, CustomStringConvertible {
        /// This many simulated seconds per wall-clock second (positive).
        case factor(Double)
        /// As fast as the simulation can run.
        case unlimited

        /// Parses `max` (or `unlimited`) or a positive number such as `10` or `0.5`.
        public init?(parsing text: String) {
            let trimmed = text.trimmingSpaces
            if trimmed == "max" || trimmed == "unlimited" {
                self = .unlimited
                return
            }
            guard let value = Double(trimmed), value.isFinite, value > 0 else { return nil }
            self = .factor(value)
        }

        /// `max`, or the factor such as `10` or `0.5`.
        public var description: String {
            switch self {
            case .unlimited: "max"
            case .factor(let value):
                value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
            }
        }
    }

    /// The current speed.
    public private(set) var speed: Speed
    /// Whether simulated time stands still.
    public private(set) var isPaused: Bool
    /// The wall time of the anchor, in seconds.
    private var anchorWall: Double
    /// The simulated time at the anchor, in seconds.
    private var anchorSimulated: Double

    /// A running clock at `speed` whose simulated time is `simulatedSeconds` at wall time
    /// `wallSeconds`.
    public init(speed: Speed, simulatedSeconds: Double = 0, atWall wallSeconds: Double = 0) {
        if case .factor(let value) = speed {
            precondition(value > 0 && value.isFinite, "PacedClock: the speed must be positive and finite")
        }
        self.speed = speed
        isPaused = false
        anchorWall = wallSeconds
        anchorSimulated = simulatedSeconds
    }

    /// The simulated time the run should have reached at wall time `wallSeconds`: the anchor
    /// while paused, `+infinity` at ``Speed/unlimited`` speed.
    public func simulatedSeconds(atWall wallSeconds: Double) -> Double {
        if isPaused { return anchorSimulated }
        switch speed {
        case .unlimited: return .infinity
        case .factor(let factor): return anchorSimulated + max(0, wallSeconds - anchorWall) * factor
        }
    }

    /// Stops simulated time at `simulatedSeconds` (where the run actually is) from wall time
    /// `wallSeconds`. Pausing twice does nothing the second time.
    public mutating func pause(atWall wallSeconds: Double, simulatedSeconds: Double) {
        guard !isPaused else { return }
        isPaused = true
        anchorWall = wallSeconds
        anchorSimulated = simulatedSeconds
    }

    /// Lets simulated time run again from where it was paused. Does nothing when running.
    public mutating func resume(atWall wallSeconds: Double) {
        guard isPaused else { return }
        isPaused = false
        anchorWall = wallSeconds
    }

    /// Changes the speed at wall time `wallSeconds`, continuing from `simulatedSeconds`
    /// (where the run actually is); a paused clock stays paused.
    public mutating func setSpeed(_ speed: Speed, atWall wallSeconds: Double, simulatedSeconds: Double) {
        if case .factor(let value) = speed {
            precondition(value > 0 && value.isFinite, "PacedClock: the speed must be positive and finite")
        }
        self.speed = speed
        rebase(atWall: wallSeconds, simulatedSeconds: simulatedSeconds)
    }

    /// Re-anchors at (`wallSeconds`, `simulatedSeconds`) without changing speed or pause
    /// state: used when the run fell behind and should not try to catch up in a burst.
    public mutating func rebase(atWall wallSeconds: Double, simulatedSeconds: Double) {
        anchorWall = wallSeconds
        anchorSimulated = simulatedSeconds
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
