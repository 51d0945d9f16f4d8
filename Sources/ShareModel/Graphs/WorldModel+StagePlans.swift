import SimCore

extension WorldModel {
    /// Builds the plan of every class with stages, and the latencies between the zones they
    /// may run at; nothing for a model without stages. Call it after the sites' and
    /// populations' latency endpoints exist.
    ///
    /// - Complexity: O(stages × zones + (populations + zones used) × zones used).
    mutating func buildStagePlans() {
        guard spec.workloadClasses.contains(where: { !$0.stages.isEmpty }) else { return }
        let names = SpecNames(spec)
        let zoneNames = spec.zones.map(\.zone.name)
        var zoneIndex: [String: Int] = [:]
        for (index, name) in zoneNames.enumerated() where zoneIndex[name] == nil { zoneIndex[name] = index }
        var used = Array(repeating: false, count: zones.count)
        for (classIndex, workload) in spec.workloadClasses.enumerated() where !workload.stages.isEmpty {
            let graph: RequestGraph
            do {
                graph = try RequestGraph.resolve(workload, zones: names.zones, services: names.services)
            } catch {
                preconditionFailure("class '\(workload.name)' passed validation: \(error)")
            }
            var successorStart: [Int32] = [0]
            var successors: [Int32] = []
            var fixedZone: [ZoneID] = []
            var candidateStart: [Int32] = [0]
            var candidates: [ZoneID] = []
            for (stageIndex, stage) in workload.stages.enumerated() {
                successors += graph.successors[stageIndex].map { Int32($0) }
                successorStart.append(Int32(successors.count))
                switch stage.placement {
                case .zone(let name):
                    let zone = zoneIndex[name] ?? 0
                    fixedZone.append(ZoneID(UInt32(zone)))
                    used[zone] = true
                case .service(let service):
                    fixedZone.append(.none)
                    for (zone, entry) in spec.zones.enumerated() where entry.zone.services.contains(service) {
                        candidates.append(ZoneID(UInt32(zone)))
                        used[zone] = true
                    }
                }
                candidateStart.append(Int32(candidates.count))
            }
            let prefix = "stage/\(workload.name)/"
            let plan = StagePlan(
                stageCount: workload.stages.count,
                sink: graph.sink,
                predecessorCount: graph.predecessors.map { UInt8($0.count) },
                join: workload.stages.map { $0.join ?? .all },
                successorStart: successorStart,
                successors: successors,
                fixedZone: fixedZone,
                candidateStart: candidateStart,
                candidates: candidates,
                service: workload.stages.map(\.service),
                message: workload.stages.map(\.messageBytes),
                serviceStreams: workload.stages.map { RandomStream(seed: seed, name: prefix + $0.name + "/time") },
                messageStreams: workload.stages.map { RandomStream(seed: seed, name: prefix + $0.name + "/message") },
                tallies: Array(repeating: StageTally(), count: workload.stages.count)
            )
            classes[classIndex].stagePlan = Int32(stagePlans.count)
            stagePlans.append(plan)
        }
        buildStageLatencies(used: used)
        for plan in stagePlans.indices { orderCandidates(of: plan) }
    }

    /// Orders each stage's candidates of plan `plan` by latency from every origin, nearest
    /// first and in zone order on a tie (``StagePlan/nearest``).
    ///
    /// - Complexity: O(stages × origins × k log k) for k candidates a stage.
    mutating func orderCandidates(of plan: Int) {
        let table = stageLatencies
        var starts: [Int32] = []
        var nearest: [ZoneID] = []
        for stage in 0..<stagePlans[plan].stageCount {
            starts.append(Int32(nearest.count))
            let first = Int(stagePlans[plan].candidateStart[stage])
            let end = Int(stagePlans[plan].candidateStart[stage + 1])
            let candidates = Array(stagePlans[plan].candidates[first..<end])
            guard !candidates.isEmpty else { continue }
            for origin in 0..<table.origins {
                let populations = table.origins - table.count
                func latency(_ zone: ZoneID) -> SimDuration {
                    origin < populations
                        ? table.latency(PopulationID(UInt32(origin)), zone)
                        : table.between[(origin - populations) * table.count + Int(table.number[zone.offset])]
                }
                nearest += candidates.sorted { a, b in
                    let (left, right) = (latency(a), latency(b))
                    return left < right || (left == right && a.index < b.index)
                }
            }
        }
        stagePlans[plan].nearestStart = starts
        stagePlans[plan].nearest = nearest
    }

    /// The latencies between the zones marked in `used` and from every population to them.
    mutating func buildStageLatencies(used: [Bool]) {
        var table = StageLatencies()
        table.number = Array(repeating: -1, count: zones.count)
        var members: [ZoneID] = []
        for zone in zones.ids where used[zone.offset] {
            table.number[zone.offset] = Int32(members.count)
            members.append(zone)
        }
        table.count = members.count
        for a in members {
            let from = siteEndpoints[zones[a].site.offset]
            for b in members {
                table.between.append(spec.latency.latency(from: from, to: siteEndpoints[zones[b].site.offset]))
            }
        }
        for (index, population) in clientEndpoints.enumerated() {
            let allowedRegions = spec.populations[index].allowedRegions
            for b in members {
                table.fromPopulation.append(
                    spec.latency.latency(from: population, to: siteEndpoints[zones[b].site.offset])
                )
                let region = spec.regions[zones[b].region.offset].region.name
                table.allowed.append(allowedRegions?.contains(region) ?? true)
            }
        }
        stageLatencies = table
    }
}
