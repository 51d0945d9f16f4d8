import Foundation
import SimTestSupport
import Testing

/// Parses a JSON report and returns the means of figure `key` (one per run or point).
func figureMeans(_ json: String, key: String) throws -> [Double] {
    try figureRows(json, key: key).map { $0["mean"] as? Double ?? .nan }
}

/// Parses a JSON report and returns the rows of figure `key` (one per run or point).
func figureRows(_ json: String, key: String) throws -> [[String: Any]] {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let rows = (object?["figures"] as? [[String: Any]] ?? []).filter { $0["figure"] as? String == key }
    if rows.isEmpty { Issue.record("no figure \(key)") }
    return rows
}

@Suite("sharesim run, compare, sweep, validate, merge")
struct ScenarioCommandTests {
    @Test("The same scenario and seed give byte-identical JSON, with 0 or 2 worker processes")
    func reproducibleAcrossWorkers() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let inProcess = try CLIRunner.run(["run", file, "--format", "json", "--reproducible", "--jobs", "0"])
        #expect(inProcess.status == 0, "\(inProcess.standardError)")
        let again = try CLIRunner.run(["run", file, "--format", "json", "--reproducible", "--jobs", "0"])
        let workers = try CLIRunner.run(["run", file, "--format", "json", "--reproducible", "--jobs", "2"])
        #expect(workers.status == 0, "\(workers.standardError)")
        #expect(inProcess.standardOutput == again.standardOutput)
        #expect(inProcess.standardOutput == workers.standardOutput)
        #expect(inProcess.standardOutput.contains("\"schema\": \"sharesim.report/2\""))
    }

    @Test(
        "--reproducible gives identical bytes in every format, for runs in and out of process",
        arguments: ["table", "json", "csv", "md", "html"]
    )
    func reproducibleInEveryFormat(format: String) throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let arguments = ["run", file, "--replications", "2", "--format", format, "--reproducible"]
        let first = try CLIRunner.run(arguments + ["--jobs", "0"])
        #expect(first.status == 0, "\(first.standardError)")
        let second = try CLIRunner.run(arguments + ["--jobs", "2"])
        #expect(first.standardOutput == second.standardOutput)
        #expect(!first.standardOutput.contains("wall time"))
    }

    @Test("compare of a scenario with itself reports every difference as zero")
    func compareWithItself() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let result = try CLIRunner.run(["compare", file, file, "--format", "json", "--reproducible", "--jobs", "0"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let rows = object?["figures"] as? [[String: Any]] ?? []
        #expect(rows.count > 20)
        for row in rows where row["diffMean"] is Double {
            #expect(row["diffMean"] as? Double == 0, "\(row["figure"] ?? "")")
            #expect(row["significant"] as? Bool == false, "\(row["figure"] ?? "")")
        }
        #expect(rows.contains { $0["diffMean"] is Double })
    }

    @Test("Doubling the only zone's servers changes the mean wait as M/M/c theory says")
    func compareKnownChange() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let result = try CLIRunner.run([
            "compare", file, "--variants", "base,double", "--replications", "8",
            "--format", "json", "--reproducible", "--jobs", "0",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let difference = try #require(try figureRows(result.standardOutput, key: "zone/r-a/meanWaitSeconds").last)
        let mean = try #require(difference["diffMean"] as? Double)
        let halfWidth = try #require(difference["diffHigh"] as? Double) - mean
        // Erlang C: Wq = C(c, a) / (c mu - lambda) with a = lambda / mu = 1.5.
        // c = 2: C = 0.642857..., Wq = 1.285714 s; c = 4: C = 0.0737..., Wq = 0.02947 s.
        let analytic = 0.029_479_6 - 1.285_714_3
        #expect(mean < 0 && difference["significant"] as? Bool == true)
        #expect(abs(mean - analytic) <= 2 * halfWidth, "simulated \(mean) ± \(halfWidth) vs analytic \(analytic)")
        #expect(halfWidth < 0.25 * abs(analytic), "the interval is narrow enough to test: \(halfWidth)")
    }

    @Test("A sweep over the number of shared devices gives a rising shared fraction")
    func sweepDevices() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("pool.yaml", ScenarioFixture.pool)
        let result = try CLIRunner.run(["sweep", file, "--format", "json", "--reproducible", "--jobs", "0"])
        #expect(result.status == 0, "\(result.standardError)")
        let shares = try figureMeans(result.standardOutput, key: "servedBy/files/shared")
        #expect(shares.count == 3)
        #expect(shares.count == 3 && shares[0] < shares[1] && shares[1] < shares[2], "\(shares)")
        let given = try CLIRunner.run([
            "sweep", file, "--set", "shared_pools.homes.devices=20,50,120", "--format", "json",
            "--reproducible", "--jobs", "0",
        ])
        #expect(given.standardOutput == result.standardOutput, "--set PATH=V1,V2,... is the same sweep")
    }

    @Test("Shards merged give the same report as one run")
    func shardsAndMerge() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let whole = try CLIRunner.run([
            "run", file, "--replications", "4", "--format", "json", "--reproducible", "--jobs", "0",
        ])
        for shard in 1...2 {
            let part = try CLIRunner.run([
                "run", file, "--replications", "4", "--shard", "\(shard)/2",
                "--results", fixture.path("part\(shard).jsonl"), "--jobs", "0",
            ])
            #expect(part.status == 0, "\(part.standardError)")
            #expect(part.standardOutput.isEmpty)
        }
        let merged = try CLIRunner.run([
            "merge", fixture.path("part1.jsonl"), fixture.path("part2.jsonl"),
            "--format", "json", "--reproducible",
        ])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == whole.standardOutput)
        let half = try CLIRunner.run(["merge", fixture.path("part1.jsonl"), "--format", "json", "--reproducible"])
        #expect(half.status == 1)
        #expect(half.standardError.contains("2 of 4 simulations are missing (shard 2/2)"))
        #expect(half.standardOutput.contains("\"complete\": false"))
        let allowed = try CLIRunner.run(["merge", fixture.path("part1.jsonl"), "--allow-partial"])
        #expect(allowed.status == 0)
        #expect(allowed.standardError.contains("warning: 2 of 4 simulations are missing (shard 2/2)"))
    }

    @Test("--resume recomputes nothing that had finished")
    func resume() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let results = fixture.path("results.jsonl")
        let first = try CLIRunner.run([
            "run", file, "--results", results, "--format", "json", "--reproducible", "--jobs", "0",
        ])
        #expect(first.status == 0, "\(first.standardError)")
        let lines = try String(contentsOfFile: results, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        let resumed = try CLIRunner.run([
            "run", file, "--results", results, "--resume", "--format", "json", "--reproducible",
            "--jobs", "0",
        ])
        #expect(resumed.standardOutput == first.standardOutput)
        #expect(try String(contentsOfFile: results, encoding: .utf8).split(separator: "\n").count == 3)
        // An edited scenario is a different experiment: nothing stale is reused.
        _ = try fixture.write(
            "queue.yaml",
            ScenarioFixture.queue.replacingOccurrences(of: "servers: 2", with: "servers: 3")
        )
        let edited = try CLIRunner.run([
            "run", file, "--results", results, "--resume", "--format", "json", "--reproducible",
            "--jobs", "0",
        ])
        #expect(edited.status == 0, "\(edited.standardError)")
        #expect(edited.standardOutput != first.standardOutput)
        #expect(try String(contentsOfFile: results, encoding: .utf8).split(separator: "\n").count == 6)
    }

    @Test("An interrupted run exits 130 and writes a report marked incomplete")
    func interrupted() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let output = fixture.path("report.json")
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = [
            "run", file, "--replications", "1000", "--duration", "100000 s", "--output", output, "--jobs", "0",
        ]
        process.standardError = Pipe()
        try process.run()
        // Interrupt once at least one simulation has finished (its line is in the results
        // file next to the output), however slow the machine.
        let results = output + ".results.jsonl"
        for _ in 0..<600 {
            let text = (try? String(contentsOfFile: results, encoding: .utf8)) ?? ""
            if text.contains("\n") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let report = try String(contentsOfFile: output, encoding: .utf8)
        #expect(report.contains("\"complete\": false"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path)
        #expect(leftovers.allSatisfy { !$0.contains(".tmp") }, "\(leftovers)")
    }

    @Test("validate reports every problem at FILE:LINE:COLUMN and exits 2; a good file passes")
    func validate() throws {
        let fixture = try ScenarioFixture()
        let good = try fixture.write("good.yaml", ScenarioFixture.queue)
        let bad = try fixture.write(
            "bad.yaml",
            ScenarioFixture.queue
                .replacingOccurrences(of: "regions:", with: "regoins:")
                .replacingOccurrences(of: "rate: 1.5/s", with: "rate: 1.5")
        )
        let passed = try CLIRunner.run(["validate", good])
        #expect(passed.status == 0 && passed.standardOutput.contains("ok"), "\(passed.standardError)")
        let failed = try CLIRunner.run(["validate", bad])
        #expect(failed.status == 2)
        #expect(failed.standardError.contains("\(bad):12:1: error: unknown field 'regoins'"), "\(failed.standardError)")
        #expect(failed.standardError.contains("did you mean 'regions'?"))
        #expect(failed.standardError.contains("\(bad):23:15: error:"), "\(failed.standardError)")
        let missing = try CLIRunner.run(["run", fixture.path("nope.yaml")])
        #expect(missing.status == 2 && missing.standardError.contains("no such scenario file"))
        let unknownVariant = try CLIRunner.run(["run", good, "--variant", "doubel"])
        #expect(unknownVariant.status == 2 && unknownVariant.standardError.contains("did you mean 'double'?"))
    }

    @Test("list shows every built-in scenario and marks the default")
    func list() throws {
        let result = try CLIRunner.run(["list"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("xunlei-hongkong") && result.standardOutput.contains("(default)"))
        #expect(
            result.standardOutput.contains(
                "variants: base, zone-outage-at-peak, region-outage-at-peak, region-outage-detected, "
                    + "region-outage-autoscaled, order-graph, no-edge, slice-1-100"
            )
        )
        #expect(
            result.standardOutput.contains("sweep: shared_pools.infinite-node.devices over 10k, 20k, 50k, 100k, 200k")
        )
    }

    @Test("an outage the run never reaches is a warning in the report and on standard error")
    func warnings() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write(
            "queue.yaml",
            ScenarioFixture.queue + "\nfailures:\n  - {zone: r-a, at: 10 h, for: 1 h}\n"
        )
        let result = try CLIRunner.run(["run", file, "--replications", "1", "--jobs", "0"])
        #expect(result.status == 0, "\(result.standardError)")
        let warning = "the outage of zone r-a from 10 h to 11 h starts after the run ends at 1.167 h: it has no effect"
        #expect(result.standardError.contains("sharesim: warning: " + warning))
        #expect(result.standardOutput.contains("Warning       " + warning))
        let json = try CLIRunner.run(["run", file, "--replications", "1", "--jobs", "0", "--format", "json"])
        #expect(json.standardOutput.contains("\"warnings\": [\"" + warning + "\"]"))
    }

    @Test("a results file in a folder that does not exist is one clear error naming the file once")
    func resultsFolderMissing() throws {
        let fixture = try ScenarioFixture()
        let file = try fixture.write("queue.yaml", ScenarioFixture.queue)
        let path = fixture.path("no-such-folder/part-1.jsonl")
        let result = try CLIRunner.run(["run", file, "--results", path, "--jobs", "0"])
        #expect(result.status == 1)
        #expect(result.standardError == "sharesim: error: \(path): error: open failed: No such file or directory\n")
    }

    @Test("errors in a built-in scenario point at builtin:NAME:LINE:COLUMN")
    func builtinLocations() throws {
        let result = try CLIRunner.run(["run", "alibaba-footprint-2025", "--variant", "no-such", "--jobs", "0"])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("builtin:alibaba-footprint-2025:1:1: error: "))
        #expect(!result.standardError.contains("Simulations/"))
    }
}
