/// Typed dense indices for the entities of a model.
///
/// Names are interned to these at load time; the hot path never looks anything up by
/// name. Each is a 32-bit index into the model's struct-of-arrays storage, and the types
/// keep a link index from being used as a site index by mistake.

/// A site: a cloud zone, an edge site or a shared pool.
public struct SiteID: Hashable, Comparable, Sendable {
    /// The index into the model's site tables.
    public var index: UInt32
    /// The site at `index`.
    @inlinable public init(_ index: UInt32) { self.index = index }
    @inlinable public static func < (lhs: SiteID, rhs: SiteID) -> Bool { lhs.index < rhs.index }
}

/// A network link: an uplink, a backbone hop or a client downlink.
public struct LinkID: Hashable, Comparable, Sendable {
    /// The index into the network's link tables.
    public var index: UInt32
    /// The link at `index`.
    @inlinable public init(_ index: UInt32) { self.index = index }
    @inlinable public static func < (lhs: LinkID, rhs: LinkID) -> Bool { lhs.index < rhs.index }
}

/// A transfer in progress over a path of links.
public struct FlowID: Hashable, Comparable, Sendable {
    /// The index into the network's flow tables (slots are reused once a flow ends).
    public var index: UInt32
    /// The flow at `index`.
    @inlinable public init(_ index: UInt32) { self.index = index }
    @inlinable public static func < (lhs: FlowID, rhs: FlowID) -> Bool { lhs.index < rhs.index }
}

/// A population of clients: a place, a size and its workloads.
public struct PopulationID: Hashable, Comparable, Sendable {
    /// The index into the model's population tables.
    public var index: UInt32
    /// The population at `index`.
    @inlinable public init(_ index: UInt32) { self.index = index }
    @inlinable public static func < (lhs: PopulationID, rhs: PopulationID) -> Bool { lhs.index < rhs.index }
}
