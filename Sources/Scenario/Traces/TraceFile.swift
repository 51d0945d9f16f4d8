import ShareModel
import SimCore

/// A trace file a scenario names: where its bytes are and what its rows may name. Opens a
/// fresh streaming reader for each run.
struct TraceFileSource: TraceArrivalSource {
    /// The path the file is opened at, resolved against the scenario's folder.
    var path: String
    /// The file's bytes, for a built-in trace (nil: read `path` from disk).
    var bytes: [UInt8]?
    /// The scenario's populations and classes, which rows name.
    var vocabulary: TraceVocabulary

    /// A byte stream from the file's start.
    func stream() throws(TraceFileFailure) -> TraceByteStream {
        if let bytes { return TraceByteStream(bytes: bytes) }
        return try TraceByteStream(path: path)
    }

    /// A reader at the trace's first arrival.
    func openArrivals() throws(TraceReadError) -> any TraceArrivalReader {
        do {
            return TraceFileReader(path: path, lines: TraceLineReader(stream: try stream()), vocabulary: vocabulary)
        } catch {
            throw TraceReadError("cannot read trace '\(path)': \(error.reason)")
        }
    }
}

/// Streams arrivals out of a trace file, one chunk at a time: memory is the 128 KB line
/// buffer, zlib's buffers and the caller's chunk, whatever the file's length.
final class TraceFileReader: TraceArrivalReader {
    let path: String
    var lines: TraceLineReader
    var parser: TraceRowParser
    /// The time of the last arrival handed out, to refuse a file that changed since its check.
    var lastTime = SimDuration.zero

    init(path: String, lines: TraceLineReader, vocabulary: TraceVocabulary) {
        self.path = path
        self.lines = lines
        parser = TraceRowParser(vocabulary: vocabulary)
    }

    func read(into buffer: inout ContiguousArray<TraceArrival>, capacity: Int) throws(TraceReadError) {
        buffer.removeAll(keepingCapacity: true)
        while buffer.count < capacity {
            let range: Range<Int>?
            do {
                range = try lines.nextLine()
            } catch {
                throw TraceReadError("cannot read trace '\(path)': \(error.reason)")
            }
            guard let range else { return }
            let number = lines.lineNumber
            let parsed: TraceArrival?
            do {
                parsed = try lines.buffer.withUnsafeBufferPointer { (all) throws(TraceLineError) -> TraceArrival? in
                    try parser.parse(UnsafeBufferPointer(rebasing: all[range]), lineNumber: number)
                }
            } catch {
                throw TraceReadError("\(path):\(error.line):\(error.column): \(error.message)")
            }
            guard let arrival = parsed else { continue }
            guard arrival.time >= lastTime else {
                throw TraceReadError("\(path):\(number): time goes backwards (the file changed since it was checked)")
            }
            lastTime = arrival.time
            buffer.append(arrival)
        }
    }

    func rewind() throws(TraceReadError) {
        do {
            try lines.rewind()
        } catch {
            throw TraceReadError("cannot read trace '\(path)': \(error.reason)")
        }
        parser.reset()
        lastTime = .zero
    }
}

/// What a full pass over a trace file found: its arrivals, last time and pairs.
struct TraceSummary: Hashable {
    /// The number of arrivals (rows).
    var arrivals = 0
    /// The last arrival's time since the trace's start.
    var lastTime = SimDuration.zero
    /// The (population, class) pairs in first-appearance order.
    var pairs: [TracePair] = []
}

extension TraceFileSource {
    /// The most problems one trace file reports before the check stops reading it.
    static let problemLimit = 20

    /// Reads the whole file once, streaming, and checks every row: its columns, names and
    /// numbers, and that times never go backwards. Problems are located at `display`
    /// (the file as the user names it), line and column.
    ///
    /// - Complexity: O(file size) time, O(1) memory beyond the names' pair table.
    func check(display: String) -> (summary: TraceSummary, problems: [TraceLineError]) {
        var summary = TraceSummary()
        var problems: [TraceLineError] = []
        let classCount = vocabulary.classes.count
        var seenPair = [Bool](repeating: false, count: vocabulary.populations.count * classCount)
        var lines: TraceLineReader
        do {
            lines = TraceLineReader(stream: try stream())
        } catch {
            return (summary, [TraceLineError(line: 0, column: 0, message: error.reason)])
        }
        var parser = TraceRowParser(vocabulary: vocabulary)
        var previous: (time: SimDuration, line: Int)?
        while problems.count < Self.problemLimit {
            let range: Range<Int>?
            do {
                range = try lines.nextLine()
            } catch {
                problems.append(TraceLineError(line: lines.lineNumber + 1, column: 1, message: error.reason))
                break
            }
            guard let range else { break }
            let number = lines.lineNumber
            let parsed: TraceArrival?
            do {
                parsed = try lines.buffer.withUnsafeBufferPointer { (all) throws(TraceLineError) -> TraceArrival? in
                    try parser.parse(UnsafeBufferPointer(rebasing: all[range]), lineNumber: number)
                }
            } catch {
                problems.append(error)
                if parser.format == .unknown { break }  // a bad header: every row would repeat it
                continue
            }
            guard let arrival = parsed else { continue }
            if let previous, arrival.time < previous.time {
                problems.append(
                    TraceLineError(
                        line: number,
                        column: 1,
                        message: "time goes backwards: \(arrival.time) after \(previous.time) on line \(previous.line) "
                            + "(a trace is in time order)"
                    )
                )
            }
            previous = (arrival.time, number)
            summary.arrivals += 1
            summary.lastTime = max(summary.lastTime, arrival.time)
            let pair = Int(arrival.population) * classCount + Int(arrival.workloadClass)
            if !seenPair[pair] {
                seenPair[pair] = true
                summary.pairs.append(TracePair(population: arrival.population, workloadClass: arrival.workloadClass))
            }
        }
        if problems.isEmpty, summary.arrivals == 0 {
            problems.append(
                TraceLineError(line: max(1, lines.lineNumber), column: 1, message: "the trace has no arrivals")
            )
        }
        return (summary, problems)
    }
}

/// A device on/off trace file a scenario names (`time, device, state`), for one pool.
struct DeviceTraceFileSource: DeviceTraceSource {
    /// The file, as ``TraceFileSource`` reads it (its vocabulary unused).
    var file: TraceFileSource
    /// The pool's device count: rows name devices below it.
    var deviceCount: Int

    /// A reader at the trace's first change.
    func openChanges() throws(TraceReadError) -> any DeviceTraceReader {
        do {
            return DeviceTraceFileReader(
                path: file.path,
                lines: TraceLineReader(stream: try file.stream()),
                parser: TraceRowParser(vocabulary: file.vocabulary, kind: .devices, deviceCount: deviceCount)
            )
        } catch {
            throw TraceReadError("cannot read trace '\(file.path)': \(error.reason)")
        }
    }

    /// Reads the whole file once, streaming, and checks every row (see
    /// ``TraceFileSource/check(display:)``); the summary's devices are those it names, ascending.
    func check() -> (lastTime: SimDuration, devices: [UInt32], problems: [TraceLineError]) {
        var problems: [TraceLineError] = []
        var named = [Bool](repeating: false, count: deviceCount)
        var lastTime = SimDuration.zero
        var rows = 0
        var lines: TraceLineReader
        do {
            lines = TraceLineReader(stream: try file.stream())
        } catch {
            return (lastTime, [], [TraceLineError(line: 0, column: 0, message: error.reason)])
        }
        var parser = TraceRowParser(vocabulary: file.vocabulary, kind: .devices, deviceCount: deviceCount)
        var previousLine = 0
        while problems.count < TraceFileSource.problemLimit {
            let range: Range<Int>?
            do {
                range = try lines.nextLine()
            } catch {
                problems.append(TraceLineError(line: lines.lineNumber + 1, column: 1, message: error.reason))
                break
            }
            guard let range else { break }
            let number = lines.lineNumber
            let parsed: DeviceStateChange?
            do {
                parsed = try lines.buffer.withUnsafeBufferPointer {
                    (all) throws(TraceLineError) -> DeviceStateChange? in
                    try parser.parseChange(UnsafeBufferPointer(rebasing: all[range]), lineNumber: number)
                }
            } catch {
                problems.append(error)
                if parser.format == .unknown { break }
                continue
            }
            guard let change = parsed else { continue }
            if rows > 0, change.time < lastTime {
                problems.append(
                    TraceLineError(
                        line: number,
                        column: 1,
                        message: "time goes backwards: \(change.time) after \(lastTime) on line \(previousLine) "
                            + "(a trace is in time order)"
                    )
                )
            }
            rows += 1
            lastTime = max(lastTime, change.time)
            previousLine = number
            named[Int(change.device)] = true
        }
        if problems.isEmpty, rows == 0 {
            problems.append(
                TraceLineError(line: max(1, lines.lineNumber), column: 1, message: "the trace has no changes")
            )
        }
        let devices = named.indices.filter { named[$0] }.map { UInt32($0) }
        return (lastTime, devices, problems)
    }
}

/// Streams device changes out of a trace file, one chunk at a time.
final class DeviceTraceFileReader: DeviceTraceReader {
    let path: String
    var lines: TraceLineReader
    var parser: TraceRowParser
    var lastTime = SimDuration.zero

    init(path: String, lines: TraceLineReader, parser: TraceRowParser) {
        self.path = path
        self.lines = lines
        self.parser = parser
    }

    func read(into buffer: inout ContiguousArray<DeviceStateChange>, capacity: Int) throws(TraceReadError) {
        buffer.removeAll(keepingCapacity: true)
        while buffer.count < capacity {
            let range: Range<Int>?
            do {
                range = try lines.nextLine()
            } catch {
                throw TraceReadError("cannot read trace '\(path)': \(error.reason)")
            }
            guard let range else { return }
            let number = lines.lineNumber
            let parsed: DeviceStateChange?
            do {
                parsed = try lines.buffer.withUnsafeBufferPointer {
                    (all) throws(TraceLineError) -> DeviceStateChange? in
                    try parser.parseChange(UnsafeBufferPointer(rebasing: all[range]), lineNumber: number)
                }
            } catch {
                throw TraceReadError("\(path):\(error.line):\(error.column): \(error.message)")
            }
            guard let change = parsed else { continue }
            guard change.time >= lastTime else {
                throw TraceReadError("\(path):\(number): time goes backwards (the file changed since it was checked)")
            }
            lastTime = change.time
            buffer.append(change)
        }
    }

    func rewind() throws(TraceReadError) {
        do {
            try lines.rewind()
        } catch {
            throw TraceReadError("cannot read trace '\(path)': \(error.reason)")
        }
        parser.reset()
        lastTime = .zero
    }
}
