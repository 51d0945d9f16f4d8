import Foundation

/// The repository's README, read from the source tree.
enum ReadmeText {
    /// The repository's root folder.
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The README's text.
    static func contents() throws -> String {
        try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The lines of each ```` ```sh ```` block of the README, in order and as written.
    static func shellBlocks() throws -> [[String]] {
        var blocks: [[String]] = []
        var block: [String]?
        for line in try contents().split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let finished = block { blocks.append(finished) }
                block = line == "```sh" ? [] : nil
            } else {
                block?.append(String(line))
            }
        }
        return blocks
    }
}
