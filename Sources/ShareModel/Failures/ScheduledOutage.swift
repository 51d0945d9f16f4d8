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
    /// - Throws: ``SpecError`` about the outage, naming the field: the target's key when its
    ///   name is empty, `at` when `start` is before time zero, `for` when `end` is not after `start`.
    public init(target: FailureTarget, start: SimTime, end: SimTime) throws(SpecError) {
        let element = SpecElement(.outage, name: target.description)
        guard !target.name.isEmpty else {
            throw SpecError(element, .target(target), .emptyName)
        }
        guard start >= .zero else {
            throw SpecError(element, .at, .negative(got: "\(start.sinceStart)"))
        }
        guard end > start else {
            throw SpecError(element, .forDuration, .notPositive(got: "\(end - start)"))
        }
        self.target = target
        self.start = start
        self.end = end
    }

    /// An outage of `target` lasting `duration` from `start`.
    ///
    /// - Throws: as ``init(target:start:end:)``; a non-positive `duration` is reported as `for`.
    public init(target: FailureTarget, start: SimTime, duration: SimDuration) throws(SpecError) {
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
