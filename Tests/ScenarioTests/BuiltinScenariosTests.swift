import Foundation
import ShareModel
import SimCore
import Testing

@testable import Scenario

/// The scenario library: the files in `Simulations/`, the copies built into the binary, and
/// a shortened run of every scenario and variant.
@Suite("Built-in scenarios")
struct BuiltinScenariosTests {
    /// The repository's `Simulations/` folder, found from this file's path.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Simulations")

    /// The scenario files on disk, name and text, in name order.
    static func filesOnDisk() throws -> [(name: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { name in
            (
                String(name.dropLast(".yaml".count)),
                try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            )
        }
    }

    /// The trace files on disk (`Simulations/traces/*.csv`), named as scenarios name them
    /// (`traces/NAME.csv`), with their text, in name order.
    static func tracesOnDisk() throws -> [(name: String, text: String)] {
        let traces = folder.appendingPathComponent("traces")
        let names = try FileManager.default.contentsOfDirectory(atPath: traces.path)
            .filter { $0.hasSuffix(".csv") }.sorted()
        return try names.map { name in
            ("traces/" + name, try String(contentsOf: traces.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// The generated Swift source that embeds the trace files `traces`.
    static func generatedTraceSource(_ traces: [(name: String, text: String)]) -> String {
        var source = """
            // Generated from Simulations/traces/*.csv by the BuiltinScenarios test
            // (SHARESIM_UPDATE_BUILTINS=1 swift test --filter BuiltinScenarios). Do not edit.

            extension BuiltinScenarios {
                /// Every built-in trace's path (as scenarios name it, `traces/NAME.csv`) and text.
                public static let traces: [(name: String, text: String)] = [

            """
        for trace in traces {
            source += "        (\"\(trace.name)\", #\"\"\"\n\(trace.text)\n\"\"\"#),\n"
        }
        source += "    ]\n}\n"
        return source
    }

    @Test("The built-in traces match Simulations/traces exactly")
    func builtinTracesMatchFiles() throws {
        let traces = try Self.tracesOnDisk().map { trace in
            (name: trace.name, text: trace.text.hasSuffix("\n") ? String(trace.text.dropLast()) : trace.text)
        }
        let embedded = BuiltinScenarios.traces
        let matches =
            traces.count == embedded.count
            && zip(traces, embedded).allSatisfy { $0.name == $1.name && $0.text == $1.text }
        if !matches, ProcessInfo.processInfo.environment["SHARESIM_UPDATE_BUILTINS"] == "1" {
            let target = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(
                    "Sources/Scenario/Library/BuiltinScenarios+Traces.swift"
                )
            try Self.generatedTraceSource(traces).write(to: target, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            matches,
            Comment(
                rawValue:
                    "Simulations/traces and the built-in copies differ: run SHARESIM_UPDATE_BUILTINS=1 swift test "
                    + "--filter BuiltinScenarios"
            )
        )
    }

    /// The generated Swift source that embeds `files`.
    static func generatedSource(_ files: [(name: String, text: String)]) -> String {
        var source = """
            // Generated from Simulations/*.yaml by the BuiltinScenarios test
            // (SHARESIM_UPDATE_BUILTINS=1 swift test --filter BuiltinScenarios). Do not edit.

            extension BuiltinScenarios {
                /// Every built-in scenario's name and text, in name order.
                public static let files: [(name: String, text: String)] = [

            """
        for file in files {
            source += "        (\"\(file.name)\", #\"\"\"\n\(file.text)\n\"\"\"#),\n"
        }
        source += "    ]\n}\n"
        return source
    }

    @Test("The built-in copies match Simulations/ exactly")
    func builtinsMatchFiles() throws {
        // A multi-line literal ends without the file's last newline.
        let files = try Self.filesOnDisk().map { file in
            (name: file.name, text: file.text.hasSuffix("\n") ? String(file.text.dropLast()) : file.text)
        }
        let embedded = BuiltinScenarios.files
        let matches =
            files.count == embedded.count
            && zip(files, embedded).allSatisfy { $0.name == $1.name && $0.text == $1.text }
        if !matches, ProcessInfo.processInfo.environment["SHARESIM_UPDATE_BUILTINS"] == "1" {
            let target = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(
                    "Sources/Scenario/Library/BuiltinScenarios+Files.swift"
                )
            try Self.generatedSource(files).write(to: target, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            matches,
            Comment(
                rawValue: "Simulations/ and the built-in copies differ: run SHARESIM_UPDATE_BUILTINS=1 swift test "
                    + "--filter BuiltinScenarios"
            )
        )
        #expect(BuiltinScenarios.names.contains(BuiltinScenarios.defaultName))
    }

    @Test("Every scenario file validates, with every variant and sweep point")
    func everyFileValidates() throws {
        let files = try Self.filesOnDisk()
        #expect(files.count >= 9)
        for file in files {
            let path = Self.folder.appendingPathComponent(file.name + ".yaml").path
            let scenario = try Scenario.load(path: path)
            #expect(scenario.name == file.name, "\(file.name): the name field matches the file name")
            #expect(!scenario.sources.isEmpty, "\(file.name) cites the seed documents")
            #expect(!scenario.variants.isEmpty || scenario.sweep != nil, "\(file.name) has a what-if")
            for variant in scenario.variantNames {
                _ = try scenario.applying(variant: variant)
            }
            if let sweep = scenario.sweep {
                for value in sweep.values {
                    _ = try scenario.setting(sweep.path, to: value, at: value.location)
                }
            }
        }
    }

    /// `spec` cut to about `arrivals` expected arrivals and a short warm-up, but never below
    /// 0.1 s, so that answers crossing a wide-area network (tens of milliseconds) come back
    /// inside the run; at Double 11's full scale 0.1 s is already 58,000 orders.
    static func shortened(_ spec: ModelSpec, arrivals: Double) -> ModelSpec {
        var spec = spec
        // A trace's rate is not known without reading it: 25/s stands for each (the shipped
        // trace averages 6/s; its runs stay as short as the other scenarios').
        let rate =
            spec.populations.flatMap(\.demands).reduce(0) { $0 + $1.rate.maxRate }
            + 25 * Double(spec.arrivalTraces.count)
        let seconds = min(spec.duration.seconds, max(0.1, arrivals / max(rate, 1e-9)))
        spec.duration = .seconds(seconds)
        spec.warmup = min(spec.warmup, .seconds(seconds / 4))
        spec.interval = .seconds(max(seconds / 4, 1e-3))
        return spec
    }

    @Test("Every built-in scenario and variant runs, shortened, and conserves requests")
    func everyScenarioRuns() throws {
        for name in BuiltinScenarios.names {
            let scenario = try BuiltinScenarios.scenario(named: name)
            for variant in scenario.variantNames {
                let spec = Self.shortened(try scenario.applying(variant: variant).spec, arrivals: 3_000)
                let results = try ModelRun.run(spec, seed: scenario.seed)
                for workload in results.workloads {
                    #expect(
                        workload.arrived == workload.served + workload.rejected + workload.failed + workload.inFlight,
                        "\(name)/\(variant)/\(workload.name)"
                    )
                }
                #expect(results.workloads.reduce(0) { $0 + $1.served } > 0, "\(name)/\(variant) serves something")
            }
        }
    }
}
