public import SimCore

/// The static description of one availability zone: its capacity, its service times per
/// workload class, its waiting line and its timeout.
///
/// A zone has `servers × coresPerServer` identical parallel slots (its capacity c); each
/// request occupies one slot for a service time drawn from its class's distribution. A
/// request that finds every slot busy waits in a first-come-first-served line of at most
/// ``maxWaiting`` requests (arrivals beyond it are rejected); a waiting request whose wait
/// reaches ``timeout`` is dropped as timed out.
///
/// A spec is valid by construction: the initialiser throws ``CloudSpecError`` naming the
/// field at fault.
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
    public let name: String
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

    /// The largest capacity a zone may have: slot indices travel in 32-bit event payloads.
    public static let maxCapacity = Int(UInt32.max)

    /// A zone named `name` with `servers × coresPerServer` slots.
    ///
    /// - Parameters:
    ///   - serviceTimes: one distribution per workload class, in seconds, at least one.
    ///   - maxWaiting: the longest line, in requests (≥ 0); nil for unbounded.
    ///   - timeout: the longest wait (> 0); nil for none.
    /// - Throws: ``CloudSpecError`` naming the first field at fault.
    public init(
        name: String,
        servers: Int,
        coresPerServer: Int,
        serviceTimes: [SampledDistribution],
        maxWaiting: Int? = nil,
        timeout: SimDuration? = nil
    ) throws(CloudSpecError) {
        let element = name.isEmpty ? "zone" : "zone \(name)"
        func fail(_ field: String, _ reason: CloudSpecError.Reason) -> CloudSpecError {
            CloudSpecError(element: element, field: field, reason: reason)
        }
        guard !name.isEmpty else { throw fail("name", .emptyName) }
        guard servers >= 1 else { throw fail("servers", .tooSmall(got: servers, minimum: 1)) }
        guard coresPerServer >= 1 else { throw fail("coresPerServer", .tooSmall(got: coresPerServer, minimum: 1)) }
        let (capacity, overflow) = servers.multipliedReportingOverflow(by: coresPerServer)
        guard !overflow, capacity <= ZoneSpec.maxCapacity else {
            throw fail("coresPerServer", .tooLarge(got: overflow ? .max : capacity, maximum: ZoneSpec.maxCapacity))
        }
        guard !serviceTimes.isEmpty else { throw fail("serviceTimes", .empty) }
        for (index, distribution) in serviceTimes.enumerated() {
            let mean = distribution.mean
            guard mean.isFinite, mean >= 0 else { throw fail("serviceTimes[\(index)]", .invalidMean(mean)) }
        }
        if let maxWaiting, maxWaiting < 0 {
            throw fail("maxWaiting", .tooSmall(got: maxWaiting, minimum: 0))
        }
        if let timeout, timeout.nanoseconds <= 0 {
            throw fail("timeout", .nonPositiveDuration(nanoseconds: timeout.nanoseconds))
        }
        self.name = name
        self.servers = servers
        self.coresPerServer = coresPerServer
        self.serviceTimes = serviceTimes
        self.maxWaiting = maxWaiting
        self.timeout = timeout
    }

    /// The number of parallel slots, c = servers × coresPerServer.
    public var capacity: Int { servers * coresPerServer }

    /// The number of workload classes the zone serves.
    public var workloadClassCount: Int { serviceTimes.count }

    /// The most requests the zone holds at once (in service plus waiting); nil if unbounded.
    public var systemCapacity: Int? { maxWaiting.map { capacity + $0 } }
}
