/// What fails: a cloud zone, a whole region, an edge site, a network link or a failure
/// group of zones, by name.
///
/// Targets are named, not indexed, so that a failure schedule can be written before the
/// model interns its names; ``stableName`` (kind and name) is what the schedule orders by and
/// what its random streams are named after.
public enum FailureTarget: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// An availability zone, such as `hz-a`.
    case zone(String)
    /// A whole region (all of its zones), such as `cn-hangzhou`.
    case region(String)
    /// An edge site, such as `fra-edge-1`.
    case edgeSite(String)
    /// A network link, such as `fra-ams-backbone`.
    case link(String)
    /// A failure group (``FailureGroupSpec``): all of its zones at once, such as `hz-power-1`.
    case group(String)

    /// The target's own name, without its kind.
    public var name: String {
        switch self {
        case .zone(let name), .region(let name), .edgeSite(let name), .link(let name), .group(let name): name
        }
    }

    /// The kind of target as a lower-case word: `zone`, `region`, `edge-site`, `link` or `group`.
    public var kind: String {
        switch self {
        case .zone: "zone"
        case .region: "region"
        case .edgeSite: "edge-site"
        case .link: "link"
        case .group: "group"
        }
    }

    /// Kind and name, such as `zone:hz-a`: unique per target, the same in every process.
    public var stableName: String { "\(kind):\(name)" }

    /// Kind and name for messages, such as `zone hz-a`.
    public var description: String { "\(kind) \(name)" }

    /// Orders by ``stableName``, so listings do not depend on the order targets were given.
    public static func < (lhs: FailureTarget, rhs: FailureTarget) -> Bool {
        lhs.stableName < rhs.stableName
    }
}
