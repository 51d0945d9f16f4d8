import Foundation
import ShareModel
import SimCore
import Testing

@testable import Scenario

/// `YAMLWriter` and `StandaloneScenario`: what `sharesim show` prints and `sharesim init`
/// writes reads back to the very tree it was written from, for tricky scalars and for every
/// built-in scenario and variant.
@Suite("Standalone scenarios and the YAML writer")
struct StandaloneScenarioTests {
    /// The tree of `text`, read as the file `file`.
    static func tree(_ text: String, file: String = "t.yaml") throws -> ScenarioNode {
        var diagnostics = Diagnostics()
        let node = YAMLReader.parse(text, file: file, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(node)
    }

    /// Scalars the reader would take for something else if written plain, in every style.
    static let tricky = """
        name: tricky
        empty: ''
        tilde: '~'
        word: 'null'
        nothing: null
        '<<': not a merge
        colon: 'a: b'
        hash: 'a #b'
        lead: '  spaced'
        quoted: "kept quoted"
        multi: |
          line one
            indented two
        folded: >-
          a folded text
        list: [1, 2.5, 10k]
        none: []
        map: {a: 1, b: x}
        nested:
          - name: a
            deep: {k: v}
            items:
              - 40 ms
              - {name: b, long: a text long enough that the collection is not written on one line at all}
        unicode: 链克 credits
        """

    @Test("Tricky scalars are written in the exact layout and read back to the same tree")
    func trickyScalars() throws {
        let node = try Self.tree(Self.tricky)
        let text = try YAMLWriter.text(of: node)
        #expect(
            text == """
                name: tricky

                empty: ''

                tilde: '~'

                word: 'null'

                nothing: null

                '<<': not a merge

                colon: 'a: b'

                hash: 'a #b'

                lead: '  spaced'

                quoted: 'kept quoted'

                multi: |
                  line one
                    indented two

                folded: >-
                  a folded text

                list: [1, 2.5, 10k]

                none: []

                map: {a: 1, b: x}

                nested:
                - name: a
                  deep: {k: v}
                  items:
                  - 40 ms
                  - name: b
                    long: a text long enough that the collection is not written on one line at all

                unicode: 链克 credits

                """
        )
        let again = try Self.tree(text, file: "again.yaml")
        #expect(again.sameContent(as: node))
        #expect(
            again["quoted"]
                == ScenarioNode(.scalar(ScalarText("kept quoted", style: .quoted)), at: again["quoted"]!.location)
        )
        #expect(again["nothing"]?.isNull == true)
        #expect(again["empty"]?.scalarText == "")
        #expect(again.entry("<<")?.value.scalarText == "not a merge")
    }

    @Test("A long text is folded near the width and reads back unchanged")
    func longTextFolds() throws {
        let words = (1...60).map { "word\($0)" }.joined(separator: " ")
        let node = ScenarioNode.mapping(
            [MappingEntry(key: "description", keyLocation: .startOf("t"), value: .scalar(words, at: .startOf("t")))],
            at: .startOf("t")
        )
        let text = try YAMLWriter.text(of: node)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(try Self.tree(text).sameContent(as: node))
    }

    /// `document` with its top-level `keys` left out and `variants` and `sweep` moved last, as
    /// the standalone text is written.
    static func expected(_ document: ScenarioNode, without keys: [String] = []) -> ScenarioNode {
        document.removing(keys: keys).movingToEnd(["variants", "sweep"])
    }

    @Test("Each built-in scenario that extends nothing is shown exactly as shipped")
    func verbatimBuiltins() throws {
        // Those that extend another (alibaba-footprint-2025, replay-trace) are shown resolved.
        for name in BuiltinScenarios.names where !(BuiltinScenarios.text(of: name) ?? "").contains("\nextends:") {
            let shown = try StandaloneScenario.builtin(name)
            let file = BuiltinScenariosTests.folder.appendingPathComponent(name + ".yaml")
            #expect(shown.isVerbatim, "\(name)")
            #expect(shown.text == (try String(contentsOf: file, encoding: .utf8)), "\(name)")
            #expect(try StandaloneScenario.builtin(name, variant: "base") == shown, "\(name)")
        }
    }

    @Test("A built-in that extends another is shown resolved, and decodes to the same document")
    func resolvedBuiltin() throws {
        let shown = try StandaloneScenario.builtin("alibaba-footprint-2025")
        #expect(!shown.isVerbatim)
        #expect(
            shown.text.hasPrefix(
                """
                # Built-in scenario alibaba-footprint-2025, resolved by `sharesim show`.
                # What it extends (alibaba-footprint-2017) is merged in, so this file stands alone; comments are not
                # kept.

                name: alibaba-footprint-2025

                description: >-

                """
            )
        )
        #expect(!shown.text.contains("\nextends:"))
        let original = try BuiltinScenarios.scenario(named: "alibaba-footprint-2025")
        let decoded = try Scenario.parse(shown.text, name: "mine.yaml")
        #expect(decoded.document.sameContent(as: Self.expected(original.document)))
        #expect(decoded.name == "alibaba-footprint-2025")
        #expect(decoded.variantNames == original.variantNames)
        try decoded.checkVariantsAndSweep()
    }

    @Test("A variant removing an edge site leaves out the latency measured to it, and says so")
    func measuredLatencyOfRemovedPlace() throws {
        let shown = try StandaloneScenario.builtin("xunlei-hongkong", variant: "cloud-only")
        #expect(shown.text.contains("# Measured latencies naming places this variant removes (hk-cdn) are left out."))
        let decoded = try Scenario.parse(shown.text, name: "cloud-only.yaml")
        #expect(decoded.spec.latency.measuredPairs.count == 2)
        #expect(decoded.spec.latency.measuredLatency(between: "hk-cdn", and: "cn-shenzhen") == nil)
        #expect(decoded.spec.latency.measuredLatency(between: "hong-kong", and: "cn-shenzhen") == .milliseconds(14))
    }

    @Test("A variant removing a pool leaves out the report figures of that pool, and says so")
    func reportFiguresOfRemovedEntity() throws {
        let shown = try StandaloneScenario.builtin("xunlei-xingyu-cdn", variant: "cloud-only")
        #expect(
            shown.text.contains(
                "# Report figures of things this variant removes (sharedPool/infinite-node/credits) are left out."
            )
        )
        let decoded = try Scenario.parse(shown.text, name: "cloud-only.yaml")
        #expect(
            decoded.report?.headline.map(\.name) == [
                "servedBy/kuaishou-short-video/shared", "servedBy/xiaomi-updates/shared",
                "workload/kuaishou-short-video/startupDelayP50", "workload/kuaishou-short-video/rebufferRatio",
                "cost/perTBDelivered",
            ]
        )
    }

    @Test("Every variant of every built-in is shown as the variant's document, without the variants")
    func everyVariant() throws {
        var shownCount = 0
        for name in BuiltinScenarios.names {
            let original = try BuiltinScenarios.scenario(named: name)
            for variant in original.variants.map(\.name) {
                let shown = try StandaloneScenario.builtin(name, variant: variant)
                let applied = try original.applying(variant: variant)
                // Read as a built-in, so a trace it names is the built-in trace.
                let decoded = try Scenario.parse(shown.text, name: BuiltinScenarios.path(of: "\(name)-\(variant)"))
                let dropped = decoded.sweep == nil ? ["variants", "sweep"] : ["variants"]
                // Measured latencies naming places the variant removes are left out, and so are
                // report figures of entities it removes.
                let measured = applied.document.keepingMeasuredLatencies(amongPlacesOf: applied.spec).0
                    .keepingReportFigures(amongEntitiesOf: applied.spec).0
                #expect(
                    decoded.document.sameContent(as: Self.expected(measured, without: dropped)),
                    "\(name) --variant \(variant)"
                )
                #expect(decoded.variants.isEmpty)
                #expect(decoded.name == name && decoded.seed == original.seed)
                #expect(decoded.replications == original.replications)
                try decoded.checkVariantsAndSweep()
                shownCount += 1
            }
        }
        #expect(shownCount == 54)
    }

    @Test("A variant keeps the sweep only when every point still applies")
    func sweepKeptOrLeftOut() throws {
        let heavyNAT = try StandaloneScenario.builtin("xunlei-xingyu-cdn", variant: "heavy-nat")
        #expect(
            heavyNAT.text.hasPrefix(
                """
                # Built-in scenario xunlei-xingyu-cdn with its variant heavy-nat applied by `sharesim show`: 60% of
                # devices behind NAT that cannot be reached (a carrier-grade NAT rollout).
                # The other variants are left out; the sweep is kept.

                name: xunlei-xingyu-cdn

                """
            )
        )
        #expect(
            heavyNAT.text.hasSuffix(
                "sweep:\n  path: shared_pools.infinite-node.devices\n  values: [10k, 20k, 50k, 100k, 200k]\n"
            )
        )
        let cloudOnly = try StandaloneScenario.builtin("xunlei-xingyu-cdn", variant: "cloud-only")
        #expect(
            cloudOnly.text.contains(
                """
                # The other variants and the sweep (of shared_pools.infinite-node.devices, which this variant
                # changes) are left out.

                """
            )
        )
        #expect(!cloudOnly.text.contains("\nsweep:") && !cloudOnly.text.contains("\nvariants:"))
    }

    @Test("An unknown scenario or variant is one error listing what there is")
    func unknownNames() {
        #expect {
            try StandaloneScenario.builtin("xunlei-hongkng")
        } throws: { error in
            (error as? ScenarioError)?.description
                == "builtin:xunlei-hongkng:1:1: error: no built-in scenario 'xunlei-hongkng' (there are: "
                + BuiltinScenarios.names.joined(separator: ", ") + "); did you mean 'xunlei-hongkong'?"
        }
        #expect {
            try StandaloneScenario.builtin("macau-city-brain", variant: "edge")
        } throws: { error in
            (error as? ScenarioError)?.description
                == "builtin:macau-city-brain:1:1: error: scenario 'macau-city-brain' has no variant 'edge' (it has: "
                + "base, analyse-in-hongkong, analyse-in-hangzhou, edge-outage)"
        }
    }

    /// The smallest scenario: one workload, one zone, one population.
    static let minimal = """
        duration: 10 s
        workloads: [{name: w, kind: transaction, service: 1 ms}]
        regions: [{name: r, location: [0, 0], zones: [{name: r-a, servers: 1}]}]
        populations: [{name: p, location: [0, 0], workloads: [{workload: w, rate: 1/s}]}]

        """

    /// ``minimal`` as ``YAMLWriter`` writes it.
    static let minimalWritten = """
        duration: 10 s

        workloads:
        - {name: w, kind: transaction, service: 1 ms}

        regions:
        - name: r
          location: [0, 0]
          zones:
          - {name: r-a, servers: 1}

        populations:
        - name: p
          location: [0, 0]
          workloads:
          - {workload: w, rate: 1/s}

        """

    @Test("A file that extends another is shown resolved against its own folder; its name is always written")
    func fileWithExtends() throws {
        let loader = ScenarioLoader(files: [
            "dir/base.yaml": "name: base\nseed: 3\n" + Self.minimal,
            "dir/mine.yaml": "# my notes\nextends: base.yaml\nseed: 4\n",
            "dir/alone.yaml": "# my notes\n" + Self.minimal,
            "dir/child.yaml": "extends: alone.yaml\nseed: 2\n",
        ])
        let mine = try StandaloneScenario.file("dir/mine.yaml", loader: loader)
        #expect(
            mine.text == """
                # Scenario file dir/mine.yaml, resolved by `sharesim show`.
                # What it extends (dir/base.yaml) is merged in, so this file stands alone; comments are not kept.

                name: base

                seed: 4


                """ + Self.minimalWritten
        )
        let alone = try StandaloneScenario.file("dir/alone.yaml", loader: loader)
        #expect(alone == StandaloneScenario(text: "# my notes\n" + Self.minimal, isVerbatim: true))
        let child = try StandaloneScenario.file("dir/child.yaml", loader: loader)
        #expect(
            child.text == """
                # Scenario file dir/child.yaml, resolved by `sharesim show`.
                # What it extends (dir/alone.yaml) is merged in, so this file stands alone; comments are not kept.

                name: child


                """ + Self.minimalWritten + "\nseed: 2\n"
        )
    }
}
