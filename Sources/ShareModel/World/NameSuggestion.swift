/// The known name closest to a misspelt one, for "did you mean" messages: the one
/// implementation behind the model's and the scenario files' suggestions.
///
/// Distances are Damerau-Levenshtein in its optimal-string-alignment form (insertions,
/// deletions, substitutions and transpositions of adjacent characters each cost 1), over
/// `Character`s. A candidate is suggested only when it is close enough
/// (distance ≤ max(1, count/3) of what was typed) and it is the single best one.
public enum NameSuggestion {
    /// The edit distance between `a` and `b` (optimal string alignment).
    ///
    /// - Complexity: O(`a.count` × `b.count`).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let s = Array(a)
        let t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var beforePrevious = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    best = min(best, beforePrevious[j - 2] + 1)
                }
                current[j] = best
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[t.count]
    }

    /// The candidate `typed` most probably meant, or nil when none is close or the best is ambiguous.
    ///
    /// Candidates are ranked by the distance between lower-cased forms, then by the exact
    /// distance, so `LRU` suggests `lru`. A candidate equal to `typed` is never suggested.
    /// Repeated candidates count once (at their first position); two different candidates with
    /// the same rank are ambiguous and give no suggestion, so the result never depends on
    /// the order of `candidates` beyond that.
    public static func closest(to typed: String, among candidates: [String]) -> String? {
        let limit = max(1, typed.count / 3)
        let typedLower = typed.lowercased()
        var best: (candidate: String, folded: Int, exact: Int)?
        var ambiguous = false
        let typedLength = typedLower.count
        for candidate in candidates where candidate != typed {
            let candidateLower = candidate.lowercased()
            // The distance is at least the difference in length: most candidates stop here.
            guard abs(candidateLower.count - typedLength) <= limit else { continue }
            let folded = editDistance(typedLower, candidateLower)
            guard folded <= limit else { continue }
            let exact = editDistance(typed, candidate)
            if let current = best {
                if (folded, exact) < (current.folded, current.exact) {
                    best = (candidate, folded, exact)
                    ambiguous = false
                } else if (folded, exact) == (current.folded, current.exact), candidate != current.candidate {
                    ambiguous = true
                }
            } else {
                best = (candidate, folded, exact)
            }
        }
        return ambiguous ? nil : best?.candidate
    }
}
