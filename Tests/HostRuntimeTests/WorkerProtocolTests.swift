import HostRuntime
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("worker wire protocol", .timeLimit(.minutes(1)))
struct WorkerProtocolTests {
    @Test("messages are written in one exact spelling, with payloads escaped inside")
    func exactSpelling() {
        let job = WorkerJob(id: "variant=base/rep=3", payload: #"{"seed":7}"#)
        #expect(WorkerMessage.job(job).line == #"{"job":"variant=base/rep=3","payload":"{\"seed\":7}"}"#)
        #expect(
            WorkerMessage.result(WorkerResult(id: "a", payload: "x\\y")).line == #"{"result":"a","payload":"x\\y"}"#
        )
        #expect(
            WorkerMessage.error(id: "a", message: "line 1\nline 2\t\u{1}").line
                == #"{"error":"a","message":"line 1\nline 2\t\u0001"}"#
        )
    }

    @Test("every message survives a round trip byte for byte, whatever its strings hold")
    func roundTrip() throws {
        var generator = SplitMix(seed: 42)
        let alphabet: [Character] = [
            "a", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "é", "😀", "/", " ", "{", "}",
        ]
        for _ in 0..<500 {
            func text() -> String {
                String(
                    (0..<Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))]
                    }
                )
            }
            for message in [
                WorkerMessage.job(WorkerJob(id: text(), payload: text())),
                .result(WorkerResult(id: text(), payload: text())), .error(id: text(), message: text()),
            ] {
                let line = message.line
                #expect(!line.contains("\n"))
                #expect(try WorkerMessage(line: line) == message)
                #expect(try WorkerMessage(line: Array((line + "\n").utf8)) == message)
            }
        }
    }

    @Test("readers accept any key order, whitespace and every JSON escape")
    func lenientReading() throws {
        #expect(
            try WorkerMessage(line: #" { "payload" : "p" , "job" : "j" } "#) == .job(WorkerJob(id: "j", payload: "p"))
        )
        #expect(
            try WorkerMessage(line: #"{"result":"\u0041\/\ud83d\ude00","payload":"\b\f"}"#)
                == .result(WorkerResult(id: "A/😀", payload: "\u{8}\u{C}"))
        )
    }

    @Test(
        "malformed lines are protocol errors",
        arguments: [
            "", "hello", "{}", #"{"job":"a"}"#, #"{"job":"a","payload":"p","extra":"x"}"#,
            #"{"job":"a","payload":3}"#, #"{"job":"a","job":"b"}"#, #"{"job":"a","payload":"p"} x"#,
            #"{"job":"a","payload":"\q"}"#, #"{"job":"a","payload":"\ud83d"}"#, #"{"job":"a","payload":"p"#,
            "{\"job\":\"a\",\"payload\":\"raw\ttab\"}", #"{"result":"a","message":"m"}"#,
        ]
    )
    func malformedLines(line: String) {
        #expect(throws: WorkerProtocolError.self) { try WorkerMessage(line: line) }
    }

    @Test("the server answers each job line with the handler's result or error, and skips blank lines")
    func serverReplies() throws {
        struct Failure: Error, CustomStringConvertible {
            var description: String { "no such variant" }
        }
        let handler: (WorkerJob) throws -> String = { job in
            if job.id == "bad" { throw Failure() }
            return job.payload.uppercased()
        }
        #expect(
            try WorkerServer.reply(to: Array(#"{"job":"a","payload":"x"}"#.utf8), handler: handler)
                == .result(WorkerResult(id: "a", payload: "X"))
        )
        #expect(
            try WorkerServer.reply(to: Array(#"{"job":"bad","payload":"x"}"#.utf8), handler: handler)
                == .error(id: "bad", message: "no such variant")
        )
        #expect(try WorkerServer.reply(to: Array("  ".utf8), handler: handler) == nil)
        #expect(throws: WorkerProtocolError.self) {
            try WorkerServer.reply(to: Array(#"{"result":"a","payload":"x"}"#.utf8), handler: handler)
        }
    }

    @Test("the server loop reads jobs until end of input, ignoring a torn last line")
    func serverLoop() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let jobs = sampleJobs(3)
        let input = jobs.map { WorkerMessage.job($0).line }.joined(separator: "\n") + "\n\n{\"job\":\"torn"
        let inputPath = try scratch.save("input", input)
        let outputPath = try scratch.save("output", "")
        let inputDescriptor = open(inputPath, O_RDONLY)
        let outputDescriptor = open(outputPath, O_WRONLY | O_APPEND)
        defer {
            close(inputDescriptor)
            close(outputDescriptor)
        }
        var seen: [String] = []
        try WorkerServer.serve(input: inputDescriptor, output: outputDescriptor) { job in
            seen.append(job.id)
            return FakeWorker.transform(job)
        }
        #expect(seen == jobs.map(\.id))
        let replies = try scratch.lines(outputPath).map { try WorkerMessage(line: $0) }
        #expect(replies == jobs.map { .result(WorkerResult(id: $0.id, payload: FakeWorker.transform($0))) })
    }

    @Test("the server loop stops with a protocol error on a line that is not a job")
    func serverRejectsGarbage() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let inputDescriptor = open(try scratch.save("input", "not json\n"), O_RDONLY)
        let outputDescriptor = open(try scratch.save("output", ""), O_WRONLY)
        defer {
            close(inputDescriptor)
            close(outputDescriptor)
        }
        #expect(throws: WorkerProtocolError.self) {
            try WorkerServer.serve(input: inputDescriptor, output: outputDescriptor) { _ in "" }
        }
    }
}

/// A small seeded generator (SplitMix64) for repeatable random strings.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
