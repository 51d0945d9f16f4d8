public import HostRuntime
import ShareModel
import SimCore

/// The memory a benchmark's flags ask for, estimated before it runs, so that a size this
/// machine cannot hold is refused with the estimate instead of ending in a crash or a swap
/// storm.
///
/// Each part names the flag that sets it; the check blames the largest. Estimates are within
/// tens of percent (per-item costs measured on x86-64 Linux, as ``ShareModel/ResourceEstimate``'s).
public struct BenchmarkFootprint: Hashable, Sendable {
    /// One thing that takes memory, and the flag that sets its size.
    public struct Part: Hashable, Sendable {
        /// The flag, as typed: `--devices`.
        public var flag: String
        /// What is counted, for messages: `10,000,000,000 devices`.
        public var what: String
        /// The estimated size (bytes).
        public var bytes: Double
    }

    /// The parts, in the order the benchmark's flags list them.
    public var parts: [Part]

    /// The sum of the parts (bytes).
    public var bytes: Double { parts.reduce(0) { $0 + $1.bytes } }

    /// Memory per pending event in the hold and PHOLD benchmarks (bytes): measured at 10⁶
    /// pending (`bytes_per_pending`), 62 in the ladder queue and 24 in the 4-ary heap.
    public static func bytesPerPendingEvent(in queue: PendingSetChoice) -> Double { queue == .ladder ? 62 : 24 }
    /// Memory per PHOLD logical process besides its events (bytes): its random stream.
    public static let bytesPerLogicalProcess = 40.0

    /// The hold benchmark with `pending` events in `queue`.
    public static func hold(pending: Int, queue: PendingSetChoice) -> BenchmarkFootprint {
        BenchmarkFootprint(parts: [
            Part(
                flag: "--pending",
                what: "\(grouped(pending)) pending events",
                bytes: Double(pending) * bytesPerPendingEvent(in: queue)
            )
        ])
    }

    /// PHOLD with `lps` logical processes of `eventsPerLP` events each in `queue`.
    public static func phold(lps: Int, events eventsPerLP: Int, queue: PendingSetChoice) -> BenchmarkFootprint {
        let events = Double(lps) * Double(eventsPerLP)
        return BenchmarkFootprint(parts: [
            Part(
                flag: "--lps",
                what: "\(grouped(lps)) LPs with \(grouped(eventsPerLP)) events each",
                bytes: events * bytesPerPendingEvent(in: queue) + Double(lps) * bytesPerLogicalProcess
            )
        ])
    }

    /// Refuses a footprint that does not fit this machine's share for one run: three quarters
    /// of ``MachineMemory/bytes`` (``ResourceCheck/usableFraction``).
    ///
    /// - Throws: ``ExperimentError/usage(_:)`` naming the flag of the largest part, the estimate
    ///   and the machine, for example `--devices: 10,000,000,000 devices need about 540 GiB;
    ///   this machine has 24 GiB, 18 GiB for one run`.
    public func check(machineBytes: Double = MachineMemory.bytes) throws(ExperimentError) {
        let usable = machineBytes * ResourceCheck.usableFraction
        guard bytes > usable, let largest = parts.max(by: { $0.bytes < $1.bytes }) else { return }
        throw .usage(
            "\(largest.flag): \(largest.what) need about \(MachineMemory.text(bytes)); this machine has "
                + "\(MachineMemory.text(machineBytes)), \(MachineMemory.text(usable)) for one run"
        )
    }

    /// `10000000000` as `10,000,000,000`.
    static func grouped(_ value: Int) -> String { ModelSpec.grouped(Double(value)) }
}

extension ModelBenchmarkRun {
    /// How long a request of each model benchmark stays in flight (seconds), for Little's law:
    /// an order about its 200 ms SLO (zones run at 60%, so it hardly waits), a 20 MB video
    /// about 8 s (at the pool's slowest uplink, 20 Mbit/s), a topology request (orders and
    /// 2 MB downloads over 10 Gbit/s uplinks) under 1 s.
    static func secondsInFlight(_ workload: Workload) -> Double {
        switch workload {
        case .pool: 8
        case .cloud: 0.2
        case .saturated, .topology: 1
        }
    }

    /// The memory `workload` at `rate` requests per second will take: what its model's
    /// description sets (``ShareModel/ResourceEstimate``: devices, cores, the latency table),
    /// and its requests in flight (rate × ``secondsInFlight(_:)``, about
    /// ``ShareModel/RunLimits/bytesPerRequestInFlight`` each).
    ///
    /// - Throws: errors building the model's description (none for valid flags).
    public static func footprint(_ workload: Workload, rate: Double?) throws -> BenchmarkFootprint {
        let requestsPerSecond: Double
        let estimate: ResourceEstimate?
        switch workload {
        case .pool(let devices):
            requestsPerSecond = rate ?? 2_000
            let spec = try ModelBenchmarks.sharedPool(
                devices: devices,
                requestsPerSecond: requestsPerSecond,
                duration: .seconds(1)
            )
            estimate = spec.resourceEstimate
        case .cloud:
            requestsPerSecond = rate ?? 100_000
            let spec = try ModelBenchmarks.multiRegionCloud(
                regions: 29,
                zonesPerRegion: 3,
                transactionsPerSecond: requestsPerSecond,
                duration: .seconds(1)
            )
            estimate = spec.resourceEstimate
        case .saturated:
            return BenchmarkFootprint(parts: [])
        case .topology:
            requestsPerSecond = rate ?? 100_000
            estimate = nil
        }
        var parts: [BenchmarkFootprint.Part] = []
        if let estimate {
            for item in estimate.items where item.field == .devices {
                parts.append(BenchmarkFootprint.Part(flag: "--devices", what: item.what, bytes: item.bytes))
            }
            let tables = estimate.items.filter { $0.field != .devices }.reduce(0) { $0 + $1.bytes }
            parts.append(BenchmarkFootprint.Part(flag: "--rate", what: "zone cores and tables", bytes: tables))
        }
        let inFlight = requestsPerSecond * secondsInFlight(workload)
        parts.append(
            BenchmarkFootprint.Part(
                flag: "--rate",
                what: "about \(ModelSpec.grouped(inFlight)) requests in flight",
                bytes: inFlight * Double(RunLimits.bytesPerRequestInFlight)
            )
        )
        return BenchmarkFootprint(parts: parts)
    }
}
