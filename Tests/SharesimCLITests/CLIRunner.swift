import Foundation
import Testing

/// The result of running the `sharesim` executable once.
struct CLIResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs the built `sharesim` binary with `arguments`, waiting for it to finish.
enum CLIRunner {
    /// The `sharesim` executable the tests run: the file `SHARESIM_BINARY` names when set
    /// (CI points it at the release build, so the suite tests what users run and its
    /// simulations take optimised time), else the one next to the test bundle.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["SHARESIM_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("sharesim")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("sharesim")
    }

    static func run(
        _ arguments: [String],
        in directory: URL? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CLIResult {
        try runProgram(executable, arguments, in: directory)
    }

    /// Runs `program` with `arguments` in `directory`, with `environment` instead of this
    /// process's when given, waiting for it to finish.
    static func runProgram(
        _ program: URL,
        _ arguments: [String],
        in directory: URL? = nil,
        environment: [String: String]? = nil
    ) throws -> CLIResult {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self)
        )
    }
}
