/// A run's time series as a table: one column per figure and entity, named as the series
/// CSV names them (`workload.<name>.throughput_req_per_s`, `zone.<name>.utilisation_fraction`,
/// `pool.<name>.online_fraction`, `link.<name>.bytes`), after `start_s` and `length_s`; one
/// row per interval, means over replications. The series CSV and the JSON report's `series` both read it.
struct SeriesColumns {
    /// `start_s`, `length_s`, then one header per figure column.
    var headers: [String]
    /// One row per interval, one value per header (nil where undefined).
    var rows: [[Double?]]

    /// The series table of `report`.
    static func of(_ report: RunReport) -> SeriesColumns {
        let figures = report.figures
        var headers = ["start_s", "length_s"]
        for workload in figures.workloads {
            let prefix = "workload." + workload.name + "."
            headers += [
                "throughput_req_per_s", "bitrate_bit_per_s", "mean_latency_s", "p50_latency_s", "p99_latency_s",
                "served", "lost",
            ].map { prefix + $0 }
        }
        headers += figures.zones.map { "zone." + $0.name + ".utilisation_fraction" }
        headers += figures.sharedPools.map { "pool." + $0.name + ".online_fraction" }
        let scaled = figures.zones.indices.filter { figures.zones[$0].serversMean != nil }
        headers += scaled.map { "zone." + figures.zones[$0].name + ".servers" }
        let links = figures.links ?? []
        for link in links {
            headers += ["utilisation_fraction", "bytes", "flows"].map { "link." + link + "." + $0 }
        }
        let rows = figures.series.map { point -> [Double?] in
            var row: [Double?] = [point.startSeconds, point.lengthSeconds]
            for index in figures.workloads.indices {
                let workload = element(point.workloads, index)
                row += [
                    workload?.throughputPerSecond?.mean, workload?.bitsPerSecond?.mean,
                    workload?.meanLatencySeconds?.mean, workload?.latencyP50Seconds?.mean,
                    workload?.latencyP99Seconds?.mean, workload?.served?.mean, workload?.lost?.mean,
                ]
            }
            row += figures.zones.indices.map { element(point.zoneUtilisation, $0)??.mean }
            row += figures.sharedPools.indices.map { element(point.poolOnlineFraction, $0)??.mean }
            row += scaled.map { index in point.zoneServers.flatMap { element($0, index) }??.mean }
            for index in links.indices {
                let link = point.links.flatMap { element($0, index) }
                row += [link?.utilisation?.mean, link?.bytes?.mean, link?.meanFlows?.mean]
            }
            return row
        }
        return SeriesColumns(headers: headers, rows: rows)
    }
}
