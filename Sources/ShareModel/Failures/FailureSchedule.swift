public import SimCore

/// Every outage of every target over `0..<horizon`, computed once, before the run.
///
/// Built from planned outages (``ScheduledOutage``) and random failures
/// (``RandomFailureSpec``): each random target alternates up and down periods drawn from
/// its own ``RandomStream``, named `failures/` plus the target's
/// ``FailureTarget/stableName`` under the schedule's seed, so its windows depend only on the
/// seed and its own spec: adding or removing another target never changes them.
///
/// Per target, windows are sorted by start and merged wherever they overlap or touch, so no
/// two windows of a target share an instant. Windows are clipped to the horizon.
///
/// The value is immutable and `Sendable`; queries are read-only.
public struct FailureSchedule: Equatable, Sendable {
    /// The end of the scheduled span: nothing is down at or after it.
    public let horizon: SimTime
    /// The seed the random streams were derived from.
    public let seed: UInt64
    /// Merged, sorted windows per target; targets with no window are absent.
    let windowsByTarget: [FailureTarget: [OutageWindow]]
    /// The targets that have at least one window, in ``FailureTarget`` order (by stable name).
    public let targets: [FailureTarget]

    /// The schedule of `scheduled` outages and `random` failures over `0..<horizon`.
    ///
    /// - Parameters:
    ///   - scheduled: planned outages, in any order; several may name the same target and
    ///     overlap (they are merged).
    ///   - random: at most one spec per target; a target may also have planned outages.
    ///   - seed: the run's seed.
    ///   - horizon: the end of the span to schedule; must be after time zero.
    /// - Throws: ``SpecError`` about the scenario's `duration` when `horizon` is not after time
    ///   zero, or about the later random failure (field: its target key) when a target has a
    ///   second random-failure spec.
    /// - Complexity: O(k log k) for k windows in all, drawing two samples per up/down cycle.
    public init(
        scheduled: [ScheduledOutage] = [],
        random: [RandomFailureSpec] = [],
        seed: UInt64,
        horizon: SimTime
    ) throws(SpecError) {
        guard horizon > .zero else {
            throw SpecError(.scenario, .duration, .notPositive(got: "\(horizon.sinceStart)"))
        }
        var raw: [FailureTarget: [OutageWindow]] = [:]
        for outage in scheduled where outage.start < horizon {
            raw[outage.target, default: []].append(OutageWindow(start: outage.start, end: min(outage.end, horizon)))
        }
        var seen: Set<FailureTarget> = []
        for (index, spec) in random.enumerated() {
            guard seen.insert(spec.target).inserted else {
                throw SpecError(
                    .randomFailure(index, of: spec.target),
                    .target(spec.target),
                    .other("repeats the target \(spec.target): give each target at most one random-failure spec")
                )
            }
            raw[spec.target, default: []].append(
                contentsOf: Self.randomWindows(of: spec, seed: seed, horizon: horizon)
            )
        }
        var merged: [FailureTarget: [OutageWindow]] = [:]
        for (target, windows) in raw {
            let result = Self.merge(windows)
            if !result.isEmpty { merged[target] = result }
        }
        self.horizon = horizon
        self.seed = seed
        self.windowsByTarget = merged
        self.targets = merged.keys.sorted()
    }

    /// The name of the random stream a target's failures are drawn from.
    static func streamName(for target: FailureTarget) -> String { "failures/\(target.stableName)" }

    /// The down periods of one random spec over `0..<horizon`, in time order (not merged).
    ///
    /// The target starts up at time zero; each cycle draws an up period, then a down period,
    /// from the target's own stream. Negative draws count as zero; zero-length down periods
    /// produce no window.
    static func randomWindows(of spec: RandomFailureSpec, seed: UInt64, horizon: SimTime) -> [OutageWindow] {
        var stream = RandomStream(seed: seed, name: streamName(for: spec.target))
        var windows: [OutageWindow] = []
        var now = SimTime.zero
        while true {
            let up = SimDuration.seconds(max(0, spec.timeToFailureSeconds.sample(using: &stream)))
            let failure = now + up
            if failure >= horizon { break }
            let down = SimDuration.seconds(max(0, spec.timeToRepairSeconds.sample(using: &stream)))
            let repair = failure + down
            let end = min(repair, horizon)
            if end > failure { windows.append(OutageWindow(start: failure, end: end)) }
            if repair >= horizon { break }
            now = repair
        }
        return windows
    }

    /// `windows` sorted by start, with overlapping or touching windows joined.
    ///
    /// - Complexity: O(k log k) for k windows.
    static func merge(_ windows: [OutageWindow]) -> [OutageWindow] {
        let sorted = windows.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var result: [OutageWindow] = []
        result.reserveCapacity(sorted.count)
        for window in sorted {
            if let last = result.last, window.start <= last.end {
                result[result.count - 1].end = max(last.end, window.end)
            } else {
                result.append(window)
            }
        }
        return result
    }

    /// The outage windows of `target`: sorted, disjoint, not touching; empty if it never fails.
    public func windows(for target: FailureTarget) -> [OutageWindow] {
        windowsByTarget[target] ?? []
    }

    /// Whether `target` is down at `time` (a window's start counts as down, its end as up).
    ///
    /// Only the target's own windows count: a zone is not reported down because its region
    /// is; the model combines the two.
    ///
    /// - Complexity: O(log k) for k windows of the target (binary search).
    public func isDown(_ target: FailureTarget, at time: SimTime) -> Bool {
        guard let windows = windowsByTarget[target] else { return false }
        // The first window that ends after `time`; `time` is down iff that window has started.
        var low = 0
        var high = windows.count
        while low < high {
            let middle = (low + high) / 2
            if windows[middle].end <= time { low = middle + 1 } else { high = middle }
        }
        return low < windows.count && windows[low].start <= time
    }

    /// The total time `target` is down within `0..<horizon`.
    public func downtime(of target: FailureTarget) -> SimDuration {
        windows(for: target).reduce(SimDuration.zero) { $0 + $1.duration }
    }

    /// The fraction of `0..<horizon` during which `target` is up (dimensionless, 0...1).
    public func availability(of target: FailureTarget) -> Double {
        1 - downtime(of: target).seconds / horizon.seconds
    }
}
