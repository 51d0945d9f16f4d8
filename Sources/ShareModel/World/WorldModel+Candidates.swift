import SimCore

/// A scan of one demand's candidates in order, for the router: the filter and where it is.
struct CandidateCursor {
    /// The kinds of site the scan considers.
    let filter: CandidateFilter
    /// The position of the next candidate to look at in the demand's list.
    var position = 0
}

extension WorldModel {
    /// The default number of candidates of each kind a demand keeps before a router needs
    /// more: enough that the nearest healthy one is almost always among them, and that a
    /// `lowest-latency` scan rarely outruns them (a region's zones sit at one latency, so
    /// it compares them all), at about 2 KB per demand.
    static let defaultCandidatesPerKind = 64

    /// The next candidate of `demand` that `cursor`'s filter admits, nearest first; nil
    /// after the last.
    ///
    /// When the scan reaches the end of the list's exact prefix for its filter, the list is
    /// completed (once per demand) and the scan goes on from the same place in the complete
    /// list, so a scan sees exactly the sites it would have seen in the complete list.
    ///
    /// - Complexity: O(1) per candidate; completing a list costs O(sites log sites), once.
    mutating func nextCandidate(_ cursor: inout CandidateCursor, of demand: DemandID) -> CandidateList.Entry? {
        while true {
            if cursor.position < demands[demand].candidates.exactCount(cursor.filter) {
                let position = cursor.position
                cursor.position += 1
                guard cursor.filter.admits(demands[demand].candidates.kinds[position]) else { continue }
                return demands[demand].candidates[position]
            }
            if demands[demand].candidates.isComplete { return nil }
            let last = cursor.position > 0 ? demands[demand].candidates[cursor.position - 1] : nil
            completeCandidates(of: demand)
            cursor.position = last.map { demands[demand].candidates.position(after: $0) } ?? 0
        }
    }

    /// Replaces the pruned candidate list of `demand` by the complete one.
    ///
    /// - Complexity: O(sites log sites).
    mutating func completeCandidates(of demand: DemandID) {
        guard !demands[demand].candidates.isComplete else { return }
        let population = demands[demand].population
        let kind = spec.workloadClasses[demands[demand].workloadClass.offset].kind
        demands[demand].candidates = candidateList(
            for: population,
            kind: kind,
            latencies: latenciesToSites(from: population),
            keeping: Int.max
        )
    }

    /// The one-way latency from `population` to every site, by site index, with the drawn
    /// links of the path between them, if any (so routing sees them).
    ///
    /// - Complexity: O(regions + edge sites + pools) latency computations: the zones of a
    ///   region share its endpoint (and come one after another), so they share one.
    func latenciesToSites(from population: PopulationID) -> [SimDuration] {
        let client = clientEndpoints[population.offset]
        var latencies: [SimDuration] = []
        latencies.reserveCapacity(sites.count)
        var previousZoneRegion: RegionID?
        for site in sites.ids {
            let region = sites[site].region
            if case .zone = sites[site].role, region == previousZoneRegion, let previous = latencies.last {
                latencies.append(previous)
                continue
            }
            if case .zone = sites[site].role { previousZoneRegion = region } else { previousZoneRegion = nil }
            latencies.append(spec.latency.latency(from: client, to: siteEndpoints[site.offset]))
        }
        guard !clientPaths.isEmpty else { return latencies }
        for site in sites.ids {
            latencies[site.offset] = latencies[site.offset] + pathLatency(from: population, to: site)
        }
        return latencies
    }

    /// The `k` nearest sites of each kind that may serve work of `kind` for `population`
    /// (by the kind of work and the population's allowed regions; health and load are the
    /// router's business), given the `latencies` to every site.
    ///
    /// - Complexity: O(sites) when few sites are among the nearest (see ``CandidateList``).
    func candidateList(
        for population: PopulationID,
        kind: WorkloadKind,
        latencies: [SimDuration],
        keeping k: Int
    ) -> CandidateList {
        let populationSpec = spec.populations[population.offset]
        let allowedRegion = spec.regions.map { spec.allows(populationSpec, region: $0.region.name) }
        var builder = CandidateList.Builder(keeping: k)
        // Sites are zones, then edge sites, then pools.
        let edgeStart = zones.count
        let poolStart = edgeStart + edgeSites.count
        var ranges: [(Range<Int>, CandidateKind)] = [(0..<edgeStart, .zone)]
        if kind.content != nil { ranges.append((edgeStart..<poolStart, .edge)) }
        if kind.content != nil || kind.job != nil { ranges.append((poolStart..<sites.count, .pool)) }
        for (range, candidateKind) in ranges {
            for site in range where allowedRegion[sites[site].region.offset] {
                builder.offer(
                    CandidateList.Entry(site: SiteID(UInt32(site)), latency: latencies[site], kind: candidateKind)
                )
            }
        }
        return builder.build()
    }
}
