import HostRuntime
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("results journals, shards and atomic files", .timeLimit(.minutes(1)))
struct WorkerResultsFileTests {
    static let results = [
        WorkerResult(id: "rep=0", payload: #"{"mean":1.5}"#), WorkerResult(id: "rep=1", payload: "line\nbreak"),
        WorkerResult(id: "rep=2", payload: "é😀"),
    ]

    static func byID(_ results: [WorkerResult]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: results.map { ($0.id, $0.payload) })
    }

    @Test("appended results are one JSON line each and load back exactly")
    func appendAndLoad() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let path = scratch.file("results.jsonl")
        #expect(try ResultsJournal.load(path: path).isEmpty, "a missing file holds nothing")
        let journal = try ResultsJournal(path: path, mode: .startFresh)
        for result in Self.results { try journal.append(result) }
        journal.close()
        #expect(throws: FileOperationError.self) { try journal.append(Self.results[0]) }
        #expect(
            scratch.lines(path) == [
                #"{"id":"rep=0","payload":{"mean":1.5}}"#, #"{"id":"rep=1","payload":"line\nbreak"}"#,
                #"{"id":"rep=2","payload":"é😀"}"#,
            ]
        )
        #expect(try ResultsJournal.load(path: path) == Self.byID(Self.results))
    }

    @Test("starting fresh empties the file; resuming keeps it and appends after it")
    func openModes() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let path = scratch.file("results.jsonl")
        let first = try ResultsJournal(path: path, mode: .resume)
        #expect(first.storedResults.isEmpty)
        try first.append(Self.results[0])
        first.close()
        let second = try ResultsJournal(path: path, mode: .resume)
        #expect(second.storedResults == Self.byID([Self.results[0]]))
        try second.append(Self.results[1])
        second.close()
        #expect(try ResultsJournal.load(path: path) == Self.byID(Array(Self.results[0...1])))
        let fresh = try ResultsJournal(path: path, mode: .startFresh)
        #expect(fresh.storedResults.isEmpty)
        fresh.close()
        #expect(try ResultsJournal.load(path: path).isEmpty)
    }

    @Test("a torn last line is ignored on load and cut off before resuming")
    func tornLastLine() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let complete = ResultsJournal.line(for: Self.results[0]) + "\n"
        let path = try scratch.save("results.jsonl", complete + #"{"id":"rep=1","payl"#)
        #expect(try ResultsJournal.load(path: path) == Self.byID([Self.results[0]]))
        let journal = try ResultsJournal(path: path, mode: .resume)
        #expect(journal.storedResults == Self.byID([Self.results[0]]))
        try journal.append(Self.results[1])
        journal.close()
        #expect(scratch.contents(of: path) == complete + ResultsJournal.line(for: Self.results[1]) + "\n")
    }

    @Test("a malformed complete line is an error with its line number")
    func malformedLine() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let path = try scratch.save(
            "results.jsonl",
            ResultsJournal.line(for: Self.results[0]) + "\nnot json\n" + ResultsJournal.line(for: Self.results[1])
                + "\n"
        )
        let error = #expect(throws: ResultsFileError.self) { try ResultsJournal.load(path: path) }
        #expect(error?.line == 2)
        #expect(error?.description.hasPrefix("\(path):2: error: ") == true)
        #expect(throws: ResultsFileError.self) { try ResultsJournal(path: path, mode: .resume) }
    }

    @Test("one id with two different results is an error; a repeated identical result is not")
    func duplicates() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let line = ResultsJournal.line(for: Self.results[0]) + "\n"
        let same = try scratch.save("same.jsonl", line + line)
        #expect(try ResultsJournal.load(path: same) == Self.byID([Self.results[0]]))
        let conflicting = try scratch.save(
            "conflict.jsonl",
            line + ResultsJournal.line(for: WorkerResult(id: "rep=0", payload: "other")) + "\n"
        )
        let error = #expect(throws: ResultsFileError.self) { try ResultsJournal.load(path: conflicting) }
        #expect(error?.line == 2)
    }

    @Test("merging shard results gives the union; conflicts and missing shards are errors")
    func merge() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        var paths: [String] = []
        for (shard, results) in [[Self.results[0], Self.results[2]], [Self.results[1], Self.results[0]]].enumerated() {
            let journal = try ResultsJournal(path: scratch.file("shard-\(shard).jsonl"), mode: .startFresh)
            for result in results { try journal.append(result) }
            journal.close()
            paths.append(journal.path)
        }
        #expect(try ResultsJournal.merge(paths: paths) == Self.byID(Self.results))
        let bad = try scratch.save(
            "bad.jsonl",
            ResultsJournal.line(for: WorkerResult(id: "rep=2", payload: "x")) + "\n"
        )
        let conflict = #expect(throws: ResultsFileError.self) { try ResultsJournal.merge(paths: paths + [bad]) }
        #expect(conflict?.message.contains("rep=2") == true)
        #expect(conflict?.message.contains(paths[0]) == true)
        #expect(throws: ResultsFileError.self) { try ResultsJournal.merge(paths: [scratch.file("missing.jsonl")]) }
    }

    @Test("K/N parses with 1 <= K <= N and anything else is rejected")
    func shardParsing() throws {
        let shard = try ShardSpec(parsing: "2/4")
        #expect(shard.index == 2 && shard.count == 4 && shard.description == "2/4")
        #expect(ShardSpec.all == (try ShardSpec(parsing: "1/1")))
        for text in ["0/3", "4/3", "1/0", "2", "a/b", "1/2/3", " 1/2", "-1/2", "+1/2", "1/", ""] {
            #expect(throws: ShardSpecError.self, "\(text)") { try ShardSpec(parsing: text) }
        }
        #expect((try? ShardSpec(parsing: "5/3")) == nil)
        let error = #expect(throws: ShardSpecError.self) { try ShardSpec(parsing: "0/3") }
        #expect(error?.description == "invalid shard '0/3': K must be between 1 and N (3)")
    }

    @Test("shards deal jobs round-robin in job order: disjoint, complete and balanced")
    func shardSelection() throws {
        let jobs = sampleJobs(10)
        #expect(jobs.shard(try ShardSpec(parsing: "2/3")).map(\.id) == [1, 4, 7].map { jobs[$0].id })
        #expect(jobs.shard(.all) == jobs)
        for count in 1...12 {
            let shards = try (1...count).map { try jobs.shard(ShardSpec(index: $0, count: count)) }
            #expect(shards.flatMap { $0 }.map(\.id).sorted() == jobs.map(\.id).sorted())
            let sizes = shards.map(\.count)
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
        }
    }

    @Test("an atomic write replaces an existing file whole and leaves no temporary file")
    func atomicWrite() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let path = try scratch.save("report.json", String(repeating: "old contents\n", count: 1000))
        try AtomicFile.write(path: path, contents: "{\"new\":true}\n")
        #expect(scratch.contents(of: path) == "{\"new\":true}\n")
        #expect(scratch.entries() == ["report.json"])
        try AtomicFile.write(path: scratch.file("fresh.txt"), contents: Array("x".utf8))
        #expect(scratch.contents(of: scratch.file("fresh.txt")) == "x")
    }

    @Test("an atomic write that may not replace creates a new file but leaves an existing one untouched")
    func atomicCreate() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        try AtomicFile.write(path: scratch.file("new.yaml"), contents: "name: x\n", replacing: false)
        #expect(scratch.contents(of: scratch.file("new.yaml")) == "name: x\n")
        let error = #expect(throws: FileOperationError.self) {
            try AtomicFile.write(path: scratch.file("new.yaml"), contents: "name: y\n", replacing: false)
        }
        #expect(error?.operation == "link")
        #expect(error?.code == EEXIST)
        #expect(scratch.contents(of: scratch.file("new.yaml")) == "name: x\n")
        #expect(scratch.entries() == ["new.yaml"])
    }

    @Test("a failed atomic write leaves the target untouched and nothing behind")
    func atomicWriteFailure() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let error = #expect(throws: FileOperationError.self) {
            try AtomicFile.write(path: scratch.file("missing/report.json"), contents: "x")
        }
        #expect(error?.operation == "open")
        #expect(scratch.entries().isEmpty)
        // Renaming over a directory fails after the temporary file was written.
        #expect(mkdir(scratch.file("target"), 0o755) == 0)
        let renameError = #expect(throws: FileOperationError.self) {
            try AtomicFile.write(path: scratch.file("target"), contents: "x")
        }
        #expect(renameError?.operation == "rename")
        #expect(scratch.entries() == ["target"])
        rmdir(scratch.file("target"))
    }
}
