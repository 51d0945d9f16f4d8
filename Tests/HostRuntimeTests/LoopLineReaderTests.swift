import HostRuntime
import Testing

@Suite("line framing")
struct LoopLineReaderTests {
    private func text(_ line: [UInt8]?) -> String? { line.map { String(decoding: $0, as: UTF8.self) } }

    @Test("lines split across chunks of every size come out whole and in order")
    func everyChunkSize() throws {
        let input = Array("first\n\nthird line\n{\"a\":[1,2]}\ntail".utf8)
        for size in 1...input.count {
            var reader = LineReader(maximumLineLength: 64)
            var lines: [String] = []
            var start = 0
            while start < input.count {
                reader.append(input[start..<min(start + size, input.count)])
                start += size
                lines += try reader.takeLines().map { String(decoding: $0, as: UTF8.self) }
            }
            #expect(lines == ["first", "", "third line", "{\"a\":[1,2]}"], "chunk size \(size)")
            #expect(reader.bufferedByteCount == 4)
            #expect(text(reader.takeRemainder()) == "tail")
            #expect(reader.takeRemainder() == nil)
        }
    }

    @Test("a line at the limit passes; one byte more fails after the lines before it")
    func maximumLength() throws {
        var reader = LineReader(maximumLineLength: 5)
        reader.append(Array("12345\nok\n123456".utf8))
        #expect(text(try reader.nextLine()) == "12345")
        #expect(text(try reader.nextLine()) == "ok")
        #expect(throws: LineReader.LineTooLong(maximumLineLength: 5)) { try reader.nextLine() }
        reader.append(Array("\nfine\n".utf8))
        #expect(throws: LineReader.LineTooLong.self, "a broken reader stays broken") { try reader.nextLine() }
    }

    @Test("an unterminated line longer than the limit fails before its newline arrives")
    func unterminatedOverflow() throws {
        var reader = LineReader(maximumLineLength: 8)
        reader.append(Array("12345678".utf8))
        #expect(try reader.nextLine() == nil)
        reader.append([57])
        #expect(throws: LineReader.LineTooLong.self) { try reader.nextLine() }
    }

    @Test("many lines through a long-lived reader keep the buffer small")
    func compaction() throws {
        var reader = LineReader(maximumLineLength: 100)
        for index in 0..<10_000 {
            reader.append(Array("message \(index)\n".utf8))
            #expect(text(try reader.nextLine()) == "message \(index)")
        }
        #expect(reader.bufferedByteCount == 0)
    }
}
