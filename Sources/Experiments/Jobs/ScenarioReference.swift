import Foundation
public import Scenario

/// What the user named: a scenario file, or a built-in scenario by name.
public struct ScenarioReference: Codable, Hashable, Sendable {
    /// An absolute file path, or a built-in name.
    public var location: String
    /// Whether `location` is a built-in name.
    public var isBuiltin: Bool
    /// The texts of the scenario file and of every file it extends, by path, read once when
    /// the command started (see ``pinned()``); nil for built-ins and references not pinned.
    /// Worker processes load from these, so editing a file during a run changes nothing.
    public var pinnedTexts: [String: String]?

    /// The reference for `argument`: an existing file (made absolute, so worker processes
    /// find it whatever their folder), else a built-in name; the default scenario for nil.
    public init(argument: String?) {
        guard let argument else {
            self.init(location: BuiltinScenarios.defaultName, isBuiltin: true)
            return
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue {
            let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let url = URL(fileURLWithPath: argument, relativeTo: folder)
            self.init(location: url.standardizedFileURL.path, isBuiltin: false)
        } else if argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") || argument.contains("/") {
            self.init(location: argument, isBuiltin: false)
        } else {
            self.init(location: argument, isBuiltin: true)
        }
    }

    /// A reference to `location`, a file path or (with `isBuiltin`) a built-in name.
    public init(location: String, isBuiltin: Bool) {
        self.location = location
        self.isBuiltin = isBuiltin
    }

    /// The scenario, decoded.
    ///
    /// - Throws: ``ScenarioError`` (with every problem) or ``ExperimentError/usage(_:)`` for a
    ///   missing file. Figures the scenario's `report:` names that its runs do not report are
    ///   errors at their names.
    public func load() throws -> Scenario {
        let scenario: Scenario
        if isBuiltin {
            scenario = try BuiltinScenarios.scenario(named: location)
        } else if let pinnedTexts {
            scenario = try Scenario.load(path: location, loader: ScenarioLoader(files: pinnedTexts))
        } else {
            guard FileManager.default.fileExists(atPath: location) else {
                throw ExperimentError.usage("no such scenario file: \(location)")
            }
            scenario = try Scenario.load(path: location)
        }
        try scenario.checkReportFigures()
        return scenario
    }

    /// This reference with the texts of its file and every file that file extends read now
    /// (``pinnedTexts``); a built-in is returned as it is.
    ///
    /// - Throws: ``ScenarioError`` or ``ExperimentError/usage(_:)`` as ``load()`` does, or when
    ///   a file cannot be read.
    public func pinned() throws -> ScenarioReference {
        guard !isBuiltin, pinnedTexts == nil else { return self }
        let files = try load().sourceFiles
        var texts: [String: String] = [:]
        for file in files.sorted() {
            do {
                texts[file] = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw ExperimentError.usage("cannot read scenario file \(file): \(error.localizedDescription)")
            }
        }
        var pinned = self
        pinned.pinnedTexts = texts
        return pinned
    }

    /// The name shown in labels: the built-in name, or the file name without its extension.
    public var displayName: String {
        isBuiltin ? location : URL(fileURLWithPath: location).deletingPathExtension().lastPathComponent
    }
}
