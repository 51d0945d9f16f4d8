import Foundation

extension ScenarioLoader {
    /// `path` made absolute (against the working directory) and standardised; a built-in's
    /// `builtin:NAME` is kept as it is.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix(BuiltinScenarios.scheme) { return path }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
