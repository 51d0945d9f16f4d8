import Testing

@testable import HostRuntime

@Suite("libuv host runtime")
struct HostRuntimeTests {
    @Test("a negative libuv status becomes an error naming the function and the code")
    func statusCodesBecomeErrors() {
        #expect(throws: UVError.self) { try UVCall.check(-22, "uv_fake") }
        do {
            try UVCall.check(-22, "uv_fake")
        } catch {
            #expect(error.function == "uv_fake")
            #expect(error.name == "EINVAL")
            #expect(error.code == -22)
            #expect(error.description.hasPrefix("uv_fake failed: "))
        }
        #expect(throws: Never.self) { try UVCall.check(0, "uv_fine") }
        #expect(throws: Never.self) { try UVCall.check(5, "uv_positive") }
    }

    @Test("the monotonic clock never goes backwards and measure returns the body's result")
    func clock() {
        let first = ProcessClock.nanoseconds()
        let second = ProcessClock.nanoseconds()
        #expect(second >= first)
        let measured = ProcessClock.measure { (1...1000).reduce(0, +) }
        #expect(measured.result == 500_500)
    }

    @Test("touching 64 MiB raises the resident size by that much, and the peak is at least the resident size")
    func peakMemory() throws {
        let before = try ProcessMemory.peakResidentBytes()
        let residentBefore = try ProcessMemory.residentBytes()
        let size = 64 << 20
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 4096)
        defer { block.deallocate() }
        // One write per page makes every page resident.
        for offset in stride(from: 0, to: size, by: 4096) {
            block.storeBytes(of: UInt8(1), toByteOffset: offset, as: UInt8.self)
        }
        let resident = try ProcessMemory.residentBytes()
        let after = try ProcessMemory.peakResidentBytes()
        #expect(resident >= residentBefore + UInt64(size) - (1 << 20))
        #expect(after >= before)
        // The kernel's peak is counted in KiB pages; allow one page of rounding.
        #expect(after + 4096 >= resident, "the peak is at least the current size")
    }

    @Test("host facts are plausible")
    func hostInfo() {
        #expect(HostInfo.availableParallelism >= 1)
        #expect(HostInfo.totalMemoryBytes > 0)
        #expect(HostInfo.libuvVersion.split(separator: ".").count == 3)
    }
}
