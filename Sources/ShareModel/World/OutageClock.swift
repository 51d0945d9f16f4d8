import SimCore

/// How many zones, edge sites and links are down now, and for how much of the measured
/// span at least one of them was: the "during outages" window of the run's figures.
///
/// Scheduled, random and manual (live) outages all count; a zone held down by two outages
/// counts once. O(1) per change, no allocation.
struct OutageClock: Sendable {
    /// Zones, edge sites and links down now.
    private(set) var down = 0
    /// When the current spell with something down began.
    private var since = SimTime.zero
    /// Measured time, in closed spells, with something down.
    private var measured = SimDuration.zero

    /// Whether any zone, edge site or link is down now.
    var isAnyDown: Bool { down > 0 }

    /// One more (`wentDown: true`) or one fewer thing is down at `time`; spells count from
    /// `start` (the end of the warm-up) on.
    mutating func change(wentDown: Bool, at time: SimTime, measuringFrom start: SimTime) {
        if wentDown {
            if down == 0 { since = time }
            down += 1
        } else {
            precondition(down > 0, "an outage ended that had not started")
            down -= 1
            if down == 0 { measured = measured + Self.overlap(from: since, to: time, start: start) }
        }
    }

    /// The measured time up to `end` during which something was down, in seconds.
    func measuredSeconds(until end: SimTime, measuringFrom start: SimTime) -> Double {
        let open = down > 0 ? Self.overlap(from: since, to: end, start: start) : .zero
        return (measured + open).seconds
    }

    /// The part of [`from`, `to`) after `start`.
    private static func overlap(from: SimTime, to: SimTime, start: SimTime) -> SimDuration {
        let begin = max(from, start)
        return to > begin ? to - begin : .zero
    }
}
