public import SimCore

/// A minimal simulation model that replays transfers and capacity changes through a
/// ``FlowNetwork``, ending each flow when its bytes are delivered.
///
/// It shows how workloads drive the network from the engine: a start event per transfer,
/// one ``FlowCompletionTimer`` re-armed after every change, and capacity-change events for
/// failures. It records each transfer's completion time and delivered bytes.
///
/// ```swift
/// var network = FlowNetwork()
/// let link = try network.addLink(capacityBitsPerSecond: 8_000_000)
/// let model = try FlowNetworkModel(
///     network: network, transfers: [.init(path: [link], bytes: 1_000_000, start: .zero)])
/// var simulation = Simulation(model: model)
/// model.scheduleInputs(into: &simulation.scheduler)
/// simulation.runToCompletion()
/// simulation.model.completionTimes[0]   // t=1 s
/// ```
public struct FlowNetworkModel: SimulationModel, Sendable {
    /// The event kinds the model schedules.
    public enum EventKind {
        /// A transfer starts; the payload is its index in ``FlowNetworkModel/transfers``.
        public static let transferStart: UInt16 = 0
        /// The completion timer fired.
        public static let completion: UInt16 = 1
        /// A capacity changes; the payload is its index in ``FlowNetworkModel/capacityChanges``.
        public static let capacityChange: UInt16 = 2
    }

    /// A transfer to replay: `bytes` bytes over `path`, starting at `start`.
    public struct Transfer: Sendable {
        /// The links crossed, in order.
        public var path: [LinkID]
        /// The size, in bytes (finite, ≥ 0).
        public var bytes: Double
        /// When the transfer starts.
        public var start: SimTime

        /// A transfer of `bytes` bytes over `path` starting at `start`.
        public init(path: [LinkID], bytes: Double, start: SimTime) {
            self.path = path
            self.bytes = bytes
            self.start = start
        }
    }

    /// A scheduled change of one link's capacity (a failure, a degradation, a repair).
    public struct CapacityChange: Sendable {
        /// The link.
        public var link: LinkID
        /// The new capacity, in bits per second (finite, ≥ 0; 0 is a failure).
        public var capacityBitsPerSecond: Double
        /// When it changes.
        public var time: SimTime

        /// Sets `link` to `capacityBitsPerSecond` bits per second at `time`.
        public init(link: LinkID, capacityBitsPerSecond: Double, time: SimTime) {
            self.link = link
            self.capacityBitsPerSecond = capacityBitsPerSecond
            self.time = time
        }
    }

    /// The network, with the flows in progress.
    public private(set) var network: FlowNetwork
    /// The transfers to replay, by index.
    public let transfers: [Transfer]
    /// The capacity changes to apply, by index.
    public let capacityChanges: [CapacityChange]
    /// Per transfer: when it completed, or nil while pending or in progress.
    public private(set) var completionTimes: [SimTime?]
    /// Per transfer: the bytes delivered when it completed (its size), 0 until then.
    public private(set) var deliveredBytes: [Double]
    /// Per transfer: the flow's delivered bytes before clamping to its size, for checks.
    public private(set) var unclampedDeliveredBytes: [Double]
    /// The number of transfers that have completed.
    public private(set) var completedCount: Int = 0

    /// Per flow slot: the transfer it carries.
    var transferOfFlow: [UInt32] = []
    /// The completion event.
    var timer = FlowCompletionTimer()

    /// A model replaying `transfers` and `capacityChanges` over `network`.
    ///
    /// - Throws: ``SpecError`` for a path, size or capacity the network would
    ///   reject, before anything runs.
    public init(
        network: FlowNetwork,
        transfers: [Transfer],
        capacityChanges: [CapacityChange] = []
    ) throws(SpecError) {
        var probe = network
        for transfer in transfers {
            try probe.validate(path: transfer.path)
            try SpecError.requireNonNegative(transfer.bytes, SpecElement(.flow), .bytes)
        }
        for change in capacityChanges {
            guard Int(change.link.index) < network.linkCount else {
                throw FlowNetwork.unknownLink(change.link.index, count: network.linkCount)
            }
            try FlowNetwork.validate(capacity: change.capacityBitsPerSecond, link: Int(change.link.index))
        }
        self.network = network
        self.transfers = transfers
        self.capacityChanges = capacityChanges
        completionTimes = Array(repeating: nil, count: transfers.count)
        deliveredBytes = Array(repeating: 0, count: transfers.count)
        unclampedDeliveredBytes = Array(repeating: 0, count: transfers.count)
    }

    /// Schedules a start event per transfer and an event per capacity change.
    ///
    /// - Precondition: no start or change time is before `scheduler.now`.
    public func scheduleInputs<Queue: PendingEventSet>(into scheduler: inout Scheduler<Queue>) {
        for (index, transfer) in transfers.enumerated() {
            scheduler.schedule(EventKind.transferStart, target: 0, payload: UInt32(index), at: transfer.start)
        }
        for (index, change) in capacityChanges.enumerated() {
            scheduler.schedule(EventKind.capacityChange, target: 0, payload: UInt32(index), at: change.time)
        }
    }

    /// Starts a transfer, applies a capacity change, or ends the flows that are due.
    public mutating func handle<Queue: PendingEventSet>(_ event: Event, scheduler: inout Scheduler<Queue>) {
        let now = scheduler.now
        switch event.kind {
        case EventKind.transferStart:
            let index = Int(event.payload)
            let transfer = transfers[index]
            let flow: FlowID
            do {
                flow = try network.startFlow(path: transfer.path, bytes: transfer.bytes, at: now)
            } catch {
                preconditionFailure("transfer \(index) was validated but rejected at \(now): \(error)")
            }
            let slot = Int(flow.index)
            if slot >= transferOfFlow.count {
                transferOfFlow.append(contentsOf: repeatElement(0, count: slot + 1 - transferOfFlow.count))
            }
            transferOfFlow[slot] = UInt32(index)
        case EventKind.capacityChange:
            let change = capacityChanges[Int(event.payload)]
            do {
                try network.setCapacity(change.capacityBitsPerSecond, of: change.link, at: now)
            } catch {
                preconditionFailure("capacity change \(event.payload) was validated but rejected at \(now): \(error)")
            }
        case EventKind.completion:
            while let (flow, time) = network.nextCompletion(), time <= now {
                let transfer = Int(transferOfFlow[Int(flow.index)])
                unclampedDeliveredBytes[transfer] = network.unclampedDeliveredBytes(of: Int(flow.index), at: now)
                deliveredBytes[transfer] = network.endFlow(flow, at: now)
                completionTimes[transfer] = now
                completedCount += 1
            }
        default:
            preconditionFailure("FlowNetworkModel got unknown event kind \(event.kind) at \(now)")
        }
        timer.rearm(for: network, kind: EventKind.completion, target: 0, scheduler: &scheduler)
    }
}
