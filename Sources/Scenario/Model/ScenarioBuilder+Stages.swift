import ShareModel
import SimCore

extension ScenarioBuilder {
    /// The values of a stage's `join`.
    static let stageJoins = StageJoin.allCases.map(\.rawValue)

    /// A transaction's `stages:` list, or nil when a stage fails to read (each problem
    /// reported); an absent list is an empty one. Names, references, cycles and the last
    /// stage are checked with the model (``ModelSpec/validate()``), which locates its errors
    /// at the stage's field.
    mutating func readStages(_ workload: inout MappingReader, name: String) -> [RequestStageSpec]? {
        guard workload.contains("stages") else { return [] }
        var failed = false
        let stages = workload.mappings("stages", element: "stage") { stage -> RequestStageSpec? in
            let stageName = stage.required("name", as: .name)
            let zone = stage.optional("zone", as: .name)
            let service = stage.optional("service", as: .name)
            let time = stage.required("time", as: .distribution(of: .duration))
            let message = stage.optional("message", as: .distribution(of: .dataSize))
            let after = stage.list("after", of: .name)
            let join = stage.optional("join", as: .oneOf(Self.stageJoins)).flatMap(StageJoin.init(rawValue:))
            let placement: StagePlacement?
            switch (zone, service) {
            case (let zone?, nil): placement = .zone(zone)
            case (nil, let service?): placement = .service(service)
            case (_?, _?):
                stage.error(
                    "a stage runs at a 'zone' or at the nearest zone offering a 'service', not both",
                    at: stage.node("service") ?? stage.node
                )
                placement = nil
            case (nil, nil):
                if !stage.contains("zone"), !stage.contains("service") {
                    stage.error(
                        "missing 'zone' or 'service' in \(stage.context): where the stage runs",
                        suggestion: nil
                    )
                }
                placement = nil
            }
            guard let stageName, let placement, let time else {
                failed = true
                return nil
            }
            return RequestStageSpec(
                name: stageName,
                at: placement,
                service: time,
                message: message,
                after: after,
                join: join
            )
        }
        guard let stages, !failed else { return nil }
        if stages.isEmpty {
            workload.error(
                "'stages' in workload '\(name)' needs at least one stage",
                at: workload.node("stages") ?? workload.node
            )
            return nil
        }
        return stages
    }
}
