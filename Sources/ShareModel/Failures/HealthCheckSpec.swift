public import SimCore

/// How a load balancer probes one site to learn whether it is up: a probe every
/// ``interval``; a probe to a site that is down fails after ``timeout``; ``unhealthyAfter``
/// consecutive failures mark the site down, ``healthyAfter`` consecutive successes mark it up.
///
/// With a failure at a uniformly random phase, the time to detect it is uniform on
/// `[(k-1)·I + T, k·I + T]` for interval I, timeout T and k = ``unhealthyAfter`` (mean
/// `(k-½)·I + T`).
public struct HealthCheckSpec: Hashable, Sendable {
    /// The time between two probes of one site; positive.
    public let interval: SimDuration
    /// How long a probe to a dead site waits before it counts as failed; positive. A request
    /// sent to a dead site that is still believed up is lost after the same time.
    public let timeout: SimDuration
    /// Consecutive failed probes that mark an up site down; at least 1.
    public let unhealthyAfter: Int
    /// Consecutive successful probes that mark a down site up; at least 1.
    public let healthyAfter: Int

    /// A health check; `element` is what errors name (the scenario's `health_check` by default).
    ///
    /// - Throws: ``SpecError`` naming `interval` or `timeout` when not positive, and
    ///   `unhealthy_after` or `healthy_after` when below 1.
    public init(
        interval: SimDuration,
        timeout: SimDuration,
        unhealthyAfter: Int,
        healthyAfter: Int,
        element: SpecElement = SpecElement(.healthCheck)
    ) throws(SpecError) {
        guard interval > .zero else { throw SpecError(element, .interval, .notPositive(got: "\(interval)")) }
        guard timeout > .zero else { throw SpecError(element, .timeout, .notPositive(got: "\(timeout)")) }
        guard unhealthyAfter >= 1 else {
            throw SpecError(element, .unhealthyAfter, .tooSmall(got: "\(unhealthyAfter)", minimum: "1"))
        }
        guard healthyAfter >= 1 else {
            throw SpecError(element, .healthyAfter, .tooSmall(got: "\(healthyAfter)", minimum: "1"))
        }
        self.interval = interval
        self.timeout = timeout
        self.unhealthyAfter = unhealthyAfter
        self.healthyAfter = healthyAfter
    }

    /// The mean time from a failure to its detection, in seconds: `(k-½)·I + T`.
    public var meanDetectionSeconds: Double {
        (Double(unhealthyAfter) - 0.5) * interval.seconds + timeout.seconds
    }
}

/// A health check for one region's zones, one zone or one edge site, in place of the
/// scenario-wide one (a zone's own beats its region's).
public struct HealthCheckOverride: Hashable, Sendable {
    /// The region, zone or edge site it applies to.
    public let target: FailureTarget
    /// Its health check.
    public let check: HealthCheckSpec

    /// The check `check` for `target` (a region, zone or edge site; validation refuses others).
    public init(target: FailureTarget, check: HealthCheckSpec) {
        self.target = target
        self.check = check
    }
}

/// Zones that fail together (a power domain, a shared network spine): a failure that
/// targets the group takes every member down at the same instant.
public struct FailureGroupSpec: Hashable, Sendable {
    /// The group's name, as `failures[].group` refers to it.
    public let name: String
    /// The names of its zones; at least one, each a zone of the model.
    public let zones: [String]

    /// The group `name` of `zones`.
    ///
    /// - Throws: ``SpecError`` naming `name` when it is empty, `zones` when the list is empty.
    public init(name: String, zones: [String]) throws(SpecError) {
        let element = SpecElement(.failureGroup, name: name)
        guard !name.isEmpty else { throw SpecError(element, .name, .emptyName) }
        guard !zones.isEmpty else { throw SpecError(element, .zones, .empty) }
        self.name = name
        self.zones = zones
    }
}

/// A gray failure: the zones of `target` serve `factor` times slower over `start..<end`
/// (service times are multiplied by `factor`), but stay up and pass their health checks.
public struct ScheduledSlowdown: Hashable, Sendable {
    /// A zone, region or failure group.
    public let target: FailureTarget
    /// When the slowdown begins (simulated time since the start of the run).
    public let start: SimTime
    /// When it ends; after ``start``.
    public let end: SimTime
    /// The factor service times are multiplied by; positive and finite (above 1 slows down).
    public let factor: Double

    /// A slowdown of `target` by `factor` from `start` for `duration`.
    ///
    /// - Throws: ``SpecError`` about the slowdown naming `slowdown` when `factor` is not
    ///   positive and finite, the target's key when it is an edge site or link (only zones
    ///   slow down) or its name is empty, `at` when `start` is negative, `for` when
    ///   `duration` is not positive.
    public init(
        target: FailureTarget,
        start: SimTime,
        duration: SimDuration,
        factor: Double,
        element: SpecElement? = nil
    ) throws(SpecError) {
        let element = element ?? SpecElement(.slowdown, name: target.description)
        guard !target.name.isEmpty else { throw SpecError(element, .target(target), .emptyName) }
        switch target {
        case .zone, .region, .group: break
        case .edgeSite, .link:
            throw SpecError(
                element,
                .target(target),
                .other("cannot slow down: a slowdown applies to a zone, a region or a failure group")
            )
        }
        guard factor.isFinite, factor > 0 else { throw SpecError(element, .slowdown, .notPositive(got: "\(factor)")) }
        guard start >= .zero else { throw SpecError(element, .at, .negative(got: "\(start.sinceStart)")) }
        guard duration > .zero else { throw SpecError(element, .forDuration, .notPositive(got: "\(duration)")) }
        self.target = target
        self.start = start
        self.end = start + duration
        self.factor = factor
    }
}
