import Foundation
import Scenario
import ShareModel
import SimCore
import Testing

/// Arrival traces replayed from files: exact counts, speed and looping, gzip and JSON lines,
/// and problems located at the trace's line and column.
@Suite("Trace replay")
struct TraceReplayTests {
    /// A fresh folder for one test's files.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Two populations, a transaction class and a download class, and `traces` (YAML list
    /// text); the populations' own rate is zero unless `ownRate` is given.
    static func scenario(traces: String, duration: String = "60 s", interval: String = "10 s") -> String {
        """
        duration: \(duration)
        interval: \(interval)
        workloads:
          - {name: orders, kind: transaction, service: exp(20 ms)}
          - {name: files, kind: download, service: 1 ms, catalogue: 100, zipf: 0.8, object_size: 1 MB}
        regions:
          - {name: r, location: [30, 120], zones: [{name: r-a, servers: 64}]}
        populations:
          - {name: east, location: [31, 121], workloads: []}
          - {name: west, location: [30, 104], workloads: []}
        traces: \(traces)
        """
    }

    /// Writes `text` to `name` in `folder`.
    @discardableResult
    static func write(_ text: String, _ name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// A CSV trace of `count` rows over `seconds`, classes and populations mixed, from a
    /// fixed seed; times have four decimals ending in 5, so none falls on an interval edge.
    static func generatedTrace(count: Int, seconds: Double, seed: UInt64) -> String {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
        let tenths = (0..<count).map { _ in next() % UInt64(seconds * 1000) }.sorted()
        var lines = ["time,workload,population,object,size,service"]
        for tenth in tenths {
            let time = String(format: "%.4f", Double(tenth) / 1000 + 0.0005)
            let population = next() % 2 == 0 ? "east" : "west"
            if next() % 3 == 0 {
                lines.append("\(time),files,\(population),\(next() % 100),,")
            } else {
                lines.append("\(time),orders,\(population),,,\(next() % 2 == 0 ? "0.01" : "")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Arrivals per class (orders, files) and interval counted from the CSV text alone.
    static func countedFromFile(_ text: String, interval: Double, intervals: Int) -> [[UInt64]] {
        var counts = Array(repeating: Array(repeating: UInt64(0), count: intervals), count: 2)
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let time = Double(fields[0]) else { continue }
            let index = Int(time / interval)
            guard index < intervals else { continue }
            counts[fields[1] == "orders" ? 0 : 1][index] += 1
        }
        return counts
    }

    @Test("a replayed trace reproduces its arrival counts per class and per interval exactly")
    func exactCounts() throws {
        let folder = try Self.folder()
        let text = Self.generatedTrace(count: 5_000, seconds: 60, seed: 7)
        try Self.write(text, "trace.csv", in: folder)
        let path = try Self.write(Self.scenario(traces: "[{file: trace.csv}]"), "s.yaml", in: folder).path
        let scenario = try Scenario.load(path: path)
        let results = try ModelRun.run(scenario.spec, seed: 1)
        let expected = Self.countedFromFile(text, interval: 10, intervals: 6)
        #expect(results.series.count == 6)
        for (index, point) in results.series.enumerated() {
            #expect(point.workloads[0].arrived == expected[0][index], "orders in interval \(index)")
            #expect(point.workloads[1].arrived == expected[1][index], "files in interval \(index)")
        }
        #expect(results.workloads[0].arrived + results.workloads[1].arrived == 5_000)
        #expect(expected[0].reduce(0, +) == results.workloads[0].arrived)
    }

    @Test("speed 2 halves every time, and a loop repeats the trace every period")
    func speedAndLoop() throws {
        let folder = try Self.folder()
        // Trace times 0.2, 1.3, 1.3 and 4.9 s: the default period is 5 s (4.9's whole second + 1).
        let times = [0.2, 1.3, 1.3, 4.9]
        // One download from the west too, so that both populations have work (not counted below).
        let text =
            "time,workload,population\n0.1,files,west\n" + times.map { "\($0),orders,east" }.joined(separator: "\n")
        try Self.write(text, "t.csv", in: folder)
        let yaml = Self.scenario(
            traces: "[{file: t.csv, speed: 2, loop: true, start: 1 s}]",
            duration: "11 s",
            interval: "250 ms"
        )
        let scenario = try Scenario.load(path: try Self.write(yaml, "s.yaml", in: folder).path)
        #expect(scenario.spec.arrivalTraces[0].period == .seconds(5))
        let results = try ModelRun.run(scenario.spec, seed: 3)
        // Lap k, row t arrives at 1 + (5k + t) / 2 s: laps every 2.5 s from 1 s, four of them before 11 s.
        var expected = Array(repeating: UInt64(0), count: 44)
        for lap in 0..<4 {
            for time in times {
                let seconds: Double = 1 + (5 * Double(lap) + time) / 2
                expected[Int(seconds / 0.25)] += 1
            }
        }
        #expect(results.series.map { $0.workloads[0].arrived ?? 0 } == expected)
        #expect(results.workloads[0].arrived == 16)
        // Without the loop, one lap only.
        let once = try Scenario.load(
            path: try Self.write(
                Self.scenario(traces: "[{file: t.csv, speed: 2}]", duration: "11 s", interval: "250 ms"),
                "once.yaml",
                in: folder
            ).path
        )
        #expect(try ModelRun.run(once.spec, seed: 3).workloads[0].arrived == 4)
    }

    @Test("a gzip-compressed trace, its plain text and its JSON-lines form give identical results")
    func gzipPlainAndJSONLines() throws {
        let folder = try Self.folder()
        let text = Self.generatedTrace(count: 2_000, seconds: 60, seed: 11)
        try Self.write(text, "trace.csv", in: folder)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-k", "-9", folder.appendingPathComponent("trace.csv").path]
        try gzip.run()
        gzip.waitUntilExit()
        #expect(gzip.terminationStatus == 0)
        var json: [String] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            var object = "{\"time\": \(fields[0]), \"workload\": \"\(fields[1])\", \"population\": \"\(fields[2])\""
            if !fields[3].isEmpty { object += ", \"object\": \(fields[3])" }
            object += fields[5].isEmpty ? ", \"service\": null}" : ", \"service\": \(fields[5])}"
            json.append(object)
        }
        try Self.write(json.joined(separator: "\n") + "\n", "trace.jsonl", in: folder)
        var encoded: [Data] = []
        for file in ["trace.csv", "trace.csv.gz", "trace.jsonl"] {
            let path = try Self.write(Self.scenario(traces: "[{file: \(file)}]"), "\(file).yaml", in: folder).path
            let results = try ModelRun.run(try Scenario.load(path: path).spec, seed: 5)
            #expect(results.workloads.reduce(0) { $0 + $1.arrived } == 2_000, "\(file)")
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            encoded.append(try encoder.encode(results.workloads) + encoder.encode(results.series))
        }
        #expect(encoded[0] == encoded[1], "gzip and plain")
        #expect(encoded[0] == encoded[2], "JSON lines and CSV")
    }

    /// The diagnostics of loading a scenario with trace `text` (nil: no file written).
    static func problems(trace text: String?, name: String = "t.csv", entry: String? = nil) throws -> [String] {
        let folder = try Self.folder()
        if let text { try Self.write(text, name, in: folder) }
        let path = try Self.write(Self.scenario(traces: entry ?? "[{file: \(name)}]"), "s.yaml", in: folder).path
        do {
            _ = try Scenario.load(path: path)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        }
    }

    @Test("a missing, unreadable or damaged trace file is an error at the scenario's file: value")
    func unreadableFiles() throws {
        let missing = try Self.problems(trace: nil)
        #expect(missing.count == 1, "\(missing)")
        #expect(missing.first?.hasPrefix("s.yaml:11:17: error: cannot read trace 't.csv': no such file") == true)
        let folder = try Self.folder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("dir.csv"),
            withIntermediateDirectories: true
        )
        let path = try Self.write(Self.scenario(traces: "[{file: dir.csv}]"), "s.yaml", in: folder).path
        #expect(throws: ScenarioError.self) { try Scenario.load(path: path) }
        do { _ = try Scenario.load(path: path) } catch {
            #expect(error.diagnostics.first?.description.contains("'dir.csv': not a regular file") == true)
        }
        // A file named .gz whose gzip data stops halfway: zlib reports it.
        let damaged = try Self.problems(
            trace: "\u{1f}\u{8b}\u{8}\u{0}garbage that is not deflate data",
            name: "t.csv.gz"
        )
        #expect(damaged.contains { $0.hasPrefix("t.csv.gz:") && $0.contains("error: trace:") }, "\(damaged)")
    }

    @Test("rows are checked where they are written: line and column of the bad field")
    func locatedRowErrors() throws {
        let header = "time,workload,population,object\n"
        let backwards = try Self.problems(trace: header + "1,orders,east,\n3,orders,east,\n2.5,orders,west,\n")
        #expect(
            backwards == [
                "t.csv:4:1: error: trace: time goes backwards: 2.5 s after 3 s on line 3 (a trace is in time order)"
            ]
        )
        let unknownWorkload = try Self.problems(trace: header + "1,orders,east,\n2, order,east,\n")
        #expect(unknownWorkload.first?.hasPrefix("t.csv:3:4: error: trace: unknown workload 'order'") == true)
        #expect(unknownWorkload.first?.contains("did you mean 'orders'?") == true)
        let unknownPopulation = try Self.problems(trace: header + "1,orders,north,\n")
        #expect(unknownPopulation.first?.hasPrefix("t.csv:2:10: error: trace: unknown population 'north'") == true)
        let malformed = try Self.problems(trace: header + "1,orders,east,\n1.5x,orders,east,\n")
        #expect(malformed.first?.hasPrefix("t.csv:3:1: error: trace: 'time' must be a number of seconds") == true)
        let badObject = try Self.problems(trace: header + "1,files,east,100\n")
        #expect(
            badObject.first?.hasPrefix("t.csv:2:14: error: trace: 'object' must be a whole number from 0 to 99") == true
        )
        let objectOnTransaction = try Self.problems(trace: header + "1,orders,east,3\n")
        #expect(objectOnTransaction.first?.contains("'object' is only for download and stream workloads") == true)
        let badHeader = try Self.problems(trace: "time,workload,popultion\n1,orders,east\n")
        #expect(badHeader.first?.hasPrefix("t.csv:1:15: error: trace: unknown column 'popultion'") == true)
        let fieldCount = try Self.problems(trace: header + "1,orders\n")
        #expect(fieldCount.first?.hasPrefix("t.csv:2:1: error: trace: has 2 field(s); the header has 4") == true)
        let jsonKey = try Self.problems(trace: "{\"time\": 1, \"workload\": \"orders\", \"populaton\": \"east\"}\n")
        #expect(jsonKey.first?.hasPrefix("t.csv:1:35: error: trace: unknown key 'populaton'") == true)
        let empty = try Self.problems(trace: header)
        #expect(empty.first?.contains("the trace has no arrivals") == true)
        let period = try Self.problems(
            trace: header + "1,orders,east,\n7,orders,east,\n",
            entry: "[{file: t.csv, period: 5 s}]"
        )
        #expect(
            period.first?.contains("invalid 'period' of trace 't.csv': must be more than its last time")
                == true
        )
        let speed = try Self.problems(trace: header + "1,orders,east,\n", entry: "[{file: t.csv, speed: 0}]")
        #expect(speed.first?.contains("must be more than zero") == true)
    }
}

/// Device on/off traces driving a shared pool's devices instead of its churn.
@Suite("Device traces")
struct DeviceTraceTests {
    static func scenario(deviceTrace: String) -> String {
        """
        duration: 40 s
        interval: 10 s
        workloads:
          - {name: files, kind: download, service: 1 ms, catalogue: 100, zipf: 0.8, object_size: 1 MB}
        regions:
          - {name: r, location: [30, 120], zones: [{name: r-a, servers: 8}]}
        shared_pools:
          - name: boxes
            location: [30, 120]
            region: r
            devices: 10
            uplink: 10 Mbps
            storage: 100 GB
            online: exp(1 h)
            offline: exp(1 h)
        populations:
          - {name: east, location: [30, 120], workloads: [{workload: files, rate: 2/s}]}
        device_traces: \(deviceTrace)
        """
    }

    @Test("an on/off trace over the whole pool gives exactly the online counts it says")
    func onlineCounts() throws {
        let folder = try TraceReplayTests.folder()
        var rows = ["time,device,state"]
        rows += (0..<10).map { "0,\($0),on" }  // 10 online over [0, 10)
        rows += (0..<5).map { "10,\($0),off" }  // 5 over [10, 20)
        rows += (5..<8).map { "20,\($0),off" }  // 2 over [20, 30)
        rows += (0..<8).map { "30,\($0),on" }  // 10 over [30, 35)
        rows += ["30,9,on", "35,0,off"]  // a repeated "on" changes nothing; 9 over [35, 40)
        try TraceReplayTests.write(rows.joined(separator: "\n") + "\n", "devices.csv", in: folder)
        let path = try TraceReplayTests.write(
            Self.scenario(deviceTrace: "[{pool: boxes, file: devices.csv}]"),
            "s.yaml",
            in: folder
        ).path
        let scenario = try Scenario.load(path: path)
        #expect(scenario.spec.deviceTraces.first?.devices == Array(0..<10))
        let results = try ModelRun.run(scenario.spec, seed: 1)
        let online = results.series.map { $0.poolOnlineFraction[0] }
        let lastInterval: Double = (5.0 * 10 + 5.0 * 9) / 10 / 10
        let expected: [Double] = [1.0, 0.5, 0.2, lastInterval]
        #expect(online.count == 4)
        for (measured, wanted) in zip(online, expected) {
            #expect(abs(measured - wanted) < 1e-12, "\(online) against \(expected)")
        }
        // The same trace at speed 2, looped with a 40 s period: a lap every 20 s.
        let looped = try Scenario.load(
            path: try TraceReplayTests.write(
                Self.scenario(deviceTrace: "[{pool: boxes, file: devices.csv, speed: 2, loop: true, period: 40 s}]"),
                "l.yaml",
                in: folder
            ).path
        )
        let fast = try ModelRun.run(looped.spec, seed: 1).series.map { $0.poolOnlineFraction[0] }
        // Lap of 20 s: 10 online over [0, 5), 5 over [5, 10), 2 over [10, 15), 10 over [15, 17.5),
        // 9 over [17.5, 20), then the lap again (device 0 comes back on at 20 s).
        let first: Double = (10.0 * 5 + 5.0 * 5) / 10 / 10
        let second: Double = (2.0 * 5 + 10.0 * 2.5 + 9.0 * 2.5) / 10 / 10
        let lap: [Double] = [first, second]
        for (measured, wanted) in zip(fast, lap + lap) {
            #expect(abs(measured - wanted) < 1e-12, "\(fast) against \(lap + lap)")
        }
    }

    @Test("device trace rows are checked: device range, state, time order, unknown pool")
    func locatedErrors() throws {
        let header = "time,device,state\n"
        func problems(_ text: String, entry: String = "[{pool: boxes, file: d.csv}]") throws -> [String] {
            let folder = try TraceReplayTests.folder()
            try TraceReplayTests.write(text, "d.csv", in: folder)
            let path = try TraceReplayTests.write(Self.scenario(deviceTrace: entry), "s.yaml", in: folder).path
            do {
                _ = try Scenario.load(path: path)
                return []
            } catch {
                return error.diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
            }
        }
        #expect(
            try problems(header + "0,10,on\n").first?.hasPrefix(
                "d.csv:2:3: error: trace: 'device' must be a whole number from 0 to 9"
            ) == true
        )
        #expect(
            try problems(header + "0,1,up\n").first?.hasPrefix("d.csv:2:5: error: trace: 'state' must be on or off")
                == true
        )
        #expect(
            try problems(header + "5,1,on\n4,1,off\n").first?.hasPrefix("d.csv:3:1: error: trace: time goes backwards")
                == true
        )
        let pool = try problems(header + "0,1,on\n", entry: "[{pool: boxs, file: d.csv}]")
        #expect(pool.first?.contains("unknown shared pool 'boxs'") == true, "\(pool)")
    }
}
