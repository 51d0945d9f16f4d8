/// An M/M/c queue as a ShareSim model: Poisson arrivals, exponential service, `servers`
/// identical servers and an unbounded first-come-first-served queue.
///
/// It is built the way domain models are (events, a statically dispatched handler, one
/// random stream per purpose) and measures what queueing theory predicts: the wait in
/// queue, the time in system, and the time-average number in system, so that runs can be
/// checked against ``MMcTheory`` and Little's law.
///
/// Arrivals stop after `customers` customers; run the simulation to completion so that
/// every customer departs. The first `warmupCustomers` customers are left out of the
/// wait statistics (not out of the time averages).
public struct MMcQueueModel: SimulationModel, Sendable {
    /// Event kinds of the model.
    @usableFromInline enum Kind {
        @usableFromInline static let arrival: UInt16 = 0
        @usableFromInline static let departure: UInt16 = 1
    }

    /// The number of servers.
    public let servers: Int
    /// Mean time between arrivals, in nanoseconds.
    @usableFromInline let meanInterarrivalNanoseconds: Double
    /// Mean service time, in nanoseconds.
    @usableFromInline let meanServiceNanoseconds: Double
    /// Customers that will arrive in all.
    public let customers: UInt64
    /// Customers left out of the wait statistics.
    public let warmupCustomers: UInt64

    @usableFromInline var arrivalStream: RandomStream
    @usableFromInline var serviceStream: RandomStream
    /// Arrival times of waiting customers, oldest first.
    @usableFromInline var waiting: TimeFIFO
    /// Per server: the arrival time of the customer it serves.
    @usableFromInline var servedArrival: ContiguousArray<SimTime>
    /// Free servers, as a stack of indices.
    @usableFromInline var idleServers: ContiguousArray<UInt32>

    @usableFromInline var arrived: UInt64 = 0
    @usableFromInline var departed: UInt64 = 0
    @usableFromInline var startedCustomers: UInt64 = 0
    @usableFromInline var measuredCustomers: UInt64 = 0
    @usableFromInline var waitSum: Double = 0
    @usableFromInline var waitSquareSum: Double = 0
    @usableFromInline var responseSum: Double = 0
    @usableFromInline var delayedCustomers: UInt64 = 0
    /// Customers in system now, and the integral of that count over time (count × ns).
    @usableFromInline var inSystem: Int = 0
    @usableFromInline var inSystemArea: Double = 0
    @usableFromInline var busyArea: Double = 0
    @usableFromInline var lastChange: SimTime = .zero

    /// An M/M/`servers` queue with `arrivalRate` arrivals and `serviceRate` services per
    /// second per server, for `customers` customers.
    ///
    /// - Precondition: every count is at least 1 and both rates are in `1e-6...1e6` per
    ///   second, so that mean gaps stay between 1 µs and about 11.6 days and round to
    ///   nanoseconds without losing the distribution's shape.
    public init(
        servers: Int,
        arrivalRate: Double,
        serviceRate: Double,
        customers: UInt64,
        warmupCustomers: UInt64 = 0,
        seed: UInt64 = 1
    ) {
        precondition(servers >= 1 && servers <= Int(UInt32.max), "servers out of range")
        precondition(
            (1e-6...1e6).contains(arrivalRate) && (1e-6...1e6).contains(serviceRate),
            "rates must be in 1e-6...1e6 per second"
        )
        precondition(customers >= 1 && warmupCustomers < customers, "need more customers than the warm-up")
        self.servers = servers
        self.meanInterarrivalNanoseconds = 1e9 / arrivalRate
        self.meanServiceNanoseconds = 1e9 / serviceRate
        self.customers = customers
        self.warmupCustomers = warmupCustomers
        self.arrivalStream = RandomStream(seed: seed, name: "mmc.arrivals")
        self.serviceStream = RandomStream(seed: seed, name: "mmc.service")
        self.waiting = TimeFIFO()
        self.servedArrival = ContiguousArray(repeating: .zero, count: servers)
        self.idleServers = ContiguousArray((0..<UInt32(servers)).reversed())
    }

    /// Schedules the first arrival; call once before running.
    @inlinable
    public mutating func start<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        scheduleArrival(&scheduler)
    }

    /// Handles an arrival (join the line or start service) or a departure (free the
    /// server or serve the next in line).
    @inlinable
    public mutating func handle<Queue: PendingEventSet>(_ event: Event, scheduler: inout Scheduler<Queue>) {
        let now = scheduler.now
        accumulate(until: now)
        if event.kind == Kind.arrival {
            arrived &+= 1
            inSystem &+= 1
            if let server = idleServers.popLast() {
                beginService(server: server, arrival: now, scheduler: &scheduler)
            } else {
                waiting.append(now)
            }
            if arrived < customers { scheduleArrival(&scheduler) }
        } else {
            let server = event.payload
            let response = (now - servedArrival[Int(server)]).nanoseconds
            departed &+= 1
            inSystem &-= 1
            if departed > warmupCustomers { responseSum += Double(response) }
            if let arrival = waiting.popFirst() {
                beginService(server: server, arrival: arrival, scheduler: &scheduler)
            } else {
                idleServers.append(server)
            }
        }
    }

    @inlinable
    mutating func scheduleArrival<Queue: PendingEventSet>(_ scheduler: inout Scheduler<Queue>) {
        let gap = ExponentialDistribution.standardSample(using: &arrivalStream) * meanInterarrivalNanoseconds
        let delay = SimDuration(nanoseconds: SimDuration.saturatingNanoseconds(gap))
        scheduler.schedule(Kind.arrival, target: 0, after: delay)
    }

    @inlinable
    mutating func beginService<Queue: PendingEventSet>(
        server: UInt32,
        arrival: SimTime,
        scheduler: inout Scheduler<Queue>
    ) {
        let now = scheduler.now
        let wait = Double((now - arrival).nanoseconds)
        servedArrival[Int(server)] = arrival
        startedCustomers &+= 1
        if startedCustomers > warmupCustomers {
            measuredCustomers &+= 1
            waitSum += wait
            waitSquareSum += wait * wait
            if wait > 0 { delayedCustomers &+= 1 }
        }
        let service = ExponentialDistribution.standardSample(using: &serviceStream) * meanServiceNanoseconds
        scheduler.schedule(
            Kind.departure,
            target: 0,
            payload: server,
            after: SimDuration(nanoseconds: SimDuration.saturatingNanoseconds(service))
        )
    }

    @inlinable
    mutating func accumulate(until now: SimTime) {
        let elapsed = Double((now - lastChange).nanoseconds)
        inSystemArea += elapsed * Double(inSystem)
        busyArea += elapsed * Double(Swift.min(inSystem, servers))
        lastChange = now
    }

    /// What the run measured so far.
    public var measurements: MMcMeasurements {
        let span = lastChange.seconds
        let count = Double(measuredCustomers)
        let responseCount = Double(departed > warmupCustomers ? departed - warmupCustomers : 0)
        let meanWait = count > 0 ? waitSum / count * 1e-9 : 0
        let waitVariance = count > 1 ? (waitSquareSum / count * 1e-18 - meanWait * meanWait) * count / (count - 1) : 0
        return MMcMeasurements(
            arrived: arrived,
            departed: departed,
            measuredCustomers: measuredCustomers,
            meanWaitInQueue: meanWait,
            waitStandardDeviation: max(0, waitVariance).squareRoot(),
            fractionDelayed: count > 0 ? Double(delayedCustomers) / count : 0,
            meanResponseTime: responseCount > 0 ? responseSum / responseCount * 1e-9 : 0,
            meanNumberInSystem: span > 0 ? inSystemArea * 1e-9 / span : 0,
            utilisation: span > 0 ? busyArea * 1e-9 / span / Double(servers) : 0,
            elapsed: lastChange.sinceStart
        )
    }
}

/// The figures one ``MMcQueueModel`` run measured.
public struct MMcMeasurements: Sendable, Equatable {
    /// Customers that arrived.
    public var arrived: UInt64
    /// Customers that departed.
    public var departed: UInt64
    /// Customers in the wait statistics (those that began service after the warm-up).
    public var measuredCustomers: UInt64
    /// Mean wait in queue, seconds.
    public var meanWaitInQueue: Double
    /// Standard deviation of one customer's wait in queue, seconds.
    public var waitStandardDeviation: Double
    /// Fraction of measured customers that had to wait.
    public var fractionDelayed: Double
    /// Mean time in system of customers that departed after the warm-up, seconds.
    public var meanResponseTime: Double
    /// Time-average number of customers in system over the whole run.
    public var meanNumberInSystem: Double
    /// Time-average fraction of servers busy over the whole run.
    public var utilisation: Double
    /// Simulated time from zero to the last event.
    public var elapsed: SimDuration
}
