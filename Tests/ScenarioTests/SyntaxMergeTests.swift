import Testing

@testable import Scenario

private func tree(_ text: String, file: String) throws -> ScenarioNode {
    var diagnostics = Diagnostics()
    let node = try #require(YAMLReader.parse(text, file: file, diagnostics: &diagnostics))
    #expect(diagnostics.isEmpty)
    return node
}

@Suite struct SyntaxMergeTests {
    @Test func mappingsMergeKeyByKeyAndNamedListsByName() throws {
        let base = try tree(
            """
            name: base
            duration: 1 h
            regions:
              - name: a
                zones: [{name: a1, servers: 1}, {name: a2, servers: 2}]
              - name: b
            tags: [x, y]
            """,
            file: "base.yaml"
        )
        let override = try tree(
            """
            regions:
              - name: a
                zones: [{name: a2, servers: 20}, {name: a3, servers: 3}]
              - name: c
            tags: [z]
            seed: 7
            name: child
            """,
            file: "child.yaml"
        )
        let merged = ScenarioMerge.merge(base: base, override: override)
        #expect(
            merged.description
                == "{name: child, duration: 1 h, regions: [{name: a, zones: [{name: a1, servers: 1}, {name: a2, "
                + "servers: 20}, {name: a3, servers: 3}]}, {name: b}, {name: c}], tags: [z], seed: 7}"
        )
        // Locations come from whichever file each node came from.
        #expect(merged["duration"]?.location == SourceLocation(file: "base.yaml", line: 2, column: 11))
        #expect(merged.entry("name")?.keyLocation == SourceLocation(file: "child.yaml", line: 7, column: 1))
        let zones = try #require(merged["regions"]?.sequenceElements?[0]["zones"]?.sequenceElements)
        #expect(zones[0]["servers"]?.location.file == "base.yaml")
        #expect(zones[1]["servers"]?.location == SourceLocation(file: "child.yaml", line: 3, column: 33))
    }

    @Test func scalarsAndKindChangesReplaceAndEmptyListsClear() throws {
        let base = try tree("a: {x: 1}\nb: [{name: n}]\nc: 3\n", file: "b.yaml")
        let override = try tree("a: 5\nb: []\nc: {y: 2}\n", file: "o.yaml")
        #expect(ScenarioMerge.merge(base: base, override: override).description == "{a: 5, b: [], c: {y: 2}}")
    }

    @Test func extendsLoadsTheBaseRelativeToTheExtendingFile() throws {
        let loader = ScenarioLoader(files: [
            "Simulations/common/base.yaml": "name: base\nduration: 1 h\nregions:\n  - name: a\n    servers: 1\n",
            "Simulations/child.yaml": "extends: common/base.yaml\nregions:\n  - name: a\n    servers: 2\n",
        ])
        let merged = try loader.load("Simulations/child.yaml")
        #expect(merged.description == "{name: base, duration: 1 h, regions: [{name: a, servers: 2}]}")
        #expect(
            merged["duration"]?.location == SourceLocation(file: "Simulations/common/base.yaml", line: 2, column: 11)
        )
        #expect(
            merged["regions"]?.sequenceElements?[0]["servers"]?.location
                == SourceLocation(file: "Simulations/child.yaml", line: 4, column: 14)
        )
    }

    @Test func anExtendsCycleIsReportedAtTheExtendsValue() {
        let loader = ScenarioLoader(files: [
            "s/a.yaml": "extends: b.yaml\nname: a\n",
            "s/b.yaml": "extends: ./a.yaml\nname: b\n",
        ])
        var diagnostics = Diagnostics()
        let node = loader.load("s/a.yaml", diagnostics: &diagnostics)
        #expect(node?["name"]?.scalarText == "a")
        #expect(diagnostics.description == "s/b.yaml:1:10: error: 'extends' cycle: s/a.yaml -> s/b.yaml -> s/a.yaml")
        #expect(throws: ScenarioError.self) { try loader.load("s/a.yaml") }
    }

    @Test func aMissingBaseAndErrorsInSeveralFilesAreAllReported() {
        let loader = ScenarioLoader(files: [
            "x.yaml": "extends: [nope.yaml, y.yaml]\nname: x\n",
            "y.yaml": "name: y\nbad: [\n",
        ])
        var diagnostics = Diagnostics()
        _ = loader.load("x.yaml", diagnostics: &diagnostics)
        #expect(
            diagnostics.sorted.map(\.description) == [
                "x.yaml:1:11: error: cannot read extended file 'nope.yaml': no such file",
                "y.yaml:3:1: error: invalid YAML: did not find expected node content (while parsing a flow node "
                    + "at line 3, column 1)",
            ]
        )
        var missing = Diagnostics()
        #expect(ScenarioLoader(files: [:]).load("gone.yaml", diagnostics: &missing) == nil)
        #expect(missing.description == "gone.yaml:1:1: error: cannot read scenario file 'gone.yaml': no such file")
    }

    @Test func pathsResolveLexically() {
        #expect(ScenarioLoader.resolve("../base.yaml", against: "Simulations/cdn/x.yaml") == "Simulations/base.yaml")
        #expect(ScenarioLoader.resolve("base.yaml", against: "x.yaml") == "base.yaml")
        #expect(ScenarioLoader.resolve("/etc/b.yaml", against: "a/x.yaml") == "/etc/b.yaml")
        #expect(ScenarioLoader.normalize("./a/./b/../c.yaml") == "a/c.yaml")
        #expect(ScenarioLoader.normalize("../a.yaml") == "../a.yaml")
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite struct SyntaxLoaderDiskTests {
    @Test func extendsWorksOnRealFiles() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sharesim-syntax-\(UInt64.random(in: 0...UInt64.max))").path
        try FileManager.default.createDirectory(atPath: directory + "/lib", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "seed: 1\nduration: 2 h\n".write(toFile: directory + "/lib/base.yaml", atomically: true, encoding: .utf8)
        try "extends: lib/base.yaml\nseed: 9\n".write(
            toFile: directory + "/top.yaml",
            atomically: true,
            encoding: .utf8
        )
        let merged = try ScenarioLoader().load(directory + "/top.yaml")
        #expect(merged.description == "{seed: 9, duration: 2 h}")
        #expect(merged["duration"]?.location == SourceLocation(file: directory + "/lib/base.yaml", line: 2, column: 11))
    }
}
