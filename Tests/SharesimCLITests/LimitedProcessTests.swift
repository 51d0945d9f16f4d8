import Foundation
import Testing

/// The peak memory the fuzz suites check is the child's own, however large this test process is.
@Suite("Child processes' peak memory")
struct LimitedProcessTests {
    /// Runs `body` while this process holds `bytes` of touched memory.
    static func holding<T>(_ bytes: Int, _ body: () throws -> T) rethrows -> T {
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes, alignment: 4096)
        defer { block.deallocate() }
        for offset in stride(from: 0, to: bytes, by: 4096) {
            block.storeBytes(of: UInt8(1), toByteOffset: offset, as: UInt8.self)
        }
        let result = try body()
        withExtendedLifetime(block) {}
        return result
    }

    /// Runs `program` with `arguments` while this process holds 256 MiB of touched memory.
    static func runWhileHolding(_ program: String, _ arguments: [String]) throws -> LimitedProcessOutcome {
        let folder = FileManager.default.temporaryDirectory.path
        let errors = "\(folder)/limited-process-\(UUID()).txt"
        defer { try? FileManager.default.removeItem(atPath: errors) }
        return try holding(256 << 20) {
            try LimitedProcess.run(
                program,
                arguments,
                in: folder,
                memoryBytes: 1 << 30,
                seconds: 20,
                errorFile: errors
            )
        }
    }

    @Test("a tiny child of a 256 MiB process is measured tiny, not at its parent's size")
    func tinyChild() throws {
        let outcome = try Self.runWhileHolding("/bin/sh", ["-c", "exit 0"])
        #expect(outcome.ending == .exited(0))
        #expect(outcome.peakBytes < 64 << 20, "measured \(outcome.peakBytes >> 20) MiB")
    }

    @Test("a child that touches 384 MiB is measured at least that large")
    func largeChild() throws {
        // Two blocks: the first read touches the whole buffer, and the second keeps it for as
        // long again, so the 2 ms polling sees the full mark before dd exits (with one block
        // the last pages were touched in the final interval: 382 MiB measured under load).
        let outcome = try Self.runWhileHolding(
            "/bin/dd",
            ["if=/dev/zero", "of=/dev/null", "bs=384M", "count=2", "iflag=fullblock"]
        )
        #expect(outcome.ending == .exited(0))
        #expect(outcome.peakBytes >= 384 << 20, "measured \(outcome.peakBytes >> 20) MiB")
        #expect(outcome.peakBytes < 448 << 20, "measured \(outcome.peakBytes >> 20) MiB")
    }
}
