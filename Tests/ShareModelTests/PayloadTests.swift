import SimCore
import Testing

@testable import ShareModel

/// Transactions that carry bytes: request bytes up over the region's ingress before service,
/// response bytes down over its egress after, counted in the region's backhaul and egress.
@Suite("Transaction payloads")
struct PayloadTests {
    /// One region (one zone of `cores` single-core servers, constant `service` seconds) with
    /// optional ingress and egress capacities, prices, and one population beside it asking
    /// for `orders` transactions at `rate`/s of the given sizes.
    func spec(
        rate: Double,
        cores: Int = 1,
        service: Double = 0.05,
        requestBytes: SampledDistribution? = nil,
        responseBytes: SampledDistribution? = nil,
        ingress: Double? = nil,
        egress: Double? = nil,
        prices: PriceList? = nil,
        duration: SimDuration,
        warmup: SimDuration = .zero
    ) throws -> ModelSpec {
        let here = try WorldFixture.place(22.19, 113.54)
        var region = try WorldFixture.region(
            "hk",
            at: here,
            zones: [("hk-a", cores)],
            service: [try WorldFixture.constant(service)],
            egress: egress
        )
        region.ingressBitsPerSecond = ingress
        return ModelSpec(
            regions: [region],
            populations: [
                PopulationSpec(
                    name: "cameras",
                    location: here,
                    demands: [WorkloadDemand(workloadClass: "orders", rate: try WorldFixture.rate(rate))]
                )
            ],
            workloadClasses: [
                WorkloadClassSpec(
                    name: "orders",
                    kind: .transaction,
                    requestBytes: requestBytes,
                    responseBytes: responseBytes
                )
            ],
            latency: try WorldFixture.latency(),
            prices: prices,
            warmup: warmup,
            duration: duration,
            interval: .seconds(100)
        )
    }

    /// Runs `spec` with seed `seed`, keeping every latency in the order requests finished.
    func latencies(_ spec: ModelSpec, seed: UInt64) throws -> (ModelResults, [SimDuration]) {
        var simulation = try ModelRun.prepare(spec, seed: seed)
        simulation.model.classes[0].tally.latencyLog = []
        let results = try ModelRun.finish(&simulation)
        return (results, try #require(simulation.model.classes[0].tally.latencyLog))
    }

    @Test("a 10 MB request alone on a 100 Mbit/s ingress adds exactly 0.8 s to its latency, and nothing else")
    func uploadTimeIsExact() throws {
        // One request every 1,000 s on average: each finds the link and the zone idle.
        let duration = SimDuration.seconds(20_000)
        let without = try latencies(try spec(rate: 0.001, ingress: 100e6, duration: duration), seed: 12)
        let with = try latencies(
            try spec(rate: 0.001, requestBytes: try WorldFixture.constant(10e6), ingress: 100e6, duration: duration),
            seed: 12
        )
        #expect(without.1.count >= 10, "enough requests to compare")
        #expect(with.1.count == without.1.count)
        // 10⁷ bytes × 8 / 10⁸ bit/s = 0.8 s, to the nanosecond, for every request.
        #expect(zip(with.1, without.1).allSatisfy { $0 - $1 == .milliseconds(800) })
        let orders = with.0.workloads[0]
        #expect(orders.bytesUp == Double(orders.served) * 10e6)
        #expect(with.0.regions[0].backhaulBytes == Double(orders.served) * 10e6)
        #expect(without.0.workloads[0].bytesUp == nil && without.0.regions[0].backhaulBytes == nil)
    }

    @Test("egress billed is the sum of the response sizes: (served + answers on their way back) × S")
    func egressCountsResponses() throws {
        let size = 2_500_000.0
        let prices = try PriceList(
            currency: "CNY",
            regions: [RegionPricing(region: "hk", pricePerCoreHour: 0, pricePerEgressGB: 0.5)],
            pricePerCredit: 0
        )
        let spec = try spec(
            rate: 20,
            cores: 4,
            responseBytes: try WorldFixture.constant(size),
            egress: 1e9,
            prices: prices,
            duration: .seconds(300),
            warmup: .seconds(10)
        )
        var simulation = try ModelRun.prepare(spec, seed: 5)
        let results = try ModelRun.finish(&simulation)
        let model = simulation.model
        // Counted requests whose bytes all left but whose answer had not arrived at the end.
        let returning = model.requests.liveSlots.filter {
            model.requests[$0].isCounted && model.requests[$0].phase == .returning
        }
        let orders = results.workloads[0]
        #expect(orders.served > 5_000)
        let responses = orders.served + UInt64(returning.count)
        #expect(model.ledger.egressBytes[0] == responses * UInt64(size))
        #expect(results.regions[0].egressBytes == Double(responses) * size)
        #expect(orders.bytesDelivered == Double(orders.served) * size)
        let cost = try #require(results.cost)
        #expect(cost.egress == Double(responses * UInt64(size)) / 1e9 * 0.5)
    }

    @Test("a saturated ingress carries exactly its capacity, never more")
    func saturatedIngress() throws {
        // 1 MB uploads at 15/s over an 80 Mbit/s link (10 uploads/s): offered 1.5 × capacity.
        let capacity = 80e6
        let duration = SimDuration.seconds(200)
        let spec = try spec(
            rate: 15,
            cores: 64,
            service: 0.001,
            requestBytes: try WorldFixture.constant(1e6),
            ingress: capacity,
            duration: duration
        )
        var simulation = try ModelRun.prepare(spec, seed: 9)
        let results = try ModelRun.finish(&simulation)
        let end = simulation.now
        let network = simulation.model.network
        let inProgress = network.activeFlows.reduce(0.0) { $0 + network.deliveredBytes(of: $1, at: end) }
        let carried = try #require(results.regions[0].backhaulBytes) + inProgress
        let ceiling = capacity / 8 * duration.seconds
        // The link idles only until the backlog builds: a few interarrival times (1/15 s)
        // of 200 s. 1% is 30 interarrival times.
        #expect(carried <= ceiling * (1 + 1e-9))
        #expect(carried >= ceiling * 0.99)
        #expect(network.activeFlows.count > 500, "the backlog grew: the link was saturated")
        let p95 = try #require(results.regions[0].backhaul95thBitsPerSecond)
        #expect(p95 <= capacity * (1 + 1e-9))
        #expect(try #require(results.regions[0].backhaulUtilisation) <= 1)
    }

    @Test("sizes are validated: positive means, transactions only")
    func validation() throws {
        var zero = try spec(rate: 1, requestBytes: try WorldFixture.constant(0), duration: .seconds(10))
        #expect(throws: SpecErrors.self) { try zero.validate() }
        zero.workloadClasses[0].requestBytes = nil
        zero.workloadClasses[0].responseBytes = try WorldFixture.constant(-5)
        do {
            try zero.validate()
            Issue.record("a negative response size was accepted")
        } catch {
            #expect(error.errors.first?.field == .responseSize)
        }
        var compute = zero
        compute.workloadClasses[0] = WorkloadClassSpec(
            name: "orders",
            kind: .compute(ComputeJobSpec(cpuSeconds: try WorldFixture.constant(1))),
            requestBytes: try WorldFixture.constant(1e6)
        )
        do {
            try compute.validate()
            Issue.record("a request size on a compute class was accepted")
        } catch {
            #expect(error.errors.first?.field == .requestSize)
        }
    }
}
