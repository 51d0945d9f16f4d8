import SimCore

extension ModelSpec {
    /// What in the description cannot act as written inside the run: planned outages that
    /// start after the run ends, end before measuring starts, or are cut off by the end
    /// (a shortened `--duration` moves the end). One sentence each, in outage order.
    public var warnings: [String] {
        let measureStart = SimTime.zero + warmup
        let runEnd = measureStart + duration
        return outages.compactMap { outage in
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
    /// The description's warnings, then every zone whose cores were at least 98% busy over
    /// the measured time: its waits, rejections and timeouts describe an overloaded zone.
    func warnings(zones: [ZoneResults]) -> [String] {
        spec.warnings
            + zones.filter { $0.utilisation >= Self.saturatedUtilisation }.map { zone in
                let percent = FixedDecimal.text(zone.utilisation * 100, decimals: 1) ?? "100"
                return "zone '\(zone.name)' was saturated: \(percent)% of its cores busy over the measured time; "
                    + "its waits, rejections and timeouts describe an overloaded zone"
            }
    }

    /// The utilisation from which a zone counts as saturated (its offered load at or above
    /// its capacity, less the idle moments a saturated queue still has).
    static let saturatedUtilisation = 0.98
}
