import Foundation
import Testing

@testable import Scenario

/// YAML built to exhaust the machine (alias bombs, deep nesting, huge files) is refused
/// quickly, with one error located where the limit was crossed.
@Suite("Hostile YAML")
struct HostileYAMLTests {
    /// The diagnostics of reading `text` as `h.yaml`, and whether a tree came back.
    func read(_ text: String, limits: ScenarioLimits = .standard) -> (tree: ScenarioNode?, errors: [String]) {
        var diagnostics = Diagnostics()
        let tree = ScenarioLoader(files: ["h.yaml": text], limits: limits).load("h.yaml", diagnostics: &diagnostics)
        return (tree, diagnostics.sorted.map(\.description))
    }

    /// `levels` lines `b: &b [*a,*a,…]` (nine aliases each) over `a: &a [l,l,…]`, a list of nine
    /// scalars: the line of level n stands for about 9^n nodes.
    static func aliasBomb(levels: Int) -> String {
        let names = "abcdefghij".map(String.init)
        var text = "a: &a [l,l,l,l,l,l,l,l,l]\n"
        for level in 1...levels {
            let aliases = Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ",")
            text += "\(names[level]): &\(names[level]) [\(aliases)]\n"
        }
        return text
    }

    @Test("a billion-laughs alias bomb is refused at the alias that crosses the node limit, in well under 2 s")
    func billionLaughs() {
        let text = Self.aliasBomb(levels: 9)
        #expect(text.utf8.count < 400)
        let clock = ContinuousClock()
        var result: (tree: ScenarioNode?, errors: [String]) = (nil, [])
        let elapsed = clock.measure { result = read(text) }
        #expect(result.tree == nil)
        // Nodes so far: 672,612 (levels 0 to 5, the key `g` and its list); `*f` stands for
        // 597,871 more, the first alias that does not fit in 1,000,000.
        #expect(
            result.errors == [
                "h.yaml:7:8: error: alias '*f' stands for 597,871 nodes, which takes the scenario past its limit "
                    + "of 1,000,000 YAML nodes (aliases expanded, extended files included)"
            ]
        )
        #expect(elapsed < .seconds(2), "took \(elapsed)")
    }

    @Test("an alias bomb used as a mapping key is refused without being expanded or hashed")
    func aliasBombAsKey() {
        let text = Self.aliasBomb(levels: 5) + "? *f\n: 1\nafter: 2\n"
        let clock = ContinuousClock()
        var result: (tree: ScenarioNode?, errors: [String]) = (nil, [])
        let elapsed = clock.measure { result = read(text) }
        #expect(result.errors == ["h.yaml:7:3: error: a mapping key must be text, not an alias ('*f')"])
        #expect(result.tree?["after"]?.scalarText == "2")
        #expect(elapsed < .seconds(2), "took \(elapsed)")
    }

    @Test("lists and mappings nested past the depth limit stop reading there")
    func deepNesting() {
        let text = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        let result = read(text)
        #expect(result.tree == nil)
        #expect(result.errors == ["h.yaml:1:65: error: lists and mappings nest more than 64 deep here"])
    }

    @Test("an alias that would nest past the depth limit is refused at the alias")
    func deepAlias() {
        let deep = String(repeating: "[", count: 40) + "x" + String(repeating: "]", count: 40)
        let text =
            "a: &deep \(deep)\nb: \(String(repeating: "[", count: 30))*deep\(String(repeating: "]", count: 30))\n"
        let result = read(text)
        #expect(result.errors == ["h.yaml:2:34: error: alias '*deep' nests lists and mappings more than 64 deep here"])
    }

    @Test("anchors and aliases are counted per file")
    func anchorAndAliasCounts() {
        var limits = ScenarioLimits.standard
        limits.anchors = 2
        limits.aliases = 3
        let anchors = read("a: &a 1\nb: &b 2\nc: &c 3\n", limits: limits)
        #expect(anchors.errors == ["h.yaml:3:4: error: more than 2 anchors in one file"])
        let aliases = read("a: &a 1\nb: [*a, *a, *a, *a]\n", limits: limits)
        #expect(aliases.errors == ["h.yaml:2:17: error: more than 3 aliases in one file"])
    }

    @Test("a document with more nodes than the limit is refused at the node that crosses it")
    func nodeLimit() {
        var limits = ScenarioLimits.standard
        limits.nodes = 100
        let text = "k: [" + Array(repeating: "0", count: 200).joined(separator: ",") + "]\n"
        let result = read(text, limits: limits)
        // The mapping, its key and the list take three nodes; the 98th element is the 101st node.
        #expect(
            result.errors == [
                "h.yaml:1:199: error: the scenario has more than 100 YAML nodes (aliases expanded, extended files "
                    + "included)"
            ]
        )
    }

    @Test("the node limit holds for a scenario and the files it extends together")
    func nodeLimitAcrossExtends() {
        var limits = ScenarioLimits.standard
        limits.nodes = 100
        let list = "[" + Array(repeating: "0", count: 60).joined(separator: ",") + "]"
        let loader = ScenarioLoader(
            files: ["top.yaml": "extends: base.yaml\nmine: \(list)\n", "base.yaml": "theirs: \(list)\n"],
            limits: limits
        )
        var diagnostics = Diagnostics()
        #expect(loader.load("top.yaml", diagnostics: &diagnostics) == nil)
        // top.yaml takes 65 nodes (the mapping, two keys, the value of `extends`, the list and its
        // 60 elements), base.yaml's mapping, key and list 3 more, and its 33rd element is the 101st.
        #expect(
            diagnostics.description
                == "base.yaml:1:74: error: the scenario has more than 100 YAML nodes (aliases expanded, extended "
                + "files included)"
        )
    }

    @Test("a text over the size limit is refused before it is parsed")
    func sizeLimit() {
        let text = String(repeating: "#", count: (16 << 20) + 1)
        let result = read(text)
        #expect(
            result.errors == [
                "h.yaml:1:1: error: cannot read scenario file 'h.yaml': it has 16,777,217 bytes; a scenario file "
                    + "may have at most 16,777,216 (16 MiB)"
            ]
        )
        var diagnostics = Diagnostics()
        #expect(YAMLReader.parse(text, file: "t.yaml", diagnostics: &diagnostics) == nil)
        #expect(
            diagnostics.description.hasPrefix("t.yaml:1:1: error: the scenario text is too large: it has 16,777,217")
        )
    }

    @Test("a huge file on disk is refused by its size without being read, and a device is refused")
    func sizeLimitOnDisk() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sharesim-hostile-\(UInt64.random(in: 0...UInt64.max))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let huge = directory + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: huge))
        // A sparse gigabyte: reading it would take seconds and a gigabyte of memory.
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        var diagnostics = Diagnostics()
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = ScenarioLoader().load(huge, diagnostics: &diagnostics) }
        #expect(
            diagnostics.description
                == "\(huge):1:1: error: cannot read scenario file '\(huge)': it has 1,073,741,824 bytes; a scenario "
                + "file may have at most 16,777,216 (16 MiB)"
        )
        #expect(elapsed < .seconds(2), "took \(elapsed)")
        let top = directory + "/top.yaml"
        try "extends: /dev/zero\nseed: 1\n".write(toFile: top, atomically: true, encoding: .utf8)
        var device = Diagnostics()
        _ = ScenarioLoader().load(top, diagnostics: &device)
        #expect(device.description == "\(top):1:10: error: cannot read extended file '/dev/zero': not a regular file")
    }

    @Test("one error per problem: a repeated key and a non-text key leave the rest of the file readable")
    func keyProblemsDoNotStopReading() throws {
        let result = read("a: 1\n[x, y]: 2\na: 3\nb: 4\n")
        #expect(
            result.errors == [
                "h.yaml:2:1: error: a mapping key must be text, not a list",
                "h.yaml:3:1: error: duplicate key 'a' in this mapping (first at line 1)",
            ]
        )
        #expect(try #require(result.tree).description == "{a: 1, b: 4}")
    }

    @Test("an unknown alias is an error at the alias")
    func unknownAlias() {
        #expect(
            read("a: *nowhere\n").errors == [
                "h.yaml:1:4: error: unknown alias '*nowhere': no anchor '&nowhere' comes before it"
            ]
        )
    }
}
