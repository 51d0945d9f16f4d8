import Foundation
import Reports
import Scenario
import SimCore

/// Turns finished jobs into reports: a run, a comparison of runs, or a sweep.
enum ReportAssembly {
    /// One group of replications (same scenario, variant and settings), in replication order.
    struct Group {
        var label: String
        var results: [JobResult]
    }

    /// Groups `results` by everything but the replication, keeping first-seen order; two
    /// entries with the same label (a scenario compared with itself) are told apart by number.
    static func groups(_ results: [JobResult]) -> [Group] {
        var groups: [Group] = []
        var keys: [String] = []
        for result in results {
            let key = "\(result.job.entry)|" + label(of: result.job)
            if let index = keys.firstIndex(of: key) {
                groups[index].results.append(result)
            } else {
                keys.append(key)
                groups.append(Group(label: label(of: result.job), results: [result]))
            }
        }
        for index in groups.indices where groups.filter({ $0.label == groups[index].label }).count > 1 {
            groups[index].label += " (\(index + 1))"
        }
        for index in groups.indices {
            groups[index].results.sort { $0.job.replication < $1.job.replication }
        }
        return groups
    }

    /// A group's label: the scenario (when several are compared), the variant, the settings.
    static func label(of job: SimulationJob) -> String {
        var parts: [String] = []
        let file = URL(fileURLWithPath: job.scenario.location).deletingPathExtension().lastPathComponent
        parts.append(job.scenario.isBuiltin ? job.scenario.location : file)
        if job.variant != "base" { parts.append(job.variant) }
        parts += job.settings.map { "\($0.path)=\($0.value)" }
        return parts.joined(separator: " / ")
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
            replications: group.results.map(\.results)
        )
    }

    /// The report of `results`: one run, a sweep (settings differ), or a comparison.
    static func report(_ results: [JobResult], wallSeconds: Double?, complete: Bool) throws -> Report {
        let groups = groups(results)
        guard !groups.isEmpty else { throw CommandFailure.failed("no simulation finished; there is nothing to report") }
        if groups.count == 1 {
            return .run(runReport(groups[0], wallSeconds: wallSeconds, complete: complete))
        }
        let settings = groups.map { $0.results[0].job.settings }
        let sameOtherwise =
            Set(
                groups.map { group in
                    let job = group.results[0].job
                    return "\(job.entry)|\(job.scenario.location)|\(job.variant)"
                }
            ).count == 1
        if sameOtherwise, settings.allSatisfy({ $0.count == 1 }), Set(settings.map { $0[0].path }).count == 1 {
            let points = groups.map { group in
                let value = group.results[0].job.settings[0].value
                return SweepReport.Point(
                    value: value,
                    numericValue: numericValue(of: value),
                    report: runReport(group, wallSeconds: nil, complete: complete)
                )
            }
            return .sweep(SweepReport(parameter: settings[0][0].path, points: points))
        }
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
    }

    /// A swept value as a number in its base unit (`300k` is 300,000; `40 ms` is 0.04).
    static func numericValue(of text: String) -> Double? {
        for kind in [QuantityKind.number, .count, .duration, .dataRate, .dataSize, .eventRate, .fraction] {
            if case .success(let value) = kind.parse(text) { return value }
        }
        return nil
    }
}
