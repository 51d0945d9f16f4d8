/// PHOLD, the standard discrete-event benchmark (Fujimoto 1990), as a ShareSim model.
///
/// There are `logicalProcesses` LPs, each starting with `eventsPerProcess` events. Handling
/// an event at any LP schedules one event at a uniformly chosen LP (remote probability 1) at
/// now + lookahead + Exp(mean). With the usual parameters one time unit is one simulated
/// second: lookahead 0.1 s, mean 1 s.
public struct PHoldModel: SimulationModel, Sendable {
    /// The number of LPs, at least 1.
    public let logicalProcesses: UInt64
    /// The fixed part of every delay.
    public let lookahead: SimDuration
    /// The mean of the exponential part of every delay, in nanoseconds.
    public let meanIncrementNanoseconds: Double
    /// The one random stream the benchmark draws from.
    public var stream: RandomStream
    /// A running digest of (time, target) of every handled event, to compare runs.
    @inlinable public var digest: UInt64 { traceDigest }
    @usableFromInline var traceDigest: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The PHOLD model over `logicalProcesses` LPs.
    public init(
        logicalProcesses: Int,
        lookahead: SimDuration = .milliseconds(100),
        meanIncrement: SimDuration = .seconds(1),
        seed: UInt64 = 1
    ) {
        precondition(logicalProcesses >= 1 && logicalProcesses <= Int(UInt32.max), "LP count out of range")
        precondition(
            lookahead >= .zero && meanIncrement > .zero,
            "PHOLD needs a non-negative lookahead and a positive mean"
        )
        self.logicalProcesses = UInt64(logicalProcesses)
        self.lookahead = lookahead
        self.meanIncrementNanoseconds = Double(meanIncrement.nanoseconds)
        self.stream = RandomStream(seed: seed, name: "bench.phold")
    }

    /// Schedules the initial `eventsPerProcess` events of every LP, at exponential times.
    @inlinable
    public mutating func start<Queue: PendingEventSet>(eventsPerProcess: Int, scheduler: inout Scheduler<Queue>) {
        scheduler.reserveCapacity(Int(logicalProcesses) * eventsPerProcess)
        for process in 0..<UInt32(logicalProcesses) {
            for _ in 0..<eventsPerProcess {
                let delay = SimDuration(
                    nanoseconds: SimDuration.saturatingNanoseconds(
                        ExponentialDistribution.standardSample(using: &stream) * meanIncrementNanoseconds
                    )
                )
                scheduler.schedule(0, target: process, after: delay)
            }
        }
    }

    /// Sends one event to a uniformly chosen LP at now + lookahead + Exp(mean).
    @inlinable
    public mutating func handle<Queue: PendingEventSet>(_ event: Event, scheduler: inout Scheduler<Queue>) {
        let mixed = traceDigest ^ UInt64(bitPattern: event.time.nanoseconds) ^ UInt64(event.target) &<< 40
        traceDigest = mixed &* 0x0000_0100_0000_01b3
        let destination = UInt32(truncatingIfNeeded: stream.nextInt(below: logicalProcesses))
        let exponential = ExponentialDistribution.standardSample(using: &stream) * meanIncrementNanoseconds
        let delay = lookahead + SimDuration(nanoseconds: SimDuration.saturatingNanoseconds(exponential))
        scheduler.schedule(0, target: destination, after: delay)
    }
}
