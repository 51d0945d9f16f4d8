import Testing

@testable import HostRuntime

@Suite("Benchmark records")
struct BenchmarkRecordTests {
    @Test("a record renders as one JSON object with keys in insertion order")
    func jsonOrder() {
        var record = BenchmarkRecord(name: "phold")
        record.set("events", .unsigned(123))
        record.set("wall_seconds", .real(0.5))
        record.set("queue", .text("heap \"4-ary\""))
        record.set("delta", .integer(-4))
        record.set("bad", .real(.nan))
        #expect(
            record.json
                == #"{"benchmark":"phold","events":123,"wall_seconds":0.5,"#
                + #""queue":"heap \"4-ary\"","delta":-4,"bad":null}"#
        )
        #expect(record["events"] == .unsigned(123))
        #expect(record["missing"] == nil)
    }

    @Test("human numbers use three significant digits and SI or binary suffixes")
    func humanNumbers() {
        #expect(HumanNumbers.compact(12_400_000) == "12.4M")
        #expect(HumanNumbers.compact(583_000) == "583k")
        #expect(HumanNumbers.compact(950) == "950")
        #expect(HumanNumbers.compact(1_000_000_000) == "1.00G")
        #expect(HumanNumbers.bytes(32 * 1024 * 1024) == "32.0 MiB")
        #expect(HumanNumbers.fixed(2.0049, decimals: 2) == "2.00")
        #expect(HumanNumbers.fixed(-0.5, decimals: 1) == "-0.5")
        #expect(HumanNumbers.significant(0.0012345, digits: 3) == "0.00123")
    }

    @Test("human numbers parse with k, M and G suffixes and underscores, and refuse anything else")
    func humanNumbersParse() {
        #expect(HumanNumbers.parse("583k") == 583_000)
        #expect(HumanNumbers.parse("1.5M") == 1_500_000)
        #expect(HumanNumbers.parse("2G") == 2e9)
        #expect(HumanNumbers.parse("1_000_000") == 1e6)
        #expect(HumanNumbers.parse("1e6") == 1e6)
        #expect(HumanNumbers.parse("0.25") == 0.25)
        #expect(HumanNumbers.parse("10K") == 10_000)
        for bad in ["", "k", "1m", "inf", "nan", "1e400", "12 k", "x1"] {
            #expect(HumanNumbers.parse(bad) == nil, "\(bad)")
        }
    }
}
