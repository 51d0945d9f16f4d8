import SimCore

/// The router's pick: a position in the demand's candidate list, and the device for a pool.
struct RouteChoice {
    var position: Int
    var device: UInt32
}

extension WorldModel {
    /// The site (and device) for request `id` under the spec's policy, among the demand's
    /// candidates that are healthy; the site that turned the last attempt away is avoided
    /// when another will do. Nil when nothing can serve it now.
    mutating func route(_ id: UInt32) -> RouteChoice? {
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
    mutating func nearest(_ id: UInt32, includePools: Bool) -> RouteChoice? {
        let demand = Int(requests[id].demand)
        let avoid = requests[id].avoidSite
        var fallback: RouteChoice?
        for position in candidates[demand].indices {
            let site = candidates[demand][position]
            if !includePools, case .pool = sites[Int(site)] { continue }
            guard let choice = ready(site, position: position, for: id) else { continue }
            if site != avoid { return choice }
            if fallback == nil { fallback = choice }
        }
        return fallback
    }

    /// The nearest pool with a device that can serve the request.
    mutating func nearestPool(_ id: UInt32) -> RouteChoice? {
        let demand = Int(requests[id].demand)
        for position in candidates[demand].indices {
            let site = candidates[demand][position]
            guard case .pool = sites[Int(site)] else { continue }
            if let choice = ready(site, position: position, for: id) { return choice }
        }
        return nil
    }

    /// `site` as a choice if it can take the request now: a zone or edge site that is up, or
    /// a pool with a device found by probing.
    mutating func ready(_ site: UInt32, position: Int, for id: UInt32) -> RouteChoice? {
        switch sites[Int(site)] {
        case .zone(let zone):
            return zones[zone].isUp ? RouteChoice(position: position, device: ModelRequest.none) : nil
        case .edge(let edge):
            return edgeUp[edge] ? RouteChoice(position: position, device: ModelRequest.none) : nil
        case .pool(let pool):
            return findDevice(in: pool, for: id).map { RouteChoice(position: position, device: $0) }
        }
    }

    /// Whether `site` looks able to serve, without probing devices.
    func isHealthy(_ site: UInt32) -> Bool {
        switch sites[Int(site)] {
        case .zone(let zone): zones[zone].isUp
        case .edge(let edge): edgeUp[edge]
        case .pool(let pool): pools[pool].reachableOnlineDevices > 0
        }
    }

    /// A device of `pool` for request `id`, by asking up to the pool's probe count of random
    /// online, reachable devices: for content, one that holds the object and sends fewer than
    /// its maximum of transfers; for a job, one that is idle and lends CPU.
    mutating func findDevice(in pool: Int, for id: UInt32) -> UInt32? {
        let probes = poolProbes[pool]
        let workloadClass = Int(requests[id].workloadClass)
        if let catalogue = catalogues[workloadClass] {
            let share = contentShare / catalogue.meanObjectBytes
            let object = Int(requests[id].object)
            for _ in 0..<probes {
                guard let device = pools[pool].randomReachableOnlineDevice(using: &routeStream) else { return nil }
                if Int(poolDeviceUploads[pool][Int(device.index)]) >= poolMaxUploads[pool] { continue }
                let capacity = Double(pools[pool].storageBytes[Int(device.index)]) * share
                let key = RandomStream.derivedKey(poolKey[pool], UInt64(device.index))
                if catalogue.deviceHolds(object: object, deviceKey: key, capacityObjects: capacity) {
                    return device.index
                }
            }
            return nil
        }
        for _ in 0..<probes {
            guard let device = pools[pool].randomReachableOnlineDevice(using: &routeStream) else { return nil }
            let index = Int(device.index)
            if poolDeviceJob[pool][index] == ModelRequest.none, pools[pool].cpuCores[index] > 0 {
                return device.index
            }
        }
        return nil
    }

    /// The healthy candidate with the lowest expected response time.
    mutating func lowestExpectedLatency(_ id: UInt32) -> RouteChoice? {
        let demand = Int(requests[id].demand)
        var best: (position: Int, seconds: Double)?
        for position in candidates[demand].indices {
            let roundTrip = 2 * candidateLatency[demand][position].seconds
            // Candidates are sorted by latency and service takes no negative time: no later
            // one can beat the best so far.
            if let best, roundTrip >= best.seconds { break }
            let site = candidates[demand][position]
            guard isHealthy(site) else { continue }
            var seconds = roundTrip + expectedServiceSeconds(at: site, for: id)
            if site == requests[id].avoidSite { seconds += 3_600 }
            if best == nil || seconds < best!.seconds { best = (position, seconds) }
        }
        return best.flatMap { settle(position: $0.position, for: id) }
    }

    /// Two healthy candidates at random; the less loaded one.
    mutating func twoChoices(_ id: UInt32) -> RouteChoice? {
        let demand = Int(requests[id].demand)
        let healthy = candidates[demand].reduce(0) { $0 + (isHealthy($1) ? 1 : 0) }
        guard healthy > 0 else { return nil }
        let first = healthyPosition(Int(routeStream.nextInt(below: UInt64(healthy))), demand: demand)
        guard healthy > 1 else { return settle(position: first, for: id) }
        var secondRank = Int(routeStream.nextInt(below: UInt64(healthy - 1)))
        let firstRank = candidates[demand][..<first].reduce(0) { $0 + (isHealthy($1) ? 1 : 0) }
        if secondRank >= firstRank { secondRank += 1 }
        let second = healthyPosition(secondRank, demand: demand)
        let firstLoad = load(of: candidates[demand][first], for: id)
        let secondLoad = load(of: candidates[demand][second], for: id)
        let chosen = secondLoad < firstLoad || (secondLoad == firstLoad && second < first) ? second : first
        return settle(position: chosen, for: id)
    }

    /// A healthy candidate at random, in proportion to its weight.
    mutating func weightedChoice(_ id: UInt32) -> RouteChoice? {
        let demand = Int(requests[id].demand)
        var total = 0.0
        for site in candidates[demand] where isHealthy(site) { total += siteWeight[Int(site)] }
        guard total > 0 else { return nil }
        var draw = routeStream.nextUnit() * total
        var chosen: Int?
        for position in candidates[demand].indices {
            let site = candidates[demand][position]
            guard isHealthy(site), siteWeight[Int(site)] > 0 else { continue }
            chosen = position
            draw -= siteWeight[Int(site)]
            if draw < 0 { break }
        }
        return chosen.flatMap { settle(position: $0, for: id) }
    }

    /// The position of the `rank`-th healthy candidate of `demand`.
    func healthyPosition(_ rank: Int, demand: Int) -> Int {
        var remaining = rank
        for position in candidates[demand].indices where isHealthy(candidates[demand][position]) {
            if remaining == 0 { return position }
            remaining -= 1
        }
        preconditionFailure("no healthy candidate of rank \(rank) for demand \(demand)")
    }

    /// The choice at `position`, with a device when it is a pool; a pool without a device
    /// for the request falls back to the nearest healthy zone or edge site.
    mutating func settle(position: Int, for id: UInt32) -> RouteChoice? {
        let site = candidates[Int(requests[id].demand)][position]
        if let choice = ready(site, position: position, for: id) { return choice }
        return nearest(id, includePools: false)
    }

    /// The load of `site` for power-of-two choices: zone cores busy or queued per core; edge
    /// flows per 25 Mbit/s of uplink; pool devices offline (content) or busy (jobs).
    func load(of site: UInt32, for id: UInt32) -> Double {
        switch sites[Int(site)] {
        case .zone(let zone):
            return Double(zones[zone].inService + zones[zone].waitingCount) / Double(zones[zone].spec.capacity)
        case .edge(let edge):
            return Double(edgeActiveFlows[edge]) / max(1, spec.edgeSites[edge].uplinkBitsPerSecond / 25e6)
        case .pool(let pool):
            let reachable = Double(max(1, pools[pool].reachableOnlineDevices))
            if catalogues[Int(requests[id].workloadClass)] != nil {
                return 1 - Double(pools[pool].reachableOnlineDevices) / Double(max(1, pools[pool].deviceCount))
            }
            return Double(poolBusyDevices[pool]) / reachable
        }
    }

    /// The expected time at `site` for request `id` at its current load, in seconds: a
    /// zone's mean service stretched by the queue ahead, plus the transfer at a fair share of
    /// its region's egress; an edge site's origin round trip
    /// (weighted by its miss ratio) and transfer at a fair share of its uplink; a device's
    /// transfer or run at the pool's mean uplink or cores.
    func expectedServiceSeconds(at site: UInt32, for id: UInt32) -> Double {
        let request = requests[id]
        let workloadClass = Int(request.workloadClass)
        switch sites[Int(site)] {
        case .zone(let zone):
            let capacity = Double(zones[zone].spec.capacity)
            let ahead = Double(zones[zone].inService + zones[zone].waitingCount + 1) - capacity
            let service = zoneMeanService[zone * classTraits.count + workloadClass]
            var seconds = service * (1 + max(0, ahead) / capacity)
            let region = zoneRegion[zone]
            if request.bytes > 0, let egress = spec.regions[region].egressBitsPerSecond {
                seconds += request.bytes * 8 / (egress / Double(regionActiveFlows[region] + 1))
            }
            return seconds
        case .edge(let edge):
            let cache = edgeCaches[edge]
            let lookups = cache.hits + cache.misses
            let missRatio = lookups == 0 ? 1 : Double(cache.misses) / Double(lookups)
            let share = spec.edgeSites[edge].uplinkBitsPerSecond / Double(edgeActiveFlows[edge] + 1)
            return missRatio * 2 * edgeOriginLatency[edge].seconds + request.bytes * 8 / share
        case .pool(let pool):
            let poolSpec = pools[pool].spec
            if catalogues[workloadClass] != nil {
                return request.bytes * 8 / max(1, poolSpec.uplinkBitsPerSecond.mean)
            }
            return request.work / max(1e-9, poolSpec.cpuCores.mean)
        }
    }
}
