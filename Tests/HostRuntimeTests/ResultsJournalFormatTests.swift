import Foundation
import HostRuntime
import Testing

@Suite("results journal lines: payloads embedded as JSON, the older string form still read")
struct ResultsJournalFormatTests {
    /// Payloads that are one line of JSON other than a string, so they are written as themselves.
    static let embedded = [
        #"{"mean":1.5}"#, "{}", "[]", "3", "-0.5e+10", "0", "true", "false", "null",
        #"{"a":[1,{"b":"c\nd","e":null}],"f":-1.25E-3}"#, #"{"text":"é😀 \"quoted\" \\ \/ \u00e9 \ud83d\ude00"}"#,
        "{ \"spaced\" :\t[ 1 , 2 ] }", String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
    ]

    /// Payloads that are not, so they are written as a JSON string holding them.
    static let quoted = [
        "", "x", "line\nbreak", #""a JSON string""#, #" {"a":1}"#, #"{"a":1} "#, "{\"a\":\n1}", "{\"a\":\r1}",
        #"{"a":1} x"#, #"{"a":1}{"b":2}"#, #"{"a":1"#, #"{"a":}"#, #"{a:1}"#, "[1,]", "[1 2]", "01", "1.", ".5",
        "-", "1e", "+1", "tru", "nulls", "NaN", "{\"a\":\"raw\ttab\"}", #"{"a":"\q"}"#, #"{"a":"\ud83d"}"#,
        String(repeating: "[", count: 513) + String(repeating: "]", count: 513), "é😀",
    ]

    @Test("a payload that is one line of JSON is written as itself and reads back byte for byte")
    func embeddedPayloads() throws {
        for payload in Self.embedded {
            let line = ResultsJournal.line(for: WorkerResult(id: "rep=1", payload: payload))
            #expect(line == #"{"id":"rep=1","payload":"# + payload + "}")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                "\(line)"
            )
            #expect(object["id"] as? String == "rep=1")
            #expect(!(object["payload"] is String), "\(line)")
        }
        try expectRoundTrip(Self.embedded)
    }

    @Test("arrays and objects may nest 512 deep; a deeper payload is written as a string")
    func nestingLimit() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(
            ResultsJournal.line(for: WorkerResult(id: "a", payload: deepest)) == #"{"id":"a","payload":"# + deepest
                + "}"
        )
        let deeper = "[" + deepest + "]"
        #expect(
            ResultsJournal.line(for: WorkerResult(id: "a", payload: deeper)) == #"{"id":"a","payload":""# + deeper
                + "\"}"
        )
        try expectRoundTrip([deepest, deeper])
    }

    @Test("any other payload is written as a JSON string on one line and reads back byte for byte")
    func quotedPayloads() throws {
        for payload in Self.quoted {
            let line = ResultsJournal.line(for: WorkerResult(id: "rep=1", payload: payload))
            #expect(line.hasPrefix(#"{"id":"rep=1","payload":""#), "\(line)")
            #expect(!line.contains("\n") && !line.contains("\r"), "\(line)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["payload"] as? String == payload)
        }
        try expectRoundTrip(Self.quoted)
    }

    /// Appends one result per payload to a fresh journal and checks they load back exactly.
    func expectRoundTrip(_ payloads: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let path = scratch.file("results.jsonl")
        let journal = try ResultsJournal(path: path, mode: .startFresh)
        let results = payloads.enumerated().map { WorkerResult(id: "rep=\($0.offset)", payload: $0.element) }
        for result in results { try journal.append(result) }
        journal.close()
        #expect(scratch.lines(path).count == payloads.count, sourceLocation: sourceLocation)
        let loaded = try ResultsJournal.load(path: path)
        for result in results {
            #expect(loaded[result.id] == result.payload, "\(result.payload)", sourceLocation: sourceLocation)
        }
        #expect(loaded.count == results.count, sourceLocation: sourceLocation)
    }

    /// rep=0 and rep=1 as the string form older versions wrote, and rep=2 embedded.
    static let olderLines = [
        #"{"id":"rep=0","payload":"{\"mean\":1.5}"}"#, #"{"id":"rep=1","payload":"{\"n\":[1,2],\"s\":\"a\\\"b\"}"}"#,
    ]
    static let expected = ["rep=0": #"{"mean":1.5}"#, "rep=1": #"{"n":[1,2],"s":"a\"b"}"#]

    @Test("a file in the older string form loads, resumes with embedded lines after it, and loads again")
    func olderFileResumes() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let path = try scratch.save("results.jsonl", Self.olderLines.joined(separator: "\n") + "\n")
        #expect(try ResultsJournal.load(path: path) == Self.expected)
        let journal = try ResultsJournal(path: path, mode: .resume)
        #expect(journal.storedResults == Self.expected)
        #expect(journal.storedLines == ["rep=0": 1, "rep=1": 2])
        try journal.append(WorkerResult(id: "rep=2", payload: #"{"mean":2}"#))
        journal.close()
        #expect(scratch.lines(path) == Self.olderLines + [#"{"id":"rep=2","payload":{"mean":2}}"#])
        var all = Self.expected
        all["rep=2"] = #"{"mean":2}"#
        #expect(try ResultsJournal.load(path: path) == all)
    }

    @Test("the two forms of one result are the same result: in one file and across merged files")
    func formsAgree() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let embedded = Self.expected.sorted { $0.key < $1.key }.map {
            ResultsJournal.line(for: WorkerResult(id: $0.key, payload: $0.value))
        }
        #expect(embedded[0] == #"{"id":"rep=0","payload":{"mean":1.5}}"#)
        let mixed = try scratch.save("mixed.jsonl", (Self.olderLines + embedded).joined(separator: "\n") + "\n")
        #expect(try ResultsJournal.load(path: mixed) == Self.expected)
        let older = try scratch.save("older.jsonl", Self.olderLines[0] + "\n")
        let newer = try scratch.save("newer.jsonl", embedded.joined(separator: "\n") + "\n")
        let merged = try ResultsJournal.mergeWithOrigins(paths: [older, newer])
        #expect(merged.results.mapValues(\.payload) == Self.expected)
        #expect(merged.results["rep=0"]?.path == older)
        #expect(merged.tornPaths.isEmpty)
        // An embedded result that differs from the string form's by one byte is a conflict.
        let other = try scratch.save("other.jsonl", #"{"id":"rep=0","payload":{"mean":1.50}}"# + "\n")
        let conflict = #expect(throws: ResultsFileError.self) { try ResultsJournal.merge(paths: [older, other]) }
        #expect(conflict?.line == 1)
        #expect(conflict?.message == "job 'rep=0' has a different result than in \(older):1")
    }

    @Test("an embedded line torn anywhere is ignored and cut off before resuming")
    func tornEmbeddedLine() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let first = #"{"id":"rep=0","payload":{"mean":1.5}}"# + "\n"
        let second = #"{"id":"rep=1","payload":{"a":[1,{"b":"x"}]}}"#
        for cut in 1..<second.utf8.count {
            let torn = String(decoding: Array(second.utf8.prefix(cut)), as: UTF8.self)
            let path = try scratch.save("torn.jsonl", first + torn)
            #expect(try ResultsJournal.load(path: path) == ["rep=0": #"{"mean":1.5}"#], "cut at \(cut)")
            let merged = try ResultsJournal.mergeWithOrigins(paths: [path])
            #expect(merged.tornPaths == [path])
        }
        let path = try scratch.save("torn.jsonl", first + #"{"id":"rep=1","payload":{"a":[1,{"#)
        let journal = try ResultsJournal(path: path, mode: .resume)
        try journal.append(WorkerResult(id: "rep=1", payload: #"{"a":[1,{"b":"x"}]}"#))
        journal.close()
        #expect(scratch.contents(of: path) == first + second + "\n")
    }

    @Test("a malformed embedded line is an error naming its line")
    func malformedEmbeddedLines() throws {
        let scratch = try WorkerScratch()
        defer { scratch.remove() }
        let good = #"{"id":"rep=0","payload":{"mean":1.5}}"#
        let cases = [
            #"{"id":"rep=1","payload":{"mean":}}"#: "expected a value at byte 32, found '}'",
            #"{"id":"rep=1","payload":{"mean":1.5}"#: "expected '}' at byte 36, found the end of the line",
            #"{"id":"rep=1","payload":[1,2,]}"#: "expected a value at byte 29, found ']'",
            #"{"id":"rep=1","payload":01}"#: "expected '}' at byte 25, found '1'",
            #"{"id":"rep=1","payload":{"a":1}} x"#: "text after the object at byte 33",
            #"{"id":3,"payload":{}}"#: "the id is not a string",
            #"{"id":"rep=1","payload":{},"extra":1}"#: "expected exactly the members id and payload",
            #"{"id":"rep=1","payload":{},"payload":{}}"#: "duplicate key \"payload\"",
            #"{"id":"rep=1","payload":tru}"#: "invalid literal at byte 24",
            #"{"id":"rep=1","payload":"# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
                + "}": "values nested more than 512 deep at byte 536",
        ]
        for (line, message) in cases {
            let path = try scratch.save("bad.jsonl", good + "\n" + line + "\n" + good + "\n")
            let error = #expect(throws: ResultsFileError.self, "\(line)") { try ResultsJournal.load(path: path) }
            #expect(error?.line == 2, "\(line)")
            #expect(error?.message == message, "\(line)")
            #expect(throws: ResultsFileError.self) { try ResultsJournal(path: path, mode: .resume) }
        }
    }
}
