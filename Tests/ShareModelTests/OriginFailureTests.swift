import Testing

@testable import ShareModel
@testable import SimCore

/// What a failed zone or region stops serving: the edge misses it is origin for, and the
/// bytes it was sending.
@Suite("Failed origins and zones")
struct OriginFailureTests {
    /// An edge site whose cache holds nothing (1 kB objects, a 500-byte cache), so every
    /// download is a miss fetched from the origin region, 100 downloads a second routed to
    /// the edge only, no retries; the origin region down from 100 s to 160 s of a 300 s run.
    static func edgeSpec() throws -> ModelSpec {
        let here = try WorldFixture.place(22.32, 114.17)
        return ModelSpec(
            regions: [
                try WorldFixture.region(
                    "origin",
                    at: here,
                    zones: [("o-a", 100), ("o-b", 100)],
                    service: [try WorldFixture.constant(0.001)]
                )
            ],
            edgeSites: [
                EdgeSiteSpec(
                    name: "edge",
                    location: here,
                    region: "origin",
                    originRegion: "origin",
                    cacheBytes: 500,
                    uplinkBitsPerSecond: 1e9
                )
            ],
            populations: [
                PopulationSpec(
                    name: "users",
                    location: here,
                    demands: [WorkloadDemand(workloadClass: "files", rate: try WorldFixture.rate(100))]
                )
            ],
            workloadClasses: [
                WorkloadClassSpec(
                    name: "files",
                    kind: .download(
                        ContentSpec(
                            catalogueSize: 1_000,
                            zipfExponent: 0,
                            objectBytes: try WorldFixture.constant(1_000)
                        )
                    )
                )
            ],
            routing: .weighted(["edge": 1]),
            retry: .none,
            latency: try WorldFixture.latency(),
            outages: [
                try ScheduledOutage(target: .region("origin"), start: SimTime(.seconds(100)), duration: .seconds(60))
            ],
            duration: .seconds(300),
            interval: .seconds(30)
        )
    }

    @Test("a region whose zones are all down serves none of its edge sites' misses")
    func deadOriginServesNoMiss() throws {
        let files = try ModelRun.run(try Self.edgeSpec(), seed: 7).workloads[0]
        let during = try #require(files.duringOutages)
        // Every download is a miss, and a miss reaching the origin while both its zones are
        // down fails (no retries). Those arriving in the window fail, except the few sent in
        // its last round trip (same city: well under 10 ms, about one arrival at 100/s),
        // which reach the origin after it is back; a few sent just before it fail instead.
        #expect(files.servedBy.edge == 0)
        #expect(files.rejected == 0)
        #expect(abs(Int(files.failed) - Int(during.arrived)) <= 5, "failed \(files.failed), arrived \(during.arrived)")
        #expect(during.served <= 5)
        // 100/s × 60 s, within 5 standard deviations (√6,000 ≈ 77).
        #expect(abs(Double(during.arrived) - 6_000) <= 5 * 6_000.0.squareRoot(), "\(during.arrived)")
        #expect(files.served + files.failed + files.inFlight == files.arrived)
    }

    @Test("one zone of two down leaves the region an origin: only the misses o-a was handling fail")
    func halfAliveOriginServes() throws {
        var spec = try Self.edgeSpec()
        spec.outages = [
            try ScheduledOutage(target: .zone("o-a"), start: SimTime(.seconds(100)), duration: .seconds(60))
        ]
        let files = try ModelRun.run(spec, seed: 7).workloads[0]
        // A miss is handled by the origin's first zone up (o-a, then o-b while o-a is down):
        // the misses in o-a at the failure (1 ms each at 100/s: 0.1 on average) fail; the rest
        // go to o-b. Without the outage nothing fails.
        #expect(files.failed <= 3 && files.rejected == 0, "\(files.failed) failed")
        #expect(files.served + files.failed + files.inFlight == files.arrived)
        let calm = try ModelRun.run(try Self.edgeSpec().withoutOutages(), seed: 7).workloads[0]
        #expect(calm.failed == 0 && calm.rejected == 0 && calm.served + calm.inFlight == calm.arrived)
    }

    @Test("an edge miss is handled in a zone of its origin: the origin's zones serve exactly the misses")
    func missesVisitTheOrigin() throws {
        let results = try ModelRun.run(try Self.edgeSpec().withoutOutages(), seed: 7)
        let files = results.workloads[0]
        // Every download misses (the cache holds nothing) and goes through o-a, the first
        // zone up: o-a serves one request per miss served, o-b none.
        #expect(files.servedBy.origin == files.served && files.served > 0)
        #expect(results.zones[0].served >= files.served && results.zones[1].served == 0)
        #expect(results.zones[0].served <= files.served + files.inFlight)
    }

    @Test("a zone that fails fails the answers it was sending; those sent before or after arrive")
    func failedZoneStopsItsTransfers() throws {
        let here = try WorldFixture.place(30.27, 120.15)
        // 1 MB answers over a 1 Mbit/s egress shared fairly: 8 s each alone, 0.1 a second,
        // so about four transfers are on the wire at any time (an M/G/1-PS at load 0.8).
        // Service takes no time, so at the failure nothing is in the zone itself: whatever
        // fails was on the wire.
        let spec = ModelSpec(
            regions: [
                try WorldFixture.region(
                    "hz",
                    at: here,
                    zones: [("hz-a", 10)],
                    service: [try WorldFixture.constant(0)],
                    egress: 1e6
                )
            ],
            populations: [
                PopulationSpec(
                    name: "users",
                    location: here,
                    demands: [WorkloadDemand(workloadClass: "files", rate: try WorldFixture.rate(0.1))]
                )
            ],
            workloadClasses: [
                WorkloadClassSpec(
                    name: "files",
                    kind: .download(
                        ContentSpec(catalogueSize: 10, zipfExponent: 0, objectBytes: try WorldFixture.constant(1e6))
                    )
                )
            ],
            retry: .none,
            latency: try WorldFixture.latency(),
            outages: [
                try ScheduledOutage(target: .zone("hz-a"), start: SimTime(.seconds(5_000)), duration: .seconds(100))
            ],
            duration: .seconds(10_000),
            interval: .seconds(1_000)
        )
        let results = try ModelRun.run(spec, seed: 11)
        let files = results.workloads[0]
        // Those arriving in the outage are turned away; the failed are exactly the transfers
        // on the wire at the failure (before this was fixed, they arrived and none failed).
        let during = try #require(files.duringOutages)
        #expect(files.rejected == during.arrived)
        #expect(files.failed >= 1, "no transfer was on the wire at the failure")
        #expect(files.served + files.failed + files.rejected + files.inFlight == files.arrived)
        // The same run without the outage serves everything; the failed transfers' bytes are
        // not counted as delivered.
        var calm = spec
        calm.outages = []
        let calmFiles = try ModelRun.run(calm, seed: 11).workloads[0]
        #expect(calmFiles.failed == 0 && calmFiles.rejected == 0)
        #expect(files.bytesDelivered == Double(files.served) * 1e6)
    }
}

extension ModelSpec {
    /// The same spec with no planned outage.
    func withoutOutages() -> ModelSpec {
        var spec = self
        spec.outages = []
        return spec
    }
}
