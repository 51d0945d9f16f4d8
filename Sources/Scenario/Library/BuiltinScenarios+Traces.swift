// Generated from Simulations/traces/*.csv by the BuiltinScenarios test
// (SHARESIM_UPDATE_BUILTINS=1 swift test --filter BuiltinScenarios). Do not edit.

extension BuiltinScenarios {
    /// Every built-in trace's path (as scenarios name it, `traces/NAME.csv`) and text.
    public static let traces: [(name: String, text: String)] = []
}
