/// One `PATH=V1,V2,...` assignment, as given to `--set` or a sweep: a path and its values.
///
/// A single value overrides; several values make a sweep. Values are plain scalars (quotes
/// `'…'` or `"…"` are removed and keep commas inside); each value's location points at its
/// column in the assignment text, under a pseudo file name such as `--set`.
public struct OverrideAssignment: Hashable, Sendable {
    /// Where the path should lead.
    public var path: ScenarioPath
    /// Where the path was written.
    public var pathLocation: SourceLocation
    /// The values, each a scalar node at its column.
    public var values: [ScenarioNode]

    /// An assignment of `values` to `path`.
    public init(path: ScenarioPath, pathLocation: SourceLocation, values: [ScenarioNode]) {
        self.path = path
        self.pathLocation = pathLocation
        self.values = values
    }

    /// Parses `text` like `regions.cn-hangzhou.zones.cn-hangzhou-a.servers=100,200`.
    ///
    /// `origin` names the source in locations (`--set`, or `--set #2`); `line` is its line.
    /// Returns nil and records a diagnostic for a missing `=`, an empty or malformed path, an
    /// empty value or an unclosed quote.
    public static func parse(
        _ text: String,
        origin: String = "--set",
        line: Int = 1,
        diagnostics: inout Diagnostics
    ) -> OverrideAssignment? {
        let scalars = Array(text.unicodeScalars)
        let start = SourceLocation(file: origin, line: line, column: 1)
        guard let equals = scalars.firstIndex(of: "=") else {
            diagnostics.error("expected PATH=VALUE[,VALUE...], got '\(text)' (no '=')", at: start)
            return nil
        }
        let pathText = String(String.UnicodeScalarView(scalars[..<equals])).trimmingSpaces
        guard let path = ScenarioPath(parsing: pathText) else {
            diagnostics.error("expected a dotted path before '=', got '\(pathText)'", at: start)
            return nil
        }
        var values: [ScenarioNode] = []
        var index = equals + 1
        while true {
            // Skip leading spaces of the value.
            while index < scalars.count, scalars[index] == " " { index += 1 }
            let valueStart = SourceLocation(file: origin, line: line, column: index + 1)
            var body = String.UnicodeScalarView()
            var quoted = false
            if index < scalars.count, scalars[index] == "'" || scalars[index] == "\"" {
                let quote = scalars[index]
                guard let close = scalars[(index + 1)...].firstIndex(of: quote) else {
                    diagnostics.error("unclosed quote in '\(text)'", at: valueStart)
                    return nil
                }
                body.append(contentsOf: scalars[(index + 1)..<close])
                quoted = true
                index = close + 1
                while index < scalars.count, scalars[index] != "," { index += 1 }
            } else {
                while index < scalars.count, scalars[index] != "," {
                    body.append(scalars[index])
                    index += 1
                }
            }
            let valueText = String(body)
            let trimmed = quoted ? valueText : valueText.trimmingSpaces
            guard quoted || !trimmed.isEmpty else {
                diagnostics.error("empty value in '\(text)'", at: valueStart)
                return nil
            }
            let style: ScalarText.Style = quoted ? .quoted : .plain
            values.append(ScenarioNode(.scalar(ScalarText(trimmed, style: style)), at: valueStart))
            guard index < scalars.count else { break }
            index += 1  // the comma
        }
        return OverrideAssignment(path: path, pathLocation: start, values: values)
    }

    /// Applies a single-valued assignment to `root`, recording a diagnostic if the path does
    /// not lead anywhere (or if there are several values: that is a sweep, not an override).
    public func apply(to root: inout ScenarioNode, diagnostics: inout Diagnostics) {
        guard values.count == 1 else {
            diagnostics.error("'\(path)' has \(values.count) values; an override takes exactly one", at: pathLocation)
            return
        }
        ScenarioOverrides.apply(path: path, value: values[0], to: &root, at: pathLocation, diagnostics: &diagnostics)
    }
}

/// Applies overrides by path (for `variants`, `sweep` and `--set`) and reports paths that miss.
public enum ScenarioOverrides {
    /// Sets the node `path` leads to in `root` to `value`; on failure records a diagnostic at
    /// `location` naming the segment that did not match, and leaves `root` unchanged.
    public static func apply(
        path: ScenarioPath,
        value: ScenarioNode,
        to root: inout ScenarioNode,
        at location: SourceLocation,
        diagnostics: inout Diagnostics
    ) {
        do {
            try root.set(value, at: path)
        } catch {
            diagnostics.append(error.diagnostic(at: location))
        }
    }

    /// Applies `overrides` to `root` in order, as one ``apply(path:value:to:at:diagnostics:)``
    /// each would, each reported at its location when its path misses.
    ///
    /// - Complexity: O(total path length + the entries of the lists and mappings the paths
    ///   pass through), however many overrides go into one list (see ``OverrideBatch``).
    public static func apply(
        _ overrides: [(path: ScenarioPath, value: ScenarioNode, location: SourceLocation)],
        to root: inout ScenarioNode,
        diagnostics: inout Diagnostics
    ) {
        let batch = OverrideBatch(root)
        for override in overrides {
            do {
                try batch.set(override.value, at: override.path)
            } catch {
                diagnostics.append(error.diagnostic(at: override.location))
            }
        }
        root = batch.tree
    }

    /// Applies every `path: value` entry of the mapping `overrides` (a variant) to `root`, in
    /// file order, each reported at its key when its path misses.
    ///
    /// A null `overrides` applies nothing; any other non-mapping is a diagnostic.
    public static func apply(overrides: ScenarioNode, to root: inout ScenarioNode, diagnostics: inout Diagnostics) {
        guard let entries = overrides.mappingEntries else {
            if !overrides.isNull {
                diagnostics.error(
                    "expected a mapping of 'path: value' overrides, got \(overrides.summary)",
                    at: overrides.location
                )
            }
            return
        }
        var parsed: [(path: ScenarioPath, value: ScenarioNode, location: SourceLocation)] = []
        for entry in entries {
            guard let path = ScenarioPath(parsing: entry.key) else {
                diagnostics.error(
                    "invalid path '\(entry.key)': segments must be non-empty and separated by single dots",
                    at: entry.keyLocation
                )
                continue
            }
            parsed.append((path, entry.value, entry.keyLocation))
        }
        apply(parsed, to: &root, diagnostics: &diagnostics)
    }

    /// ``apply(path:value:to:at:diagnostics:)`` with the path as dotted text.
    ///
    /// Returns the new tree (the old one on failure); a malformed path is a diagnostic too.
    public static func apply(
        path text: String,
        value: ScenarioNode,
        to root: ScenarioNode,
        at location: SourceLocation,
        diagnostics: inout Diagnostics
    ) -> ScenarioNode {
        guard let path = ScenarioPath(parsing: text) else {
            diagnostics.error(
                "invalid path '\(text)': segments must be non-empty and separated by single dots",
                at: location
            )
            return root
        }
        var result = root
        apply(path: path, value: value, to: &result, at: location, diagnostics: &diagnostics)
        return result
    }
}
