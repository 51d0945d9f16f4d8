/// A problem in a whole-model description (``ModelSpec``): which element, which field, and
/// what is wrong with it.
///
/// `element` names the thing the way a scenario file does (`zone 'hz-a'`, `population
/// 'hk'`, `workload 'video'`), and `field` is the field's name in that element, so the
/// scenario layer can point at the file, line and column the value came from.
public struct ModelSpecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The element at fault, such as `population 'hk'`.
    public let element: String
    /// The field at fault, such as `allowed_regions`.
    public let field: String
    /// What is wrong, as a sentence fragment a person understands.
    public let problem: String
    /// A name the user may have meant (for an unknown reference), if one is close.
    public let suggestion: String?

    /// A problem with `field` of `element`.
    public init(element: String, field: String, problem: String, suggestion: String? = nil) {
        self.element = element
        self.field = field
        self.problem = problem
        self.suggestion = suggestion
    }

    /// `element: field: problem`, and `; did you mean '…'?` when there is a suggestion.
    public var description: String {
        let base = "\(element): \(field): \(problem)"
        guard let suggestion else { return base }
        return base + "; did you mean '\(suggestion)'?"
    }
}
