import Foundation
import ShareModel
import SimCore
import Testing

@testable import Scenario

/// A scenario that uses every section of the format.
let fullScenario = """
    name: test-city
    description: A small city with a cloud region, an edge site and home devices.
    sources:
      - seed: 02-xunlei-hongkong.md
        figure: "Hong Kong idle capacity about 3x a mainland city's"
        used_in: shared_pools.homes.devices
    assumptions:
      - figure: "20 ms orders"
        reason: "typical"
    duration: 10 min
    warmup: 1 min
    interval: 1 min
    seed: 7
    replications: 2
    latency:
      path_inflation: 1.2
      measured:
        - between: [city, hk]
          latency: 3 ms
    workloads:
      - name: orders
        kind: transaction
        service: exp(20 ms)
        slo: 200 ms
      - name: video
        kind: stream
        catalogue: 10k
        zipf: 0.9
        object_size: lognormal(20 MB, 0.5)
        bitrate: 4 Mbps
        slo: 5 s
      - name: render
        kind: compute
        cpu: exp(30 s)
        checkpoint: 10 s
    regions:
      - name: hk
        location: [22.32, 114.17]
        egress: 10 Gbps
        price: {core_hour: 0.05 USD/h, egress: 0.1 USD/GB}
        zones:
          - name: hk-a
            servers: 10
            cores: 8
            queue: 1000
            timeout: 30 s
            service:
              orders: exp(10 ms)
      - name: sz
        location: [22.54, 114.06]
        zones: {count: 2, servers: 5, cores: 4}
    edge_sites:
      - name: hk-edge
        location: [22.30, 114.20]
        region: hk
        origin: sz
        cache: 2 TB
        uplink: 40 Gbps
        nodes: 12
    shared_pools:
      - name: homes
        location: [22.33, 114.18]
        region: hk
        devices: 3k
        uplink: uniform(20 Mbps, 100 Mbps)
        storage: 1 TB
        cpu: 4
        online: weibull(0.6, 3 h)
        offline: exp(2 h)
        nat: 30%
        credits_per_gb: 1.5
        probes: 4
    populations:
      - name: city
        location: [22.32, 114.17]
        clients: mobile
        access: 50 Gbps
        workloads:
          - workload: orders
            rate: 50/s
            peaks:
              - {at: 5 min, for: 1 min, times: 3}
          - workload: video
            rate: 360/min
          - workload: render
            rate: 0.1/s
    routing:
      policy: shared-first
      retry: {attempts: 3, backoff: 50 ms, cap: 2 s}
    failures:
      - zone: hk-a
        at: 4 min
        for: 1 min
      - edge_site: hk-edge
        mtbf: 10 h
        mttr: 10 min
    cost:
      credit: 0.01 USD
    variants:
      - name: no-homes
        description: The pool has a hundred devices.
        set:
          shared_pools.homes.devices: 100
    sweep:
      path: shared_pools.homes.devices
      values: [1k, 2k]
    """

@Suite("Scenario decoding")
struct ScenarioDecoderTests {
    @Test("Every section decodes into the model, units converted")
    func decodesEverything() throws {
        let scenario = try Scenario.parse(fullScenario, name: "city.yaml")
        #expect(scenario.name == "test-city" && scenario.seed == 7 && scenario.replications == 2)
        #expect(scenario.sources.count == 1 && scenario.assumptions.count == 1)
        let spec = scenario.spec
        #expect(spec.duration == .minutes(10) && spec.warmup == .minutes(1) && spec.interval == .minutes(1))
        #expect(spec.workloadClasses.map(\.name) == ["orders", "video", "render"])
        #expect(spec.workloadClasses[0].slo == .milliseconds(200))
        guard case .stream(let video, let bitrate) = spec.workloadClasses[1].kind else {
            Issue.record("video is not a stream")
            return
        }
        #expect(video.catalogueSize == 10_000 && video.zipfExponent == 0.9 && bitrate == 4e6)
        #expect(abs(video.objectBytes.mean - 20e6 * PortableMath.exp(0.125)) < 1)
        #expect(spec.regions.map(\.region.name) == ["hk", "sz"])
        #expect(spec.regions[1].region.zones.map(\.name) == ["sz-a", "sz-b"])
        #expect(spec.regions[1].region.zones.allSatisfy { $0.capacity == 20 })
        let zone = spec.regions[0].region.zones[0]
        #expect(zone.capacity == 80 && zone.maxWaiting == 1_000 && zone.timeout == .seconds(30))
        #expect(abs(zone.serviceTimes[0].mean - 0.010) < 1e-12, "the zone's own service time for orders")
        #expect(abs(zone.serviceTimes[1].mean - 0.001) < 1e-12, "a stream's request handling defaults to 1 ms")
        #expect(abs(zone.serviceTimes[2].mean - 30) < 1e-12, "a job runs its CPU time in a zone")
        #expect(spec.regions[0].egressBitsPerSecond == 10e9)
        #expect(spec.edgeSites[0].cacheBytes == 2_000_000_000_000 && spec.edgeSites[0].nodes == 12)
        let pool = spec.sharedPools[0]
        #expect(pool.pool.deviceCount == 3_000 && pool.pool.natFraction == 0.3 && pool.probes == 4)
        #expect(abs(pool.pool.uplinkBitsPerSecond.mean - 60e6) < 1e-6)
        #expect(spec.populations[0].clientKind == .mobileClient && spec.populations[0].accessBitsPerSecond == 50e9)
        #expect(abs(spec.populations[0].demands[1].rate.rate(at: .zero) - 6) < 1e-12)
        #expect(abs(spec.populations[0].demands[0].rate.rate(at: SimTime(.seconds(330))) - 150) < 1e-9)
        #expect(spec.routing == .sharedFirst && spec.retry.maxAttempts == 3 && spec.retry.cap == .seconds(2))
        #expect(spec.outages.count == 1 && spec.randomFailures.count == 1)
        let prices = try #require(spec.prices)
        #expect(prices.pricePerCredit == 0.01)
        #expect(
            abs(prices.regions[0].pricePerCoreHour - 0.05) < 1e-12
                && abs(prices.regions[0].pricePerEgressGB - 0.1) < 1e-12
        )
        #expect(spec.latency.measuredLatency(between: "hk", and: "city") == .milliseconds(3))
        #expect(scenario.variantNames == ["base", "no-homes"])
        #expect(scenario.sweep?.values.count == 2)
    }

    @Test("A variant and a sweep point change only what they name")
    func variantsAndSweeps() throws {
        let scenario = try Scenario.parse(fullScenario, name: "city.yaml")
        let variant = try scenario.applying(variant: "no-homes")
        #expect(variant.spec.sharedPools[0].pool.deviceCount == 100)
        #expect(variant.spec.regions == scenario.spec.regions)
        let sweep = try #require(scenario.sweep)
        let point = try scenario.setting(sweep.path, to: sweep.values[1], at: sweep.values[1].location)
        #expect(point.spec.sharedPools[0].pool.deviceCount == 2_000)
        #expect(throws: ScenarioError.self) { try scenario.applying(variant: "no-home") }
        do {
            _ = try scenario.applying(variant: "no-home")
        } catch {
            #expect(error.errors.first?.suggestion == "no-homes")
        }
    }

    @Test("The scenario runs, shortened, and conserves requests")
    func runsShortened() throws {
        var scenario = try Scenario.parse(fullScenario, name: "city.yaml")
        scenario.spec.duration = .minutes(5)
        let results = try ModelRun.run(scenario.spec, seed: scenario.seed(forReplication: 1))
        for workload in results.workloads {
            #expect(workload.arrived == workload.served + workload.rejected + workload.failed + workload.inFlight)
            #expect(workload.served > 0, "\(workload.name)")
        }
    }

    func errors(_ text: String) -> [String] {
        do {
            _ = try Scenario.parse(text, name: "bad.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("A measured latency naming an unknown place is an error at 'between'; a variant may remove the place")
    func measuredLatencyPlaces() throws {
        let misspelt = fullScenario.replacingOccurrences(of: "between: [city, hk]", with: "between: [cty, hk]")
        #expect(
            errors(misspelt) == [
                "bad.yaml:18:16: error: invalid 'between' in measured latency 'cty, hk': refers to unknown place "
                    + "(a region, edge site, shared pool or population) 'cty'; did you mean 'city'?"
            ]
        )
        let toEdge = fullScenario.replacingOccurrences(of: "between: [city, hk]", with: "between: [city, hk-edge]")
            .replacingOccurrences(
                of: "shared_pools.homes.devices: 100",
                with: "shared_pools.homes.devices: 100\n  - name: no-edge\n    description: No edge.\n    set:\n"
                    + "      edge_sites: []\n      failures: [{zone: hk-a, at: 4 min, for: 1 min}]"
            )
        let scenario = try Scenario.parse(toEdge, name: "edge.yaml")
        let withoutEdge = try scenario.applying(variant: "no-edge")
        #expect(withoutEdge.spec.edgeSites.isEmpty)
        #expect(withoutEdge.spec.latency.measuredLatency(between: "city", and: "hk-edge") == .milliseconds(3))
    }

    @Test("Every problem is reported at once, at its line and column, with suggestions")
    func reportsEveryProblem() {
        let text =
            fullScenario
            .replacingOccurrences(of: "regions:\n  - name: hk\n", with: "regoins:\n  - name: hk\n")
        #expect(
            errors(text).contains {
                $0.hasPrefix("bad.yaml:") && $0.contains("unknown field 'regoins'")
                    && $0.contains("did you mean 'regions'?")
            }
        )
        let several =
            fullScenario
            .replacingOccurrences(of: "timeout: 30 s", with: "timeout: 30")
            .replacingOccurrences(of: "uplink: 40 Gbps", with: "uplink: 40 GB")
            .replacingOccurrences(of: "origin: sz", with: "origin: sx")
        let found = errors(several)
        #expect(found.count == 3, "\(found)")
        #expect(
            found.contains {
                $0.hasPrefix("bad.yaml:46:18: error:") && $0.contains("'timeout'") && $0.contains("duration")
            },
            "\(found)"
        )
        #expect(
            found.contains {
                $0.hasPrefix("bad.yaml:58:13: error:") && $0.contains("uplink") && $0.contains("data size")
            },
            "\(found)"
        )
        #expect(
            found.contains {
                $0.hasPrefix("bad.yaml:56:13: error:") && $0.contains("unknown region 'sx'")
                    && $0.contains("did you mean 'sz'?")
            },
            "\(found)"
        )
    }

    @Test("Cross-references: workloads, weights, allowed regions, failure targets")
    func crossReferences() {
        let text =
            fullScenario
            .replacingOccurrences(of: "      - workload: render\n", with: "      - workload: rendr\n")
            .replacingOccurrences(of: "  - zone: hk-a\n", with: "  - zone: hk-b\n")
        let found = errors(text)
        #expect(
            found.contains { $0.contains("unknown workload 'rendr'") && $0.contains("did you mean 'render'?") },
            "\(found)"
        )
        #expect(
            found.contains { $0.contains("unknown zone 'hk-b'") && $0.contains("did you mean 'hk-a'?") },
            "\(found)"
        )
    }
}
