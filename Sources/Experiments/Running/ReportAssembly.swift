public import Reports
import Scenario
import SimCore

/// Turns finished jobs into the report their command asked for: a run, a comparison of
/// runs, or a sweep. The kind is passed in, never inferred from the jobs.
public enum ReportAssembly {
    /// One entry's replications (same scenario, variant and settings), in replication order.
    struct Group {
        var label: String
        var results: [JobResult]
    }

    /// Groups `results` by entry and label, keeping first-seen order; two groups with the
    /// same label (a scenario compared with itself) are told apart by number.
    static func groups(_ results: [JobResult]) -> [Group] {
        var groups: [Group] = []
        var keys: [String] = []
        for result in results {
            let key = "\(result.job.entry)|" + result.job.label
            if let index = keys.firstIndex(of: key) {
                groups[index].results.append(result)
            } else {
                keys.append(key)
                groups.append(Group(label: result.job.label, results: [result]))
            }
        }
        let labels = groups.map(\.label)
        for index in groups.indices where labels.count(where: { $0 == labels[index] }) > 1 {
            groups[index].label += " (\(index + 1))"
        }
        for index in groups.indices {
            groups[index].results.sort { $0.job.replication < $1.job.replication }
        }
        return groups
    }

    /// The run report of one group.
    static func runReport(_ group: Group, wallSeconds: Double?, complete: Bool) -> RunReport {
        let first = group.results[0]
        return RunReport(
            scenarioName: first.scenarioName,
            scenarioDescription: first.scenarioDescription,
            variant: first.job.variant == "base" ? nil : first.job.variant,
            sharesimVersion: BuildConfiguration.version,
            wallTimeSeconds: wallSeconds,
            complete: complete,
            focus: first.focus,
            replications: group.results.map(\.results)
        )
    }

    /// The `kind` report of `results` (in the command's job order).
    ///
    /// - Parameters:
    ///   - wallSeconds: the wall time of the whole command, shown in a run report; nil leaves
    ///     it out (`--reproducible`).
    ///   - complete: false when some jobs did not finish.
    /// - Throws: ``ExperimentError/failed(_:)`` when nothing finished, or when the results
    ///   do not fit the kind (a run of several entries, a sweep point without its setting).
    public static func report(
        _ results: [JobResult],
        kind: ReportKind,
        wallSeconds: Double?,
        complete: Bool
    ) throws -> Report {
        let groups = groups(results)
        guard !groups.isEmpty else {
            throw ExperimentError.failed("no simulation finished; there is nothing to report")
        }
        switch kind {
        case .run:
            guard groups.count == 1 else {
                throw ExperimentError.failed("the results hold \(groups.count) different runs, not one")
            }
            return .run(runReport(groups[0], wallSeconds: wallSeconds, complete: complete))
        case .comparison:
            return .comparison(
                ComparisonReport(
                    entries: groups.map { group in
                        ComparisonReport.Entry(
                            label: group.label,
                            report: runReport(group, wallSeconds: nil, complete: complete)
                        )
                    }
                )
            )
        case .sweep(let parameter):
            let points = try groups.map { group in
                guard let setting = group.results[0].job.settings.last(where: { $0.path == parameter }) else {
                    throw ExperimentError.failed("a sweep point of '\(group.label)' has no value for \(parameter)")
                }
                return SweepReport.Point(
                    value: setting.value,
                    numericValue: numericValue(of: setting.value),
                    report: runReport(group, wallSeconds: nil, complete: complete)
                )
            }
            return .sweep(SweepReport(parameter: parameter, points: points))
        }
    }

    /// A swept value as a number in its base unit (`300k` is 300,000; `40 ms` is 0.04).
    public static func numericValue(of text: String) -> Double? {
        for kind in [QuantityKind.number, .count, .duration, .dataRate, .dataSize, .eventRate, .fraction] {
            if case .success(let value) = kind.parse(text) { return value }
        }
        return nil
    }
}
