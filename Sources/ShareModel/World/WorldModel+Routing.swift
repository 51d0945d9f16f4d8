import SimCore

/// The router's pick: a site with its one-way latency from the population, and the device
/// for a pool.
struct RouteChoice {
    /// The site.
    var site: SiteID
    /// The one-way latency from the request's population to the site.
    var latency: SimDuration
    /// The device chosen in a pool, else `none`.
    var device: DeviceIndex
}

extension WorldModel {
    /// The site (and device) for request `id` under the spec's policy, among the demand's
    /// candidates that are healthy; the site that turned the last attempt away is avoided
    /// when another will do. Nil when nothing can serve it now.
    mutating func route(_ id: RequestSlot) -> RouteChoice? {
        switch spec.routing {
        case .nearestHealthy:
            return nearest(id, includePools: true)
        case .sharedFirst:
            return nearestPool(id) ?? nearest(id, includePools: false)
        case .lowestLatency:
            return lowestExpectedLatency(id)
        case .powerOfTwoChoices:
            return twoChoices(id)
        case .weighted:
            return weightedChoice(id)
        }
    }

    /// The nearest healthy candidate (pools only if they have a device for the request),
    /// preferring any other to the avoided site.
    mutating func nearest(_ id: RequestSlot, includePools: Bool) -> RouteChoice? {
        let demand = requests[id].demand
        let avoid = requests[id].avoidSite
        var fallback: RouteChoice?
        var cursor = CandidateCursor(filter: includePools ? .all : .withoutPools)
        while let candidate = nextCandidate(&cursor, of: demand) {
            guard let choice = ready(candidate, for: id) else { continue }
            if candidate.site != avoid { return choice }
            if fallback == nil { fallback = choice }
        }
        return fallback
    }

    /// The nearest pool with a device that can serve the request.
    mutating func nearestPool(_ id: RequestSlot) -> RouteChoice? {
        var cursor = CandidateCursor(filter: .poolsOnly)
        while let candidate = nextCandidate(&cursor, of: requests[id].demand) {
            if let choice = ready(candidate, for: id) { return choice }
        }
        return nil
    }

    /// `candidate` as a choice if it can take the request now: a zone or edge site believed up
    /// (``SiteState/detectedUp``), or
    /// a pool with a device found by probing.
    mutating func ready(_ candidate: CandidateList.Entry, for id: RequestSlot) -> RouteChoice? {
        let site = candidate.site
        switch sites[site].role {
        case .zone, .edge:
            return sites[site].detectedUp ? RouteChoice(site: site, latency: candidate.latency, device: .none) : nil
        case .pool(let pool):
            return findDevice(in: pool, for: id).map { RouteChoice(site: site, latency: candidate.latency, device: $0) }
        }
    }

    /// Whether `site` looks able to serve, without probing devices: a zone or edge site
    /// believed up, a pool with a reachable device online.
    func isHealthy(_ site: SiteID) -> Bool {
        switch sites[site].role {
        case .zone, .edge: sites[site].detectedUp
        case .pool(let pool): pools[pool].engine.reachableOnlineDevices > 0
        }
    }

    /// A device of `pool` for request `id`, by asking up to the pool's probe count of random
    /// online, reachable devices: for content, one that holds the object and sends fewer than
    /// its maximum of transfers; for a job, one that is idle and lends CPU.
    mutating func findDevice(in pool: PoolID, for id: RequestSlot) -> DeviceIndex? {
        let probes = pools[pool].probes
        let workloadClass = requests[id].workloadClass
        if let catalogue = classes[workloadClass].catalogue {
            let share = contentShare / catalogue.meanObjectBytes
            let object = Int(requests[id].object)
            let maxUploads = pools[pool].maxUploads
            let key = pools[pool].key
            for _ in 0..<probes {
                guard let device = pools[pool].engine.randomReachableOnlineDevice(using: &routeStream) else {
                    return nil
                }
                if Int(pools[pool].devices[uploads: device]) >= maxUploads { continue }
                let capacity = Double(pools[pool].engine.storageBytes[device.offset]) * share
                let deviceKey = RandomStream.derivedKey(key, UInt64(device.index))
                if catalogue.deviceHolds(object: object, deviceKey: deviceKey, capacityObjects: capacity) {
                    return device
                }
            }
            return nil
        }
        for _ in 0..<probes {
            guard let device = pools[pool].engine.randomReachableOnlineDevice(using: &routeStream) else { return nil }
            if pools[pool].devices[job: device].isNone, pools[pool].engine.cpuCores[device.offset] > 0 {
                return device
            }
        }
        return nil
    }

    /// The healthy candidate with the lowest expected response time.
    ///
    /// Candidates come nearest first, and no site of a kind serves faster than its kind's
    /// floor (``ServiceFloors``): a candidate whose round trip plus that floor reaches the
    /// best so far is passed over unexamined, and the scan stops when the round trip plus
    /// the lowest floor does, since no later candidate can win. So a request examines the
    /// sites near enough to compete, not every site within reach.
    mutating func lowestExpectedLatency(_ id: RequestSlot) -> RouteChoice? {
        let demand = requests[id].demand
        let workloadClass = requests[id].workloadClass
        let bytes = requests[id].bytes
        let work = requests[id].work
        let uploadBytes = requests[id].uploadBytes
        let avoid = requests[id].avoidSite
        let floors = serviceFloors.floors(
            workloadClass: workloadClass,
            hasContent: classes[workloadClass].traits.hasContent,
            bytes: bytes,
            work: work
        )
        let kinds = demands[demand].candidates.kindsPresent
        var lowestFloor = Double.infinity
        if kinds.contains(.zone) { lowestFloor = min(lowestFloor, floors.zone) }
        if kinds.contains(.edge) { lowestFloor = min(lowestFloor, floors.edge) }
        if kinds.contains(.pool) { lowestFloor = min(lowestFloor, floors.pool) }
        var best: (candidate: CandidateList.Entry, seconds: Double)?
        var cursor = CandidateCursor(filter: .all)
        while let candidate = nextCandidate(&cursor, of: demand) {
            let roundTrip = 2 * candidate.latency.seconds
            if let best {
                if roundTrip + lowestFloor >= best.seconds { break }
                let floor: Double
                switch candidate.kind {
                case .zone: floor = floors.zone
                case .edge: floor = floors.edge
                case .pool: floor = floors.pool
                }
                if roundTrip + floor >= best.seconds { continue }
            }
            let site = candidate.site
            guard isHealthy(site) else { continue }
            var seconds =
                roundTrip
                + expectedServiceSeconds(
                    at: site,
                    workloadClass: workloadClass,
                    bytes: bytes,
                    work: work,
                    uploadBytes: uploadBytes
                )
            if site == avoid { seconds += 3_600 }
            if best == nil || seconds < best!.seconds { best = (candidate, seconds) }
        }
        return best.flatMap { settle($0.candidate, for: id) }
    }

    /// Two healthy candidates at random, among all of them (each pair equally likely); the
    /// less loaded one, the nearer on a tie.
    ///
    /// - Complexity: O(1) expected while most candidates are healthy (``HealthyDraw``).
    mutating func twoChoices(_ id: RequestSlot) -> RouteChoice? {
        let demand = requests[id].demand
        completeCandidates(of: demand)
        let candidates = demands[demand].candidates.sites
        // The stream is taken out of the model while the draws read the model's health, and
        // put back before a pool is probed.
        var stream = routeStream
        let first = HealthyDraw.uniform(
            count: candidates.count,
            stream: &stream,
            isEligible: { isHealthy(candidates[$0]) }
        )
        let second = first.flatMap { first in
            HealthyDraw.uniform(
                count: candidates.count,
                stream: &stream,
                isEligible: { $0 != first && isHealthy(candidates[$0]) }
            )
        }
        routeStream = stream
        guard let first else { return nil }
        guard let second else { return settle(demands[demand].candidates[first], for: id) }
        let firstLoad = load(of: candidates[first], for: id)
        let secondLoad = load(of: candidates[second], for: id)
        let chosen = secondLoad < firstLoad || (secondLoad == firstLoad && second < first) ? second : first
        return settle(demands[demand].candidates[chosen], for: id)
    }

    /// A healthy candidate at random, among all of them, in proportion to its weight.
    ///
    /// - Complexity: O(log n) expected while most of the weight is healthy (``HealthyDraw``);
    ///   the demand's running sums of weights are built once, at its first weighted draw.
    mutating func weightedChoice(_ id: RequestSlot) -> RouteChoice? {
        let demand = requests[id].demand
        completeCandidates(of: demand)
        let candidates = demands[demand].candidates.sites
        if demands[demand].cumulativeWeights.count != candidates.count {
            var sum = 0.0
            demands[demand].cumulativeWeights = candidates.map { site in
                sum += sites[site].weight
                return sum
            }
        }
        var stream = routeStream
        let chosen = HealthyDraw.weighted(
            cumulativeWeights: demands[demand].cumulativeWeights,
            stream: &stream,
            isEligible: { isHealthy(candidates[$0]) }
        )
        routeStream = stream
        return chosen.flatMap { settle(demands[demand].candidates[$0], for: id) }
    }

    /// `candidate` as the choice, with a device when it is a pool; a pool without a device
    /// for the request falls back to the nearest healthy zone or edge site.
    mutating func settle(_ candidate: CandidateList.Entry, for id: RequestSlot) -> RouteChoice? {
        if let choice = ready(candidate, for: id) { return choice }
        return nearest(id, includePools: false)
    }

    /// The load of `site` for power-of-two choices: zone cores busy or queued per core; edge
    /// flows per 25 Mbit/s of uplink; pool devices offline (content) or busy (jobs).
    func load(of site: SiteID, for id: RequestSlot) -> Double {
        switch sites[site].role {
        case .zone(let zone):
            let queued = zones[zone].engine.inService + zones[zone].engine.waitingCount
            return Double(queued) / Double(max(1, zones[zone].engine.capacity))
        case .edge(let edge):
            return Double(edgeSites[edge].activeFlows) / max(1, edgeSites[edge].uplinkBitsPerSecond / 25e6)
        case .pool(let pool):
            let reachableOnline = pools[pool].engine.reachableOnlineDevices
            let reachable = Double(max(1, reachableOnline))
            if classes[requests[id].workloadClass].traits.hasContent {
                return 1 - Double(reachableOnline) / Double(max(1, pools[pool].engine.deviceCount))
            }
            return Double(pools[pool].busyDevices) / reachable
        }
    }

    /// The expected time at `site` for a request of `workloadClass` with `bytes` to deliver
    /// or `work` CPU-seconds to run, at the site's current load, in seconds: a
    /// zone's mean service stretched by the queue ahead, plus the transfer at a fair share of
    /// its region's egress and the request's upload at a fair share of its ingress; an edge site's origin round trip
    /// (weighted by its miss ratio) and transfer at a fair share of its uplink; a device's
    /// transfer or run at the pool's mean uplink or cores.
    func expectedServiceSeconds(
        at site: SiteID,
        workloadClass: WorkloadClassID,
        bytes: Double,
        work: Double,
        uploadBytes: Double = 0
    ) -> Double {
        switch sites[site].role {
        case .zone(let zone):
            let capacity = Double(zones[zone].engine.capacity)
            let ahead = Double(zones[zone].engine.inService + zones[zone].engine.waitingCount + 1) - capacity
            let service = zoneMeanService[zone.offset * classes.count + workloadClass.offset]
            var seconds = service * (1 + max(0, ahead) / capacity)
            let region = zones[zone].region
            if bytes > 0, let egress = regions[region].egressBitsPerSecond {
                seconds += bytes * 8 / (egress / Double(regions[region].activeFlows + 1))
            }
            if uploadBytes > 0, let ingress = regions[region].ingressBitsPerSecond {
                seconds += uploadBytes * 8 / (ingress / Double(regions[region].ingressFlows + 1))
            }
            return seconds
        case .edge(let edge):
            let hits = edgeSites[edge].cache.hits
            let misses = edgeSites[edge].cache.misses
            let lookups = hits + misses
            let missRatio = lookups == 0 ? 1 : Double(misses) / Double(lookups)
            let share = edgeSites[edge].uplinkBitsPerSecond / Double(edgeSites[edge].activeFlows + 1)
            return missRatio * 2 * edgeSites[edge].originLatency.seconds + bytes * 8 / share
        case .pool(let pool):
            let poolSpec = pools[pool].engine.spec
            if classes[workloadClass].catalogue != nil {
                return bytes * 8 / max(1, poolSpec.uplinkBitsPerSecond.mean)
            }
            return work / max(1e-9, poolSpec.cpuCores.mean)
        }
    }
}
