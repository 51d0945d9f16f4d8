import ShareModel
import SimCore

extension ScenarioBuilder {
    /// The scenario's health check when it has none written: 5 s between probes, 2 s
    /// timeout, down after 3 failures, up after 2 successes (the figures in the README).
    static let defaultHealthCheck = (
        interval: SimDuration.seconds(5), timeout: SimDuration.seconds(2), unhealthyAfter: 3, healthyAfter: 2
    )

    /// Reads `health_check` from `reader` (the scenario's, or a region's, zone's or edge
    /// site's when `target` names it) into ``healthCheck`` or ``healthCheckOverrides``.
    /// Every value is checked where it is written: durations positive, thresholds at least 1.
    mutating func readHealthCheck(_ reader: inout MappingReader, for target: FailureTarget?) {
        let context = target.map { "'health_check' of \($0)" } ?? "'health_check'"
        let element = SpecElement(.healthCheck, name: target?.name ?? "")
        let read =
            reader.mapping("health_check", context: context) { check -> HealthCheckSpec? in
                let defaults = Self.defaultHealthCheck
                let positive = ValueParser<SimDuration>.simDuration.positiveDuration
                let threshold = ValueParser<Int>.count.atLeast(1)
                let interval = check.optional("interval", as: positive, default: defaults.interval)
                let timeout = check.optional("timeout", as: positive, default: defaults.timeout)
                let unhealthy = check.optional("unhealthy_after", as: threshold, default: defaults.unhealthyAfter)
                let healthy = check.optional("healthy_after", as: threshold, default: defaults.healthyAfter)
                do throws(SpecError) {
                    return try HealthCheckSpec(
                        interval: interval,
                        timeout: timeout,
                        unhealthyAfter: unhealthy,
                        healthyAfter: healthy,
                        element: element
                    )
                } catch {
                    check.error(Self.message(for: error))
                    return nil
                }
            } ?? nil
        guard let read else { return }
        if let target {
            healthCheckOverrides.append(HealthCheckOverride(target: target, check: read))
        } else {
            healthCheck = read
        }
    }

    /// Reads `failure_groups`: each `{name, zones: [zone names]}`, every zone one of the
    /// scenario's (an unknown one is an error at its place, with a suggestion).
    mutating func readFailureGroups(_ top: inout MappingReader) -> [FailureGroupSpec] {
        let groups =
            top.named("failure_groups", element: "failure group") { group, name -> FailureGroupSpec? in
                self.elements[SpecElement(.failureGroup, name: name)] = group.node
                guard let zones = group.list("zones", of: .name, required: true) else { return nil }
                if let nodes = group.entry("zones")?.value.sequenceElements {
                    for (zone, node) in zip(zones, nodes) {
                        self.requireKnown(
                            zone,
                            among: self.zoneNames,
                            kind: "zone",
                            from: "failure group '\(name)'",
                            at: node
                        )
                    }
                }
                do throws(SpecError) {
                    return try FailureGroupSpec(name: name, zones: zones)
                } catch {
                    self.report(error, in: &group)
                    return nil
                }
            } ?? []
        groupNames = ReferenceNames(
            top.node("failure_groups").flatMap { node in node.sequenceElements?.compactMap(\.name) } ?? []
        )
        return groups
    }
}
