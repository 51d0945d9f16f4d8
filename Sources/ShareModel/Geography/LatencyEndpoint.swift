public import SimCore

/// One end of a network path as the latency model sees it: a stable name, a place and a kind.
///
/// Sites and populations both become endpoints. The name must be stable across runs and
/// unique within a model: measured-latency overrides and the fixed per-pair jitter are keyed
/// by it, never by an index or by creation order.
public struct LatencyEndpoint: Hashable, Sendable {
    /// The endpoint's stable, unique name (a site or population name from the scenario).
    public let name: String

    /// Where the endpoint is.
    public let coordinate: GeoCoordinate

    /// What kind of place it is.
    public let kind: SiteKind

    /// The one-way access latency added at this end of every path; the kind's
    /// ``SiteKind/defaultAccessLatency`` unless given.
    public let accessLatency: SimDuration

    /// An endpoint called `name` at `coordinate`, of `kind`, with `accessLatency` (one way)
    /// or else the kind's default.
    ///
    /// - Throws: ``SpecError`` about the site: field `name` if it is empty, or `access_latency`
    ///   if it is negative.
    public init(
        name: String,
        coordinate: GeoCoordinate,
        kind: SiteKind,
        accessLatency: SimDuration? = nil
    ) throws(SpecError) {
        guard !name.isEmpty else { throw SpecError(SpecElement(.site), .name, .emptyName) }
        let access = accessLatency ?? kind.defaultAccessLatency
        guard access >= .zero else {
            throw SpecError(SpecElement(.site, name: name), .accessLatency, .negative(got: "\(access)"))
        }
        self.name = name
        self.coordinate = coordinate
        self.kind = kind
        self.accessLatency = access
    }
}
