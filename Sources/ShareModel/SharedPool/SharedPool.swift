public import SimCore

/// The state of a pool of home devices that lend uplink, storage and CPU: their resources,
/// who is online, who can be reached, and what each has served.
///
/// Per-device state is a struct of arrays, `58` bytes per device (see ``bytesPerDevice``):
///
/// | array                  | element  | bytes |
/// |------------------------|----------|-------|
/// | `uplinkBitsPerSecond`  | `Float`  | 4     |
/// | `storageBytes`         | `Float`  | 4     |
/// | `cpuCores`             | `Float`  | 4     |
/// | `bytesServed`          | `Double` | 8     |
/// | `isOnline`             | `Bool`   | 1     |
/// | `isBehindNAT`          | `Bool`   | 1     |
/// | session counter        | `UInt32` | 4     |
/// | reachable-online list  | `UInt32` | 4     |
/// | position in that list  | `UInt32` | 4     |
/// | end of session         | `Event`  | 24    |
///
/// The ends of sessions wait in the pool's own 4-ary heap, reserved at its full size; only
/// the earliest is in the scheduler (see ``start(scheduler:)``). Scheduling each there
/// instead would cost about 60 bytes per device in the default `LadderQueue`. Measured
/// (peak resident memory of `sharesim bench model pool --devices 10M --seconds 60`, which
/// adds the model's 5 bytes per device and the run's other state): 67 bytes per device,
/// 640 MiB in all (it was 122 bytes, 1.15 GiB, with every session end in the scheduler).
/// `Float` keeps
/// 24 significant bits, a relative error below 6·10⁻⁸ on a bandwidth or a storage size, far
/// below what the distributions claim. The session counter wraps after 2³² sessions of one
/// device (reusing its first streams), which no run reaches.
///
/// Random numbers: device `i` of the pool named `name` draws from streams keyed by
/// `derivedKey(StableHash.of("shared-pool/" + name), i)` and a purpose (one stream per
/// resource, one for the initial state, one per session, the session stream keyed by the
/// session's number). No stream is stored: a session's stream is rebuilt from its key when
/// the session starts. So adding a device, or a pool, never changes what other devices draw.
///
/// Initial state is stationary: at ``start(scheduler:)`` each device is online with
/// probability meanOn / (meanOn + s · meanOff) (s the diurnal factor at the start time), and
/// its first session is a residual drawn from the equilibrium distribution (see
/// ``EquilibriumResidual``), so the online fraction needs no warm-up for constant,
/// uniform, exponential, lognormal, Weibull and bounded-Pareto sessions. With empirical or
/// Zipf sessions the first session is a fresh one and a warm-up of a few mean cycles
/// (meanOn + meanOff) is needed; with unequal diurnal factors, a warm-up of a day.
public struct SharedPool: Sendable {
    /// The spec the pool was built from (validated).
    public let spec: SharedPoolSpec
    /// The run seed the pool's streams derive from.
    public let seed: UInt64
    /// The event kind the pool's churn events use (a bigger model chooses it).
    public let churnEventKind: UInt16
    /// The event target the pool's churn events use (a bigger model chooses it); the
    /// payload is the device index.
    public let eventTarget: UInt32

    /// Per device: uplink bandwidth lent, in bits per second.
    public internal(set) var uplinkBitsPerSecond: [Float]
    /// Per device: storage lent, in bytes.
    public internal(set) var storageBytes: [Float]
    /// Per device: CPU lent, in cores.
    public internal(set) var cpuCores: [Float]
    /// Per device: bytes served since the pool was built.
    public internal(set) var bytesServed: [Double]
    /// Per device: whether it is online now.
    public internal(set) var isOnline: [Bool]
    /// Per device: whether it sits behind a NAT that cannot be reached (it never serves).
    public internal(set) var isBehindNAT: [Bool]

    /// Per device: the number of sessions started so far (keys the next session's stream).
    var sessionNumber: [UInt32]
    /// The devices online and reachable (not behind NAT), densely packed, in no
    /// particular order.
    var reachableOnline: [UInt32]
    /// Per device: its position in ``reachableOnline``, or ``absent``.
    var positionInReachable: [UInt32]
    /// The end of each device's session, earliest first; only the earliest is in the
    /// scheduler (see ``start(scheduler:)``).
    var pendingChurn: QuaternaryHeap

    /// The number of devices online now, reachable or not.
    public internal(set) var onlineDevices: Int
    /// The fraction of devices online over time (time-weighted, dimensionless, 0...1),
    /// from ``start(scheduler:)`` or the last ``resetStatistics(at:)``.
    public internal(set) var onlineFraction: TimeWeightedMean
    /// Bytes served by all devices since the pool was built.
    public internal(set) var totalBytesServed: Double
    /// The number of online/offline transitions handled so far.
    public internal(set) var transitionCount: UInt64
    /// Whether ``start(scheduler:)`` has run.
    public internal(set) var isStarted: Bool
    /// Per device, whether an on/off trace drives it instead of the churn model (see
    /// ``followTrace(devices:)``); empty when no device is traced.
    public internal(set) var isTraced: [Bool] = []

    /// The key of the pool's stream family: the stable hash of `"shared-pool/" + name`.
    let poolKey: UInt64

    /// Marks a device that is not in ``reachableOnline``.
    static let absent = UInt32.max

    /// The memory the pool's own arrays take per device, in bytes (58), its pending end of
    /// session included.
    public static let bytesPerDevice =
        3 * MemoryLayout<Float>.stride + MemoryLayout<Double>.stride + 2 * MemoryLayout<Bool>.stride
        + 3 * MemoryLayout<UInt32>.stride + MemoryLayout<Event>.stride

    /// Stream purposes for one device: resources, NAT, initial state, then sessions from
    /// ``Purpose/firstSession`` on.
    enum Purpose {
        static let uplink: UInt64 = 0
        static let storage: UInt64 = 1
        static let cpu: UInt64 = 2
        static let nat: UInt64 = 3
        static let initialState: UInt64 = 4
        static let firstSession: UInt64 = 16
    }

    /// Builds the pool: draws every device's resources and NAT status; every device is
    /// offline until ``start(scheduler:)``.
    ///
    /// - Parameters:
    ///   - spec: What the pool is made of; validated here.
    ///   - seed: The run seed.
    ///   - churnEventKind: The event kind for churn events (`0...Event.maxKind`).
    ///   - eventTarget: The event target for churn events.
    /// - Throws: ``SpecError`` naming the field, before anything is built.
    /// - Precondition: `churnEventKind` is at most `Event.maxKind`.
    /// - Complexity: O(N).
    public init(
        spec: SharedPoolSpec,
        seed: UInt64,
        churnEventKind: UInt16 = 0,
        eventTarget: UInt32 = 0
    ) throws(SpecError) {
        try spec.validate()
        precondition(churnEventKind <= Event.maxKind, "churn event kind \(churnEventKind) above \(Event.maxKind)")
        self.spec = spec
        self.seed = seed
        self.churnEventKind = churnEventKind
        self.eventTarget = eventTarget
        self.poolKey = StableHash.of("shared-pool/" + spec.name)
        let count = spec.deviceCount
        uplinkBitsPerSecond = []
        storageBytes = []
        cpuCores = []
        isBehindNAT = []
        uplinkBitsPerSecond.reserveCapacity(count)
        storageBytes.reserveCapacity(count)
        cpuCores.reserveCapacity(count)
        isBehindNAT.reserveCapacity(count)
        bytesServed = Array(repeating: 0, count: count)
        isOnline = Array(repeating: false, count: count)
        sessionNumber = Array(repeating: 0, count: count)
        reachableOnline = []
        reachableOnline.reserveCapacity(count)
        positionInReachable = Array(repeating: Self.absent, count: count)
        pendingChurn = QuaternaryHeap()
        pendingChurn.reserveCapacity(count)
        onlineDevices = 0
        onlineFraction = TimeWeightedMean(initialValue: 0, at: .zero)
        totalBytesServed = 0
        transitionCount = 0
        isStarted = false
        for device in 0..<count {
            let index = UInt32(device)
            uplinkBitsPerSecond.append(
                Float(max(0, drawResource(spec.uplinkBitsPerSecond, device: index, purpose: Purpose.uplink)))
            )
            storageBytes.append(Float(max(0, drawResource(spec.storageBytes, device: index, purpose: Purpose.storage))))
            cpuCores.append(Float(max(0, drawResource(spec.cpuCores, device: index, purpose: Purpose.cpu))))
            var natStream = stream(device: index, purpose: Purpose.nat)
            isBehindNAT.append(natStream.nextUnit() < spec.natFraction)
        }
    }

    /// The number of devices N.
    @inlinable public var deviceCount: Int { isOnline.count }

    /// The number of devices online and reachable (not behind NAT): those that can serve.
    ///
    /// - Complexity: O(1).
    public var reachableOnlineDevices: Int { reachableOnline.count }

    /// The stream of `device` for `purpose`.
    func stream(device: UInt32, purpose: UInt64) -> RandomStream {
        let deviceKey = RandomStream.derivedKey(poolKey, UInt64(device))
        return RandomStream(seed: seed, key: RandomStream.derivedKey(deviceKey, purpose))
    }

    /// One draw of a resource for `device` from its own stream.
    private func drawResource(_ distribution: SampledDistribution, device: UInt32, purpose: UInt64) -> Double {
        var random = stream(device: device, purpose: purpose)
        return distribution.sample(using: &random)
    }
}
