import Testing

@testable import Scenario

/// The value of `text` as `kind`, or the error message if it does not parse.
private func value(_ text: String, _ kind: QuantityKind) -> Double? {
    try? kind.parse(text).get()
}

private func failure(_ text: String, _ kind: QuantityKind) -> QuantityError? {
    if case .failure(let error) = kind.parse(text) { return error }
    return nil
}

@Suite struct SyntaxQuantityTests {
    @Test func durationsConvertToSeconds() {
        #expect(value("40 ms", .duration) == 0.04)
        #expect(value("2 h", .duration) == 7_200)
        #expect(value("1.5s", .duration) == 1.5)
        #expect(value("250 ns", .duration) == 250e-9)
        #expect(value("3 us", .duration) == 3e-6)
        #expect(value("3 µs", .duration) == 3e-6)
        #expect(value("5 min", .duration) == 300)
        #expect(value("2 d", .duration) == 172_800)
        #expect(value("1 day", .duration) == 86_400)
        #expect(value("3 days", .duration) == 259_200)
        #expect(value("1 hour", .duration) == 3_600)
        #expect(value("2 hours", .duration) == 7_200)
        #expect(value("1 week", .duration) == 604_800)
        #expect(value("1.5k ms", .duration) == 1.5)
        #expect(value("0", .duration) == nil)
    }

    @Test func dataRatesConvertToBitsPerSecond() {
        #expect(value("1.5 Gbps", .dataRate) == 1.5e9)
        #expect(value("100 Mbps", .dataRate) == 1e8)
        #expect(value("64 kbps", .dataRate) == 64_000)
        #expect(value("2 Tbps", .dataRate) == 2e12)
        #expect(value("9600 bps", .dataRate) == 9_600)
        #expect(value("1 B/s", .dataRate) == 8)
        #expect(value("10 kB/s", .dataRate) == 80_000)
        #expect(value("12.5 MB/s", .dataRate) == 1e8)
        #expect(value("1 GB/s", .dataRate) == 8e9)
        #expect(value("3 Gbit/s", .dataRate) == 3e9)
    }

    @Test func dataSizesConvertToBytes() {
        #expect(value("2 TB", .dataSize) == 2e12)
        #expect(value("512 B", .dataSize) == 512)
        #expect(value("4 kB", .dataSize) == 4_000)
        #expect(value("4 KB", .dataSize) == 4_000)
        #expect(value("1.5 MB", .dataSize) == 1.5e6)
        #expect(value("8 GB", .dataSize) == 8e9)
        #expect(value("1 PB", .dataSize) == 1e15)
        #expect(value("1 KiB", .dataSize) == 1_024)
        #expect(value("512 MiB", .dataSize) == 536_870_912)
        #expect(value("1 GiB", .dataSize) == 1_073_741_824)
        #expect(value("2 TiB", .dataSize) == 2_199_023_255_552)
    }

    @Test func eventRatesConvertToPerSecond() {
        #expect(value("583k/s", .eventRate) == 583_000)
        #expect(value("30M/yr", .eventRate) == 30e6 / (365 * 86_400))
        #expect(value("100/min", .eventRate) == 100.0 / 60)
        #expect(value("5/h", .eventRate) == 5.0 / 3_600)
        #expect(value("1e9/day", .eventRate) == 1e9 / 86_400)
        #expect(value("2/s", .eventRate) == 2)
        #expect(value("100 / min", .eventRate) == 100.0 / 60)
        #expect(value("3/ms", .eventRate) == 3_000)
    }

    @Test func fractionsAcceptPercentagesAndPlainNumbersFromZeroToOne() {
        #expect(value("15%", .fraction) == 0.15)
        #expect(value("0.15", .fraction) == 0.15)
        #expect(value("100%", .fraction) == 1)
        #expect(value("0", .fraction) == 0)
        #expect(
            failure("150%", .fraction)?.message
                == "expected a fraction such as '15%' or 0.15 between 0 and 1, got '150%'"
        )
        #expect(failure("1.2", .fraction) != nil)
    }

    @Test func countsAcceptMultipliersUnderscoresAndExponents() {
        #expect(value("300k", .count) == 300_000)
        #expect(value("1.5M", .count) == 1_500_000)
        #expect(value("2G", .count) == 2_000_000_000)
        #expect(value("10_000", .count) == 10_000)
        #expect(value("1e6", .count) == 1_000_000)
        #expect(value("42", .count) == 42)
        #expect(
            failure("1.5", .count)?.message
                == "expected a whole number such as 300, '300k' or '1.5M', got '1.5' (not a whole number)"
        )
        #expect(
            failure("-3", .count)?.message
                == "expected a whole number such as 300, '300k' or '1.5M', got '-3' (a negative value)"
        )
    }

    @Test func numbersAndIntegersAllowNegativeValues() {
        #expect(value("-3.5", .number) == -3.5)
        #expect(value("1e-3", .number) == 0.001)
        #expect(value("-7", .integer) == -7)
        #expect(value("-7.5", .integer) == nil)
    }

    @Test func aMissingUnitSaysWhatWasExpected() {
        #expect(
            failure("40", .duration)?.message
                == "expected a duration such as '40 ms' or '2 h', got '40' (a number without a unit)"
        )
        #expect(
            failure("100", .dataRate)?.message
                == "expected a data rate such as '100 Mbps' or '1.5 Gbps', got '100' (a number without a unit)"
        )
    }

    @Test func aWrongKindOfUnitNamesBothKinds() {
        #expect(
            failure("40 Mbps", .duration)?.message
                == "expected a duration such as '40 ms' or '2 h', got '40 Mbps' (a data rate)"
        )
        #expect(
            failure("2 TB", .dataRate)?.message
                == "expected a data rate such as '100 Mbps' or '1.5 Gbps', got '2 TB' (a data size)"
        )
        #expect(
            failure("5/s", .count)?.message
                == "expected a whole number such as 300, '300k' or '1.5M', got '5/s' (an event rate)"
        )
        #expect(
            failure("3 USD", .duration)?.message
                == "expected a duration such as '40 ms' or '2 h', got '3 USD' (an amount of money)"
        )
    }

    @Test func anUnknownUnitSuggestsTheClosestOfTheExpectedKind() {
        let error = failure("40 mbps", .dataRate)
        #expect(
            error?.message
                == "expected a data rate such as '100 Mbps' or '1.5 Gbps', got '40 mbps' (unknown unit 'mbps')"
        )
        #expect(error?.suggestion == "Mbps")
        #expect(failure("3 hrs", .duration)?.suggestion == "hr")
        let glued = failure("5 Ms", .duration)
        #expect(glued?.message == "expected a duration such as '40 ms' or '2 h', got '5 Ms' (unknown unit 'Ms')")
        #expect(glued?.suggestion == "ms")
        #expect(failure("fast", .duration)?.message == "expected a duration such as '40 ms' or '2 h', got 'fast'")
    }

    @Test func nonFiniteAndNegativeValuesAreRejected() throws {
        #expect(failure(".inf", .number)?.message == "expected a number, got '.inf' (not a finite number)")
        #expect(failure("nan", .duration) != nil)
        #expect(failure("1e999", .number)?.message == "expected a number, got '1e999' (not a finite number)")
        #expect(
            failure("-5 ms", .duration)?.message
                == "expected a duration such as '40 ms' or '2 h', got '-5 ms' (a negative value)"
        )
        #expect(try QuantityKind.duration.parse("-8 h", allowingNegative: true).get() == -28_800)
    }

    @Test func magnitudesBeyondAnyRealNetworkAreRejected() throws {
        #expect(try QuantityKind.dataRate.parse("1000 Tbps").get() == 1e15)
        #expect(failure("1001 Tbps", .dataRate)?.message.hasSuffix("got '1001 Tbps' (more than 1000 Tbps)") == true)
        #expect(try QuantityKind.dataSize.parse("1000 PB").get() == 1e18)
        #expect(failure("1e30 B", .dataSize)?.message.hasSuffix("got '1e30 B' (more than 1 EB)") == true)
        #expect(try QuantityKind.eventRate.parse("1G/s").get() == 1e9)
        #expect(failure("1e12/s", .eventRate)?.message.hasSuffix("got '1e12/s' (more than 1G/s)") == true)
        #expect(try QuantityKind.duration.parse("100 yr").get() == 3_153_600_000)
        #expect(failure("101 yr", .duration)?.message.hasSuffix("(more than 100 years)") == true)
        #expect(failure("1e16", .count)?.message.hasSuffix("got '1e16' (more than 2^53)") == true)
        #expect(try Money.parse("1000000000 USD").get().amount == 1e9)
        guard case .failure(let error) = Money.parse("1e308 USD") else {
            Issue.record("1e308 USD was accepted")
            return
        }
        #expect(error.message.hasSuffix("(more than 1G, the largest amount accepted)"))
    }

    @Test func moneyKeepsAmountCurrencyAndBasis() throws {
        let egress = try Money.parse("0.12 USD/GB").get()
        #expect(egress == Money(amount: 0.12, currency: "USD", per: .dataSize(bytes: 1e9)))
        #expect(egress.amountPerBaseUnit == 0.12 / 1e9)
        let compute = try Money.parse("0.05 USD/h").get()
        #expect(compute == Money(amount: 0.05, currency: "USD", per: .duration(seconds: 3_600)))
        #expect(try Money.parse("0.05 USD/core-h").get() == compute)
        #expect(try Money.parse("300 CNY").get() == Money(amount: 300, currency: "CNY"))
        #expect(try Money.parse("0.4 USD/M").get() == Money(amount: 0.4, currency: "USD", per: .count(1e6)))
        #expect(
            try Money.parse("2 EUR / 100 GB").get() == Money(amount: 2, currency: "EUR", per: .dataSize(bytes: 1e11))
        )
        if case .failure(let error) = Money.parse("0.12") {
            #expect(
                error.message
                    == "expected an amount of money such as '0.12 USD/GB' or '0.05 USD/h', got '0.12' (a number "
                    + "without a currency)"
            )
        } else {
            Issue.record("a bare number is not money")
        }
        #expect((try? Money.parse("1 USD/Mbps").get()) == nil)
    }
}
