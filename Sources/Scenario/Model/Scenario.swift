public import ShareModel

/// A scenario read from a file: what it is, where its figures come from, how to run it, the
/// model it describes, and its what-if variants and sweep.
public struct Scenario: Sendable {
    /// The scenario's name, such as `xunlei-hongkong`.
    public var name: String
    /// The question it answers.
    public var description: String
    /// The file it was read from (as given), or the built-in name.
    public var file: String
    /// Figures taken from the seed documents.
    public var sources: [SourceCitation]
    /// Figures not taken from a seed, each with its reason.
    public var assumptions: [Assumption]
    /// The base seed; replication `i` (from 1) runs with `seed + i - 1`.
    public var seed: UInt64
    /// Independent runs to make.
    public var replications: Int
    /// The model to run.
    public var spec: ModelSpec
    /// Named what-if overrides.
    public var variants: [ScenarioVariant]
    /// The scenario's sweep, if it has one.
    public var sweep: ScenarioSweep?
    /// The question the scenario's reports lead with and its headline figures (`report:`).
    public var report: ReportRequest? = nil
    /// The resolved document (after `extends`), which variants and sweeps are applied to.
    public var document: ScenarioNode
    /// Every file read for this scenario, absolute and standardised: its own first, then each
    /// file its `extends` named (even one that only extends another); empty for a scenario
    /// parsed from text.
    public var sourceFiles: [String] = []
    /// The node of each model element in the document, for locating problems found later.
    var elementNodes: [SpecElement: ScenarioNode] = [:]

    /// Where `field` of `element` is written: its value's location, or the deepest part of
    /// that path the file has (the element, else the file's start).
    public func location(of element: SpecElement, _ field: SpecField) -> SourceLocation {
        guard let node = elementNodes[element] ?? elementNodes[.scenario] else {
            return SourceLocation(file: file, line: 1, column: 1)
        }
        return ScenarioBuilder.node(of: field, in: node).location
    }

    /// The seed of replication `replication` (1-based).
    public func seed(forReplication replication: Int) -> UInt64 {
        seed &+ UInt64(replication - 1)
    }
}

/// A figure taken from a seed document.
public struct SourceCitation: Hashable, Sendable {
    /// The seed file, in `seeds/`.
    public var seed: String
    /// The figure as the seed states it.
    public var figure: String
    /// Where the scenario uses it.
    public var usedIn: String
}

/// A figure the scenario assumes, with the reason.
public struct Assumption: Hashable, Sendable {
    /// The figure.
    public var figure: String
    /// Why it is reasonable.
    public var reason: String
}

/// A named what-if: overrides of the scenario by path.
public struct ScenarioVariant: Sendable {
    /// The variant's name, such as `zone-outage`.
    public var name: String
    /// What it changes, in words.
    public var description: String
    /// Path → value overrides, in file order.
    public var overrides: [(path: ScenarioPath, value: ScenarioNode)]
}

/// A sweep: one path and the values to run it at.
public struct ScenarioSweep: Sendable {
    /// The swept path.
    public var path: ScenarioPath
    /// The values, in order.
    public var values: [ScenarioNode]
}
