/// Reads YAML text into a ``ScenarioNode`` tree with a location on every node.
///
/// Locations are 1-based lines and columns in Unicode scalars, as libyaml (under Yams) gives
/// them. Only one document is read; a second one is a diagnostic. Anchors and aliases are
/// expanded (an alias's nodes keep the anchor's locations) within the node and nesting
/// budget of ``ScenarioLimits``, and YAML merge keys (`<<: *base`) are applied, explicit
/// keys winning. Scalars are not resolved to numbers or booleans. See ``YAMLComposer``.
public enum YAMLReader {
    /// Parses `text` as the contents of `file` (a path used only in locations).
    ///
    /// Records a diagnostic for a YAML syntax error (where libyaml reports it), a duplicate
    /// key, a non-text mapping key, or a limit crossed (a text over ``ScenarioLimits/fileBytes``,
    /// too many nodes, too deep). Returns nil when the text is not YAML or crossed a limit; an
    /// empty document is a null node at 1:1.
    /// - Complexity: O(length of `text`).
    public static func parse(
        _ text: String,
        file: String,
        limits: ScenarioLimits = .standard,
        diagnostics: inout Diagnostics
    ) -> ScenarioNode? {
        parse(text, file: file, limits: limits, nodeAllowance: limits.nodes, diagnostics: &diagnostics).node
    }

    /// ``parse(_:file:limits:diagnostics:)`` with at most `nodeAllowance` nodes (what other
    /// files of the same scenario left), also returning how many nodes the tree has and whether
    /// the allowance ran out.
    static func parse(
        _ text: String,
        file: String,
        limits: ScenarioLimits,
        nodeAllowance: Int,
        diagnostics: inout Diagnostics
    ) -> (node: ScenarioNode?, nodes: Int, ranOutOfNodes: Bool) {
        let size = text.utf8.count
        guard size <= limits.fileBytes else {
            diagnostics.error(
                "the scenario text is too large: " + ScenarioLimits.tooLarge(size, limit: limits.fileBytes),
                at: .startOf(file)
            )
            return (nil, 0, false)
        }
        var composer = YAMLComposer(file: file, limits: limits, nodeAllowance: nodeAllowance)
        let node = composer.compose(text)
        diagnostics.append(contentsOf: composer.diagnostics)
        return (node, composer.nodeCount, composer.ranOutOfNodes)
    }
}
