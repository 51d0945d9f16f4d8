import HostRuntime
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("pipes over existing descriptors")
struct LoopPipeTests {
    @Test("bytes written to one end of an OS pipe are read from the other, then end of stream")
    func existingPipe() throws {
        var descriptors: [Int32] = [-1, -1]
        #expect(pipe(&descriptors) == 0)
        let harness = try LoopHarness()
        let reader = try PipeStream(loop: harness.loop, fileDescriptor: descriptors[0])
        let writer = try PipeStream(loop: harness.loop, fileDescriptor: descriptors[1])
        var received: [UInt8] = []
        var ended = false
        try reader.startReading { event in
            switch event {
            case .data(let bytes): received += bytes
            case .endOfFile:
                ended = true
                reader.close()
            case .failure(let error):
                Issue.record("read failed: \(error)")
                reader.close()
            }
        }
        try writer.write("{\"job\":1}\n") { error in
            #expect(error == nil)
            // Closing the write end is how a plain pipe signals end of stream.
            writer.close()
        }
        harness.run()
        #expect(String(decoding: received, as: UTF8.self) == "{\"job\":1}\n")
        #expect(ended)
        #expect(try harness.finish().isClean)
    }

    @Test("a descriptor that is not open is an error, and nothing stays open")
    func closedDescriptor() throws {
        let harness = try LoopHarness()
        let error = #expect(throws: UVError.self) { _ = try PipeStream(loop: harness.loop, fileDescriptor: 987_654) }
        #expect(error?.function == "uv_pipe_open")
        harness.run()
        #expect(try harness.finish().isClean)
    }
}
