/// Deep merge of a base tree and an overriding tree, as `extends` does.
///
/// - Mappings merge key by key: the base's keys keep their order, an overridden key takes the
///   override's key location, and keys only in the override are appended in its order.
/// - Non-empty lists in which every element is a mapping with a `name` (regions, zones, pools)
///   merge element by element by name: a named element in both is merged recursively, new
///   names are appended. An empty override list replaces (it clears).
/// - Anything else (scalars, null, other lists, a kind change) is replaced by the override.
///
/// Every node keeps the location of the file it came from, so diagnostics on merged trees
/// point into the right file. A merged mapping takes the override's location.
public enum ScenarioMerge {
    /// `override` laid over `base`.
    public static func merge(base: ScenarioNode, override: ScenarioNode) -> ScenarioNode {
        switch (base.content, override.content) {
        case let (.mapping(baseEntries), .mapping(overrideEntries)):
            var merged = baseEntries
            for entry in overrideEntries {
                if let index = merged.firstIndex(where: { $0.key == entry.key }) {
                    merged[index].value = merge(base: merged[index].value, override: entry.value)
                    merged[index].keyLocation = entry.keyLocation
                } else {
                    merged.append(entry)
                }
            }
            return .mapping(merged, at: override.location)
        case let (.sequence(baseElements), .sequence(overrideElements)):
            // An empty list on either side replaces: `zones: []` clears the base's zones.
            guard !baseElements.isEmpty, !overrideElements.isEmpty,
                let baseNames = names(of: baseElements), names(of: overrideElements) != nil
            else {
                return override
            }
            var merged = baseElements
            for element in overrideElements {
                if let index = baseNames.firstIndex(of: element.name ?? ""), index < merged.count {
                    merged[index] = merge(base: merged[index], override: element)
                } else {
                    merged.append(element)
                }
            }
            return .sequence(merged, at: override.location)
        default:
            return override
        }
    }

    /// The names of `elements` if every one is a mapping with a scalar `name` (nil otherwise).
    static func names(of elements: [ScenarioNode]) -> [String]? {
        var names: [String] = []
        for element in elements {
            guard let name = element.name else { return nil }
            names.append(name)
        }
        return names
    }
}
