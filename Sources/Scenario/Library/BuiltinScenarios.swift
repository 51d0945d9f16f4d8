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

    /// The built-in scenario `name`, decoded (its `extends` resolved among the built-ins).
    ///
    /// - Throws: ``ScenarioError`` if there is no such scenario (with a suggestion) or it
    ///   does not decode (which the test suite rules out).
    public static func scenario(named name: String) throws(ScenarioError) -> Scenario {
        guard text(of: name) != nil else {
            var diagnostics = Diagnostics()
            diagnostics.error(
                "no built-in scenario '\(name)' (see `sharesim list`)",
                at: .startOf(name),
                suggestion: Suggestions.best(for: name, among: names)
            )
            throw ScenarioError(diagnostics)
        }
        var texts: [String: String] = [:]
        for file in files { texts[path(of: file.name)] = file.text }
        return try Scenario.load(path: path(of: name), loader: ScenarioLoader(files: texts))
    }
}
