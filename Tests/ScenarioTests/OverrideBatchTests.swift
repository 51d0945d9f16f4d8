import Testing

@testable import Scenario

/// ``OverrideBatch`` (many overrides, each list indexed once) against the one-at-a-time
/// ``ScenarioNode/set(_:at:)`` it replaces: the same trees and the same errors.
@Suite("Override batches")
struct OverrideBatchTests {
    /// SplitMix64: a small repeatable generator, so a failing seed can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let at = SourceLocation(file: "t.yaml", line: 1, column: 1)
    static let names = ["a", "b", "c", "0", "1"]

    /// A random tree: mappings with a few keys, lists of named mappings (names may repeat or
    /// be missing), and scalars.
    static func tree(depth: Int, using random: inout Generator) -> ScenarioNode {
        let roll = Int.random(in: 0..<10, using: &random)
        if depth == 0 || roll < 2 { return .scalar("s\(roll)", at: at) }
        if roll < 6 {
            let keys = ["x", "y", "name", "z"].filter { _ in Bool.random(using: &random) }
            return .mapping(
                keys.map { MappingEntry(key: $0, keyLocation: at, value: tree(depth: depth - 1, using: &random)) },
                at: at
            )
        }
        let count = Int.random(in: 0..<4, using: &random)
        return .sequence(
            (0..<count).map { _ in
                var element = tree(depth: depth - 1, using: &random)
                if case .mapping(var entries) = element.content, Bool.random(using: &random) {
                    entries.removeAll { $0.key == "name" }
                    entries.insert(
                        MappingEntry(
                            key: "name",
                            keyLocation: at,
                            value: .scalar(names.randomElement(using: &random) ?? "a", at: at)
                        ),
                        at: 0
                    )
                    element.content = .mapping(entries)
                }
                return element
            },
            at: at
        )
    }

    /// A random path of one to four segments drawn from keys, names and indices.
    static func path(using random: inout Generator) -> ScenarioPath {
        let segments = ["x", "y", "z", "name", "w"] + names
        return ScenarioPath(
            (0..<Int.random(in: 1...4, using: &random)).map { _ in segments.randomElement(using: &random) ?? "x" }
        )
    }

    @Test("500 seeds of random trees and overrides: the batch gives the same tree and errors as one at a time")
    func sameAsOneAtATime() throws {
        for seed in 0..<500 {
            var random = Generator(state: UInt64(seed))
            let original = Self.tree(depth: 4, using: &random)
            let overrides = (0..<Int.random(in: 1...12, using: &random)).map { index in
                let value: ScenarioNode =
                    Bool.random(using: &random)
                    ? .scalar(Self.names.randomElement(using: &random) ?? "a", at: Self.at)
                    : Self.tree(depth: 2, using: &random)
                return (
                    path: Self.path(using: &random), value: value,
                    location: SourceLocation(file: "v.yaml", line: index + 1, column: 1)
                )
            }
            var expected = original
            var expectedErrors: [String] = []
            for override in overrides {
                do {
                    try expected.set(override.value, at: override.path)
                } catch {
                    expectedErrors.append(error.diagnostic(at: override.location).description)
                }
            }
            var batched = original
            var diagnostics = Diagnostics()
            ScenarioOverrides.apply(overrides, to: &batched, diagnostics: &diagnostics)
            #expect(batched == expected, "seed \(seed)")
            #expect(diagnostics.entries.map(\.description) == expectedErrors, "seed \(seed)")
        }
    }

    @Test("a rename inside the batch is seen by the overrides after it, as one at a time")
    func renameIsSeen() throws {
        var diagnostics = Diagnostics()
        var tree = try #require(
            YAMLReader.parse(
                "zones:\n  - {name: a, servers: 1}\n  - {name: b, servers: 2}\n",
                file: "r.yaml",
                diagnostics: &diagnostics
            )
        )
        let overrides = [("zones.a.name", "c"), ("zones.c.servers", "9"), ("zones.a.servers", "5")].map {
            (
                path: ScenarioPath(parsing: $0.0) ?? ScenarioPath([]), value: ScenarioNode.scalar($0.1, at: Self.at),
                location: Self.at
            )
        }
        ScenarioOverrides.apply(overrides, to: &tree, diagnostics: &diagnostics)
        #expect(tree.description == "{zones: [{name: c, servers: 9}, {name: b, servers: 2}]}")
        #expect(
            diagnostics.entries.map(\.description)
                == ["t.yaml:1:1: error: cannot apply 'zones.a.servers': no element named 'a' in 'zones'"]
        )
    }
}
