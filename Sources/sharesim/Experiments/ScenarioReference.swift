import Foundation
import Scenario

/// What the user named on the command line: a scenario file, or a built-in scenario by name.
struct ScenarioReference: Codable, Hashable, Sendable {
    /// An absolute file path, or a built-in name.
    var location: String
    /// Whether `location` is a built-in name.
    var isBuiltin: Bool

    /// The reference for `argument`: an existing file (made absolute, so worker processes
    /// find it whatever their folder), else a built-in name; nil for the default scenario.
    init(argument: String?) {
        guard let argument else {
            self.init(location: BuiltinScenarios.defaultName, isBuiltin: true)
            return
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue {
            let url = URL(
                fileURLWithPath: argument,
                relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            )
            self.init(location: url.standardizedFileURL.path, isBuiltin: false)
        } else if argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") || argument.contains("/") {
            self.init(location: argument, isBuiltin: false)
        } else {
            self.init(location: argument, isBuiltin: true)
        }
    }

    init(location: String, isBuiltin: Bool) {
        self.location = location
        self.isBuiltin = isBuiltin
    }

    /// The scenario, decoded.
    ///
    /// - Throws: ``ScenarioError`` (with every problem) or ``CommandFailure`` for a missing file.
    func load() throws -> Scenario {
        if isBuiltin { return try BuiltinScenarios.scenario(named: location) }
        guard FileManager.default.fileExists(atPath: location) else {
            throw CommandFailure.usage("no such scenario file: \(location)")
        }
        return try Scenario.load(path: location)
    }
}

/// A failure a command reports in one line, with its exit status.
enum CommandFailure: Error, CustomStringConvertible {
    /// Bad input from the user: exit status 2.
    case usage(String)
    /// The run could not complete: exit status 1.
    case failed(String)
    /// The run was interrupted by a signal: exit status 130.
    case interrupted

    var description: String {
        switch self {
        case .usage(let message), .failed(let message): message
        case .interrupted: "interrupted"
        }
    }
}
