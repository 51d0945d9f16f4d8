import SimCore

extension WorldModel {
    /// The drawn link `link` is, as its position in ``ModelSpec/links``; nil for a built-in link.
    @inline(__always)
    func drawnIndex(of link: LinkID) -> Int? {
        if case .drawn(let index) = links[link].owner { return index }
        return nil
    }

    /// Counts a flow just started over `hops` on the drawn links among them.
    ///
    /// - Complexity: O(hops); nothing when the spec draws no link.
    mutating func meterStartedFlow(over hops: [LinkID], at time: SimTime) {
        guard !linkMeters.isEmpty else { return }
        for link in hops {
            guard let index = drawnIndex(of: link) else { continue }
            if measuring { linkMeters[index].flows.record(Double(network.flowCount(on: link)), at: time) }
        }
    }

    /// Ends `flow` at `time` (completed or aborted) and credits the bytes it delivered to the
    /// drawn links on its path.
    mutating func endFlow(_ flow: FlowID, at time: SimTime) {
        let delivered = network.endFlow(flow, at: time)
        guard !linkMeters.isEmpty else { return }
        // The ended flow's path stays in its slot until the slot is reused.
        for hop in network.flowPath[flow.offset] {
            let link = LinkID(hop)
            guard let index = drawnIndex(of: link) else { continue }
            linkMeters[index].endedBytes += delivered
            if measuring { linkMeters[index].flows.record(Double(network.flowCount(on: link)), at: time) }
        }
    }

    /// The bytes drawn link `index` has carried since the run began, at `time` (now).
    func carriedBytes(ofDrawnLink index: Int, at time: SimTime) -> Double {
        linkMeters[index].endedBytes + network.deliveredBytes(over: drawnLinks[index], at: time)
    }

    /// Reads every drawn link's carried bytes at `time` (the end of the warm-up or an interval
    /// boundary), and at the start of measurement starts their flow series.
    mutating func readLinkMeters(at time: SimTime) {
        for index in linkMeters.indices {
            linkMeters[index].readings.append(carriedBytes(ofDrawnLink: index, at: time))
            if time == warmupEnd {
                linkMeters[index].flows.record(Double(network.flowCount(on: drawnLinks[index])), at: time)
            }
        }
    }

    /// Schedules the link reading at the first interval boundary after `time` (the end of the
    /// warm-up or the boundary just read), if it comes before the run's end.
    mutating func scheduleLinkReading<Queue: PendingEventSet>(after time: SimTime, scheduler: inout Scheduler<Queue>) {
        guard !linkMeters.isEmpty else { return }
        let next = time + spec.interval
        if next < runEnd { scheduler.schedule(Kind.linkReading, target: 0, at: next) }
    }

    /// Each drawn link's series up to `end`: per interval of ``series(until:links:)``, its bytes,
    /// utilisation and time-weighted flows. Empty when the spec draws no link.
    func linkSeries(until end: SimTime) -> [[IntervalLinkPoint]] {
        linkMeters.indices.map { index in
            let meter = linkMeters[index]
            let capacity = spec.links[index].capacityBitsPerSecond
            let flows = meter.flows.points(until: end)
            let final = carriedBytes(ofDrawnLink: index, at: end)
            return flows.indices.map { point in
                let start = meter.readings.indices.contains(point) ? meter.readings[point] : final
                let stop = meter.readings.indices.contains(point + 1) ? meter.readings[point + 1] : final
                let seconds = Double(flows[point].length.nanoseconds) / 1e9
                let bytes = max(0, stop - start)
                return IntervalLinkPoint(
                    bytes: bytes,
                    utilisation: LinkMeter.utilisation(bytes: bytes, capacity: capacity, seconds: seconds),
                    meanFlows: flows[point].mean
                )
            }
        }
    }
}
