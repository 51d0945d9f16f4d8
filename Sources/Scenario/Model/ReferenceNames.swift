/// The names of one kind of element as the file writes them: in a fixed order (the
/// candidates for suggestions) and as a set, so checking a reference costs O(1).
struct ReferenceNames {
    /// The names in order, repeats kept.
    private(set) var ordered: [String] = []
    private var set: Set<String> = []

    /// The names in `names`, in that order.
    init(_ names: [String] = []) {
        ordered = names
        set = Set(names)
    }

    /// Whether `name` is one of the names.
    func contains(_ name: String) -> Bool { set.contains(name) }

    /// Whether there are no names.
    var isEmpty: Bool { ordered.isEmpty }

    /// Adds `other`'s names after these.
    mutating func append(contentsOf other: ReferenceNames) {
        ordered += other.ordered
        set.formUnion(other.ordered)
    }
}
