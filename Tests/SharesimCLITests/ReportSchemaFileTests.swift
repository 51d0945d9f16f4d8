import Foundation
import SimTestSupport
import Testing

/// `docs/report.schema.json` checked against what ShareSim writes: the JSON of a run, a
/// comparison and a sweep each validates against it with Python's `jsonschema` (Draft
/// 2020-12), and documents with a missing field or a wrong type do not. Without `python3` or
/// its `jsonschema` module the test is skipped with the reason; `SHARESIM_REQUIRE_PYTHON=1`
/// (CI, which installs `python3-jsonschema`) makes that a failure.
@Suite("docs/report.schema.json validates the JSON reports")
struct ReportSchemaFileTests {
    /// Validates each file named on the command line against the schema (first argument);
    /// prints `ok NAME` or `invalid NAME: <first error>` per file, then exits 0.
    static let validator = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("no-jsonschema")
            sys.exit(3)
        with open(sys.argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for name in sys.argv[2:]:
            with open(name, encoding="utf-8") as f:
                document = json.load(f)
            errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
            if errors:
                path = "/".join(str(p) for p in errors[0].absolute_path)
                print(f"invalid {name}: {path}: {errors[0].message}")
            else:
                print(f"ok {name}")
        """

    @Test("a run, a comparison and a sweep validate; a missing field or a wrong type does not")
    func validates() throws {
        let python = try AnalysisRecipeTests.python()
        let fixture = try ScenarioFixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let queue = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let pool = try fixture.write("pool.yaml", ScenarioFixture.pool)
        let common = ["--format", "json", "--reproducible", "--quiet", "--jobs", "0"]
        let commands = [
            "run.json": ["run", queue, "--replications", "2"],
            "one.json": ["run", pool],
            "comparison.json": ["compare", queue, "--variants", "base,double"],
            "sweep.json": ["sweep", pool],
        ]
        var texts: [String: String] = [:]
        for (name, arguments) in commands.sorted(by: { $0.key < $1.key }) {
            let result = try CLIRunner.run(arguments + common + ["--output", fixture.path(name)])
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
            texts[name] = try String(contentsOfFile: fixture.path(name), encoding: .utf8)
        }
        // Broken copies: a row without its mean, a mean that is text, an unknown kind.
        let run = try #require(texts["run.json"])
        let broken = [
            "no-mean.json": run.replacingFirst("      \"mean\": ", with: "      \"average\": "),
            "text-mean.json": run.replacingFirst(#/"mean": ([0-9.e+-]+),/#) { "\"mean\": \"\($0.output.1)\"," },
            "bad-kind.json": run.replacingFirst("\"kind\": \"run\"", with: "\"kind\": \"runs\""),
        ]
        for (name, text) in broken {
            #expect(text != run, "\(name) changed nothing")
            _ = try fixture.write(name, text)
        }
        let schema = ReadmeText.root.appendingPathComponent("docs/report.schema.json").path
        let names = commands.keys.sorted() + broken.keys.sorted()
        let result = try CLIRunner.runProgram(python, ["-c", Self.validator, schema] + names, in: fixture.folder)
        if result.status == 3 {
            if ProcessInfo.processInfo.environment["SHARESIM_REQUIRE_PYTHON"] == "1" {
                Issue.record("SHARESIM_REQUIRE_PYTHON=1, but python3 has no jsonschema module")
                return
            }
            try Test.cancel("python3 has no jsonschema module (apt-get install python3-jsonschema)")
        }
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == names.count, "\(result.standardOutput)")
        for name in commands.keys.sorted() {
            #expect(lines.contains("ok \(name)"), "\(result.standardOutput)")
        }
        #expect(lines.contains { $0.hasPrefix("invalid no-mean.json: figures/0: ") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("invalid text-mean.json: figures/0/mean: ") })
        #expect(lines.contains { $0.hasPrefix("invalid bad-kind.json: kind: ") })
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced by `replacement`.
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }

    /// The string with the first match of `regex` replaced by what `replacement` makes of it.
    fileprivate func replacingFirst<Output>(
        _ regex: Regex<Output>,
        with replacement: (Regex<Output>.Match) -> String
    ) -> String {
        guard let match = firstMatch(of: regex) else { return self }
        return replacingCharacters(in: match.range, with: replacement(match))
    }
}
