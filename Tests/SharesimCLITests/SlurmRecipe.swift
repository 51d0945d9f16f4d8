import Foundation

/// The README's Slurm recipe: a job-array script, and the block after it that submits the
/// script and merges the parts.
struct SlurmRecipe {
    /// The job script's lines, as written.
    var jobScript: [String]
    /// The submission block's lines (`sbatch --wait SCRIPT`, then `sharesim merge ...`), as written.
    var submission: [String]

    /// The recipe among the README's shell `blocks` and the indices of its two blocks: the first
    /// block that starts with `#!` and asks for a job array (`#SBATCH --array=`), and the block
    /// after it. nil when there is no such pair.
    static func find(in blocks: [[String]]) -> (recipe: SlurmRecipe, blocks: Range<Int>)? {
        guard
            let script = blocks.indices.first(where: { index in
                blocks[index].first?.hasPrefix("#!") == true
                    && blocks[index].contains { $0.hasPrefix("#SBATCH --array=") }
            }), script + 1 < blocks.count
        else { return nil }
        return (SlurmRecipe(jobScript: blocks[script], submission: blocks[script + 1]), script..<(script + 2))
    }

    /// The number of array tasks, from `#SBATCH --array=1-N`; nil for any other range.
    var taskCount: Int? {
        let prefix = "#SBATCH --array=1-"
        return jobScript.first { $0.hasPrefix(prefix) }.flatMap { Int($0.dropFirst(prefix.count)) }
    }

    /// The file name the submission gives the job script: the last word of its `sbatch` line.
    var scriptName: String? {
        submission.first { $0.hasPrefix("sbatch ") }.flatMap { $0.split(separator: " ").last.map(String.init) }
    }

    /// The path the merge writes its report to (its `--output`).
    var mergedReport: String? {
        let words = Self.commands(in: submission).first { $0.starts(with: ["sharesim", "merge"]) } ?? []
        return words.firstIndex(of: "--output").flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
    }

    /// The job script with the simulated time of its `sharesim` commands shortened as
    /// `ReadmeCommandsTests.shortened` does, the added words quoted for the shell.
    var shortenedJobScript: String {
        Self.appending(to: jobScript) { Array(ReadmeCommandsTests.shortened($0).dropFirst($0.count)) }
    }

    /// The submission with `--reproducible` added to its merge, so that the merged report can be
    /// compared byte for byte.
    var reproducibleSubmission: String {
        Self.appending(to: submission) { $0.first == "merge" ? ["--reproducible"] : [] }
    }

    /// The arguments of one local run of the array's `sharesim` command: the same command
    /// without `--shard` and `--results`, shortened, writing a reproducible report to `output`.
    func localArguments(output: String) -> [String]? {
        guard var words = Self.commands(in: jobScript).first(where: { $0.first == "sharesim" }) else { return nil }
        words.removeFirst()
        for option in ["--shard", "--results"] {
            guard let index = words.firstIndex(of: option), index + 1 < words.count else { return nil }
            words.removeSubrange(index...(index + 1))
        }
        return ReadmeCommandsTests.shortened(words) + ["--reproducible", "--output", output]
    }

    /// The commands of `lines` as words, continuation lines joined and comment lines left out.
    static func commands(in lines: [String]) -> [[String]] {
        var commands: [[String]] = []
        var pending = ""
        for line in lines where !line.hasPrefix("#") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("\\") {
                pending += text.dropLast() + " "
            } else {
                commands.append(ReadmeCommandsTests.words(pending + text))
                pending = ""
            }
        }
        return commands.filter { !$0.isEmpty }
    }

    /// `lines` as one script, each `sharesim` command's last line followed by the words `extra`
    /// returns for its arguments (quoted for the shell); every other line as written.
    static func appending(to lines: [String], _ extra: ([String]) -> [String]) -> String {
        var script: [String] = []
        var command: String?
        for line in lines {
            let text = line.trimmingCharacters(in: .whitespaces)
            if command == nil, text.hasPrefix("sharesim ") { command = "" }
            guard let started = command else {
                script.append(line)
                continue
            }
            if text.hasSuffix("\\") {
                command = started + text.dropLast() + " "
                script.append(line)
                continue
            }
            let arguments = Array(ReadmeCommandsTests.words(started + text).dropFirst())
            script.append(([line] + extra(arguments).map(Self.quoted)).joined(separator: " "))
            command = nil
        }
        return script.joined(separator: "\n") + "\n"
    }

    /// `word` in single quotes, for the shell.
    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
