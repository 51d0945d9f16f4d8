public import SimCore

/// One request read from an arrival trace, as the model replays it: when it arrives (in the
/// trace's own time), which population asks for which class, and what the trace says of it.
///
/// A trivial 40-byte value: traces are read ahead in chunks of these, so replaying one
/// arrival costs no allocation.
public struct TraceArrival: Hashable, Sendable {
    /// The time since the trace's start, as written in the trace (before `speed` and `start`).
    public var time: SimDuration
    /// The population's index in ``ModelSpec/populations``.
    public var population: UInt32
    /// The workload class's index in ``ModelSpec/workloadClasses``.
    public var workloadClass: UInt32
    /// The content object (0-based, below the class's catalogue size), or -1 to draw one from
    /// the catalogue's popularity.
    public var object: Int64
    /// The bytes to deliver, overriding the object's size; -1 for the object's own size.
    public var bytes: Double
    /// The service demand in seconds, overriding the class's service-time draw in a zone (and,
    /// for a compute class, its CPU-seconds); -1 to draw it.
    public var serviceSeconds: Double

    /// An arrival; see the properties (-1 marks an absent optional column).
    public init(
        time: SimDuration,
        population: UInt32,
        workloadClass: UInt32,
        object: Int64 = -1,
        bytes: Double = -1,
        serviceSeconds: Double = -1
    ) {
        self.time = time
        self.population = population
        self.workloadClass = workloadClass
        self.object = object
        self.bytes = bytes
        self.serviceSeconds = serviceSeconds
    }
}

/// Why a trace could not be read while the model replayed it (the file changed or vanished
/// after it was checked).
public struct TraceReadError: Error, Hashable, Sendable {
    /// What went wrong, with the file and line.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }
}

/// Reads one arrival trace from its start, a chunk at a time. The model owns its reader for
/// the run and calls it once per chunk, never per arrival.
public protocol TraceArrivalReader: AnyObject {
    /// Replaces the contents of `buffer` with the next arrivals in trace order, at most
    /// `capacity` of them; leaves it empty at the end of the trace.
    ///
    /// - Complexity: O(bytes read); no allocation once `buffer` has reached `capacity`.
    func read(into buffer: inout ContiguousArray<TraceArrival>, capacity: Int) throws(TraceReadError)

    /// Goes back to the trace's first arrival (for looping).
    func rewind() throws(TraceReadError)
}

/// Where an arrival trace comes from: something that opens a fresh reader for each run. The
/// scenario layer provides it (a file, checked when the scenario was read); tests can provide
/// arrays.
public protocol TraceArrivalSource: Sendable {
    /// A reader positioned at the trace's first arrival.
    func openArrivals() throws(TraceReadError) -> any TraceArrivalReader
}

/// An arrival trace replayed by the model: its source and how its time maps onto the run's.
///
/// Row `i` of lap `k` (from 0) arrives at `start + (k × period + time_i) / speed`; without
/// `loop` there is one lap. Arrivals at or after the run's end are not replayed.
public struct ArrivalTraceSpec: Sendable {
    /// The trace's name in messages (its file as the scenario writes it).
    public var name: String
    /// Where its arrivals come from.
    public var source: any TraceArrivalSource
    /// How many times faster than written the trace plays (> 0): 2 halves every time.
    public var speed: Double
    /// Whether the trace starts again after `period`, for as long as the run lasts.
    public var loop: Bool
    /// When, in simulated time, the trace's time zero falls.
    public var start: SimDuration
    /// The length of one lap in the trace's own time (before `speed`): more than its last
    /// arrival's time.
    public var period: SimDuration
    /// Every (population index, class index) pair the trace has, in first-appearance order:
    /// the model prepares a demand (candidate sites) for each.
    public var pairs: [TracePair]

    /// A trace spec; see the properties.
    public init(
        name: String,
        source: any TraceArrivalSource,
        speed: Double = 1,
        loop: Bool = false,
        start: SimDuration = .zero,
        period: SimDuration,
        pairs: [TracePair]
    ) {
        self.name = name
        self.source = source
        self.speed = speed
        self.loop = loop
        self.start = start
        self.period = period
        self.pairs = pairs
    }

    /// The simulated time of an arrival at trace time `time` in lap `lap`.
    ///
    /// - Complexity: O(1).
    @inlinable public func replayTime(of time: SimDuration, lap: Int64) -> SimTime {
        Self.replayTime(of: time, lap: lap, start: start, period: period, speed: speed)
    }

    /// `start + (lap × period + time) / speed`, rounded to the nanosecond; far future past
    /// about 285 years.
    @inlinable static func replayTime(
        of time: SimDuration,
        lap: Int64,
        start: SimDuration,
        period: SimDuration,
        speed: Double
    ) -> SimTime {
        let traceNanoseconds = Double(lap) * Double(period.nanoseconds) + Double(time.nanoseconds)
        let scaled = (traceNanoseconds / speed).rounded()
        guard scaled < 9.0e18 else { return .distantFuture }
        return SimTime(start) + .nanoseconds(Int64(scaled))
    }
}

/// A population and a class, by their indices in the spec.
public struct TracePair: Hashable, Sendable {
    /// The population's index in ``ModelSpec/populations``.
    public var population: UInt32
    /// The class's index in ``ModelSpec/workloadClasses``.
    public var workloadClass: UInt32

    /// The pair of `population` and `workloadClass`.
    public init(population: UInt32, workloadClass: UInt32) {
        self.population = population
        self.workloadClass = workloadClass
    }
}

/// An arrival trace held in memory: for tests and small generated traces.
public struct ArrayTraceSource: TraceArrivalSource {
    /// The arrivals, in non-decreasing time order.
    public var arrivals: [TraceArrival]

    /// A source replaying `arrivals`.
    public init(_ arrivals: [TraceArrival]) { self.arrivals = arrivals }

    /// A reader over the arrivals.
    public func openArrivals() -> any TraceArrivalReader { ArrayTraceReader(arrivals) }
}

/// Reads an ``ArrayTraceSource``.
final class ArrayTraceReader: TraceArrivalReader {
    let arrivals: [TraceArrival]
    var next = 0

    init(_ arrivals: [TraceArrival]) { self.arrivals = arrivals }

    func read(into buffer: inout ContiguousArray<TraceArrival>, capacity: Int) {
        buffer.removeAll(keepingCapacity: true)
        let end = min(arrivals.count, next + capacity)
        buffer.append(contentsOf: arrivals[next..<end])
        next = end
    }

    func rewind() { next = 0 }
}

/// One row of a device on/off trace: at `time` (trace time), `device` of the pool goes online
/// or offline.
public struct DeviceStateChange: Hashable, Sendable {
    /// The time since the trace's start, as written.
    public var time: SimDuration
    /// The device's index in its pool (0-based).
    public var device: UInt32
    /// Whether it is online from then on.
    public var isOnline: Bool

    /// A change; see the properties.
    public init(time: SimDuration, device: UInt32, isOnline: Bool) {
        self.time = time
        self.device = device
        self.isOnline = isOnline
    }
}

/// Reads one device on/off trace from its start, a chunk at a time (see ``TraceArrivalReader``).
public protocol DeviceTraceReader: AnyObject {
    /// Replaces the contents of `buffer` with the next changes in trace order, at most
    /// `capacity`; leaves it empty at the end of the trace.
    func read(into buffer: inout ContiguousArray<DeviceStateChange>, capacity: Int) throws(TraceReadError)

    /// Goes back to the trace's first change (for looping).
    func rewind() throws(TraceReadError)
}

/// Where a device on/off trace comes from: opens a fresh reader for each run.
public protocol DeviceTraceSource: Sendable {
    /// A reader positioned at the trace's first change.
    func openChanges() throws(TraceReadError) -> any DeviceTraceReader
}

/// A device on/off trace driving some devices of a shared pool instead of its churn model.
///
/// The traced devices start offline and change only as the trace says; row `i` of lap `k`
/// applies at `start + (k × period + time_i) / speed`, as for ``ArrivalTraceSpec``.
public struct DeviceTraceSpec: Sendable {
    /// The trace's name in messages (its file as the scenario writes it).
    public var name: String
    /// The pool whose devices it drives (``SharedPoolSpec/name``).
    public var pool: String
    /// Where its changes come from.
    public var source: any DeviceTraceSource
    /// The devices it names (0-based indices in the pool), ascending: only these are traced.
    public var devices: [UInt32]
    /// How many times faster than written it plays (> 0).
    public var speed: Double
    /// Whether it starts again after `period`.
    public var loop: Bool
    /// When, in simulated time, the trace's time zero falls.
    public var start: SimDuration
    /// One lap in the trace's own time: more than its last change's time.
    public var period: SimDuration

    /// A device trace spec; see the properties.
    public init(
        name: String,
        pool: String,
        source: any DeviceTraceSource,
        devices: [UInt32],
        speed: Double = 1,
        loop: Bool = false,
        start: SimDuration = .zero,
        period: SimDuration
    ) {
        self.name = name
        self.pool = pool
        self.source = source
        self.devices = devices
        self.speed = speed
        self.loop = loop
        self.start = start
        self.period = period
    }

    /// The simulated time of a change at trace time `time` in lap `lap`.
    public func replayTime(of time: SimDuration, lap: Int64) -> SimTime {
        ArrivalTraceSpec.replayTime(of: time, lap: lap, start: start, period: period, speed: speed)
    }
}
