public import SimCore

/// Random failures of one target: it alternates between up periods drawn from
/// ``timeToFailureSeconds`` (whose mean is the MTBF) and down periods drawn from
/// ``timeToRepairSeconds`` (whose mean is the MTTR), starting up at time zero.
///
/// Its long-run availability is MTBF / (MTBF + MTTR) whatever the distribution families
/// (the renewal-reward theorem).
public struct RandomFailureSpec: Hashable, Sendable {
    /// What fails.
    public let target: FailureTarget
    /// The length of each up period, in seconds; its mean is the MTBF.
    public let timeToFailureSeconds: SampledDistribution
    /// The length of each down period, in seconds; its mean is the MTTR.
    public let timeToRepairSeconds: SampledDistribution

    /// Random failures of `target` with the given up- and down-period distributions (seconds).
    ///
    /// - Throws: ``SpecError`` about the random failure, naming the field: the target's key
    ///   (`zone`, `region`, `edge_site`, `link`) when its name is empty; `mtbf` or `mttr` when
    ///   the mean is not positive and finite, or when the family can draw negative durations
    ///   (normal; uniform with a negative lower bound; a negative constant).
    public init(
        target: FailureTarget,
        timeToFailureSeconds: SampledDistribution,
        timeToRepairSeconds: SampledDistribution
    ) throws(SpecError) {
        let element = SpecElement(.randomFailure, name: target.description)
        guard !target.name.isEmpty else {
            throw SpecError(element, .target(target), .emptyName)
        }
        try Self.requireDuration(timeToFailureSeconds, element, .mtbf)
        try Self.requireDuration(timeToRepairSeconds, element, .mttr)
        self.target = target
        self.timeToFailureSeconds = timeToFailureSeconds
        self.timeToRepairSeconds = timeToRepairSeconds
    }

    /// Exponential up and down periods with the given means, in hours: the classic
    /// MTBF/MTTR model.
    ///
    /// - Throws: ``SpecError`` naming `mtbf` or `mttr` when a mean is not positive and
    ///   finite, or the target's key when its name is empty.
    public init(target: FailureTarget, mtbfHours: Double, mttrHours: Double) throws(SpecError) {
        let element = SpecElement(.randomFailure, name: target.description)
        func exponential(_ hours: Double, _ field: SpecField) throws(SpecError) -> SampledDistribution {
            do {
                return .exponential(try ExponentialDistribution(mean: hours * 3600))
            } catch {
                throw SpecError(element, field, .notPositive(got: "\(hours) h"))
            }
        }
        try self.init(
            target: target,
            timeToFailureSeconds: try exponential(mtbfHours, .mtbf),
            timeToRepairSeconds: try exponential(mttrHours, .mttr)
        )
    }

    /// Throws unless `distribution` is a duration: positive finite mean, no negative draws.
    static func requireDuration(
        _ distribution: SampledDistribution,
        _ element: SpecElement,
        _ field: SpecField
    ) throws(SpecError) {
        let mean = distribution.mean
        guard mean.isFinite, mean > 0 else {
            throw SpecError(element, field, .other("must have a positive, finite mean in seconds, got \(mean)"))
        }
        switch distribution {
        case .normal:
            throw SpecError(element, field, .other("must not be a normal distribution: a duration cannot be negative"))
        case .uniform(let uniform) where uniform.lower < 0:
            throw SpecError(
                element,
                field,
                .other("must not take negative values, got a uniform lower bound of \(uniform.lower)")
            )
        default:
            break
        }
    }

    /// The long-run fraction of time the target is up: MTBF / (MTBF + MTTR), dimensionless.
    public var stationaryAvailability: Double {
        let up = timeToFailureSeconds.mean
        return up / (up + timeToRepairSeconds.mean)
    }
}
