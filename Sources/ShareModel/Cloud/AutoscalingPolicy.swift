public import SimCore

/// A zone's target-tracking scaling policy, the way AWS target tracking and Alibaba Cloud
/// Auto Scaling work: the zone's server count follows its cores' utilisation.
///
/// Every ``period`` the zone measures its utilisation over the period just ended (busy cores
/// over in-service cores, both time-weighted) and compares it with ``targetUtilisation`` u*:
/// - above u*: scale out to `min(maxServers, max(N + stepOut, ⌈S·u/u*⌉))` servers, where N
///   counts servers in service or starting and S those in service: by ``stepOut`` at least,
///   or by as many as bring the measured load back to the target. New servers are paid from
///   the moment they are launched and serve after ``startup``.
/// - at or below u*, when the servers needed, `⌈S·u/u*⌉`, are at most `N − stepIn`: scale
///   in to that many (by ``stepIn`` at least), never below ``minServers``.
///   Idle cores leave at once; a busy core finishes its request, then leaves (no request in
///   service is ever interrupted), and is paid until it leaves.
/// - No action while the zone is down, and none until ``cooldown`` has passed since the
///   last action (out or in).
///
/// Valid by construction: the initialiser throws ``SpecError`` naming the field at fault.
public struct AutoscalingPolicy: Hashable, Sendable {
    /// The utilisation the policy holds, in (0, 1].
    public let targetUtilisation: Double
    /// The fewest servers the zone keeps, at least 1.
    public let minServers: Int
    /// The most servers the zone may run (in service plus starting), at least ``minServers``.
    public let maxServers: Int
    /// The fewest servers one scale-out adds, at least 1.
    public let stepOut: Int
    /// The servers one scale-in removes, at least 1.
    public let stepIn: Int
    /// The time after any scale action during which no other is taken; zero or more.
    public let cooldown: SimDuration
    /// The time from launching a server to its first request; zero or more.
    public let startup: SimDuration
    /// The time between two evaluations, and the window each measures; positive.
    public let period: SimDuration

    /// A policy; `element` is the zone (or region) errors name.
    ///
    /// - Throws: ``SpecError`` with field `autoscaling.<key>`: `target_utilisation` outside
    ///   (0, 100%], `min` below 1, `max` below `min`, `step_out` or `step_in` below 1,
    ///   `cooldown` or `startup` negative, `period` not positive.
    public init(
        targetUtilisation: Double,
        minServers: Int,
        maxServers: Int,
        stepOut: Int = 1,
        stepIn: Int = 1,
        cooldown: SimDuration = .zero,
        startup: SimDuration = .zero,
        period: SimDuration,
        element: SpecElement
    ) throws(SpecError) {
        let field = SpecField.autoscaling
        guard targetUtilisation.isFinite, targetUtilisation > 0, targetUtilisation <= 1 else {
            throw SpecError(
                element,
                field.child("target_utilisation"),
                .outOfRange(got: "\(targetUtilisation * 100)%", lower: "more than 0%", upper: "100%")
            )
        }
        try SpecError.require(minServers, in: 1...Int.max, element, field.child("min"))
        guard maxServers >= minServers else {
            throw SpecError(
                element,
                field.child("max"),
                .tooSmall(got: "\(maxServers)", minimum: "min (\(minServers))")
            )
        }
        try SpecError.require(stepOut, in: 1...Int.max, element, field.child("step_out"))
        try SpecError.require(stepIn, in: 1...Int.max, element, field.child("step_in"))
        guard cooldown >= .zero else {
            throw SpecError(element, field.child("cooldown"), .negative(got: "\(cooldown)"))
        }
        guard startup >= .zero else {
            throw SpecError(element, field.child("startup"), .negative(got: "\(startup)"))
        }
        guard period > .zero else {
            throw SpecError(element, field.child("period"), .notPositive(got: "\(period)"))
        }
        self.targetUtilisation = targetUtilisation
        self.minServers = minServers
        self.maxServers = maxServers
        self.stepOut = stepOut
        self.stepIn = stepIn
        self.cooldown = cooldown
        self.startup = startup
        self.period = period
    }

    /// The servers to run after an evaluation that measured utilisation `measured` on
    /// `serving` servers in service while `provisioned` servers are in service or starting;
    /// equal to `provisioned` for no action.
    ///
    /// - Complexity: O(1).
    public func decision(measured: Double, serving: Int, provisioned: Int) -> Int {
        // The servers that would carry the measured load at the target, ⌈S·u/u*⌉.
        let exact = (Double(serving) * measured / targetUtilisation).rounded(.up)
        let needed = exact < Double(maxServers) ? Int(exact) : maxServers
        if measured > targetUtilisation {
            return Swift.max(provisioned, Swift.min(maxServers, Swift.max(provisioned + stepOut, needed)))
        }
        guard needed <= provisioned - stepIn else { return provisioned }
        return Swift.min(provisioned, Swift.max(minServers, needed))
    }
}
