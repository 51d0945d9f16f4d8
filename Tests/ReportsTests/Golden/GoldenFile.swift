import Foundation
import Testing

/// Golden-file checks: compare rendered text with the golden file `GoldenFiles/<name>` of the
/// test target.
///
/// The files are read by path, never bundled: Package.swift excludes `GoldenFiles` from the
/// target, so SwiftPM neither copies nor warns about them.
///
/// Re-record every golden file with `SHARESIM_UPDATE_GOLDEN=1 swift test --filter ReportsTests`
/// and review the diff before committing.
enum GoldenFile {
    /// The command that records golden files.
    static let rerecord = "SHARESIM_UPDATE_GOLDEN=1 swift test --filter ReportsTests"

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("GoldenFiles")

    static var updating: Bool { ProcessInfo.processInfo.environment["SHARESIM_UPDATE_GOLDEN"] == "1" }

    /// Expects `text` to equal the golden file `name`, or writes it when updating.
    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "missing golden file GoldenFiles/\(name); record it with \(Self.rerecord)",
                sourceLocation: sourceLocation
            )
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != text {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            let detail =
                firstDifference.map {
                    "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)"
                } ?? "line counts differ: expected \(expectedLines.count), actual \(actualLines.count)"
            let message: String =
                "\(name) differs from its golden file (\(detail)); if the change is intended, re-record with "
                + "SHARESIM_UPDATE_GOLDEN=1 swift test --filter ReportsTests"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}
