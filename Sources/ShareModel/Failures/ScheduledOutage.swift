public import SimCore

/// A planned outage: `target` is down from `start` (inclusive) to `end` (exclusive).
public struct ScheduledOutage: Hashable, Sendable {
    /// What is down.
    public let target: FailureTarget
    /// The instant the outage begins (simulated time since the start of the run).
    public let start: SimTime
    /// The instant the target is back up; always after ``start``.
    public let end: SimTime

    /// An outage of `target` over `start..<end`.
    ///
    /// - Throws: ``FailureSpecError`` naming the field: `target` when its name is empty,
    ///   `start` when it is before time zero, `end` when it is not after `start`.
    public init(target: FailureTarget, start: SimTime, end: SimTime) throws(FailureSpecError) {
        let element = "outage of \(target)"
        guard !target.name.isEmpty else {
            throw FailureSpecError(element: element, field: "target", reason: .emptyName)
        }
        guard start >= .zero else {
            throw FailureSpecError(
                element: element,
                field: "start",
                reason: .negativeInstant(nanoseconds: start.nanoseconds)
            )
        }
        guard end > start else {
            throw FailureSpecError(
                element: element,
                field: "end",
                reason: .endNotAfterStart(start: start.nanoseconds, end: end.nanoseconds)
            )
        }
        self.target = target
        self.start = start
        self.end = end
    }

    /// An outage of `target` lasting `duration` from `start`.
    ///
    /// - Throws: as ``init(target:start:end:)``; a non-positive `duration` is reported as `end`.
    public init(target: FailureTarget, start: SimTime, duration: SimDuration) throws(FailureSpecError) {
        try self.init(target: target, start: start, end: start + duration)
    }
}

/// One period during which a target is down: `start` (inclusive) to `end` (exclusive).
public struct OutageWindow: Hashable, Sendable, CustomStringConvertible {
    /// The instant the target goes down.
    public var start: SimTime
    /// The instant the target is back up; after ``start``.
    public var end: SimTime

    /// The window `start..<end`. Internal: windows come out of a ``FailureSchedule``.
    init(start: SimTime, end: SimTime) {
        assert(end > start, "an outage window must have positive length")
        self.start = start
        self.end = end
    }

    /// How long the target is down.
    public var duration: SimDuration { end - start }

    /// Whether `time` falls in the window (`start` counts, `end` does not).
    public func contains(_ time: SimTime) -> Bool { start <= time && time < end }

    /// The window as `[start, end)` in readable units.
    public var description: String { "[\(start.sinceStart), \(end.sinceStart))" }
}
