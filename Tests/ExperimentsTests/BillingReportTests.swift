import Foundation
import Reports
import Scenario
import ShareModel
import SimCore
import Testing

/// A priced scenario's billing figures reach the report: rows under their registry keys, the
/// cost tables with the currency code, and the CSV's unit column.
@Suite("Billing in reports")
struct BillingReportTests {
    /// Downloads served by home devices, an edge site and a cloud region (weighted routing, so
    /// each carries traffic), every one of them billed, in CNY with USD prices converted at 7.
    static let priced = """
        name: billed
        duration: 15 min
        interval: 5 min
        currency: CNY
        exchange_rates: {USD: 7}
        workloads:
          - {name: files, kind: download, catalogue: 2k, zipf: 0.8, object_size: 1 MB}
        regions:
          - name: r
            location: [22.3, 114.2]
            egress: 1 Gbps
            price: {provisioned_core_hour: 0.1 USD/h, egress: 0.5 CNY/GB, egress_95th: {mbps: 30 CNY, per: month}}
            zones: {count: 1, servers: 100}
        edge_sites:
          - name: e
            location: [22.3, 114.2]
            region: r
            origin: r
            cache: 500 MB
            uplink: 1 Gbps
            price: {egress_95th: {mbps: 20 CNY, per: month}}
        shared_pools:
          - name: homes
            location: [22.3, 114.2]
            region: r
            devices: 500
            uplink: 2 Mbps
            storage: 20 MB
            online: 1000 h
            offline: 1 s
            credits_per_gb: 1
            price: {per_gb: 0.1 CNY/GB, bandwidth_95th: {mbps: 5 CNY, per: day}, storage_gb_day: 0.01 CNY}
        populations:
          - {name: users, location: [22.3, 114.2], workloads: [{workload: files, rate: 50/s}]}
        routing: {policy: weighted, weights: {homes: 1, e: 1, r-a: 1}}
        cost: {credit: 0.01 USD}
        """

    static func report(_ text: String) throws -> RunReport {
        let scenario = try Scenario.parse(text, name: "billed.yaml")
        let results = try ModelRun.run(scenario.spec, seed: scenario.seed(forReplication: 1))
        return RunReport(
            scenarioName: scenario.name,
            sharesimVersion: "test",
            wallTimeSeconds: nil,
            replications: [results]
        )
    }

    @Test("every billed item, place and 95th-percentile rate is a report row, and the items add up")
    func figuresAppear() throws {
        let report = try Self.report(Self.priced)
        let cost = try #require(report.replications[0].cost)
        #expect(cost.currency == "CNY")
        // Backhaul is billed only where requests carry bytes up (PayloadTests); none do here.
        for metric in FigureMetric.allCases where metric.descriptor.section == .cost && metric != .costBackhaul {
            #expect(report.row(FigureID(metric)) != nil, "\(metric)")
        }
        func value(_ id: FigureID) throws -> Double { try #require(report.row(id)?.estimate?.mean, "\(id.key)") }
        // Every link here is billed on its 95th percentile and carried traffic.
        #expect(try value(FigureID(.regionEgress95th, of: "r")) > 0)
        #expect(try value(FigureID(.edgeUplink95th, of: "e")) > 0)
        #expect(try value(FigureID(.poolBandwidth95th, of: "homes")) > 0)
        // 100 cores for 0.25 h at 0.1 USD × 7 CNY/USD per core-hour.
        #expect(abs(try value(FigureID(.costProvisioned)) - 100 * 0.25 * 0.7) < 1e-9)
        // A 95th rate (bit/s) prorated: Mbit/s × 30 CNY × 900 s / 30 days.
        let regionRate = try value(FigureID(.regionEgress95th, of: "r")) / 1e6
        #expect(abs(try value(FigureID(.costEgress95th)) - regionRate * 30 * 900 / 2_592_000) < 1e-9)
        let items: [FigureMetric] = [
            .costCompute, .costProvisioned, .costEgress, .costEgress95th, .costEdge, .costSharedPerGB,
            .costShared95th, .costSharedStorage, .costCredits,
        ]
        let sum = try items.reduce(0.0) { $0 + (try value(FigureID($1))) }
        #expect(abs(sum - (try value(FigureID(.costTotal)))) < 1e-9 * sum)
        let places =
            try value(FigureID(.regionCost, of: "r")) + (try value(FigureID(.edgeCost, of: "e")))
            + (try value(FigureID(.poolCost, of: "homes")))
        #expect(abs(places - sum) < 1e-9 * sum)
        #expect(abs(try value(FigureID(.costPerHour)) - sum * 4) < 1e-9 * sum)
        #expect(try value(FigureID(.costSharedStorage)) > 0 && (try value(FigureID(.costSharedPerGB))) > 0)
        // A box owner's month: the pool's cost over its 500 devices, scaled from 15 minutes to 30 days.
        let payout = try value(FigureID(.poolPayoutPerDevicePerMonth, of: "homes"))
        let poolCost = try value(FigureID(.poolCost, of: "homes"))
        #expect(abs(payout - poolCost / 500 * 2_592_000 / 900) < 1e-9 * payout)
        // Storage alone: 20 MB lent for 30 days at 0.01 CNY per GB-day, by a device online
        // almost all the time (1,000 h on, 1 s off).
        let storageShare = try value(FigureID(.costSharedStorage)) / 500 * 2_592_000 / 900
        #expect(abs(storageShare - 0.02 * 0.01 * 30) < 0.001 * 0.02 * 0.01 * 30)

        let table = TableRenderer(colour: false).render(report)
        #expect(table.contains("Cost (CNY)") && table.contains("Cost by place") && table.contains("CNY "))
        #expect(table.contains("Paid to shared devices"))
        #expect(!table.contains("¤"))
        let csv = CSVRenderer().summary(report)
        #expect(csv.contains("cost,,total,Total,CNY,"))
        #expect(csv.contains("region,r,egress95th,Egress 95th,bit/s,"))
    }

    @Test("a pool paid only in credits is billed by place: its cost is its credits, and what a box earns")
    func creditsOnlyPool() throws {
        let text = Self.priced.components(separatedBy: "\n")
            .filter { !$0.contains("storage_gb_day") }
            .joined(separator: "\n")
        let report = try Self.report(text)
        func value(_ id: FigureID) throws -> Double { try #require(report.row(id)?.estimate?.mean, "\(id.key)") }
        let credits = try value(FigureID(.costCredits))
        #expect(credits > 0)
        #expect(try value(FigureID(.poolCost, of: "homes")) == credits)
        let payout = try value(FigureID(.poolPayoutPerDevicePerMonth, of: "homes"))
        #expect(abs(payout - credits / 500 * 2_592_000 / 900) < 1e-9 * payout)
        // Credits at 0.01 USD × 7 CNY/USD each, one per GB served.
        let creditsEarned = try value(FigureID(.poolCredits, of: "homes"))
        #expect(abs(credits - creditsEarned * 0.07) < 1e-9 * credits)
    }

    @Test("an unpriced scenario reports no billed row")
    func unpricedHasNoBilling() throws {
        let text = Self.priced.components(separatedBy: "\n")
            .filter {
                !$0.contains("price:") && !$0.contains("cost:") && !$0.contains("currency")
                    && !$0.contains("exchange_rates")
            }
            .joined(separator: "\n")
        let report = try Self.report(text)
        #expect(report.replications[0].cost == nil)
        #expect(report.rows.allSatisfy { !$0.id.metric.isBilled })
        #expect(!TableRenderer(colour: false).render(report).contains("Cost"))
    }
}
