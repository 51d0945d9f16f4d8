import SimCore

/// What one stage of a request graph measured: its visits served, their mean wait, service
/// and stage time, and the stage time's share of the class's mean end-to-end latency.
///
/// A stage's time runs from the moment it was ready (its first stage: the attempt's start;
/// later stages: the end of the predecessor that released it, the last one for join-all)
/// to the end of its service, so it holds the hop from its predecessors (latency and
/// message), its wait and its service. Every served visit of a measured request counts,
/// including visits of attempts later retried and of join-first branches that lost.
public struct StageResults: Hashable, Sendable, Codable {
    /// The stage's name.
    public var name: String
    /// Where it runs as written: `zone <name>` or `service <name>`.
    public var placement: String
    /// Measured visits served.
    public var visits: UInt64
    /// Mean wait for a slot in the zone, in seconds.
    public var meanWaitSeconds: Double
    /// Mean service (time in the zone after the wait), in seconds.
    public var meanServiceSeconds: Double
    /// Mean stage time (ready to end of service), in seconds.
    public var meanStageSeconds: Double
    /// The stage time's median, in seconds (0 without visits).
    public var p50StageSeconds: Double
    /// The stage time's 99th percentile, in seconds (0 without visits).
    public var p99StageSeconds: Double
    /// ``meanStageSeconds`` over the class's mean end-to-end latency (0 to 1 on a chain; the
    /// branches of a fan-out may add up to more than 1); nil when nothing was served.
    public var shareOfLatency: Double?

    /// A stage's results; see the properties.
    public init(
        name: String,
        placement: String,
        visits: UInt64,
        meanWaitSeconds: Double,
        meanServiceSeconds: Double,
        meanStageSeconds: Double,
        p50StageSeconds: Double,
        p99StageSeconds: Double,
        shareOfLatency: Double?
    ) {
        self.name = name
        self.placement = placement
        self.visits = visits
        self.meanWaitSeconds = meanWaitSeconds
        self.meanServiceSeconds = meanServiceSeconds
        self.meanStageSeconds = meanStageSeconds
        self.p50StageSeconds = p50StageSeconds
        self.p99StageSeconds = p99StageSeconds
        self.shareOfLatency = shareOfLatency
    }
}

extension WorldModel {
    /// The stage results of class `index` (which has stages), with its mean end-to-end
    /// latency `meanLatency` in seconds (0 when nothing was served).
    func stageResults(of index: Int, meanLatency: Double) -> [StageResults] {
        let plan = stagePlans[Int(classes[index].stagePlan)]
        return spec.workloadClasses[index].stages.enumerated().map { position, stage in
            let tally = plan.tallies[position]
            let visits = Double(max(1, tally.visits))
            let mean = tally.stageSeconds / visits
            let placement: String
            switch stage.placement {
            case .zone(let zone): placement = "zone " + zone
            case .service(let service): placement = "service " + service
            }
            let empty = tally.stageTimes.isEmpty
            return StageResults(
                name: stage.name,
                placement: placement,
                visits: tally.visits,
                meanWaitSeconds: tally.waitSeconds / visits,
                meanServiceSeconds: tally.serviceSeconds / visits,
                meanStageSeconds: mean,
                p50StageSeconds: empty ? 0 : tally.stageTimes.percentile(50).seconds,
                p99StageSeconds: empty ? 0 : tally.stageTimes.percentile(99).seconds,
                shareOfLatency: meanLatency > 0 ? mean / meanLatency : nil
            )
        }
    }
}
