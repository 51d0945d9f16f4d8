import ShareModel

extension ReportLayout {
    /// Each stage of every class with stages (a request graph): visits served, mean wait,
    /// service and stage time with its p50 and p99, and its share of the class's mean
    /// end-to-end latency, each the mean over replications; nil when no class has stages, so
    /// other runs read as before.
    static func stagesTable(_ replications: [ModelResults]) -> TextTable? {
        guard let first = replications.first, first.workloads.contains(where: { $0.stages != nil }) else {
            return nil
        }
        var rows: [[TextTable.Cell]] = []
        for (index, workload) in first.workloads.enumerated() {
            guard let stages = workload.stages else { continue }
            for (position, stage) in stages.enumerated() {
                let all = replications.compactMap { run -> StageResults? in
                    guard index < run.workloads.count, let stages = run.workloads[index].stages,
                        position < stages.count
                    else { return nil }
                    return stages[position]
                }
                func mean(_ value: (StageResults) -> Double?) -> String {
                    let values = all.compactMap(value)
                    guard !values.isEmpty else { return "–" }
                    return HumanFormat.format(values.reduce(0, +) / Double(values.count), .seconds)
                }
                let shares = all.compactMap(\.shareOfLatency)
                let visits = Double(all.map(\.visits).reduce(0, +)) / Double(max(1, all.count))
                rows.append([
                    .init(workload.name), .init(stage.name), .init(stage.placement),
                    .init(HumanFormat.format(visits, .count)), .init(mean(\.meanWaitSeconds)),
                    .init(mean(\.meanServiceSeconds)), .init(mean(\.meanStageSeconds)),
                    .init(mean(\.p50StageSeconds)), .init(mean(\.p99StageSeconds)),
                    .init(
                        shares.isEmpty
                            ? "–" : HumanFormat.format(shares.reduce(0, +) / Double(shares.count), .fraction)
                    ),
                ])
            }
        }
        return TextTable(
            title: "Stages",
            headers: [
                "Workload", "Stage", "Runs at", "Visits", "Mean wait", "Mean service", "Mean stage", "Stage p50",
                "Stage p99", "Share of latency",
            ],
            rows: rows
        )
    }
}
