import Testing

@testable import Scenario

/// `extends` chains, diamonds and cycles: each file read and merged once, the chain walked
/// without recursion, every limit an error at the `extends` value that crossed it.
@Suite("Hostile extends")
struct HostileExtendsTests {
    /// Resolves `path` among `files`, with the resolver's counts.
    func resolve(
        _ path: String,
        _ files: [String: String],
        limits: ScenarioLimits = .standard
    ) -> (tree: ScenarioNode?, errors: [String], reads: [String], merges: Int) {
        var resolver = ExtendsResolver(loader: ScenarioLoader(files: files, limits: limits))
        let tree = resolver.resolve(path)
        return (tree, resolver.diagnostics.sorted.map(\.description), resolver.reads, resolver.merges)
    }

    /// `count` files `f0.yaml` … where each extends the next, the last extending nothing.
    static func chain(_ count: Int) -> [String: String] {
        var files: [String: String] = [:]
        for index in 0..<count {
            let extends = index + 1 < count ? "extends: f\(index + 1).yaml\n" : ""
            files["f\(index).yaml"] = extends + "k\(index): \(index)\nshared: \(index)\n"
        }
        return files
    }

    @Test("a chain of 12,000 files stops at the 64-file limit after reading 64 files, without recursion")
    func twelveThousandDeep() {
        let result = resolve("f0.yaml", Self.chain(12_000))
        #expect(
            result.errors == [
                "f63.yaml:1:10: error: 'extends' chain is longer than 64 files: 'f64.yaml' would be file 65"
            ]
        )
        #expect(result.reads.count == 64)
    }

    @Test("a chain of exactly 64 files loads, nearer files overriding farther ones")
    func chainAtTheLimit() throws {
        let result = resolve("f0.yaml", Self.chain(64))
        #expect(result.errors.isEmpty)
        let tree = try #require(result.tree)
        #expect(tree["shared"]?.scalarText == "0")
        #expect(tree["k63"]?.scalarText == "63")
        #expect(tree.mappingEntries?.count == 65)
        #expect(result.reads.count == 64 && result.merges == 63)
    }

    @Test("a file holding nothing but extends, and a file whose every value is overridden, are listed as read")
    func filesWithoutNodesListed() throws {
        let files = [
            "/s/top.yaml": "extends: middle.yaml\nk: top\n",
            "/s/middle.yaml": "extends: base.yaml\n",
            "/s/base.yaml": "k: base\n",
        ]
        let (tree, read) = try ScenarioLoader(files: files).loadListingFiles("/s/top.yaml")
        #expect(read == ["/s/top.yaml", "/s/middle.yaml", "/s/base.yaml"])
        #expect(tree["k"]?.scalarText == "top")
    }

    @Test("nine files each extending the next ten times over load and merge each file once")
    func diamond() throws {
        var files: [String: String] = [:]
        for index in 0..<9 {
            let next = Array(repeating: "d\(index + 1).yaml", count: 10).joined(separator: ", ")
            files["d\(index).yaml"] = (index < 8 ? "extends: [\(next)]\n" : "") + "v\(index): \(index)\n"
        }
        let result = resolve("d0.yaml", files)
        #expect(result.errors.isEmpty)
        #expect(result.reads == (0..<9).map { "d\($0).yaml" })
        // Each of d0 … d7 takes its base as it is (named ten times in a row, it is merged once)
        // and is merged over it once.
        #expect(result.merges == 8)
        #expect(
            try #require(result.tree).description == "{v8: 8, v7: 7, v6: 6, v5: 5, v4: 4, v3: 3, v2: 2, v1: 1, v0: 0}"
        )
    }

    @Test("a file named again later in an extends list is merged again there, as written")
    func repeatsAreKeptWhenNotInARow() throws {
        let result = resolve(
            "top.yaml",
            ["top.yaml": "extends: [a.yaml, b.yaml, a.yaml]\n", "a.yaml": "k: a\n", "b.yaml": "k: b\n"]
        )
        #expect(try #require(result.tree).description == "{k: a}")
        #expect(result.reads == ["top.yaml", "a.yaml", "b.yaml"] && result.merges == 3)
    }

    @Test("a three-file cycle and a file extending itself are reported at the extends value that closes them")
    func cycles() {
        let three = resolve(
            "c/a.yaml",
            [
                "c/a.yaml": "extends: b.yaml\nname: a\n",
                "c/b.yaml": "extends: c.yaml\nname: b\n",
                "c/c.yaml": "seed: 1\nextends: ../c/a.yaml\n",
            ]
        )
        #expect(three.errors == ["c/c.yaml:2:10: error: 'extends' cycle: c/a.yaml -> c/b.yaml -> c/c.yaml -> c/a.yaml"])
        #expect(three.tree?.description == "{seed: 1, name: a}")
        #expect(three.reads == ["c/a.yaml", "c/b.yaml", "c/c.yaml"])
        let itself = resolve("s.yaml", ["s.yaml": "name: s\nextends: [s.yaml]\n"])
        #expect(itself.errors == ["s.yaml:2:11: error: 'extends' cycle: s.yaml -> s.yaml"])
    }

    @Test("more distinct files than the limit is one error, at the first file over it")
    func fileLimit() {
        var limits = ScenarioLimits.standard
        limits.files = 4
        var files = ["top.yaml": "extends: [a.yaml, b.yaml, c.yaml, d.yaml, e.yaml]\n"]
        for name in ["a", "b", "c", "d", "e"] { files["\(name).yaml"] = "\(name): 1\n" }
        let result = resolve("top.yaml", files, limits: limits)
        #expect(
            result.errors == [
                "top.yaml:1:35: error: 'extends' names more than 4 files in all: 'd.yaml' would be file 5"
            ]
        )
        #expect(result.reads == ["top.yaml", "a.yaml", "b.yaml", "c.yaml"])
    }

    @Test("merging that visits more nodes than the limit stops with one error")
    func mergeLimit() {
        var limits = ScenarioLimits.standard
        limits.mergeVisits = 50
        let big = (0..<40).map { "k\($0): \($0)" }.joined(separator: "\n") + "\n"
        let result = resolve(
            "top.yaml",
            ["top.yaml": "extends: [big.yaml, again.yaml]\nk0: top\n", "big.yaml": big, "again.yaml": big],
            limits: limits
        )
        #expect(result.tree == nil)
        #expect(result.errors == ["top.yaml:1:10: error: merging the files 'extends' names visits more than 50 nodes"])
    }
}
