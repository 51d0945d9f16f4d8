import SimCore

/// One generated scenario case: the file to check and the files it may extend, each as bytes.
struct MutatedScenario: Sendable {
    /// Which corpus file it started from and the mutations applied, for a failure message.
    var label: String
    /// The file passed to `sharesim` (a name inside the case's folder).
    var main: String
    /// Every file the case writes into its folder, the main one included, by name.
    var files: [(name: String, bytes: [UInt8])]
}

/// A seeded generator of hostile scenario files, in the families of issue 16: numbers scaled
/// within reason (so the model runs with them), huge and tiny numbers, wrong types, unicode,
/// garbage, deep nesting, wide repetition, aliases and alias bombs, broken structure, and
/// `extends` chains, cycles and odd targets.
///
/// Each case starts from one corpus file (the built-in scenarios) and applies one mutation
/// (half the cases), two (a third) or three; the same seed gives the same cases.
struct ScenarioMutations {
    /// A family of mutations.
    enum Family: String, CaseIterable, Sendable {
        case scaled, numbers, types, unicode, garbage, deep, wide, aliases, structure, extends
    }

    private var random: SplitMix64
    private let corpus: [(name: String, text: String)]
    /// Each corpus file's lines, split once.
    private let corpusLines: [[String]]
    /// The prefix of the main file's name; files a case extends get it too, so a case only
    /// ever reads its own files or the corpus.
    private let prefix: String

    /// Cases drawn from `seed`, mutating `corpus` (file name and text); written files are
    /// named from `prefix`.
    init(seed: UInt64, corpus: [(name: String, text: String)], prefix: String) {
        random = SplitMix64(seed: seed)
        self.corpus = corpus
        corpusLines = corpus.map { $0.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        self.prefix = prefix
    }

    /// The next case.
    mutating func next() -> MutatedScenario {
        let sourceIndex = int(0...corpus.count - 1)
        let source = corpus[sourceIndex]
        var lines = corpusLines[sourceIndex]
        var applied: [String] = []
        var extra: [(name: String, bytes: [UInt8])] = []
        var trailer: [UInt8] = []
        for _ in 0..<pick([1, 1, 1, 2, 2, 3]) {
            let family = pick(Family.allCases)
            let what: String
            switch family {
            case .scaled: what = scaledNumber(in: &lines)
            case .numbers: what = hostileNumber(in: &lines)
            case .types: what = wrongType(in: &lines)
            case .unicode: what = unicode(in: &lines)
            case .garbage: what = garbage(in: &lines, trailer: &trailer)
            case .deep: what = deep(in: &lines)
            case .wide: what = wide(in: &lines)
            case .aliases: what = aliases(in: &lines)
            case .structure: what = structure(in: &lines)
            case .extends: what = extends(in: &lines, extra: &extra)
            }
            applied.append("\(family.rawValue): \(what)")
        }
        let main = prefix + ".yaml"
        let bytes = Array(lines.joined(separator: "\n").utf8) + trailer
        return MutatedScenario(
            label: "\(source.name) with " + applied.joined(separator: "; "),
            main: main,
            files: [(main, bytes)] + extra
        )
    }

    // MARK: Families

    /// A value's leading number multiplied by a factor from 1/100 to 100, its unit kept: most
    /// such files stay valid and run, with loads from idle to far past capacity.
    private mutating func scaledNumber(in lines: inout [String]) -> String {
        guard let index = someLine(of: lines, where: { line in Self.numberRange(in: line) != nil }),
            let range = Self.numberRange(in: lines[index]),
            let number = Double(lines[index][range].filter { $0 != "_" })
        else { return "none" }
        let factor = pick([0.01, 0.1, 0.5, 0.9, 1.1, 2, 10, 100])
        let scaled = number * factor
        let value = scaled == scaled.rounded() && abs(scaled) < 1e15 ? String(Int(scaled)) : String(scaled)
        lines[index].replaceSubrange(range, with: value)
        return "line \(index + 1) number x\(factor) -> \(value)"
    }

    /// A value's leading number replaced by an extreme one, its unit (if any) kept.
    private mutating func hostileNumber(in lines: inout [String]) -> String {
        guard let index = someLine(of: lines, where: { line in Self.numberRange(in: line) != nil }),
            let range = Self.numberRange(in: lines[index])
        else { return "none" }
        let extremes = [
            "0", "-1", "-0", "1e308", "1e-308", "5e-324", "1e999", "-1e999", "4294967295", "4294967296",
            "9223372036854775807", "9223372036854775808", "18446744073709551616", "1e30", "0.000000001",
            ".nan", ".inf", "-.inf", "NaN", "99999999999999999999999999", "1G", "1T", "1P", "0x7fffffff",
            "1_000_000", "123456789012345678901234567890e-20", "2^53", "1e", "--5", "1.2.3",
        ]
        let value = int(0...3) == 0 ? "1e\(int(-40...40))" : pick(extremes)
        lines[index].replaceSubrange(range, with: value)
        return "line \(index + 1) number -> \(value)"
    }

    /// A value replaced by one of another YAML type (or a broken one), or a block emptied.
    private mutating func wrongType(in lines: inout [String]) -> String {
        guard let index = someLine(of: lines, where: { line in Self.valueStart(in: line) != nil }),
            let start = Self.valueStart(in: lines[index])
        else { return "none" }
        let values = [
            "[]", "{}", "null", "~", "true", "\"\"", "[1, 2, 3]", "{a: 1}", "!!binary aGVsbG8=", "!custom tag",
            "*undefined", "&lonely", "'unterminated", "\"unterminated", "- item", "[[1], {b: [2]}]", "? key",
            "|", ">-", "{a: 1, a: 2}", "[1, 2", "!!int 3.5", "!!float abc", "<<: {}", "=", "%", "@", "`",
        ]
        let value = pick(values)
        lines[index] = String(lines[index][..<start]) + value
        return "line \(index + 1) value -> \(value)"
    }

    /// A value (often a name) replaced by text outside ASCII: scripts, bidi controls, emoji,
    /// zero-width and combining characters, escapes of NUL and lone surrogates, a long string.
    private mutating func unicode(in lines: inout [String]) -> String {
        guard let index = someLine(of: lines, where: { line in Self.valueStart(in: line) != nil }),
            let start = Self.valueStart(in: lines[index])
        else { return "none" }
        let values = [
            "香港-區域", "\u{202E}lanoiger", "😀🎥📦", "a\u{200B}b", "e\u{0301}\u{0301}\u{0301}", "\"\\u0000\"",
            "\"\\uD800\"", "\"\\x00\"", String(repeating: "長", count: 20_000), "\u{FEFF}bom", "ﬁ", "İstanbul",
            "\"\\U0010FFFF\"", "\u{1F1ED}\u{1F1F0}", "\u{7}bell", "\u{85}next-line", "\u{2028}separator",
        ]
        let value = pick(values)
        lines[index] = String(lines[index][..<start]) + value
        return "line \(index + 1) value -> unicode #\(values.firstIndex(of: value) ?? 0)"
    }

    /// Random bytes inserted, the file cut short, control characters, invalid UTF-8 or a
    /// very long line.
    private mutating func garbage(in lines: inout [String], trailer: inout [UInt8]) -> String {
        guard !lines.isEmpty else { return "none" }
        let index = int(0...lines.count - 1)
        switch int(0...5) {
        case 0:
            let count = int(1...64)
            trailer += (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            return "\(count) random bytes at the end"
        case 1:
            let keep = int(0...lines.count - 1)
            lines.removeSubrange(keep...)
            return "cut after line \(keep)"
        case 2:
            lines[index] = String((0..<int(1...80)).map { _ in Character(UnicodeScalar(UInt8(int(32...126)))) })
            return "line \(index + 1) -> printable noise"
        case 3:
            lines[index] += String(pick(["\u{0}", "\u{1B}[2J", "\u{7F}", "\r", "\t\t"]))
            return "line \(index + 1) + control character"
        case 4:
            trailer += [0xFF, 0xFE, 0xC3, 0x28, 0xED, 0xA0, 0x80]
            return "invalid UTF-8 at the end"
        default:
            lines.insert("comment_or_key: " + String(repeating: "a", count: 1 << int(10...21)), at: index)
            return "a long line at \(index + 1)"
        }
    }

    /// A value nested in flow sequences or mappings, or block mappings, many levels deep.
    private mutating func deep(in lines: inout [String]) -> String {
        let depth = pick([10, 100, 1_000, 10_000, 100_000])
        let value: String
        switch int(0...2) {
        case 0: value = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        case 1: value = String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)
        default:
            let levels = min(depth, 2_000)
            lines.append("deep:")
            for level in 1...levels { lines.append(String(repeating: " ", count: level) + "k\(level):") }
            return "\(levels) block mappings deep"
        }
        if let index = someLine(of: lines, where: { Self.valueStart(in: $0) != nil }) {
            lines[index] = String(lines[index][..<Self.valueStart(in: lines[index])!]) + value
        } else {
            lines.append("deep: " + value)
        }
        return "\(depth) flow levels deep"
    }

    /// A list item repeated many times (its names made distinct or not), or a mapping or list
    /// of very many entries.
    private mutating func wide(in lines: inout [String]) -> String {
        let count = pick([2, 10, 100, 300, 1_000])
        if int(0...2) > 0, let start = someLine(of: lines, where: { $0.trimmingLeadingSpaces.hasPrefix("- name:") }) {
            let indent = lines[start].prefix { $0 == " " }.count
            var end = start + 1
            while end < lines.count,
                lines[end].prefix(while: { $0 == " " }).count > indent
                    || lines[end].trimmingLeadingSpaces.isEmpty && end + 1 < lines.count
            {
                end += 1
            }
            let block = Array(lines[start..<end])
            let distinct = int(0...3) > 0
            var copies: [String] = []
            copies.reserveCapacity(block.count * count)
            for copy in 1...count {
                var renamed = block
                if distinct { renamed[0] += "-copy\(copy)" }
                copies += renamed
            }
            lines.insert(contentsOf: copies, at: end)
            return "item at line \(start + 1) repeated \(count) times\(distinct ? "" : " with the same name")"
        }
        if int(0...1) == 0 {
            lines.append("wide:")
            for key in 0..<(count * 20) { lines.append("  key\(key): \(key)") }
            return "\(count * 20) keys"
        }
        lines.append("wide: [" + (0..<(count * 20)).map(String.init).joined(separator: ", ") + "]")
        return "\(count * 20) items"
    }

    /// Anchors and aliases: a billion-laughs bomb (as an unknown key or a known field's value),
    /// an alias used as a merge key, an anchor redefined, an alias to nothing.
    private mutating func aliases(in lines: inout [String]) -> String {
        switch int(0...3) {
        case 0, 1:
            let depth = int(2...14)
            let width = int(2...10)
            var bomb = ["bomb0: &b0 [\"lol\"" + String(repeating: ", \"lol\"", count: width - 1) + "]"]
            for level in 1...depth {
                bomb.append(
                    "bomb\(level): &b\(level) ["
                        + Array(repeating: "*b\(level - 1)", count: width).joined(separator: ", ")
                        + "]"
                )
            }
            if int(0...1) == 0,
                let index = someLine(
                    of: lines,
                    where: { line in Self.valueStart(in: line) != nil && !line.hasPrefix(" ") }
                )
            {
                lines[index] = String(lines[index][..<Self.valueStart(in: lines[index])!]) + "*b\(depth)"
                lines.insert(contentsOf: bomb, at: index)
            } else {
                lines += bomb
            }
            return "bomb \(width)^\(depth)"
        case 2:
            guard let index = someLine(of: lines, where: { line in line.trimmingLeadingSpaces.hasPrefix("- name:") })
            else { return "none" }
            let indent = String(repeating: " ", count: lines[index].prefix { $0 == " " }.count + 2)
            lines.insert(indent + "<<: *\(pick(["missing", "b0"]))", at: index + 1)
            lines.insert("b0: &b0 {name: merged}", at: 0)
            return "merge key at line \(index + 2)"
        default:
            lines.insert("a: &x 1\nb: &x 2\nc: *x\nd: *y", at: 0)
            return "anchor redefined, alias to nothing"
        }
    }

    /// Lines deleted, duplicated, swapped or re-indented; tabs, CRLF, a byte-order mark, a
    /// second document, directives, or nothing at all.
    private mutating func structure(in lines: inout [String]) -> String {
        guard lines.count > 2 else { return "none" }
        let index = int(0...lines.count - 2)
        switch int(0...9) {
        case 0:
            lines.remove(at: index)
            return "line \(index + 1) deleted"
        case 1:
            lines.insert(lines[index], at: index)
            return "line \(index + 1) duplicated"
        case 2:
            lines.swapAt(index, index + 1)
            return "lines \(index + 1) and \(index + 2) swapped"
        case 3:
            let shift = pick([-2, -1, 1, 2, 7])
            lines[index] =
                shift > 0
                ? String(repeating: " ", count: shift) + lines[index]
                : String(lines[index].dropFirst(min(-shift, lines[index].prefix { $0 == " " }.count)))
            return "line \(index + 1) shifted \(shift)"
        case 4:
            lines = lines.map { line in
                let spaces = line.prefix { $0 == " " }.count
                return String(repeating: "\t", count: spaces / 2) + line.dropFirst(spaces)
            }
            return "tabs for indentation"
        case 5:
            lines = lines.map { $0 + "\r" }
            return "CRLF"
        case 6:
            lines[0] = "\u{FEFF}" + lines[0]
            return "byte-order mark"
        case 7:
            lines += ["---", "name: second", "..."]
            return "second document"
        case 8:
            lines.insert(pick(["%YAML 1.1", "%YAML 9.9", "%TAG ! tag:x,2000:", "%BOGUS"]), at: 0)
            lines.insert("---", at: 1)
            return "directive"
        default:
            lines = pick([[], [""], ["# only a comment"], ["---"], ["~"], ["[]"], ["name"]])
            return "nothing left"
        }
    }

    /// `extends` pointing at a chain of files, a cycle, itself, a missing file, a device, a
    /// folder, or a value of the wrong type.
    private mutating func extends(
        in lines: inout [String],
        extra: inout [(name: String, bytes: [UInt8])]
    ) -> String {
        lines.removeAll { $0.hasPrefix("extends:") }
        let main = prefix + ".yaml"
        switch int(0...5) {
        case 0, 1:
            let depth = pick([1, 2, 10, 63, 64, 65, 300])
            let base = pick(corpus)
            for level in 1...depth {
                let target = level == depth ? base.name : "\(prefix)-ext\(level + 1).yaml"
                extra.append(("\(prefix)-ext\(level).yaml", Array("extends: \(target)\n".utf8)))
            }
            lines.insert("extends: \(prefix)-ext1.yaml", at: 0)
            return "a chain of \(depth) files down to \(base.name)"
        case 2:
            extra.append(("\(prefix)-ext1.yaml", Array("extends: \(main)\nname: cycle\n".utf8)))
            lines.insert("extends: \(prefix)-ext1.yaml", at: 0)
            return "a cycle of two files"
        case 3:
            lines.insert("extends: \(main)", at: 0)
            return "extends itself"
        case 4:
            let target = pick(["/dev/zero", "/dev/null", "/proc/self/status", ".", "/", "missing.yaml", "\"\""])
            lines.insert("extends: \(target)", at: 0)
            return "extends \(target)"
        default:
            let value = pick(["[a.yaml, b.yaml]", "{file: a}", "42", "null", "~"])
            lines.insert("extends: \(value)", at: 0)
            return "extends \(value)"
        }
    }

    // MARK: Reading lines

    /// The index of a line drawn at random among those `matching`, or nil if 256 draws find none.
    private mutating func someLine(of lines: [String], where matching: (String) -> Bool) -> Int? {
        guard !lines.isEmpty else { return nil }
        for _ in 0..<256 {
            let index = int(0...lines.count - 1)
            if matching(lines[index]) { return index }
        }
        return nil
    }

    /// The range of the number a `key: value` or `- value` line's value starts with.
    private static func numberRange(in line: String) -> Range<String.Index>? {
        guard let start = Self.valueStart(in: line) else { return nil }
        let digits = line[start...].prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "_" }
        guard digits.contains(where: \.isNumber) else { return nil }
        return start..<digits.endIndex
    }

    /// Where the value of a `key: value` line starts (nil for lines without an inline value,
    /// comments and list markers alone).
    private static func valueStart(in line: String) -> String.Index? {
        let body = line.trimmingLeadingSpaces
        guard !body.hasPrefix("#"), let colon = body.firstIndex(of: ":") else { return nil }
        let after = body[body.index(after: colon)...]
        guard after.first == " ", let start = after.firstIndex(where: { $0 != " " }), after[start] != "#" else {
            return nil
        }
        return start
    }

    // MARK: Drawing

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    private mutating func pick<Element>(_ items: [Element]) -> Element { items[int(0...items.count - 1)] }
}

extension String {
    /// The line without its leading spaces.
    fileprivate var trimmingLeadingSpaces: Substring { drop { $0 == " " } }
}
