import Foundation
public import Reports
public import ShareModel

/// A fixed, hand-built set of results: 2 replications, 2 workload classes, 2 regions with 3
/// zones, 1 edge site, 1 shared pool, cost, and 3 intervals of 10 s.
///
/// `ModelResults` has no public memberwise initializer, so the fixture is written as JSON
/// objects and decoded, which is also how workers hand results over.
public enum ReportFixture {
    /// Replication `index` (0 or 1), with every figure nudged by `shift` (added to web's
    /// throughput, for comparisons); with `links`, two drawn links (`trunk`, `cable`) and their
    /// series too, and the video class a stream with playback figures (the golden files are
    /// made without).
    public static func replication(
        _ index: Int,
        webThroughputShift shift: Double = 0,
        links: Bool = false
    ) -> ModelResults {
        let r = Double(index)
        let cdf = LatencyResults.cdfPercentiles.enumerated().map { position, percentile -> [String: Any] in
            ["percentile": percentile, "seconds": 0.010 * Double(position + 1) * (1 + 0.1 * r)]
        }
        let videoCDF = LatencyResults.cdfPercentiles.enumerated().map { position, percentile -> [String: Any] in
            ["percentile": percentile, "seconds": 0.2 * Double(position + 1) * (1 + 0.05 * r)]
        }
        let web: [String: Any] = [
            "name": "web", "kind": "transaction",
            "arrived": 30_000 + 3_000 * index, "served": 29_400 + 3_000 * index, "rejected": 400,
            "failed": 150 - 50 * index,
            "inFlight": 50 + 50 * index, "retries": 120 + 10 * index, "preemptions": 0,
            "servedBy": [
                "cloudByRegion": [18_000 + 2_000 * index, 6_000 + 1_000 * index], "edge": 4_000,
                "shared": 1_000, "origin": 400,
            ],
            "latency": [
                "count": 29_400 + 3_000 * index, "mean": 0.042 + 0.002 * r, "p50": 0.031 + 0.001 * r,
                "p90": 0.068 + 0.004 * r, "p99": 0.0842 + 0.006 * r, "p999": 0.150 + 0.01 * r,
                "max": 0.410 + 0.05 * r, "cdf": cdf,
            ],
            "sloSeconds": 0.2, "sloMet": 29_100 + 2_950 * index, "bytesDelivered": 4.41e8 + 4.5e7 * r,
            "throughputPerSecond": 1_000 + 100 * r + shift, "bitsPerSecond": 1.176e8 + 1.2e7 * r,
            "stallSeconds": 0, "wastedCPUSeconds": 0,
            "timeToFirstByteP50": 0.031 + 0.001 * r, "timeToFirstByteP99": 0.0842 + 0.006 * r,
        ]
        var video: [String: Any] = [
            "name": "video \"HD\", EU", "kind": "download",
            "arrived": 600 + 30 * index, "served": 590 + 30 * index, "rejected": 4, "failed": 3 + index,
            "inFlight": 3, "retries": 9, "preemptions": 0,
            "servedBy": ["cloudByRegion": [100, 40 + 30 * index], "edge": 300, "shared": 120, "origin": 30],
            "latency": [
                "count": 590 + 30 * index, "mean": 2.5 + 0.1 * r, "p50": 2.1 + 0.1 * r, "p90": 3.6 + 0.2 * r,
                "p99": 5.2 + 0.3 * r, "p999": 7.9 + 0.2 * r, "max": 9.4 + 0.5 * r, "cdf": videoCDF,
            ],
            "sloMet": 0, "bytesDelivered": 2.95e10 + 1.5e9 * r,
            "throughputPerSecond": 19.666 + r, "bitsPerSecond": 7.87e9 + 4e8 * r,
            "stallSeconds": 12.5 + 2 * r, "wastedCPUSeconds": 0,
            "timeToFirstByteP50": 0.061 + 0.002 * r, "timeToFirstByteP99": 0.24 + 0.01 * r,
        ]
        let regions: [[String: Any]] = [
            [
                "name": "eu-west", "capacity": 96, "utilisation": 0.62 + 0.03 * r, "served": 18_100 + 2_000 * index,
                "egressBytes": 1.8e10, "egressUtilisation": 0.41 + 0.02 * r,
            ],
            [
                "name": "us-east", "capacity": 32, "utilisation": 0.35 + 0.05 * r, "served": 6_040 + 1_030 * index,
                "egressBytes": 6.0e9,
            ],
        ]
        func zone(
            _ name: String,
            _ region: String,
            _ capacity: Int,
            _ utilisation: Double,
            _ queue: Double
        )
            -> [String: Any]
        {
            [
                "name": name, "region": region, "capacity": capacity, "utilisation": utilisation + 0.02 * r,
                "meanQueueLength": queue + 0.5 * r, "meanWaitSeconds": 0.004 + 0.001 * r,
                "availability": 1.0 - 0.01 * r,
                "arrived": 9_100, "served": 9_000 + 100 * index, "rejected": 100 - 20 * index, "timedOut": 0,
                "failed": 0,
            ]
        }
        let zones = [
            zone("eu-west-a", "eu-west", 64, 0.66, 1.25),
            zone("eu-west-b", "eu-west", 32, 0.54, 0.5),
            zone("us-east-a", "us-east", 32, 0.35, 0.125),
        ]
        let edge: [String: Any] = [
            "name": "edge-fra", "region": "eu-west", "nodes": 40, "hitRatio": 0.9 + 0.01 * r,
            "byteHitRatio": 0.85 + 0.01 * r, "hits": 4_300, "misses": 430, "bytesServed": 2.2e10 + 1e9 * r,
            "uplinkUtilisation": 0.55 + 0.05 * r, "availability": 1.0,
        ]
        let pool: [String: Any] = [
            "name": "homes-eu", "region": "eu-west", "devices": 10_000, "onlineFraction": 0.71 + 0.02 * r,
            "requestsServed": 1_120 + 10 * index, "bytesServed": 7.2e9 + 2e8 * r, "credits": 720 + 20 * r,
            "jobsCompleted": 0, "cpuSeconds": 0, "preemptions": 0, "transitions": 88 + index,
        ]
        let cost: [String: Any] = [
            "currency": "USD", "compute": 12.5 + r, "egress": 1.44 + 0.1 * r, "egress95th": 2.0,
            "credits": 7.2 + 0.2 * r, "total": 23.14 + 1.3 * r,
            "perMillionRequests": 700.0 + 20 * r, "perTBDelivered": 700.5 + 15 * r, "perHour": 8_330.4 + 468 * r,
            "regions": [
                [
                    "region": "eu-west", "compute": 9.5 + r, "egress": 1.08, "egress95th": 2.0,
                    "egress95thMbps": 412.5 + 10 * r,
                ],
                ["region": "us-east", "compute": 3.0, "egress": 0.36 + 0.1 * r],
            ],
        ]
        let series: [[String: Any]] = (0..<3).map { interval in
            let k = Double(interval)
            var point: [String: Any] = [
                "startSeconds": 10 * k, "lengthSeconds": 10.0,
                "workloads": [
                    [
                        "served": 9_800 + 100 * interval + 1_000 * index, "lost": 180 - 10 * interval,
                        "throughputPerSecond": 980 + 10 * k + 100 * r + shift, "bitsPerSecond": 1.15e8 + 1e6 * k,
                        "meanLatencySeconds": 0.040 + 0.002 * k,
                        "latencyP50Seconds": 0.031 + 0.001 * k, "latencyP99Seconds": interval == 1 ? 1.2 : 0.084,
                    ],
                    [
                        "served": 196 + interval + 10 * index, "lost": 2,
                        "throughputPerSecond": 19.6 + 0.1 * k + r, "bitsPerSecond": 7.8e9 + 1e8 * k + 4e8 * r,
                        "meanLatencySeconds": interval == 0 && index == 0 ? NSNull() : 2.5 + 0.1 * k,
                        "latencyP50Seconds": interval == 0 && index == 0 ? NSNull() : 2.1 + 0.1 * k,
                        "latencyP99Seconds": interval == 0 && index == 0 ? NSNull() : 5.2 + 0.3 * k,
                    ],
                ],
                "zoneUtilisation": [0.6 + 0.03 * k, 0.5 + 0.02 * k, 0.3 + 0.05 * k + 0.02 * r],
                "poolOnlineFraction": [0.7 + 0.01 * k],
            ]
            if links {
                point["links"] = [
                    ["bytes": 5e9 + 1e9 * k, "utilisation": 0.4 + 0.08 * k, "meanFlows": 12 + k],
                    ["bytes": 1.25e9, "utilisation": 1.0, "meanFlows": 40 + 2 * r],
                ]
            }
            return point
        }
        if links {
            let playback: [String: Any] = [
                "sessions": 590 + 30 * index, "startupP50": 0.9 + 0.1 * r, "startupP90": 1.8 + 0.1 * r,
                "startupP99": 3.1 + 0.2 * r, "startupMean": 1.1 + 0.1 * r,
                "rebuffersPerSession": 0.2 + 0.05 * r, "rebufferRatio": 0.004 + 0.001 * r,
                "rebufferedShare": 0.08 + 0.01 * r, "watchedSeconds": 1.77e5, "stallSeconds": 12.5 + 2 * r,
                "averageBitrate": 2.4e6 + 1e5 * r,
            ]
            video["kind"] = "stream"
            video["playback"] = playback
        }
        var object: [String: Any] = [
            "seed": 42 + index, "warmupSeconds": 5.0, "durationSeconds": 30.0, "intervalSeconds": 10.0,
            "eventsProcessed": 1_234_567 + 1_000 * index, "workloads": [web, video], "regions": regions,
            "zones": zones, "edgeSites": [edge], "sharedPools": [pool], "cost": cost, "series": series,
        ]
        if links {
            object["links"] = [
                [
                    "name": "trunk", "capacityBitsPerSecond": 1e10, "latencySeconds": 0.005, "bytes": 1.8e10,
                    "utilisation": 0.48, "peakUtilisation": 0.56, "meanFlows": 13.0, "downSeconds": 0.0,
                ],
                [
                    "name": "cable", "capacityBitsPerSecond": 1e9, "latencySeconds": 0.03, "bytes": 3.75e9,
                    "utilisation": 1.0, "peakUtilisation": 1.0, "meanFlows": 40 + 2 * r, "downSeconds": 5.0 * r,
                ],
            ]
        }
        do {
            let data = try JSONSerialization.data(withJSONObject: object)
            return try JSONDecoder().decode(ModelResults.self, from: data)
        } catch {
            fatalError("the fixture does not decode as ModelResults: \(error)")
        }
    }

    /// The two replications, with two drawn links when `links`.
    public static func replications(webThroughputShift shift: Double = 0, links: Bool = false) -> [ModelResults] {
        [
            replication(0, webThroughputShift: shift, links: links),
            replication(1, webThroughputShift: shift, links: links),
        ]
    }

    /// The fixture scenario's question and headline figures: web's throughput and p99, the edge's share of
    /// web, eu-west's utilisation and the total cost.
    public static let focus = ReportFocus(
        question: "Does the edge keep web fast as load grows?",
        headline: [
            FigureID(.throughput, of: "web"), FigureID(.latencyP99, of: "web"), .servedShare(of: "web", by: .edge),
            FigureID(.regionUtilisation, of: "eu-west"), FigureID(.costTotal),
        ]
    )

    /// The fixed run report, leading with `focus` (nil for none), with two drawn links when `links`.
    public static func run(
        variant: String? = nil,
        webThroughputShift shift: Double = 0,
        focus: ReportFocus? = focus,
        links: Bool = false
    ) -> RunReport {
        RunReport(
            scenarioName: "fixture-cdn",
            scenarioDescription: "Two classes over two regions, for report tests.",
            variant: variant,
            sharesimVersion: "0.0.0-test",
            wallTimeSeconds: 1.5,
            focus: focus,
            replications: replications(webThroughputShift: shift, links: links)
        )
    }

    /// A comparison of the fixture against itself shifted by +100 req/s on web.
    public static func comparison() -> ComparisonReport {
        ComparisonReport(entries: [
            .init(label: "baseline", report: run()),
            .init(label: "more-web", report: run(variant: "more-web", webThroughputShift: 100)),
        ])
    }

    /// A sweep over three values.
    public static func sweep() -> SweepReport {
        SweepReport(
            parameter: "workloads.web.rate",
            points: [
                .init(value: "1k/s", numericValue: 1_000, report: run(webThroughputShift: 0)),
                .init(value: "1.5k/s", numericValue: 1_500, report: run(webThroughputShift: 450)),
                .init(value: "2k/s", numericValue: 2_000, report: run(webThroughputShift: 880)),
            ]
        )
    }
}
