/// Analytic results for the M/M/c queue (Poisson arrivals, exponential service, c servers,
/// unbounded FIFO queue), from the Erlang C formula.
///
/// Used to validate simulated queues: a simulated M/M/c must reproduce these figures
/// within its statistical error.
public struct MMcTheory: Sendable {
    /// The number of servers, at least 1.
    public let servers: Int
    /// Arrivals per second, positive.
    public let arrivalRate: Double
    /// Services per second per busy server, positive.
    public let serviceRate: Double

    /// The theory of an M/M/`servers` queue; nil unless the queue is stable
    /// (`arrivalRate < servers × serviceRate`) and every parameter is positive.
    public init?(servers: Int, arrivalRate: Double, serviceRate: Double) {
        guard servers >= 1, arrivalRate > 0, serviceRate > 0, arrivalRate.isFinite, serviceRate.isFinite,
            arrivalRate < Double(servers) * serviceRate
        else { return nil }
        self.servers = servers
        self.arrivalRate = arrivalRate
        self.serviceRate = serviceRate
    }

    /// The offered load in Erlangs, λ/μ.
    public var offeredLoad: Double { arrivalRate / serviceRate }

    /// The utilisation of each server, λ/(cμ), in [0, 1).
    public var utilisation: Double { offeredLoad / Double(servers) }

    /// The Erlang B blocking probability for `servers` servers and the offered load.
    ///
    /// Computed by the stable recursion B(k) = aB(k-1) / (k + aB(k-1)).
    /// - Complexity: O(servers).
    public var erlangB: Double {
        let load = offeredLoad
        var blocking = 1.0
        for k in 1...servers {
            blocking = load * blocking / (Double(k) + load * blocking)
        }
        return blocking
    }

    /// The Erlang C probability that an arriving customer has to wait.
    public var probabilityOfWaiting: Double {
        let blocking = erlangB
        return blocking / (1 - utilisation * (1 - blocking))
    }

    /// The mean wait in queue, Wq, in seconds.
    public var meanWaitInQueue: Double {
        probabilityOfWaiting / (Double(servers) * serviceRate - arrivalRate)
    }

    /// The mean time in system (wait plus service), W, in seconds.
    public var meanResponseTime: Double { meanWaitInQueue + 1 / serviceRate }

    /// The mean number waiting, Lq = λWq (Little's law).
    public var meanQueueLength: Double { arrivalRate * meanWaitInQueue }

    /// The mean number in system, L = λW (Little's law).
    public var meanNumberInSystem: Double { arrivalRate * meanResponseTime }
}
