import ShareModel

/// "Did you mean …?" for misspelt field names, units, enum values and references: the
/// scenario layer's name for ``NameSuggestion``, which the model uses too.
public enum Suggestions {
    /// The edit distance between `a` and `b` (see ``NameSuggestion/editDistance(_:_:)``).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        NameSuggestion.editDistance(a, b)
    }

    /// The candidate `typed` most probably meant, or nil when none is close or the best is
    /// ambiguous (see ``NameSuggestion/closest(to:among:)``).
    public static func best(for typed: String, among candidates: [String]) -> String? {
        NameSuggestion.closest(to: typed, among: candidates)
    }
}
