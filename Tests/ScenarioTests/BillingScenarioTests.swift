import Foundation
import ShareModel
import Testing

@testable import Scenario

/// `currency:`, `exchange_rates:` and the billing keys of `price:`, decoded and checked.
@Suite("Scenario decoding: currency and billing")
struct BillingScenarioTests {
    /// The diagnostics of `text`, or none when it decodes.
    func errors(_ text: String) -> [String] {
        do {
            _ = try Scenario.parse(text, name: "bad.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// `bad.yaml:line:column` of `needle` (first occurrence) in `text`.
    func position(of needle: String, in text: String) -> String {
        let lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(needle) }),
            let range = lines[index].range(of: needle)
        else { return "not found" }
        return "bad.yaml:\(index + 1):\(lines[index].distance(from: lines[index].startIndex, to: range.lowerBound) + 1)"
    }

    /// The full scenario with `currency`/`exchange_rates` lines after its `seed:` line.
    func declaring(_ lines: String, in text: String = fullScenario) -> String {
        text.replacingOccurrences(of: "seed: 7\n", with: "seed: 7\n" + lines + "\n")
    }

    @Test("without 'currency:', prices in one currency make it the scenario's")
    func impliedCurrency() throws {
        let prices = try #require(try Scenario.parse(fullScenario, name: "ok.yaml").spec.prices)
        #expect(prices.currency == "USD")
        #expect(abs(prices.regions[0].pricePerCoreHour - 0.05) < 1e-15)
        #expect(abs(prices.pricePerCredit - 0.01) < 1e-15)
    }

    @Test("every amount is converted to the declared currency at load")
    func conversion() throws {
        let text = declaring("currency: CNY\nexchange_rates: {USD: 7.25}")
        let prices = try #require(try Scenario.parse(text, name: "ok.yaml").spec.prices)
        #expect(prices.currency == "CNY")
        #expect(abs(prices.regions[0].pricePerCoreHour - 0.05 * 7.25) < 1e-12)
        #expect(abs(prices.regions[0].pricePerEgressGB - 0.1 * 7.25) < 1e-12)
        #expect(abs(prices.pricePerCredit - 0.01 * 7.25) < 1e-12)
        // A price already in the scenario currency is kept as written.
        let mixed = text.replacingOccurrences(of: "credit: 0.01 USD", with: "credit: 0.03 CNY")
        let converted = try #require(try Scenario.parse(mixed, name: "ok.yaml").spec.prices)
        #expect(converted.pricePerCredit == 0.03)
    }

    @Test("mixed currencies without 'currency:' are one error at the later price")
    func mixedWithoutDeclaration() {
        let text = fullScenario.replacingOccurrences(of: "credit: 0.01 USD", with: "credit: 0.07 CNY")
        let found = errors(text)
        #expect(found.count == 1, "\(found)")
        let at = position(of: "0.07 CNY", in: text)
        #expect(found.first?.hasPrefix("\(at): error: invalid 'credit'") == true, "\(found) at \(at)")
        let first = position(of: "0.05 USD/h", in: text).split(separator: ":")[1]
        #expect(
            found.first?.contains("priced in CNY but an earlier price (line \(first)) is in USD") == true,
            "\(found)"
        )
        #expect(found.first?.hasSuffix("need 'currency: USD' and 'exchange_rates: {CNY: <USD per CNY>}'") == true)
    }

    @Test("a price in a currency with no rate is an error at that price, suggesting the rate")
    func missingRate() {
        let text = declaring("currency: CNY")
        let found = errors(text)
        // The region's two prices and the credit, each at its own value.
        #expect(found.count == 3, "\(found)")
        let at = position(of: "0.05 USD/h", in: text)
        #expect(
            found.first?.hasPrefix("\(at): error: invalid 'core_hour' in 'price' in region 'hk'") == true,
            "\(found)"
        )
        #expect(
            found.first?.hasSuffix("'exchange_rates' has no USD rate: add 'exchange_rates: {USD: <CNY per USD>}'")
                == true,
            "\(found)"
        )
    }

    @Test("ill-formed and unknown codes, bad rates and rates without a currency are located errors")
    func badCodesAndRates() {
        for (lines, needle, message) in [
            ("currency: cny", "cny", "expected an ISO 4217 currency code such as 'CNY', got 'cny'"),
            ("currency: ABC", "ABC", "'ABC' is not an ISO 4217 currency code"),
            ("currency: USD\nexchange_rates: {CNY: 0}", "0}", "expected a finite rate greater than 0"),
            ("currency: USD\nexchange_rates: {CNY: -7}", "-7", "expected a finite rate greater than 0"),
            ("currency: USD\nexchange_rates: {CNY: .inf}", ".inf", "expected a finite rate greater than 0"),
            ("currency: USD\nexchange_rates: {Yuan: 7}", "7}", "expected an ISO 4217 currency code"),
            ("exchange_rates: {CNY: 0.14}", "{CNY", "'exchange_rates' in scenario needs 'currency'"),
        ] {
            let text = declaring(lines)
            let found = errors(text)
            #expect(found.count == 1, "\(lines): \(found)")
            let at = position(of: needle, in: text)
            #expect(found.first?.hasPrefix("\(at): error:") == true, "\(lines): \(found) at \(at)")
            #expect(found.first?.contains(message) == true, "\(lines): \(found)")
        }
        let unknown = fullScenario.replacingOccurrences(of: "credit: 0.01 USD", with: "credit: 0.01 XYZ")
        let found = errors(unknown)
        #expect(found.count == 1 && found.first?.contains("'XYZ' is not an ISO 4217 currency code") == true, "\(found)")
    }

    @Test("region, edge and pool billing keys decode, in the scenario currency")
    func billingKeys() throws {
        let text = declaring("currency: CNY\nexchange_rates: {USD: 7}")
            .replacingOccurrences(
                of: "price: {core_hour: 0.05 USD/h, egress: 0.1 USD/GB}",
                with: "price: {provisioned_core_hour: 0.2 CNY/h, egress_95th: {mbps: 30 CNY, per: month}}"
            )
            .replacingOccurrences(
                of: "    nodes: 12\n",
                with:
                    "    nodes: 12\n    price: {egress: 0.01 USD/GB, egress_95th: {mbps: 1 CNY, per: day, percentile: 90}}\n"
            )
            .replacingOccurrences(
                of: "    probes: 4\n",
                with: "    probes: 4\n    price: {per_gb: 0.02 CNY/GB, bandwidth_95th: {mbps: 0.5 CNY, per: day}, "
                    + "storage_gb_day: 0.001 CNY}\n"
            )
        let prices = try #require(try Scenario.parse(text, name: "ok.yaml").spec.prices)
        let hk = prices.regions[0]
        #expect(hk.pricePerCoreHour == 0 && hk.pricePerEgressGB == 0)
        #expect(abs(hk.pricePerProvisionedCoreHour - 0.2) < 1e-12)
        #expect(hk.egress95th == (try PercentilePrice(pricePerMbps: 30, period: .month, percentile: 95)))
        #expect(prices.regions[1].egress95th == nil)
        #expect(prices.edgeSites.count == 1 && abs(prices.edgeSites[0].pricePerEgressGB - 0.07) < 1e-12)
        #expect(prices.edgeSites[0].egress95th?.percentile == 90 && prices.edgeSites[0].egress95th?.period == .day)
        #expect(abs(prices.sharedPools[0].pricePerGB - 0.02) < 1e-12)
        #expect(prices.sharedPools[0].bandwidth95th?.pricePerMbps == 0.5)
        #expect(prices.sharedPools[0].pricePerStorageGBDay == 0.001)
    }

    @Test("a percentile outside (0, 100] and a negative price are errors at their keys")
    func badPercentileAndPrice() {
        let base = fullScenario
        let zero = base.replacingOccurrences(
            of: "price: {core_hour: 0.05 USD/h, egress: 0.1 USD/GB}",
            with: "price: {egress_95th: {mbps: 30 USD, per: month, percentile: 0}}"
        )
        var found = errors(zero)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix(position(of: "0}}", in: zero) + ": error:") == true, "\(found)")
        #expect(found.first?.contains("'price.egress_95th.percentile'") == true, "\(found)")
        let over = zero.replacingOccurrences(of: "percentile: 0}", with: "percentile: 100.5}")
        found = errors(over)
        #expect(found.count == 1 && found.first?.contains("got 100.5") == true, "\(found)")
        let negative = base.replacingOccurrences(of: "egress: 0.1 USD/GB}", with: "egress: -0.1 USD/GB}")
        found = errors(negative)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix(position(of: "-0.1 USD/GB", in: negative) + ": error: invalid 'egress'") == true)
        let period = base.replacingOccurrences(
            of: "price: {core_hour: 0.05 USD/h, egress: 0.1 USD/GB}",
            with: "price: {egress_95th: {mbps: 30 USD, per: week}}"
        )
        found = errors(period)
        #expect(found.count == 1 && found.first?.contains("'per'") == true, "\(found)")
    }
}
