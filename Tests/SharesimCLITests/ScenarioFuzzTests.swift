import Foundation
import Scenario
import ShareModel
import SimCore
import Synchronization
import Testing

/// Seeded hostile scenario files through the real binary: each case is checked by `validate`
/// and, when valid, run for one simulated second, each under an address-space and a time
/// limit. A case fails on a signal, a hang, memory past the bound, an exit status other than
/// 0 or 2 (or 1 for a run stopped by its in-flight bound), an exit 2 without a located error
/// (`FILE:LINE:COLUMN: error: ...`), or a run refusing what `validate` accepted.
///
/// A valid case is run only if ShareSim's own estimate for that second (``ResourceEstimate``)
/// stays within ``runEventBudget`` events and ``runByteBudget`` bytes, so the suite's time is
/// bounded (a valid file may ask for 10^8 requests a second, which takes minutes, not a
/// hang); its resident memory must then stay within twice the estimate plus the process's
/// own ``baselineBytes``, which checks the estimate too.
///
/// `SHARESIM_FUZZ_CASES` sets the count (default ``defaultCount``; CI's own fuzz step runs
/// 10,000) and `SHARESIM_FUZZ_SEED` the seed (default ``defaultSeed``), so a fresh seed is one
/// variable away; a failure names the seed and the case's index, which replay it alone.
@Suite("Scenario files fuzzed")
struct ScenarioFuzzTests {
    static let defaultSeed: UInt64 = 20_261_203
    static let defaultCount = 100
    /// The address space each case may take (bytes); `sharesim` sizes its own limits from it.
    static let memoryLimit = 4 << 30
    /// The resident memory a case may reach (bytes): `validate` builds no model.
    static let validatePeakLimit = 512 << 20
    /// What a run of an empty model holds (bytes): the binary, its libraries and buffers.
    static let baselineBytes = 256 << 20
    /// The largest run the suite makes, by estimated events and bytes.
    static let runEventBudget = 1e6
    /// The estimated events a case runs for at most: a case busier than this in one simulated
    /// second (full-scale Double 11 is 583,000 orders a second) runs for a shorter time, no
    /// shorter than 50 ms, so that 10,000 cases fit in CI's time.
    static let runEvents = 1e5
    static let runByteBudget = 1e9
    /// Wall-time limits (seconds): far above what the slowest legitimate case takes on a busy
    /// 2-core machine (validate about 0.5 s for 100,000 nested levels, a run about 1 s); a run
    /// at its limit passes if a progress line shows simulated time past its start (``progressed(_:)``).
    /// Validation decodes the file once per variant: `alibaba-double11` with 1,000 more
    /// populations (seven decodes) takes 4 s in a debug build alone and over 20 s beside the
    /// rest of the suite, so its limit is 60 s, which still catches a hang.
    static let validateSeconds = 60.0
    static let runSeconds = 15.0
    /// Cases run at once.
    static let parallelism = 2

    /// What the cases did, for the summary line and the expectations.
    struct Tally: Sendable {
        var cases = 0
        var valid = 0
        var refused = 0
        var ran = 0
        var tooLargeToRun = 0
        var stoppedByBound = 0
        /// Runs past their time limit whose progress lines show simulated time past its start.
        var slow = 0
        var peakBytes = 0
        var longestSeconds = 0.0
        /// The slowest case and what it was.
        var longestCase = ""
        var failures: [String] = []

        mutating func add(_ other: Tally) {
            cases += other.cases
            valid += other.valid
            refused += other.refused
            ran += other.ran
            tooLargeToRun += other.tooLargeToRun
            stoppedByBound += other.stoppedByBound
            slow += other.slow
            peakBytes = max(peakBytes, other.peakBytes)
            if other.longestSeconds > longestSeconds {
                longestSeconds = other.longestSeconds
                longestCase = other.longestCase
            }
            failures += other.failures
        }
    }

    @Test("generated scenario cases: no crash, hang or blow-up; each refusal located", .timeLimit(.minutes(30)))
    func fuzz() async throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["SHARESIM_FUZZ_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed
        let count = environment["SHARESIM_FUZZ_CASES"].flatMap { Int($0) } ?? Self.defaultCount
        let cases = environment["SHARESIM_FUZZ_CASE"].flatMap { Int($0) }.map { [$0] } ?? Array(0..<count)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-fuzz-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try Self.corpus()
        for file in corpus { try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.name)) }
        let total = try await offPool {
            let tallies = Mutex([Tally](repeating: Tally(), count: Self.parallelism))
            DispatchQueue.concurrentPerform(iterations: Self.parallelism) { slot in
                var tally = Tally()
                for position in stride(from: slot, to: cases.count, by: Self.parallelism)
                where tally.failures.count < 5 {
                    Self.check(
                        case: cases[position],
                        seed: seed,
                        corpus: corpus,
                        slot: slot,
                        in: folder.path,
                        into: &tally
                    )
                }
                tallies.withLock { $0[slot] = tally }
            }
            return tallies.withLock { $0.reduce(into: Tally()) { $0.add($1) } }
        }
        for failure in total.failures { Issue.record("\(failure)") }
        let longest = String(format: "%.2f", total.longestSeconds)
        print(
            "scenario fuzz: seed \(seed), \(total.cases) cases: \(total.valid) valid, \(total.refused) refused "
                + "with a located error, \(total.ran) run (\(total.stoppedByBound) stopped by the in-flight "
                + "bound, \(total.slow) still running at the time limit, \(total.tooLargeToRun) past the suite's "
                + "budget not run); peak \(total.peakBytes >> 20) MiB, longest \(longest) s (\(total.longestCase))"
        )
        guard cases.count == count else { return }
        #expect(total.cases == count)
        // The generator must reach both outcomes, or the suite tests little.
        #expect(total.refused > count / 4, "only \(total.refused) of \(count) cases were refused")
        #expect(total.ran > count / 20, "only \(total.ran) of \(count) cases ran")
    }

    /// Generates case `index` of `seed`, writes it into `folder` under the slot's names, and
    /// checks `validate` and, if valid, `run` on it.
    static func check(
        case index: Int,
        seed: UInt64,
        corpus: [(name: String, text: String)],
        slot: Int,
        in folder: String,
        into tally: inout Tally
    ) {
        var mutations = ScenarioMutations(
            seed: SplitMix64.mix(seed &+ UInt64(index)),
            corpus: corpus,
            prefix: "case-\(slot)"
        )
        let generated = mutations.next()
        let context = "seed \(seed), case \(index) (\(generated.label))"
        tally.cases += 1
        do {
            for file in generated.files {
                try Data(file.bytes).write(to: URL(fileURLWithPath: folder).appendingPathComponent(file.name))
            }
            let binary = CLIRunner.executable.path
            let errors = "\(folder)/errors-\(slot).txt"
            let validation = try LimitedProcess.run(
                binary,
                ["validate", generated.main],
                in: folder,
                memoryBytes: memoryLimit,
                seconds: validateSeconds,
                errorFile: errors
            )
            tally.note(validation, context + " validate")
            if let problem = problem(with: validation, peakLimit: validatePeakLimit) {
                tally.failures.append("\(context): validate \(problem)")
                return
            }
            guard validation.ending == .exited(0) else {
                tally.refused += 1
                return
            }
            tally.valid += 1
            var scenario = try Scenario.load(path: "\(folder)/\(generated.main)")
            scenario.spec.duration = .seconds(1)
            scenario.spec.warmup = .zero
            var estimate = scenario.spec.resourceEstimate
            guard estimate.events <= runEventBudget, estimate.bytes <= runByteBudget else {
                tally.tooLargeToRun += 1
                return
            }
            // A busy case runs for less than a second, so that it costs about `runEvents`.
            let milliseconds = estimate.events > runEvents ? max(50, Int(1_000 * runEvents / estimate.events)) : 1_000
            scenario.spec.duration = .seconds(Double(milliseconds) / 1_000)
            estimate = scenario.spec.resourceEstimate
            let peakLimit = baselineBytes + 2 * Int(estimate.bytes)
            let run = try LimitedProcess.run(
                binary,
                [
                    "run", generated.main, "--duration", "\(milliseconds) ms", "--set", "warmup=0 s", "--replications",
                    "1",
                    "--jobs", "0", "--seed", "1", "--format", "json", "--output", "report-\(slot).json",
                ],
                in: folder,
                memoryBytes: memoryLimit,
                seconds: runSeconds,
                errorFile: errors
            )
            tally.note(run, context + " run")
            if run.ending == .timedOut, Self.progressed(run.standardError) {
                tally.slow += 1
            } else if let problem = problem(with: run, peakLimit: peakLimit) {
                let estimated = "estimated \(Int(estimate.bytes) >> 20) MiB and \(Int(estimate.events)) events"
                tally.failures.append("\(context): run (\(estimated)) \(problem)")
            } else if run.ending == .exited(2) {
                tally.failures.append(
                    "\(context): run refused what validate accepted: \(run.standardError.prefix(400))"
                )
            } else {
                tally.ran += 1
                if run.ending == .exited(1) { tally.stoppedByBound += 1 }
            }
        } catch {
            tally.failures.append("\(context): the harness failed: \(error)")
        }
    }

    /// What is wrong with `outcome`, or nil: a signal, a timeout, memory past `peakLimit`, an
    /// exit status other than 0, 1 (a run stopped by its bound, said so) or 2 (with a located
    /// error on standard error).
    static func problem(with outcome: LimitedProcessOutcome, peakLimit: Int) -> String? {
        let stderr = outcome.standardError.prefix(600)
        if outcome.peakBytes > peakLimit { return "reached \(outcome.peakBytes >> 20) MiB; stderr: \(stderr)" }
        switch outcome.ending {
        case .signalled(let signal): return "died by signal \(signal); stderr: \(stderr)"
        case .timedOut: return "ran past \(Int(outcome.seconds)) s; stderr: \(stderr)"
        case .exited(0): return nil
        case .exited(1):
            return outcome.standardError.contains("the run stopped at") ? nil : "exited 1; stderr: \(stderr)"
        case .exited(2):
            return hasLocatedError(outcome.standardError) ? nil : "exited 2 without a located error: \(stderr)"
        case .exited(let status): return "exited \(status); stderr: \(stderr)"
        }
    }

    /// Whether `stderr`'s progress lines (`sharesim: t=... of ... simulated (P%)`, every 5 s when
    /// standard error is not a terminal) show simulated time past its start: a run like that at
    /// its time limit is slow, not hung (one stuck before simulating prints no such line).
    static func progressed(_ stderr: String) -> Bool {
        stderr.split(separator: "\n").contains { line in
            guard line.hasPrefix("sharesim: t="), let open = line.firstIndex(of: "("),
                let percent = line[open...].dropFirst().split(separator: "%").first.flatMap({ Double($0) })
            else { return false }
            return percent > 0
        }
    }

    /// Whether some line of `text` is an error located as `WHERE:LINE:COLUMN: error: ...`.
    static func hasLocatedError(_ text: String) -> Bool {
        text.split(separator: "\n").contains { line in
            guard let marker = line.range(of: ": error: ") else { return false }
            let place = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            return place.count >= 3 && place.suffix(2).allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
                && !place.dropLast(2).joined(separator: ":").isEmpty
        }
    }

    /// The built-in scenario files, by name and text.
    static func corpus() throws -> [(name: String, text: String)] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Simulations").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test("a located error is told from an unlocated one")
    func locatedErrors() {
        #expect(Self.hasLocatedError("a.yaml:3:7: error: bad value\n"))
        #expect(Self.hasLocatedError("warning: x\nbuiltin:xunlei-hongkong:121:19: error: unknown workload"))
        #expect(!Self.hasLocatedError("error: cannot read\n"))
        #expect(!Self.hasLocatedError("a.yaml:3: error: no column\n"))
        #expect(!Self.hasLocatedError(":3:7: error: no file\n"))
        #expect(!Self.hasLocatedError("a.yaml:3:7: warning: not an error\n"))
    }

    @Test("a run's progress lines tell a slow run from a hung one")
    func progressLines() {
        let advancing =
            "sharesim: t=1 s of 4 s simulated (25%), 3k events/s\nsharesim: t=2 s of 4 s simulated (50%), 3k"
        #expect(Self.progressed(advancing))
        #expect(Self.progressed("sharesim: t=130.5 ms of 1 s simulated (13%), 11.5k events/s\n"))
        #expect(!Self.progressed("sharesim: t=0 s of 4 s simulated (0%), 0 events/s\n"))
        #expect(!Self.progressed("sharesim: warning: about 1G events per simulation\n"))
        #expect(!Self.progressed(""))
    }

    @Test("the same seed gives the same cases; another seed other cases")
    func repeatable() throws {
        let corpus = try Self.corpus()
        func cases(_ seed: UInt64) -> [String] {
            (0..<50).map { index in
                var mutations = ScenarioMutations(
                    seed: SplitMix64.mix(seed &+ UInt64(index)),
                    corpus: corpus,
                    prefix: "c"
                )
                let scenario = mutations.next()
                return scenario.label + "\(scenario.files.map { $0.bytes.count })"
            }
        }
        #expect(cases(7) == cases(7))
        #expect(cases(7) != cases(8))
        // Every family appears in the first few hundred cases.
        let labels = (0..<300).map { index in
            var mutations = ScenarioMutations(seed: SplitMix64.mix(UInt64(index)), corpus: corpus, prefix: "c")
            return mutations.next().label
        }
        for family in ScenarioMutations.Family.allCases {
            #expect(labels.contains { $0.contains("\(family.rawValue):") }, "no case of \(family)")
        }
    }
}

extension ScenarioFuzzTests.Tally {
    /// Records `outcome`'s peak memory and wall time.
    fileprivate mutating func note(_ outcome: LimitedProcessOutcome, _ context: String) {
        peakBytes = max(peakBytes, outcome.peakBytes)
        if outcome.seconds > longestSeconds {
            longestSeconds = outcome.seconds
            longestCase = context
        }
        if ProcessInfo.processInfo.environment["SHARESIM_FUZZ_TRACE"] != nil {
            print(String(format: "%.3f s %d MiB ", outcome.seconds, outcome.peakBytes >> 20) + context)
        }
    }
}
