import Testing

@testable import Scenario

private let scenario = """
    name: demo
    regions:
      - name: cn-hangzhou
        zones:
          - name: cn-hangzhou-a
            servers: 100
          - name: cn-hangzhou-b
            servers: 50
    shared_pools:
      hk-homes:
        devices: 300k
    workloads:
      - rate: 583k/s
      - rate: 10/s
    """

private func root() throws -> ScenarioNode {
    var diagnostics = Diagnostics()
    let node = try #require(YAMLReader.parse(scenario, file: "s.yaml", diagnostics: &diagnostics))
    #expect(diagnostics.isEmpty)
    return node
}

private let flag = SourceLocation(file: "--set", line: 1, column: 1)

@Suite struct SyntaxOverrideTests {
    @Test func pathsAddressKeysNamedElementsAndIndices() throws {
        let tree = try root()
        let servers = try tree.node(
            at: #require(ScenarioPath(parsing: "regions.cn-hangzhou.zones.cn-hangzhou-b.servers"))
        )
        #expect(servers.scalarText == "50")
        #expect(servers.location == SourceLocation(file: "s.yaml", line: 8, column: 18))
        #expect(try tree.node(at: #require(ScenarioPath(parsing: "workloads.1.rate"))).scalarText == "10/s")
        #expect(
            try tree.node(at: #require(ScenarioPath(parsing: "shared_pools.hk-homes.devices"))).scalarText == "300k"
        )
    }

    @Test func applyingAnOverrideReplacesOnlyThatNode() throws {
        var diagnostics = Diagnostics()
        let value = ScenarioNode.scalar("1M", at: SourceLocation(file: "--set", line: 1, column: 31))
        let result = ScenarioOverrides.apply(
            path: "shared_pools.hk-homes.devices",
            value: value,
            to: try root(),
            at: flag,
            diagnostics: &diagnostics
        )
        #expect(diagnostics.isEmpty)
        #expect(result["shared_pools"]?.description == "{hk-homes: {devices: 1M}}")
        #expect(result["shared_pools"]?["hk-homes"]?["devices"]?.location.file == "--set")
        let zoned = ScenarioOverrides.apply(
            path: "regions.cn-hangzhou.zones.cn-hangzhou-a.servers",
            value: .scalar("7", at: flag),
            to: result,
            at: flag,
            diagnostics: &diagnostics
        )
        #expect(
            zoned["regions"]?.description
                == "[{name: cn-hangzhou, zones: [{name: cn-hangzhou-a, servers: 7}, {name: cn-hangzhou-b, "
                + "servers: 50}]}]"
        )
        let indexed = ScenarioOverrides.apply(
            path: "workloads.0.rate",
            value: .scalar("1/s", at: flag),
            to: zoned,
            at: flag,
            diagnostics: &diagnostics
        )
        #expect(indexed["workloads"]?.description == "[{rate: 1/s}, {rate: 10/s}]")
        #expect(diagnostics.isEmpty)
    }

    @Test func aMissingLastKeyIsAdded() throws {
        var diagnostics = Diagnostics()
        let result = ScenarioOverrides.apply(
            path: "shared_pools.hk-homes.nat",
            value: .scalar("20%", at: flag),
            to: try root(),
            at: flag,
            diagnostics: &diagnostics
        )
        #expect(diagnostics.isEmpty)
        #expect(result["shared_pools"]?.description == "{hk-homes: {devices: 300k, nat: 20%}}")
    }

    @Test func anUnknownSegmentIsNamedWithASuggestion() throws {
        var diagnostics = Diagnostics()
        let tree = try root()
        let unchanged = ScenarioOverrides.apply(
            path: "regions.cn-hangzou.zones.cn-hangzhou-a.servers",
            value: .scalar("1", at: flag),
            to: tree,
            at: flag,
            diagnostics: &diagnostics
        )
        #expect(unchanged == tree)
        _ = ScenarioOverrides.apply(
            path: "regoins.cn-hangzhou",
            value: .scalar("1", at: flag),
            to: tree,
            at: flag,
            diagnostics: &diagnostics
        )
        _ = ScenarioOverrides.apply(
            path: "workloads.5.rate",
            value: .scalar("1", at: flag),
            to: tree,
            at: flag,
            diagnostics: &diagnostics
        )
        _ = ScenarioOverrides.apply(
            path: "name.first",
            value: .scalar("1", at: flag),
            to: tree,
            at: flag,
            diagnostics: &diagnostics
        )
        _ = ScenarioOverrides.apply(
            path: "a..b",
            value: .scalar("1", at: flag),
            to: tree,
            at: flag,
            diagnostics: &diagnostics
        )
        #expect(
            diagnostics.entries.map(\.description) == [
                "--set:1:1: error: cannot apply 'regions.cn-hangzou.zones.cn-hangzhou-a.servers': no element "
                    + "named 'cn-hangzou' in 'regions'; did you mean 'cn-hangzhou'?",
                "--set:1:1: error: cannot apply 'regoins.cn-hangzhou': no field 'regoins' in the scenario; did "
                    + "you mean 'regions'?",
                "--set:1:1: error: cannot apply 'workloads.5.rate': no element '5' in 'workloads' (a list of 2; "
                    + "use an index from 0)",
                "--set:1:1: error: cannot apply 'name.first': cannot look up 'first' in 'name', which is 'demo'",
                "--set:1:1: error: invalid path 'a..b': segments must be non-empty and separated by single dots",
            ]
        )
    }

    @Test func assignmentsParseIntoAPathAndLocatedValues() throws {
        var diagnostics = Diagnostics()
        let assignment = try #require(
            OverrideAssignment.parse(
                "regions.cn-hangzhou.zones.cn-hangzhou-a.servers=100, 200,'3,5'",
                diagnostics: &diagnostics
            )
        )
        #expect(diagnostics.isEmpty)
        #expect(assignment.path.segments == ["regions", "cn-hangzhou", "zones", "cn-hangzhou-a", "servers"])
        #expect(assignment.values.map(\.description) == ["100", "200", "'3,5'"])
        #expect(assignment.values.map(\.location.column) == [49, 54, 58])
        #expect(assignment.values[2].scalarText == "3,5")

        #expect(OverrideAssignment.parse("servers", diagnostics: &diagnostics) == nil)
        #expect(OverrideAssignment.parse("a.b=1,,2", origin: "sweep", diagnostics: &diagnostics) == nil)
        #expect(
            diagnostics.entries.map(\.description) == [
                "--set:1:1: error: expected PATH=VALUE[,VALUE...], got 'servers' (no '=')",
                "sweep:1:7: error: empty value in 'a.b=1,,2'",
            ]
        )
    }

    @Test func aSingleValuedAssignmentApplies() throws {
        var diagnostics = Diagnostics()
        var tree = try root()
        let assignment = try #require(OverrideAssignment.parse("name=other", diagnostics: &diagnostics))
        assignment.apply(to: &tree, diagnostics: &diagnostics)
        #expect(tree["name"]?.scalarText == "other")
        let sweep = try #require(OverrideAssignment.parse("name=a,b", diagnostics: &diagnostics))
        sweep.apply(to: &tree, diagnostics: &diagnostics)
        #expect(diagnostics.description == "--set:1:1: error: 'name' has 2 values; an override takes exactly one")
    }

    @Test func aVariantMappingAppliesEachPathAtItsKey() throws {
        var diagnostics = Diagnostics()
        let variant = try #require(
            YAMLReader.parse(
                """
                shared_pools.hk-homes.devices: 1M
                regions.cn-hangzhou.zones.cn-hangzhou-c.servers: 3
                """,
                file: "v.yaml",
                diagnostics: &diagnostics
            )
        )
        var tree = try root()
        ScenarioOverrides.apply(overrides: variant, to: &tree, diagnostics: &diagnostics)
        #expect(tree["shared_pools"]?.description == "{hk-homes: {devices: 1M}}")
        #expect(
            diagnostics.description
                == "v.yaml:2:1: error: cannot apply 'regions.cn-hangzhou.zones.cn-hangzhou-c.servers': no "
                + "element named 'cn-hangzhou-c' in 'regions.cn-hangzhou.zones'"
        )
    }
}
