/// The static description of one cloud region: a name and its availability zones.
///
/// Alibaba Cloud, for instance, runs 29 regions with 87 zones between them; each region here
/// lists its zones, whose names must differ. Valid by construction: the initialiser throws
/// ``SpecError`` naming the field at fault.
public struct RegionSpec: Hashable, Sendable {
    /// The region's name (`cn-hangzhou`).
    public let name: String
    /// The zones, in the order the region lists them; at least one, names unique.
    public let zones: [ZoneSpec]

    /// A region named `name` made of `zones`.
    ///
    /// - Throws: ``SpecError`` if the name is empty, there is no zone (field `zones`), or two
    ///   zones share a name (element: the zone, field `name`).
    public init(name: String, zones: [ZoneSpec]) throws(SpecError) {
        let element = SpecElement.region(name)
        guard !name.isEmpty else { throw SpecError(element, .name, .emptyName) }
        guard !zones.isEmpty else { throw SpecError(element, .zones, .empty) }
        // Quadratic, but regions hold a handful of zones; no Set, so no hashing order.
        for later in zones.indices {
            for earlier in 0..<later where zones[earlier].name == zones[later].name {
                throw SpecError(.zone(zones[later].name), .name, .duplicateName(zones[later].name))
            }
        }
        self.name = name
        self.zones = zones
    }

    /// The total number of parallel slots over every zone.
    public var capacity: Int { zones.reduce(0) { $0 + $1.capacity } }
}
