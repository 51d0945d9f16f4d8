import SimCore

/// What one simulation of a spec will need, estimated from the spec alone before anything is
/// built: memory by item, and events.
///
/// Memory counts the structures whose size the description sets: devices, edge-cache
/// indexes, zone slots, the latency table and the failure schedule. Requests in flight are
/// not counted here (they depend on the load); ``RunLimits`` bounds them while the run goes.
/// Events count arrivals, the steps of their requests, device churn and failures. Both are
/// estimates within tens of percent (per-item costs were measured on x86-64 Linux), meant for
/// refusing runs that cannot fit and warning about runs that will take long, not for budgets.
public struct ResourceEstimate: Hashable, Sendable {
    /// One thing that takes memory: which part of the description asks for it, and how much.
    public struct Item: Hashable, Sendable {
        /// The element whose field sets the size.
        public var element: SpecElement
        /// The field, by its scenario key (`devices`, `catalogue`, `servers`).
        public var field: SpecField
        /// What is counted, for messages: `4,294,967,294 devices`.
        public var what: String
        /// The estimated size (bytes).
        public var bytes: Double
    }

    /// The items, largest first (ties in description order).
    public var items: [Item]
    /// The estimated number of events of one simulation (warm-up included).
    public var events: Double

    /// The sum of the items (bytes).
    public var bytes: Double { items.reduce(0) { $0 + $1.bytes } }

    /// The memory a shared device takes (bytes): the pool's own arrays and its pending end of
    /// session (``SharedPool/bytesPerDevice``, 58), and the model's per-device link, upload and
    /// job entries, rounded up to the 68 bytes measured per device (peak resident memory of
    /// 10⁷ devices over 10⁷).
    public static let bytesPerDevice = 68.0
    /// The memory an edge cache takes per catalogue object, resident or not (bytes): two links
    /// and a size.
    public static let bytesPerCachedObject = 16.0
    /// The memory a zone takes per core (bytes): a slot for the request in service and a free
    /// list entry, as measured.
    public static let bytesPerCore = 52.0
    /// The memory one 5-minute sample of a link billed on a percentile takes (bytes): its
    /// bucket and its step in the difference array (``BandwidthSamples``).
    public static let bytesPerBandwidthSample = 2.0 * Double(MemoryLayout<Double>.stride)
    /// The memory one latency table entry takes (bytes).
    public static let bytesPerLatencyEntry = Double(MemoryLayout<Int64>.stride)
    /// The memory one random outage window takes while the run goes (bytes): the schedule's
    /// windows, their merged copies and their pending events, as measured (146 per window with
    /// a 2 ms cycle over 2 to 4 hours).
    public static let bytesPerOutageWindow = 150.0

    /// The memory one workload class takes (bytes): its latency histogram, 1 ns to 24 h at 3
    /// digits (measured: 1,000 classes take 300 MB); with outages, a second one for the
    /// requests that arrive during them.
    public static let bytesPerWorkloadClass = Double(
        LatencyHistogram.countsBytes(highestTrackable: WorkloadTallyLimits.latencyRange)
    )
    /// Events per request: its arrival, its reaching a site, its service or transfer ending,
    /// and its answer arriving back; a request graph's later stages add two each (a hop and
    /// an end).
    public static let eventsPerRequest = 4.0
}

extension ModelSpec {
    /// The memory and events one simulation of this spec needs; see ``ResourceEstimate``.
    ///
    /// - Complexity: O(size of the spec).
    public var resourceEstimate: ResourceEstimate {
        var items: [ResourceEstimate.Item] = []
        func add(_ element: SpecElement, _ field: SpecField, _ count: Double, _ unit: String, each bytes: Double) {
            let what = "\(Self.grouped(count)) \(unit)"
            items.append(.init(element: element, field: field, what: what, bytes: count * bytes))
        }
        for placement in sharedPools {
            let pool = placement.pool
            let devices = Double(pool.deviceCount)
            add(.sharedPool(pool.name), .devices, devices, "devices", each: ResourceEstimate.bytesPerDevice)
        }
        for site in edgeSites {
            for workload in workloadClasses {
                guard let content = workload.kind.content else { continue }
                add(
                    .workload(workload.name),
                    .catalogue,
                    Double(content.catalogueSize),
                    "objects indexed by edge site '\(site.name)'",
                    each: ResourceEstimate.bytesPerCachedObject
                )
            }
        }
        for (_, zone) in zones {
            add(
                .zone(zone.name),
                .servers,
                Double(zone.servers) * Double(zone.coresPerServer),
                "cores",
                each: ResourceEstimate.bytesPerCore
            )
        }
        let hasOutages = !outages.isEmpty || !randomFailures.isEmpty
        add(
            .scenario,
            .workloads,
            Double(workloadClasses.count),
            hasOutages
                ? "workload classes (two latency histograms each: all requests, and those during outages)"
                : "workload classes (a latency histogram each)",
            each: ResourceEstimate.bytesPerWorkloadClass * (hasOutages ? 2 : 1)
        )
        let endpoints = Double(regions.count + zones.count + edgeSites.count + sharedPools.count + populations.count)
        add(
            .scenario,
            .latency,
            endpoints * (endpoints + 1) / 2,
            "latency table entries",
            each: ResourceEstimate.bytesPerLatencyEntry
        )
        if let prices {
            // Each link billed on a percentile keeps two Doubles per 5-minute sample of the run.
            let samples = (duration.seconds / BandwidthSamples.sampleLength.seconds).rounded(.up)
            let billed: [(SpecElement, SpecField)] =
                prices.regions.compactMap {
                    $0.egress95th == nil ? nil : (.region($0.region), .price.child("egress_95th"))
                }
                + prices.edgeSites.compactMap {
                    $0.egress95th == nil ? nil : (.edgeSite($0.site), .price.child("egress_95th"))
                }
                + prices.sharedPools.compactMap {
                    $0.bandwidth95th == nil ? nil : (.sharedPool($0.pool), .price.child("bandwidth_95th"))
                }
            for (element, field) in billed {
                add(element, field, samples, "5-minute samples", each: ResourceEstimate.bytesPerBandwidthSample)
            }
        }
        let horizon = (warmup + duration).seconds
        var events = 0.0
        for (index, failure) in randomFailures.enumerated() {
            let cycle = failure.timeToFailureSeconds.mean + failure.timeToRepairSeconds.mean
            let windows = cycle > 0 ? (horizon / cycle).rounded(.up) : 0
            add(
                .randomFailure(index, of: failure.target),
                .target(failure.target),
                windows,
                "outage windows of \(failure.target)",
                each: ResourceEstimate.bytesPerOutageWindow
            )
            events += 2 * windows
        }
        for placement in sharedPools {
            let pool = placement.pool
            let cycle = pool.onSessionSeconds.mean + pool.offSessionSeconds.mean
            if cycle > 0 { events += Double(pool.deviceCount) * (1 + 2 * horizon / cycle) }
        }
        let end = SimTime.zero + warmup + duration
        let stageCounts = Dictionary(
            workloadClasses.map { ($0.name, $0.stages.count) },
            uniquingKeysWith: { first, _ in first }
        )
        for population in populations {
            for demand in population.demands {
                // A request graph's stage adds its hop and its end, beyond the first stage's.
                let stages = Double(stageCounts[demand.workloadClass] ?? 0)
                let perRequest = ResourceEstimate.eventsPerRequest + 2 * max(0, stages - 1)
                events += demand.expectedCount(until: end) * perRequest
            }
        }
        let order = items.indices.sorted {
            items[$0].bytes > items[$1].bytes || (items[$0].bytes == items[$1].bytes && $0 < $1)
        }
        return ResourceEstimate(items: order.map { items[$0] }, events: events)
    }

    /// `4294967294` as `4,294,967,294`; values beyond 2⁶³ in scientific notation.
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite, value < 9e18 else { return "\(value)" }
        let digits = String(Int64(value.rounded()))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
