public import SimCore

/// One stage of a request graph: a visit to a cloud zone, with its own service time, the
/// message it receives from the stages before it, and which stages those are.
///
/// A class with stages (``WorkloadClassSpec/stages``) sends each request through them: the
/// first stage from the population, each later one once its predecessors (``after``) have
/// finished, as ``join`` says; the answer goes back to the population from the one stage no
/// other stage follows. Each stage queues and is served in its zone under that zone's
/// discipline, timeout and failures.
///
/// ```swift
/// let cart = RequestStageSpec(
///     name: "cart", at: .service("cart"),
///     service: .exponential(try ExponentialDistribution(mean: 0.004)),
///     message: .constant(ConstantDistribution(finite: 2_000)))
/// ```
public struct RequestStageSpec: Hashable, Sendable {
    /// The stage's name, unique within its class (`payment`).
    public var name: String
    /// Where it runs.
    public var placement: StagePlacement
    /// Its service time in the zone, in seconds (negative draws count as zero).
    public var service: SampledDistribution
    /// The bytes each predecessor sends it before it can start, drawn per message; nil for
    /// none (the message pays latency only).
    public var messageBytes: SampledDistribution?
    /// The names of the stages it follows; nil for the stage before it in the list (none
    /// for the first stage). Several names make it a join.
    public var after: [String]?
    /// How a join waits for its predecessors; nil when not written (``StageJoin/all``).
    public var join: StageJoin?

    /// A stage named `name` at `placement` with its service time in seconds, an optional
    /// message size in bytes, its predecessors by name (nil: the stage before it) and its join.
    public init(
        name: String,
        at placement: StagePlacement,
        service: SampledDistribution,
        message: SampledDistribution? = nil,
        after: [String]? = nil,
        join: StageJoin? = nil
    ) {
        self.name = name
        self.placement = placement
        self.service = service
        self.messageBytes = message
        self.after = after
        self.join = join
    }
}

/// Where a stage runs.
public enum StagePlacement: Hashable, Sendable {
    /// Always at the zone of this name.
    case zone(String)
    /// At the nearest zone, by the latency model, that lists this service
    /// (``ZoneSpec/services``) and that the router believes up: nearest to the site of the
    /// predecessor that finished first (the population, for the first stage).
    case service(String)
}

/// How a stage with several predecessors waits for them.
public enum StageJoin: String, Hashable, Sendable, CaseIterable {
    /// It starts when every predecessor's message has arrived.
    case all
    /// It starts when the first predecessor's message arrives; the other predecessors run on
    /// to the end of their service, but their messages are dropped.
    case first
}
