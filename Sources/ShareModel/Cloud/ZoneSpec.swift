public import SimCore

/// The static description of one availability zone: its capacity, its service times per
/// workload class, its waiting line, its timeout and its service discipline.
///
/// A zone has `servers × coresPerServer` identical parallel slots (its capacity c); each
/// request occupies one slot for a service time drawn from its class's distribution. A
/// request that finds every slot busy waits in a first-come-first-served line of at most
/// ``maxWaiting`` requests (arrivals beyond it are rejected); a waiting request whose wait
/// reaches ``timeout`` is dropped as timed out. ``discipline`` changes the order of service
/// (see ``ServiceDiscipline`` and ``CloudZone`` for what the line and the timeout mean
/// under each).
///
/// A spec is valid by construction: the initialiser throws ``SpecError`` naming the
/// field at fault (by its scenario key).
///
/// ```swift
/// let zone = try ZoneSpec(
///     name: "cn-hangzhou-a", servers: 100, coresPerServer: 16,
///     serviceTimes: [.exponential(try ExponentialDistribution(mean: 0.02))],
///     maxWaiting: 10_000, timeout: .seconds(2))
/// zone.capacity   // 1600 slots
/// ```
public struct ZoneSpec: Hashable, Sendable {
    /// The zone's name, unique within its region (`cn-hangzhou-a`).
    public private(set) var name: String
    /// Servers in the zone, at least 1.
    public let servers: Int
    /// Cores per server, at least 1; each core serves one request at a time.
    public let coresPerServer: Int
    /// Service time of one request per workload class, in seconds; index by
    /// ``CloudWorkloadClass/index``. Negative samples (a normal's tail) count as zero.
    public let serviceTimes: [SampledDistribution]
    /// The most requests that may wait for a slot, at least 0; nil for an unbounded line.
    public let maxWaiting: Int?
    /// How long a request may wait for a slot before it is dropped; nil for no limit.
    public let timeout: SimDuration?
    /// The policy its server count follows; nil for a fixed count of ``servers``. With a
    /// policy, ``servers`` is the count the run starts with, within its min and max.
    public let autoscaling: AutoscalingPolicy?
    /// The order in which the zone serves its requests; ``ServiceDiscipline/fcfs`` by default.
    public let discipline: ServiceDiscipline
    /// The services it offers to request graphs (``StagePlacement/service(_:)``), such as
    /// `cart` or `payment`; empty by default.
    public var services: [String]

    /// The largest capacity a zone may have: slot indices travel in 32-bit event payloads.
    public static let maxCapacity = Int(UInt32.max)

    /// A zone named `name` with `servers × coresPerServer` slots.
    ///
    /// - Parameters:
    ///   - serviceTimes: one distribution per workload class, in seconds, at least one.
    ///   - maxWaiting: the longest line, in requests (≥ 0); nil for unbounded.
    ///   - timeout: the longest wait (> 0); nil for none.
    ///   - autoscaling: the scaling policy; `servers` must lie within its min and max.
    ///   - discipline: the order of service.
    ///   - services: the services it offers to request-graph stages.
    /// - Throws: ``SpecError`` naming the first field at fault (`servers`, `cores`, `service`,
    ///   `queue`, `timeout`, `autoscaling.max`).
    public init(
        name: String,
        servers: Int,
        coresPerServer: Int,
        serviceTimes: [SampledDistribution],
        maxWaiting: Int? = nil,
        timeout: SimDuration? = nil,
        autoscaling: AutoscalingPolicy? = nil,
        discipline: ServiceDiscipline = .fcfs,
        services: [String] = []
    ) throws(SpecError) {
        let element = SpecElement.zone(name)
        guard !name.isEmpty else { throw SpecError(element, .name, .emptyName) }
        try SpecError.require(servers, in: 1...Int.max, element, .servers)
        try SpecError.require(coresPerServer, in: 1...Int.max, element, .cores)
        if let autoscaling, !(autoscaling.minServers...autoscaling.maxServers).contains(servers) {
            throw SpecError(
                element,
                .servers,
                .outOfRange(
                    got: "\(servers)",
                    lower: "autoscaling min (\(autoscaling.minServers))",
                    upper: "max (\(autoscaling.maxServers))"
                )
            )
        }
        let mostServers = autoscaling?.maxServers ?? servers
        let (capacity, overflow) = mostServers.multipliedReportingOverflow(by: coresPerServer)
        guard !overflow, capacity <= ZoneSpec.maxCapacity else {
            throw SpecError(
                element,
                autoscaling == nil ? .cores : SpecField.autoscaling.child("max"),
                .other(
                    "gives more than \(ZoneSpec.maxCapacity) slots with \(mostServers) servers"
                        + " (slot indices are 32-bit)"
                )
            )
        }
        guard !serviceTimes.isEmpty else { throw SpecError(element, .service, .empty) }
        for (index, distribution) in serviceTimes.enumerated() {
            let mean = distribution.mean
            guard mean.isFinite, mean >= 0 else {
                throw SpecError(
                    element,
                    .service.at(index),
                    .other("must have a finite, non-negative mean in seconds, got \(mean)")
                )
            }
        }
        if let maxWaiting, maxWaiting < 0 {
            throw SpecError(element, .queue, .negative(got: "\(maxWaiting)"))
        }
        if let timeout, timeout.nanoseconds <= 0 {
            throw SpecError(element, .timeout, .notPositive(got: "\(timeout)"))
        }
        self.name = name
        self.servers = servers
        self.coresPerServer = coresPerServer
        self.serviceTimes = serviceTimes
        self.maxWaiting = maxWaiting
        self.timeout = timeout
        self.autoscaling = autoscaling
        self.discipline = discipline
        self.services = services
    }

    /// The same zone under another name, for zones stamped from one template; it cannot fail,
    /// since every other field was checked already.
    ///
    /// - Precondition: `name` is not empty.
    public func renamed(_ name: String) -> ZoneSpec {
        precondition(!name.isEmpty, "a zone needs a name")
        var zone = self
        zone.name = name
        return zone
    }

    /// The number of parallel slots, c = servers × coresPerServer (at the start of the run,
    /// for an autoscaled zone).
    public var capacity: Int { servers * coresPerServer }

    /// The most parallel slots the zone can have: its capacity, or its autoscaling maximum
    /// times its cores per server.
    public var maxScaledCapacity: Int { (autoscaling?.maxServers ?? servers) * coresPerServer }

    /// The number of workload classes the zone serves.
    public var workloadClassCount: Int { serviceTimes.count }

    /// The most requests the zone holds at once (in service plus waiting); nil if unbounded.
    public var systemCapacity: Int? { maxWaiting.map { capacity + $0 } }
}
