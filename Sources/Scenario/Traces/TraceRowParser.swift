import Foundation
import ShareModel
import SimCore

/// A problem on one line of a trace: where (1-based line and byte column) and what.
struct TraceLineError: Error, Hashable {
    var line: Int
    var column: Int
    var message: String
    var suggestion: String? = nil
}

/// What a trace's rows may name: the scenario's populations and workload classes, by name,
/// and what each class accepts.
struct TraceVocabulary: Sendable {
    /// One workload class: its name and what a row of it may carry.
    struct WorkloadClass: Sendable {
        var name: String
        /// The catalogue size of a download or stream class; nil for others (no `object` or
        /// `size` then).
        var catalogueSize: Int?
    }

    var populations: [String]
    var classes: [WorkloadClass]
    /// Names to indices without allocating: FNV-1a hashes of the names' bytes, sorted.
    private var populationTable: NameTable
    private var classTable: NameTable

    init(populations: [String], classes: [WorkloadClass]) {
        self.populations = populations
        self.classes = classes
        populationTable = NameTable(populations)
        classTable = NameTable(classes.map(\.name))
    }

    func population(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? { populationTable.index(of: bytes) }
    func workloadClass(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? { classTable.index(of: bytes) }
}

/// Names looked up by their UTF-8 bytes: a sorted table of (FNV-1a hash, index), binary
/// searched, each hit confirmed byte for byte. No `Hasher`, no allocation per lookup.
struct NameTable: Sendable {
    private let names: [[UInt8]]
    private let entries: [(hash: UInt64, index: UInt32)]

    init(_ names: [String]) {
        self.names = names.map { Array($0.utf8) }
        entries = self.names.enumerated().map { (Self.hash($1), UInt32($0)) }
            .sorted { ($0.hash, $0.index) < ($1.hash, $1.index) }
    }

    /// The 64-bit FNV-1a hash of `bytes`.
    static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The index of the name spelt `bytes`, or nil.
    ///
    /// - Complexity: O(log names + length).
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let hash = Self.hash(bytes)
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].hash < hash { low = middle + 1 } else { high = middle }
        }
        while low < entries.count, entries[low].hash == hash {
            let index = entries[low].index
            if names[Int(index)].elementsEqual(bytes) { return index }
            low += 1
        }
        return nil
    }
}

/// The columns a trace may have.
enum TraceColumn: String, CaseIterable, Sendable {
    case time, workload, population, object, size, service, device, state

    /// Whether its value is a name (a string in JSON lines) rather than a number.
    var isText: Bool { self == .workload || self == .population || self == .state }
}

/// What a trace file holds: arrivals, or device on/off changes.
enum TraceKind: Sendable {
    case arrivals, devices

    /// The columns a file of this kind may have.
    var columns: [TraceColumn] {
        switch self {
        case .arrivals: [.time, .workload, .population, .object, .size, .service]
        case .devices: [.time, .device, .state]
        }
    }

    /// The columns it must have.
    var required: [TraceColumn] {
        switch self {
        case .arrivals: [.time, .workload, .population]
        case .devices: [.time, .device, .state]
        }
    }
}

/// Parses the lines of one trace file into ``TraceArrival``s: a CSV file whose first line
/// (after blank lines and `#` comments) is its header, or JSON lines (each line one object,
/// recognised by its leading `{`), with the same keys.
///
/// Rows are checked as they are parsed: required columns present, numbers finite and not
/// negative, names known, `object` and `size` only for download and stream classes, objects
/// inside the catalogue. The order of times is the caller's to check.
struct TraceRowParser {
    enum Format { case unknown, csv, jsonLines }

    let vocabulary: TraceVocabulary
    /// Arrivals or device changes.
    let kind: TraceKind
    /// For a device trace, the pool's device count.
    let deviceCount: Int
    private(set) var format = Format.unknown
    /// Per CSV column position, the column it is (nil for none: never, a header with an
    /// unknown name is an error).
    private var columns: [TraceColumn] = []
    /// Per row, each column's byte range within the line (reused, so no allocation per row).
    private var fields: [Range<Int>?] = Array(repeating: nil, count: TraceColumn.allCases.count)

    init(vocabulary: TraceVocabulary, kind: TraceKind = .arrivals, deviceCount: Int = 0) {
        self.vocabulary = vocabulary
        self.kind = kind
        self.deviceCount = deviceCount
    }

    /// Forgets the header, to parse the file again from its first line.
    mutating func reset() {
        format = .unknown
        columns = []
    }

    /// The arrival on `line` (number `lineNumber`), or nil for a header, blank or comment line.
    ///
    /// - Throws: ``TraceLineError`` at the column at fault.
    /// - Complexity: O(line length + log names); no allocation after the header.
    mutating func parse(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws(TraceLineError) -> TraceArrival? {
        guard try readFields(line, lineNumber: lineNumber) else { return nil }
        return try arrival(line, lineNumber: lineNumber)
    }

    /// The device change on `line`, or nil for a header, blank or comment line.
    ///
    /// - Throws: ``TraceLineError`` at the column at fault.
    /// - Complexity: O(line length); no allocation after the header.
    mutating func parseChange(
        _ line: UnsafeBufferPointer<UInt8>,
        lineNumber: Int
    ) throws(TraceLineError) -> DeviceStateChange? {
        guard try readFields(line, lineNumber: lineNumber) else { return nil }
        return try deviceChange(line, lineNumber: lineNumber)
    }

    /// Records the fields of `line`; false for a header, blank or comment line.
    private mutating func readFields(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws(TraceLineError) -> Bool
    {
        var first = 0
        while first < line.count, line[first] == UInt8(ascii: " ") || line[first] == UInt8(ascii: "\t") { first += 1 }
        if first == line.count || line[first] == UInt8(ascii: "#") { return false }
        switch format {
        case .unknown:
            if line[first] == UInt8(ascii: "{") {
                format = .jsonLines
                try parseJSON(line, lineNumber: lineNumber)
                return true
            }
            try parseHeader(line, lineNumber: lineNumber)
            format = .csv
            return false
        case .csv:
            try parseCSV(line, lineNumber: lineNumber)
        case .jsonLines:
            try parseJSON(line, lineNumber: lineNumber)
        }
        return true
    }

    // MARK: CSV

    private mutating func parseHeader(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws(TraceLineError) {
        var seen: Set<TraceColumn> = []
        for range in Self.split(line) {
            let name = String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
            guard let column = TraceColumn(rawValue: name), kind.columns.contains(column) else {
                throw TraceLineError(
                    line: lineNumber,
                    column: range.lowerBound + 1,
                    message: "unknown column '\(name)' in the header (columns: "
                        + kind.columns.map(\.rawValue).joined(separator: ", ") + ")",
                    suggestion: Suggestions.best(for: name, among: kind.columns.map(\.rawValue))
                )
            }
            guard seen.insert(column).inserted else {
                throw TraceLineError(
                    line: lineNumber,
                    column: range.lowerBound + 1,
                    message: "column '\(name)' appears twice in the header"
                )
            }
            columns.append(column)
        }
        for required in kind.required where !seen.contains(required) {
            throw TraceLineError(
                line: lineNumber,
                column: 1,
                message: "the header has no '\(required.rawValue)' column (it needs "
                    + kind.required.map(\.rawValue).joined(separator: ", ") + ")"
            )
        }
    }

    private mutating func parseCSV(
        _ line: UnsafeBufferPointer<UInt8>,
        lineNumber: Int
    ) throws(TraceLineError) {
        for index in fields.indices { fields[index] = nil }
        var count = 0
        var start = 0
        for index in 0...line.count where index == line.count || line[index] == UInt8(ascii: ",") {
            let range = Self.trimmed(line, start..<index)
            if count < columns.count, !range.isEmpty { fields[Self.slot(columns[count])] = range }
            count += 1
            start = index + 1
        }
        guard count == columns.count else {
            throw TraceLineError(
                line: lineNumber,
                column: 1,
                message: "has \(count) field(s); the header has \(columns.count)"
            )
        }
    }

    /// The fields of a CSV line, trimmed of spaces and tabs.
    private static func split(_ line: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in 0...line.count where index == line.count || line[index] == UInt8(ascii: ",") {
            ranges.append(trimmed(line, start..<index))
            start = index + 1
        }
        return ranges
    }

    private static func trimmed(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, line[lower] == UInt8(ascii: " ") || line[lower] == UInt8(ascii: "\t") { lower += 1 }
        while upper > lower, line[upper - 1] == UInt8(ascii: " ") || line[upper - 1] == UInt8(ascii: "\t") {
            upper -= 1
        }
        return lower..<upper
    }

    private static func slot(_ column: TraceColumn) -> Int {
        switch column {
        case .time: 0
        case .workload: 1
        case .population: 2
        case .object: 3
        case .size: 4
        case .service: 5
        case .device: 6
        case .state: 7
        }
    }

    // MARK: JSON lines

    /// Reads one flat JSON object of string and number values (and `null` for an absent
    /// optional column); escapes inside strings are not accepted (names have none).
    private mutating func parseJSON(
        _ line: UnsafeBufferPointer<UInt8>,
        lineNumber: Int
    ) throws(TraceLineError) {
        for index in fields.indices { fields[index] = nil }
        var position = 0
        func fail(_ message: String) -> TraceLineError {
            TraceLineError(line: lineNumber, column: position + 1, message: message)
        }
        func skipSpace() {
            while position < line.count,
                line[position] == UInt8(ascii: " ") || line[position] == UInt8(ascii: "\t")
            {
                position += 1
            }
        }
        func expect(_ byte: UInt8, _ what: String) throws(TraceLineError) {
            skipSpace()
            guard position < line.count, line[position] == byte else { throw fail("expected \(what)") }
            position += 1
        }
        /// A string's contents (the position after its closing quote).
        func string() throws(TraceLineError) -> Range<Int> {
            try expect(UInt8(ascii: "\""), "a string in double quotes")
            let start = position
            while position < line.count, line[position] != UInt8(ascii: "\"") {
                if line[position] == UInt8(ascii: "\\") { throw fail("escaped characters are not supported") }
                position += 1
            }
            guard position < line.count else { throw fail("unterminated string") }
            position += 1
            return start..<(position - 1)
        }
        try expect(UInt8(ascii: "{"), "'{'")
        skipSpace()
        if position < line.count, line[position] == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                skipSpace()
                let keyStart = position
                let keyRange = try string()
                let key = UnsafeBufferPointer(rebasing: line[keyRange])
                guard let column = kind.columns.first(where: { $0.rawValue.utf8.elementsEqual(key) }) else {
                    let name = String(decoding: key, as: UTF8.self)
                    throw TraceLineError(
                        line: lineNumber,
                        column: keyStart + 1,
                        message: "unknown key '\(name)' (keys: "
                            + kind.columns.map(\.rawValue).joined(separator: ", ") + ")",
                        suggestion: Suggestions.best(for: name, among: kind.columns.map(\.rawValue))
                    )
                }
                guard fields[Self.slot(column)] == nil else {
                    throw TraceLineError(
                        line: lineNumber,
                        column: keyStart + 1,
                        message: "key '\(column)' appears twice"
                    )
                }
                try expect(UInt8(ascii: ":"), "':' after the key")
                skipSpace()
                guard position < line.count else { throw fail("expected a value") }
                let isText = column.isText
                if line[position] == UInt8(ascii: "\"") {
                    guard isText else { throw fail("'\(column)' must be a number, not a string") }
                    fields[Self.slot(column)] = try string()
                } else {
                    let start = position
                    while position < line.count, line[position] != UInt8(ascii: ","),
                        line[position] != UInt8(ascii: "}"), line[position] != UInt8(ascii: " ")
                    {
                        position += 1
                    }
                    let token = UnsafeBufferPointer(rebasing: line[start..<position])
                    if "null".utf8.elementsEqual(token) {
                        guard !isText else { throw fail("'\(column)' must be a name in double quotes") }
                    } else {
                        guard !isText else {
                            throw TraceLineError(
                                line: lineNumber,
                                column: start + 1,
                                message: "'\(column)' must be a name in double quotes"
                            )
                        }
                        fields[Self.slot(column)] = start..<position
                    }
                }
                skipSpace()
                guard position < line.count else { throw fail("expected ',' or '}'") }
                if line[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                break
            }
        }
        skipSpace()
        guard position == line.count else { throw fail("unexpected text after the object") }
    }

    // MARK: Values

    /// The arrival the recorded `fields` of `line` describe.
    private func arrival(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws(TraceLineError) -> TraceArrival {
        func missing(_ column: TraceColumn) -> TraceLineError {
            TraceLineError(line: lineNumber, column: 1, message: "no '\(column)' (it is required)")
        }
        func bad(_ column: TraceColumn, _ range: Range<Int>, _ message: String) -> TraceLineError {
            TraceLineError(line: lineNumber, column: range.lowerBound + 1, message: "'\(column)' \(message)")
        }
        guard let timeRange = fields[0] else { throw missing(.time) }
        guard let workloadRange = fields[1] else { throw missing(.workload) }
        guard let populationRange = fields[2] else { throw missing(.population) }
        let timeBytes = UnsafeBufferPointer(rebasing: line[timeRange])
        guard let nanoseconds = Self.nanoseconds(timeBytes) else {
            throw bad(.time, timeRange, "must be a number of seconds, at least 0, got '\(Self.text(timeBytes))'")
        }
        let workloadBytes = UnsafeBufferPointer(rebasing: line[workloadRange])
        guard let workloadClass = vocabulary.workloadClass(workloadBytes) else {
            let name = Self.text(workloadBytes)
            throw TraceLineError(
                line: lineNumber,
                column: workloadRange.lowerBound + 1,
                message: "unknown workload '\(name)'",
                suggestion: Suggestions.best(for: name, among: vocabulary.classes.map(\.name))
            )
        }
        let populationBytes = UnsafeBufferPointer(rebasing: line[populationRange])
        guard let population = vocabulary.population(populationBytes) else {
            let name = Self.text(populationBytes)
            throw TraceLineError(
                line: lineNumber,
                column: populationRange.lowerBound + 1,
                message: "unknown population '\(name)'",
                suggestion: Suggestions.best(for: name, among: vocabulary.populations)
            )
        }
        var arrival = TraceArrival(
            time: .nanoseconds(nanoseconds),
            population: population,
            workloadClass: workloadClass
        )
        let workload = vocabulary.classes[Int(workloadClass)]
        if let range = fields[3] {
            let bytes = UnsafeBufferPointer(rebasing: line[range])
            guard let catalogue = workload.catalogueSize else {
                throw bad(
                    .object,
                    range,
                    "is only for download and stream workloads; '\(workload.name)' has no catalogue"
                )
            }
            guard let value = Self.number(bytes), value >= 0, value == value.rounded(), value < Double(catalogue) else {
                throw bad(
                    .object,
                    range,
                    "must be a whole number from 0 to \(catalogue - 1) (the catalogue of '\(workload.name)'), "
                        + "got '\(Self.text(bytes))'"
                )
            }
            arrival.object = Int64(value)
        }
        if let range = fields[4] {
            let bytes = UnsafeBufferPointer(rebasing: line[range])
            guard workload.catalogueSize != nil else {
                throw bad(
                    .size,
                    range,
                    "is only for download and stream workloads; '\(workload.name)' carries no bytes"
                )
            }
            guard let value = Self.number(bytes), value >= 0, value <= ContentSpec.maximumMeanObjectBytes * 1000 else {
                throw bad(.size, range, "must be a number of bytes, at least 0, got '\(Self.text(bytes))'")
            }
            arrival.bytes = value
        }
        if let range = fields[5] {
            let bytes = UnsafeBufferPointer(rebasing: line[range])
            guard let value = Self.number(bytes), value >= 0, value < 1e9 else {
                throw bad(.service, range, "must be a number of seconds, at least 0, got '\(Self.text(bytes))'")
            }
            arrival.serviceSeconds = value
        }
        return arrival
    }

    /// The device change the recorded `fields` of `line` describe.
    private func deviceChange(
        _ line: UnsafeBufferPointer<UInt8>,
        lineNumber: Int
    ) throws(TraceLineError) -> DeviceStateChange {
        func missing(_ column: TraceColumn) -> TraceLineError {
            TraceLineError(line: lineNumber, column: 1, message: "no '\(column)' (it is required)")
        }
        guard let timeRange = fields[0] else { throw missing(.time) }
        guard let deviceRange = fields[6] else { throw missing(.device) }
        guard let stateRange = fields[7] else { throw missing(.state) }
        let timeBytes = UnsafeBufferPointer(rebasing: line[timeRange])
        guard let nanoseconds = Self.nanoseconds(timeBytes) else {
            throw TraceLineError(
                line: lineNumber,
                column: timeRange.lowerBound + 1,
                message: "'time' must be a number of seconds, at least 0, got '\(Self.text(timeBytes))'"
            )
        }
        let deviceBytes = UnsafeBufferPointer(rebasing: line[deviceRange])
        guard let device = Self.number(deviceBytes), device >= 0, device == device.rounded(),
            device < Double(deviceCount)
        else {
            throw TraceLineError(
                line: lineNumber,
                column: deviceRange.lowerBound + 1,
                message: "'device' must be a whole number from 0 to \(deviceCount - 1) (the pool's devices), "
                    + "got '\(Self.text(deviceBytes))'"
            )
        }
        let stateBytes = UnsafeBufferPointer(rebasing: line[stateRange])
        let isOnline: Bool
        if "on".utf8.elementsEqual(stateBytes) {
            isOnline = true
        } else if "off".utf8.elementsEqual(stateBytes) {
            isOnline = false
        } else {
            throw TraceLineError(
                line: lineNumber,
                column: stateRange.lowerBound + 1,
                message: "'state' must be on or off, got '\(Self.text(stateBytes))'"
            )
        }
        return DeviceStateChange(time: .nanoseconds(nanoseconds), device: UInt32(device), isOnline: isOnline)
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes.prefix(60), as: UTF8.self)
    }

    /// A finite number written in decimal (`12`, `0.5`, `1e3`), or nil.
    ///
    /// Copies at most 63 bytes onto the stack for `strtod` (C locale): no heap allocation.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty, bytes.count < 64 else { return nil }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
                UInt8(ascii: "+"), UInt8(ascii: "-"):
                continue
            default:
                return nil
            }
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer -> Double? in
            for index in bytes.indices { buffer[index] = CChar(bitPattern: bytes[index]) }
            buffer[bytes.count] = 0
            guard let base = buffer.baseAddress else { return nil }
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &end)
            guard end == base + bytes.count, value.isFinite else { return nil }
            return value
        }
    }

    /// Seconds written in decimal as whole nanoseconds (rounded half up), at least 0; exact
    /// for plain decimals (`3599.123456789`), through `Double` with an exponent.
    static func nanoseconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var roundUp = false
        var seenPoint = false
        var digits = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                guard let value = number(bytes), value >= 0, value < 9.0e9 else { return nil }
                return Int64((value * 1e9).rounded())
            }
            let digit = Int64(byte - UInt8(ascii: "0"))
            digits += 1
            if !seenPoint {
                whole = whole * 10 + digit
                guard whole < 9_000_000_000 else { return nil }
            } else if fractionDigits < 9 {
                fraction = fraction * 10 + digit
                fractionDigits += 1
            } else if fractionDigits == 9 {
                roundUp = digit >= 5
                fractionDigits += 1
            }
        }
        guard digits > 0 else { return nil }
        for _ in 0..<max(0, 9 - fractionDigits) { fraction *= 10 }
        return whole * 1_000_000_000 + fraction + (roundUp ? 1 : 0)
    }
}
