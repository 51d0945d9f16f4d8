import SimCore
import Testing

@testable import Scenario

private struct Zone: Equatable {
    var name: String
    var servers: Int?
    var timeout: Double
    var policy: String?
}

private enum CachePolicy: String, CaseIterable, Sendable {
    case lru, fifo
}

/// Decodes the small scenario shape used by these tests, as the model builder would.
private func decode(_ text: String, file: String = "s.yaml") -> (regions: [String: [Zone]], diagnostics: Diagnostics) {
    var diagnostics = Diagnostics()
    guard let root = YAMLReader.parse(text, file: file, diagnostics: &diagnostics) else { return ([:], diagnostics) }
    var result: [String: [Zone]] = [:]
    MappingReader.read(root, context: "scenario", into: &diagnostics) { scenario in
        _ = scenario.string("name")
        _ = scenario.optional("duration", as: .duration, default: 3_600)
        scenario.ignore("description")
        _ = scenario.named("regions", element: "region", required: true) { region, regionName in
            let zones = region.named("zones", element: "zone") { zone, zoneName in
                Zone(
                    name: zoneName,
                    servers: zone.required("servers", as: .count),
                    timeout: zone.optional("timeout", as: .duration, default: 30),
                    policy: zone.oneOf("cache", ["lru", "fifo"], default: "lru")
                )
            }
            result[regionName] = zones ?? []
            return regionName
        }
    }
    return (result, diagnostics)
}

@Suite struct SyntaxMappingReaderTests {
    @Test func aValidDocumentDecodesWithoutDiagnostics() {
        let (regions, diagnostics) = decode(
            """
            name: demo
            description: two zones
            regions:
              - name: cn-hangzhou
                zones:
                  - name: cn-hangzhou-a
                    servers: 1.5k
                    timeout: 40 ms
                    cache: fifo
                  - name: cn-hangzhou-b
                    servers: 12
            """
        )
        #expect(diagnostics.isEmpty)
        #expect(
            regions["cn-hangzhou"] == [
                Zone(name: "cn-hangzhou-a", servers: 1_500, timeout: 0.04, policy: "fifo"),
                Zone(name: "cn-hangzhou-b", servers: 12, timeout: 30, policy: "lru"),
            ]
        )
    }

    @Test func everyProblemIsReportedWithItsExactLocation() {
        let (_, diagnostics) = decode(
            """
            name: demo
            regions:
              - name: cn-hangzhou
                zones:
                  - name: cn-hangzhou-a
                    servers: 12x
                    timeout: 40 Mbps
                    cache: lfu
                  - name: cn-hangzhou-b
                    timout: 2 s
            regoins: []
            """,
            file: "Simulations/demo.yaml"
        )
        let expected = """
            Simulations/demo.yaml:6:18: error: invalid 'servers' in zone 'cn-hangzhou-a': expected a whole number \
            such as 300, '300k' or '1.5M', got '12x' (unknown unit 'x')
            Simulations/demo.yaml:7:18: error: invalid 'timeout' in zone 'cn-hangzhou-a': expected a duration such \
            as '40 ms' or '2 h', got '40 Mbps' (a data rate)
            Simulations/demo.yaml:8:16: error: invalid 'cache' in zone 'cn-hangzhou-a': expected one of 'lru', \
            'fifo', got 'lfu'; did you mean 'lru'?
            Simulations/demo.yaml:9:9: error: missing required field 'servers' in zone 'cn-hangzhou-b'
            Simulations/demo.yaml:10:9: error: unknown field 'timout' in zone 'cn-hangzhou-b'; did you mean 'timeout'?
            Simulations/demo.yaml:11:1: error: unknown field 'regoins' in scenario; did you mean 'regions'?
            """
        #expect(diagnostics.description == expected)
        #expect(diagnostics.errorCount == 6)
    }

    @Test func missingRequiredFieldsAreReportedAtTheMapping() {
        let (_, diagnostics) = decode("duration: 2\n")
        #expect(
            diagnostics.description == """
                s.yaml:1:1: error: missing required field 'name' in scenario
                s.yaml:1:1: error: missing required field 'regions' in scenario
                s.yaml:1:11: error: invalid 'duration' in scenario: expected a duration such as '40 ms' or '2 h', \
                got '2' (a number without a unit)
                """
        )
    }

    @Test func namedElementsMayBeAMappingKeyedByNameAndRepeatedNamesAreReported() {
        let (regions, diagnostics) = decode(
            """
            name: demo
            regions:
              hk:
                zones:
                  hk-1a: {servers: 2}
                  hk-1b: {servers: 3}
              sg:
                zones:
                  - {name: sg-1a, servers: 1}
                  - {name: sg-1a, servers: 1}
                  - {servers: 1}
            """
        )
        #expect(regions["hk"]?.map(\.name) == ["hk-1a", "hk-1b"])
        #expect(regions["sg"]?.map(\.name) == ["sg-1a"])
        #expect(
            diagnostics.description == """
                s.yaml:10:16: error: duplicate zone name 'sg-1a' (first at line 9)
                s.yaml:11:9: error: missing required field 'name' in zone 3 of 'zones' in region 'sg'
                """
        )
    }

    @Test func wrongNodeKindsAreReported() {
        let (_, diagnostics) = decode("name: [a]\nregions: 3\n")
        #expect(
            diagnostics.description == """
                s.yaml:1:7: error: invalid 'name' in scenario: expected text, got a list
                s.yaml:2:10: error: invalid 'regions' in scenario: expected a list of regions with names, got '3'
                """
        )
    }

    @Test func typedParsersCoverListsEnumsBoundsAndMoney() throws {
        var diagnostics = Diagnostics()
        let root = try #require(
            YAMLReader.parse(
                """
                tags: [a, 3, [x]]
                cache: LRU
                replicas: 0
                egress: 0.12 USD/GB
                compute: 0.05 USD/GB
                enabled: yes
                step: 1.5 s
                """,
                file: "t.yaml",
                diagnostics: &diagnostics
            )
        )
        MappingReader.read(root, context: "pool 'hk'", into: &diagnostics) { pool in
            #expect(pool.list("tags", of: .string) == ["a", "3"])
            #expect(pool.optional("cache", as: .oneOf(CachePolicy.self)) == nil)
            #expect(pool.required("replicas", as: ValueParser<Int>.count.positive) == nil)
            #expect(pool.required("egress", as: .price(per: .dataSize))?.amountPerBaseUnit == 0.12 / 1e9)
            #expect(pool.required("compute", as: .price(per: .duration)) == nil)
            #expect(pool.bool("enabled", default: false) == false)
            #expect(pool.required("step", as: .simDuration) == .milliseconds(1_500))
        }
        #expect(
            diagnostics.description == """
                t.yaml:1:14: error: invalid 'tags[2]' in pool 'hk': expected text, got a list
                t.yaml:2:8: error: invalid 'cache' in pool 'hk': expected one of 'lru', 'fifo', got 'LRU'; did you \
                mean 'lru'?
                t.yaml:3:11: error: invalid 'replicas' in pool 'hk': expected a whole number such as 300, '300k' or \
                '1.5M', got '0' (must be greater than 0)
                t.yaml:5:10: error: invalid 'compute' in pool 'hk': expected a price per time such as '0.05 USD/h', \
                got '0.05 USD/GB'
                t.yaml:6:10: error: invalid 'enabled' in pool 'hk': expected true or false, got 'yes'; did you mean \
                'true'?
                """
        )
    }

    @Test func aDiagnosticCanBeAttachedToAnyNode() throws {
        var diagnostics = Diagnostics()
        let root = try #require(
            YAMLReader.parse(
                "regions: [eu-west-1]\nzone:\n  region: eu-west\n",
                file: "r.yaml",
                diagnostics: &diagnostics
            )
        )
        MappingReader.read(root, context: "scenario", into: &diagnostics) { scenario in
            let regions = scenario.list("regions", of: .name) ?? []
            _ = scenario.mapping("zone", context: "zone 'hk-1a'") { zone in
                if let entry = zone.entry("region"), let name = entry.value.scalarText, !regions.contains(name) {
                    zone.unknownReference(name, kind: "region", candidates: regions, at: entry.value.location)
                }
            }
        }
        #expect(
            diagnostics.description
                == "r.yaml:3:11: error: zone 'hk-1a' refers to unknown region 'eu-west'; did you mean 'eu-west-1'?"
        )
    }

    @Test func aNonMappingIsReportedOnceAndNullReadsAsEmpty() {
        var diagnostics = Diagnostics()
        let scalar = ScenarioNode.scalar("x", at: SourceLocation(file: "f", line: 2, column: 3))
        MappingReader.read(scalar, context: "failures", into: &diagnostics) { reader in
            _ = reader.optional("mtbf", as: .duration)
        }
        MappingReader.read(.null(at: .startOf("f")), context: "policies", into: &diagnostics) { reader in
            _ = reader.optional("routing", as: .string)
        }
        #expect(diagnostics.description == "f:2:3: error: expected a mapping of fields for failures, got 'x'")
    }
}
