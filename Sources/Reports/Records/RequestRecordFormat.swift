public import ShareModel
import SimCore

/// How `--trace-requests` writes per-request records: CSV (one row per request, a column
/// per phase's total time, the steps in one field, a request graph's stage visits in
/// another as `stage@zone ready+message+wait+service`) or JSON lines (one object per
/// request, its steps as an array, and its stage visits as `stage_visits` when it has any).
///
/// Times are in seconds with nine decimals, exact to the nanosecond; the same records give
/// the same bytes.
public enum RequestRecordFormat: String, Hashable, Sendable, Codable, CaseIterable {
    /// Comma-separated values with a header line.
    case csv
    /// One JSON object per line.
    case jsonLines = "jsonl"

    /// The format a file name's extension names: `.csv`, `.jsonl` or `.ndjson`; nil for any other.
    public init?(inferringFrom path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") {
            self = .csv
        } else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            self = .jsonLines
        } else {
            return nil
        }
    }

    /// The phases with a column of their own in CSV, in column order.
    static let phaseColumns: [RequestRecord.Step.Phase] = [
        .travel, .toOrigin, .upload, .queue, .service, .stages, .transfer, .compute, .return, .deadSite, .backoff,
    ]

    /// The first line of a file, or nil when the format has none.
    public var header: String? {
        switch self {
        case .csv:
            let phases = Self.phaseColumns.map { String($0.rawValue.map { $0 == "-" ? "_" : $0 }) + "_s" }
            let columns =
                [
                    "variant", "replication", "serial", "workload", "population", "counted", "created_s", "ended_s",
                    "latency_s", "outcome", "served_by", "site", "attempts", "request_bytes", "response_bytes",
                ] + phases + ["links", "steps", "stage_visits"]
            return columns.joined(separator: ",") + "\n"
        case .jsonLines:
            return nil
        }
    }

    /// `record` of replication `replication` of run `variant` as one line, ending in `\n`.
    public func line(_ record: RequestRecord, variant: String, replication: Int) -> String {
        switch self {
        case .csv: csvLine(record, variant: variant, replication: replication)
        case .jsonLines: jsonLine(record, variant: variant, replication: replication)
        }
    }

    /// `time` in seconds with nine decimals (`12.000500000`; negative times never occur).
    static func seconds(_ nanoseconds: Int64) -> String {
        let whole = nanoseconds / 1_000_000_000
        let fraction = String(nanoseconds % 1_000_000_000)
        return "\(whole)." + String(repeating: "0", count: 9 - fraction.count) + fraction
    }

    static func seconds(_ time: SimTime) -> String { seconds(time.nanoseconds) }

    static func seconds(_ duration: SimDuration) -> String { seconds(duration.nanoseconds) }

    /// The site the request was last at: the last step's with a site.
    static func lastSite(of record: RequestRecord) -> String {
        record.steps.last { !$0.site.isEmpty }?.site ?? ""
    }

    private func csvLine(_ record: RequestRecord, variant: String, replication: Int) -> String {
        var totals = [Int64](repeating: 0, count: Self.phaseColumns.count)
        for step in record.steps {
            if let column = Self.phaseColumns.firstIndex(of: step.phase) {
                totals[column] += (step.end - step.start).nanoseconds
            }
        }
        let links = record.steps.last { !$0.links.isEmpty }?.links.joined(separator: " ") ?? ""
        let steps = record.steps.map { step in
            var text =
                "\(step.phase.rawValue)@\(step.site) \(Self.seconds(step.start))+\(Self.seconds(step.end - step.start))"
            if !step.links.isEmpty { text += " [\(step.links.joined(separator: " "))]" }
            if let lost = step.lost { text += " \(lost.rawValue)" }
            return text
        }
        let visits = record.stageVisits.map { visit in
            "\(visit.stage)@\(visit.zone) \(Self.seconds(visit.ready))+\(Self.seconds(visit.arrived - visit.ready))"
                + "+\(Self.seconds(visit.started - visit.arrived))+\(Self.seconds(visit.ended - visit.started))"
        }
        let fields =
            [
                variant, String(replication), String(record.serial), record.workload, record.population,
                record.counted ? "true" : "false", Self.seconds(record.created), Self.seconds(record.ended),
                Self.seconds(record.latency), record.outcome.rawValue, record.servedBy, Self.lastSite(of: record),
                String(record.attempts), record.requestBytes.description, record.responseBytes.description,
            ] + totals.map(Self.seconds) + [links, steps.joined(separator: "; "), visits.joined(separator: "; ")]
        return fields.map(CSVField.escaped).joined(separator: ",") + "\n"
    }

    private func jsonLine(_ record: RequestRecord, variant: String, replication: Int) -> String {
        let steps = record.steps.map { step in
            var members = [
                "\"phase\":" + JSONWriter.quoted(step.phase.rawValue),
                "\"site\":" + JSONWriter.quoted(step.site),
                "\"start\":" + Self.seconds(step.start),
                "\"end\":" + Self.seconds(step.end),
            ]
            if !step.links.isEmpty {
                members.append("\"links\":[" + step.links.map(JSONWriter.quoted).joined(separator: ",") + "]")
            }
            if let lost = step.lost { members.append("\"lost\":" + JSONWriter.quoted(lost.rawValue)) }
            return "{" + members.joined(separator: ",") + "}"
        }
        var members = [
            "\"variant\":" + JSONWriter.quoted(variant),
            "\"replication\":\(replication)",
            "\"serial\":\(record.serial)",
            "\"workload\":" + JSONWriter.quoted(record.workload),
            "\"population\":" + JSONWriter.quoted(record.population),
            "\"counted\":\(record.counted)",
            "\"created\":" + Self.seconds(record.created),
            "\"ended\":" + Self.seconds(record.ended),
            "\"latency\":" + Self.seconds(record.latency),
            "\"outcome\":" + JSONWriter.quoted(record.outcome.rawValue),
            "\"served_by\":" + JSONWriter.quoted(record.servedBy),
            "\"site\":" + JSONWriter.quoted(Self.lastSite(of: record)),
            "\"attempts\":\(record.attempts)",
            "\"request_bytes\":" + JSONWriter.number(record.requestBytes),
            "\"response_bytes\":" + JSONWriter.number(record.responseBytes),
            "\"steps\":[" + steps.joined(separator: ",") + "]",
        ]
        if !record.stageVisits.isEmpty {
            let visits = record.stageVisits.map { visit in
                "{\"stage\":" + JSONWriter.quoted(visit.stage) + ",\"zone\":" + JSONWriter.quoted(visit.zone)
                    + ",\"ready\":" + Self.seconds(visit.ready) + ",\"arrived\":" + Self.seconds(visit.arrived)
                    + ",\"started\":" + Self.seconds(visit.started) + ",\"ended\":" + Self.seconds(visit.ended) + "}"
            }
            members.append("\"stage_visits\":[" + visits.joined(separator: ",") + "]")
        }
        return "{" + members.joined(separator: ",") + "}\n"
    }
}
