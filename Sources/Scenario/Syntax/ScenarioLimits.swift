/// How much a scenario may ask of the machine while it is read and checked.
///
/// Each limit is enforced while the input is read, so a hostile file is refused after work
/// proportional to the limit, never to what the file would expand to: an alias is charged
/// the size of what it stands for before it is used, an `extends` chain is walked with an
/// explicit stack. Going over a limit is one error located where it was crossed.
/// ``standard`` is what every command uses; tests pass smaller limits.
public struct ScenarioLimits: Hashable, Sendable {
    /// The largest scenario file, in bytes.
    public var fileBytes: Int
    /// The most YAML nodes (scalars, lists and mappings, each alias counted as the nodes it
    /// stands for) in one scenario, every file it extends included.
    public var nodes: Int
    /// The deepest nesting of lists and mappings, aliases expanded.
    public var depth: Int
    /// The most anchors (`&name`) in one file.
    public var anchors: Int
    /// The most aliases (`*name`) in one file.
    public var aliases: Int
    /// The longest `extends` chain, counting the scenario's own file.
    public var extendsDepth: Int
    /// The most distinct files one scenario may read, its own file included.
    public var files: Int
    /// The most nodes that merging extended files may visit in all.
    public var mergeVisits: Int
    /// The most nodes that checking variants and sweep points may decode in all (each one
    /// decodes the whole scenario again).
    public var checkedNodes: Int
    /// The most zone service times (one per zone and workload class) a scenario may hold.
    public var serviceTimes: Int

    /// Limits as given; see each property.
    public init(
        fileBytes: Int,
        nodes: Int,
        depth: Int,
        anchors: Int,
        aliases: Int,
        extendsDepth: Int,
        files: Int,
        mergeVisits: Int,
        checkedNodes: Int,
        serviceTimes: Int
    ) {
        self.fileBytes = fileBytes
        self.nodes = nodes
        self.depth = depth
        self.anchors = anchors
        self.aliases = aliases
        self.extendsDepth = extendsDepth
        self.files = files
        self.mergeVisits = mergeVisits
        self.checkedNodes = checkedNodes
        self.serviceTimes = serviceTimes
    }

    /// The limits every command uses (the README's "Limits" section lists them).
    public static let standard = ScenarioLimits(
        fileBytes: 16 << 20,
        nodes: 1_000_000,
        depth: 64,
        anchors: 10_000,
        aliases: 100_000,
        extendsDepth: 64,
        files: 256,
        mergeVisits: 10_000_000,
        checkedNodes: 5_000_000,
        serviceTimes: 1_000_000
    )

    /// `value` with thousands separators, as limits are printed: `1,000,000`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }

    /// `it has N bytes; a scenario file may have at most M (16 MiB)`.
    static func tooLarge(_ size: Int, limit: Int) -> String {
        let mebibytes = limit % (1 << 20) == 0 ? " (\(limit >> 20) MiB)" : ""
        return "it has \(grouped(size)) bytes; a scenario file may have at most \(grouped(limit))\(mebibytes)"
    }
}
