import ShareModel
import SimCore

/// An `autoscaling:` block as read: absent, written but wrong (reported), or a policy.
enum AutoscalingRead {
    case absent
    case invalid
    case policy(AutoscalingPolicy)

    /// The policy a zone runs: its own block's, else `inherited` (its region's); nil for a
    /// fixed zone or a wrong block.
    func resolved(inheriting inherited: AutoscalingPolicy?) -> AutoscalingPolicy? {
        switch self {
        case .absent: inherited
        case .invalid: nil
        case .policy(let policy): policy
        }
    }
}

extension ScenarioBuilder {
    /// The defaults of an `autoscaling:` block's optional keys: one server per step, a
    /// 60 s evaluation period (CloudWatch's standard metric resolution), a 300 s cooldown
    /// (EC2 Auto Scaling's default) and servers that serve as soon as they are launched.
    static let defaultAutoscaling = (
        stepOut: 1, stepIn: 1, cooldown: SimDuration.seconds(300), startup: SimDuration.zero,
        period: SimDuration.seconds(60)
    )

    /// Reads `autoscaling` from `reader` (a zone's, a zone template's or a region's mapping);
    /// `element` is what errors name. Every value is checked where it is written.
    mutating func readAutoscaling(_ reader: inout MappingReader, of element: SpecElement) -> AutoscalingRead {
        let context = "'autoscaling' of \(element)"
        let owner = reader.node
        let read =
            reader.mapping("autoscaling", context: context) { block -> AutoscalingRead in
                let defaults = Self.defaultAutoscaling
                let target = block.required("target_utilisation", as: .fraction)
                let least = block.required("min", as: .count)
                let most = block.required("max", as: .count)
                let stepOut = block.optional("step_out", as: .count, default: defaults.stepOut)
                let stepIn = block.optional("step_in", as: .count, default: defaults.stepIn)
                let cooldown = block.optional("cooldown", as: .simDuration, default: defaults.cooldown)
                let startup = block.optional("startup", as: .simDuration, default: defaults.startup)
                let period = block.optional("period", as: .simDuration, default: defaults.period)
                guard let target, let least, let most else { return .invalid }
                do throws(SpecError) {
                    return .policy(
                        try AutoscalingPolicy(
                            targetUtilisation: target,
                            minServers: least,
                            maxServers: most,
                            stepOut: stepOut,
                            stepIn: stepIn,
                            cooldown: cooldown,
                            startup: startup,
                            period: period,
                            element: element
                        )
                    )
                } catch {
                    block.error(
                        Self.message(for: error),
                        at: Self.node(of: error.field, in: owner),
                        suggestion: error.suggestion
                    )
                    return .invalid
                }
            } ?? .absent
        return read
    }
}
