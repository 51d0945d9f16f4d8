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
    ///
    /// - Complexity: O(size of `override` + the entries of the base mappings and lists it
    ///   meets); subtrees only in `base` are shared, not copied.
    public static func merge(base: ScenarioNode, override: ScenarioNode) -> ScenarioNode {
        var visits = 0
        return merge(base: base, override: override, visits: &visits)
    }

    /// ``merge(base:override:)``, adding to `visits` the nodes and entries it walked.
    static func merge(base: ScenarioNode, override: ScenarioNode, visits: inout Int) -> ScenarioNode {
        visits += 1
        switch (base.content, override.content) {
        case let (.mapping(baseEntries), .mapping(overrideEntries)):
            visits += baseEntries.count + overrideEntries.count
            var merged = baseEntries
            var positions: [String: Int] = Dictionary(minimumCapacity: baseEntries.count)
            for (index, entry) in baseEntries.enumerated() where positions[entry.key] == nil {
                positions[entry.key] = index
            }
            for entry in overrideEntries {
                if let index = positions[entry.key] {
                    merged[index].value = merge(base: merged[index].value, override: entry.value, visits: &visits)
                    merged[index].keyLocation = entry.keyLocation
                } else {
                    positions[entry.key] = merged.count
                    merged.append(entry)
                }
            }
            return .mapping(merged, at: override.location)
        case let (.sequence(baseElements), .sequence(overrideElements)):
            visits += baseElements.count + overrideElements.count
            // An empty list on either side replaces: `zones: []` clears the base's zones.
            guard !baseElements.isEmpty, !overrideElements.isEmpty,
                let baseNames = names(of: baseElements), names(of: overrideElements) != nil
            else {
                return override
            }
            var positions: [String: Int] = Dictionary(minimumCapacity: baseNames.count)
            for (index, name) in baseNames.enumerated() where positions[name] == nil { positions[name] = index }
            var merged = baseElements
            for element in overrideElements {
                // Only the base's own elements merge: two new elements of one name are both kept.
                if let index = positions[element.name ?? ""] {
                    merged[index] = merge(base: merged[index], override: element, visits: &visits)
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
