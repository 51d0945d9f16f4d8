import Experiments
import HostRuntime
import ShareModel
import Testing

@Suite("Benchmark sizes refused before they run")
struct BenchmarkFootprintTests {
    /// The machine the messages below are written for.
    static let machine = 24 * 1_073_741_824.0

    /// The message `footprint` is refused with on ``machine``, or nil if it fits.
    func refusal(_ footprint: BenchmarkFootprint, machineBytes: Double = Self.machine) -> String? {
        do {
            try footprint.check(machineBytes: machineBytes)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("10^10 devices are refused at --devices with the estimate and the machine")
    func tooManyDevices() throws {
        let footprint = try ModelBenchmarkRun.footprint(.pool(devices: 10_000_000_000), rate: nil)
        #expect(footprint.parts.map(\.flag) == ["--devices", "--rate", "--rate"])
        #expect(footprint.parts[0].bytes == 10_000_000_000 * ResourceEstimate.bytesPerDevice)
        #expect(
            refusal(footprint)
                == "--devices: 10,000,000,000 devices need about 633 GiB; this machine has 24 GiB, 18 GiB for one run"
        )
    }

    @Test("10^7 devices fit, in about 68 bytes each; 10^8 do not fit 4 GiB")
    func poolsThatFit() throws {
        let tenMillion = try ModelBenchmarkRun.footprint(.pool(devices: 10_000_000), rate: nil)
        #expect(tenMillion.bytes > 680e6 && tenMillion.bytes < 700e6)
        #expect(refusal(tenMillion) == nil)
        let hundredMillion = try ModelBenchmarkRun.footprint(.pool(devices: 100_000_000), rate: nil)
        #expect(
            refusal(hundredMillion, machineBytes: 4 * 1_073_741_824)
                == "--devices: 100,000,000 devices need about 6.3 GiB; this machine has 4.0 GiB, 3.0 GiB for one run"
        )
    }

    @Test("A rate whose requests in flight cannot fit is refused at --rate; 583k orders/s fit")
    func rates() throws {
        let peak = try ModelBenchmarkRun.footprint(.cloud, rate: 583_000)
        #expect(refusal(peak) == nil)
        // Little's law: 10^9 videos/s for about 8 s each.
        let flood = try ModelBenchmarkRun.footprint(.pool(devices: 1_000_000), rate: 1e9)
        let inFlight = try #require(flood.parts.last)
        #expect(inFlight.flag == "--rate")
        #expect(inFlight.what == "about 8,000,000,000 requests in flight")
        #expect(inFlight.bytes == 8e9 * Double(RunLimits.bytesPerRequestInFlight))
        #expect(refusal(flood)?.hasPrefix("--rate: about 8,000,000,000 requests in flight need about ") == true)
        #expect(refusal(flood)?.hasSuffix("; this machine has 24 GiB, 18 GiB for one run") == true)
    }

    @Test("hold and PHOLD are sized by their pending events in the chosen queue")
    func engineBenchmarks() {
        #expect(
            refusal(.hold(pending: 2_000_000_000, queue: .ladder))
                == "--pending: 2,000,000,000 pending events need about 115 GiB; this machine has 24 GiB, 18 GiB for one run"
        )
        #expect(refusal(.hold(pending: 100_000_000, queue: .ladder)) == nil)
        #expect(BenchmarkFootprint.hold(pending: 1_000, queue: .heap).bytes == 24_000)
        #expect(
            refusal(.phold(lps: 10_000_000, events: 200, queue: .heap))
                == "--lps: 10,000,000 LPs with 200 events each need about 45 GiB; this machine has 24 GiB, "
                + "18 GiB for one run"
        )
    }

    @Test("A pool past 32-bit device numbers is refused even where memory would allow it")
    func devicesBeyondThirtyTwoBits() {
        #expect(throws: ExperimentError.self) {
            _ = try ModelBenchmarkRun.run(
                .pool(devices: 5_000_000_000),
                rate: nil,
                seconds: 1,
                seed: 1,
                machineBytes: 1e15
            )
        }
        do {
            _ = try ModelBenchmarkRun.run(
                .pool(devices: 5_000_000_000),
                rate: nil,
                seconds: 1,
                seed: 1,
                machineBytes: 1e15
            )
        } catch {
            #expect(
                "\(error)"
                    == "--devices: a pool holds at most 4,294,967,294 devices (device numbers are 32-bit), "
                    + "got 5,000,000,000"
            )
        }
    }
}
