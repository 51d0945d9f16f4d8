import SimCore

/// One site's health checker: its settings, its run of probe results, and what it measured.
///
/// The site's detected state lives in ``SiteState/detectedUp`` beside its role, where the
/// router reads it; this holds the rest. A trivial struct: probing allocates nothing.
struct HealthProbe: Sendable {
    /// The site it probes.
    let site: SiteID
    /// The time between probes.
    let interval: SimDuration
    /// How long a probe to a dead site waits before it fails.
    let timeout: SimDuration
    /// Consecutive failures that mark the site down.
    let unhealthyAfter: Int32
    /// Consecutive successes that mark the site up.
    let healthyAfter: Int32
    /// Consecutive failed probes so far.
    var failures: Int32 = 0
    /// Consecutive successful probes so far.
    var successes: Int32 = 0
    /// When the site truly went down last.
    var downSince = SimTime.zero
    /// When the site truly came back up last.
    var upSince = SimTime.zero
    /// What it measured after the warm-up.
    var tally = DetectionTally()

    /// The checker of `site` under `check`.
    init(site: SiteID, check: HealthCheckSpec) {
        self.site = site
        interval = check.interval
        timeout = check.timeout
        unhealthyAfter = Int32(clamping: check.unhealthyAfter)
        healthyAfter = Int32(clamping: check.healthyAfter)
    }
}

/// What one site's health checker measured: detections and their delays, in seconds.
struct DetectionTally: Sendable {
    /// Outages marked down while the site was still down.
    var detected: UInt64 = 0
    /// Their detection delays (failure to mark-down), summed, smallest and largest.
    var delaySum = 0.0
    var delayMin = Double.infinity
    var delayMax = 0.0
    /// Outages that ended before they were detected.
    var undetected: UInt64 = 0
    /// Mark-downs that came after the site had already recovered.
    var lateMarkDowns: UInt64 = 0
    /// Recoveries marked up while the site was still up, and their delays summed.
    var recovered: UInt64 = 0
    var recoveryDelaySum = 0.0
}

extension WorldModel {
    /// Gives every zone and edge site with a health check (its own, its region's, or the
    /// scenario's) a ``HealthProbe``; the others keep instant knowledge.
    ///
    /// - Complexity: O(sites × overrides), once.
    mutating func buildHealthChecks() {
        probes = []
        for site in sites.ids {
            let check: HealthCheckSpec?
            switch sites[site].role {
            case .zone(let zone):
                let name = spec.zones[zone.offset].zone.name
                let region = spec.regions[zones[zone].region.offset].region.name
                check =
                    spec.healthCheckOverrides.first { $0.target == .zone(name) }?.check
                    ?? spec.healthCheckOverrides.first { $0.target == .region(region) }?.check ?? spec.healthCheck
            case .edge(let edge):
                let name = spec.edgeSites[edge.offset].name
                check = spec.healthCheckOverrides.first { $0.target == .edgeSite(name) }?.check ?? spec.healthCheck
            case .pool:
                check = nil
            }
            guard let check else { continue }
            sites[site].probe = Int32(probes.count)
            probes.append(HealthProbe(site: site, check: check))
        }
    }

    /// Whether any site is health-checked (else the router knows the truth at once).
    var hasHealthChecks: Bool { !probes.isEmpty }

    /// Schedules each checker's first probe at a phase drawn uniformly over one interval
    /// from the stream `health-check/<site name>`, so probes are not synchronised and adding
    /// a site does not move the others' probes.
    mutating func startHealthChecks<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        let names = spec.siteNames
        for index in probes.indices {
            let site = probes[index].site
            var stream = RandomStream(seed: seed, name: "health-check/\(names[site.offset])")
            let phase = SimDuration.nanoseconds(
                Int64(stream.nextInt(below: UInt64(probes[index].interval.nanoseconds)))
            )
            if SimTime.zero + phase < runEnd {
                scheduler.schedule(Kind.probe, target: UInt32(index), at: SimTime.zero + phase)
            }
        }
    }

    /// Whether `site` (a zone or an edge site) is truly up now.
    func isTrulyUp(_ site: SiteID) -> Bool {
        switch sites[site].role {
        case .zone(let zone): zones[zone].engine.isUp
        case .edge(let edge): edgeSites[edge].isUp
        case .pool: true
        }
    }

    /// Checker `index` probes its site now: an up site answers at once; a down one fails the
    /// probe after the timeout (event ``Kind/probeTimeout``). The next probe follows one
    /// interval later.
    mutating func probe<Queue: PendingEventSet>(_ index: Int, scheduler: inout Scheduler<Queue>) {
        let now = scheduler.now
        let next = now + probes[index].interval
        if next < runEnd { scheduler.schedule(Kind.probe, target: UInt32(index), at: next) }
        let site = probes[index].site
        guard isTrulyUp(site) else {
            scheduler.schedule(Kind.probeTimeout, target: UInt32(index), after: probes[index].timeout)
            return
        }
        probes[index].failures = 0
        probes[index].successes &+= 1
        guard !sites[site].detectedUp, probes[index].successes >= probes[index].healthyAfter else { return }
        sites[site].detectedUp = true
        if measuring {
            probes[index].tally.recovered += 1
            probes[index].tally.recoveryDelaySum += (now - probes[index].upSince).seconds
        }
    }

    /// A probe of checker `index` timed out: one more consecutive failure, which may mark
    /// the site down.
    mutating func probeFailed(_ index: Int, at now: SimTime) {
        probes[index].successes = 0
        probes[index].failures &+= 1
        let site = probes[index].site
        guard sites[site].detectedUp, probes[index].failures >= probes[index].unhealthyAfter else { return }
        sites[site].detectedUp = false
        guard measuring else { return }
        if isTrulyUp(site) {
            probes[index].tally.lateMarkDowns += 1
            return
        }
        let delay = (now - probes[index].downSince).seconds
        probes[index].tally.detected += 1
        probes[index].tally.delaySum += delay
        probes[index].tally.delayMin = min(probes[index].tally.delayMin, delay)
        probes[index].tally.delayMax = max(probes[index].tally.delayMax, delay)
    }

    /// `site` truly went down (`up` false) or came back: an unchecked site's detected state
    /// follows at once; a checked one's checker notes the time (and, on recovery, counts an
    /// outage its checker never saw).
    mutating func siteTruthChanged(_ site: SiteID, up: Bool, at now: SimTime) {
        let index = Int(sites[site].probe)
        guard index >= 0 else {
            sites[site].detectedUp = up
            return
        }
        if up {
            probes[index].upSince = now
            if measuring, sites[site].detectedUp { probes[index].tally.undetected += 1 }
        } else {
            probes[index].downSince = now
        }
    }

    /// Request `id` reached `site`, which is down: on a checked site (the router believed it
    /// up) the attempt hangs until the checker's timeout and then fails; it returns false on an
    /// unchecked one, whose caller turns the request away at once as before.
    mutating func reachedDeadSite<Queue: PendingEventSet>(
        _ id: RequestSlot,
        site: SiteID,
        scheduler: inout Scheduler<Queue>
    ) -> Bool {
        if requests[id].isCounted { classes[requests[id].workloadClass].tally.sentToDeadSites += 1 }
        let index = Int(sites[site].probe)
        guard index >= 0 else { return false }
        scheduler.schedule(Kind.deadSiteTimeout, target: 0, payload: id.index, after: probes[index].timeout)
        recordStep(id, .deadSite, at: scheduler.now)
        return true
    }
}
