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
    /// - Throws: ``FailureSpecError`` naming the field: `target` when its name is empty;
    ///   `timeToFailureSeconds` or `timeToRepairSeconds` when the mean is not positive and
    ///   finite, or when the family can draw negative durations (normal; uniform with a
    ///   negative lower bound; a negative constant).
    public init(
        target: FailureTarget,
        timeToFailureSeconds: SampledDistribution,
        timeToRepairSeconds: SampledDistribution
    ) throws(FailureSpecError) {
        let element = "random failures of \(target)"
        guard !target.name.isEmpty else {
            throw FailureSpecError(element: element, field: "target", reason: .emptyName)
        }
        for (field, distribution) in [
            ("timeToFailureSeconds", timeToFailureSeconds), ("timeToRepairSeconds", timeToRepairSeconds),
        ] {
            let mean = distribution.mean
            guard mean.isFinite, mean > 0 else {
                throw FailureSpecError(element: element, field: field, reason: .invalidMean(mean))
            }
            switch distribution {
            case .normal:
                throw FailureSpecError(element: element, field: field, reason: .canBeNegative("a normal distribution"))
            case .uniform(let uniform) where uniform.lower < 0:
                throw FailureSpecError(
                    element: element,
                    field: field,
                    reason: .canBeNegative("a uniform lower bound of \(uniform.lower)")
                )
            default:
                break
            }
        }
        self.target = target
        self.timeToFailureSeconds = timeToFailureSeconds
        self.timeToRepairSeconds = timeToRepairSeconds
    }

    /// Exponential up and down periods with the given means, in hours: the classic
    /// MTBF/MTTR model.
    ///
    /// - Throws: ``FailureSpecError`` naming `timeToFailureSeconds` or `timeToRepairSeconds`
    ///   when a mean is not positive and finite, or `target` when its name is empty.
    public init(target: FailureTarget, mtbfHours: Double, mttrHours: Double) throws(FailureSpecError) {
        let element = "random failures of \(target)"
        func exponential(_ hours: Double, _ field: String) throws(FailureSpecError) -> SampledDistribution {
            do {
                return .exponential(try ExponentialDistribution(mean: hours * 3600))
            } catch {
                throw FailureSpecError(element: element, field: field, reason: .invalidMean(hours * 3600))
            }
        }
        try self.init(
            target: target,
            timeToFailureSeconds: try exponential(mtbfHours, "timeToFailureSeconds"),
            timeToRepairSeconds: try exponential(mttrHours, "timeToRepairSeconds")
        )
    }

    /// The long-run fraction of time the target is up: MTBF / (MTBF + MTTR), dimensionless.
    public var stationaryAvailability: Double {
        let up = timeToFailureSeconds.mean
        return up / (up + timeToRepairSeconds.mean)
    }
}
