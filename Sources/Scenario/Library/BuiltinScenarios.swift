/// The scenario library of `Simulations/`, built into the binary so that `sharesim run` and
/// `sharesim list` work from any folder.
///
/// The texts live in ``BuiltinScenarios/files`` (generated from `Simulations/*.yaml`; the
/// test suite fails when they drift apart and rewrites them with
/// `SHARESIM_UPDATE_BUILTINS=1 swift test --filter BuiltinScenarios`).
public enum BuiltinScenarios {
    /// The scenario `sharesim run` runs when none is named.
    public static let defaultName = "xunlei-hongkong"

    /// The prefix of a built-in scenario's path in diagnostics: `builtin:NAME:LINE:COLUMN`,
    /// never a path the user does not have. (`sharesim show NAME` prints the text.)
    public static let scheme = "builtin:"

    /// The names of the built-in scenarios, sorted.
    public static var names: [String] {
        files.map(\.name).sorted()
    }

    /// The path a built-in scenario is reported at: `builtin:NAME`.
    public static func path(of name: String) -> String {
        scheme + name
    }

    /// The text of the built-in scenario `name`, if there is one.
    public static func text(of name: String) -> String? {
        files.first { $0.name == name }?.text
    }

    /// The text of the built-in trace at `path` (`traces/NAME.csv`), if there is one.
    public static func trace(named path: String) -> String? {
        let normalized = ScenarioLoader.normalize(path)
        return traces.first { $0.name == normalized }?.text
    }

    /// The built-in scenario `name`, decoded (its `extends` resolved among the built-ins).
    ///
    /// - Throws: ``ScenarioError`` if there is no such scenario (listing those there are) or it
    ///   does not decode (which the test suite rules out).
    public static func scenario(named name: String) throws(ScenarioError) -> Scenario {
        try requireExists(name)
        return try Scenario.load(path: path(of: name), loader: loader)
    }

    /// What `sharesim list` prints: one line per built-in scenario (its name, padded, and the
    /// first line of its description; the default marked), then its variants and sweep, if it
    /// has any, indented under it.
    public static func listing() throws(ScenarioError) -> [String] {
        let width = names.map(\.count).max() ?? 0
        var lines: [String] = []
        for name in names {
            let scenario = try scenario(named: name)
            let summary = scenario.description.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let marker = name == defaultName ? " (default)" : ""
            lines.append(name + String(repeating: " ", count: width - name.count + 2) + summary + marker)
            if let extras = scenario.variantsAndSweep {
                lines.append(String(repeating: " ", count: width + 2) + extras)
            }
        }
        return lines
    }

    /// A loader that reads the built-in scenarios (at `builtin:NAME`) and nothing else.
    public static var loader: ScenarioLoader {
        var texts: [String: String] = [:]
        for file in files { texts[path(of: file.name)] = file.text }
        return ScenarioLoader(files: texts)
    }

    /// Throws unless there is a built-in scenario `name`.
    ///
    /// - Throws: ``ScenarioError`` at `builtin:NAME` naming every built-in scenario, with a
    ///   suggestion when one is close.
    public static func requireExists(_ name: String) throws(ScenarioError) {
        guard text(of: name) == nil else { return }
        var diagnostics = Diagnostics()
        diagnostics.error(
            "no built-in scenario '\(name)' (there are: \(names.joined(separator: ", ")))",
            at: .startOf(path(of: name)),
            suggestion: Suggestions.best(for: name, among: names)
        )
        throw ScenarioError(diagnostics)
    }
}
