// Generated from Simulations/*.yaml by the BuiltinScenarios test
// (SHARESIM_UPDATE_BUILTINS=1 swift test --filter BuiltinScenarios). Do not edit.

extension BuiltinScenarios {
    /// Every built-in scenario's name and text, in name order.
    public static let files: [(name: String, text: String)] = [
    ]
}
