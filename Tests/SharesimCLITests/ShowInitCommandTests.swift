import Foundation
import Scenario
import SimTestSupport
import Testing

/// `sharesim show` and `sharesim init`: a built-in scenario read out of the binary, as shipped
/// or resolved, runs to the same results from the user's own file, and errors in that file
/// point at it.
@Suite("sharesim show and init")
struct ShowInitCommandTests {
    /// The built-in scenarios, as `sharesim list` names them (checked by ``listNamesThem()``).
    static let builtins = [
        "alibaba-double11", "alibaba-footprint-2017", "alibaba-footprint-2025", "cainiao-logistics",
        "global-expansion-gdpr", "huawei-russia", "macau-city-brain", "northeast-industrial-cloud",
        "replay-trace", "xunlei-hongkong", "xunlei-xingyu-cdn",
    ]

    /// The file of `Simulations/` the built-in `name` is built from.
    static func shipped(_ name: String) throws -> String {
        try String(
            contentsOf: ReadmeText.root.appendingPathComponent("Simulations/\(name).yaml"),
            encoding: .utf8
        )
    }

    /// The JSON report of `scenario` (a built-in name or a file), shortened to 5 s after a
    /// 1 s warm-up, reproducible, in this process.
    static func runJSON(_ scenario: String, _ extra: [String] = []) throws -> String {
        let result = try CLIRunner.run(
            ["run", scenario] + extra + [
                "--reproducible", "--format", "json", "--duration", "5 s", "--set", "warmup=1 s", "--quiet",
                "--jobs", "0",
            ]
        )
        #expect(result.status == 0, "\(scenario): \(result.standardError)")
        #expect(result.standardOutput.contains("\"complete\": true"))
        return result.standardOutput
    }

    /// A fresh folder, removed when `body` returns.
    static func inFolder(_ body: (ScenarioFixture) throws -> Void) throws {
        let fixture = try ScenarioFixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        try body(fixture)
    }

    @Test("`list` names exactly the built-in scenarios these tests cover")
    func listNamesThem() throws {
        let result = try CLIRunner.run(["list"])
        #expect(result.status == 0)
        let names = result.standardOutput.split(separator: "\n").filter { !$0.hasPrefix(" ") }
            .map { String($0.prefix { $0 != " " }) }
        #expect(names == Self.builtins)
    }

    @Test("`show` prints a built-in that extends nothing exactly as shipped, comments and citations included")
    func showAsShipped() throws {
        let result = try CLIRunner.run(["show", "xunlei-hongkong"])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput == (try Self.shipped("xunlei-hongkong")))
        #expect(result.standardOutput.contains("# yaml-language-server: $schema=scenario.schema.json\n"))
        #expect(result.standardOutput.contains("\nsources:\n  - seed: 003_fe14300c1b53af24.txt\n"))
        let base = try CLIRunner.run(["show", "xunlei-hongkong", "--variant", "base"])
        #expect(base.standardOutput == result.standardOutput)
    }

    @Test(
        "Every built-in, shown and saved to a file, validates and runs to the same JSON byte for byte",
        arguments: builtins
    )
    func shownBuiltinRunsTheSame(name: String) throws {
        try Self.inFolder { fixture in
            let shown = try CLIRunner.run(["show", name])
            #expect(shown.status == 0, "\(shown.standardError)")
            let extends = ["alibaba-footprint-2025", "replay-trace"].contains(name)
            #expect(shown.standardOutput.hasPrefix("# yaml-language-server") == !extends)
            // `show` prints the scenario only: the built-in traces it names are saved beside it by hand.
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: fixture.path("traces")),
                withIntermediateDirectories: true
            )
            for trace in BuiltinScenarios.traces { _ = try fixture.write(trace.name, trace.text + "\n") }
            let file = try fixture.write("shown.yaml", shown.standardOutput)
            let validate = try CLIRunner.run(["validate", file])
            #expect(validate.status == 0, "\(validate.standardError)")
            #expect(validate.standardOutput.hasPrefix("\(file): ok (\(name)"))
            #expect(try Self.runJSON(file) == (try Self.runJSON(name)))
        }
    }

    @Test(
        "A variant, shown and saved, runs to the same JSON as the variant of the built-in but for the variant's name",
        arguments: [
            ("xunlei-hongkong", "cloud-only"), ("alibaba-footprint-2025", "no-edge"),
            ("xunlei-xingyu-cdn", "cloud-only"),
        ]
    )
    func shownVariantRunsTheSame(name: String, variant: String) throws {
        try Self.inFolder { fixture in
            let shown = try CLIRunner.run(["show", name, "--variant", variant])
            #expect(shown.status == 0, "\(shown.standardError)")
            #expect(
                shown.standardOutput.hasPrefix("# Built-in scenario \(name) with its variant \(variant) applied by ")
            )
            #expect(!shown.standardOutput.contains("\nvariants:"))
            let file = try fixture.write("\(variant).yaml", shown.standardOutput)
            let validate = try CLIRunner.run(["validate", file])
            #expect(validate.status == 0, "\(validate.standardError)")
            let own = try Self.runJSON(file).split(separator: "\n", omittingEmptySubsequences: false)
            let builtin = try Self.runJSON(name, ["--variant", variant]).split(
                separator: "\n",
                omittingEmptySubsequences: false
            )
            #expect(own.count == builtin.count)
            let differing = zip(own, builtin).filter { $0 != $1 }
            #expect(differing.count == 1)
            // The run's metadata, nested in `runs[0].run`, names the variant.
            #expect(differing.first?.0 == "        \"variant\": null,")
            #expect(differing.first?.1 == "        \"variant\": \"\(variant)\",")
        }
    }

    @Test("An unknown scenario or variant exits 2 with one line listing what there is")
    func unknownNames() throws {
        let scenario = try CLIRunner.run(["show", "xunlei-hongkng"])
        #expect(scenario.status == 2)
        #expect(scenario.standardOutput.isEmpty)
        #expect(
            scenario.standardError
                == "builtin:xunlei-hongkng:1:1: error: no built-in scenario 'xunlei-hongkng' (there are: "
                + Self.builtins.joined(separator: ", ") + "); did you mean 'xunlei-hongkong'?\n"
        )
        let variant = try CLIRunner.run(["show", "macau-city-brain", "--variant", "edge"])
        #expect(variant.status == 2)
        #expect(
            variant.standardError
                == "builtin:macau-city-brain:1:1: error: scenario 'macau-city-brain' has no variant 'edge' (it has: "
                + "base, analyse-in-hongkong, analyse-in-hangzhou, edge-outage)\n"
        )
        let file = try CLIRunner.run(["show", "missing.yaml"])
        #expect(file.status == 2)
        #expect(file.standardError == "sharesim: error: no such scenario file: missing.yaml\n")
        let initUnknown = try CLIRunner.run(["init", "hongkong"])
        #expect(initUnknown.status == 2)
        #expect(initUnknown.standardError.hasPrefix("builtin:hongkong:1:1: error: no built-in scenario 'hongkong'"))
        #expect(initUnknown.standardError.split(separator: "\n").count == 1)
    }

    @Test("`init` writes NAME.yaml here, says what to run next, and never overwrites without --force")
    func initWritesOnce() throws {
        try Self.inFolder { fixture in
            let written = try CLIRunner.run(["init", "xunlei-hongkong"], in: fixture.folder)
            #expect(written.status == 0, "\(written.standardError)")
            #expect(
                written.standardOutput
                    == "wrote xunlei-hongkong.yaml (the built-in scenario xunlei-hongkong); "
                    + "run it with: sharesim run xunlei-hongkong.yaml\n"
            )
            let path = fixture.path("xunlei-hongkong.yaml")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == (try Self.shipped("xunlei-hongkong")))
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path) == ["xunlei-hongkong.yaml"]
            )

            try "my edits\n".write(toFile: path, atomically: true, encoding: .utf8)
            let refused = try CLIRunner.run(["init", "xunlei-hongkong"], in: fixture.folder)
            #expect(refused.status == 2)
            #expect(refused.standardOutput.isEmpty)
            #expect(
                refused.standardError
                    == "sharesim: error: xunlei-hongkong.yaml exists already; pass --force to overwrite it\n"
            )
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "my edits\n")

            let forced = try CLIRunner.run(["init", "xunlei-hongkong", "--force"], in: fixture.folder)
            #expect(forced.status == 0)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == (try Self.shipped("xunlei-hongkong")))
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path) == ["xunlei-hongkong.yaml"]
            )
        }
    }

    @Test("`init` of a built-in that extends another writes the resolved file, which runs the same on its own")
    func initResolvedRunsTheSame() throws {
        try Self.inFolder { fixture in
            let path = fixture.path("footprint.yaml")
            let written = try CLIRunner.run(["init", "alibaba-footprint-2025", "--output", path])
            #expect(written.status == 0, "\(written.standardError)")
            #expect(
                written.standardOutput
                    == "wrote \(path) (the built-in scenario alibaba-footprint-2025); run it with: sharesim run \(path)\n"
            )
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text == (try CLIRunner.run(["show", "alibaba-footprint-2025"])).standardOutput)
            #expect(!text.contains("\nextends:"))
            #expect(try CLIRunner.run(["validate", path]).status == 0)
            #expect(try Self.runJSON(path) == (try Self.runJSON("alibaba-footprint-2025")))
        }
    }

    @Test("An error in a file `init` wrote points at that file, line and column")
    func errorsPointAtTheUsersFile() throws {
        try Self.inFolder { fixture in
            for name in ["alibaba-footprint-2025", "huawei-russia"] {
                let path = fixture.path("\(name).yaml")
                #expect(try CLIRunner.run(["init", name], in: fixture.folder).status == 0)
                var lines = try String(contentsOfFile: path, encoding: .utf8)
                    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let index = try #require(lines.firstIndex { $0.hasPrefix("duration: ") })
                lines[index] = "duration: 10 parsecs"
                try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
                let result = try CLIRunner.run(["validate", path])
                #expect(result.status == 2)
                #expect(
                    result.standardError
                        == "\(path):\(index + 1):11: error: invalid 'duration' in scenario: expected a duration "
                        + "such as '40 ms' or '2 h', got '10 parsecs' (unknown unit 'parsecs')\n"
                )
                #expect(!result.standardError.contains("builtin:"))
            }
        }
    }
}
