public import SimCore

/// A class of work that populations generate: its kind, and what counts as good service.
///
/// Every class has a service-time entry in every cloud zone (``ZoneSpec/serviceTimes``, in
/// the order of ``ModelSpec/workloadClasses``): for a transaction it is the whole service,
/// for a download or stream the request handling before the transfer starts, for a compute
/// job the job's run time on one zone core.
public struct WorkloadClassSpec: Hashable, Sendable {
    /// The class's name, unique in the model, such as `orders` or `video`.
    public var name: String
    /// What a request of this class asks for.
    public var kind: WorkloadKind
    /// The end-to-end latency a request must not exceed to count as meeting its objective,
    /// or nil for no objective.
    public var slo: SimDuration?
    /// The bytes a transaction's request carries from its client to the zone before service
    /// starts (a camera clip, an image), drawn per request; nil for none (the request pays
    /// latency only). Transactions only.
    public var requestBytes: SampledDistribution?
    /// The bytes a transaction's response carries from the zone back to its client after
    /// service, through the region's egress, drawn per request; nil for none. Transactions only.
    public var responseBytes: SampledDistribution?
    /// Its rank in zones whose discipline is a priority one (``ServiceDiscipline/isPriority``):
    /// a higher number is served first; 0 by default, so classes are equal unless told.
    /// Other disciplines ignore it.
    public var priority: Int
    /// The stages a transaction's request passes through (a request graph), in the order
    /// written; empty for a single visit to the zone the router picks.
    public var stages: [RequestStageSpec]
    /// How a stream is watched (segments, buffers, viewing time); streams only, ignored by
    /// other kinds (decoding refuses it on them).
    public var playback: PlaybackSpec

    /// The allowed priorities: wide enough for any ranking, small enough to print.
    public static let priorities = -1_000_000...1_000_000

    /// A class named `name` of `kind` with an optional latency objective, for a transaction
    /// optional request and response sizes in bytes, its priority (higher first), for a
    /// transaction its stages (a request graph), and for a stream its player.
    public init(
        name: String,
        kind: WorkloadKind,
        slo: SimDuration? = nil,
        requestBytes: SampledDistribution? = nil,
        responseBytes: SampledDistribution? = nil,
        priority: Int = 0,
        stages: [RequestStageSpec] = [],
        playback: PlaybackSpec = PlaybackSpec()
    ) {
        self.playback = playback
        self.priority = priority
        self.stages = stages
        self.name = name
        self.kind = kind
        self.slo = slo
        self.requestBytes = requestBytes
        self.responseBytes = responseBytes
    }

    /// Whether its requests or responses carry bytes (a transaction with a payload).
    public var hasPayload: Bool { requestBytes != nil || responseBytes != nil }
}

/// What a request asks for.
public enum WorkloadKind: Hashable, Sendable {
    /// A small request/response served by a cloud zone (an order, a payment): it pays
    /// latency both ways, queueing and service; with a payload
    /// (``WorkloadClassSpec/requestBytes``, ``WorkloadClassSpec/responseBytes``) also the
    /// time its bytes take over the links up and down.
    case transaction
    /// An object fetched whole from the catalogue: from an edge cache, a shared device that
    /// holds it, or the cloud (the origin).
    case download(ContentSpec)
    /// A video watched as it arrives: an object as for a download (its size over the bitrate
    /// is its length), played at `bitrateBitsPerSecond` by a player that fetches it in
    /// segments (``WorkloadClassSpec/playback``): start-up delay, stalls and the watched part
    /// are what it is measured by.
    case stream(ContentSpec, bitrateBitsPerSecond: Double)
    /// A batch of CPU work, run in a cloud zone or on a shared device.
    case compute(ComputeJobSpec)

    /// The catalogue, for downloads and streams.
    public var content: ContentSpec? {
        switch self {
        case .download(let content), .stream(let content, _): content
        case .transaction, .compute: nil
        }
    }

    /// The job, for compute work.
    public var job: ComputeJobSpec? {
        if case .compute(let job) = self { return job }
        return nil
    }

    /// A lower-case word for the kind: `transaction`, `download`, `stream` or `compute`.
    public var label: String {
        switch self {
        case .transaction: "transaction"
        case .download: "download"
        case .stream: "stream"
        case .compute: "compute"
        }
    }
}

/// A catalogue of objects with Zipf popularity and sizes drawn once per object.
public struct ContentSpec: Hashable, Sendable {
    /// The number of distinct objects (≥ 1).
    public var catalogueSize: Int
    /// The Zipf exponent of popularity (≥ 0; 0 is uniform, about 0.8 is typical of video).
    public var zipfExponent: Double
    /// The size of an object in bytes; each object's size is drawn once from its own stream,
    /// so the same object always has the same size.
    public var objectBytes: SampledDistribution

    /// The largest mean object size a catalogue may have (1 TB, beyond any video, download or
    /// dataset a CDN carries); single draws are capped at 1 PB.
    public static let maximumMeanObjectBytes: Double = 1e12

    /// A catalogue of `catalogueSize` objects.
    public init(catalogueSize: Int, zipfExponent: Double, objectBytes: SampledDistribution) {
        self.catalogueSize = catalogueSize
        self.zipfExponent = zipfExponent
        self.objectBytes = objectBytes
    }
}

/// A compute job: how much CPU it needs and whether it saves progress.
public struct ComputeJobSpec: Hashable, Sendable {
    /// The job's work in CPU-seconds on one core. On a shared device it runs for this
    /// divided by the device's lent cores.
    public var cpuSeconds: SampledDistribution
    /// How often a job on a shared device saves its progress (simulated run time), or nil
    /// when it does not: a job whose device leaves restarts from its last checkpoint, or
    /// from the beginning without one.
    public var checkpointInterval: SimDuration?

    /// A job of `cpuSeconds` with an optional checkpoint interval.
    public init(cpuSeconds: SampledDistribution, checkpointInterval: SimDuration? = nil) {
        self.cpuSeconds = cpuSeconds
        self.checkpointInterval = checkpointInterval
    }
}
