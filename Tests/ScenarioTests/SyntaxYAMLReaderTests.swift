import Testing

@testable import Scenario

private func parse(_ text: String, file: String = "s.yaml") -> (ScenarioNode?, Diagnostics) {
    var diagnostics = Diagnostics()
    let node = YAMLReader.parse(text, file: file, diagnostics: &diagnostics)
    return (node, diagnostics)
}

@Suite struct SyntaxYAMLReaderTests {
    static let document = """
        # a comment on line 1
        name: demo
        regions:
          - name: cn-hangzhou
            zones:
              - name: cn-hangzhou-a
                servers: 12
        tags: [a, 'b c']
        empty:
        """

    @Test func locationsAreOneBasedLinesAndColumns() throws {
        let (parsed, diagnostics) = parse(Self.document)
        #expect(diagnostics.isEmpty)
        let root = try #require(parsed)
        #expect(root.location == SourceLocation(file: "s.yaml", line: 2, column: 1))
        let name = try #require(root.entry("name"))
        #expect(name.keyLocation == SourceLocation(file: "s.yaml", line: 2, column: 1))
        #expect(name.value.location == SourceLocation(file: "s.yaml", line: 2, column: 7))
        let regions = try #require(root["regions"])
        #expect(regions.location == SourceLocation(file: "s.yaml", line: 4, column: 3))
        let region = try #require(regions.sequenceElements?.first)
        #expect(region.location == SourceLocation(file: "s.yaml", line: 4, column: 5))
        let zone = try #require(region["zones"]?.sequenceElements?.first)
        let servers = try #require(zone.entry("servers"))
        #expect(servers.keyLocation == SourceLocation(file: "s.yaml", line: 7, column: 9))
        #expect(servers.value.location == SourceLocation(file: "s.yaml", line: 7, column: 18))
        let tags = try #require(root["tags"])
        #expect(tags.location == SourceLocation(file: "s.yaml", line: 8, column: 7))
        #expect(tags.sequenceElements?[1].location == SourceLocation(file: "s.yaml", line: 8, column: 11))
    }

    @Test func mappingsKeepFileOrderAndScalarsKeepTheirText() throws {
        let (parsed, _) = parse("zeta: 1\nalpha: no\nmid: '007'\nversion: 1.10\n")
        let root = try #require(parsed)
        #expect(root.mappingEntries?.map(\.key) == ["zeta", "alpha", "mid", "version"])
        #expect(root["alpha"]?.scalarText == "no")
        #expect(root["mid"]?.content == .scalar(ScalarText("007", style: .quoted)))
        #expect(root["version"]?.scalarText == "1.10")
    }

    @Test func nullSpellingsBecomeNullButQuotedOnesStayText() throws {
        let (parsed, _) = parse("a:\nb: ~\nc: null\nd: 'null'\n")
        let root = try #require(parsed)
        #expect(root["a"]?.isNull == true)
        #expect(root["b"]?.isNull == true)
        #expect(root["c"]?.isNull == true)
        #expect(root["d"]?.scalarText == "null")
        #expect(root.description == "{a: null, b: null, c: null, d: 'null'}")
    }

    @Test func anEmptyDocumentIsNull() throws {
        let (parsed, diagnostics) = parse("# nothing\n")
        #expect(diagnostics.isEmpty)
        #expect(parsed == .null(at: .startOf("s.yaml")))
    }

    @Test func aSyntaxErrorIsReportedWhereYamsPutsIt() {
        let (parsed, diagnostics) = parse("name: demo\nregions:\n  - a\n  b: c\n")
        #expect(parsed == nil)
        #expect(diagnostics.entries.count == 1)
        #expect(
            diagnostics.description
                == "s.yaml:4:3: error: invalid YAML: did not find expected '-' indicator (while parsing a block "
                + "collection at line 3, column 3)"
        )
    }

    @Test func anUnclosedQuoteIsASyntaxError() {
        let (parsed, diagnostics) = parse("name: demo\ndescription: 'oops\nseed: 1\n")
        #expect(parsed == nil)
        #expect(diagnostics.entries.first?.location.file == "s.yaml")
        #expect(diagnostics.hasErrors)
    }

    @Test func duplicateKeysAreReportedAtTheRepeatedKeyAndTheFirstValueIsKept() throws {
        let text = """
            name: demo
            zones:
              - name: a
                servers: 3
                timeout: 1 s
                servers: 4
            """
        let (parsed, diagnostics) = parse(text)
        #expect(try #require(parsed).description == "{name: demo, zones: [{name: a, servers: 3, timeout: 1 s}]}")
        #expect(
            diagnostics.description == "s.yaml:6:5: error: duplicate key 'servers' in this mapping (first at line 4)"
        )
    }

    @Test func duplicateKeysOfDifferentStylesAreCaughtToo() throws {
        let (parsed, diagnostics) = parse("1: a\n'1': b\n")
        let root = try #require(parsed)
        #expect(root.mappingEntries?.count == 1)
        #expect(diagnostics.description == "s.yaml:2:1: error: duplicate key '1' in this mapping (first at line 1)")
    }

    @Test func aliasesAndMergeKeysAreExpanded() throws {
        let text = """
            defaults: &zone
              servers: 4
              timeout: 1 s
            zone:
              <<: *zone
              servers: 8
            """
        let (parsed, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        let zone = try #require(parsed?["zone"])
        #expect(zone.description == "{timeout: 1 s, servers: 8}")
        #expect(zone["timeout"]?.location == SourceLocation(file: "s.yaml", line: 3, column: 12))
    }

    @Test func aSecondDocumentIsAnError() {
        let (parsed, diagnostics) = parse("a: 1\n---\nb: 2\n")
        #expect(parsed == nil)
        #expect(diagnostics.entries.first?.location.line == 2)
    }
}

@Suite struct SyntaxYAMLNullLocationTests {
    @Test func anEmptyValueIsLocatedAndReportedAsMissing() throws {
        var diagnostics = Diagnostics()
        let root = try #require(
            YAMLReader.parse("zone:\n  servers:\n  timeout: 1 s\n", file: "n.yaml", diagnostics: &diagnostics)
        )
        MappingReader.read(try #require(root["zone"]), context: "zone 'z'", into: &diagnostics) { zone in
            _ = zone.required("servers", as: .count)
            _ = zone.required("timeout", as: .duration)
        }
        #expect(diagnostics.description == "n.yaml:2:11: error: missing value for required field 'servers' in zone 'z'")
    }
}
