import Foundation
import SimTestSupport
import Testing

/// Every command line in a `sh` block of the README runs as shown and exits 0, with
/// simulated durations shortened (`--duration 1 s`, a 1 s warm-up, `--end 1` for PHOLD)
/// so the suite stays quick. Commands the CI script itself runs (`apt-get`, `swift build`,
/// `swift test`) are listed, not rerun; a profiler in front of `sharesim` is dropped, since
/// CI has none, and the command behind it runs. The Slurm recipe is left to `SlurmArrayTests`,
/// which runs it on a real cluster.
@Suite("README commands", .serialized)
struct ReadmeCommandsTests {
    /// The commands `.ci/run` runs itself, and a profiler's own report (nothing of ours runs).
    static let notRunHere: Set<String> = [
        "apt-get update && apt-get install -y libuv1-dev libhttp-parser-dev zlib1g-dev",
        "swift test",
        "swift build -c release",
        "perf report -i /tmp/perf.data --no-children",
    ]

    /// Commands the README names inline that this suite does not run, and why: command names
    /// in prose (each has its own suite), and benchmark recipes that take minutes in a debug
    /// build (their flags are checked by the bench suite).
    static let inlineNotRunHere: Set<String> = [
        "sharesim live", "sharesim watch", "sharesim worker", "sharesim merge", "sharesim bench",
        "sharesim merge /results/part-*.jsonl --output /results/sweep.html",
        "sharesim bench model pool", "sharesim bench model pool --devices 10M --seconds 60",
        "sharesim bench model saturated", "sharesim bench model topology",
    ]

    /// Every `sharesim ...` command the README shows inline (in backticks) that is a real
    /// invocation, not a synopsis with placeholders (`SCENARIO`, `[--seed N]`, `...`).
    static func inlineCommands() throws -> [String] {
        var commands: [String] = []
        for span in try ReadmeText.contents().split(separator: "`", omittingEmptySubsequences: false).enumerated()
        where span.offset % 2 == 1 {
            let text = String(span.element)
            guard text.hasPrefix("sharesim "), !text.hasPrefix("sharesim ->"), !text.contains("["),
                !text.contains("..."), !text.contains("|")
            else { continue }
            let placeholder = text.split(separator: " ").contains { word in
                word.allSatisfy { $0.isUppercase || $0 == "." || $0 == "_" } && word.contains { $0.isLetter }
            }
            if !placeholder, !commands.contains(text) { commands.append(text) }
        }
        return commands
    }

    /// Every command line of the README's `sh` blocks but the Slurm recipe's (continuations
    /// joined, comments cut).
    static func commands() throws -> [String] {
        let blocks = try ReadmeText.shellBlocks()
        let slurm = SlurmRecipe.find(in: blocks)?.blocks ?? 0..<0
        var commands: [String] = []
        var pending = ""
        for line in blocks.indices.filter({ !slurm.contains($0) }).flatMap({ blocks[$0] }) {
            var text = line
            if text.hasPrefix("#") { continue }
            if let comment = text.range(of: "   #") { text = String(text[..<comment.lowerBound]) }
            text = text.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("\\") {
                pending += text.dropLast().trimmingCharacters(in: .whitespaces) + " "
                continue
            }
            commands.append(pending + text)
            pending = ""
        }
        return commands.filter { !$0.isEmpty }
    }

    @Test("every command in the README's shell blocks works as shown", .timeLimit(.minutes(5)))
    func readmeCommands() async throws {
        let commands = try Self.commands()
        #expect(commands.contains("swift run -c release sharesim run"))
        #expect(!commands.contains { $0.contains("SLURM") || $0.hasPrefix("sbatch") })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-readme-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("Simulations"),
            withDestinationURL: ReadmeText.root.appendingPathComponent("Simulations")
        )
        var ran = 0
        for command in commands {
            if Self.notRunHere.contains(command) { continue }
            var words = Self.words(command)
            if let binary = words.firstIndex(where: { $0 == "sharesim" || $0.hasSuffix("/sharesim") }) {
                words.removeFirst(binary + 1)  // `swift run -c release sharesim`, `perf record ... BIN`
            } else {
                Issue.record("a README command the suite does not know how to run: \(command)")
                continue
            }
            let arguments = Self.shortened(words.flatMap { Self.expandGlob($0, in: folder) })
            // Waited for off the cooperative pool, which other tests need meanwhile (see offPool).
            let result = try await offPool { try CLIRunner.run(arguments, in: folder) }
            #expect(result.status == 0, "`\(command)` exited \(result.status): \(result.standardError)")
            ran += 1
        }
        #expect(ran >= 3)
        for command in try Self.inlineCommands() where !Self.inlineNotRunHere.contains(command) {
            var arguments = Array(Self.words(command).dropFirst())
            if arguments.starts(with: ["bench", "model"]), !arguments.contains("saturated") {
                arguments += ["--seconds", "1"]
            }
            let shortened = Self.shortened(arguments)
            let result = try await offPool { try CLIRunner.run(shortened, in: folder) }
            #expect(result.status == 0, "`\(command)` exited \(result.status): \(result.standardError)")
            ran += 1
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("hk.html").path))
    }

    /// `command` split into words as a shell would: at spaces, except inside double quotes,
    /// which are removed (`--set a="8 Gbps"` is `--set` and `a=8 Gbps`).
    static func words(_ command: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quoted = false
        var started = false
        for character in command {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character == " " && !quoted {
                if started { words.append(word) }
                word = ""
                started = false
            } else {
                word.append(character)
                started = true
            }
        }
        if started { words.append(word) }
        return words
    }

    /// `arguments` with their simulated time shortened: a second after a 1 s warm-up for
    /// scenario runs (quietly), `--end 1` for PHOLD.
    static func shortened(_ arguments: [String]) -> [String] {
        switch arguments.first {
        case "run", "compare", "sweep":
            return arguments + ["--duration", "1 s", "--set", "warmup=1 s", "--quiet"]
        case "bench":
            var shortened = arguments
            if let end = shortened.firstIndex(of: "--end"), end + 1 < shortened.count { shortened[end + 1] = "1" }
            return shortened
        default:
            return arguments
        }
    }

    /// `word` itself, or the sorted paths in `folder` that match it when its file name holds a `*`.
    static func expandGlob(_ word: String, in folder: URL) -> [String] {
        guard word.contains("*") else { return [word] }
        let slash = word.lastIndex(of: "/")
        let directory = slash.map { String(word[..<$0]) } ?? "."
        let pattern = slash.map { String(word[word.index(after: $0)...]) } ?? word
        let parts = pattern.split(separator: "*", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(directory).path))
        let matches = (names ?? []).filter { $0.hasPrefix(parts[0]) && $0.hasSuffix(parts[1]) }.sorted()
        return matches.isEmpty ? [word] : matches.map { directory + "/" + $0 }
    }
}
