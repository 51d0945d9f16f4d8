import SimCore

/// What no site of a kind can do faster, for cutting short a `lowest-latency` scan.
///
/// `WorldModel.expectedServiceSeconds` of a zone is at least the least mean service time of
/// any zone for the class (queueing and transfer only add); of an edge site at least the
/// request's bits over the fastest edge uplink (the miss term is never negative, and a fair
/// share is never above the uplink); of a pool at least the bits over the fastest pool's
/// mean uplink, or a job's work over the most cores. A scan compares the lowest floor only over
/// the kinds its demand's candidates hold. Each floor is computed with the same
/// floating-point operations as the figure it bounds, on a numerator no larger and a
/// divisor no smaller, so it is a floor in floating point too: a candidate whose round trip
/// plus its kind's floor already reaches the best so far cannot win, and skipping it changes
/// nothing.
struct ServiceFloors: Sendable {
    /// Per workload class, the least mean service time of any zone, in seconds; empty when
    /// there is no zone.
    var zoneService: [Double]
    /// The fastest edge uplink in bits per second; 0 when there is no edge site.
    var edgeUplink: Double
    /// The largest `max(1, mean uplink)` of any pool in bits per second; 0 when there is no pool.
    var poolUplink: Double
    /// The largest `max(1e-9, mean cores)` of any pool; 0 when there is no pool.
    var poolCores: Double

    /// Floors of zero: nothing is ever cut short.
    static let none = ServiceFloors(zoneService: [], edgeUplink: 0, poolUplink: 0, poolCores: 0)

    /// The floor of each kind of site for one request, in seconds: `bytes` to deliver, or
    /// `work` CPU-seconds to run, of a class that has a catalogue (`hasContent`) or not.
    /// Zero for a kind without sites.
    func floors(
        workloadClass: WorkloadClassID,
        hasContent: Bool,
        bytes: Double,
        work: Double
    ) -> (zone: Double, edge: Double, pool: Double) {
        let zone = workloadClass.offset < zoneService.count ? zoneService[workloadClass.offset] : 0
        let edge = edgeUplink > 0 ? bytes * 8 / edgeUplink : 0
        let pool: Double
        if hasContent {
            pool = poolUplink > 0 ? bytes * 8 / poolUplink : 0
        } else {
            pool = poolCores > 0 ? work / poolCores : 0
        }
        return (zone, edge, pool)
    }
}

extension WorldModel {
    /// The floors of this model's sites (see ``ServiceFloors``).
    func makeServiceFloors() -> ServiceFloors {
        var zoneService = Array(repeating: Double.infinity, count: zones.isEmpty ? 0 : classes.count)
        for zone in zones.indices {
            for workloadClass in classes.indices {
                zoneService[workloadClass] = min(
                    zoneService[workloadClass],
                    zoneMeanService[zone * classes.count + workloadClass]
                )
            }
        }
        return ServiceFloors(
            zoneService: zoneService,
            edgeUplink: edgeSites.reduce(0) { max($0, $1.uplinkBitsPerSecond) },
            poolUplink: pools.reduce(0) { max($0, max(1, $1.engine.spec.uplinkBitsPerSecond.mean)) },
            poolCores: pools.reduce(0) { max($0, max(1e-9, $1.engine.spec.cpuCores.mean)) }
        )
    }
}
