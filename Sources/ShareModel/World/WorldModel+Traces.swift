import SimCore

/// One arrival trace being replayed: its reader, the chunk read ahead, and where the replay is.
///
/// `@unchecked Sendable`: the reader is a class the model opened for itself at build time and
/// only the model's own handlers call, on the one task that runs the model (a model is run
/// once, never from two copies); nothing else holds it.
struct TraceFeed: @unchecked Sendable {
    /// The trace's reader, nil once the trace has ended.
    var reader: (any TraceArrivalReader)?
    /// The arrivals read ahead, replayed from `cursor`.
    var buffer: ContiguousArray<TraceArrival> = []
    /// The next arrival's position in `buffer`.
    var cursor = 0
    /// The lap being replayed, from 0.
    var lap: Int64 = 0
    /// Whether the current lap has replayed an arrival (a lap without one ends the trace).
    var lapHadArrivals = false
    /// The demand of each population × class pair (`population × classes + class`), -1 if
    /// the trace has no such pair.
    var demandOf: [Int32]

    /// How many arrivals are read ahead per chunk: 4,096 × 40 bytes, 160 KB per trace.
    static let chunk = 4096
}

extension WorldModel {
    /// Opens every arrival trace and prepares a demand (candidate sites) for each of its
    /// population × class pairs that the populations do not already ask for; those demands
    /// draw no arrivals of their own.
    mutating func buildTraces() throws(SpecError) {
        let classCount = spec.workloadClasses.count
        for (index, trace) in spec.arrivalTraces.enumerated() {
            var demandOf = [Int32](repeating: -1, count: spec.populations.count * classCount)
            for pair in trace.pairs {
                let population = PopulationID(pair.population)
                let workloadClass = WorkloadClassID(pair.workloadClass)
                let existing = demands.ids.first {
                    demands[$0].population == population && demands[$0].workloadClass == workloadClass
                }
                let demand = existing ?? addReplayDemand(population: population, workloadClass: workloadClass)
                demandOf[Int(pair.population) * classCount + Int(pair.workloadClass)] = Int32(demand.index)
            }
            let reader: any TraceArrivalReader
            do {
                reader = try trace.source.openArrivals()
            } catch {
                throw SpecError(.scenario, SpecField("traces").at(index).child("file"), .other(error.message))
            }
            traceFeeds.append(TraceFeed(reader: reader, demandOf: demandOf))
        }
    }

    /// A demand of `population` for `workloadClass` that only a trace feeds.
    mutating func addReplayDemand(population: PopulationID, workloadClass: WorkloadClassID) -> DemandID {
        let name =
            "arrivals/\(spec.populations[population.offset].name)/\(spec.workloadClasses[workloadClass.offset].name)"
        let kind = spec.workloadClasses[workloadClass.offset].kind
        let silent: RateProfile
        do throws(DistributionError) {
            silent = try .constant(ratePerSecond: 0)
        } catch {
            preconditionFailure("a rate of zero is a valid constant profile: \(error)")
        }
        demands.append(
            Demand(
                population: population,
                workloadClass: workloadClass,
                arrivals: ArrivalGenerator(
                    process: .poisson,
                    profile: silent,
                    auxiliary: RandomStream(seed: seed, key: 0)
                ),
                stream: RandomStream(seed: seed, name: name),
                objectStream: RandomStream(seed: seed, name: name + "/objects"),
                candidates: candidateList(
                    for: population,
                    kind: kind,
                    latencies: latenciesToSites(from: population),
                    keeping: candidatesPerKind
                ),
                isReplayOnly: true
            )
        )
        return DemandID(UInt32(demands.count - 1))
    }

    /// Schedules the first arrival of every trace.
    mutating func startTraces<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        for index in traceFeeds.indices {
            scheduleNextTraceArrival(index, scheduler: &scheduler)
        }
    }

    /// The arrival at the front of trace `index` happens now: its request is created and
    /// the trace's next arrival scheduled.
    ///
    /// - Complexity: O(1) amortised; one reader call per ``TraceFeed/chunk`` arrivals.
    mutating func handleTraceArrival<Queue: PendingEventSet>(_ index: Int, scheduler: inout Scheduler<Queue>) {
        let now = scheduler.now
        guard requests.live < limits.maxRequestsInFlight else {
            limitBreach = RunLimitBreach(time: now, runEnd: runEnd, requestsInFlight: requests.live)
            scheduler.stop()
            return
        }
        let arrival = traceFeeds[index].buffer[traceFeeds[index].cursor]
        traceFeeds[index].cursor += 1
        let classCount = spec.workloadClasses.count
        let demand = traceFeeds[index].demandOf[Int(arrival.population) * classCount + Int(arrival.workloadClass)]
        precondition(demand >= 0, "trace \(spec.arrivalTraces[index].name): a pair it did not list, at \(now)")
        scheduleNextTraceArrival(index, scheduler: &scheduler)
        createRequest(
            demand: DemandID(UInt32(demand)),
            at: now,
            object: arrival.object,
            bytes: arrival.bytes,
            serviceSeconds: arrival.serviceSeconds,
            scheduler: &scheduler
        )
    }

    /// Schedules the next arrival of trace `index` (reading a chunk ahead, or starting the
    /// next lap, when the buffer is used up), if there is one before the run's end.
    mutating func scheduleNextTraceArrival<Queue: PendingEventSet>(
        _ index: Int,
        scheduler: inout Scheduler<Queue>
    ) {
        let trace = spec.arrivalTraces[index]
        while traceFeeds[index].cursor == traceFeeds[index].buffer.count {
            guard let reader = traceFeeds[index].reader else { return }
            do throws(TraceReadError) {
                try reader.read(into: &traceFeeds[index].buffer, capacity: TraceFeed.chunk)
                traceFeeds[index].cursor = 0
                if traceFeeds[index].buffer.isEmpty {
                    guard trace.loop, traceFeeds[index].lapHadArrivals else {
                        traceFeeds[index].reader = nil
                        return
                    }
                    try reader.rewind()
                    traceFeeds[index].lap += 1
                    traceFeeds[index].lapHadArrivals = false
                }
            } catch {
                // The file changed after the scenario checked it: the trace ends here, and
                // the results say so.
                traceFeeds[index].reader = nil
                traceProblems.append("trace \(trace.name) stopped at \(scheduler.now): \(error.message)")
                return
            }
        }
        traceFeeds[index].lapHadArrivals = true
        let arrival = traceFeeds[index].buffer[traceFeeds[index].cursor]
        let time = trace.replayTime(of: arrival.time, lap: traceFeeds[index].lap)
        guard time < runEnd else {
            traceFeeds[index].reader = nil
            return
        }
        scheduler.schedule(Kind.traceArrival, target: UInt32(index), at: max(time, scheduler.now))
    }
}
