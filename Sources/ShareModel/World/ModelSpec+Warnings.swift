import SimCore

extension ModelSpec {
    /// What in the description cannot act as written inside the run: planned outages that
    /// start after the run ends, end before measuring starts, or are cut off by the end
    /// (a shortened `--duration` moves the end), in outage order; then bursts outside the run or
    /// its measured span, in burst order; then priorities that act nowhere (see
    /// ``priorityWarnings``); then bytes that would move in no time (see
    /// ``transferWarnings``). One sentence each.
    public var warnings: [String] {
        outageWarnings + burstWarnings + priorityWarnings + transferWarnings
    }

    /// Workload priorities that change nothing: a class with a priority other than 0 while no
    /// zone serves by priority (one sentence, naming the first such class), or each zone that
    /// serves by priority while every class has the same priority (it serves first come, first
    /// served).
    public var priorityWarnings: [String] {
        let priorityZones = zones.filter { $0.zone.discipline.isPriority }.map(\.zone.name)
        guard !priorityZones.isEmpty else {
            guard let given = workloadClasses.first(where: { $0.priority != 0 }) else { return [] }
            return [
                "workload '\(given.name)' has priority \(given.priority), but no zone has discipline priority or "
                    + "preemptive-priority: priorities have no effect"
            ]
        }
        let first = workloadClasses.first?.priority ?? 0
        guard workloadClasses.allSatisfy({ $0.priority == first }) else { return [] }
        return priorityZones.map { zone in
            "zone '\(zone)' serves by priority, but every workload class has the same priority: it serves "
                + "first come, first served"
        }
    }

    /// Planned outages that cannot act as written.
    var outageWarnings: [String] {
        let measureStart = SimTime.zero + warmup
        let runEnd = measureStart + duration
        return outages.compactMap { outage -> String? in
            let what = "the outage of \(outage.target) from \(outage.start.sinceStart) to \(outage.end.sinceStart)"
            if outage.start >= runEnd {
                return what + " starts after the run ends at \(runEnd.sinceStart): it has no effect"
            }
            if outage.end <= measureStart {
                return what + " ends before measuring starts at \(measureStart.sinceStart): no figure shows it"
            }
            if outage.end > runEnd {
                return what + " is cut off by the run's end at \(runEnd.sinceStart)"
            }
            return nil
        }
    }
}

extension WorldModel {
    /// The description's warnings, then every workload class with more than 1% of its
    /// requests still in flight at the end (its latency and success figures cover only the
    /// requests that ended), then every zone whose cores were at least 98% busy over the
    /// measured time: its waits, rejections and timeouts describe an overloaded zone; then
    /// every health-checked zone with outages that ended before they were detected.
    func warnings(workloads: [WorkloadResults], zones: [ZoneResults]) -> [String] {
        spec.warnings
            + traceProblems
            + workloads.compactMap(Self.unfinishedWarning)
            + zones.compactMap { zone in
                guard let undetected = zone.detection?.undetectedOutages, undetected > 0 else { return nil }
                return "zone '\(zone.name)': \(undetected) outage(s) ended before its health check detected them; "
                    + "the router kept sending it requests, which waited out the timeout"
            }
            + zones.compactMap { zone in
                guard let scaling = zone.autoscaling, scaling.evaluationsAtMax > 0 else { return nil }
                let most = FixedDecimal.text(scaling.maxServers, decimals: 0) ?? "?"
                return "zone '\(zone.name)' reached its autoscaling maximum (\(most) servers) while above its "
                    + "target utilisation (\(scaling.evaluationsAtMax) evaluations): it needed more servers than "
                    + "max allows"
            }
            + zones.filter { $0.utilisation >= Self.saturatedUtilisation }.map { zone in
                let percent = FixedDecimal.text(zone.utilisation * 100, decimals: 1) ?? "100"
                return "zone '\(zone.name)' was saturated: \(percent)% of its cores busy over the measured time; "
                    + "its waits, rejections and timeouts describe an overloaded zone"
            }
    }

    /// The warning for `workload` if more than ``unfinishedFraction`` of the requests that
    /// arrived in the measured span were still in flight when the run ended, else nil.
    static func unfinishedWarning(_ workload: WorkloadResults) -> String? {
        guard workload.arrived > 0,
            Double(workload.inFlight) > unfinishedFraction * Double(workload.arrived)
        else { return nil }
        let percent = FixedDecimal.text(Double(workload.inFlight) / Double(workload.arrived) * 100, decimals: 1) ?? "?"
        return "workload '\(workload.name)': \(workload.inFlight) of \(workload.arrived) requests (\(percent)%) "
            + "were still in flight when the run ended (unfinished, counted against success); its latency "
            + "figures cover only the requests that ended, so they understate the overload"
    }

    /// The fraction of arrived requests still in flight at the end above which a class is
    /// warned about: a run's last moments always leave some (about rate × time in system).
    static let unfinishedFraction = 0.01

    /// The utilisation from which a zone counts as saturated (its offered load at or above
    /// its capacity, less the idle moments a saturated queue still has).
    static let saturatedUtilisation = 0.98
}
