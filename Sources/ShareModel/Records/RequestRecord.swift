public import SimCore

/// What happened to one sampled request, from its creation to its end: the record
/// `--trace-requests` writes, one per line.
///
/// Times are simulated times from the start of the run (warm-up included); every step's
/// start and end are exact to the nanosecond, and the steps of a request follow each other
/// without gaps from ``created`` to ``ended``.
public struct RequestRecord: Hashable, Sendable {
    /// How the request ended.
    public enum Outcome: String, Hashable, Sendable {
        /// Its answer reached its population.
        case served
        /// Turned away on its last attempt (queue full, site down, no site available).
        case rejected
        /// Lost on its last attempt after being accepted (timed out, site, link or device failed).
        case failed
        /// Still in flight when the run ended.
        case unfinished
    }

    /// One step of a request's life: where it was and from when to when.
    public struct Step: Hashable, Sendable {
        /// What the request was doing.
        public enum Phase: String, Hashable, Sendable {
            /// Travelling to its site (the one-way latency).
            case travel
            /// An edge site's miss travelling to its origin region and back.
            case toOrigin = "to-origin"
            /// Its request's bytes flowing up to its zone.
            case upload
            /// Waiting in a zone's line for a server.
            case queue
            /// Being served in a zone (preempted spells included).
            case service
            /// Its answer's bytes flowing to its population.
            case transfer
            /// Running on a shared device.
            case compute
            /// Its answer travelling back (the one-way latency).
            case `return`
            /// Running its request graph's stages (their visits and messages, some in
            /// parallel; their times are in the report's Stages table), until the last
            /// stage's answer leaves.
            case stages
            /// Waiting out the health check's timeout at a site that was down when it arrived.
            case deadSite = "dead-site"
            /// Waiting before its next attempt.
            case backoff
        }

        /// What the request was doing.
        public var phase: Phase
        /// The site it was at or travelling to: a zone, edge site or shared pool's name, a
        /// device as `pool#device`; empty when it had none (a backoff).
        public var site: String
        /// When the step began.
        public var start: SimTime
        /// When it ended.
        public var end: SimTime
        /// The links its bytes crossed (`upload` and `transfer` steps), in path order.
        public var links: [String]
        /// How the attempt ended when it ended at this step without serving the request:
        /// `rejected` or `failed`; nil otherwise.
        public var lost: Outcome?

        /// A step from its parts.
        public init(
            phase: Phase,
            site: String,
            start: SimTime,
            end: SimTime,
            links: [String] = [],
            lost: Outcome? = nil
        ) {
            self.phase = phase
            self.site = site
            self.start = start
            self.end = end
            self.links = links
            self.lost = lost
        }
    }

    /// One served visit of a request-graph stage (``WorkloadClassSpec/stages``): when the
    /// stage became ready (its predecessors done), when its message reached its zone, when
    /// service began and when it ended. Visits of parallel stages overlap.
    public struct StageVisit: Hashable, Sendable {
        /// The stage's name.
        public var stage: String
        /// The zone it ran at.
        public var zone: String
        /// When it became ready: the end of the predecessor whose message it waited for, or
        /// the request's arrival at its first zone for the first stage.
        public var ready: SimTime
        /// When it entered the zone's line (ready + the message's transfer and travel).
        public var arrived: SimTime
        /// When its service began (arrived + its wait for a server).
        public var started: SimTime
        /// When its service ended.
        public var ended: SimTime

        /// A visit from its parts; `ready ≤ arrived ≤ started ≤ ended`.
        public init(stage: String, zone: String, ready: SimTime, arrived: SimTime, started: SimTime, ended: SimTime) {
            self.stage = stage
            self.zone = zone
            self.ready = ready
            self.arrived = arrived
            self.started = started
            self.ended = ended
        }
    }

    /// The request's number in its run: the n-th request created, from 1, warm-up included.
    public var serial: UInt64
    /// Its workload class's name.
    public var workload: String
    /// Its population's name.
    public var population: String
    /// Created after the warm-up, so counted in the report's figures.
    public var counted: Bool
    /// When it was created.
    public var created: SimTime
    /// When it ended; the run's end for an unfinished request.
    public var ended: SimTime
    /// How it ended.
    public var outcome: Outcome
    /// Who served it (`cloud`, `edge`, `origin`, `shared`); empty unless served.
    public var servedBy: String
    /// Attempts made (1 without retries).
    public var attempts: Int
    /// The bytes its request carried up to its zone.
    public var requestBytes: Double
    /// The bytes of its answer (delivered when served).
    public var responseBytes: Double
    /// Its steps in order.
    public var steps: [Step]
    /// Its stages' served visits, in the order they ended (empty without a request graph).
    public var stageVisits: [StageVisit] = []

    /// End-to-end time: from creation to its end.
    public var latency: SimDuration { ended - created }

    /// A record from its parts.
    public init(
        serial: UInt64,
        workload: String,
        population: String,
        counted: Bool,
        created: SimTime,
        ended: SimTime,
        outcome: Outcome,
        servedBy: String,
        attempts: Int,
        requestBytes: Double,
        responseBytes: Double,
        steps: [Step]
    ) {
        self.serial = serial
        self.workload = workload
        self.population = population
        self.counted = counted
        self.created = created
        self.ended = ended
        self.outcome = outcome
        self.servedBy = servedBy
        self.attempts = attempts
        self.requestBytes = requestBytes
        self.responseBytes = responseBytes
        self.steps = steps
    }
}
